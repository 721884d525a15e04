/**
 * Shared pieces of the hardening tests (issue 5): running `main()` in-process
 * with injected streams, the built binary as a black box, and the checks
 * every run must pass (an exit code of 0 or 2, no stack trace, no hang).
 */
import fc from 'fast-check';
import {Readable, Writable} from 'node:stream';
import {main, type Io} from '../../src/cli.js';

export {ROOT, BIN, runCli} from '../cli/run-cli.js';

/** A write stream that keeps what is written. */
export class Sink extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.text += String(chunk);
    callback();
  }
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * `main(argv)` with injected io: stdin holds `input` (bytes or text), stdout
 * and stderr are collected. A run still going after `timeoutMs` is a hang
 * and rejects.
 */
export async function runInProcess(argv: string[], options: {input?: Buffer | string; cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number} = {}): Promise<InProcessRun> {
  const stdout = new Sink();
  const stderr = new Sink();
  const input = options.input === undefined ? Buffer.alloc(0) : Buffer.isBuffer(options.input) ? options.input : Buffer.from(options.input, 'utf8');
  const stdin = Readable.from([input]) as unknown as NodeJS.ReadStream;
  const io: Io = {
    stdin,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    cwd: options.cwd ?? process.cwd(),
    env: {NO_COLOR: '1', ...options.env},
    now: () => new Date(2026, 2, 1, 12, 0, 0),
  };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`main(${JSON.stringify(argv)}) did not finish within ${options.timeoutMs ?? 10000} ms`)), options.timeoutMs ?? 10000);
  });
  try {
    const code = await Promise.race([main(argv, io), hang]);
    return {code, stdout: stdout.text, stderr: stderr.text, ms: performance.now() - started};
  } finally {
    clearTimeout(timer);
    // main() sets process.exitCode for the binary; the test process is not the binary.
    process.exitCode = undefined;
  }
}

/** What no run may print: an unexpected-error report or a stack trace. */
export function crashSigns(stderr: string): string | undefined {
  if (/unexpected error/i.test(stderr)) return 'an "unexpected error"';
  if (/^\s+at .+[:(].*\d+:\d+\)?$/m.test(stderr)) return 'a stack trace';
  if (/\b(TypeError|ReferenceError|RangeError|SyntaxError): /.test(stderr)) return 'a JavaScript error name';
  // Messages of the engine or a library that say nothing to a user (each was once found by the fuzz tests).
  if (/Maximum call stack|parseAllDocuments|resource exhaustion attack|is not a function|of undefined|of null\b/.test(stderr)) return 'an engine or library message';
  return undefined;
}

/**
 * The contract for any input: exit 0, or exit 2 with a message that names
 * the input and says what is wrong; nothing else. Returns a description of
 * the breach, or undefined.
 */
export function breach(run: {code: number | null; stderr: string}, name: string): string | undefined {
  if (run.code !== 0 && run.code !== 2) return `exit ${run.code}`;
  const crash = crashSigns(run.stderr);
  if (crash) return `stderr shows ${crash}`;
  if (run.code === 2 && !run.stderr.includes(name)) return `exit 2 but stderr does not name ${name}`;
  return undefined;
}

/** fc.assert, with the report of a failure cut short (a counterexample may be megabytes of text). */
export async function check<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>, params: fc.Parameters<Ts>): Promise<void> {
  try {
    await fc.assert(property, params);
  } catch (error) {
    const cause = (error as {cause?: Error}).cause;
    const message = `${cause ? `${String(cause.message ?? cause).slice(0, 3000)}\n\n` : ''}${(error as Error).message}`;
    throw new Error(message.length > 6000 ? `${message.slice(0, 3000)}\n[... ${message.length - 6000} characters cut ...]\n${message.slice(-3000)}` : message);
  }
}

/** A fixed clock and seed for every generated run, so a failure can be replayed. */
export const SEED = Number(process.env.HARDENING_SEED ?? 20260301);

/**
 * How many inputs a fuzz property tries: `full` (what `npm run test:hardening`
 * and CI run), or HANDOFF_FUZZ_RUNS when set, for a quick local pass
 * (`HANDOFF_FUZZ_RUNS=50 npm run test:hardening`).
 */
export function fuzzRuns(full: number): number {
  const wanted = process.env.HANDOFF_FUZZ_RUNS;
  if (wanted === undefined || wanted === '') return full;
  const n = Number(wanted);
  if (!Number.isInteger(n) || n < 1) throw new Error(`HANDOFF_FUZZ_RUNS must be a whole number of at least 1, for example HANDOFF_FUZZ_RUNS=50 (got "${wanted}")`);
  return n;
}

/** A count as the test names show it: 4,500. */
export const count = (n: number): string => n.toLocaleString('en');
