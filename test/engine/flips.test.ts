import {describe, expect, it} from '@jest/globals';
import {applyChanges, findFlips} from '../../src/engine/flips.js';
import {leanOf, totalScore} from '../../src/engine/points.js';
import {score} from '../../src/engine/score.js';
import type {Answers, AxisAnswer, Direction, Flip, Recommendation, SignalList} from '../../src/engine/types.js';
import {AXES, DISQUALIFIERS, MANAGE, prng, profile, randomProfile, realBank, REMEDIATE, type ProfileSpec} from './profiles.js';

const bank = realBank();

/** One change to one question, made without the engine's own helpers. */
interface Move {
  question: string;
  apply: (a: Answers) => void;
}

function clone(a: Answers): Answers {
  return structuredClone(a);
}

/** Every single-answer change a user could make to the scored questions. */
function allMoves(answers: Answers): Move[][] {
  const byQuestion: Move[][] = [];
  for (const axis of AXES) {
    const moves: Move[] = [];
    for (const v of [1, 2, 3, 4, 5, 'unknown'] as AxisAnswer[]) {
      if (answers.matrix[axis] === v) continue;
      moves.push({question: axis, apply: (a) => void (a.matrix[axis] = v)});
    }
    byQuestion.push(moves);
  }
  for (const [list, ids] of [['manage_in_place', MANAGE], ['remediation_sprint', REMEDIATE]] as [SignalList, string[]][]) {
    for (const id of ids) {
      byQuestion.push([
        {
          question: id,
          apply: (a) => {
            const now = a.signals[list] ?? [];
            a.signals[list] = now.includes(id) ? now.filter((x) => x !== id) : [...now, id];
          },
        },
      ]);
    }
  }
  return byQuestion;
}

/**
 * The recommendation, worked out here from the bank's data rather than by the engine: not yet
 * qualified when a disqualifier applies; not enough evidence when half the matrix weight (the
 * bank's insufficient_evidence_at) is "don't know" or unanswered; else the lean.
 */
function verdictOf(a: Answers): Recommendation {
  if (Object.values(a.disqualifiers).some((v) => v === true)) return 'not-yet-qualified';
  const total = bank.axes.reduce((s, x) => s + x.weight, 0);
  const unknown = bank.axes.filter((x) => typeof a.matrix[x.id] !== 'number').reduce((s, x) => s + x.weight, 0);
  if (unknown / total >= bank.scoring.insufficientEvidenceAt) return 'insufficient-evidence';
  return leanOf(bank, totalScore(bank, a));
}

/**
 * What a score flip changes: the recommendation, or while disqualified the lean (the
 * disqualifiers still decide the recommendation).
 */
function outcomeOf(a: Answers, disqualified: boolean): Recommendation {
  return disqualified ? leanOf(bank, totalScore(bank, a)) : verdictOf(a);
}

/** Can any set of exactly `k` changes (to distinct questions) give the outcome `target`? Brute force. */
function reachableWith(answers: Answers, k: number, target: Recommendation): boolean {
  const questions = allMoves(answers);
  const disqualified = verdictOf(answers) === 'not-yet-qualified';
  const walk = (start: number, left: number, current: Answers): boolean => {
    if (left === 0) return outcomeOf(current, disqualified) === target;
    for (let q = start; q < questions.length; q++) {
      for (const move of questions[q]!) {
        const next = clone(current);
        move.apply(next);
        if (walk(q + 1, left - 1, next)) return true;
      }
    }
    return false;
  };
  return walk(0, k, answers);
}

const named: [string, ProfileSpec][] = [
  ['clear-cut manage', {matrix: [1, 1, 1, 1, 1], manage: MANAGE}],
  ['clear-cut remediation', {matrix: [5, 5, 5, 5, 5], remediate: REMEDIATE}],
  ['all middle', {matrix: [3, 3, 3, 3, 3]}],
  ['one under the threshold', {matrix: [4, 3, 3, 3, 3]}],
  ['at the threshold', {matrix: [3, 4, 4, 3, 3]}],
  ['all unknown', {matrix: ['unknown', 'unknown', 'unknown', 'unknown', 'unknown']}],
  ['nothing answered', {}],
  ['half the weight unknown, leaning remediation', {matrix: ['unknown', 5, 4, 'unknown', 5], remediate: REMEDIATE.slice(0, 2)}],
  ['two thirds unknown, every manage statement', {matrix: ['unknown', 'unknown', 2, 'unknown', 1], manage: MANAGE}],
  ['disqualified with half the weight unknown', {matrix: ['unknown', 4, 4, 'unknown', 4], disqualified: ['no_budget_path']}],
  ['mixed', {matrix: [5, 1, 1, 5, 1], remediate: REMEDIATE.slice(0, 1)}],
  ['conflict', {matrix: [5, 5, 5, 5, 5], manage: MANAGE}],
  ['disqualified, leaning remediation', {matrix: [5, 5, 5, 5, 5], disqualified: ['no_budget_path']}],
  ['two disqualifiers, leaning manage', {matrix: [2, 2, 1, 2, 2], disqualified: ['no_tradeoff_owner', 'exploratory_no_pain']}],
  ['every disqualifier', {matrix: [4, 4, 4, 4, 4], disqualified: DISQUALIFIERS}],
];

const rand = prng(20260403);
const generated: [string, Answers][] = Array.from({length: 300}, (_, i) => [`random profile ${i + 1}`, randomProfile(rand, 0.15)]);
const profiles: [string, Answers][] = [...named.map(([n, spec]): [string, Answers] => [n, profile(spec)]), ...generated];

function scoreFlips(flips: Flip[]): Flip[] {
  return flips.filter((f) => f.kind === 'score');
}

describe('every flip really flips', () => {
  // A score flip changes what the recommendation would be: to a direction from the other direction,
  // or from "not enough evidence" by answering enough "don't know" axes. While a disqualifier applies
  // the recommendation stays not yet qualified, so a score flip there changes the lean.
  it.each(profiles)('%s', (_name, answers) => {
    const before = score(bank, answers);
    const frozen = JSON.stringify(answers);
    const disqualified = before.recommendation === 'not-yet-qualified';
    expect(before.flips.length).toBeGreaterThan(0);
    for (const flip of before.flips) {
      const changed = applyChanges(answers, flip.changes);
      const after = score(bank, changed);
      expect(flip.changes.length).toBeGreaterThan(0);
      if (flip.kind === 'score') {
        if (disqualified) {
          expect(after.recommendation).toBe('not-yet-qualified');
          expect(after.lean).not.toBe(before.lean);
          expect(after.lean).toBe(flip.to);
          expect(flip.summary).toMatch(/^Once the disqualifiers are resolved, /);
        } else {
          expect(after.recommendation).not.toBe(before.recommendation);
          expect(after.recommendation).toBe(flip.to);
          expect(['manage-in-place', 'remediation-sprint']).toContain(flip.to);
        }
        expect(flip.score).toBe(after.score);
        expect(flip.summary).toMatch(new RegExp(`score (to|at) ${after.score}\\b`));
        expect(flip.changes.every((c) => c.field.startsWith('matrix.') || c.field.startsWith('signals.'))).toBe(true);
        // The deltas it reports add up to the real move.
        expect(flip.changes.reduce((s, c) => s + c.delta, before.score)).toBeCloseTo(after.score);
      } else {
        expect(after.recommendation).not.toBe(before.recommendation);
        expect(after.recommendation).toBe(flip.to);
        expect(flip.score).toBe(before.score);
      }
    }
    expect(JSON.stringify(answers)).toBe(frozen); // applyChanges copies
  });
});

describe('score flips are the smallest sets', () => {
  it.each(profiles)('%s', (_name, answers) => {
    const before = score(bank, answers);
    const flips = scoreFlips(before.flips);
    // On this bank every profile can be tipped the other way (or decided) by some set of changes.
    expect(flips.length).toBeGreaterThan(0);
    if (before.recommendation === 'insufficient-evidence') {
      // One flip per direction: the fewest changes that would decide it that way.
      expect(flips.map((f) => f.to).sort()).toEqual(['manage-in-place', 'remediation-sprint']);
      for (const f of flips) {
        if (reachableWith(answers, 1, f.to)) expect(f.changes).toHaveLength(1);
        expect(new Set(f.changes.map((c) => c.id)).size).toBe(f.changes.length);
      }
      return;
    }
    const target: Direction = before.lean === 'remediation-sprint' ? 'manage-in-place' : 'remediation-sprint';
    const sizes = flips.map((f) => f.changes.length);
    if (reachableWith(answers, 1, target)) {
      expect(sizes.every((n) => n === 1)).toBe(true);
    } else {
      expect(flips).toHaveLength(1);
      const [n] = sizes;
      expect(n).toBeGreaterThan(1);
      // No change touches the same question twice.
      expect(new Set(flips[0]!.changes.map((c) => c.id)).size).toBe(n);
    }
  });

  // Exhaustive search is expensive: check the larger sets on a sample.
  const multi = profiles
    .flatMap(([name, a]) => scoreFlips(findFlips(bank, a)).map((f): [string, Answers, Flip] => [`${name} to ${f.to}`, a, f]))
    .filter(([, , f]) => f.changes.length > 1)
    .slice(0, 40);
  it('the sample holds profiles that need two or more changes, some of them with too little known', () => {
    expect(multi.length).toBeGreaterThan(10);
    expect(multi.some(([, a]) => score(bank, a).recommendation === 'insufficient-evidence')).toBe(true);
  });
  it.each(multi)('%s: no smaller set of changes flips it', (_name, answers, flip) => {
    const n = flip.changes.length;
    for (let k = 1; k < n; k++) expect(reachableWith(answers, k, flip.to)).toBe(false);
    expect(reachableWith(answers, n, flip.to)).toBe(true);
  });
});

describe('each change is as small a move as will do', () => {
  it.each(profiles.slice(0, 150))('%s', (_name, answers) => {
    const before = score(bank, answers);
    const disqualified = before.recommendation === 'not-yet-qualified';
    for (const flip of scoreFlips(before.flips)) {
      flip.changes.forEach((change, i) => {
        if (!change.field.startsWith('matrix.')) return;
        const axis = change.id;
        const current = answers.matrix[axis];
        const from = typeof current === 'number' ? current : 3;
        const to = change.value as number;
        // Every value strictly between the current answer and the proposed one falls short.
        for (let v = Math.min(from, to) + 1; v < Math.max(from, to); v++) {
          const eased = flip.changes.map((c, j) => (j === i ? {...c, value: v as AxisAnswer} : c));
          expect(outcomeOf(applyChanges(answers, eased), disqualified)).not.toBe(flip.to);
        }
      });
    }
  });
});

describe('disqualifier flips', () => {
  it('when disqualified, one flip clears exactly the disqualifiers that apply and gives the lean', () => {
    for (const [name, answers] of profiles) {
      const before = score(bank, answers);
      const applying = DISQUALIFIERS.filter((d) => answers.disqualifiers[d] === true);
      const dq = before.flips.filter((f) => f.kind === 'disqualifier');
      if (applying.length === 0) continue;
      expect([name, dq.length]).toEqual([name, 1]);
      expect(dq[0]!.changes.map((c) => c.id).sort()).toEqual([...applying].sort());
      expect(dq[0]!.changes.every((c) => c.value === false)).toBe(true);
      // Resolved, the verdict is the lean, unless too little is known to decide.
      const expected = before.unknownShare >= bank.scoring.insufficientEvidenceAt ? 'insufficient-evidence' : before.lean;
      expect(dq[0]!.to).toBe(expected);
      const after = score(bank, applyChanges(answers, dq[0]!.changes));
      expect(after.recommendation).toBe(expected);
      // Clearing only some of them is not enough.
      if (applying.length > 1) {
        const partial = score(bank, applyChanges(answers, dq[0]!.changes.slice(1)));
        expect(partial.recommendation).toBe('not-yet-qualified');
      }
    }
  });

  it('when qualified, each disqualifier is listed as a single change that would make it not yet qualified', () => {
    const answers = profile({matrix: [5, 5, 5, 5, 5]});
    const dq = score(bank, answers).flips.filter((f) => f.kind === 'disqualifier');
    expect(dq.map((f) => f.changes[0]!.id)).toEqual(DISQUALIFIERS);
    for (const f of dq) {
      expect(f.changes).toHaveLength(1);
      expect(f.to).toBe('not-yet-qualified');
      expect(f.changes[0]!.from).toBe('cleared');
    }
  });

  it('an unanswered disqualifier is described as not answered, not as cleared', () => {
    const answers = profile({matrix: [5, 5, 5, 5, 5]});
    delete answers.disqualifiers.no_budget_path;
    const dq = score(bank, answers).flips.find((f) => f.kind === 'disqualifier' && f.changes[0]!.id === 'no_budget_path')!;
    expect(dq.changes[0]!.from).toBe('not answered');
  });

  it('a score flip while disqualified moves the lean and says the disqualifiers come first', () => {
    const answers = profile({matrix: [4, 3, 3, 3, 3], disqualified: ['no_budget_path']});
    const before = score(bank, answers);
    expect(before.lean).toBe('manage-in-place');
    const flips = scoreFlips(before.flips);
    expect(flips.length).toBeGreaterThan(0);
    for (const f of flips) {
      expect(f.to).toBe('remediation-sprint');
      expect(f.summary).toMatch(/^Once the disqualifiers are resolved, /);
      // Still not qualified after the score flip alone.
      expect(score(bank, applyChanges(answers, f.changes)).recommendation).toBe('not-yet-qualified');
    }
  });
});

describe('flip wording', () => {
  it('a single change on an axis reads as a sentence with the new answer and the new score', () => {
    // Score +3: failure frequency from 4 to 5 (+3) reaches 6.
    const flips = scoreFlips(findFlips(bank, profile({matrix: [4, 3, 3, 3, 3]})));
    const ff = flips.find((f) => f.changes[0]!.id === 'failure_frequency')!;
    expect(ff.changes[0]).toMatchObject({field: 'matrix.failure_frequency', from: '4', to: '5', value: 5, delta: 3});
    expect(ff.summary).toBe('Failure frequency at 5 instead of 4 would move the score to 6 and the lean to a remediation sprint.');
    const signal = flips.find((f) => f.changes[0]!.id === 'recurring_sync_failures')!;
    expect(signal.changes[0]).toMatchObject({field: 'signals.remediation_sprint.recurring_sync_failures', from: 'not observed', to: 'observed', value: true, delta: 2});
    expect(signal.summary).toMatch(/^"Sync failures keep recurring.*" becoming true would move the score to 5/);
  });

  it('lists at most six single changes, the largest moves first', () => {
    const flips = scoreFlips(findFlips(bank, profile({matrix: [4, 3, 3, 3, 3]})));
    expect(flips.length).toBeLessThanOrEqual(6);
    const deltas = flips.map((f) => Math.abs(f.changes[0]!.delta));
    expect([...deltas].sort((a, b) => b - a)).toEqual(deltas);
  });

  it('an unknown answer is described as "don\'t know" when a flip proposes a value for it', () => {
    const flips = scoreFlips(findFlips(bank, profile({matrix: ['unknown', 3, 3, 3, 3]})));
    const ff = flips.find((f) => f.changes.some((c) => c.id === 'failure_frequency'));
    expect(ff?.changes.find((c) => c.id === 'failure_frequency')!.from).toBe("don't know");
  });
});

describe('banks with fractional weights (a custom --questions bank)', () => {
  it('every profile still gets a score flip, and each one really flips', () => {
    const rand = prng(7);
    let checked = 0;
    for (let b = 0; b < 100; b++) {
      const custom = structuredClone(bank);
      custom.axes.forEach((a) => (a.weight = Math.round(rand() * 30) / 10 + 0.1));
      custom.signals.forEach((s) => (s.weight = Math.round(rand() * 30) / 10 + 0.1));
      custom.scoring.remediationAt = Math.round(rand() * 40 - 10) / 10;
      for (let i = 0; i < 30; i++) {
        const answers = randomProfile(rand, 0);
        const flips = scoreFlips(findFlips(custom, answers));
        // Every axis and signal can move all the way, so the other side is always reachable here.
        expect(flips.length).toBeGreaterThan(0);
        for (const f of flips) {
          expect(leanOf(custom, totalScore(custom, applyChanges(answers, f.changes)))).toBe(f.to);
          for (const c of f.changes) expect(Math.abs(c.delta * 1000 - Math.round(c.delta * 1000))).toBeLessThan(1e-6);
        }
        checked++;
      }
    }
    expect(checked).toBe(3000);
  });
});

describe('flips when there is not enough evidence to decide', () => {
  // Failure frequency (3) and lead time (3) unknown: half the weight of 12, so no verdict; the light axes
  // and two remediation statements lean toward a sprint (+4 +2 +4 +4 = 14).
  const answers = profile({matrix: ['unknown', 5, 4, 'unknown', 5], remediate: REMEDIATE.slice(0, 2)});

  it('no change of a known answer can decide it: every score flip answers a "don\'t know" axis', () => {
    const before = score(bank, answers);
    expect(before.recommendation).toBe('insufficient-evidence');
    expect(before.lean).toBe('remediation-sprint');
    for (const f of scoreFlips(before.flips)) {
      expect(f.changes.some((c) => c.from === "don't know")).toBe(true);
      expect(score(bank, applyChanges(answers, f.changes)).unknownShare).toBeLessThan(0.5);
    }
  });

  it('answering the heaviest unknown axis decides it either way, and each flip says which way and why', () => {
    const flips = scoreFlips(score(bank, answers).flips);
    const sprint = flips.find((f) => f.to === 'remediation-sprint')!;
    const manage = flips.find((f) => f.to === 'manage-in-place')!;
    // Failure frequency in the middle keeps the +14 lean: a sprint.
    expect(sprint.changes).toEqual([expect.objectContaining({id: 'failure_frequency', from: "don't know", to: '3', value: 3, delta: 0})]);
    expect(sprint.summary).toBe("Failure frequency at 3 instead of don't know would keep the score at 14 with enough known to decide: a remediation sprint.");
    // Manage in place needs failure frequency at 1 (-6) and more: the fewest further changes.
    expect(manage.changes[0]).toMatchObject({id: 'failure_frequency', to: '1'});
    expect(manage.summary).toMatch(/with enough known to decide: manage in place\.$/);
    expect(score(bank, applyChanges(answers, manage.changes)).recommendation).toBe('manage-in-place');
  });

  it('resolving a disqualifier with too little known says so, and the score flips say the lean only', () => {
    const blocked = profile({matrix: ['unknown', 4, 4, 'unknown', 4], disqualified: ['no_budget_path']});
    const before = score(bank, blocked);
    expect(before.recommendation).toBe('not-yet-qualified');
    const dq = before.flips.find((f) => f.kind === 'disqualifier')!;
    expect(dq.to).toBe('insufficient-evidence');
    expect(dq.summary).toBe('Resolving no budget path would still leave not enough evidence to decide: 50% of the matrix weight is not known (the lean so far: a remediation sprint).');
    const lean = scoreFlips(before.flips).filter((f) => f.changes.every((c) => c.from !== "don't know"));
    expect(lean.length).toBeGreaterThan(0);
    for (const f of lean) expect(f.summary).toMatch(/the lean to manage in place, though too little would be known to decide\.$/);
  });

  it('a disqualifier cleared on an estimate is described as unconfirmed, not cleared', () => {
    const a = profile({matrix: [5, 5, 5, 5, 5], certainty: {no_budget_path: 'estimated'}});
    const dq = score(bank, a).flips.filter((f) => f.kind === 'disqualifier');
    const budget = dq.find((f) => f.changes[0]!.id === 'no_budget_path')!;
    expect(budget.changes[0]!.from).toBe('unconfirmed');
    expect(budget.summary).toMatch(/not confirmed/);
    expect(dq.find((f) => f.changes[0]!.id === 'no_tradeoff_owner')!.changes[0]!.from).toBe('cleared');
  });
});
