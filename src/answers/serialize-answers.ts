/**
 * Write answers in the answers-file format (docs/answers-file.md), fields in the
 * documented order, so a draft, an embedded report block and a hand-written
 * file all read the same.
 */
import {stringify} from 'yaml';
import type {Answers} from '../engine/types.js';

/** Extra top-level fields a draft carries beside the answers. */
export interface DraftInfo {
  /** The question the interview was on when saved. */
  position?: string;
  /** ISO time of the save. */
  saved?: string;
}

/** The answers as a plain object in contract order (empty optional sections left out). */
export function answersToObject(answers: Answers, draft?: DraftInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {version: 1};
  const context: Record<string, unknown> = {};
  for (const key of ['organisation', 'assessor', 'role', 'workflow', 'systems'] as const) {
    if (answers.context[key] !== undefined) context[key] = answers.context[key];
  }
  for (const [key, value] of Object.entries(answers.context)) if (!(key in context) && value !== undefined) context[key] = value;
  out.context = context;
  out.matrix = {...answers.matrix};
  const signals: Record<string, string[]> = {};
  for (const list of ['manage_in_place', 'remediation_sprint'] as const) if (answers.signals[list]) signals[list] = [...answers.signals[list]!];
  out.signals = signals;
  out.disqualifiers = {...answers.disqualifiers};
  if (Object.keys(answers.notes).length) out.notes = {...answers.notes};
  if (Object.keys(answers.certainty).length) out.certainty = {...answers.certainty};
  if (draft) out.draft = {...draft};
  return out;
}

export function answersToYaml(answers: Answers, draft?: DraftInfo): string {
  return stringify(answersToObject(answers, draft), {lineWidth: 0, flowCollectionPadding: false});
}
