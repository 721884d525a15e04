/**
 * Shared pieces of the hardening tests (issue 5): running `main()` in-process
 * with injected streams and the built binary as a black box (test/cli/run-cli.ts), and the checks
 * every run must pass (an exit code of 0 or 2, no stack trace, no hang).
 */
import fc from 'fast-check';

export {ROOT, BIN, runCli, runInProcess, Sink, type InProcessRun} from '../cli/run-cli.js';

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
