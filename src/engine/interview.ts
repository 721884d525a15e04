/**
 * The interview as a headless state machine: which question is current,
 * answering, going back, jumping to any question from the review, progress.
 * Pure: both front ends (Ink and plain) drive this and hold no rule of their own.
 */
import {contradictions} from './consistency.js';
import {isUnconfirmed} from './evidence.js';
import {describeHandoffs} from './handoff-form.js';
import type {Answers, AxisAnswer, Bank, Certainty, ContextQuestion, Contradiction, Handoff, QuestionKind, SignalList} from './types.js';
import {emptyAnswers, SIGNAL_LISTS} from './types.js';

export type SectionId = 'context' | 'handoffs' | 'matrix' | 'signals' | 'disqualifiers';

/** The handoff map's step id (issue 10): one step for the whole part, answered once `answers.handoffs` is set ([] = skipped). */
export const HANDOFFS_STEP = 'handoffs';

export const SECTION_TITLES: Record<SectionId | 'review', string> = {
  context: 'About the assessment',
  handoffs: 'Handoff map',
  matrix: 'Decision matrix',
  signals: 'Signals',
  disqualifiers: 'Disqualifiers',
  review: 'Review',
};

/** One question of the interview, whatever its kind. */
export interface Step {
  /** The question id: notes and certainty are keyed by it. */
  id: string;
  section: SectionId;
  /** `handoffs`: the handoff-map part, a list edited by its own form (src/engine/handoff-form.ts). */
  kind: QuestionKind | 'handoffs';
  title: string;
  /** A short name for the review, notes and messages: a context question's label, else the title. */
  label: string;
  prompt: string;
  why: string;
  required: boolean;
  placeholder?: string;
  maxLength?: number;
  /**
   * choice: values and labels; multi: signal ids and their statements; scale: each point
   * (`'1'`..`'5'`, `'unknown'`) and how it reads beside its number (see SCALE_POINTS).
   */
  options?: {value: string; label: string; why?: string}[];
  /** scale: the two poles. */
  poles?: {manageInPlace: string; remediationSprint: string};
  /** yesno: the one-line explanation. */
  explanation?: string;
  /**
   * yesno (a disqualifier): the answer to its plain question that means it applies
   * (the bank's `applies_when`). The answers file stores whether it applies; the
   * front ends give the answer to the question as asked (getAnswer / setAnswer map the two).
   */
  appliesWhen?: boolean;
}

/** An answer as a front end gives it. */
export type StepAnswer = string | string[] | AxisAnswer | boolean | Handoff[];

export interface InterviewState {
  answers: Answers;
  /** Index into steps(); equal to steps().length on the review screen. */
  index: number;
  /** Set when a question was opened from the review: answering returns there. */
  returnToReview: boolean;
}

/** The most names a list answer (the systems involved) may hold: the answers file allows no more. */
export const MAX_LIST_ITEMS = 50;

/** The longest note, in characters as textLength counts them: the answers file allows no more. */
export const MAX_NOTE_LENGTH = 4000;

/**
 * The length of a text in characters as a person counts them (code points: an emoji is one),
 * the one count behind every limit: the engine's checks, the wizard's text fields and the answers-file reader.
 */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The points of a scale question, top to bottom, and how each reads beside its number: the one wording both front ends show. */
export const SCALE_POINTS: readonly {value: AxisAnswer; label: string}[] = [
  {value: 1, label: 'The manage-in-place statement fits'},
  {value: 2, label: 'Leans toward manage in place'},
  {value: 3, label: 'Somewhere in between'},
  {value: 4, label: 'Leans toward remediation sprint'},
  {value: 5, label: 'The remediation-sprint statement fits'},
  {value: 'unknown', label: "Don't know"},
];

/** The scale's answers, top to bottom. */
export const SCALE_ANSWERS: readonly AxisAnswer[] = SCALE_POINTS.map((p) => p.value);

/** A scale option's value (`'1'`..`'5'`, `'unknown'`) as the answer the engine takes. */
export function scaleAnswer(value: string): AxisAnswer | undefined {
  return SCALE_ANSWERS.find((a) => String(a) === value);
}

/** The ordered steps of a bank's interview. */
export function buildSteps(bank: Bank): Step[] {
  const steps: Step[] = [];
  for (const q of bank.context) steps.push(contextStep(q));
  if (bank.handoffMap) {
    const map = bank.handoffMap;
    steps.push({id: HANDOFFS_STEP, section: 'handoffs', kind: 'handoffs', title: map.title, label: map.title, prompt: map.prompt, why: map.why, required: false});
  }
  for (const axis of bank.axes) {
    steps.push({
      id: axis.id,
      section: 'matrix',
      kind: 'scale',
      title: axis.title,
      label: axis.title,
      prompt: axis.prompt,
      why: axis.why,
      required: true,
      poles: {manageInPlace: axis.manageInPlace, remediationSprint: axis.remediationSprint},
      options: SCALE_POINTS.map((p) => ({value: String(p.value), label: p.label})),
    });
  }
  for (const list of SIGNAL_LISTS) {
    const signals = bank.signals.filter((s) => s.list === list);
    const title = list === 'manage_in_place' ? 'Signals that favour managing in place' : 'Signals that favour a remediation sprint';
    steps.push({
      id: list,
      section: 'signals',
      kind: 'multi',
      title,
      label: title,
      prompt: 'Which of these are true here? Select all that apply, or none.',
      why:
        list === 'manage_in_place'
          ? 'Each statement that holds is evidence that the friction can be contained where it is.'
          : 'Each statement that holds is evidence that the friction has become an operating risk.',
      required: false,
      options: signals.map((s) => ({value: s.id, label: s.text, why: s.why})),
    });
  }
  for (const d of bank.disqualifiers) {
    steps.push({
      id: d.id,
      section: 'disqualifiers',
      kind: 'yesno',
      title: d.title,
      label: d.title,
      prompt: d.prompt,
      why: d.why,
      required: true,
      explanation: d.explanation,
      appliesWhen: d.appliesWhen,
    });
  }
  return steps;
}

function contextStep(q: ContextQuestion): Step {
  return {
    id: q.id,
    section: 'context',
    kind: q.kind,
    title: q.prompt,
    label: q.label,
    prompt: q.prompt,
    why: q.why,
    required: q.required,
    placeholder: q.placeholder,
    maxLength: q.maxLength,
    options: q.choices?.map((c) => ({value: c.value, label: c.label})),
  };
}

export function startInterview(bank: Bank, answers: Answers = emptyAnswers()): InterviewState {
  return {answers, index: firstUnanswered(bank, answers), returnToReview: false};
}

/** The first step without an answer (the review when all are answered): where a draft without a saved position continues. */
export function firstUnanswered(bank: Bank, answers: Answers): number {
  const steps = buildSteps(bank);
  const i = steps.findIndex((s) => !isAnswered(answers, s));
  return i < 0 ? steps.length : i;
}

/** The position saved in a draft: the current question's id, or "review". */
export function positionOf(bank: Bank, state: InterviewState): string {
  return buildSteps(bank)[state.index]?.id ?? 'review';
}

/**
 * Where a resumed draft continues: at the question it was saved on, else the
 * first unanswered one. A question of a complete draft opens as an edit (it
 * returns to the review).
 */
export function resumeState(bank: Bank, answers: Answers, position?: string): InterviewState {
  const start = startInterview(bank, answers);
  const steps = buildSteps(bank);
  if (position === 'review') return {...start, index: steps.length};
  const index = steps.findIndex((s) => s.id === position);
  if (index < 0) return start;
  const complete = start.index >= steps.length;
  return {answers, index, returnToReview: complete};
}

/** The required questions still without an answer, in interview order: the result waits for them. */
export function missingRequired(bank: Bank, answers: Answers): Step[] {
  return buildSteps(bank).filter((s) => s.required && !isAnswered(answers, s));
}

/** Why the result is not shown yet, for the user: "First, one question needs an answer: Workflow." */
export function missingMessage(missing: Step[]): string {
  const what = missing.length === 1 ? 'one question needs' : `${missing.length} questions need`;
  return `First, ${what} an answer: ${missing.map((s) => s.label).join('; ')}.`;
}

export function currentStep(bank: Bank, state: InterviewState): Step | undefined {
  return buildSteps(bank)[state.index];
}

export function isReview(bank: Bank, state: InterviewState): boolean {
  return state.index >= buildSteps(bank).length;
}

/**
 * Has this step been answered? A signal list counts as answered once it is present, even empty ("none of these");
 * an optional text question once it is present, even blank (skipped: stored as '', and kept so by drafts).
 */
export function isAnswered(answers: Answers, step: Step): boolean {
  const value = getAnswer(answers, step);
  if (step.kind === 'multi' || step.kind === 'handoffs') return value !== undefined;
  if (step.kind === 'text' && !step.required) return value !== undefined;
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== '';
}

/**
 * A disqualifier's two faces, the one place they meet: the yes/no answer to its plain
 * question, and whether it applies (what the answers file stores). The same mapping
 * both ways: it applies when the answer is the step's `appliesWhen`.
 */
export function appliesFrom(step: Step, yes: boolean): boolean {
  return yes === (step.appliesWhen ?? true);
}

/** The yes/no answer to a disqualifier's question, from whether it applies. */
export function yesFrom(step: Step, applies: boolean): boolean {
  return applies === (step.appliesWhen ?? true);
}

/** The current answer to a step, in the shape the front end edits (a disqualifier: the yes/no answer to its question). */
export function getAnswer(answers: Answers, step: Step): StepAnswer | undefined {
  switch (step.section) {
    case 'context':
      return (answers.context as Record<string, string | string[] | undefined>)[step.id];
    case 'matrix':
      return answers.matrix[step.id];
    case 'signals':
      return answers.signals[step.id as SignalList];
    case 'disqualifiers': {
      const applies = answers.disqualifiers[step.id];
      return applies === undefined ? undefined : yesFrom(step, applies);
    }
    case 'handoffs':
      return answers.handoffs;
  }
}

/**
 * Where a question starts, the same in both front ends: on its answer, and an
 * unanswered one on nothing at all. No scale point, yes/no or choice is offered
 * in advance, so Enter alone never records an answer nobody chose (issue 10: no anchoring).
 */
export function startingAnswer(answers: Answers, step: Step): StepAnswer | undefined {
  return getAnswer(answers, step);
}

/** Check an answer before it is accepted. Returns a message for the user, or undefined. */
export function validate(step: Step, value: StepAnswer): string | undefined {
  switch (step.kind) {
    case 'text': {
      const text = String(value ?? '').trim();
      if (step.required && !text) return 'This one is needed for the report: please type an answer.';
      if (step.maxLength && textLength(text) > step.maxLength) return `Please keep it under ${step.maxLength} characters (now ${textLength(text)}).`;
      return undefined;
    }
    case 'list': {
      const items = toList(value);
      if (step.required && items.length === 0) return 'Name at least one system, separated by commas (e.g. HubSpot, Gmail).';
      if (items.length > MAX_LIST_ITEMS) return `Please name at most ${MAX_LIST_ITEMS} systems (now ${items.length}).`;
      const long = items.find((i) => step.maxLength && textLength(i) > step.maxLength);
      if (long) return `Each name must be under ${step.maxLength} characters.`;
      return undefined;
    }
    case 'choice':
      return step.options?.some((o) => o.value === value) ? undefined : 'Please choose one of the options.';
    case 'scale':
      return SCALE_ANSWERS.includes(value as AxisAnswer) ? undefined : 'Choose 1 to 5, or "don\'t know".';
    case 'multi':
      return Array.isArray(value) && value.every((v) => step.options?.some((o) => o.value === v)) ? undefined : 'Unknown option.';
    case 'yesno':
      return typeof value === 'boolean' ? undefined : 'Answer yes or no.';
    case 'handoffs':
      return Array.isArray(value) && value.every((h) => typeof h === 'object' && h !== null) ? undefined : 'A list of handoffs.';
  }
}

/** A list answer as typed ("HubSpot, Gmail") or given as an array: trimmed, blanks dropped. */
function toList(value: StepAnswer): string[] {
  return Array.isArray(value) ? value.map((v) => String(v).trim()).filter(Boolean) : splitList(String(value ?? ''));
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Store an answer without moving. Throws on an invalid answer: front ends validate first. */
export function setAnswer(answers: Answers, step: Step, value: StepAnswer): Answers {
  const problem = validate(step, value);
  if (problem) throw new Error(`${step.id}: ${problem}`);
  const next: Answers = {...answers, context: {...answers.context}, matrix: {...answers.matrix}, signals: {...answers.signals}, disqualifiers: {...answers.disqualifiers}};
  switch (step.section) {
    case 'context': {
      const ctx = next.context as Record<string, unknown>;
      if (step.kind === 'list') ctx[step.id] = toList(value);
      else if (step.kind === 'text') ctx[step.id] = String(value).trim();
      else ctx[step.id] = value;
      break;
    }
    case 'matrix':
      next.matrix[step.id] = value as AxisAnswer;
      break;
    case 'signals':
      next.signals[step.id as SignalList] = [...(value as string[])];
      break;
    case 'disqualifiers':
      next.disqualifiers[step.id] = appliesFrom(step, value as boolean);
      break;
    case 'handoffs':
      next.handoffs = (value as Handoff[]).map((h) => ({...h, required_fields: [...h.required_fields]}));
      break;
  }
  return next;
}

/** Answer the current step and move on: to the next step, or back to the review when editing from it. */
export function answer(bank: Bank, state: InterviewState, value: StepAnswer): InterviewState {
  const step = currentStep(bank, state);
  if (!step) return state;
  const answers = setAnswer(state.answers, step, value);
  const total = buildSteps(bank).length;
  if (state.returnToReview) return {answers, index: total, returnToReview: false};
  return {answers, index: Math.min(state.index + 1, total), returnToReview: false};
}

/** One step back (from the review: the last question; from a question opened from the review: the review). Crosses section boundaries. */
export function back(bank: Bank, state: InterviewState): InterviewState {
  if (state.returnToReview) return cancelEdit(bank, state);
  return {...state, index: Math.max(0, state.index - 1)};
}

/** Open any question, e.g. from the review; answering it returns to the review. */
export function edit(bank: Bank, state: InterviewState, id: string): InterviewState {
  const index = buildSteps(bank).findIndex((s) => s.id === id);
  if (index < 0) throw new Error(`No question with id "${id}".`);
  return {...state, index, returnToReview: true};
}

/** Leave a question opened from the review without changing it. */
export function cancelEdit(bank: Bank, state: InterviewState): InterviewState {
  return {...state, index: buildSteps(bank).length, returnToReview: false};
}

/** Check a note before it is stored (it is stored trimmed). Returns a message for the user, or undefined. */
export function validateNote(note: string): string | undefined {
  const length = textLength(note.trim());
  return length > MAX_NOTE_LENGTH ? `Please keep the note to at most ${MAX_NOTE_LENGTH} characters (now ${length}).` : undefined;
}

/** Store the note on a question (trimmed; blank removes it). Throws on a note too long: front ends check with validateNote first. */
export function setNote(answers: Answers, id: string, note: string): Answers {
  const problem = validateNote(note);
  if (problem) throw new Error(`${id}: ${problem}`);
  const notes = {...answers.notes};
  if (note.trim()) notes[id] = note.trim();
  else delete notes[id];
  return {...answers, notes};
}

export function setCertainty(answers: Answers, id: string, certainty: Certainty | undefined): Answers {
  const next = {...answers.certainty};
  if (certainty) next[id] = certainty;
  else delete next[id];
  return {...answers, certainty: next};
}

export interface Progress {
  section: SectionId | 'review';
  sectionTitle: string;
  /** 1-based position within the section. */
  sectionStep: number;
  sectionSize: number;
  /** 1-based overall position. */
  step: number;
  total: number;
  answered: number;
  /** 0..1 */
  fraction: number;
}

export function progress(bank: Bank, state: InterviewState): Progress {
  const steps = buildSteps(bank);
  const answered = steps.filter((s) => isAnswered(state.answers, s)).length;
  const step = steps[state.index];
  if (!step) {
    return {section: 'review', sectionTitle: SECTION_TITLES.review, sectionStep: 1, sectionSize: 1, step: steps.length, total: steps.length, answered, fraction: answered / steps.length};
  }
  const inSection = steps.filter((s) => s.section === step.section);
  return {
    section: step.section,
    sectionTitle: SECTION_TITLES[step.section],
    sectionStep: inSection.indexOf(step) + 1,
    sectionSize: inSection.length,
    step: state.index + 1,
    total: steps.length,
    answered,
    fraction: answered / steps.length,
  };
}

/** Every step with its answer in words, for the review screen. */
export function reviewRows(bank: Bank, answers: Answers): {step: Step; answer: string; answered: boolean; note?: string}[] {
  return buildSteps(bank).map((step) => ({step, answer: describeAnswer(step, answers), answered: isAnswered(answers, step), note: answers.notes[step.id]}));
}

export {isUnconfirmed};

/** A contradiction as the review shows it: what disagrees, and the question to revisit first. */
export interface ReviewContradiction {
  contradiction: Contradiction;
  /** The first of its questions that the interview asks: opening it is "revisit". */
  revisit: Step;
}

/**
 * The answers that disagree, as both reviews show them before the result: every
 * rule of the bank that holds (bank order), each with the first of its questions
 * to revisit. Going on to the result is allowed; the report lists them too.
 */
export function reviewContradictions(bank: Bank, answers: Answers): ReviewContradiction[] {
  const steps = buildSteps(bank);
  return contradictions(bank, answers).flatMap((contradiction) => {
    const revisit = contradiction.questions.map((id) => steps.find((s) => s.id === id)).find((s) => s !== undefined);
    return revisit ? [{contradiction, revisit}] : [];
  });
}

/** An optional text question passed over on purpose: answered, with a blank answer. */
export function isSkipped(answers: Answers, step: Step): boolean {
  return step.kind === 'text' && !step.required && getAnswer(answers, step) === '';
}

export function describeAnswer(step: Step, answers: Answers): string {
  const value = getAnswer(answers, step);
  if (step.kind === 'handoffs') return describeHandoffs(answers.handoffs);
  if (step.kind === 'multi') {
    if (!isAnswered(answers, step)) return 'not answered';
    const ids = (value as string[] | undefined) ?? [];
    const labels = ids.map((id) => step.options?.find((o) => o.value === id)?.label.replace(/\.$/, '') ?? id);
    return ids.length ? `${ids.length} of ${step.options?.length}: ${labels.join('; ')}` : 'none of these';
  }
  if (isSkipped(answers, step)) return 'skipped';
  if (value === undefined || value === '') return 'not answered';
  if (step.kind === 'scale') return value === 'unknown' ? "don't know" : `${value} of 5`;
  if (step.kind === 'yesno') {
    const said = value ? 'Yes' : 'No';
    if (answers.disqualifiers[step.id]) return `${said}: applies`;
    return isUnconfirmed(answers, step.id) ? `${said}: unconfirmed` : `${said}: does not apply`;
  }
  if (step.kind === 'choice') return step.options?.find((o) => o.value === value)?.label ?? String(value);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
