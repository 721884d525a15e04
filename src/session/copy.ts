/**
 * The words both front ends show that are neither in the question bank nor
 * in the engine: the welcome, resuming, the yes/no answers, the verdict.
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

/** Resuming an interview: how far it got and where it goes on (a question's label, or the review). */
export function resumeText(answered: number, total: number, at: Step | undefined): string {
  return `Welcome back: ${answered} of ${total} answered. Continuing at ${at ? `“${at.label}”` : 'the review'}.`;
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
