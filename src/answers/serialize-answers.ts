/**
 * Write answers in the answers-file format (docs/answers-file.md), fields in the
 * documented order, so a draft, an embedded report block and a hand-written
 * file all read the same.
 */
import {stringify} from 'yaml';
import type {Answers, Handoff} from '../engine/types.js';

/** Extra top-level fields a draft carries beside the answers. */
export interface DraftInfo {
  /** The question the interview was on when saved. */
  position?: string;
  /** ISO time of the save. */
  saved?: string;
}

/** The answers as a plain object in contract order (empty optional sections left out). */
export function answersToObject(answers: Answers, draft?: DraftInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {version: needsVersion2(answers) ? 2 : 1};
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
  if (answers.handoffs) out.handoffs = answers.handoffs.map(handoffToObject);
  if (answers.baselines && Object.keys(answers.baselines).length) out.baselines = structuredClone(answers.baselines);
  if (answers.plan && (answers.plan.start !== undefined || answers.plan.owners)) {
    const plan: Record<string, unknown> = {};
    if (answers.plan.start !== undefined) plan.start = answers.plan.start;
    if (answers.plan.owners && Object.keys(answers.plan.owners).length) plan.owners = {...answers.plan.owners};
    out.plan = plan;
  }
  if (draft) out.draft = {...draft};
  return out;
}

/**
 * Version 2 only when the answers hold what version 1 cannot (a handoff map, baselines, a plan),
 * so a file without them still reads in a tool that knows only version 1.
 */
export function needsVersion2(answers: Answers): boolean {
  return answers.handoffs !== undefined || Object.keys(answers.baselines ?? {}).length > 0 || answers.plan?.start !== undefined || Object.keys(answers.plan?.owners ?? {}).length > 0;
}

/** A handoff's fields in the documented order; optional ones only when given. */
function handoffToObject(h: Handoff): Record<string, unknown> {
  const out: Record<string, unknown> = {from: h.from, to: h.to, record: h.record, owner: h.owner, required_fields: [...h.required_fields], when_missing: h.when_missing};
  if (h.failures !== undefined) out.failures = h.failures;
  if (h.critical_path !== undefined) out.critical_path = h.critical_path;
  return out;
}

export function answersToYaml(answers: Answers, draft?: DraftInfo): string {
  return stringify(answersToObject(answers, draft), {lineWidth: 0, flowCollectionPadding: false});
}
