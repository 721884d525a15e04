import {describe, expect, it} from '@jest/globals';
import {draftText, resumeText, savedAgo} from '../../src/session/copy.js';
import {planResume, PICK_MAX} from '../../src/session/resume-pick.js';
import type {DraftSummary} from '../../src/store/drafts.js';

const now = new Date(2026, 2, 10, 15, 0, 0);
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const draft = (id: string, saved: Date, extra: Partial<DraftSummary> = {}): DraftSummary => ({
  id,
  path: `/state/drafts/${id}.yaml`,
  organisation: 'Acme Ltd',
  workflow: 'Quote to cash',
  answered: 6,
  total: 17,
  saved,
  ...extra,
});

describe('when a draft was saved, in words', () => {
  it.each([
    [10_000, 'just now'],
    [-HOUR, 'just now'], // a clock set back
    [MIN, '1 minute ago'],
    [59 * MIN, '59 minutes ago'],
    [2 * HOUR, '2 hours ago'],
    [23 * HOUR + 59 * MIN, '23 hours ago'],
    [DAY + HOUR, 'yesterday'],
    [3 * DAY, '3 days ago'],
    [40 * DAY, 'on 2026-01-29'],
  ])('%d ms before: %s', (ms, words) => {
    expect(savedAgo(ago(ms), now)).toBe(words);
  });
});

describe('a draft in one line', () => {
  it('names the organisation, the workflow, when it was saved and how far it got', () => {
    expect(draftText({organisation: 'Acme Ltd', workflow: 'Quote to cash', saved: {at: ago(2 * HOUR), now}, answered: 6, total: 17})).toBe(
      'Acme Ltd, Quote to cash, saved 2 hours ago (6 of 17 answered)',
    );
  });
  it('says when the organisation is not named yet, and leaves out what is unknown', () => {
    expect(draftText({answered: 0, total: 17})).toBe('organisation not yet named (0 of 17 answered)');
    expect(draftText({organisation: '  ', workflow: 'Hire to onboard', saved: {at: ago(0), now}})).toBe('organisation not yet named, Hire to onboard, saved just now');
  });
  it('the welcome back names it and where the interview goes on', () => {
    expect(resumeText({organisation: 'Acme Ltd', workflow: 'Quote to cash', saved: {at: ago(2 * HOUR), now}, answered: 6, total: 17}, undefined)).toBe(
      'Welcome back: Acme Ltd, Quote to cash, saved 2 hours ago (6 of 17 answered). Continuing at the review.',
    );
  });
});

describe('--resume without an id', () => {
  it('no drafts: nothing to resume', () => {
    expect(planResume([], now)).toEqual({kind: 'none'});
  });
  it('one draft: resumed at once', () => {
    expect(planResume([draft('acme-ltd-20260310-120000', ago(3 * HOUR))], now)).toEqual({kind: 'draft', path: '/state/drafts/acme-ltd-20260310-120000.yaml'});
  });
  it('one draft that can be resumed beside broken ones: that one, without a pick', () => {
    const drafts = [draft('broken-20260310-140000', ago(HOUR), {problem: 'matrix: not a map'}), draft('acme-ltd-20260310-120000', ago(3 * HOUR))];
    expect(planResume(drafts, now)).toEqual({kind: 'draft', path: '/state/drafts/acme-ltd-20260310-120000.yaml'});
  });
  it('only broken drafts: the newest, so that loading it says what is wrong', () => {
    expect(planResume([draft('broken-20260310-140000', ago(HOUR), {problem: 'bad'})], now)).toEqual({kind: 'draft', path: '/state/drafts/broken-20260310-140000.yaml'});
  });
  it('several: the newest few to pick from, in the order given (newest first), broken ones left out, and how many more', () => {
    const drafts = [
      draft('gamma-20260310-145500', ago(5 * MIN), {organisation: 'Gamma', workflow: 'Hire to onboard', answered: 2}),
      draft('broken-20260310-140000', ago(HOUR), {problem: 'bad'}),
      draft('acme-ltd-20260310-130000', ago(2 * HOUR)),
      ...Array.from({length: 5}, (_, i) => draft(`old-${i}-20260301-120000`, ago((i + 2) * DAY), {organisation: `Old ${i}`, workflow: undefined, answered: undefined})),
    ];
    const plan = planResume(drafts, now);
    expect(plan.kind).toBe('pick');
    if (plan.kind !== 'pick') return;
    expect(plan.choices).toHaveLength(PICK_MAX);
    expect(plan.more).toBe(2);
    expect(plan.choices.map((c) => c.label)).toEqual([
      'Gamma, Hire to onboard, saved 5 minutes ago (2 of 17 answered)',
      'Acme Ltd, Quote to cash, saved 2 hours ago (6 of 17 answered)',
      'Old 0, saved 2 days ago',
      'Old 1, saved 3 days ago',
      'Old 2, saved 4 days ago',
    ]);
    expect(plan.choices[1]).toMatchObject({id: 'acme-ltd-20260310-130000', path: '/state/drafts/acme-ltd-20260310-130000.yaml'});
  });
  it('a name holding terminal sequences or line breaks is shown on one line without them', () => {
    const plan = planResume([draft('a-20260310-120000', ago(HOUR), {organisation: 'Evil\u001b]0;PWNED\u0007\nCorp'}), draft('b-20260310-110000', ago(2 * HOUR))], now);
    expect(plan.kind === 'pick' && plan.choices[0]!.label).toMatch(/^Evil.*Corp, Quote to cash/);
    expect(plan.kind === 'pick' && plan.choices[0]!.label).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});
