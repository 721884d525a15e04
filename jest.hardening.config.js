/**
 * `npm run test:hardening`: generated inputs (full counts unless
 * HANDOFF_FUZZ_RUNS says fewer), kill -9 during writes, interrupts, and the
 * built CLI under a real pseudo-terminal (tmux).
 */
import {base} from './jest.config.js';

export default {
  ...base,
  roots: ['<rootDir>/test/hardening', '<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 300000,
};
