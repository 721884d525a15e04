/**
 * --compare carries issue 10's fields: a re-assessment after a sprint is read in the client's own figures
 * and handoffs, not only in scores.
 */
import {compareAnswers} from '../../src/engine/compare.js';
import type {Answers, Handoff} from '../../src/engine/types.js';
import {profile, realBank} from './profiles.js';

const bank = realBank();

const shopifyToNetsuite: Handoff = {
  from: 'Shopify',
  to: 'NetSuite',
  record: 'order',
  owner: '',
  required_fields: ['SKU', 'tax code'],
  when_missing: '',
  failures: 14,
  critical_path: true,
};

function before(): Answers {
  return {
    ...profile({matrix: [5, 4, 4, 4, 3], remediate: ['recurring_sync_failures'], manage: ['clear_ownership']}),
    version: 2,
    baselines: {failure_frequency: 14, lead_time_impact: {now: 6, before: 2}},
    handoffs: [shopifyToNetsuite, {from: 'NetSuite', to: 'Zendesk', record: 'refund', owner: 'Support lead', required_fields: [], when_missing: 'Agent asks finance', failures: 3}],
  };
}

function after(): Answers {
  const b = before();
  return {
    ...b,
    matrix: {...b.matrix, failure_frequency: 2},
    baselines: {failure_frequency: 3, lead_time_impact: {now: 3, before: 2}},
    handoffs: [
      {...shopifyToNetsuite, owner: 'Finance operations', when_missing: 'Order held, owner alerted', failures: 2},
      {from: 'ShipBob', to: 'Shopify', record: 'tracking number', owner: 'Warehouse lead', required_fields: ['carrier'], when_missing: 'Retried hourly'},
    ],
  };
}

describe('comparing two assessments with figures and handoff maps', () => {
  const c = compareAnswers(bank, before(), after(), {before: '2026-03-02', after: '2026-06-01'});

  it('lists each baseline figure that moved, in its unit', () => {
    expect(c.figuresChanged).toEqual([
      {question: 'Failure frequency', before: '14 failures in four weeks', after: '3 failures in four weeks'},
      {question: 'Impact on lead time', before: '6 days now, 2 days six months ago', after: '3 days now, 2 days six months ago'},
    ]);
  });

  it('matches handoffs by from, to and record: an owner named is a change, a new one added, a dropped one removed', () => {
    expect(c.handoffsChanged).toEqual([
      {
        handoff: 'Shopify → NetSuite (order)',
        change: 'changed',
        detail: 'owner none → Finance operations; when a field is missing: none → Order held, owner alerted; failures in four weeks 14 → 2',
      },
      {handoff: 'ShipBob → Shopify (tracking number)', change: 'added', detail: 'owner Warehouse lead'},
      {handoff: 'NetSuite → Zendesk (refund)', change: 'removed', detail: ''},
    ]);
  });

  it('says which answers stopped disagreeing', () => {
    // Before: ownership ticked as clear while failures were weekly is not a rule; exception visibility 4 with clear ownership is.
    expect(c.contradictionsSettled).toEqual([]);
    const fixed = compareAnswers(bank, before(), {...after(), matrix: {...after().matrix, exception_visibility: 2}}, {before: '2026-03-02', after: '2026-06-01'});
    expect(fixed.contradictionsSettled).toEqual([bank.consistency.find((r) => r.id === 'ownership_vs_exceptions')!.text]);
    expect(fixed.contradictionsNew).toEqual([]);
  });

  it('counts figure and handoff changes in the headline when no answer changed', () => {
    const same = compareAnswers(bank, before(), {...before(), baselines: {failure_frequency: 9, lead_time_impact: {now: 6, before: 2}}}, {});
    expect(same.changes).toEqual([]);
    expect(same.headline).toBe('No answer changed; 1 baseline figure did.');
  });
});
