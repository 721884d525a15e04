/**
 * The interview session: every rule of the interview's flow, once, for both
 * front ends. An event in (an answer, back, a note, save as...), the next
 * state and the effects to run out (save the draft, prepare the report, write
 * a report file). Pure: no files, no clock, no terminal. The runner
 * (src/session/runner.ts) runs the effects and feeds their results back as
 * events; a front end only draws `state` and turns the user's keys or lines
 * into events.
 */
import {resolve} from 'node:path';
import {asksFigure, baselineOf, parseFigure, setFigure} from '../engine/baseline.js';
import {evidenceToAsk, nextCertainty, type EvidenceRequest} from '../engine/evidence.js';
import {completeHandoff, formFields, maxHandoffs, parseField, withField, type HandoffDraft} from '../engine/handoff-form.js';
import {
  answer,
  back,
  buildSteps,
  edit,
  HANDOFFS_STEP,
  isReview,
  missingMessage,
  missingRequired,
  setAnswer,
  setCertainty,
  setNote,
  startInterview,
  validate,
  validateNote,
  type InterviewState,
  type Step,
  type StepAnswer,
} from '../engine/interview.js';
import {score} from '../engine/score.js';
import {emptyAnswers, type Answers, type Bank, type Certainty, type Result} from '../engine/types.js';
import type {ReportFormat} from '../report/report-types.js';
import {reportFileName} from '../store/file-names.js';

/** What does not change during a session. */
export interface SessionConfig {
  bank: Bank;
  /** The report date (YYYY-MM-DD): it names the report files offered. */
  date: string;
  /** The folder a report file name is resolved against. */
  cwd: string;
  /** A resumed draft: when it was last saved, and when the session started (the welcome says "saved 2 hours ago"). */
  resumed?: {saved: Date; now: Date};
  /** Issue 14: a second respondent on another assessment's workflow (see `secondRespondent`): where its context came from. */
  respondentOf?: {from: string};
}

/** The context answers that say who responded, not what is assessed: a second respondent gives their own. */
export const RESPONDENT_CONTEXT: readonly string[] = ['assessor', 'role'];

/**
 * Issue 14: another respondent on the same workflow. The context of `from` is kept (organisation,
 * workflow, systems, and any other context question a bank adds) but not who answered (assessor,
 * role); every other answer starts blank, with no notes, marks, figures or handoff map. The
 * interview starts at the first context question left blank: who this respondent is.
 */
export function secondRespondent(bank: Bank, from: Answers): InterviewState {
  const context = Object.fromEntries(Object.entries(from.context).filter(([key, value]) => !RESPONDENT_CONTEXT.includes(key) && value !== undefined));
  return startInterview(bank, {...emptyAnswers(), context});
}

/**
 * Where the session is. `welcome`: the introduction; `interview`: a question or,
 * once `interview.index` is past the last one, the review; `result`: the verdict
 * and the report, with saving; `finished` and `cancelled` end it.
 */
export type Stage = 'welcome' | 'interview' | 'result' | 'finished' | 'cancelled';

/** A note being asked for: opened by the user, or the evidence the engine asks for. */
export interface NoteAsk {
  id: string;
  /** Set when the engine asked for this note as evidence (a disqualifier cleared as verified). */
  evidence?: EvidenceRequest;
  /** The answer to go on with once the note is saved or left (the evidence was asked for on an answer). */
  then?: StepAnswer;
}

/**
 * The baseline figure asked after a known matrix answer (issue 10): the answer is stored,
 * the figure is asked, then the interview goes on with `then`.
 */
export interface FigureAsk {
  /** The axis id (its figure is stored in `answers.baselines[id]`). */
  id: string;
  /** The answer to go on with once the figure is given or skipped. */
  then: StepAnswer;
}

/** The handoff map's form (issue 10): one handoff being added or changed, a field at a time (src/engine/handoff-form.ts). */
export interface HandoffForm {
  /** The handoff being changed, its index in `answers.handoffs`; undefined: a new one. */
  index?: number;
  /** The field being asked: an index into formFields(). */
  field: number;
  /** The fields given so far (a changed handoff starts with all of its own). */
  draft: HandoffDraft;
}

/** Saving a report: the file name asked for, then, if the file exists, whether to replace it. */
export interface SaveAsk {
  format: ReportFormat;
  stage: 'name' | 'confirm';
  /** The name offered (or the one typed last, when asking again). */
  name: string;
  /** The full path being confirmed. */
  path?: string;
  error?: string;
  /** The report is being made and written (a PDF takes a moment): the dialog waits for the outcome. */
  writing?: boolean;
}

/** The result: the verdict at once; the markdown report once the runner has made it, or why it could not. */
export interface ReportView {
  result: Result;
  markdown?: string;
  failure?: string;
}

export interface Notice {
  tone: 'success' | 'error' | 'info';
  /** What the notice is about: a front end words `finish` its own way (which key or entry to choose). */
  kind: 'saved' | 'save-failed' | 'finish-unsaved';
  text: string;
}

export interface SessionState {
  stage: Stage;
  /** The engine's state: answers, the current question, edit-from-review. */
  interview: InterviewState;
  note?: NoteAsk;
  /** The baseline figure being asked after a matrix answer. */
  figure?: FigureAsk;
  /** The handoff being added or changed on the handoff map. */
  handoffForm?: HandoffForm;
  /**
   * Why the last answer was refused, or which required answers the result waits for:
   * a new object at every refusal (as `draftProblem`), so the same words refused twice read as twice.
   */
  error?: {message: string};
  report?: ReportView;
  save?: SaveAsk;
  /** Reports written so far (full paths). */
  saved: string[];
  notice?: Notice;
  /** The draft could not be saved: why (a new object at every failed save). Cleared by the next save that works. */
  draftProblem?: {message: string};
}

export type SessionEvent =
  /** Leave the welcome for the current question (or the review). */
  | {type: 'start'}
  /** Answer the current question. */
  | {type: 'answer'; value: StepAnswer}
  /** One step back: across parts; from the first question to the welcome; from the result to the review. */
  | {type: 'back'}
  /** Open any question from the review; answering it returns there. */
  | {type: 'edit'; id: string}
  | {type: 'open-note'; id: string}
  /** Store the open note (blank removes it) and go on. */
  | {type: 'note'; text: string}
  /** Leave the open note unchanged and go on. */
  | {type: 'close-note'}
  /** Mark how sure an answer is; `next` steps through the marks as the wizard's key does. */
  | {type: 'certainty'; id: string; mark: Certainty | undefined | 'next'}
  /** From the review: the result, once every required answer is given. */
  | {type: 'show-result'}
  | {type: 'save'; format: ReportFormat}
  | {type: 'save-as'; name: string}
  | {type: 'overwrite'; replace: boolean}
  | {type: 'cancel-save'}
  /** End the session; with nothing saved, asks once. */
  | {type: 'finish'}
  /** The figure typed after a matrix answer: blank keeps the one stored, `-` clears it; a figure refused stays asked with why. */
  | {type: 'figure'; text: string}
  /** Go on without giving a figure (the one stored is kept). */
  | {type: 'skip-figure'}
  /** The handoff map: open the form for a new handoff (refused at the map's maximum). */
  | {type: 'handoff-add'}
  /** The handoff map: change a handoff, its fields asked again with its values. */
  | {type: 'handoff-edit'; index: number}
  | {type: 'handoff-remove'; index: number}
  /** The current field of the open form, as typed; after the last field the handoff is stored. */
  | {type: 'handoff-field'; text: string}
  /** The previous field of the open form; from the first, the form closes without a change. */
  | {type: 'handoff-back'}
  /** Close the form without a change. */
  | {type: 'handoff-cancel'}
  /** Leave the handoff map with the handoffs listed (none: the part is skipped, stored as []). */
  | {type: 'handoffs-done'}
  /** Ctrl-C: the session ends `cancelled`; a note or a valid figure being typed is kept. */
  | {type: 'quit'; typedNote?: string; typedFigure?: string}
  // What the runner reports back from the effects.
  | {type: 'report-ready'; markdown: string}
  | {type: 'report-failed'; message: string}
  | {type: 'report-written'; path: string}
  | {type: 'report-exists'; path: string}
  | {type: 'write-failed'; message: string}
  /** The report could not be made in that format: another file name would not help, so saving closes. */
  | {type: 'report-unmade'; message: string}
  | {type: 'draft-saved'}
  | {type: 'draft-failed'; message: string};

export type SessionEffect =
  /** Save the draft: after every change of answers, notes, marks or position. */
  | {type: 'save-draft'; interview: InterviewState}
  /** Render the markdown report for the result screen. */
  | {type: 'prepare-report'; answers: Answers}
  /** Render the report in `format` and write it to `path` (never replacing a file unless `overwrite`). */
  | {type: 'write-report'; path: string; format: ReportFormat; answers: Answers; overwrite: boolean};

export interface Transition {
  state: SessionState;
  effects: SessionEffect[];
}

/** A new session: on the welcome screen, at `interview` (a fresh start or a resumed draft). */
export function startSession(interview: InterviewState): SessionState {
  return {stage: 'welcome', interview, saved: []};
}

/** The question being asked, or undefined (welcome, review, result). */
export function currentQuestion(config: SessionConfig, state: SessionState): Step | undefined {
  return state.stage === 'interview' ? buildSteps(config.bank)[state.interview.index] : undefined;
}

/** On the review screen. */
export function onReview(config: SessionConfig, state: SessionState): boolean {
  return state.stage === 'interview' && isReview(config.bank, state.interview);
}

/** The session has ended. */
export function isOver(state: SessionState): boolean {
  return state.stage === 'finished' || state.stage === 'cancelled';
}

/** The name a report is offered under, e.g. handoff-assessment-acme-ltd-2026-11-22.md. */
export function offeredName(config: SessionConfig, answers: Answers, format: ReportFormat): string {
  return reportFileName(answers, config.date, format);
}

/** One event: the next state and the effects to run. A change of the interview always saves the draft. */
export function transition(config: SessionConfig, state: SessionState, event: SessionEvent): Transition {
  // An ended session takes only the draft's last news (the save that its end caused).
  if (isOver(state) && event.type !== 'draft-saved' && event.type !== 'draft-failed') return {state, effects: []};
  const {state: next, effects} = step(config, state, event);
  if (next.interview !== state.interview) effects.unshift({type: 'save-draft', interview: next.interview});
  return {state: next, effects};
}

const none = (state: SessionState): Transition => ({state, effects: []});

function step(config: SessionConfig, state: SessionState, event: SessionEvent): Transition {
  switch (event.type) {
    case 'start':
      return none(state.stage === 'welcome' ? {...state, stage: 'interview', error: undefined} : state);
    case 'answer':
      return none(onAnswer(config, state, event.value));
    case 'back':
      return none(goBack(config, state));
    case 'edit':
      return none(state.stage === 'interview' ? move(state, edit(config.bank, state.interview, event.id)) : state);
    case 'open-note':
      // The handoff map takes no note or certainty mark (the answers file has none for it).
      return none(state.stage === 'interview' && event.id !== HANDOFFS_STEP ? {...state, note: {id: event.id}} : state);
    case 'note':
      return none(closeNote(config, state, event.text));
    case 'close-note':
      return none(closeNote(config, state, undefined));
    case 'certainty':
      if (event.id === HANDOFFS_STEP) return none(state);
      return none(onCertainty(config, state, event.id, event.mark));
    case 'figure':
      return none(closeFigure(config, state, event.text));
    case 'skip-figure':
      return none(closeFigure(config, state, undefined));
    case 'handoff-add':
    case 'handoff-edit':
    case 'handoff-remove':
    case 'handoff-field':
    case 'handoff-back':
    case 'handoff-cancel':
    case 'handoffs-done':
      return none(onHandoffs(config, state, event));
    case 'show-result':
      return toResult(config, state);
    case 'save':
      return none(
        state.stage === 'result'
          ? {...state, notice: undefined, save: {format: event.format, stage: 'name', name: offeredName(config, state.interview.answers, event.format)}}
          : state,
      );
    case 'save-as':
      return saveAs(config, state, event.name);
    case 'overwrite':
      return overwrite(state, event.replace);
    case 'cancel-save':
      return none({...state, save: undefined});
    case 'finish':
      return none(finish(state));
    case 'quit':
      return none(quit(config, state, event.typedNote, event.typedFigure));
    case 'report-ready':
      return none(state.report ? {...state, report: {...state.report, markdown: event.markdown}} : state);
    case 'report-failed':
      return none(state.report ? {...state, report: {...state.report, failure: event.message}} : state);
    case 'report-written':
      return none({
        ...state,
        save: undefined,
        saved: state.saved.includes(event.path) ? state.saved : [...state.saved, event.path],
        notice: {tone: 'success', kind: 'saved', text: `Saved ${resolve(config.cwd, event.path)}`},
      });
    case 'report-exists':
      return none(state.save ? {...state, save: {...state.save, stage: 'confirm', path: event.path, error: undefined, writing: undefined}} : state);
    case 'write-failed':
      return none(
        state.save
          ? {...state, save: {...state.save, stage: 'name', path: undefined, error: event.message, writing: undefined}}
          : {...state, notice: {tone: 'error', kind: 'save-failed', text: event.message}},
      );
    case 'report-unmade':
      return none({...state, save: undefined, notice: {tone: 'error', kind: 'save-failed', text: event.message}});
    case 'draft-saved':
      return none(state.draftProblem === undefined ? state : {...state, draftProblem: undefined});
    case 'draft-failed':
      return none({...state, draftProblem: {message: event.message}});
  }
}

/**
 * Answer the current question. Refused: the reason in `error`. An answer that
 * calls for evidence (a disqualifier cleared as verified) is stored and the
 * note is asked for before moving on.
 */
function onAnswer(config: SessionConfig, state: SessionState, value: StepAnswer): SessionState {
  const question = currentQuestion(config, state);
  if (!question || state.note || state.figure || state.handoffForm) return state;
  const problem = validate(question, value);
  if (problem) return {...state, error: {message: problem}};
  const stored = setAnswer(state.interview.answers, question, value);
  const evidence = evidenceToAsk(config.bank, state.interview.answers, stored, question.id);
  if (evidence) return {...state, error: undefined, interview: {...state.interview, answers: stored}, note: {id: question.id, evidence, then: value}};
  if (asksFigure(config.bank, question.id, value)) return {...state, error: undefined, interview: {...state.interview, answers: stored}, figure: {id: question.id, then: value}};
  return move(state, answer(config.bank, state.interview, value));
}

/** Store the open note (`text` undefined: leave it), then go on with the answer it was asked on, if any. */
function closeNote(config: SessionConfig, state: SessionState, text: string | undefined): SessionState {
  const note = state.note;
  if (!note) return state;
  const tooLong = text === undefined ? undefined : validateNote(text);
  if (tooLong) return {...state, error: {message: tooLong}};
  const answers = text === undefined ? state.interview.answers : setNote(state.interview.answers, note.id, text);
  const closed: SessionState = {...state, note: undefined, error: undefined, interview: {...state.interview, answers}};
  return note.then === undefined ? closed : move(closed, answer(config.bank, closed.interview, note.then));
}

/**
 * Close the figure asked after a matrix answer and go on with the answer. `text` undefined: skipped,
 * the stored figure kept; blank: the same; `-`: the stored figure cleared; refused: stays asked, why in `error`.
 */
function closeFigure(config: SessionConfig, state: SessionState, text: string | undefined): SessionState {
  const figure = state.figure;
  const spec = figure && baselineOf(config.bank, figure.id);
  if (!figure || !spec) return state;
  let answers = state.interview.answers;
  if (text !== undefined) {
    const typed = parseFigure(spec, text);
    if (typed.kind === 'error') return {...state, error: {message: typed.message}};
    if (typed.kind === 'figure') answers = setFigure(answers, figure.id, typed.value);
    if (typed.kind === 'clear') answers = setFigure(answers, figure.id, undefined);
  }
  const closed: SessionState = {...state, figure: undefined, error: undefined, interview: {...state.interview, answers}};
  return move(closed, answer(config.bank, closed.interview, figure.then));
}

type HandoffEvent = Extract<SessionEvent, {type: `handoff-${string}` | 'handoffs-done'}>;

/** The handoff map: add, change or remove a handoff, a field at a time, then go on. */
function onHandoffs(config: SessionConfig, state: SessionState, event: HandoffEvent): SessionState {
  const spec = config.bank.handoffMap;
  const question = currentQuestion(config, state);
  if (!spec || question?.kind !== 'handoffs' || state.note || state.figure) return state;
  const listed = state.interview.answers.handoffs ?? [];
  const form = state.handoffForm;
  const fields = formFields(spec);
  const withList = (handoffs: typeof listed): SessionState => ({
    ...state,
    error: undefined,
    handoffForm: undefined,
    interview: {...state.interview, answers: {...state.interview.answers, handoffs}},
  });
  switch (event.type) {
    case 'handoff-add':
      if (form) return state;
      if (listed.length >= maxHandoffs(spec)) return {...state, error: {message: `The map holds at most ${maxHandoffs(spec)} handoffs: remove or change one instead.`}};
      return {...state, error: undefined, handoffForm: {field: 0, draft: {}}};
    case 'handoff-edit': {
      const handoff = listed[event.index];
      if (form || !handoff) return state;
      return {...state, error: undefined, handoffForm: {index: event.index, field: 0, draft: structuredClone(handoff)}};
    }
    case 'handoff-remove':
      if (form || !listed[event.index]) return state;
      return withList(listed.filter((_, i) => i !== event.index));
    case 'handoff-field': {
      if (!form) return state;
      const field = fields[form.field]!;
      const typed = parseField(field.field, event.text);
      if (!typed.ok) return {...state, error: {message: typed.message}};
      const draft = withField(form.draft, field.field, typed.value);
      if (form.field + 1 < fields.length) return {...state, error: undefined, handoffForm: {...form, field: form.field + 1, draft}};
      const handoff = completeHandoff(draft);
      return withList(form.index === undefined ? [...listed, handoff] : listed.map((h, i) => (i === form.index ? handoff : h)));
    }
    case 'handoff-back':
      if (!form) return state;
      return {...state, error: undefined, handoffForm: form.field > 0 ? {...form, field: form.field - 1} : undefined};
    case 'handoff-cancel':
      return form ? {...state, error: undefined, handoffForm: undefined} : state;
    case 'handoffs-done':
      return form ? state : move(state, answer(config.bank, state.interview, listed));
  }
}

/** A certainty mark; the evidence note is asked for when the mark makes it lacking. */
function onCertainty(config: SessionConfig, state: SessionState, id: string, mark: Certainty | undefined | 'next'): SessionState {
  if (state.stage !== 'interview') return state;
  const before = state.interview.answers;
  const answers = setCertainty(before, id, mark === 'next' ? nextCertainty(before.certainty[id]) : mark);
  const next = {...state, interview: {...state.interview, answers}};
  const evidence = evidenceToAsk(config.bank, before, answers, id);
  return evidence ? {...next, note: {id, evidence}} : next;
}

function goBack(config: SessionConfig, state: SessionState): SessionState {
  if (state.stage === 'result') return {...state, stage: 'interview', save: undefined, notice: undefined, report: undefined};
  if (state.stage !== 'interview') return state;
  const {interview} = state;
  if (interview.index === 0 && !interview.returnToReview) return {...state, stage: 'welcome', error: undefined};
  return move(state, back(config.bank, interview));
}

/** The result, once every required question has an answer; else the first one missing, opened from the review. */
function toResult(config: SessionConfig, state: SessionState): Transition {
  if (!onReview(config, state)) return none(state);
  const missing = missingRequired(config.bank, state.interview.answers);
  if (missing.length) return none({...move(state, edit(config.bank, state.interview, missing[0]!.id)), error: {message: missingMessage(missing)}});
  return {
    state: {...state, stage: 'result', report: {result: score(config.bank, state.interview.answers)}, notice: undefined, save: undefined, error: undefined},
    effects: [{type: 'prepare-report', answers: state.interview.answers}],
  };
}

function saveAs(config: SessionConfig, state: SessionState, typed: string): Transition {
  const save = state.save;
  if (!save || save.stage !== 'name' || save.writing) return none(state);
  const name = typed.trim();
  if (!name) return none({...state, save: {...save, error: `Type a file name, e.g. ${offeredName(config, state.interview.answers, save.format)}`}});
  const path = resolve(config.cwd, name);
  return {
    state: {...state, save: {...save, name, error: undefined, writing: true}},
    effects: [{type: 'write-report', path, format: save.format, answers: state.interview.answers, overwrite: false}],
  };
}

function overwrite(state: SessionState, replace: boolean): Transition {
  const save = state.save;
  if (!save || save.stage !== 'confirm' || !save.path || save.writing) return none(state);
  if (!replace) return none({...state, save: {...save, stage: 'name', path: undefined, error: undefined}});
  return {state: {...state, save: {...save, writing: true}}, effects: [{type: 'write-report', path: save.path, format: save.format, answers: state.interview.answers, overwrite: true}]};
}

function finish(state: SessionState): SessionState {
  if (state.stage !== 'result') return state;
  // Asked once: a second finish while the question is still showing ends it (any other step clears the notice).
  if (state.saved.length || state.notice?.kind === 'finish-unsaved') return {...state, stage: 'finished', save: undefined};
  return {...state, notice: {tone: 'info', kind: 'finish-unsaved', text: 'No report saved yet.'}};
}

/**
 * Ctrl-C: a note being typed is kept (when it says something new), and a figure being typed when it is
 * a valid one (never a clear); the session ends `cancelled`.
 */
function quit(config: SessionConfig, state: SessionState, typedNote: string | undefined, typedFigure: string | undefined): SessionState {
  let interview = state.interview;
  const note = state.note;
  if (note && typedNote?.trim() && typedNote.trim() !== interview.answers.notes[note.id] && !validateNote(typedNote)) {
    interview = {...interview, answers: setNote(interview.answers, note.id, typedNote)};
  }
  const figure = state.figure;
  const spec = figure && baselineOf(config.bank, figure.id);
  if (figure && spec && typedFigure !== undefined) {
    const typed = parseFigure(spec, typedFigure);
    if (typed.kind === 'figure') interview = {...interview, answers: setFigure(interview.answers, figure.id, typed.value)};
  }
  return {...state, interview, note: undefined, figure: undefined, handoffForm: undefined, save: undefined, stage: 'cancelled'};
}

/** A move to another question or the review: what was refused or asked there is left behind. */
function move(state: SessionState, interview: InterviewState): SessionState {
  return {...state, interview, error: undefined, note: undefined, figure: undefined, handoffForm: undefined};
}

