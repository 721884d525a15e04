/**
 * The answer being composed on the current question, before it is accepted:
 * the text typed, the option highlighted, the boxes ticked. Pure data; the
 * engine validates and stores the answer once the user confirms.
 */
import {getAnswer, SCALE_ANSWERS, startingAnswer, type Step, type StepAnswer} from '../../engine/interview.js';
import type {Answers} from '../../engine/types.js';
import {textBuffer, type TextBuffer} from './text-buffer.js';

export type Draft =
  | {kind: 'text'; buffer: TextBuffer}
  /** `cursor` -1: nothing chosen yet (an unanswered question starts so: no option is offered in advance). */
  | {kind: 'select'; cursor: number}
  | {kind: 'multi'; cursor: number; selected: string[]};

/** The yes/no answers, top to bottom. */
export const YESNO_OPTIONS: readonly boolean[] = [true, false];

/** The answers a select-like question offers, in display order. */
export function selectValues(step: Step): StepAnswer[] {
  switch (step.kind) {
    case 'scale':
      return [...SCALE_ANSWERS];
    case 'yesno':
      return [...YESNO_OPTIONS];
    case 'choice':
      return (step.options ?? []).map((o) => o.value);
    default:
      return [];
  }
}

/** A fresh draft for a step, starting from its current answer (unanswered: nothing chosen, as the engine says). */
export function initDraft(step: Step, answers: Answers): Draft {
  const current = getAnswer(answers, step);
  switch (step.kind) {
    case 'text':
      return {kind: 'text', buffer: textBuffer(typeof current === 'string' ? current : '')};
    case 'list':
      return {kind: 'text', buffer: textBuffer(Array.isArray(current) ? current.join(', ') : typeof current === 'string' ? current : '')};
    case 'multi':
      return {kind: 'multi', cursor: 0, selected: Array.isArray(current) ? [...(current as string[])] : []};
    default: {
      const start = startingAnswer(answers, step);
      return {kind: 'select', cursor: start === undefined ? NOTHING : selectValues(step).indexOf(start)};
    }
  }
}

/** The cursor of a select draft on which nothing is chosen. */
export const NOTHING = -1;

/** The answer the draft stands for, as the engine takes it; undefined when nothing is chosen. */
export function draftValue(step: Step, draft: Draft): StepAnswer | undefined {
  switch (draft.kind) {
    case 'text':
      return draft.buffer.value;
    case 'multi': {
      const order = (step.options ?? []).map((o) => o.value);
      return order.filter((v) => draft.selected.includes(v));
    }
    case 'select':
      return selectValues(step)[draft.cursor];
  }
}
