/**
 * The wizard as a pure reducer: a key (or the result of a save) in, the next
 * state and the side effects to run out. Every interview rule (what comes
 * next, validation, back, edit from review, notes) is the engine's; this
 * module only decides which screen is showing and what is highlighted.
 */
import {resolve} from 'node:path';
import {displayPath} from '../../files/paths.js';
import type {Key} from 'ink';
import {evidenceToAsk, nextCertainty, type EvidenceRequest} from '../../engine/evidence.js';
import {
  answer,
  back,
  edit,
  isReview,
  MAX_NOTE_LENGTH,
  missingMessage,
  missingRequired,
  setAnswer,
  setCertainty,
  setNote,
  validate,
  type InterviewState,
  type Step,
  type StepAnswer,
} from '../../engine/interview.js';
import type {Answers, Bank} from '../../engine/types.js';
import type {ReportFormat} from '../types.js';
import {actionOf, type Action, type KeyMode} from './keymap.js';
import {draftValue, initDraft, selectValues, type Draft} from './question-draft.js';
import {editText, textBuffer, type TextBuffer} from './text-buffer.js';

const DRAFT_FAILED = 'The draft could not be saved: ';

export type Screen = 'welcome' | 'interview' | 'result' | 'closing';

export interface NoteEdit {
  /** The question id the note belongs to. */
  id: string;
  buffer: TextBuffer;
  /** Set when the engine asked for this note as evidence (a disqualifier cleared as verified). */
  evidence?: EvidenceRequest;
  /** The answer to go on with once the note is saved or skipped (evidence asked for on enter). */
  then?: StepAnswer;
}

export interface SaveDialog {
  format: ReportFormat;
  buffer: TextBuffer;
  /** `name`: typing the file name; `confirm`: the file exists, overwrite? */
  stage: 'name' | 'confirm';
  /** The full path being confirmed. */
  path?: string;
  error?: string;
}

export interface Message {
  tone: 'success' | 'error' | 'info';
  text: string;
}

export interface WizardState {
  screen: Screen;
  /** The engine's state: answers, the current question, edit-from-review. */
  interview: InterviewState;
  /** The answer being composed on the current question (none on the review). */
  draft?: Draft;
  /** "Why this matters" is shown (it stays on from question to question). */
  why: boolean;
  note?: NoteEdit;
  /** Why the last answer was refused. */
  error?: string;
  /** The highlighted review row; `steps.length` is the "see the result" row. */
  reviewCursor: number;
  /** First report line shown on the result screen. */
  scroll: number;
  /** Lines the welcome or question screen is scrolled by, when it does not fit. */
  contentScroll: number;
  save?: SaveDialog;
  message?: Message;
  /** Reports saved so far (full paths). */
  saved: string[];
  /** "Finish without saving?" was asked once. */
  confirmFinish: boolean;
  /** Set with screen `closing`. */
  outcome?: 'done' | 'cancelled';
}

export interface WizardEnv {
  bank: Bank;
  steps: Step[];
  cwd: string;
  defaultFileName(answers: Answers, format: ReportFormat): string;
  /** The report viewport's height and the report's length in lines, from the last render. */
  report: {height: number; lines: number};
  /** Rows a page key moves on the review. */
  reviewPage: number;
  /** How far the welcome or question screen overflows its area, and a page of it, from the last render. */
  content: {overflow: number; page: number};
}

export type WizardAction =
  | {type: 'key'; input: string; key: Key}
  | {type: 'saved'; path: string}
  | {type: 'exists'; path: string}
  | {type: 'save-failed'; message: string}
  | {type: 'draft-failed'; message: string}
  | {type: 'draft-saved'}
  /** Scroll the welcome or question screen, e.g. to keep the highlighted option in view. */
  | {type: 'scroll'; offset: number};

export type Effect = {type: 'save'; path: string; format: ReportFormat; overwrite: boolean};

export interface Transition {
  state: WizardState;
  effects: Effect[];
}

export function initialState(env: WizardEnv, interview: InterviewState): WizardState {
  return withInterview(
    {screen: 'welcome', interview, why: false, reviewCursor: env.steps.length, scroll: 0, contentScroll: 0, saved: [], confirmFinish: false},
    interview,
    env,
    true,
  );
}

/** The step being asked, or undefined on the review. */
export function stepOf(state: WizardState, env: WizardEnv): Step | undefined {
  return env.steps[state.interview.index];
}

/** Which key table applies now. */
export function keyModeOf(state: WizardState, env: WizardEnv): KeyMode {
  if (state.screen === 'welcome' || state.screen === 'closing') return 'welcome';
  if (state.note) return 'note';
  if (state.screen === 'result') return state.save ? (state.save.stage === 'name' ? 'save-name' : 'save-confirm') : 'result';
  const step = stepOf(state, env);
  if (!step) return 'review';
  return step.kind === 'list' ? 'text' : step.kind;
}

export function reduce(state: WizardState, action: WizardAction, env: WizardEnv): Transition {
  const same = {state, effects: []};
  switch (action.type) {
    case 'saved':
      return {
        state: {
          ...state,
          save: undefined,
          saved: state.saved.includes(action.path) ? state.saved : [...state.saved, action.path],
          message: {tone: 'success', text: `Saved ${displayPath(action.path, env.cwd)}`},
        },
        effects: [],
      };
    case 'exists':
      return state.save ? {state: {...state, save: {...state.save, stage: 'confirm', path: action.path, error: undefined}}, effects: []} : same;
    case 'save-failed':
      return state.save
        ? {state: {...state, save: {...state.save, stage: 'name', error: action.message}}, effects: []}
        : {state: {...state, message: {tone: 'error', text: action.message}}, effects: []};
    case 'draft-failed':
      return {state: {...state, message: {tone: 'error', text: `${DRAFT_FAILED}${action.message}`}}, effects: []};
    case 'draft-saved':
      return {state: state.message?.text.startsWith(DRAFT_FAILED) ? {...state, message: undefined} : state, effects: []};
    case 'scroll':
      return {state: {...state, contentScroll: Math.min(Math.max(0, action.offset), env.content.overflow)}, effects: []};
    case 'key':
      return onKey(state, action.input, action.key, env);
  }
}

function onKey(state: WizardState, input: string, key: Key, env: WizardEnv): Transition {
  if (state.screen === 'closing') return {state, effects: []};
  const mode = keyModeOf(state, env);
  const act = actionOf(mode, input, key);
  if (act === 'quit') return {state: quit(state), effects: []};
  if (state.note) return {state: onNoteKey(state, state.note, act, input, key, env), effects: []};
  if ((act === 'pageUp' || act === 'pageDown') && (state.screen === 'welcome' || stepOf(state, env))) {
    const by = act === 'pageUp' ? -env.content.page : env.content.page;
    return {state: {...state, contentScroll: Math.min(Math.max(0, state.contentScroll + by), env.content.overflow)}, effects: []};
  }
  switch (state.screen) {
    case 'welcome':
      return {state: act === 'next' ? {...state, screen: 'interview', contentScroll: 0} : state, effects: []};
    case 'result':
      return onResultKey(state, act, input, key, env);
    default: {
      const step = stepOf(state, env);
      return {state: step ? onQuestionKey(state, step, act, input, key, env) : onReviewKey(state, act, env), effects: []};
    }
  }
}

/** Ctrl-C: a note being typed is kept; the outcome is `cancelled`. */
function quit(state: WizardState): WizardState {
  let interview = state.interview;
  if (state.note && state.note.buffer.value.trim() && state.note.buffer.value.trim() !== interview.answers.notes[state.note.id]) {
    interview = {...interview, answers: setNote(interview.answers, state.note.id, state.note.buffer.value)};
  }
  return {...state, interview, note: undefined, screen: 'closing', outcome: 'cancelled'};
}

function onNoteKey(state: WizardState, note: NoteEdit, act: Action | undefined, input: string, key: Key, env: WizardEnv): WizardState {
  // Closing a note asked for on enter goes on with that answer, whether the note was saved or skipped.
  const close = (next: WizardState): WizardState => (note.then === undefined ? next : withInterview(next, answer(env.bank, next.interview, note.then), env));
  if (act === 'next') {
    return close({...state, note: undefined, interview: {...state.interview, answers: setNote(state.interview.answers, note.id, note.buffer.value)}});
  }
  if (act === 'cancel') return close({...state, note: undefined});
  const buffer = editText(note.buffer, input, key, MAX_NOTE_LENGTH);
  return buffer ? {...state, note: {...note, buffer}} : state;
}

function openNote(state: WizardState, id: string, evidence?: EvidenceRequest, then?: StepAnswer): WizardState {
  return {...state, note: {id, buffer: textBuffer(state.interview.answers.notes[id] ?? ''), evidence, then}};
}

/** The next certainty mark on a question; the note editor opens when the engine asks for evidence. */
function cycleCertainty(state: WizardState, id: string, env: WizardEnv): WizardState {
  const before = state.interview.answers;
  const answers = setCertainty(before, id, nextCertainty(before.certainty[id]));
  const next = {...state, interview: {...state.interview, answers}};
  const ask = evidenceToAsk(env.bank, before, answers, id);
  return ask ? openNote(next, id, ask) : next;
}

function onQuestionKey(state: WizardState, step: Step, act: Action | undefined, input: string, key: Key, env: WizardEnv): WizardState {
  const draft = state.draft ?? initDraft(step, state.interview.answers);
  const submit = (value: StepAnswer): WizardState => {
    const problem = validate(step, value);
    if (problem) return {...state, draft, error: problem};
    // This answer may call for evidence (a disqualifier cleared as verified): ask for the note before moving on.
    const stored = setAnswer(state.interview.answers, step, value);
    const ask = evidenceToAsk(env.bank, state.interview.answers, stored, step.id);
    if (ask) return openNote({...state, draft, error: undefined, interview: {...state.interview, answers: stored}}, step.id, ask, value);
    return withInterview(state, answer(env.bank, state.interview, value), env);
  };
  const withDraft = (next: Draft): WizardState => ({...state, draft: next, error: undefined});

  switch (act) {
    case 'back':
      return goBack(state, env);
    case 'why':
      return {...state, why: !state.why};
    case 'note':
      return openNote({...state, draft}, step.id);
    case 'certainty':
      return cycleCertainty({...state, draft}, step.id, env);
    case 'next':
      return submit(draftValue(step, draft));
  }

  if (draft.kind === 'text') {
    const buffer = editText(draft.buffer, input, key);
    return buffer ? {...state, draft: {kind: 'text', buffer}, error: undefined} : state;
  }

  const count = draft.kind === 'multi' ? step.options?.length ?? 0 : selectValues(step).length;
  switch (act) {
    case 'up':
      return withDraft({...draft, cursor: (draft.cursor - 1 + count) % count});
    case 'down':
      return withDraft({...draft, cursor: (draft.cursor + 1) % count});
    case 'unknown':
      return submit('unknown');
    case 'yes':
      return submit(true);
    case 'toggle':
      return draft.kind === 'multi' ? withDraft(toggle(step, draft, draft.cursor)) : state;
    case 'pick': {
      const n = Number(input) - 1;
      if (draft.kind === 'multi') return n < count ? withDraft(toggle(step, {...draft, cursor: n}, n)) : state;
      // On a scale the digits are the answers 1-5 themselves, not positions.
      const values = selectValues(step).filter((v) => v !== 'unknown');
      return n < values.length ? submit(values[n]!) : state;
    }
    default:
      return state;
  }
}

function toggle(step: Step, draft: Extract<Draft, {kind: 'multi'}>, index: number): Draft {
  const value = step.options?.[index]?.value;
  if (value === undefined) return draft;
  const selected = draft.selected.includes(value) ? draft.selected.filter((v) => v !== value) : [...draft.selected, value];
  return {...draft, selected};
}

function onReviewKey(state: WizardState, act: Action | undefined, env: WizardEnv): WizardState {
  const last = env.steps.length;
  const to = (cursor: number): WizardState => ({...state, reviewCursor: Math.min(Math.max(0, cursor), last)});
  const row = env.steps[state.reviewCursor];
  switch (act) {
    case 'up':
      return to(state.reviewCursor - 1);
    case 'down':
      return to(state.reviewCursor + 1);
    case 'pageUp':
      return to(state.reviewCursor - env.reviewPage);
    case 'pageDown':
      return to(state.reviewCursor + env.reviewPage);
    case 'home':
      return to(0);
    case 'end':
      return to(last);
    case 'next':
      return row ? withInterview(state, edit(env.bank, state.interview, row.id), env) : toResult(state, env);
    case 'result':
      return toResult(state, env);
    case 'note':
      return row ? openNote(state, row.id) : state;
    case 'certainty':
      return row ? cycleCertainty(state, row.id, env) : state;
    case 'back':
      return goBack(state, env);
    case 'why':
      return {...state, why: !state.why};
    default:
      return state;
  }
}

/** The result, once every required question has an answer; else the first one missing, opened from the review. */
function toResult(state: WizardState, env: WizardEnv): WizardState {
  const missing = missingRequired(env.bank, state.interview.answers);
  if (missing.length) return {...withInterview(state, edit(env.bank, state.interview, missing[0]!.id), env), error: missingMessage(missing)};
  return {...state, screen: 'result', scroll: 0, message: undefined, save: undefined, confirmFinish: false};
}

function onResultKey(state: WizardState, act: Action | undefined, input: string, key: Key, env: WizardEnv): Transition {
  const none = (next: WizardState): Transition => ({state: next, effects: []});
  const save = state.save;
  if (save?.stage === 'name') {
    if (act === 'cancel') return none({...state, save: undefined});
    if (act === 'next') {
      const name = save.buffer.value.trim();
      if (!name) return none({...state, save: {...save, error: `Type a file name, e.g. ${env.defaultFileName(state.interview.answers, save.format)}`}});
      return {state: {...state, save: {...save, error: undefined}}, effects: [{type: 'save', path: resolve(env.cwd, name), format: save.format, overwrite: false}]};
    }
    const buffer = editText(save.buffer, input, key);
    return none(buffer ? {...state, save: {...save, buffer, error: undefined}} : state);
  }
  if (save?.stage === 'confirm') {
    if (act === 'confirm' && save.path) return {state, effects: [{type: 'save', path: save.path, format: save.format, overwrite: true}]};
    if (act === 'decline') return none({...state, save: {...save, stage: 'name', path: undefined}});
    return none(state);
  }

  const max = Math.max(0, env.report.lines - env.report.height);
  const page = Math.max(1, env.report.height - 1);
  const scrollTo = (n: number) => none({...state, scroll: Math.min(Math.max(0, n), max)});
  const openSave = (format: ReportFormat) =>
    none({...state, message: undefined, confirmFinish: false, save: {format, stage: 'name', buffer: textBuffer(env.defaultFileName(state.interview.answers, format))}});
  switch (act) {
    case 'up':
      return scrollTo(state.scroll - 1);
    case 'down':
      return scrollTo(state.scroll + 1);
    case 'pageUp':
      return scrollTo(state.scroll - page);
    case 'pageDown':
      return scrollTo(state.scroll + page);
    case 'home':
      return scrollTo(0);
    case 'end':
      return scrollTo(max);
    case 'saveMd':
      return openSave('md');
    case 'saveHtml':
      return openSave('html');
    case 'saveJson':
      return openSave('json');
    case 'back':
      return none({...state, screen: 'interview', message: undefined, confirmFinish: false});
    case 'finish':
      if (state.saved.length || state.confirmFinish) return none({...state, screen: 'closing', outcome: 'done'});
      return none({
        ...state,
        confirmFinish: true,
        message: {tone: 'info', text: 'No report saved yet. Press q again to finish without one, or m, h or j to save it first.'},
      });
    default:
      return none(state);
  }
}

/** Back one question; from the first question, back to the welcome screen. */
function goBack(state: WizardState, env: WizardEnv): WizardState {
  if (state.interview.index === 0 && !state.interview.returnToReview) return {...state, screen: 'welcome', error: undefined, contentScroll: 0};
  return withInterview(state, back(env.bank, state.interview), env);
}

/** Move to a new engine state: a fresh draft for the new question, or the review with the right row highlighted. */
function withInterview(state: WizardState, interview: InterviewState, env: WizardEnv, force = false): WizardState {
  const moved = force || interview.index !== state.interview.index;
  if (!moved) return {...state, interview, error: undefined};
  state = {...state, contentScroll: 0};
  if (isReview(env.bank, interview)) {
    // Back from a question opened on the review keeps its row; arriving from the last question lands on "see the result".
    const cursor = state.interview.returnToReview ? state.reviewCursor : env.steps.length;
    return {...state, interview, draft: undefined, error: undefined, reviewCursor: force ? env.steps.length : cursor};
  }
  return {...state, interview, draft: initDraft(env.steps[interview.index]!, interview.answers), error: undefined};
}

