/**
 * The interactive path: choose the front end (the Ink wizard, or the plain
 * mode for --plain and TERM=dumb), resume a draft, save the draft after every
 * change, and turn the outcome into an exit code. React and Ink are imported
 * only here and only when the wizard runs, never on the non-interactive path.
 */
import {positionOf, resumeState, startInterview, type InterviewState} from '../engine/interview.js';
import type {Answers, Bank} from '../engine/types.js';
import {stripControls} from '../report/escape.js';
import {
  DraftError,
  draftsDir,
  ensureDraftsDir,
  latestDraft,
  loadDraft,
  newDraftId,
  saveDraft,
  type LoadedDraft,
  type StoreOptions,
} from '../store/drafts.js';
import type {ReportFormat, WizardContext, WizardOutcome} from './types.js';
import {EXIT} from '../cli-errors.js';

export interface InteractiveOptions {
  bank: Bank;
  /** Use the line-by-line mode (also chosen when TERM=dumb). */
  plain: boolean;
  /** Continue a saved interview: `true` for the latest, or a draft id or path. */
  resume?: string | true;
  /** Where reports are saved by default, and relative draft paths are resolved. */
  cwd: string;
  /** The clock: draft ids and save times. */
  now: () => Date;
  /** The report for these answers in one format (the caller binds the bank, date and template). */
  renderReport(answers: Answers, format: ReportFormat): string;
  /** The default report file name, e.g. handoff-assessment-acme-ltd-2025-01-31.md. */
  defaultFileName(answers: Answers, format: ReportFormat): string;
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


type FrontEnd = (ctx: WizardContext, options: {signal: AbortSignal}) => Promise<WizardOutcome>;

/** Run the interview on this terminal; returns the exit code. */
export async function runInteractive(opts: InteractiveOptions): Promise<number> {
  const env = opts.env ?? process.env;
  const store: StoreOptions = {env, cwd: opts.cwd};
  const err = (text: string) => void opts.stderr.write(`${text}\n`);

  if (!opts.stdin.isTTY || !opts.stdout.isTTY) {
    err(
      `handoff-assess: the interview needs a terminal, and ${!opts.stdin.isTTY ? 'stdin' : 'stdout'} is not one.\n` +
        'Run it in a terminal:     handoff-assess\n' +
        'or from an answers file:  handoff-assess --answers answers.yaml [--format md|html|json] [--out FILE]',
    );
    return EXIT.usage;
  }

  // The front end's code (Ink and React, or inquirer) starts loading now, while the drafts are read.
  const plain = opts.plain || env.TERM === 'dumb';
  // chalk (under Ink) ignores NO_COLOR; it honours FORCE_COLOR=0, read when it loads.
  if (env.NO_COLOR && env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';
  const frontEndLoading = Promise.all([plain ? loadPlain() : loadInk(), opts.prepare]);
  frontEndLoading.catch(() => undefined); // awaited below; until then a failure is not unhandled

  // Where the interview starts: fresh, or from a draft.
  let resumed: LoadedDraft | undefined;
  if (opts.resume !== undefined) {
    let idOrPath: string;
    if (opts.resume === true) {
      const latest = latestDraft(store);
      if (!latest) {
        err(`handoff-assess: there is no saved interview to resume in ${draftsDir(store)}.\nStart a new one with: handoff-assess`);
        return EXIT.usage;
      }
      idOrPath = latest.path;
    } else idOrPath = opts.resume;
    try {
      resumed = loadDraft(idOrPath, opts.bank, store);
      resumed = {...resumed, answers: displayable(resumed.answers)};
    } catch (error) {
      if (error instanceof DraftError) {
        err(`handoff-assess: ${error.message}`);
        return error.exitCode;
      }
      throw error;
    }
  }

  try {
    ensureDraftsDir(store);
  } catch (error) {
    err(
      `handoff-assess: cannot keep drafts in ${draftsDir(store)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), so answers could be lost.\n` +
        'Set HANDOFF_ASSESS_STATE_DIR to a folder you can write to, e.g. HANDOFF_ASSESS_STATE_DIR=~/handoff-drafts handoff-assess',
    );
    return EXIT.failure;
  }

  // The draft: the resumed one when it lives in the drafts folder, else a new one named on first save.
  let draftId = resumed?.inStore ? resumed.id : undefined;
  let draftPath = resumed?.inStore ? resumed.path : undefined;
  let saveError: Error | undefined;
  let lastState: InterviewState | undefined;
  /** Save the draft; every call tries again, so a folder that is writable again clears the error. Returns the error, if any. */
  const save = (state: InterviewState): Error | undefined => {
    lastState = state;
    // No file for an interview that has nothing in it yet: quitting at the welcome leaves no empty draft behind.
    if (!draftId && !hasContent(state.answers)) return undefined;
    try {
      draftId ??= newDraftId(state.answers, opts.now(), store);
      draftPath = saveDraft({id: draftId, answers: state.answers, position: positionOf(opts.bank, state), saved: opts.now()}, store);
      saveError = undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      saveError = new Error(code ? `${draftsDir(store)} cannot be written to (${code})` : (error as Error).message);
    }
    return saveError;
  };
  /** The front ends' onChange: a failed save is thrown, so the front end shows it at once (and goes on). */
  const onChange = (state: InterviewState): void => {
    const error = save(state);
    if (error) throw new Error(`${error.message}; it is tried again after every change`);
  };

  const initial = resumed ? resumeState(opts.bank, resumed.answers, resumed.position) : startInterview(opts.bank);
  if (resumed && !resumed.inStore) {
    save(initial);
    if (draftPath) err(`Continuing from ${resumed.path}; your answers are saved as the draft ${draftId}.`);
  }

  const ctx: WizardContext = {
    bank: opts.bank,
    initial,
    onChange,
    renderReport: opts.renderReport,
    defaultFileName: opts.defaultFileName,
    cwd: opts.cwd,
    stdin: opts.stdin,
    stdout: opts.stdout,
  };

  const controller = new AbortController();
  const onSignal = () => controller.abort();
  const signals: NodeJS.Signals[] = plain ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : [];
  for (const s of signals) process.on(s, onSignal);
  let outcome: WizardOutcome;
  try {
    const [frontEnd] = await frontEndLoading;
    outcome = await frontEnd(ctx, {signal: controller.signal});
  } catch (error) {
    if (lastState) save(lastState);
    err(`handoff-assess: the interview stopped on an error: ${(error as Error).message}`);
    if (draftPath) err(`Your answers are saved in ${draftPath}. Resume with: handoff-assess --resume ${draftId}`);
    return EXIT.failure;
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }

  save(outcome.state);
  if (outcome.kind === 'cancelled') {
    if (saveError) {
      err(`Interview paused, but the draft could not be saved: ${saveError.message}.`);
      return EXIT.failure;
    }
    if (!draftPath) {
      err('Interview stopped before the first answer: there was nothing to save.');
      return EXIT.interrupted;
    }
    err(`Interview paused. Your answers are saved in ${draftPath}. Resume with: handoff-assess --resume ${draftId}`);
    return EXIT.interrupted;
  }

  const out = (text: string) => void opts.stdout.write(`${text}\n`);
  for (const path of outcome.savedReports) out(`Report saved: ${path}`);
  if (saveError || !draftPath) {
    err(`handoff-assess: the answers could not be saved as a draft: ${saveError?.message ?? 'unknown error'}.`);
    return EXIT.failure;
  }
  out(`Your answers are kept in ${draftPath}`);
  if (!outcome.savedReports.length) out(`Make a report from them any time: handoff-assess --answers ${draftPath} --out report.md`);
  out(`Remove them when no longer needed: handoff-assess drafts --delete ${draftId}`);
  return EXIT.ok;
}

/**
 * A resumed draft (or any answers file given to --resume) may hold terminal escape sequences,
 * control or bidi characters in its free text: shown on the screen, they could retitle or
 * recolour the terminal. They are removed before the interview shows anything (every
 * visible character is kept), so the draft saved from here on is clean too.
 */
function displayable(answers: Answers): Answers {
  const clean = (v: unknown) => (typeof v === 'string' ? stripControls(v) : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? stripControls(x) : x)) : v);
  const context = Object.fromEntries(Object.entries(answers.context).map(([k, v]) => [k, clean(v)])) as Answers['context'];
  const notes = Object.fromEntries(Object.entries(answers.notes).map(([k, v]) => [k, stripControls(v)]));
  return {...answers, context, notes};
}

/** Is there anything in these answers worth a draft file? */
function hasContent(answers: Answers): boolean {
  return [answers.context, answers.matrix, answers.signals, answers.disqualifiers, answers.notes, answers.certainty].some((part) => Object.keys(part).length > 0);
}

async function loadPlain(): Promise<FrontEnd> {
  const {runPlain} = await import('./plain/run-plain.js');
  return runPlain;
}

/**
 * Imported only when the wizard runs, so React and Ink stay out of every other path.
 * Ink reads CI once, when it loads, and under CI=true draws only the last frame: a person
 * at a real terminal (both streams are TTYs by now) would see nothing until the end.
 * So CI is forgotten before Ink loads; without a terminal the wizard never starts at all.
 */
async function loadInk(): Promise<FrontEnd> {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const {runInkWizard} = await import('./ink/run-wizard.js');
  return (ctx) => runInkWizard(ctx);
}
