/**
 * Consistency checks (issue 10): answers that cannot all be true. The rules
 * are bank data (questions/consistency.yaml); this module only evaluates them.
 * Pure. The review shows the result before the verdict, the score lowers
 * confidence by it, the report lists it under "Answers that disagree".
 */
import {contributions, round} from './points.js';
import type {Answers, Bank, Condition, Contradiction, ConsistencyRule, Direction} from './types.js';

/** Where the matrix and the checklists each lean, by the sign of their points. */
export function leans(bank: Bank, answers: Answers): {matrix: number; checklists: number} {
  const parts = contributions(bank, answers);
  const total = (kind: 'axis' | 'signal') => round(parts.filter((c) => c.kind === kind).reduce((s, c) => s + c.points, 0));
  return {matrix: total('axis'), checklists: total('signal')};
}

function sideOf(points: number): Direction | undefined {
  return points > 0 ? 'remediation-sprint' : points < 0 ? 'manage-in-place' : undefined;
}

function holds(bank: Bank, answers: Answers, c: Condition, lean: {matrix: number; checklists: number}): boolean {
  if ('axis' in c) {
    const value = answers.matrix[c.axis];
    if (typeof value !== 'number') return false;
    return (c.atLeast === undefined || value >= c.atLeast) && (c.atMost === undefined || value <= c.atMost);
  }
  if ('signal' in c) {
    const signal = bank.signals.find((s) => s.id === c.signal);
    return !!signal && (answers.signals[signal.list]?.includes(signal.id) ?? false);
  }
  if ('disqualifier' in c) return answers.disqualifiers[c.disqualifier] === c.applies;
  const at = bank.scoring.disagreementPoints;
  return (
    sideOf(lean.checklists) === c.checklists &&
    sideOf(lean.matrix) === c.matrix &&
    Math.abs(lean.checklists) >= at &&
    Math.abs(lean.matrix) >= at
  );
}

/** The question ids a condition points at, for "revisit" in the review. */
function questionsOf(bank: Bank, c: Condition): string[] {
  if ('axis' in c) return [c.axis];
  if ('signal' in c) {
    const signal = bank.signals.find((s) => s.id === c.signal);
    return signal ? [signal.list] : [];
  }
  if ('disqualifier' in c) return [c.disqualifier];
  return ['manage_in_place', 'remediation_sprint'];
}

/** The rules whose conditions all hold, in bank order. */
export function contradictions(bank: Bank, answers: Answers): Contradiction[] {
  const lean = leans(bank, answers);
  return bank.consistency
    .filter((rule: ConsistencyRule) => rule.when.every((c) => holds(bank, answers, c, lean)))
    .map((rule) => ({
      id: rule.id,
      text: rule.text,
      question: rule.question,
      settle: rule.settle,
      questions: [...new Set(rule.when.flatMap((c) => questionsOf(bank, c)))],
    }));
}
