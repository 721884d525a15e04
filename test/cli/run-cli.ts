/** Run the built CLI as a black box, the way a user would. */
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/handoff-assess.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: {input?: string; cwd?: string; env?: NodeJS.ProcessEnv} = {}): Run {
  const base = {...process.env};
  delete base.NODE_OPTIONS; // jest's --experimental-vm-modules is not the user's
  const env = {...base, NO_COLOR: '1', ...options.env};
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    timeout: 20000,
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
