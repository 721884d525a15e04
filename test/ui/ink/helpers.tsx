/**
 * Test helpers for the Ink wizard: the real question bank, the App mounted
 * with ink-testing-library, keys as the bytes a terminal sends, and polling
 * of frames (Ink renders asynchronously, and keys written before Ink listens
 * are lost: NOTES.md).
 */
import {render} from 'ink-testing-library';
import {loadBankDir} from '../../../src/bank/load-bank.js';
import type {InterviewState} from '../../../src/engine/interview.js';
import type {Answers, Bank} from '../../../src/engine/types.js';
import type {ReportFormat} from '../../../src/report/report-types.js';
import {App} from '../../../src/ui/ink/App.js';
import {makeTheme} from '../../../src/ui/ink/theme.js';
import {testSession, type Outcome} from '../../session/helpers.js';

export {fakeReport} from '../../session/helpers.js';

export const KEY = {
  enter: '\r',
  esc: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  tab: '\t',
  space: ' ',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlN: '\u000E',
  ctrlU: '\u0015',
} as const;

export function realBank(): Bank {
  const {bank, errors} = loadBankDir();
  if (!bank) throw new Error(`bank: ${JSON.stringify(errors)}`);
  return bank;
}

export const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Let Ink take a key: a few turns of the event loop, no clock. Ink hands a
 * lone ESC on at the next turn (it may start a sequence), and React attaches
 * the input handlers of the new state in a passive effect at the turn after;
 * a key sent before that reaches the old handler.
 */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 3; turn++) await new Promise<void>((r) => setImmediate(r));
}

/**
 * Poll until `check` passes (returns its value). Fails only when the screen
 * (`describe`) has not changed for `stalled` ms: a slow machine waits longer,
 * a stuck wizard still fails, with its last frame.
 */
export async function waitFor<T>(check: () => T | undefined | false, describe: () => string, stalled = 15000): Promise<T> {
  let last = describe();
  let lastChange = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    const now = describe();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > stalled) {
      throw new Error(`timed out waiting: the screen did not change for ${stalled} ms; last frame:\n${now}`);
    }
    await delay(5);
  }
}

export interface Mounted {
  lastFrame(): string;
  press(...keys: string[]): Promise<void>;
  type(text: string): Promise<void>;
  /** Wait for a frame that shows `text`; fails when the frame stops changing for `stalled` ms without it. */
  waitForFrame(text: string | RegExp, stalled?: number): Promise<string>;
  /** Every state onChange was called with, in order. */
  changes: InterviewState[];
  outcome(): Outcome | undefined;
  waitForOutcome(): Promise<Outcome>;
  cwd: string;
  bank: Bank;
  unmount(): void;
  stdout: {columns: number; rows?: number; emit(event: string): boolean};
}

export interface MountOptions {
  bank?: Bank;
  initial?: InterviewState;
  renderReport?: (answers: Answers, format: ReportFormat) => string | Promise<string | Uint8Array>;
  cwd?: string;
  noColor?: boolean;
  respondentOf?: {from: string};
}

export async function mount(options: MountOptions = {}): Promise<Mounted> {
  const bank = options.bank ?? realBank();
  const {session, changes, cwd, outcome} = testSession({bank, initial: options.initial, cwd: options.cwd, date: '2026-11-22', renderReport: options.renderReport, respondentOf: options.respondentOf});
  const app = render(<App session={session} theme={makeTheme(options.noColor === false ? {} : {NO_COLOR: '1'})} />);
  const stdin = app.stdin as unknown as NodeJS.EventEmitter & {write(s: string): void};
  // Keys written before Ink listens are lost: wait for its listener.
  await waitFor(() => stdin.listenerCount('readable') > 0, () => app.lastFrame() ?? '');
  const lastFrame = () => app.lastFrame() ?? '';
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      stdin.write(key);
      await settle();
    }
  };
  return {
    lastFrame,
    press,
    type: async (text: string) => press(...[...text]),
    waitForFrame: (text, stalled) => waitFor(() => (typeof text === 'string' ? lastFrame().includes(text) : text.test(lastFrame())) && lastFrame(), lastFrame, stalled),
    changes,
    outcome,
    waitForOutcome: () => waitFor(outcome, lastFrame),
    cwd,
    bank,
    unmount: () => app.unmount(),
    stdout: app.stdout as unknown as Mounted['stdout'],
  };
}

/** Keys that answer the interview, one group per screen: the welcome, then each question in order. */
export const INTERVIEW_KEYS: string[][] = [
  [KEY.enter], // welcome
  [...'Acme Ltd', KEY.enter],
  [KEY.enter], // assessor: skipped
  ['1'], // role: consultant
  [...'Sales to ops', KEY.enter],
  [...'HubSpot, Gmail', KEY.enter],
  ['s'], // the handoff map: skipped
  ['4', KEY.enter],
  ['5', KEY.enter],
  ['d'],
  ['4', KEY.enter],
  ['2', KEY.enter], // the five axes, each known answer's figure skipped with enter
  [KEY.space, KEY.enter], // manage in place: the first signal
  [KEY.enter], // remediation sprint: none
  ['2'], // the first disqualifier applies: "Is there one person who can approve tradeoffs...?" No
  ['1'], // the others do not: yes
  ['y'],
  [KEY.down, KEY.enter], // ↓ from nothing chosen highlights "yes"
];

/** The keys of screens `from` to `to` (exclusive) of INTERVIEW_KEYS. */
export const keysOf = (from: number, to = INTERVIEW_KEYS.length): string[] => INTERVIEW_KEYS.slice(from, to).flat();

/** Keys from the welcome screen to the review. */
export const WHOLE_INTERVIEW: string[] = keysOf(0);
