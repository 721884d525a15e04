/**
 * The words both front ends show that are neither in the question bank nor
 * in the engine: the welcome, resuming (and picking the draft), the yes/no
 * answers, the verdict.
 * Each front end lays them out its own way; none words them again.
 */
import {SECTION_TITLES, type SectionId, type Step} from '../engine/interview.js';
import type {Bank, Confidence, Direction, Recommendation, Result} from '../engine/types.js';

const PARTS: readonly SectionId[] = ['context', 'handoffs', 'matrix', 'signals', 'disqualifiers'];
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** The parts of the interview that this bank has questions in, in order, e.g. "decision matrix". */
function partsOf(steps: readonly Step[]): string[] {
  return PARTS.filter((p) => steps.some((s) => s.section === p)).map((p) => SECTION_TITLES[p].toLowerCase());
}

/** The minutes the welcome announces, from the interview's length: 40 seconds a question, rounded to fives. */
export function minutesFor(questions: number): number {
  return Math.max(5, Math.round((questions * 40) / 60 / 5) * 5);
}

/** The welcome: what the interview is, how long it takes, that answers are kept. */
export function welcomeText(bank: Bank, steps: readonly Step[]): {title: string; description: string; length: string; saving: string} {
  const parts = partsOf(steps);
  const count = NUMBER_WORDS[parts.length] ?? String(parts.length);
  return {
    title: bank.meta.title,
    description: bank.meta.description,
    length: `About ${minutesFor(steps.length)} minutes: ${steps.length} questions in ${count} parts (${parts.join(', ')}), then a review of every answer and the report.`,
    saving: 'Each answer is saved as you go; ctrl+c pauses, and you can resume later.',
  };
}

/** How long ago, in words: "just now", "5 minutes ago", "2 hours ago", "yesterday", "3 days ago", else "on 2026-01-31". */
export function savedAgo(saved: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - saved.getTime()) / 60_000);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (minutes < 1) return 'just now'; // a clock set back counts as now
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 30) return `${days} days ago`;
  const p = (n: number) => String(n).padStart(2, '0');
  return `on ${saved.getFullYear()}-${p(saved.getMonth() + 1)}-${p(saved.getDate())}`;
}

/** What tells one saved interview from another: whose, which workflow, when it was saved, how far it got. */
export interface DraftFacts {
  organisation?: string;
  workflow?: string;
  /** Who is answering (the assessor): with several respondents on one workflow, what tells their drafts apart. */
  respondent?: string;
  /** When it was last saved, and the time it is told at (for "2 hours ago"). */
  saved?: {at: Date; now: Date};
  answered?: number;
  total?: number;
}

/** A saved interview in one line: "Acme Ltd, Quote to cash, saved 2 hours ago (6 of 17 answered)". */
export function draftText(draft: DraftFacts): string {
  const named = [draft.organisation?.trim() || 'organisation not yet named', draft.workflow?.trim(), draft.respondent?.trim() && `answered by ${draft.respondent.trim()}`].filter(Boolean).join(', ');
  const when = draft.saved ? `, saved ${savedAgo(draft.saved.at, draft.saved.now)}` : '';
  const progress = draft.answered !== undefined && draft.total !== undefined ? ` (${draft.answered} of ${draft.total} answered)` : '';
  return `${named}${when}${progress}`;
}

/** Resuming an interview: whose it is, when it was saved, how far it got and where it goes on (a question's label, or the review). */
export function resumeText(draft: DraftFacts & {answered: number; total: number}, at: Step | undefined): string {
  return `Welcome back: ${draftText(draft)}. Continuing at ${at ? `“${at.label}”` : 'the review'}.`;
}

/** Interviewing another respondent (issue 14): the workflow's context is carried over, the answers start blank. */
export function respondentText(facts: {organisation?: string; workflow?: string; from: string}): string {
  const named = [facts.organisation?.trim(), facts.workflow?.trim()].filter(Boolean).join(', ') || 'the same workflow';
  return `Another respondent on ${named}: the organisation, workflow and systems come from ${facts.from}. Your own answers start blank, beginning with who you are.`;
}

/** The question above the list of saved interviews `--resume` offers when there are several. */
export function resumePickText(shown: number, more: number, listCommand: string): {title: string; more?: string; respondent: string; respondentTitle: string} {
  return {
    title: `Which saved interview do you want to continue? The ${shown} saved last:`,
    respondent: 'Or interview another respondent on the workflow of one of these…',
    respondentTitle: 'Another respondent on the workflow of which interview? Its organisation, workflow and systems are kept; the answers start blank:',
    more: more > 0 ? `${more} older one${more === 1 ? ' is' : 's are'} not shown: ${listCommand} lists every one with its id, to resume by id.` : undefined,
  };
}

/** A yes/no question's two answers: the answer to the question as asked (whether a disqualifier then applies is the bank's `applies_when`). */
export const YESNO_LABELS = {yes: 'Yes', no: 'No'} as const;

export const DIRECTION_LABELS: Record<Direction, string> = {
  'manage-in-place': 'Manage in place',
  'remediation-sprint': 'Remediation sprint',
};

export function verdictLabel(recommendation: Recommendation, lean: Direction): string {
  if (recommendation === 'not-yet-qualified') return `Not yet qualified (the matrix leans toward ${DIRECTION_LABELS[lean].toLowerCase()})`;
  if (recommendation === 'insufficient-evidence') return `Not enough evidence to decide (the answers so far lean toward ${DIRECTION_LABELS[lean].toLowerCase()})`;
  return `${DIRECTION_LABELS[recommendation]} recommended`;
}

export function confidenceLabel(confidence: Confidence): string {
  return `${confidence} confidence`;
}

/** The verdict in one line, e.g. "Remediation sprint recommended · medium confidence". */
export function verdictText(result: Result): string {
  return `${verdictLabel(result.recommendation, result.lean)} · ${confidenceLabel(result.confidence)}`;
}
