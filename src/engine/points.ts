/**
 * Points: what each answer adds to the score, and the total. Every number
 * comes from the bank. Shared by scoring, flips and the report model.
 */
import type {Answers, Axis, AxisAnswer, Bank, Contribution, Direction, Recommendation} from './types.js';

/** The direction a score leans. */
export function leanOf(bank: Bank, score: number): Direction {
  return score >= bank.scoring.remediationAt ? 'remediation-sprint' : 'manage-in-place';
}

/** An axis answer's points: `scalePoints[answer] × weight`; nothing for unknown or unanswered. */
export function axisPoints(bank: Bank, axis: Axis, value: AxisAnswer | undefined): number {
  return typeof value === 'number' ? bank.scoring.scalePoints[value] * axis.weight : 0;
}

/** An axis answer in words: "4 of 5", "don't know" or "not answered". */
export function axisAnswerWords(value: AxisAnswer | undefined): string {
  return typeof value === 'number' ? `${value} of 5` : value === 'unknown' ? "don't know" : 'not answered';
}

/** Each answer's share of the score, in bank order. */
export function contributions(bank: Bank, answers: Answers): Contribution[] {
  const out: Contribution[] = [];
  for (const axis of bank.axes) {
    const value = answers.matrix[axis.id];
    out.push({id: axis.id, kind: 'axis', label: axis.title, answer: axisAnswerWords(value), points: axisPoints(bank, axis, value)});
  }
  for (const signal of bank.signals) {
    const observed = answers.signals[signal.list]?.includes(signal.id) ?? false;
    out.push({
      id: signal.id,
      kind: 'signal',
      label: signal.text,
      answer: observed ? 'observed' : 'not observed',
      points: observed ? (signal.list === 'remediation_sprint' ? signal.weight : -signal.weight) : 0,
    });
  }
  return out;
}

/** The score: every contribution summed, rounded as every score is. */
export function totalScore(bank: Bank, answers: Answers): number {
  return round(contributions(bank, answers).reduce((sum, c) => sum + c.points, 0));
}

/** Rounded to three decimals, so that fractional weights sum to the same score however they are added. */
export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Axis ids answered "don't know" or not answered, in bank order. */
export function unknownAxisIds(bank: Bank, answers: Answers): string[] {
  return bank.axes.filter((a) => typeof answers.matrix[a.id] !== 'number').map((a) => a.id);
}

/** The share (0..1) of the matrix weight held by these axes, rounded as scores are. */
export function weightShare(bank: Bank, axisIds: readonly string[]): number {
  const total = bank.axes.reduce((s, a) => s + a.weight, 0);
  return total ? round(bank.axes.filter((a) => axisIds.includes(a.id)).reduce((s, a) => s + a.weight, 0) / total) : 0;
}

/**
 * The recommendation these answers give: not yet qualified when a disqualifier applies; else not
 * enough evidence to decide when the "don't know" share of the matrix weight reaches the bank's
 * threshold; else the lean. Shared by scoring and flips, so a flip's `to` is what scoring would say.
 */
export function recommendationOf(bank: Bank, answers: Answers): Recommendation {
  if (bank.disqualifiers.some((d) => answers.disqualifiers[d.id] === true)) return 'not-yet-qualified';
  if (weightShare(bank, unknownAxisIds(bank, answers)) >= bank.scoring.insufficientEvidenceAt) return 'insufficient-evidence';
  return leanOf(bank, totalScore(bank, answers));
}
