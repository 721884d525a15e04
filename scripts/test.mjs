/**
 * `npm test`: the typecheck (tsc --noEmit) and jest at the same time, on
 * separate cores; fails if either fails. `npm run build` runs first (pretest).
 * tsc keeps its incremental state in node_modules/.cache, so a second run
 * checks only what changed.
 *
 * Usage: node scripts/test.mjs [jest arguments...]
 *        (npm test -- test/engine runs only those files; the typecheck still runs)
 */
import {spawn} from 'node:child_process';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const env = {...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --disable-warning=ExperimentalWarning`.trim()};

function run(name, args, options) {
  const child = spawn(process.execPath, args, {env, ...options});
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({name, code: code ?? (signal ? 1 : 0), child})));
}

// tsc's output is held and printed after jest's, so the two never interleave.
let typeErrors = '';
const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsc-test.tsbuildinfo'], {stdio: ['ignore', 'pipe', 'pipe']});
tsc.stdout.on('data', (c) => (typeErrors += c));
tsc.stderr.on('data', (c) => (typeErrors += c));
const typecheck = new Promise((resolve) => tsc.on('close', (code) => resolve(code ?? 1)));

const jest = await run('jest', [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], {stdio: 'inherit'});
const tscCode = await typecheck;
if (tscCode !== 0) process.stderr.write(`\ntsc --noEmit found type errors:\n${typeErrors}`);
process.exitCode = jest.code !== 0 ? jest.code : tscCode;
