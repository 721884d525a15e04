/**
 * runInteractive on fake terminals, for the session tests: the plain mode on a
 * FakeTerminal (a TTY unless told otherwise) and the wizard on a fake TTY of 100 x 40.
 * The clock starts at `start` and moves a second at each read, so saved times differ.
 */
import {PassThrough} from 'node:stream';
import type {Answers, Bank} from '../../src/engine/types.js';
import {runInteractive, type InteractiveOptions} from '../../src/session/run-interactive.js';
import {waitFor} from '../ui/ink/helpers.js';
import {FakeStdin, FakeStdout} from '../ui/ink/fake-tty.js';
import {FakeTerminal} from '../ui/plain/fake-terminal.js';

export interface Place {
  bank: Bank;
  /** The working folder. */
  root: string;
  env: NodeJS.ProcessEnv;
  /** The first time the clock reads, less a second (default 2025-01-31 14:05:09 UTC). */
  start?: number;
}

function base(place: Place, plain: boolean): Omit<InteractiveOptions, 'stdin' | 'stdout' | 'stderr'> {
  let clock = place.start ?? Date.UTC(2025, 0, 31, 14, 5, 9);
  return {
    bank: place.bank,
    plain,
    cwd: place.root,
    now: () => new Date((clock += 1000)),
    renderReport: (answers: Answers) => `# Report for ${answers.context.organisation}\n`,
    date: new Date(clock).toISOString().slice(0, 10),
    env: place.env,
  };
}

/** The plain mode on a fake terminal; `stderr()` is what it wrote there so far. */
export function runPlain(place: Place, extra: Partial<InteractiveOptions> = {}, tty = true) {
  const term = new FakeTerminal();
  if (tty) {
    Object.assign(term.input, {isTTY: true});
    Object.assign(term.output, {isTTY: true});
  }
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c) => (err += String(c)));
  const code = runInteractive({
    ...base(place, true),
    stdin: term.input as unknown as NodeJS.ReadStream,
    stdout: term.output as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    ...extra,
  });
  return {term, code, stderr: () => err};
}

/** The Ink wizard on a fake TTY; `screen(text)` waits for a frame holding `text` and returns it. */
export function runWizard(place: Place, extra: Partial<InteractiveOptions> = {}) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(100, 40);
  const code = runInteractive({
    ...base(place, false),
    stdin: stdin as unknown as NodeJS.ReadStream,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new PassThrough() as unknown as NodeJS.WriteStream,
    ...extra,
  });
  const screen = (text: string) => waitFor(() => stdout.screen().includes(text) && stdout.screen(), () => stdout.screen());
  return {stdin, stdout, code, screen};
}
