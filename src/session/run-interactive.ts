/**
 * The interactive path: check the terminal, find where the interview starts
 * (fresh, or a resumed draft), run one session with its effects, drawn by
 * the Ink wizard or the plain mode (--plain, TERM=dumb), and turn how it
 * ended into messages and an exit code. React and Ink are imported only
 * here and only when the wizard runs.
 */
import {constants} from 'node:os';
import {resumeState, startInterview, type InterviewState} from '../engine/interview.js';
import type {Answers, Bank} from '../engine/types.js';
import {stripControls} from '../report/escape.js';
import type {ReportFormat} from '../report/report-types.js';
import {DraftLockedError, lockDraft} from '../store/draft-lock.js';
import {DraftError, draftsDir, ensureDraftsDir, listDrafts, loadDraft, type LoadedDraft, type StoreOptions} from '../store/drafts.js';
import {noTerminal, passNoColorOn, wantsPlain} from '../terminal.js';
import type {FrontEndModule} from '../ui/types.js';
import {planResume, type PickedDraft} from './resume-pick.js';
import {secondRespondent} from './session.js';
import {EXIT} from '../cli-errors.js';
import {commandLine} from '../invocation.js';
import {createSession, type Session} from './runner.js';
import {draftKeeper, fileServices, type DraftKeeper, type DraftKeeperOptions} from './services.js';

export interface InteractiveOptions {
  bank: Bank;
  /** Use the line-by-line mode (also chosen when TERM=dumb). */
  plain: boolean;
  /** Continue a saved interview: `true` for the latest, or a draft id or path. */
  resume?: string | true;
  /** Issue 14: interview another respondent on the workflow of this draft (id or path) or answers file: its context, blank answers. */
  respondentOf?: string;
  /** Where reports are saved by default, and relative draft paths are resolved. */
  cwd: string;
  /** The clock: draft ids and save times. */
  now: () => Date;
  /** The report date (YYYY-MM-DD): it names the report files offered. */
  date: string;
  /** The report for these answers in one format (the caller binds the bank, date and template). */
  renderReport(answers: Answers, format: ReportFormat): string | Promise<string | Uint8Array>;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** TERM, NO_COLOR and the drafts folder (HANDOFF_ASSESS_STATE_DIR, XDG_STATE_HOME) are read here. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * What renderReport needs loaded (the CLI's report code). Awaited together with the
   * front end's own code, which starts loading first, before the interview starts.
   */
  prepare?: Promise<unknown>;
}

/** Run the interview on this terminal; returns the exit code. */
export async function runInteractive(opts: InteractiveOptions): Promise<number> {
  const env = opts.env ?? process.env;
  const store: StoreOptions = {env, cwd: opts.cwd};
  const err = lines(opts.stderr);

  const refusal = noTerminal(opts.stdin, opts.stdout, env);
  if (refusal) {
    err(`handoff-assess: ${refusal}`);
    return EXIT.usage;
  }

  // The front end's code (Ink and React, or inquirer) starts loading now, while the drafts are read.
  const plain = wantsPlain(opts.plain, env);
  passNoColorOn(env);
  const frontEndLoading = Promise.all([plain ? loadPlain() : loadInk(), opts.prepare]);
  frontEndLoading.catch(() => undefined); // awaited below; until then a failure is not unhandled

  // --resume without an id and several drafts: the user picks which (never silently the latest).
  let resume = opts.resume;
  let respondentOf = opts.respondentOf;
  if (resume === true) {
    const plan = planResume(listDrafts({...store, bank: opts.bank}), opts.now());
    if (plan.kind === 'draft') resume = plan.path;
    if (plan.kind === 'pick') {
      const [frontEnd] = await frontEndLoading;
      // A signal while the list is up ends the pick as esc does (the terminal restored), with the signal's exit code.
      const signals = catchSignals();
      let picked: PickedDraft | undefined;
      try {
        picked = await frontEnd.pickDraft(plan, {stdin: opts.stdin, stdout: opts.stdout, env, signal: signals.signal});
      } finally {
        signals.release();
      }
      if (picked === undefined) {
        err(`No saved interview picked: nothing was resumed. List them with: ${commandLine('drafts', env)}`);
        return signals.exitCode() ?? EXIT.interrupted;
      }
      if (picked.as === 'respondent') {
        resume = undefined;
        respondentOf = picked.path;
      } else resume = picked.path;
    }
  }

  const start = findStart({...opts, resume, respondentOf}, store);
  if (typeof start === 'string') {
    err(`handoff-assess: ${start}`);
    return EXIT.usage;
  }
  if (typeof start === 'number') return start;

  try {
    ensureDraftsDir(store);
  } catch (error) {
    err(
      `handoff-assess: cannot keep drafts in ${draftsDir(store)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), so answers could be lost.\n` +
        `Set HANDOFF_ASSESS_STATE_DIR to a folder you can write to, e.g. HANDOFF_ASSESS_STATE_DIR=~/handoff-drafts ${commandLine('', env)}`,
    );
    return EXIT.failure;
  }

  // The draft: the resumed one when it lives in the drafts folder (locked for this wizard), else a new one named on first save.
  const resumed = start.resumed;
  let existing: DraftKeeperOptions['existing'];
  if (resumed?.inStore) {
    try {
      existing = {id: resumed.id, path: resumed.path, lock: lockDraft(resumed.id, store)};
    } catch (error) {
      err(`handoff-assess: ${(error as Error).message}`);
      return error instanceof DraftLockedError ? EXIT.usage : EXIT.failure;
    }
  }
  const drafts = draftKeeper({bank: opts.bank, store, now: opts.now, existing});
  try {
    return await interview(opts, start, drafts, frontEndLoading);
  } finally {
    // Every way out (finished, ctrl+c, SIGTERM, SIGHUP, an error): the draft is no longer open here.
    drafts.release();
  }
}

/** The interview itself, on a draft this process holds. */
async function interview(
  opts: InteractiveOptions,
  start: {initial: InterviewState; resumed?: LoadedDraft; respondentOf?: {from: string}},
  drafts: DraftKeeper,
  frontEndLoading: Promise<[FrontEndModule, unknown]>,
): Promise<number> {
  const env = opts.env ?? process.env;
  const err = lines(opts.stderr);
  const resumed = start.resumed;
  if (resumed && !resumed.inStore) {
    try {
      drafts.save(start.initial);
    } catch {
      // Told at the end, with the rest.
    }
    if (drafts.path) err(`Continuing from ${resumed.path}; your answers are saved as the draft ${drafts.id}.`);
  }

  // Both renderers draw from the session's bank: its words, cleaned for the terminal. Drafts and reports use the bank as loaded.
  const welcomeBack = resumed && {saved: resumed.saved, now: opts.now()};
  const session = createSession({bank: displayBank(opts.bank), date: opts.date, cwd: opts.cwd, resumed: welcomeBack, respondentOf: start.respondentOf}, start.initial, fileServices(drafts, opts.renderReport));
  // SIGINT, SIGTERM and SIGHUP end either front end as ctrl+c does, with the exit code of the signal (130, 143, 129).
  // The wizard reads ctrl+c as a key once the terminal is in raw mode; a ctrl+c typed before that (on the
  // first frame, before Ink switches the terminal) arrives as SIGINT, and must pause the interview too.
  const signals = catchSignals();
  try {
    const [frontEnd] = await frontEndLoading;
    await frontEnd.run(session, {stdin: opts.stdin, stdout: opts.stdout, signal: signals.signal, env});
  } catch (error) {
    saveQuietly(drafts, session.state.interview);
    err(`handoff-assess: the interview stopped on an error: ${(error as Error).message}`);
    if (drafts.path) err(`Your answers are saved in ${drafts.path}. Resume with: ${commandLine(`--resume ${drafts.id}`, env)}`);
    return EXIT.failure;
  } finally {
    signals.release();
  }
  return closingWords(session, drafts, opts, signals.exitCode() ?? EXIT.interrupted);
}

/**
 * SIGINT, SIGTERM and SIGHUP, caught while a front end runs: the first one aborts `signal` (the front end
 * ends as on ctrl+c); `exitCode()` is then 128 + its number (130, 143, 129). `release()` stops catching.
 */
function catchSignals(): {signal: AbortSignal; exitCode: () => number | undefined; release: () => void} {
  const controller = new AbortController();
  let caught: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    caught ??= signal;
    controller.abort();
  };
  const names: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const name of names) process.on(name, onSignal);
  return {
    signal: controller.signal,
    exitCode: () => (caught ? 128 + constants.signals[caught] : undefined),
    release: () => {
      for (const name of names) process.off(name, onSignal);
    },
  };
}

/** Where the interview starts: fresh, or from a draft. A string is why it cannot (exit 2); a number, an exit code already explained. */
function findStart(opts: InteractiveOptions, store: StoreOptions): {initial: InterviewState; resumed?: LoadedDraft; respondentOf?: {from: string}} | string | number {
  if (opts.respondentOf !== undefined) {
    try {
      const from = loadDraft(opts.respondentOf, opts.bank, store);
      return {initial: secondRespondent(opts.bank, displayable(from.answers)), respondentOf: {from: from.inStore ? `the interview ${from.id}` : from.path}};
    } catch (error) {
      if (!(error instanceof DraftError)) throw error;
      lines(opts.stderr)(`handoff-assess: --respondent-of: ${error.message}`);
      return error.exitCode;
    }
  }
  if (opts.resume === undefined) return {initial: startInterview(opts.bank)};
  // runInteractive has turned `--resume` without an id into the draft to continue (the only
  // one, or the one picked); still `true` here, the drafts folder held none.
  if (opts.resume === true) return `there is no saved interview to resume in ${draftsDir(store)}.\nStart a new one with: ${commandLine('', store.env)}`;
  try {
    const loaded = loadDraft(opts.resume, opts.bank, store);
    const resumed = {...loaded, answers: displayable(loaded.answers)};
    return {initial: resumeState(opts.bank, resumed.answers, resumed.position), resumed};
  } catch (error) {
    if (!(error instanceof DraftError)) throw error;
    lines(opts.stderr)(`handoff-assess: ${error.message}`);
    return error.exitCode;
  }
}

/** After the session: the draft saved once more, where the reports and the draft are, and the exit code (`interrupted` when it did not finish). */
function closingWords(session: Session, drafts: DraftKeeper, opts: InteractiveOptions, interrupted: number): number {
  const err = lines(opts.stderr);
  const out = lines(opts.stdout);
  const {state} = session;
  saveQuietly(drafts, state.interview);
  if (state.stage !== 'finished') {
    if (drafts.problem) {
      err(`Interview paused, but the draft could not be saved: ${drafts.problem}.`);
      return EXIT.failure;
    }
    if (!drafts.path) {
      err('Interview stopped before the first answer: there was nothing to save.');
      return interrupted;
    }
    err(`Interview paused. Your answers are saved in ${drafts.path}. Resume with: ${commandLine(`--resume ${drafts.id}`, opts.env)}`);
    return interrupted;
  }
  for (const path of state.saved) out(`Report saved: ${path}`);
  if (drafts.problem || !drafts.path) {
    err(`handoff-assess: the answers could not be saved as a draft: ${drafts.problem ?? 'unknown error'}.`);
    return EXIT.failure;
  }
  out(`Your answers are kept in ${drafts.path}`);
  if (!state.saved.length) out(`Make a report from them any time: ${commandLine(`--answers ${drafts.path} --out report.md`, opts.env)}`);
  out(`Remove them when no longer needed: ${commandLine(`drafts --delete ${drafts.id}`, opts.env)}`);
  return EXIT.ok;
}

/** Save the draft; a failure is remembered by the keeper and reported by the caller. */
function saveQuietly(drafts: DraftKeeper, interview: InterviewState): void {
  try {
    drafts.save(interview);
  } catch {
    // drafts.problem says why.
  }
}

/**
 * A resumed draft (or any answers file given to --resume) may hold terminal escape sequences,
 * control or bidi characters in its free text: shown on the screen, they could retitle or
 * recolour the terminal. They are removed before the interview shows anything (every
 * visible character is kept), so the draft saved from here on is clean too.
 */
function displayable(answers: Answers): Answers {
  return {...answers, context: cleaned(answers.context), notes: cleaned(answers.notes)};
}

/** Bank fields that are identifiers or values stored in the answers, never shown as words: kept exactly. */
const BANK_IDENTIFIERS = new Set(['id', 'list', 'value', 'kind']);

/**
 * The bank as the interview shows it: a custom bank (--questions) may hold terminal escape
 * sequences, control or bidi characters in any prompt, title, pole, label or why; drawn
 * raw they retitle the terminal or write its clipboard (OSC 52). Every string but the
 * identifiers passes `stripControls` once, here, for both renderers.
 */
export function displayBank(bank: Bank): Bank {
  return cleaned(bank, BANK_IDENTIFIERS);
}

/** A value with every string in it (at any depth) passed through `stripControls`, but those under a key in `keep`. */
function cleaned<T>(value: T, keep: ReadonlySet<string> = new Set(), key?: string): T {
  if (typeof value === 'string') return (key !== undefined && keep.has(key) ? value : stripControls(value)) as T;
  if (Array.isArray(value)) return value.map((v) => cleaned(v, keep)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleaned(v, keep, k)])) as T;
  return value;
}

/** A writer of whole lines to a terminal stream: messages quote file names and drafts, so each line is cleaned of controls first. */
function lines(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => void stream.write(`${stripControls(text)}\n`);
}

async function loadPlain(): Promise<FrontEndModule> {
  const {runPlain, pickDraftPlain} = await import('../ui/plain/run-plain.js');
  return {run: runPlain, pickDraft: pickDraftPlain};
}

/**
 * Imported only when the wizard runs, so React and Ink stay out of every other path.
 * Ink reads CI once, when it loads, and under CI=true draws only the last frame: a person
 * at a real terminal (both streams are TTYs by now) would see nothing until the end.
 * So CI is forgotten before Ink loads; without a terminal the wizard never starts at all.
 */
async function loadInk(): Promise<FrontEndModule> {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const {runInkWizard, pickDraftInk} = await import('../ui/ink/run-wizard.js');
  return {run: runInkWizard, pickDraft: pickDraftInk};
}
