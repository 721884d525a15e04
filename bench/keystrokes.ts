/**
 * Keystroke to redrawn frame, in the real wizard. bench/run.mjs bundles this
 * file with the CLI's own esbuild options (React's production build) and runs
 * it in a fresh node process.
 *
 * How it is measured: the wizard's real entry point (runInkWizard) renders to
 * a fake terminal: a stdout that is a TTY of 100x30 and timestamps every
 * write, and a stdin that is a TTY in raw mode. For each key the harness
 * writes the key's bytes to stdin and takes the time until the first write of
 * frame content to stdout (Ink's synchronized-output markers alone do not
 * count). The next key follows 40 to 60 ms after the frame, as typing does;
 * Ink draws at most 30 frames a second, and a key after a quiet 33 ms is drawn
 * at once (leading edge). Three screens, 241 keys in all: typing and deleting
 * in a text answer, moving up and down a 1-5 scale, and scrolling the rendered
 * report on the result screen. It prints one JSON object.
 */
import {EventEmitter} from 'node:events';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {parseAnswers} from '../src/answers/parse-answers.js';
import {cachedBank} from '../src/bank/bank-cache.js';
import {buildSteps, startInterview, type InterviewState} from '../src/engine/interview.js';
import type {Bank} from '../src/engine/types.js';
import {renderReport} from '../src/report/render-report.js';
import {createSession} from '../src/session/runner.js';
import {runInkWizard} from '../src/ui/ink/run-wizard.js';

const KEY = {enter: '\r', up: '\u001B[A', down: '\u001B[B', backspace: '\u007F', ctrlC: '\u0003'};
const SYNC_MARKERS = /^(\u001B\[\?2026[hl])+$/;
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  send(bytes: string): void {
    this.queue.push(bytes);
    this.emit('readable');
  }
  read(): string | null {
    return this.queue.shift() ?? null;
  }
  setEncoding(): this {
    return this;
  }
  setRawMode(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  /** Called with the time of each write of frame content. */
  onFrame: ((at: number) => void) | undefined;
  text = '';
  write(chunk: string | Uint8Array): boolean {
    const at = performance.now();
    const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (SYNC_MARKERS.test(s)) return true;
    this.text = s;
    this.onFrame?.(at);
    return true;
  }
}

interface Screen {
  stdin: FakeStdin;
  stdout: FakeStdout;
  done: Promise<unknown>;
}

function open(bank: Bank, initial: InterviewState, date: string): Screen {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout();
  const session = createSession({bank, date, cwd: process.cwd()}, initial, {
    saveDraft: () => undefined,
    renderReport: (answers, format) => renderReport({bank, answers, date, format}),
    writeReport: () => 'written',
  });
  const done = runInkWizard(session, {stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream});
  return {stdin, stdout, done};
}

/** Wait until `check` passes on the last frame (keys sent before Ink listens are lost). */
async function until(screen: Screen, check: (frame: string) => boolean, what: string, timeout = 10_000): Promise<void> {
  const start = Date.now();
  while (!(screen.stdin.listenerCount('readable') > 0 && check(screen.stdout.text))) {
    if (Date.now() - start > timeout) throw new Error(`keystrokes: timed out waiting for ${what}; last frame:\n${screen.stdout.text}`);
    await delay(5);
  }
}

const latencies: number[] = [];
let missed = 0;

/** One key: the time from writing it to the first frame drawn after it. */
async function press(screen: Screen, key: string): Promise<void> {
  const frame = new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 1000);
    screen.stdout.onFrame = (at) => {
      clearTimeout(timer);
      screen.stdout.onFrame = undefined;
      resolve(at);
    };
  });
  const sent = performance.now();
  screen.stdin.send(key);
  const at = await frame;
  if (at === undefined) {
    missed++;
    if (process.env.BENCH_DEBUG) process.stderr.write(`no frame after ${JSON.stringify(key)} (key ${latencies.length + missed}); last frame:\n${screen.stdout.text}\n`);
  }
  else latencies.push(at - sent);
  await delay(40 + Math.random() * 20);
}

async function close(screen: Screen): Promise<void> {
  screen.stdin.send(KEY.ctrlC);
  await screen.done;
  if (process.env.BENCH_DEBUG) {
    const m = process.memoryUsage();
    const mb = (n: number) => (n / 1048576).toFixed(1);
    process.stderr.write(`memory: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}\n`);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const root = process.argv[2] ?? process.cwd();
  // As the CLI does: the build's cache of the bank, else the loader (and zod) only then.
  const bank = cachedBank(join(root, 'questions'), join(root, 'dist', 'bank.json')) ?? (await import('../src/bank/load-bank.js')).loadBankDir(join(root, 'questions')).bank;
  if (!bank) throw new Error('keystrokes: the question bank does not load');
  const date = '2026-11-22';
  const steps = buildSteps(bank);

  // 1. The welcome, then typing and deleting in the first text question.
  const typing = open(bank, startInterview(bank), date);
  await until(typing, (f) => f.length > 0, 'the welcome screen');
  await press(typing, KEY.enter);
  // No spaces: a trailing space changes nothing on screen, so Ink rightly writes no frame for it.
  const text = 'Acme-Benchmarking-Ltd/Northern-Region.';
  await until(typing, (f) => !f.includes('Press enter'), 'the first question');
  for (let i = 0; i < 60; i++) await press(typing, text[i % text.length]!);
  for (let i = 0; i < 30; i++) await press(typing, KEY.backspace);
  for (let i = 0; i < 30; i++) await press(typing, text[i % text.length]!);
  await close(typing);

  // 2. Up and down a 1-5 scale question.
  const scaleAt = steps.findIndex((s) => s.kind === 'scale');
  const scale = open(bank, {...startInterview(bank), index: scaleAt}, date);
  await until(scale, (f) => f.length > 0, 'the welcome screen');
  scale.stdin.send(KEY.enter); // continue at the question
  await until(scale, (f) => f.includes(steps[scaleAt]!.title), 'the scale question');
  for (let i = 0; i < 60; i++) await press(scale, i % 2 === 0 ? KEY.down : KEY.up);
  await close(scale);

  // 3. The result screen: the report rendered for the terminal (src/ui/ink/render-markdown.ts, loaded lazily), scrolled.
  const example = parseAnswers('examples/acme.yaml', readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8'), bank);
  if (!example.answers) throw new Error('keystrokes: examples/acme.yaml does not parse');
  // The example has no handoff map: skipped ([]), so every question is answered and the wizard opens on the review.
  const result = open(bank, startInterview(bank, {...example.answers, handoffs: []}), date);
  await until(result, (f) => f.length > 0, 'the welcome screen');
  result.stdin.send(KEY.enter); // continue: every question is answered, so the review
  await until(result, (f) => !f.includes('Press enter'), 'the review');
  result.stdin.send('r');
  await until(result, (f) => /lines \d+-\d+ of \d+/.test(f), 'the rendered report');
  await delay(50);
  for (let i = 0; i < 60; i++) await press(result, i % 2 === 0 ? KEY.down : KEY.up);
  await close(result);

  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  process.stdout.write(
    `${JSON.stringify({
      keys: latencies.length + missed,
      framed: latencies.length,
      missed,
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1]!),
      maxRssMB: round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
