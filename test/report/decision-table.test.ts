/**
 * Issue 10, "Done when": one table over six realistic clients (test/fixtures/profiles/: a coffee roaster on
 * Shopify and NetSuite, a SaaS company on HubSpot and Zendesk, a clinic that does not know its figures, a
 * freight forwarder with two disqualifiers, a wholesaler whose answers contradict each other, a founder's
 * self-assessment). Each row pins what a consultant reads first: the verdict, how sure, which answers decided
 * it, which disqualifiers are open, which answers disagree, the plan's steps, and the client's own
 * handoffs and figures inside those steps. The detailed behaviour of each rule is in profiles.test.ts and
 * test/engine/verdict.test.ts; this table is the contract at a glance.
 */
import {describe, expect, it} from '@jest/globals';
import {join} from 'node:path';
import {buildReportModel} from '../../src/engine/report-model.js';
import type {Confidence, DisqualifierStatus, Recommendation} from '../../src/engine/types.js';
import {DATE, ROOT, answersFile, realBank} from './report-helpers.js';

const bank = realBank();

interface Row {
  profile: string;
  outcome: Recommendation;
  confidence: Confidence;
  /** The answers that decided it (axis, signal or checklist ids), strongest first. */
  decisive: string[];
  /** Disqualifiers that are not cleared, with their status. */
  open: Partial<Record<string, DisqualifierStatus>>;
  contradictions: string[];
  /** The plan's step ids in order; `?` marks a conditional step. */
  plan: string[];
  /** Text that must appear in a named step: the client's handoffs and figures, where the plan uses them. */
  inSteps: Record<string, string[]>;
  /** Whether the "why" names the strongest counter-evidence. */
  counter: boolean;
}

const TABLE: Row[] = [
  {
    profile: 'ecommerce-sprint',
    outcome: 'remediation-sprint',
    confidence: 'high',
    decisive: ['failure_frequency', 'remediation_sprint'],
    open: {},
    contradictions: [],
    plan: ['map', 'boundaries', 'sprint', 'monitor'],
    inSteps: {
      map: ['Start with Shopify → NetSuite (order) — critical path, 9 failures in the last four weeks'],
      boundaries: ['Name an owner for Shopify → NetSuite (order) and NetSuite → Shopify (stock level)'],
      sprint: ['Failure frequency: from 14 failures in four weeks to at most 3, within 8 weeks', 'Impact on lead time: from 6 days now back to at most 2'],
      monitor: ['Alert first on Shopify → NetSuite (order)'],
    },
    counter: false,
  },
  {
    profile: 'saas-manage',
    outcome: 'manage-in-place',
    confidence: 'high',
    decisive: ['lead_time_impact', 'manage_in_place'],
    open: {},
    contradictions: [],
    plan: ['keep_controls', 'reassess'],
    inSteps: {reassess: ['Re-assess if failure frequency passes 6 failures in four weeks (today: 4 failures in four weeks)']},
    counter: false,
  },
  {
    profile: 'clinic-unknowns',
    outcome: 'insufficient-evidence',
    confidence: 'low',
    decisive: ['reconciliation_load', 'fragmented_status'],
    open: {no_budget_path: 'unconfirmed'},
    contradictions: [],
    plan: ['collect', 'reassess'],
    inSteps: {collect: ['failure frequency: count the failed handoffs and escalations in the last four weeks (ask the support or operations lead)']},
    counter: false,
  },
  {
    profile: 'logistics-disqualified',
    outcome: 'not-yet-qualified',
    confidence: 'medium',
    decisive: ['reconciliation_load', 'remediation_sprint'],
    open: {no_tradeoff_owner: 'applies', no_budget_path: 'applies'},
    contradictions: [],
    plan: ['resolve', 'map', 'boundaries', 'sprint?', 'monitor?'],
    inSteps: {
      resolve: ['No owner for cross-team tradeoffs: the executive sponsor, 1 week', 'No budget path: the budget holder, 3 weeks'],
      map: ['Start with Salesforce → CargoWise (booking) — critical path, 21 failures in the last four weeks'],
      sprint: ['Data reconciliation load: from 30 hours a week to at most 15'],
    },
    counter: false,
  },
  {
    profile: 'contradictory',
    outcome: 'remediation-sprint',
    confidence: 'low',
    decisive: ['failure_frequency', 'lead_time_impact', 'reconciliation_load'],
    open: {broad_redesign_expected: 'unconfirmed'},
    contradictions: ['ownership_vs_exceptions', 'no_errors_vs_failures', 'no_errors_vs_lead_time', 'light_controls_vs_reconciliation', 'checklists_calm_matrix_alarmed'],
    plan: ['map', 'boundaries', 'sprint', 'monitor'],
    inSteps: {
      map: ['No handoff map was given: for each handoff, collect where the record comes from'],
      sprint: ['Failure frequency: from 8 failures in four weeks to at most 2', 'Data reconciliation load: no figure yet. First log the hours'],
    },
    counter: true,
  },
  {
    profile: 'founder-self',
    outcome: 'remediation-sprint',
    confidence: 'low',
    decisive: ['lead_time_impact', 'reconciliation_load', 'workarounds_outpacing'],
    open: {no_budget_path: 'unconfirmed'},
    contradictions: [],
    plan: ['map', 'boundaries', 'sprint', 'monitor'],
    inSteps: {sprint: ['Impact on lead time: no figure yet. First take the cycle time of the last twenty items']},
    counter: false,
  },
];

describe.each(TABLE)('$profile', (row) => {
  const answers = answersFile(join(ROOT, 'test', 'fixtures', 'profiles', `${row.profile}.yaml`));
  const m = buildReportModel(bank, answers, DATE);
  const stepText = (id: string) => {
    const s = m.plan.find((p) => p.id === id)!;
    return [s.title, ...s.actions, ...s.criteria].join('\n');
  };

  it(`gives ${row.outcome} with ${row.confidence} confidence`, () => {
    expect([m.recommendation, m.confidence]).toEqual([row.outcome, row.confidence]);
    // Low or medium always says why; high says the answers agree.
    expect(m.confidenceReasons.length).toBeGreaterThan(0);
  });

  it('names the answers that decided it, strongest first, at most three', () => {
    expect(m.result.decisive).toEqual(row.decisive);
    expect(m.result.decisive.length).toBeLessThanOrEqual(3);
  });

  it('shows every disqualifier that is not cleared with its status (unconfirmed is never cleared)', () => {
    const open = Object.fromEntries(m.result.disqualifiers.filter((d) => d.status !== 'cleared').map((d) => [d.id, d.status]));
    expect(open).toEqual(row.open);
  });

  it('lists the answers that disagree', () => {
    expect(m.result.contradictions.map((c) => c.id)).toEqual(row.contradictions);
  });

  it("gets its verdict's own plan", () => {
    expect(m.plan.map((s) => `${s.id}${s.conditional ? '?' : ''}`)).toEqual(row.plan);
    for (const s of m.plan) expect([s.owner, s.deliverable, s.exit].every((t) => t.trim().length > 0)).toBe(true);
  });

  it("names the client's handoffs and figures in the steps", () => {
    for (const [id, texts] of Object.entries(row.inSteps)) for (const t of texts) expect(stepText(id)).toContain(t);
  });

  it(row.counter ? 'names the strongest counter-evidence' : 'has no counter-evidence line', () => {
    expect(Boolean(m.result.counterEvidence)).toBe(row.counter);
  });
});
