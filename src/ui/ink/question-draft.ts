/**
 * The answer being composed on the current question, before it is accepted:
 * the text typed, the option highlighted, the boxes ticked. Pure data; the
 * engine validates and stores the answer once the user confirms.
 */
import {getAnswer, type Step, type StepAnswer} from '../../engine/interview.js';
import type {Answers, AxisAnswer} from '../../engine/types.js';
import {textBuffer, type TextBuffer} from './text-buffer.js';

export type Draft =
  | {kind: 'text'; buffer: TextBuffer}
  | {kind: 'select'; cursor: number}
  | {kind: 'multi'; cursor: number; selected: string[]};

/** The scale's answers, top to bottom. */
export const SCALE_OPTIONS: readonly AxisAnswer[] = [1, 2, 3, 4, 5, 'unknown'];
/** The yes/no answers, top to bottom. */
export const YESNO_OPTIONS: readonly boolean[] = [true, false];

/** The answers a select-like question offers, in display order. */
export function selectValues(step: Step): StepAnswer[] {
  switch (step.kind) {
    case 'scale':
      return [...SCALE_OPTIONS];
    case 'yesno':
      return [...YESNO_OPTIONS];
    case 'choice':
      return (step.options ?? []).map((o) => o.value);
    default:
      return [];
  }
}

/** A fresh draft for a step, starting from its current answer. */
export function initDraft(step: Step, answers: Answers): Draft {
  const current = getAnswer(answers, step);
  switch (step.kind) {
    case 'text':
      return {kind: 'text', buffer: textBuffer(typeof current === 'string' ? current : '')};
    case 'list':
      return {kind: 'text', buffer: textBuffer(Array.isArray(current) ? current.join(', ') : typeof current === 'string' ? current : '')};
    case 'multi':
      return {kind: 'multi', cursor: 0, selected: Array.isArray(current) ? [...current] : []};
    default: {
      const values = selectValues(step);
      const found = current === undefined ? -1 : values.indexOf(current);
      // Unanswered: a scale starts in the middle, a yes/no on "no" (a disqualifier rarely applies), a choice on the first option.
      const fallback = step.kind === 'scale' ? 2 : step.kind === 'yesno' ? 1 : 0;
      return {kind: 'select', cursor: found >= 0 ? found : fallback};
    }
  }
}

/** The answer the draft stands for, as the engine takes it. */
export function draftValue(step: Step, draft: Draft): StepAnswer {
  switch (draft.kind) {
    case 'text':
      return draft.buffer.value;
    case 'multi': {
      const order = (step.options ?? []).map((o) => o.value);
      return order.filter((v) => draft.selected.includes(v));
    }
    case 'select':
      return selectValues(step)[draft.cursor]!;
  }
}
