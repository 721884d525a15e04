/**
 * Running the CLI in tests: `runCli` spawns the built binary as a black box,
 * the way a user would (for what only a process shows: the bundle, exit codes,
 * what is loaded); `runInProcess` calls `main(argv, io)` with injected streams,
 * about 200 ms faster a run.
 */
import {expect} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {Readable, Writable} from 'node:stream';
import {fileURLToPath} from 'node:url';
import {main, type Io} from '../../src/cli.js';
import {findPdfBlock, type EmbeddedData} from '../../src/report/embed.js';

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
    timeout: 60_000, // a hang guard only
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

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

/** `main(argv)` with a terminal as stdout (isTTY): what a user typing the command sees. */
export async function runOnTerminal(argv: string[], options: {cwd?: string} = {}): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout = Object.assign(new Sink(), {isTTY: true});
  const stderr = new Sink();
  const io: Io = {
    stdin: process.stdin,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    cwd: options.cwd ?? process.cwd(),
    env: {NO_COLOR: '1'},
    now: () => new Date(2026, 2, 1, 12, 0, 0),
  };
  try {
    return {code: await main(argv, io), stdout: stdout.text, stderr: stderr.text};
  } finally {
    process.exitCode = undefined;
  }
}

/**
 * `pdf` is a PDF sealed with `data` (in part), and `flag pdf -o again.pdf` (--combine, --portfolio)
 * makes it again byte for byte.
 */
export async function expectRemadeByteForByte(pdf: string, flag: string, data: Partial<EmbeddedData>): Promise<void> {
  const bytes = readFileSync(pdf);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(findPdfBlock(bytes)?.data).toMatchObject({...data, format: 'pdf'});
  const again = join(dirname(pdf), `again-${Math.random().toString(36).slice(2)}.pdf`);
  expect((await runInProcess([flag, pdf, '-o', again], {timeoutMs: 60_000})).code).toBe(0);
  expect(readFileSync(again).equals(bytes)).toBe(true);
}
