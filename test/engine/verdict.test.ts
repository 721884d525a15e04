/**
 * Issue 10, the verdict side: the insufficient-evidence outcome, confidence that counts
 * contradictions, compounding estimates and unconfirmed disqualifiers, and a selective, honest
 * "why" (decisive answers, notes and figures quoted, counter-evidence). Realistic answers files
 * from varied organisations, scored on the bundled bank.
 *
 * The bundled bank: weights failure_frequency 3, reconciliation_load 2, exception_visibility 2,
 * lead_time_impact 3, operational_confidence 2 (12 in all); scale points 1..5 = -2..+2; statements
 * 2 each; remediation at 4; near threshold 5; insufficient evidence at 50% of the weight unknown;
 * estimates compound at two heavy axes (weight >= 3) or 50% of the weight; each contradiction one
 * level; counter-evidence from 4 points.
 */
import {describe, expect, it} from '@jest/globals';
import {score} from '../../src/engine/score.js';
import type {Answers, Bank, Baseline, Certainty} from '../../src/engine/types.js';
import {MANAGE, prng, profile, randomProfile, realBank, REMEDIATE, type ProfileSpec} from './profiles.js';
import type {Result} from '../../src/engine/types.js';

const bank = realBank();

interface Org {
  organisation: string;
  workflow: string;
  systems: string[];
  notes?: Record<string, string>;
  baselines?: Record<string, Baseline>;
}

/** A realistic answers file: an organisation, its workflow and systems, the answers, notes and figures. */
function answersFor(org: Org, spec: ProfileSpec): Answers {
  const a = profile(spec);
  a.context = {organisation: org.organisation, role: 'consultant', workflow: org.workflow, systems: org.systems};
  a.notes = org.notes ?? {};
  if (org.baselines) {
    a.version = 2;
    a.baselines = org.baselines;
  }
  return a;
}

function withScoring(changes: Partial<Bank['scoring']>): Bank {
  const custom = structuredClone(bank);
  Object.assign(custom.scoring, changes);
  return custom;
}

const verified = (ids: string[]): Record<string, Certainty> => Object.fromEntries(ids.map((id) => [id, 'verified' as Certainty]));
const ALL_AXES = ['failure_frequency', 'reconciliation_load', 'exception_visibility', 'lead_time_impact', 'operational_confidence'];

// A DTC outdoor retailer whose Shopify orders fail to reach NetSuite: a clear sprint, figures given.
const northwind: Org = {
  organisation: 'Northwind Outdoor',
  workflow: 'Order to invoice',
  systems: ['Shopify', 'NetSuite', 'ShipBob'],
  notes: {
    failure_frequency:
      '14 failed syncs in 4 weeks, almost all Shopify orders that never reach NetSuite because the SKU mapping is missing on new products, so finance re-keys them',
    lead_time_impact: 'order-to-invoice 2 -> 6 days',
  },
  baselines: {failure_frequency: 14, lead_time_impact: {now: 6, before: 2}},
};
const northwindSpec: ProfileSpec = {
  matrix: [5, 4, 4, 5, 3],
  remediate: ['recurring_sync_failures', 'fragmented_status'],
  manage: ['volume_not_amplifying'],
  certainty: verified(ALL_AXES),
};

// A dental group reconciling Dentrix and QuickBooks now and then: managed in place.
const harbor: Org = {
  organisation: 'Harbor Dental Group',
  workflow: 'Patient billing',
  systems: ['Dentrix', 'QuickBooks'],
  notes: {reconciliation_load: 'The office manager reconciles claims on Fridays, about an hour'},
};

// A 3PL that has not measured its handoffs yet: too little known.
const brightline: Org = {organisation: 'Brightline Logistics', workflow: 'Inbound receiving', systems: ['Manhattan WMS', 'carrier portals']};

// A B2B SaaS company whose answers are clear on lead time but only leaning elsewhere.
const keel: Org = {
  organisation: 'Keel Analytics',
  workflow: 'Deal to onboarding',
  systems: ['HubSpot', 'Jira', 'Slack'],
  notes: {failure_frequency: 'A handful of deals a month arrive in Jira without the contract terms'},
};

describe('the outcome: not enough evidence to decide', () => {
  it('at exactly the threshold share (both heavy axes, 50% of the weight, "don\'t know"), there is no verdict, only a lean', () => {
    const result = score(bank, answersFor(brightline, {matrix: ['unknown', 5, 4, 'unknown', 5], remediate: REMEDIATE.slice(0, 2)}));
    expect(result.unknownShare).toBe(0.5);
    expect(result.recommendation).toBe('insufficient-evidence');
    expect(result.lean).toBe('remediation-sprint');
    expect(result.score).toBe(14);
  });

  it('just below the threshold share (42%), the answers decide', () => {
    const result = score(bank, answersFor(brightline, {matrix: ['unknown', 5, 5, 5, 'unknown'], remediate: REMEDIATE}));
    expect(result.unknownShare).toBeCloseTo(5 / 12, 3);
    expect(result.recommendation).toBe('remediation-sprint');
    // 42% unknown is more than a fifth: one level lower, and said why.
    expect(result.confidence).toBe('medium');
    expect(result.confidenceReasons).toEqual(['failure frequency and operational confidence are not known (42% of the matrix weight)']);
  });

  it('the threshold is bank data: at 40% the same answers are not enough', () => {
    const result = score(withScoring({insufficientEvidenceAt: 0.4}), answersFor(brightline, {matrix: ['unknown', 5, 5, 5, 'unknown'], remediate: REMEDIATE}));
    expect(result.recommendation).toBe('insufficient-evidence');
    expect(result.confidenceReasons).toContain('failure frequency and operational confidence are not known (42% of the matrix weight): at 40% or more there is not enough evidence to decide, only a lean');
  });

  it('a disqualifier beats insufficient evidence, and the drivers still name the gap', () => {
    const result = score(bank, answersFor(brightline, {matrix: ['unknown', 'unknown', 3, 'unknown', 'unknown'], disqualified: ['no_budget_path']}));
    expect(result.unknownShare).toBeCloseTo(10 / 12, 3);
    expect(result.recommendation).toBe('not-yet-qualified');
    expect(result.drivers[0]).toBe('Disqualifier: no budget path.');
    expect(result.drivers[1]).toMatch(/^Not known: failure frequency, data reconciliation load, impact on lead time and operational confidence, 83% of the matrix weight/);
  });

  it('confidence is always low, with the reason in words, even far from the threshold and with nothing else amiss', () => {
    const result = score(bank, answersFor(brightline, {matrix: ['unknown', 5, 5, 'unknown', 5], remediate: REMEDIATE, certainty: verified(ALL_AXES)}));
    expect(result.score).toBe(20);
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons).toEqual([
      'failure frequency and impact on lead time are not known (50% of the matrix weight): at 50% or more there is not enough evidence to decide, only a lean',
    ]);
  });

  it('the drivers say which axes are unknown and what share that is, then the lean so far and what it rests on', () => {
    const result = score(bank, answersFor(brightline, {matrix: ['unknown', 4, 'unknown', 'unknown', 5], remediate: ['fragmented_status']}));
    expect(result.recommendation).toBe('insufficient-evidence');
    expect(result.drivers.slice(0, 2)).toEqual([
      'Not known: failure frequency, exception visibility and impact on lead time, 67% of the matrix weight; at 50% or more the answers cannot decide.',
      'The lean so far, on what is known: toward a remediation sprint (score +8 against a threshold of 4).',
    ]);
    expect(result.decisive).toEqual(['operational_confidence', 'reconciliation_load']);
  });
});

describe('confidence: estimates compound', () => {
  const clear: ProfileSpec = {matrix: [5, 5, 5, 5, 5], remediate: REMEDIATE};
  const run = (certainty: Record<string, Certainty>) => score(bank, answersFor(northwind, {...clear, certainty}));

  it('no heavy estimate: high', () => {
    expect(run(verified(ALL_AXES)).confidence).toBe('high');
  });

  it('one heavy axis estimated: one level lower, named', () => {
    const result = run({failure_frequency: 'estimated'});
    expect(result.confidence).toBe('medium');
    expect(result.confidenceReasons).toEqual(['failure frequency is estimated rather than verified, and weighs heavily']);
  });

  it('two heavy axes estimated: low, both named', () => {
    const result = run({failure_frequency: 'estimated', lead_time_impact: 'estimated'});
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons).toEqual([
      'failure frequency and impact on lead time are estimated rather than verified (two heavy axes, 50% of the matrix weight), and estimates compound',
    ]);
  });

  it('a known answer marked unsure counts as an estimate, and is called that', () => {
    const result = run({failure_frequency: 'estimated', lead_time_impact: 'unknown'});
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons[0]).toMatch(/^failure frequency and impact on lead time are estimated or marked unsure, not verified/);
  });

  it('half the matrix weight estimated on the light axes alone: low, every one named', () => {
    const result = run({reconciliation_load: 'estimated', exception_visibility: 'estimated', operational_confidence: 'estimated', failure_frequency: 'verified'});
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons).toEqual([
      'data reconciliation load, exception visibility and operational confidence are estimated rather than verified (50% of the matrix weight), and estimates compound',
    ]);
  });

  it('a third of the weight estimated on light axes leaves it high', () => {
    const result = run({reconciliation_load: 'estimated', exception_visibility: 'estimated'});
    expect(result.confidence).toBe('high');
  });
});

describe('confidence: answers that disagree', () => {
  // +32 with every remediation statement: high before any contradiction.
  const base: ProfileSpec = {matrix: [5, 5, 5, 5, 5], remediate: REMEDIATE, certainty: verified(ALL_AXES)};

  it('one contradiction lowers one level, with the rule\'s own words', () => {
    const result = score(bank, answersFor(keel, {...base, manage: ['clear_ownership']}));
    expect(result.contradictions.map((c) => c.id)).toEqual(['ownership_vs_exceptions']);
    expect(result.confidence).toBe('medium');
    expect(result.confidenceReasons).toEqual(['answers disagree: ownership is said to be clear, yet exceptions are found late and nobody clearly owns them']);
  });

  it('two contradictions lower two levels', () => {
    const result = score(bank, answersFor(keel, {...base, manage: ['clear_ownership', 'lightweight_controls']}));
    expect(result.contradictions.map((c) => c.id)).toEqual(['ownership_vs_exceptions', 'light_controls_vs_reconciliation']);
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons).toHaveLength(2);
    expect(result.confidenceReasons[1]).toBe('answers disagree: a checklist is said to keep the problems in check, yet records are reconciled by hand across teams');
  });

  it('the levels per contradiction are bank data', () => {
    const result = score(withScoring({contradictionLevels: 2}), answersFor(keel, {...base, manage: ['clear_ownership']}));
    expect(result.confidence).toBe('low');
  });

  it('the issue\'s case: four manage statements beside five 4s is low, every disagreement listed', () => {
    const result = score(bank, answersFor(keel, {matrix: [4, 4, 4, 4, 4], manage: MANAGE, certainty: verified(ALL_AXES)}));
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.confidence).toBe('low');
    expect(result.confidenceReasons.filter((r) => r.startsWith('answers disagree: '))).toHaveLength(5);
  });
});

describe('confidence: an unconfirmed disqualifier', () => {
  const base: ProfileSpec = {matrix: [5, 5, 5, 5, 5], remediate: REMEDIATE, certainty: verified(ALL_AXES)};

  it('"does not apply" marked estimated lowers one level: the request might not qualify', () => {
    const result = score(bank, answersFor(northwind, {...base, certainty: {...verified(ALL_AXES), no_budget_path: 'estimated'}}));
    expect(result.disqualifiers.find((d) => d.id === 'no_budget_path')!.status).toBe('unconfirmed');
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.confidence).toBe('medium');
    expect(result.confidenceReasons).toEqual(['no budget path is answered as not applying but not confirmed (estimated or unsure): the request might turn out not to be qualified']);
  });

  it('two unconfirmed are named together and lower one level', () => {
    const result = score(bank, answersFor(northwind, {...base, certainty: {...verified(ALL_AXES), no_budget_path: 'unknown', no_tradeoff_owner: 'estimated'}}));
    expect(result.confidence).toBe('medium');
    expect(result.confidenceReasons[0]).toMatch(/^no owner for cross-team tradeoffs and no budget path are answered as not applying but not confirmed/);
  });

  it('verified, it does not lower confidence', () => {
    const result = score(bank, answersFor(northwind, {...base, certainty: {...verified(ALL_AXES), no_budget_path: 'verified'}}));
    expect(result.confidence).toBe('high');
  });
});

describe('the "why": decisive answers', () => {
  it('the fewest answers that carry the score over the threshold, at least two, strongest first', () => {
    // Against: volume statement (-2). Failure frequency (+6) alone takes -2 to +4; a second is named too.
    const result = score(bank, answersFor(northwind, northwindSpec));
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.decisive).toEqual(['failure_frequency', 'lead_time_impact']);
    expect(result.drivers).toHaveLength(2);
  });

  it('a pole answer uses the pole statement, quotes the note (shortened at a word) and the figure', () => {
    const answers = answersFor(northwind, northwindSpec);
    const [ff, lt] = score(bank, answers).drivers;
    expect(ff).toMatch(/^Failure frequency answered 5 of 5 \(\+6 points\): failures come back every week and set off escalations or delays customers notice\. Figure given: 14 failures in four weeks\. In their words: "14 failed syncs in 4 weeks, almost all Shopify orders/);
    const quoted = /"([^"]+)"$/.exec(ff!)![1]!;
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(121);
    const kept = quoted.slice(0, -1);
    const note = answers.notes.failure_frequency!;
    expect(note.startsWith(kept)).toBe(true);
    expect(note.charAt(kept.length)).toBe(' '); // cut between words
    expect(lt).toBe(
      'Impact on lead time answered 5 of 5 (+6 points): waiting on handoffs between tools is now what slows our core work down the most. Figure given: 6 days now, 2 days six months ago. In their words: "order-to-invoice 2 -> 6 days"',
    );
  });

  it('a 4 is worded as leaning toward the sprint end, never as the pole statement', () => {
    // ff +3, rl +2, ev -2, lt +3, one statement +2: +8. Against -2; ff and lt (+6) take it to +4.
    const result = score(bank, answersFor(keel, {matrix: [4, 4, 2, 4, 3], remediate: ['fragmented_status']}));
    expect(result.decisive).toEqual(['failure_frequency', 'lead_time_impact']);
    const [ff, lt] = result.drivers;
    expect(ff).toBe(
      'Failure frequency answered 4 of 5 (+3 points): leans toward the sprint end, without going as far as "failures come back every week and set off escalations or delays customers notice". In their words: "A handful of deals a month arrive in Jira without the contract terms"',
    );
    expect(lt).toMatch(/^Impact on lead time answered 4 of 5 \(\+3 points\): leans toward the sprint end, without going as far as "waiting on handoffs/);
    for (const d of result.drivers) expect(d).not.toMatch(/\): waiting on handoffs|\): failures come back/);
  });

  it('a 2 leans toward the manage-in-place end; statements of one checklist count as one item', () => {
    // Three manage statements (-6), ff 2 (-3), rl 1 (-4), ev 2 (-2), lt 2 (-3), oc 3: -18.
    const result = score(bank, answersFor(harbor, {matrix: [2, 1, 2, 2, 3], manage: ['lightweight_controls', 'no_downstream_errors', 'clear_ownership']}));
    expect(result.recommendation).toBe('manage-in-place');
    expect(result.decisive).toEqual(['manage_in_place', 'reconciliation_load']);
    expect(result.drivers[0]).toBe(
      '3 of 4 manage-in-place statements ticked (-6 points): a checklist or a simple fallback rule is enough to keep today\'s integration problems in check; handoff delays are not causing meaningful errors further down the line; it is clear who owns each system and who steps in when something falls back.',
    );
    expect(result.drivers[1]).toBe(
      'Data reconciliation load answered 1 of 5 (-4 points): someone reconciles by hand now and then, inside a single team. In their words: "The office manager reconciles claims on Fridays, about an hour"',
    );
    const two = score(bank, answersFor(harbor, {matrix: [2, 3, 3, 3, 3], manage: ['lightweight_controls']}));
    expect(two.drivers[0]).toMatch(/^Failure frequency answered 2 of 5 \(-3 points\): leans toward the manage-in-place end, without going as far as "failures are rare/);
  });

  it('at most three, and when three do not carry it against the other side, the drivers say so', () => {
    const result = score(bank, answersFor(keel, {matrix: [4, 4, 4, 4, 4], manage: MANAGE}));
    expect(result.decisive).toEqual(['failure_frequency', 'lead_time_impact', 'reconciliation_load']);
    expect(result.drivers[3]).toBe(
      'These three alone do not carry it against the -8 points on the other side: two more answers toward a remediation sprint (+4 points) take the score to +4, at or above the threshold (4).',
    );
  });

  it('no axis is named as a reason unless it scored toward the verdict', () => {
    // Failure frequency and lead time answered 1 (-12) while the light axes and statements carry a sprint.
    const result = score(bank, answersFor(keel, {matrix: [1, 5, 5, 1, 5], remediate: REMEDIATE}));
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.decisive).toEqual(['remediation_sprint', 'reconciliation_load', 'exception_visibility']);
    const text = result.drivers.join('\n');
    expect(text).not.toMatch(/weigh/i);
    expect(text).not.toMatch(/failure frequency|impact on lead time/i);
    // The heavy axes that pulled the other way appear only as counter-evidence.
    expect(result.counterEvidence).toBe('Against it: failure frequency answered 1 of 5 (-6 points); in all, the answers on that side hold -12 points.');
  });

  it('an unknown axis is never a driver of a decided verdict', () => {
    const result = score(bank, answersFor(northwind, {matrix: ['unknown', 5, 5, 5, 5], remediate: REMEDIATE}));
    expect(result.recommendation).toBe('remediation-sprint');
    expect(result.decisive).not.toContain('failure_frequency');
    expect(result.drivers.join('\n')).not.toMatch(/failure frequency/i);
  });

  it('a disqualified verdict names the disqualifiers first, then the answers behind the lean', () => {
    const result = score(bank, answersFor(northwind, {...northwindSpec, disqualified: ['broad_redesign_expected']}));
    expect(result.recommendation).toBe('not-yet-qualified');
    expect(result.drivers[0]).toBe('Disqualifier: broad redesign expected without priorities.');
    expect(result.drivers[1]).toMatch(/^Failure frequency answered 5 of 5/);
    expect(result.decisive).toEqual(['failure_frequency', 'lead_time_impact']);
  });
});

describe('the "why": counter-evidence', () => {
  it('names the strongest answer on the other side when that side holds 4 points or more', () => {
    const result = score(bank, answersFor(northwind, {matrix: [5, 3, 5, 5, 5], manage: ['lightweight_controls', 'volume_not_amplifying']}));
    expect(result.counterEvidence).toBe('Against it: 2 of 4 manage-in-place statements are ticked (-4 points).');
  });

  it('says nothing when the other side holds less', () => {
    const result = score(bank, answersFor(northwind, {matrix: [5, 3, 5, 5, 5], manage: ['volume_not_amplifying']}));
    expect(result.counterEvidence).toBeUndefined();
    expect(result).not.toHaveProperty('counterEvidence');
  });

  it('works the other way round, and the threshold is bank data', () => {
    const answers = answersFor(harbor, {matrix: [1, 2, 1, 1, 2], remediate: ['fragmented_status', 'unforecastable_delivery']});
    const result = score(bank, answers);
    expect(result.recommendation).toBe('manage-in-place');
    expect(result.counterEvidence).toBe('Against it: 2 of 4 remediation-sprint statements are ticked (+4 points).');
    expect(score(withScoring({counterEvidenceAt: 6}), answers).counterEvidence).toBeUndefined();
  });

  it('the issue\'s case: all four manage statements against a sprint', () => {
    const result = score(bank, answersFor(keel, {matrix: [4, 4, 4, 4, 4], manage: MANAGE}));
    expect(result.counterEvidence).toBe('Against it: all four manage-in-place statements are ticked (-8 points).');
  });
});

describe('the "why" over 400 random profiles', () => {
  const rand = prng(20261201);
  const profiles = Array.from({length: 400}, () => randomProfile(rand, 0.1));
  /** An item's points: an axis or a statement by its contribution; a checklist by its ticked statements. */
  const pointsOf = (r: Result, id: string) =>
    id === 'manage_in_place' || id === 'remediation_sprint'
      ? r.contributions.filter((c) => c.kind === 'signal' && bank.signals.find((x) => x.id === c.id)!.list === id).reduce((t, c) => t + c.points, 0)
      : r.contributions.find((c) => c.id === id)!.points;

  it.each(profiles.map((a, i) => [i + 1, a] as const))('profile %i: decisive answers lean the verdict\'s way, strongest first, the fewest that carry it', (_i, answers) => {
    const r = score(bank, answers);
    const sign = r.lean === 'remediation-sprint' ? 1 : -1;
    const points = r.decisive.map((id) => pointsOf(r, id));
    expect(r.decisive.length).toBeLessThanOrEqual(3);
    for (const p of points) expect(p * sign).toBeGreaterThan(0);
    expect([...points].sort((a, b) => Math.abs(b) - Math.abs(a))).toEqual(points);
    // Nothing that leans the verdict's way and is stronger than the weakest decisive answer is left out.
    const towardAxes = r.contributions.filter((c) => c.kind === 'axis' && c.points * sign > 0);
    if (r.decisive.length) for (const c of towardAxes) if (Math.abs(c.points) > Math.abs(points[points.length - 1]!)) expect(r.decisive).toContain(c.id);
    // The fewest: without the last one (beyond the second) the rest would not carry it.
    const against = r.contributions.filter((c) => c.points * sign < 0).reduce((t, c) => t + c.points, 0);
    const carried = (n: number) => (against + points.slice(0, n).reduce((t, p) => t + p, 0) >= r.threshold) === (sign > 0);
    if (r.decisive.length === 3) expect(carried(2)).toBe(false);
    if (carried(r.decisive.length)) expect(r.drivers.join('\n')).not.toMatch(/alone do not carry it/);
    else expect(r.drivers.join('\n')).toMatch(/alone do not carry it/);
    // No unknown axis is decisive; nothing "weighs most".
    for (const id of r.decisive) expect(r.unknowns).not.toContain(id);
    expect(r.drivers.join('\n')).not.toMatch(/weighs? most/i);
    // Counter-evidence exactly when the other side holds 4 points or more.
    if (Math.abs(against) >= bank.scoring.counterEvidenceAt) expect(r.counterEvidence).toMatch(/^Against it: .*\((\+|-)\d+(\.\d+)? points\)/);
    else expect(r.counterEvidence).toBeUndefined();
    // Insufficient evidence says what is not known first; a disqualifier comes first of all.
    if (r.recommendation === 'insufficient-evidence') expect(r.drivers[0]).toMatch(/^Not known: /);
    if (r.recommendation === 'not-yet-qualified') expect(r.drivers[0]).toMatch(/^Disqualifier: /);
  });
});
