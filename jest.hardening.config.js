/**
 * `npm run test:hardening`: generated inputs (full counts unless
 * HANDOFF_FUZZ_RUNS says fewer), kill -9 during writes, interrupts, and the
 * built CLI under a real pseudo-terminal (tmux).
 */
import {availableParallelism} from 'node:os';
import {base} from './jest.config.js';

export default {
  ...base,
  roots: ['<rootDir>/test/hardening', '<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 300000,
  // Most of these files wait on child processes and tmux: two at once even on 2 cores
  // (jest's default there is one). 147 s -> 96 s on the 2-core machine.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
