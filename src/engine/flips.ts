/**
 * Flips: the smallest sets of answer changes that would change the verdict.
 *
 * The score is a weighted sum, so no search over combinations is needed: the
 * fewest changes that cross the threshold are the best change per question,
 * taken largest first. Cost grows with questions × options. Every flip
 * returned is checked by scoring the changed answers again.
 */
import {fmt, list} from './phrases.js';
import {axisAnswerWords, axisPoints, contributions, leanOf, round, totalScore} from './points.js';
import type {AnswerChange, Answers, AxisAnswer, Bank, Direction, Flip, Recommendation} from './types.js';
import {SCALE_VALUES} from './types.js';

/** How many single-change alternatives to list when one change suffices. */
const MAX_SINGLE_FLIPS = 6;

/** The most combinations of moves searched for the gentlest multi-change flip. */
const MAX_COMBINATIONS = 20000;

interface Option {
  questionId: string;
  change: AnswerChange;
}

/** Every possible change of one answer that moves the score, per question. */
function optionsByQuestion(bank: Bank, answers: Answers): Map<string, Option[]> {
  const byQuestion = new Map<string, Option[]>();
  const parts = new Map(contributions(bank, answers).map((c) => [c.id, c]));
  for (const axis of bank.axes) {
    const current = answers.matrix[axis.id];
    const now = parts.get(axis.id)!.points;
    const from = typeof current === 'number' ? String(current) : axisAnswerWords(current);
    const options: Option[] = [];
    for (const v of SCALE_VALUES) {
      if (v === current) continue;
      const delta = round(axisPoints(bank, axis, v) - now);
      if (delta === 0) continue;
      options.push({
        questionId: axis.id,
        change: {field: `matrix.${axis.id}`, id: axis.id, label: axis.title, from, to: String(v), value: v, delta},
      });
    }
    byQuestion.set(axis.id, options);
  }
  for (const signal of bank.signals) {
    const observed = answers.signals[signal.list]?.includes(signal.id) ?? false;
    const sign = signal.list === 'remediation_sprint' ? 1 : -1;
    byQuestion.set(signal.id, [
      {
        questionId: signal.id,
        change: {
          field: `signals.${signal.list}.${signal.id}`,
          id: signal.id,
          label: signal.text,
          from: observed ? 'observed' : 'not observed',
          to: observed ? 'not observed' : 'observed',
          value: !observed,
          delta: observed ? -sign * signal.weight : sign * signal.weight,
        },
      },
    ]);
  }
  return byQuestion;
}

/** Apply changes to a copy of the answers. */
export function applyChanges(answers: Answers, changes: readonly AnswerChange[]): Answers {
  const next: Answers = {
    ...answers,
    matrix: {...answers.matrix},
    signals: {manage_in_place: [...(answers.signals.manage_in_place ?? [])], remediation_sprint: [...(answers.signals.remediation_sprint ?? [])]},
    disqualifiers: {...answers.disqualifiers},
  };
  for (const change of changes) {
    const [section, a, b] = change.field.split('.');
    if (section === 'matrix') next.matrix[a!] = change.value as AxisAnswer;
    else if (section === 'disqualifiers') next.disqualifiers[a!] = change.value as boolean;
    else if (section === 'signals') {
      const listName = a as 'manage_in_place' | 'remediation_sprint';
      const without = (next.signals[listName] ?? []).filter((id) => id !== b);
      next.signals[listName] = change.value ? [...without, b!] : without;
    }
  }
  return next;
}

/** Does a score of `total` lean to `target`? Rounded as totalScore rounds, so that summed deltas
 * such as 10.5 - 4.6000000000000005 - 4 (fractional weights) agree with re-scoring the answers. */
function crosses(bank: Bank, total: number, target: Direction): boolean {
  return leanOf(bank, round(total)) === target;
}

export function findFlips(bank: Bank, answers: Answers): Flip[] {
  const total = totalScore(bank, answers);
  const lean = leanOf(bank, total);
  const target: Direction = lean === 'remediation-sprint' ? 'manage-in-place' : 'remediation-sprint';
  const sign = target === 'remediation-sprint' ? 1 : -1;
  const applying = bank.disqualifiers.filter((d) => answers.disqualifiers[d.id] === true);
  // Disqualifiers first: they decide before the score does.
  const flips = disqualifierFlips(bank, answers, applying, lean, total);

  // Score flips. The best change per question toward the target, largest first.
  const options = optionsByQuestion(bank, answers);
  const best: Option[] = [];
  for (const opts of options.values()) {
    const toward = opts.filter((o) => o.change.delta * sign > 0);
    if (toward.length) best.push(toward.reduce((a, b) => (b.change.delta * sign > a.change.delta * sign ? b : a)));
  }
  best.sort((a, b) => b.change.delta * sign - a.change.delta * sign);

  let running = total;
  let needed = 0;
  for (const option of best) {
    running += option.change.delta;
    needed++;
    if (crosses(bank, running, target)) break;
  }
  if (!crosses(bank, running, target)) return flips; // no combination of answers reaches the other side

  const prefix = applying.length === 0 ? '' : 'Once the disqualifiers are resolved, ';
  if (needed === 1) {
    for (const change of singleChanges(bank, options, total, target)) flips.push(scoreFlip(bank, answers, [change], target, prefix));
  } else {
    const chosen = best.slice(0, needed);
    const choices = chosen.map((o) => options.get(o.questionId)!.map((x) => x.change).filter((c) => c.delta * sign > 0));
    flips.push(scoreFlip(bank, answers, gentlestCombination(bank, choices, total, target) ?? chosen.map((o) => o.change), target, prefix));
  }
  // Keep only flips that really flip when re-scored.
  return flips.filter((f) => f.kind === 'disqualifier' || leanOf(bank, totalScore(bank, applyChanges(answers, f.changes))) === f.to);
}

/** Resolving the disqualifiers that apply; or, when none does, each one that would stop the request if it did. */
function disqualifierFlips(bank: Bank, answers: Answers, applying: Bank['disqualifiers'], lean: Direction, total: number): Flip[] {
  if (applying.length) {
    const changes = applying.map(
      (d): AnswerChange => ({field: `disqualifiers.${d.id}`, id: d.id, label: d.title, from: 'applies', to: 'resolved', value: false, delta: 0}),
    );
    return [{kind: 'disqualifier', changes, to: lean, score: total, summary: `Resolving ${list(applying.map((d) => d.title.toLowerCase()))} would make the recommendation ${words(lean)}.`}];
  }
  return bank.disqualifiers.map((d) => ({
    kind: 'disqualifier',
    changes: [{field: `disqualifiers.${d.id}`, id: d.id, label: d.title, from: answers.disqualifiers[d.id] === false ? 'cleared' : 'not answered', to: 'applies', value: true, delta: 0}],
    to: 'not-yet-qualified',
    score: total,
    summary: `If it turned out that ${d.title.toLowerCase()} applies, the request would not yet qualify.`,
  }));
}

/** Every single change that suffices, each as small a move as possible, largest first, at most MAX_SINGLE_FLIPS. */
function singleChanges(bank: Bank, options: Map<string, Option[]>, total: number, target: Direction): AnswerChange[] {
  const singles: Option[] = [];
  for (const opts of options.values()) {
    const enough = opts
      .filter((o) => crosses(bank, total + o.change.delta, target))
      .sort((a, b) => Math.abs(a.change.delta) - Math.abs(b.change.delta));
    if (enough[0]) singles.push(enough[0]);
  }
  singles.sort((a, b) => Math.abs(b.change.delta) - Math.abs(a.change.delta));
  return singles.slice(0, MAX_SINGLE_FLIPS).map((o) => o.change);
}

/**
 * The greedy set fixes which questions change; then, among those questions only,
 * the gentlest combination of moves that still crosses (fewest steps in all,
 * then the smallest single move), so no answer is pushed further than needed.
 * Undefined beyond MAX_COMBINATIONS, or when none crosses.
 */
function gentlestCombination(bank: Bank, choices: AnswerChange[][], total: number, target: Direction): AnswerChange[] | undefined {
  if (choices.reduce((n, c) => n * c.length, 1) > MAX_COMBINATIONS) return undefined;
  let gentlest: AnswerChange[] | undefined;
  let bestCost: [number, number] = [Infinity, Infinity];
  const pick: AnswerChange[] = [];
  const walk = (i: number, running: number) => {
    if (i === choices.length) {
      if (!crosses(bank, running, target)) return;
      const steps = pick.map(moveSize);
      const cost: [number, number] = [steps.reduce((a, b) => a + b, 0), Math.max(...steps)];
      if (cost[0] < bestCost[0] || (cost[0] === bestCost[0] && cost[1] < bestCost[1])) {
        bestCost = cost;
        gentlest = [...pick];
      }
      return;
    }
    for (const c of choices[i]!) {
      pick.push(c);
      walk(i + 1, running + c.delta);
      pick.pop();
    }
  };
  walk(0, total);
  return gentlest;
}

function scoreFlip(bank: Bank, answers: Answers, changes: AnswerChange[], to: Direction, prefix: string): Flip {
  const after = totalScore(bank, applyChanges(answers, changes));
  const parts = changes.map(describeChange);
  const sentence = `${list(parts)} would move the score to ${fmt(after)} and the lean to ${words(to)}.`;
  return {kind: 'score', changes, to, score: after, summary: prefix ? prefix + lowerFirst(sentence) : capitalise(sentence)};
}

/** How far a change moves an answer: scale steps (from "don't know", from the middle), 1 for a signal. */
function moveSize(change: AnswerChange): number {
  if (typeof change.value !== 'number') return 1;
  const from = Number(change.from);
  return Math.abs(change.value - (Number.isFinite(from) ? from : 3));
}

export function describeChange(change: AnswerChange): string {
  if (change.field.startsWith('matrix.')) return `${change.label.toLowerCase()} at ${change.to} instead of ${change.from}`;
  if (change.field.startsWith('signals.')) return `"${change.label.replace(/\.$/, '')}" ${change.to === 'observed' ? 'becoming true' : 'no longer true'}`;
  return `${change.label.toLowerCase()} ${change.to}`;
}

export function words(direction: Recommendation): string {
  switch (direction) {
    case 'remediation-sprint':
      return 'a remediation sprint';
    case 'manage-in-place':
      return 'manage in place';
    case 'not-yet-qualified':
      return 'not yet qualified';
    case 'insufficient-evidence':
      return 'not enough evidence to decide';
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

