/**
 * The wizard's own state, apart from the session's: what is highlighted,
 * typed or scrolled, and whether "why" is open. A key in: the next view and
 * the session events it stands for out. Every rule of the interview (what
 * comes next, validation, back, evidence, the result's gate, saving) is the
 * session's (src/session/session.ts); this module only decides what a key
 * means on the screen that is showing.
 */
import type {Key} from 'ink';
import {buildSteps, MAX_NOTE_LENGTH, reviewContradictions, type Step, type StepAnswer} from '../../engine/interview.js';
import type {ReportFormat} from '../../report/report-types.js';
import {currentQuestion, onReview, type SessionConfig, type SessionEvent, type SessionState} from '../../session/session.js';
import {actionOf, type Action, type KeyMode} from './keymap.js';
import {chooseHint} from './labels.js';
import {draftValue, initDraft, selectValues, type Draft} from './question-draft.js';
import {editText, textBuffer, type TextBuffer} from './text-buffer.js';
import {followParts, onFigureKey, onHandoffsKey, type PartsView} from './parts-keys.js';

/** Sizes from the last layout, told to the wizard after each render. */
export interface Measure {
  /** The report viewport's height and the report's length in lines. */
  reportHeight: number;
  reportLines: number;
  /** How far the welcome or question screen overflows its area, and a page of it. */
  overflow: number;
  page: number;
  /** Rows a page key moves on the review. */
  reviewPage: number;
}

export interface WizardView extends PartsView {
  /** The answer being composed on the current question (none elsewhere). */
  draft?: Draft;
  /** "Why this matters" is shown (it stays on from question to question). */
  why: boolean;
  /** The session's refusal the user has since answered by typing or moving: no longer shown (a new refusal is). */
  dismissed?: SessionState['error'];
  /** Enter was pressed with nothing chosen: how to choose (nothing is recorded). Gone once a key moves or picks. */
  hint?: string;
  /** The text of the note the session has open. */
  note?: TextBuffer;
  /** The file name being typed when saving. */
  saveName?: TextBuffer;
  /**
   * The highlighted review row: the questions in order, then the answers that
   * disagree (reviewContradictions), then "see the result" (reviewLast).
   */
  reviewCursor: number;
  /** First report line shown on the result screen. */
  scroll: number;
  /** Lines the welcome or question screen is scrolled by, when it does not fit. */
  contentScroll: number;
  measure: Measure;
}

export interface KeyResult {
  view: WizardView;
  events: SessionEvent[];
}

const NO_MEASURE: Measure = {reportHeight: 1, reportLines: 0, overflow: 0, page: 1, reviewPage: 5};

export function initialView(config: SessionConfig, session: SessionState): WizardView {
  const view: WizardView = {why: false, reviewCursor: reviewLast(config, session), scroll: 0, contentScroll: 0, measure: NO_MEASURE};
  return follow(view, undefined, session, config);
}

/** The refusal the question screen shows: the session's, unless the user has answered it by typing or moving since. */
export function shownError(view: WizardView, session: SessionState): string | undefined {
  if (view.hint) return view.hint;
  return session.error && session.error !== view.dismissed ? session.error.message : undefined;
}

/** Which key table applies now. */
export function keyModeOf(session: SessionState, config: SessionConfig): KeyMode {
  if (session.stage !== 'interview' && session.stage !== 'result') return 'welcome';
  if (session.note) return 'note';
  if (session.figure) return 'figure';
  if (session.stage === 'result') return session.save ? (session.save.stage === 'name' ? 'save-name' : 'save-confirm') : 'result';
  const step = currentQuestion(config, session);
  if (!step) return 'review';
  if (step.kind === 'handoffs') return session.handoffForm ? 'handoff-field' : 'handoffs';
  return step.kind === 'list' ? 'text' : step.kind;
}

/** New sizes from the layout; the scroll positions are kept within them. */
export function measured(view: WizardView, measure: Measure): WizardView {
  const max = Math.max(0, measure.reportLines - measure.reportHeight);
  return {...view, measure, contentScroll: Math.min(view.contentScroll, measure.overflow), scroll: Math.min(view.scroll, max)};
}

/** Scroll the welcome or question screen, e.g. to keep the highlighted option in view. */
export function scrolled(view: WizardView, offset: number): WizardView {
  return {...view, contentScroll: Math.min(Math.max(0, offset), view.measure.overflow)};
}

/** What a key does: on the view, and as session events. */
export function onKey(view: WizardView, session: SessionState, config: SessionConfig, input: string, key: Key): KeyResult {
  if (session.stage === 'finished' || session.stage === 'cancelled') return {view, events: []};
  const act = actionOf(keyModeOf(session, config), input, key);
  if (act === 'quit') return {view, events: [quitEvent(view)]};
  if (session.note) return onNoteKey(view, act, input, key);
  if (session.figure) return onFigureKey(view, act, input, key);
  const step = currentQuestion(config, session);
  if ((act === 'pageUp' || act === 'pageDown') && (session.stage === 'welcome' || step)) {
    return {view: scrolled(view, view.contentScroll + (act === 'pageUp' ? -1 : 1) * view.measure.page), events: []};
  }
  if (session.stage === 'welcome') return {view, events: act === 'next' ? [{type: 'start'}] : []};
  if (session.stage === 'result') return onResultKey(view, session, act, input, key);
  if (step?.kind === 'handoffs') return onHandoffsKey(view, session, act, input, key);
  return step ? onQuestionKey(view, session, step, act, input, key) : onReviewKey(view, config, session, act);
}

/**
 * Ctrl-C, or a signal (SIGTERM, SIGHUP) that ends the wizard as ctrl+c does: the session ends with
 * the note or the figure being typed on this view, so it is kept either way. No view yet: nothing typed.
 */
export function quitEvent(view: WizardView | undefined): SessionEvent {
  return {type: 'quit', typedNote: view?.note?.value, typedFigure: view?.figure?.value};
}

/** The review's last row, "see the result": after the questions and the answers that disagree. */
export function reviewLast(config: SessionConfig, session: SessionState): number {
  return buildSteps(config.bank).length + reviewContradictions(config.bank, session.interview.answers).length;
}

const only = (view: WizardView): KeyResult => ({view, events: []});
const send = (view: WizardView, ...events: SessionEvent[]): KeyResult => ({view, events});

function onNoteKey(view: WizardView, act: Action | undefined, input: string, key: Key): KeyResult {
  if (act === 'next') return send(view, {type: 'note', text: view.note?.value ?? ''});
  if (act === 'cancel') return send(view, {type: 'close-note'});
  const buffer = view.note && editText(view.note, input, key, MAX_NOTE_LENGTH);
  return only(buffer ? {...view, note: buffer} : view);
}

function onQuestionKey(view: WizardView, session: SessionState, step: Step, act: Action | undefined, input: string, key: Key): KeyResult {
  const draft = view.draft!;
  const answer = (value: StepAnswer) => send(view, {type: 'answer', value});
  const withDraft = (next: Draft): KeyResult => only({...view, draft: next, dismissed: session.error, hint: undefined});
  switch (act) {
    case 'back':
      return send(view, {type: 'back'});
    case 'why':
      return only({...view, why: !view.why});
    case 'note':
      return send(view, {type: 'open-note', id: step.id});
    case 'certainty':
      return send(view, {type: 'certainty', id: step.id, mark: 'next'});
    case 'next': {
      // Nothing chosen: nothing is recorded; the screen says how to choose.
      const value = draftValue(step, draft);
      return value === undefined ? only({...view, hint: chooseHint(step)}) : answer(value);
    }
  }
  if (draft.kind === 'text') {
    const buffer = editText(draft.buffer, input, key);
    return only(buffer ? {...view, draft: {kind: 'text', buffer}, dismissed: session.error} : view);
  }
  const count = draft.kind === 'multi' ? step.options?.length ?? 0 : selectValues(step).length;
  switch (act) {
    case 'up':
      // From nothing chosen, ↑ lands on the last option and ↓ on the first.
      return withDraft({...draft, cursor: draft.cursor < 0 ? count - 1 : (draft.cursor - 1 + count) % count});
    case 'down':
      return withDraft({...draft, cursor: (draft.cursor + 1) % count});
    case 'unknown':
      return answer('unknown');
    case 'yes':
      return answer(true);
    case 'toggle':
      return draft.kind === 'multi' ? withDraft(toggle(step, draft, draft.cursor)) : only(view);
    case 'pick': {
      const n = Number(input) - 1;
      if (draft.kind === 'multi') return n < count ? withDraft(toggle(step, {...draft, cursor: n}, n)) : only(view);
      // On a scale the digits are the answers 1-5 themselves, not positions.
      const values = selectValues(step).filter((v) => v !== 'unknown');
      return n < values.length ? answer(values[n]!) : only(view);
    }
    default:
      return only(view);
  }
}

function toggle(step: Step, draft: Extract<Draft, {kind: 'multi'}>, index: number): Draft {
  const value = step.options?.[index]?.value;
  if (value === undefined) return draft;
  const selected = draft.selected.includes(value) ? draft.selected.filter((v) => v !== value) : [...draft.selected, value];
  return {...draft, selected};
}

/**
 * Where a moving key takes a position in 0..last (a review row, a report line):
 * by one, by a page, to either end. Undefined for any other key.
 */
function moved(act: Action | undefined, at: number, page: number, last: number): number | undefined {
  const by: Partial<Record<Action, number>> = {up: at - 1, down: at + 1, pageUp: at - page, pageDown: at + page, home: 0, end: last};
  const to = act === undefined ? undefined : by[act];
  return to === undefined ? undefined : Math.min(Math.max(0, to), last);
}

function onReviewKey(view: WizardView, config: SessionConfig, session: SessionState, act: Action | undefined): KeyResult {
  const steps = buildSteps(config.bank);
  const cursor = moved(act, view.reviewCursor, view.measure.reviewPage, reviewLast(config, session));
  if (cursor !== undefined) return only({...view, reviewCursor: cursor});
  const row = steps[view.reviewCursor];
  // An answer that disagrees: enter opens its first question.
  const revisit = row ? undefined : reviewContradictions(config.bank, session.interview.answers)[view.reviewCursor - steps.length]?.revisit;
  switch (act) {
    case 'next':
      return send(view, row ? {type: 'edit', id: row.id} : revisit ? {type: 'edit', id: revisit.id} : {type: 'show-result'});
    case 'result':
      return send(view, {type: 'show-result'});
    case 'note':
      return row ? send(view, {type: 'open-note', id: row.id}) : only(view);
    case 'certainty':
      return row ? send(view, {type: 'certainty', id: row.id, mark: 'next'}) : only(view);
    case 'back':
      return send(view, {type: 'back'});
    case 'why':
      return only({...view, why: !view.why});
    default:
      return only(view);
  }
}

const SAVE_KEYS: Partial<Record<Action, ReportFormat>> = {saveMd: 'md', saveHtml: 'html', saveJson: 'json', savePdf: 'pdf'};

function onResultKey(view: WizardView, session: SessionState, act: Action | undefined, input: string, key: Key): KeyResult {
  const save = session.save;
  if (save?.writing) return only(view); // a PDF being made: keys wait for the outcome (ctrl+c still quits)
  if (save?.stage === 'name') {
    if (act === 'cancel') return send(view, {type: 'cancel-save'});
    if (act === 'next') return send(view, {type: 'save-as', name: view.saveName?.value ?? ''});
    const buffer = view.saveName && editText(view.saveName, input, key);
    return only(buffer ? {...view, saveName: buffer} : view);
  }
  if (save?.stage === 'confirm') {
    if (act === 'confirm' || act === 'decline') return send(view, {type: 'overwrite', replace: act === 'confirm'});
    return only(view);
  }
  const {reportLines, reportHeight} = view.measure;
  const scroll = moved(act, view.scroll, Math.max(1, reportHeight - 1), Math.max(0, reportLines - reportHeight));
  if (scroll !== undefined) return only({...view, scroll});
  const format = act && SAVE_KEYS[act];
  if (format) return send(view, {type: 'save', format});
  if (act === 'back') return send(view, {type: 'back'});
  if (act === 'finish') return send(view, {type: 'finish'});
  return only(view);
}

/**
 * The view after the session moved from `before` to `after`: a fresh draft on
 * a new question, the review's highlight where the user comes back to, the
 * note's and the file name's text when they open, the report at its top.
 */
export function follow(view: WizardView, before: SessionState | undefined, after: SessionState, config: SessionConfig): WizardView {
  let next = view;
  // Where the user is; the welcome and the question it leads to count as one place, so what was typed there is kept.
  const at = (s: SessionState | undefined) => s && `${s.stage === 'result' ? 'result' : 'interview'}:${s.interview.index}:${s.interview.returnToReview}`;
  if (at(before) !== at(after)) {
    next = {...next, contentScroll: 0, draft: undefined, hint: undefined};
    const step = currentQuestion(config, after);
    if (step) next = {...next, draft: initDraft(step, after.interview.answers)};
    else if (onReview(config, after)) {
      // Back from the result or from a question opened on the review keeps its row; arriving from the last question lands on "see the result".
      // A revisited disagreement that is gone leaves the row count smaller: the highlight stays within it.
      const keepRow = before?.stage === 'result' || (before?.stage === 'interview' && before.interview.returnToReview);
      const last = reviewLast(config, after);
      next = {...next, reviewCursor: keepRow ? Math.min(next.reviewCursor, last) : last};
    }
    if (after.stage === 'result' && before?.stage !== 'result') next = {...next, scroll: 0};
  }
  const question = currentQuestion(config, after);
  if (question && !next.draft) next = {...next, draft: initDraft(question, after.interview.answers)};
  // The figure asked after an answer: the answer just stored is the one highlighted above it, and
  // "nothing chosen yet", said before a key chose it, no longer applies.
  if (question && after.figure && !before?.figure) next = {...next, draft: initDraft(question, after.interview.answers), hint: undefined};
  if (after.note && after.note.id !== before?.note?.id) next = {...next, note: textBuffer(after.interview.answers.notes[after.note.id] ?? '')};
  if (!after.note && next.note) next = {...next, note: undefined};
  if (after.save?.stage === 'name' && before?.save?.stage !== 'name') next = {...next, saveName: textBuffer(after.save.name)};
  if (!after.save && next.saveName) next = {...next, saveName: undefined};
  return followParts(next, before, after, config);
}
