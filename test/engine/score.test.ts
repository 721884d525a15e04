import {describe, expect, it} from '@jest/globals';
import {score, scoreRange} from '../../src/engine/score.js';
import type {Confidence, Direction, Recommendation} from '../../src/engine/types.js';
import {AXES, DISQUALIFIERS, MANAGE, profile, realBank, REMEDIATE, type ProfileSpec} from './profiles.js';

const bank = realBank();

// The bundled bank: weights failure_frequency 3, reconciliation_load 2, exception_visibility 2,
// lead_time_impact 3, operational_confidence 2; scale points 1..5 = -2..+2; signals 2 each;
// remediation at 4; near threshold 5.
interface Row {
  name: string;
  spec: ProfileSpec;
  recommendation: Recommendation;
  /** The lean, when the recommendation is no direction. */
  lean?: Direction;
  score: number;
  confidence: Confidence | 'not high';
}

const rows: Row[] = [
  {name: 'clear-cut manage-in-place: all 1s and every manage signal', spec: {matrix: [1, 1, 1, 1, 1], manage: MANAGE}, recommendation: 'manage-in-place', score: -32, confidence: 'high'},
  {name: 'clear-cut remediation: all 5s and every remediation signal', spec: {matrix: [5, 5, 5, 5, 5], remediate: REMEDIATE}, recommendation: 'remediation-sprint', score: 32, confidence: 'high'},
  {name: 'all 1s, no signals', spec: {matrix: [1, 1, 1, 1, 1]}, recommendation: 'manage-in-place', score: -24, confidence: 'high'},
  {name: 'all 5s, no signals', spec: {matrix: [5, 5, 5, 5, 5]}, recommendation: 'remediation-sprint', score: 24, confidence: 'high'},
  {name: 'mildly fine: all 2s and two manage signals', spec: {matrix: [2, 2, 2, 2, 2], manage: MANAGE.slice(0, 2)}, recommendation: 'manage-in-place', score: -16, confidence: 'high'},
  {name: 'mildly bad: all 4s and two remediation signals', spec: {matrix: [4, 4, 4, 4, 4], remediate: REMEDIATE.slice(0, 2)}, recommendation: 'remediation-sprint', score: 16, confidence: 'high'},
  {name: 'mixed: heavy axes bad, light axes fine', spec: {matrix: [5, 1, 1, 5, 1]}, recommendation: 'manage-in-place', score: 0, confidence: 'not high'},
  {name: 'mixed: heavy axes fine, light axes bad', spec: {matrix: [1, 5, 5, 1, 5]}, recommendation: 'manage-in-place', score: 0, confidence: 'not high'},
  // Every manage statement beside 4s and 5s: five answer pairs that cannot both be true (consistency.yaml).
  {name: 'mixed: bad matrix, both checklists fully ticked', spec: {matrix: [4, 4, 5, 4, 4], manage: MANAGE, remediate: REMEDIATE}, recommendation: 'remediation-sprint', score: 14, confidence: 'low'},
  {name: 'all in the middle', spec: {matrix: [3, 3, 3, 3, 3]}, recommendation: 'manage-in-place', score: 0, confidence: 'medium'},
  {name: 'all unknown, no signals', spec: {matrix: ['unknown', 'unknown', 'unknown', 'unknown', 'unknown']}, recommendation: 'insufficient-evidence', lean: 'manage-in-place', score: 0, confidence: 'low'},
  {name: 'all unknown, every remediation signal', spec: {matrix: ['unknown', 'unknown', 'unknown', 'unknown', 'unknown'], remediate: REMEDIATE}, recommendation: 'insufficient-evidence', lean: 'remediation-sprint', score: 8, confidence: 'low'},
  {name: 'matrix never answered at all', spec: {}, recommendation: 'insufficient-evidence', lean: 'manage-in-place', score: 0, confidence: 'low'},
  {name: 'both heavy axes unknown (half the weight)', spec: {matrix: ['unknown', 5, 5, 'unknown', 5], remediate: REMEDIATE}, recommendation: 'insufficient-evidence', lean: 'remediation-sprint', score: 20, confidence: 'low'},
  {name: 'one heavy axis unknown', spec: {matrix: ['unknown', 5, 5, 5, 5], remediate: REMEDIATE}, recommendation: 'remediation-sprint', score: 26, confidence: 'medium'},
  {name: 'one light axis unknown', spec: {matrix: [5, 'unknown', 5, 5, 5], remediate: REMEDIATE}, recommendation: 'remediation-sprint', score: 28, confidence: 'high'},
  // Each manage statement contradicts a 5 (four rules) and the checklists contradict the matrix (a fifth).
  {name: 'conflict: remediation matrix, every manage signal', spec: {matrix: [5, 5, 5, 5, 5], manage: MANAGE}, recommendation: 'remediation-sprint', score: 16, confidence: 'low'},
  {name: 'conflict: manage matrix, every remediation signal', spec: {matrix: [1, 1, 1, 1, 1], remediate: REMEDIATE}, recommendation: 'manage-in-place', score: -16, confidence: 'medium'},
  {name: 'conflict near the threshold', spec: {matrix: [4, 4, 4, 4, 4], manage: MANAGE}, recommendation: 'remediation-sprint', score: 4, confidence: 'low'},
  {name: 'exactly at the threshold', spec: {matrix: [3, 4, 4, 3, 3]}, recommendation: 'remediation-sprint', score: 4, confidence: 'not high'},
  {name: 'one point under the threshold', spec: {matrix: [4, 3, 3, 3, 3]}, recommendation: 'manage-in-place', score: 3, confidence: 'not high'},
  {name: 'one point over the threshold', spec: {matrix: [4, 3, 3, 3, 3], remediate: REMEDIATE.slice(0, 1)}, recommendation: 'remediation-sprint', score: 5, confidence: 'not high'},
  {name: 'four points under the threshold', spec: {matrix: [3, 3, 3, 3, 3], manage: [], remediate: []}, recommendation: 'manage-in-place', score: 0, confidence: 'not high'},
  {name: 'four points over the threshold', spec: {matrix: [4, 4, 4, 3, 3], remediate: REMEDIATE.slice(0, 1)}, recommendation: 'remediation-sprint', score: 9, confidence: 'high'},
];

describe('score over named profiles on the bundled bank', () => {
  it.each(rows)('$name', ({spec, recommendation, lean, score: expected, confidence}) => {
    const result = score(bank, profile(spec));
    expect(result.recommendation).toBe(recommendation);
    expect(result.lean).toBe(lean ?? recommendation);
    expect(result.score).toBe(expected);
    expect(result.threshold).toBe(4);
    expect(result.margin).toBe(expected - 4);
    expect(result.matrixScore + result.signalScore).toBe(expected);
    if (confidence === 'not high') expect(result.confidence).not.toBe('high');
    else expect(result.confidence).toBe(confidence);
    expect(result.confidenceReasons.length).toBeGreaterThan(0);
  });

  it('the score range is what the bank allows', () => {
    expect(scoreRange(bank)).toEqual({min: -32, max: 32});
    expect(score(bank, profile({})).range).toEqual({min: -32, max: 32});
  });

  it('every profile within the near-threshold band stays below high confidence, whatever else', () => {
    // Sweep every matrix with no unknowns, no signals: 5^5 profiles.
    let seen = 0;
    const values = [1, 2, 3, 4, 5] as const;
    for (const a of values) for (const b of values) for (const c of values) for (const d of values) for (const e of values) {
      const result = score(bank, profile({matrix: [a, b, c, d, e]}));
      if (Math.abs(result.margin) < 5) {
        seen++;
        expect(result.confidence).not.toBe('high');
        expect(result.confidenceReasons.join(' ')).toMatch(/threshold/);
      }
    }
    expect(seen).toBeGreaterThan(100);
  });
});

describe('disqualifiers', () => {
  it.each(DISQUALIFIERS)('%s alone makes it not yet qualified and still reports a remediation lean', (id) => {
    const result = score(bank, profile({matrix: [5, 5, 5, 5, 5], remediate: REMEDIATE, disqualified: [id]}));
    expect(result.recommendation).toBe('not-yet-qualified');
    expect(result.lean).toBe('remediation-sprint');
    expect(result.score).toBe(32);
    const row = result.disqualifiers.find((d) => d.id === id)!;
    expect(row.applies).toBe(true);
    expect(row.resolves.length).toBeGreaterThan(10);
    expect(result.disqualifiers.filter((d) => d.applies === true)).toHaveLength(1);
    const title = bank.disqualifiers.find((d) => d.id === id)!.title.toLowerCase();
    expect(result.drivers[0]).toContain(title);
  });

  it.each(DISQUALIFIERS)('%s alone makes it not yet qualified and still reports a manage-in-place lean', (id) => {
    const result = score(bank, profile({matrix: [1, 1, 1, 1, 1], manage: MANAGE, disqualified: [id]}));
    expect(result.recommendation).toBe('not-yet-qualified');
    expect(result.lean).toBe('manage-in-place');
  });

  it('an unanswered disqualifier does not apply but is reported as not answered', () => {
    const answers = profile({matrix: [5, 5, 5, 5, 5]});
    delete answers.disqualifiers.no_budget_path;
    const result = score(bank, answers);
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.disqualifiers.find((d) => d.id === 'no_budget_path')!.applies).toBeNull();
    expect(result.disqualifiers.find((d) => d.id === 'no_tradeoff_owner')!.applies).toBe(false);
  });
});

describe('confidence reasons a reader can act on', () => {
  it('matrix and checklists that disagree lower confidence once, by the consistency rule, and say so with both sides\' points', () => {
    // Two manage statements that contradict no single answer here (reconciliation load is 3): only the
    // rule "checklists calm, matrix alarmed" holds.
    const agree = score(bank, profile({matrix: [5, 3, 5, 5, 5]}));
    const disagree = score(bank, profile({matrix: [5, 3, 5, 5, 5], manage: ['lightweight_controls', 'volume_not_amplifying']}));
    expect(agree.confidence).toBe('high');
    expect(disagree.contradictions.map((c) => c.id)).toEqual(['checklists_calm_matrix_alarmed']);
    expect(disagree.confidence).toBe('medium');
    const reasons = disagree.confidenceReasons.filter((r) => /matrix/.test(r));
    expect(reasons).toHaveLength(1); // the built-in disagreement rule no longer lowers it a second time
    expect(reasons[0]).toBe('answers disagree: the checklists describe friction that can be managed in place, while the matrix answers describe an operating risk (the matrix +20 points, the checklists -4)');
  });

  it('a small lean of the checklists against the matrix is not called a disagreement', () => {
    // One manage signal (-2) is under disagreement_points (4), and contradicts no answer.
    const result = score(bank, profile({matrix: [5, 5, 5, 5, 5], manage: ['volume_not_amplifying']}));
    expect(result.contradictions).toEqual([]);
    expect(result.confidence).toBe('high');
    expect(result.confidenceReasons.join(' ')).not.toMatch(/disagree/);
  });

  it('unknown answers are named with their share of the matrix weight', () => {
    const result = score(bank, profile({matrix: ['unknown', 5, 5, 'unknown', 5], remediate: REMEDIATE}));
    expect(result.unknowns).toEqual(['failure_frequency', 'lead_time_impact']);
    const reason = result.confidenceReasons.find((r) => /not known/.test(r))!;
    expect(reason).toContain('failure frequency');
    expect(reason).toContain('impact on lead time');
    expect(reason).toContain('50%');
  });

  it('an unanswered axis counts as unknown, like "unknown"', () => {
    const answered = score(bank, profile({matrix: {reconciliation_load: 5, exception_visibility: 5, operational_confidence: 5}}));
    expect(answered.unknowns).toEqual(['failure_frequency', 'lead_time_impact']);
    expect(answered.confidence).toBe('low');
    const parts = answered.contributions.filter((c) => c.kind === 'axis');
    expect(parts.find((c) => c.id === 'failure_frequency')!.answer).toBe('not answered');
  });

  it.each([
    ['estimated', 'failure_frequency', 'medium'],
    ['estimated', 'lead_time_impact', 'medium'],
    ['unknown', 'lead_time_impact', 'medium'],
    ['verified', 'failure_frequency', 'high'],
    ['estimated', 'reconciliation_load', 'high'], // weight 2 is under estimated_weight_at (3)
  ] as const)('certainty %s on %s gives %s confidence on a clear-cut profile', (certainty, axis, expected) => {
    const result = score(bank, profile({matrix: [5, 5, 5, 5, 5], remediate: REMEDIATE, certainty: {[axis]: certainty}}));
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.confidence).toBe(expected);
    if (expected === 'medium') {
      const title = bank.axes.find((a) => a.id === axis)!.title.toLowerCase();
      expect(result.confidenceReasons.join(' ')).toContain(`${title} is estimated`);
    }
  });

  it('near the threshold and an estimate together give low', () => {
    // +5: one point over the threshold (at most medium), and failure frequency estimated (one level).
    const result = score(bank, profile({matrix: [4, 3, 3, 3, 3], remediate: REMEDIATE.slice(0, 1), certainty: {failure_frequency: 'estimated'}}));
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons).toHaveLength(2);
    expect(result.confidenceReasons[0]).toMatch(/threshold/);
    expect(result.confidenceReasons[1]).toBe('failure frequency is estimated rather than verified, and weighs heavily');
  });

  it('high confidence explains itself', () => {
    const result = score(bank, profile({matrix: [1, 1, 1, 1, 1], manage: MANAGE}));
    expect(result.confidenceReasons[0]).toMatch(/clear/);
  });
});

describe('drivers name the answers that decided it', () => {
  it('a remediation verdict names the heaviest remediation answers first, and nothing that pulled the other way', () => {
    const result = score(bank, profile({matrix: [5, 4, 1, 5, 4], remediate: REMEDIATE.slice(0, 1), manage: MANAGE.slice(0, 1)}));
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.drivers[0]).toMatch(/^Failure frequency answered 5 of 5 \(\+6 points\)/);
    expect(result.drivers[1]).toMatch(/^Impact on lead time answered 5 of 5 \(\+6 points\)/);
    // The remediation pole is quoted, not the manage pole.
    expect(result.drivers[0]).toContain(bank.axes[0]!.remediationSprint.toLowerCase().slice(0, 20));
    const text = result.drivers.join('\n');
    expect(text).not.toContain('Exception visibility');
    // The observed manage-in-place signal pulled the other way: it is no driver.
    const manageSignal = bank.signals.find((sig) => sig.id === MANAGE[0])!;
    expect(text).not.toContain(manageSignal.text.toLowerCase().slice(0, 30));
  });

  it('a manage-in-place verdict quotes the manage-in-place poles', () => {
    const result = score(bank, profile({matrix: [1, 2, 2, 1, 2], manage: MANAGE}));
    // The four statements together (-8) outweigh any one axis; then failure frequency at 1 (-6).
    expect(result.drivers[0]).toMatch(/^All four manage-in-place statements ticked \(-8 points\): a checklist or a simple fallback rule/);
    expect(result.drivers[1]).toMatch(/^Failure frequency answered 1 of 5 \(-6 points\): failures are rare/);
    expect(result.drivers.join('\n')).not.toMatch(/\+\d/);
  });

  it('signals appear as drivers when they decide it', () => {
    // +3 from failure frequency alone falls short of 4; the ticked statement (+2) carries it over.
    const result = score(bank, profile({matrix: [4, 3, 3, 3, 3], remediate: ['recurring_sync_failures']}));
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.decisive).toEqual(['failure_frequency', 'recurring_sync_failures']);
    expect(result.drivers).toHaveLength(2);
    expect(result.drivers[1]).toMatch(/^Statement ticked \(\+2 points\): sync failures keep recurring/);
  });

  it('with nothing answered, the drivers say what is not known and that nothing leans yet', () => {
    const result = score(bank, profile({}));
    expect(result.recommendation).toBe('insufficient-evidence');
    expect(result.drivers).toEqual([
      'Not known: failure frequency, data reconciliation load, exception visibility, impact on lead time and operational confidence, 100% of the matrix weight; at 50% or more the answers cannot decide.',
      'Nothing known so far leans either way (score 0 against a threshold of 4).',
    ]);
    expect(result.decisive).toEqual([]);
  });

  it('a lean that holds only because the score falls short of the threshold names what fell short', () => {
    // Failure frequency at 4 (+3) is the only answer that leans anywhere, and it leans toward a sprint;
    // the verdict is manage-in-place because +3 is under the threshold of 4. Saying "no answer leans
    // either way" would contradict the matrix table printed beside it.
    const result = score(bank, profile({matrix: [4, 3, 3, 3, 3]}));
    expect(result.recommendation).toBe('manage-in-place');
    const text = result.drivers.join('\n');
    expect(text).not.toMatch(/No answer leans/);
    expect(text).toMatch(/failure frequency at 4 of 5 \(\+3\)/);
    expect(text).toMatch(/threshold/);
  });

  it('a disqualified result names the disqualifier first, then the answers behind the lean', () => {
    const result = score(bank, profile({matrix: [5, 5, 5, 5, 5], disqualified: ['no_budget_path', 'exploratory_no_pain']}));
    expect(result.drivers[0]).toBe('Disqualifier: no budget path.');
    expect(result.drivers[1]).toBe('Disqualifier: exploratory, with no evidence of pain.');
    expect(result.drivers[2]).toMatch(/^Failure frequency/);
  });
});

describe('contributions', () => {
  it('one per axis and per signal, in bank order, summing to the score', () => {
    const result = score(bank, profile({matrix: [5, 1, 'unknown', 4, 2], manage: ['clear_ownership'], remediate: ['fragmented_status']}));
    expect(result.contributions.map((c) => c.id)).toEqual([...AXES, ...MANAGE, ...REMEDIATE]);
    const points = Object.fromEntries(result.contributions.map((c) => [c.id, c.points]));
    expect(points).toMatchObject({failure_frequency: 6, reconciliation_load: -4, exception_visibility: 0, lead_time_impact: 3, operational_confidence: -2, clear_ownership: -2, fragmented_status: 2, lightweight_controls: 0});
    expect(result.score).toBe(6 - 4 + 3 - 2 - 2 + 2);
    expect(result.contributions.find((c) => c.id === 'exception_visibility')!.answer).toBe("don't know");
  });
});

describe('drivers when the score falls short of the threshold', () => {
  it('names every sprint-leaning answer that fell short, then what pulls toward managing in place', () => {
    // +6 from failure frequency, -2 from operational confidence, -2 from one manage signal: +2, under 4.
    const result = score(bank, profile({matrix: [5, 3, 3, 3, 2], manage: ['clear_ownership']}));
    expect(result.recommendation).toBe('manage-in-place');
    expect(result.drivers[0]).toBe('The score (+2) falls short of the threshold for a remediation sprint (4): failure frequency at 5 of 5 (+6) leans toward a remediation sprint, but not far enough.');
    expect(result.drivers.slice(1).join('\n')).toMatch(/Operational confidence answered 2 of 5 \(-2 points\)/);
  });
});
