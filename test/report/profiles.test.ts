/**
 * Issue 10, the report side, over six realistic answers files
 * (test/fixtures/profiles/): the plan each verdict gets, owners from
 * `plan.owners`, dates from `plan.start`, criteria and triggers computed from
 * the baselines, the handoff register and the handoffs named in the steps,
 * answers that disagree near the top, unconfirmed disqualifiers, what to
 * prepare, the selective why, the appendix, and the JSON report's new fields.
 */
import {describe, expect, it} from '@jest/globals';
import {join} from 'node:path';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {buildReportModel, type ReportModel} from '../../src/engine/report-model.js';
import {score} from '../../src/engine/score.js';
import type {Answers, Recommendation} from '../../src/engine/types.js';
import {renderReport} from '../../src/report/render-report.js';
import {DATE, ROOT, answersFile, cells, h2s, realBank, section, step, tableBlocks} from './report-helpers.js';

const bank = realBank();
const profile = (name: string): Answers => answersFile(join(ROOT, 'test', 'fixtures', 'profiles', `${name}.yaml`));
const model = (a: Answers): ReportModel => buildReportModel(bank, a, DATE);
const md = (a: Answers): string => renderReport({bank, answers: a, date: DATE, format: 'md'}).replace(/<!-- handoff-assess:data [^>]*-->\n?/, '');
const json = (a: Answers) => JSON.parse(renderReport({bank, answers: a, date: DATE, format: 'json'})) as Record<string, any>;
const axis = (id: string) => bank.axes.find((a) => a.id === id)!;
const before = (text: string) => text.slice(0, text.indexOf('## Appendix'));

const PROFILES: [string, Recommendation][] = [
  ['ecommerce-sprint', 'remediation-sprint'],
  ['saas-manage', 'manage-in-place'],
  ['clinic-unknowns', 'insufficient-evidence'],
  ['logistics-disqualified', 'not-yet-qualified'],
  ['contradictory', 'remediation-sprint'],
  ['founder-self', 'remediation-sprint'],
];

describe.each(PROFILES)('the %s profile', (name, outcome) => {
  const a = profile(name);
  const m = model(a);
  const text = md(a);

  it(`gives ${outcome}`, () => {
    expect(score(bank, a).recommendation).toBe(outcome);
    expect(m.recommendation).toBe(outcome);
  });

  it('gives every plan step an owner, a time box, a deliverable and an exit criterion with a number', () => {
    expect(m.plan.length).toBeGreaterThan(1);
    for (const s of m.plan) {
      expect(s.owner.trim()).not.toBe('');
      expect(s.owner).not.toMatch(/[{}]/);
      expect(s.weeks).toBeGreaterThan(0);
      expect(s.toWeek - s.fromWeek + 1).toBe(s.weeks);
      expect(s.deliverable).not.toMatch(/[{}]/);
      expect(s.exit).not.toMatch(/[{}]/);
      expect(s.exit).toMatch(/\d|one|two|four/);
    }
  });

  it('lists each failure class once', () => {
    const shown = m.plan.flatMap((s) => s.classes);
    expect(new Set(shown).size).toBe(shown.length);
    // an evidence plan has no step to give them an owner; every other plan lists them all, once
    if (outcome !== 'insufficient-evidence') expect([...shown].sort()).toEqual([...m.failureClasses].sort());
    for (const c of m.failureClasses) expect(text.split('\n').filter((l) => l === `- ${c}`)).toHaveLength(shown.includes(c) ? 1 : 0);
  });

  it('keeps the method, the unticked statements and the steps in general in the appendix', () => {
    for (const line of m.method) {
      expect(before(text)).not.toContain(line);
      expect(text).toContain(`- ${line}`);
    }
    const ticked = [...(a.signals.manage_in_place ?? []), ...(a.signals.remediation_sprint ?? [])];
    for (const s of bank.signals.filter((x) => !ticked.includes(x.id))) expect(before(text)).not.toContain(s.text);
    for (const s of m.plan) expect(section(text, "Appendix: the plan's steps in general")).toContain(`**${s.number}. ${s.title}:** ${s.summary.replace(/\s+/g, ' ')}`);
  });

  it('lists nothing twice under "What to prepare"', () => {
    const items = m.preparation.map((p) => `${p.title}|${p.detail}`);
    expect(new Set(items).size).toBe(items.length);
  });

  it('puts every estimated or unknown-marked answer, and every open disqualifier, in "What to prepare"', () => {
    const prep = section(text, 'What to prepare');
    for (const ax of bank.axes) {
      const mark = a.certainty[ax.id];
      if (typeof a.matrix[ax.id] === 'number' && mark && mark !== 'verified') expect(prep).toContain(`**Verify ${ax.title.toLowerCase()}.**`);
      if (typeof a.matrix[ax.id] !== 'number') expect(prep).toContain(`**Evidence for ${ax.title.toLowerCase()}.**`);
    }
    for (const d of m.disqualifiers) {
      if (d.status === 'applies') expect(prep).toContain(`**Resolve: ${d.title.toLowerCase()}.**`);
      if (d.status === 'unconfirmed' || d.status === 'not answered') expect(prep).toContain(`**Confirm: ${d.title.toLowerCase()}.**`);
    }
  });

  it('names in its "why" only the answers that decided it, with the client\'s own figures', () => {
    const decisive = m.result.decisive;
    for (const ax of bank.axes) {
      if (!decisive.includes(ax.id)) expect(m.why.toLowerCase()).not.toContain(`${ax.title.toLowerCase()} at`);
    }
    for (const id of decisive) {
      const ax = bank.axes.find((x) => x.id === id);
      const b = a.baselines?.[id];
      if (ax && typeof a.matrix[id] === 'number') {
        expect(m.why.toLowerCase()).toContain(`${ax.title.toLowerCase()} at ${a.matrix[id]} of 5`);
        if (typeof b === 'number') expect(m.why).toContain(`${b} ${ax.baseline!.unit}`);
      }
    }
    if (!decisive.length) expect(m.why).not.toContain('weigh');
  });

  it('says the strongest counter-evidence exactly when the engine found it', () => {
    const counter = m.result.counterEvidence;
    expect(text.includes('**Against it:**')).toBe(counter !== undefined);
  });

  it('never assumes a figure the interview did not ask for', () => {
    expect(text).not.toMatch(/fall from weekly|pre-friction baseline/);
  });

  it('embeds answers that read back to the same answers', () => {
    const fenced = /^```yaml\n([\s\S]*?)\n```$/m.exec(section(text, 'Answers'));
    const load = parseAnswers('report.md', fenced![1]!, bank);
    expect(load.errors).toEqual([]);
    expect(load.answers).toEqual(a);
  });

  it('renders every table in the HTML, with the verdict as the body class', () => {
    const html = renderReport({bank, answers: a, date: DATE, format: 'html'});
    expect(html).toContain(`<body class="${outcome}">`);
    expect(html.match(/<table[ >]/g)).toHaveLength(tableBlocks(text).length);
  });
});

describe('a remediation sprint with a handoff map, baselines, owners and a start date (ecommerce-sprint)', () => {
  const a = profile('ecommerce-sprint');
  const m = model(a);
  const text = md(a);
  const [planTable] = tableBlocks(section(text, 'Action plan'));
  const rows = planTable!.slice(2).map(cells);

  it('takes the owners from plan.owners, and the bank\'s roles (in italics) for the others', () => {
    expect(m.plan.map((s) => [s.id, s.owner, s.ownerIsRole])).toEqual([
      ['map', 'Dana Ruiz (RevOps)', false],
      ['boundaries', "The executive sponsor, with each system's owner", true],
      ['sprint', 'Marco Feld (Integration partner)', false],
      ['monitor', 'Systems owner for Shopify, NetSuite and ShipBob', true],
    ]);
    expect(rows.map((r) => r[1])).toEqual(['Dana Ruiz (RevOps)', "*The executive sponsor, with each system's owner*", 'Marco Feld (Integration partner)', '*Systems owner for Shopify, NetSuite and ShipBob*']);
  });

  it('turns the weeks into calendar dates from plan.start, steps in sequence', () => {
    expect(rows.map((r) => r[2])).toEqual(['11 Jan – 22 Jan 2027', '25 Jan – 29 Jan 2027', '1 Feb – 12 Mar 2027', '15 Mar – 26 Mar 2027']);
    expect(m.plan[0]!.dates).toEqual({from: '2027-01-11', to: '2027-01-22'});
  });

  it("computes step 3's recovery criteria from the client's figures", () => {
    const criteria = m.plan.find((s) => s.id === 'sprint')!.criteria;
    expect(criteria).toContain("Failure frequency: from 14 failures in four weeks to at most 3, within 8 weeks of the sprint's end.");
    expect(criteria).toContain("Impact on lead time: from 6 days now back to at most 2, the figure before, within 8 weeks of the sprint's end.");
    expect(criteria).toContain("Data reconciliation load: from 11 hours a week to at most 5, within 8 weeks of the sprint's end.");
    expect(step(text, 3)).toContain("- Failure frequency: from 14 failures in four weeks to at most 3, within 8 weeks of the sprint's end.");
  });

  it('has a handoff register with a flag for each missing owner, field list and rule', () => {
    const [register] = tableBlocks(section(text, 'Handoff register'));
    expect(cells(register![0]!)).toEqual(['Handoff', 'Owner once moved', 'Required fields', 'When a field is missing', 'Failures (4 weeks)', 'Critical path']);
    expect(register!.slice(2).map(cells)).toEqual([
      ['Shopify → NetSuite (order)', 'none named', 'customer id, tax code, SKU', 'no rule', '9', 'yes'],
      ['ShipBob → NetSuite (fulfilment)', 'Finance ops', 'order number, tracking id', 'Finance re-keys it from the ShipBob portal', '5', 'no'],
      ['NetSuite → Shopify (stock level)', 'none named', 'none agreed', 'Oversells go to customer service', '0', 'no'],
    ]);
    expect(m.register!.flags).toEqual([
      'Shopify → NetSuite (order): no owner once it has moved and no rule for missing data.',
      'NetSuite → Shopify (stock level): no owner once it has moved and no required fields agreed.',
    ]);
  });

  it('names the specific handoffs in the steps: critical path and most failing first, the unowned in step 2', () => {
    expect(step(text, 1)).toContain('Start with Shopify → NetSuite (order) — critical path, 9 failures in the last four weeks; then ShipBob → NetSuite (fulfilment) — 5 failures in the last four weeks.');
    expect(step(text, 2)).toContain('Name an owner for Shopify → NetSuite (order) and NetSuite → Shopify (stock level)');
    expect(step(text, 2)).toContain('Write what happens when a field is missing on Shopify → NetSuite (order).');
    expect(step(text, 4)).toContain('Alert first on Shopify → NetSuite (order) — 9 failures in the last four weeks');
  });

  it("quotes the client's note and figure in the why", () => {
    expect(m.why).toContain('Failure frequency at 5 of 5 (14 failures in four weeks; "14 failed order syncs in 4 weeks, mostly missing tax codes")');
  });

  it('without a map, step 1 says which handoff facts to collect instead', () => {
    const noMap = model({...a, handoffs: undefined});
    const map = noMap.plan.find((s) => s.id === 'map')!.actions.join(' ');
    expect(map).toContain('who owns it once it has moved, which fields must be present and what happens today when one is missing');
    expect(noMap.register).toBeUndefined();
    expect(h2s(md({...a, handoffs: undefined}))).not.toContain('Handoff register');
  });

  it('without figures, the criteria say what to measure first', () => {
    const bare = model({...a, baselines: undefined});
    const criteria = bare.plan.find((s) => s.id === 'sprint')!.criteria;
    expect(criteria[0]).toBe(
      `Failure frequency: no figure yet. First ${axis('failure_frequency').baseline!.measure} (ask ${axis('failure_frequency').baseline!.source}); then cut it to at most a quarter of that figure within 8 weeks of the sprint's end.`,
    );
  });

  it('says weeks when no start date is given', () => {
    const plain = model({...a, plan: {owners: a.plan!.owners}});
    expect(plain.plan.map((s) => s.when)).toEqual(['weeks 1–2', 'week 3', 'weeks 4–9', 'weeks 10–11']);
    expect(plain.plan[0]!.dates).toBeUndefined();
  });
});

describe('manage in place gets a light plan with triggers from its figures (saas-manage)', () => {
  const a = profile('saas-manage');
  const m = model(a);
  const text = md(a);

  it('keeps the controls and re-assesses: no sprint-shaped step', () => {
    expect(m.plan.map((s) => s.id)).toEqual(['keep_controls', 'reassess']);
    const plan = section(text, 'Action plan');
    expect(plan).not.toMatch(/Harden|Scope the sprint|Add no further integrations|remediation sprint on one/);
    expect(m.plan[0]!.owner).toBe('Aisha Okafor (CS operations)');
    expect(m.plan.map((s) => s.when)).toEqual(['week 1', 'weeks 2–13']);
  });

  it('keeps what the ticked statements describe', () => {
    expect(step(text, 1)).toContain('Keep what makes this true: "A checklist or a simple fallback rule is enough to keep today\'s integration problems in check".');
  });

  it('computes each trigger as today\'s figure times the bank\'s factor, at least its floor', () => {
    expect(m.plan[1]!.criteria).toEqual([
      'Re-assess if failure frequency passes 6 failures in four weeks (today: 4 failures in four weeks).',
      'Re-assess if data reconciliation load passes 5 hours a week (today: 3 hours a week).',
      'Re-assess if exception visibility passes 2 days to notice an exception (today: 1 day to notice an exception).',
      'Re-assess if operational confidence passes 9 manual status checks a week (today: 6 manual status checks a week).',
    ]);
  });

  it('without a figure, a trigger says what to start counting', () => {
    const bare = model({...a, baselines: {}});
    expect(bare.plan[1]!.criteria[0]).toBe(`Failure frequency: start counting (${axis('failure_frequency').baseline!.measure}); re-assess if it passes 2 failures in four weeks.`);
  });
});

describe('not enough evidence gets an evidence plan (clinic-unknowns)', () => {
  const a = profile('clinic-unknowns');
  const m = model(a);
  const text = md(a);

  it('says so, with the lean so far, and has no sprint plan', () => {
    expect(text).toContain('## Recommendation: Not enough evidence to decide');
    expect(m.plan.map((s) => s.id)).toEqual(bank.plans.insufficientEvidence.map((s) => s.id));
    expect(section(text, 'Action plan')).toContain('the answers lean toward a remediation sprint so far');
    expect(section(text, 'Action plan')).not.toContain('Scope the sprint');
    expect(m.why).toMatch(/67% of the matrix weight/);
  });

  it('says which figure to collect, from whom and in which week, for each unknown axis', () => {
    expect(m.evidencePlan.map((e) => [e.axis, e.week, e.when])).toEqual([
      ['failure_frequency', 1, '1 Feb – 5 Feb 2027'],
      ['exception_visibility', 2, '8 Feb – 12 Feb 2027'],
      ['lead_time_impact', 3, '15 Feb – 19 Feb 2027'],
    ]);
    const ff = axis('failure_frequency').baseline!;
    expect(step(text, 1)).toContain(`- 1 Feb – 5 Feb 2027: failure frequency: ${ff.measure} (ask ${ff.source}).`);
  });

  it('shows a disqualifier answered "no" but marked unknown as unconfirmed, never cleared', () => {
    const row = tableBlocks(section(text, 'Disqualifier check'))[0]!.slice(2).map(cells).find((r) => r[0] === 'No budget path');
    expect(row![1]).toBe('unconfirmed');
    expect(section(text, 'Disqualifier check')).toContain('answered "no" but not confirmed: no budget path (marked unknown)');
    expect(section(text, 'Disqualifier check')).not.toMatch(/cleared: [^.]*no budget path/);
    expect(json(a).disqualifiers.find((d: any) => d.id === 'no_budget_path').status).toBe('unconfirmed');
    expect(m.disqualifierFlip).toContain('no budget path');
  });
});

describe('not yet qualified closes the gaps first (logistics-disqualified)', () => {
  const a = profile('logistics-disqualified');
  const m = model(a);

  it('one line per applying disqualifier, with its owner and weeks, under a named owner', () => {
    const resolve = m.plan[0]!;
    expect(resolve.id).toBe('resolve');
    expect(resolve.owner).toBe('Karin Holm (COO)');
    expect(resolve.actions).toEqual([
      'No owner for cross-team tradeoffs: the executive sponsor, 1 week. Name one person with authority to approve cross-team tradeoffs and the order of the work.',
      'No budget path: the budget holder, 3 weeks. Identify who approves spend for discovery and remediation, and the range they could approve.',
      // the evidence gap too: failure frequency weighs heavily and is only estimated
      `Meanwhile, week 1: failure frequency: ${axis('failure_frequency').baseline!.measure} (ask ${axis('failure_frequency').baseline!.source}), to replace the estimate.`,
    ]);
    expect(m.evidencePlan.map((e) => [e.axis, e.why])).toEqual([['failure_frequency', 'estimated']]);
    expect(resolve.weeks).toBe(3);
  });

  it('marks the steps that need no budget "can start now" and leaves the rest conditional, after the gaps', () => {
    const rest = m.plan.slice(1).map((s) => [s.id, s.needsBudget, s.conditional, s.fromWeek, s.toWeek]);
    expect(rest).toEqual([
      ['map', false, false, 1, 2],
      ['boundaries', false, false, 3, 3],
      ['sprint', true, true, 4, 9],
      ['monitor', true, true, 10, 11],
    ]);
    expect(m.plan[1]!.title).toMatch(/\(can start now\)$/);
    expect(m.plan[3]!.title).toMatch(/\(once the gaps are closed\)$/);
  });

  it('asks to resolve both, and the JSON says which steps are conditional', () => {
    const prep = m.preparation.filter((p) => p.reason === 'disqualifier').map((p) => p.title);
    expect(prep).toEqual(['Resolve: no owner for cross-team tradeoffs', 'Resolve: no budget path']);
    const plan = json(a).plan;
    expect(plan.map((s: any) => s.conditional)).toEqual([false, false, false, true, true]);
    expect(plan.map((s: any) => s.needsBudget)).toEqual([false, false, false, true, true]);
  });
});

describe('answers that disagree (contradictory)', () => {
  const a = profile('contradictory');
  const m = model(a);
  const text = md(a);

  it('are listed right after the verdict, each with the question to put to the room', () => {
    const heads = h2s(text);
    expect(heads.indexOf('Answers that disagree')).toBe(heads.findIndex((h) => h.startsWith('Recommendation: ')) + 1);
    const listed = section(text, 'Answers that disagree');
    expect(m.contradictions.length).toBeGreaterThan(1);
    for (const c of m.contradictions) expect(listed).toContain(`- ${c.text} **Ask:** ${c.question}`);
  });

  it('each asks for the evidence that settles it under "What to prepare"', () => {
    const prep = section(text, 'What to prepare');
    for (const c of m.contradictions) expect(prep).toContain(`Bring ${c.settle}.`);
  });

  it('are absent from a report without any', () => {
    expect(h2s(md(profile('saas-manage')))).not.toContain('Answers that disagree');
  });
});

describe("a founder's self-assessment (founder-self)", () => {
  const a = profile('founder-self');
  const m = model(a);

  it('asks to verify estimated answers on the light axes too', () => {
    expect(axis('reconciliation_load').weight).toBeLessThan(bank.scoring.estimatedWeightAt);
    expect(m.preparation.map((p) => p.title)).toEqual(expect.arrayContaining(['Verify data reconciliation load', 'Verify impact on lead time', 'Confirm: no budget path']));
  });
});

describe('the JSON report, format version 2', () => {
  it('carries the plan, the register, the baselines, the disagreements and the evidence plan', () => {
    const shop = json(profile('ecommerce-sprint'));
    expect(shop.formatVersion).toBe(2);
    expect(Object.keys(shop.plan[0]).sort()).toEqual(
      ['actions', 'conditional', 'criteria', 'dates', 'deliverable', 'exit', 'fromWeek', 'id', 'needsBudget', 'owner', 'ownerIsRole', 'step', 'summary', 'title', 'toWeek', 'weeks', 'when'].sort(),
    );
    expect(shop.plan[0].dates).toEqual({from: '2027-01-11', to: '2027-01-22'});
    expect(shop.handoffRegister.handoffs).toHaveLength(3);
    expect(shop.handoffRegister.flags).toHaveLength(2);
    expect(shop.baselines.find((b: any) => b.axis === 'lead_time_impact')).toMatchObject({now: 6, before: 2});
    expect(shop.containmentPath).toHaveLength(4);
    expect(json(profile('contradictory')).contradictions.length).toBeGreaterThan(1);
    expect(json(profile('clinic-unknowns')).evidencePlan.map((e: any) => e.axis)).toEqual(['failure_frequency', 'exception_visibility', 'lead_time_impact']);
    expect(json(profile('saas-manage')).handoffRegister.flags).toEqual([]);
    expect(json(profile('founder-self')).handoffRegister).toBeNull();
  });
});
