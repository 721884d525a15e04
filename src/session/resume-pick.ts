/**
 * `--resume` without an id: which draft to continue. With one draft that can
 * be resumed, that one; with several, the newest few are offered to pick from
 * (a consultant with several clients' drafts must not continue the wrong one
 * silently). Pure: the drafts come in listed, the front ends ask.
 */
import {stripControlsOnOneLine} from '../report/escape.js';
import type {DraftSummary} from '../store/drafts.js';
import {draftText} from './copy.js';

/** How many drafts the pick offers, newest first. */
export const PICK_MAX = 5;

/** One draft offered. */
export interface DraftChoice {
  id: string;
  path: string;
  /** "Acme Ltd, Quote to cash, saved 2 hours ago (6 of 17 answered)", on one line without controls. */
  label: string;
}

/** Several drafts to choose from: the newest `choices`, and how many older ones are not shown. */
export interface DraftPick {
  choices: DraftChoice[];
  more: number;
}

/** What the pick returns: the draft, and whether to continue it or start another respondent on its workflow (issue 14, `secondRespondent`). */
export interface PickedDraft {
  path: string;
  as: 'resume' | 'respondent';
}

export type ResumePlan =
  /** No draft at all: nothing to resume (the caller says so). */
  | {kind: 'none'}
  /** Resume this one: the only draft that can be resumed, or the newest when none can (its load says why). */
  | {kind: 'draft'; path: string}
  | ({kind: 'pick'} & DraftPick);

/** What `--resume` without an id does with these drafts (as `listDrafts` gives them, newest first). */
export function planResume(drafts: readonly DraftSummary[], now: Date, max = PICK_MAX): ResumePlan {
  if (drafts.length === 0) return {kind: 'none'};
  const resumable = drafts.filter((d) => d.problem === undefined);
  if (resumable.length <= 1) return {kind: 'draft', path: (resumable[0] ?? drafts[0]!).path};
  const shown = resumable.slice(0, max);
  return {
    kind: 'pick',
    choices: shown.map((d) => ({id: d.id, path: d.path, label: draftLabel(d, now)})),
    more: resumable.length - shown.length,
  };
}

/** A draft as the pick shows it. */
export function draftLabel(draft: DraftSummary, now: Date): string {
  return stripControlsOnOneLine(
    draftText({organisation: draft.organisation, workflow: draft.workflow, respondent: draft.assessor, saved: {at: draft.saved, now}, answered: draft.answered, total: draft.total}),
  );
}
