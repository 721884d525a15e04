/**
 * Flips: the smallest sets of answer changes that would change the verdict.
 *
 * The score is a weighted sum, so no search over combinations is needed: the
 * fewest changes that cross the threshold are the best change per question,
 * taken largest first. Cost grows with questions × options. Every flip
 * returned is checked by scoring the changed answers again.
 *
 * With too little known (insufficient evidence), no change to the known
 * answers can decide it: each score flip answers the fewest "don't know"
 * axes (heaviest first) that bring the unknown share under the threshold,
 * with the gentlest answers that decide it one way, one flip per direction.
 */
import {disqualifierStatus} from './evidence.js';
import {capitalise, fmt, list, lowerFirst, percent} from './phrases.js';
import {axisAnswerWords, axisPoints, contributions, leanOf, recommendationOf, round, totalScore, unknownAxisIds, weightShare} from './points.js';
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
  const now = recommendationOf(bank, answers);
  const applying = bank.disqualifiers.filter((d) => answers.disqualifiers[d.id] === true);
  // Disqualifiers first: they decide before the score does.
  const flips = disqualifierFlips(bank, answers, applying, lean, total);
  const options = optionsByQuestion(bank, answers);

  if (now === 'insufficient-evidence') {
    // Changing known answers cannot decide it: only answering "don't know" axes can. Say what
    // answering the fewest of them (heaviest first) would take for each direction.
    for (const target of ['remediation-sprint', 'manage-in-place'] as const) {
      const flip = evidenceFlip(bank, answers, options, total, target);
      if (flip) flips.push(flip);
    }
  } else {
    flips.push(...leanFlips(bank, answers, options, total, lean, applying.length > 0));
  }
  // Keep only flips that really flip when re-scored: the recommendation becomes `to` (while
  // disqualified, a score flip's `to` is the new lean: the disqualifiers still decide).
  return flips.filter((f) => {
    if (f.kind === 'disqualifier') return recommendationOf(bank, applyChanges(answers, f.changes)) === f.to;
    const after = applyChanges(answers, f.changes);
    return applying.length ? leanOf(bank, totalScore(bank, after)) === f.to : recommendationOf(bank, after) === f.to;
  });
}

/** Score flips for a decided (or disqualified) verdict: the fewest changes that move the lean the other way. */
function leanFlips(bank: Bank, answers: Answers, options: Map<string, Option[]>, total: number, lean: Direction, blocked: boolean): Flip[] {
  const target: Direction = lean === 'remediation-sprint' ? 'manage-in-place' : 'remediation-sprint';
  const sign = target === 'remediation-sprint' ? 1 : -1;
  // The best change per question toward the target, largest first.
  const best = bestToward(options, sign);

  let running = total;
  let needed = 0;
  for (const option of best) {
    running += option.change.delta;
    needed++;
    if (crosses(bank, running, target)) break;
  }
  if (!crosses(bank, running, target)) return []; // no combination of answers reaches the other side

  const prefix = blocked ? 'Once the disqualifiers are resolved, ' : '';
  if (needed === 1) return singleChanges(bank, options, total, target).map((change) => scoreFlip(bank, answers, [change], target, prefix, blocked));
  const chosen = best.slice(0, needed);
  const choices = chosen.map((o) => options.get(o.questionId)!.map((x) => x.change).filter((c) => c.delta * sign > 0));
  return [scoreFlip(bank, answers, gentlestCombination(bank, choices, total, target) ?? chosen.map((o) => o.change), target, prefix, blocked)];
}

/** The best change of each question toward one side (sign +1: toward a sprint), largest first. */
function bestToward(options: Map<string, Option[]>, sign: number, skip: ReadonlySet<string> = new Set()): Option[] {
  const best: Option[] = [];
  for (const [question, opts] of options) {
    if (skip.has(question)) continue;
    const toward = opts.filter((o) => o.change.delta * sign > 0);
    if (toward.length) best.push(toward.reduce((a, b) => (b.change.delta * sign > a.change.delta * sign ? b : a)));
  }
  return best.sort((a, b) => b.change.delta * sign - a.change.delta * sign);
}

/**
 * Not enough evidence to decide: the fewest changes that would decide it for `target`. They must
 * answer enough "don't know" axes for the unknown share to fall under the threshold (the heaviest
 * first: fewest answers, and the most points either way), with the gentlest answers that give
 * `target`; when those answers cannot reach it, the fewest further changes that do.
 */
function evidenceFlip(bank: Bank, answers: Answers, options: Map<string, Option[]>, total: number, target: Direction): Flip | undefined {
  const at = bank.scoring.insufficientEvidenceAt;
  const unknown = bank.axes.filter((a) => typeof answers.matrix[a.id] !== 'number').sort((a, b) => b.weight - a.weight);
  let m = 0;
  while (m < unknown.length && weightShare(bank, unknown.slice(m).map((a) => a.id)) >= at) m++;
  if (weightShare(bank, unknown.slice(m).map((a) => a.id)) >= at) return undefined; // a bank where nothing is ever enough
  const toAnswer = unknown.slice(0, m);
  const sign = target === 'remediation-sprint' ? 1 : -1;
  const from = (id: string) => axisAnswerWords(answers.matrix[id]);
  // Every value of each axis to answer, the neutral middle included (it moves no points, but answers it).
  const required = toAnswer.map((axis) =>
    SCALE_VALUES.map((v): AnswerChange => ({field: `matrix.${axis.id}`, id: axis.id, label: axis.title, from: from(axis.id), to: String(v), value: v, delta: round(axisPoints(bank, axis, v))})),
  );
  let running = total + required.reduce((s, changes) => s + Math.max(...changes.map((c) => c.delta * sign)) * sign, 0);
  const extra = bestToward(options, sign, new Set(toAnswer.map((a) => a.id)));
  let needed = 0;
  while (!crosses(bank, running, target) && needed < extra.length) running += extra[needed++]!.change.delta;
  if (!crosses(bank, running, target)) return undefined;
  const choices = [...required, ...extra.slice(0, needed).map((o) => options.get(o.questionId)!.map((x) => x.change).filter((c) => c.delta * sign > 0))];
  const fallback = [...required.map((changes) => changes.reduce((a, b) => (b.delta * sign > a.delta * sign ? b : a))), ...extra.slice(0, needed).map((o) => o.change)];
  const changes = gentlestCombination(bank, choices, total, target) ?? fallback;
  const after = totalScore(bank, applyChanges(answers, changes));
  const moved = after === total ? `keep the score at ${fmt(after)}` : `move the score to ${fmt(after)}`;
  return {kind: 'score', changes, to: target, score: after, summary: capitalise(`${list(changes.map(describeChange))} would ${moved} with enough known to decide: ${words(target)}.`)};
}

/** Resolving the disqualifiers that apply; or, when none does, each one that would stop the request if it did. */
function disqualifierFlips(bank: Bank, answers: Answers, applying: Bank['disqualifiers'], lean: Direction, total: number): Flip[] {
  if (applying.length) {
    const changes = applying.map(
      (d): AnswerChange => ({field: `disqualifiers.${d.id}`, id: d.id, label: d.title, from: 'applies', to: 'resolved', value: false, delta: 0}),
    );
    const to = recommendationOf(bank, applyChanges(answers, changes));
    const names = list(applying.map((d) => d.title.toLowerCase()));
    const summary =
      to === 'insufficient-evidence'
        ? `Resolving ${names} would still leave not enough evidence to decide: ${percent(weightShare(bank, unknownAxisIds(bank, answers)))} of the matrix weight is not known (the lean so far: ${words(lean)}).`
        : `Resolving ${names} would make the recommendation ${words(to)}.`;
    return [{kind: 'disqualifier', changes, to, score: total, summary}];
  }
  return bank.disqualifiers.map((d) => {
    const status = disqualifierStatus(answers, d.id);
    const unconfirmed = status === 'unconfirmed';
    return {
      kind: 'disqualifier',
      changes: [{field: `disqualifiers.${d.id}`, id: d.id, label: d.title, from: status, to: 'applies', value: true, delta: 0}],
      to: 'not-yet-qualified',
      score: total,
      summary: unconfirmed
        ? `If it turned out that ${d.title.toLowerCase()} applies (answered as not applying, but not confirmed), the request would not yet qualify.`
        : `If it turned out that ${d.title.toLowerCase()} applies, the request would not yet qualify.`,
    };
  });
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

function scoreFlip(bank: Bank, answers: Answers, changes: AnswerChange[], to: Direction, prefix: string, blocked: boolean): Flip {
  const changed = applyChanges(answers, changes);
  const after = totalScore(bank, changed);
  const parts = changes.map(describeChange);
  // While disqualified, the flip moves the lean; say so when even resolving them would leave too little known.
  const thin = blocked && recommendationOf(bank, {...changed, disqualifiers: {}}) === 'insufficient-evidence';
  const sentence = `${list(parts)} would move the score to ${fmt(after)} and the lean to ${words(to)}${thin ? ', though too little would be known to decide' : ''}.`;
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


