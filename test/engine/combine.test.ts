/**
 * Several respondents on one workflow (--combine): three people at Northwind Tiles answer about
 * quote to cash (test/fixtures/combine/: the operations lead, finance, sales). They disagree on two
 * axes (failure frequency, a heavy one, by 3 points; reconciliation load by 3) and on one statement
 * (clear ownership), and name different owners for one handoff.
 */
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {parseBank} from '../../src/bank/load-bank.js';
import {combineAnswers, combineAxis, findMismatch, buildCombinedView} from '../../src/engine/combine.js';
import {score} from '../../src/engine/score.js';
import type {Answers, Bank} from '../../src/engine/types.js';
import {profile, realBank} from './profiles.js';

const bank = realBank();
const FIXTURES = fileURLToPath(new URL('../fixtures/combine/', import.meta.url));

function fixture(name: string): Answers {
  const load = parseAnswers(name, readFileSync(join(FIXTURES, `${name}.yaml`), 'utf8'), bank);
  if (!load.answers) throw new Error(load.errors.map((e) => e.message).join('\n'));
  return load.answers;
}

const ops = fixture('ops-lead');
const finance = fixture('finance');
const sales = fixture('sales');
const combined = combineAnswers(bank, [ops, finance, sales]);
const axis = (id: string) => combined.matrix.find((m) => m.id === id)!;

describe('the respondents', () => {
  it('are named by assessor and role label, or "Respondent N" when no name is given', () => {
    expect(combined.respondents.map((r) => r.label)).toEqual(['Dana Ruiz (Operations leader)', 'Priya Shah, Finance (Buyer)', 'Marcus Lee, Sales (Buyer)']);
    const nameless = {...sales, context: {...sales.context, assessor: ''}};
    expect(combineAnswers(bank, [ops, nameless]).respondents[1]!.label).toBe('Respondent 2 (Buyer)');
  });

  it('must be of one organisation and one workflow (case and spaces aside)', () => {
    expect(findMismatch([ops, finance, sales])).toBeUndefined(); // "quote to  cash" is "Quote to cash"
    const other = {...finance, context: {...finance.context, organisation: 'Southwind Tiles'}};
    expect(findMismatch([ops, sales, other])).toEqual({field: 'organisation', first: 0, other: 2, values: ['Northwind Tiles Ltd', 'Southwind Tiles']});
    const workflow = {...finance, context: {...finance.context, workflow: 'Order to delivery'}};
    expect(findMismatch([ops, workflow])).toMatchObject({field: 'workflow', values: ['Quote to cash', 'Order to delivery']});
  });
});

describe('the matrix', () => {
  it('each respondent’s answer, the spread and the combined answer (the median) per axis', () => {
    expect(combined.matrix.map((m) => [m.id, m.answers.map((a) => a.value), m.spreadText, m.combined])).toEqual([
      ['failure_frequency', [5, 4, 2], '2–5 (3 points)', 4],
      ['reconciliation_load', [3, 5, 2], '2–5 (3 points)', 3],
      ['exception_visibility', [4, 4, 3], '3–4 (1 point)', 4],
      ['lead_time_impact', [4, 4, 5], '4–5 (1 point)', 4],
      ['operational_confidence', [4, 3, 4], '3–4 (1 point)', 4],
    ]);
    expect(axis('failure_frequency').spread).toEqual({min: 2, max: 5, range: 3});
    expect(combined.answers.matrix).toEqual({failure_frequency: 4, reconciliation_load: 3, exception_visibility: 4, lead_time_impact: 4, operational_confidence: 4});
  });

  it('an even count takes the two middle answers’ mean, a half rounded toward 3; "don’t know" is left out', () => {
    expect(combineAxis('median-of-known', [4, 5])).toBe(4);
    expect(combineAxis('median-of-known', [1, 2])).toBe(2);
    expect(combineAxis('median-of-known', [2, 4])).toBe(3);
    expect(combineAxis('median-of-known', [1, 5, 5, 5])).toBe(5);
    expect(combineAxis('mean-of-known', [1, 5, 5, 5])).toBe(4);
    expect(combineAxis('median-of-known', [])).toBe('unknown');
    const twoKnow = combineAnswers(bank, [profile({matrix: [5, 1, 3, 3, 3]}), profile({matrix: ['unknown', 1, 3, 3, 3]}), profile({matrix: [4, 1, 3, 3, 3]})]);
    expect(twoKnow.answers.matrix.failure_frequency).toBe(4);
    expect(twoKnow.matrix[0]!.spreadText).toBe('4–5 (1 point)');
  });

  it('the certainty is the weakest given: one respondent not marking an answer leaves it unmarked', () => {
    // Dana verified failure frequency; Priya and Marcus did not mark it.
    expect(axis('failure_frequency').certainty).toBeNull();
    const marked = (c: 'verified' | 'estimated') => ({...ops, certainty: {failure_frequency: c}});
    expect(combineAnswers(bank, [marked('verified'), marked('estimated')]).answers.certainty.failure_frequency).toBe('estimated');
    expect(combineAnswers(bank, [marked('verified'), marked('verified')]).answers.certainty.failure_frequency).toBe('verified');
  });
});

describe('the disagreements to settle', () => {
  it('lists the two axes and the one statement that divide them, heavy axis first', () => {
    expect(combined.disagreements.map((d) => [d.kind, d.id, d.lowersConfidence])).toEqual([
      ['axis', 'failure_frequency', true],
      ['axis', 'reconciliation_load', false],
      ['signal', 'clear_ownership', false],
    ]);
  });

  it('says who said what, with their notes side by side, and the question for the room (bank wording)', () => {
    const [ff, , ownership] = combined.disagreements;
    expect(ff!.said).toEqual([
      {respondent: 'Dana Ruiz (Operations leader)', answer: '5 of 5 (verified)', note: '14 failed deal syncs in four weeks; three reached customers as wrong invoices'},
      {respondent: 'Priya Shah, Finance (Buyer)', answer: '4 of 5', note: 'Finance sees about three a week, as invoices on hold'},
      {respondent: 'Marcus Lee, Sales (Buyer)', answer: '2 of 5', note: 'Maybe one a week, and the deal desk fixes it the same day'},
    ]);
    expect(ff!.question).toBe(
      'Failure frequency: the answers run from 2 to 5 of 5. Which is closer to Quote to cash today, "Failures are rare, get fixed fast and leave nothing broken downstream" or "Failures come back every week and set off escalations or delays customers notice"? Settle it with a count of handoff failures and escalations over the last four weeks.',
    );
    expect(ownership!.said.map((s) => s.answer)).toEqual(['does not say so', 'does not say so', 'says so']);
    expect(ownership!.said[2]!.note).toBe('The deal desk owns every deal until it is invoiced');
    expect(ownership!.question).toMatch(/^1 of 3 say "It is clear who owns each system/);
  });

  it('the question wording is the bank’s', () => {
    const custom: Bank = {...bank, combine: {...bank.combine, questions: {...bank.combine.questions, axis: 'Why {low} and {high} on {title}?'}}};
    expect(combineAnswers(custom, [ops, finance, sales]).disagreements[0]!.question).toBe('Why 2 and 5 on Failure frequency?');
  });

  it('a 1-point difference is shown in the spread but not put to the room; agreeing respondents have none', () => {
    expect(combined.disagreements.some((d) => d.id === 'exception_visibility')).toBe(false);
    expect(combineAnswers(bank, [ops, ops]).disagreements).toEqual([]);
  });
});

describe('the verdict on the combined answers', () => {
  it('is score() of the combined answers, with the confidence lowered one level for the heavy-axis disagreement', () => {
    const plain = score(bank, combined.answers);
    expect(plain.confidence).toBe('high');
    expect(combined.scoredConfidence).toBe('high');
    expect(combined.result.recommendation).toBe('remediation-sprint');
    expect(combined.result.score).toBe(plain.score);
    expect(combined.result.confidence).toBe('medium');
    expect(combined.confidenceLowered).toBe(true);
    expect(combined.result.confidenceReasons.at(-1)).toMatch(/disagree by 2 points or more on failure frequency \(2–5 \(3 points\)\), which weighs heavily: lowered from high/);
    expect(combined.result.flips.length).toBeGreaterThan(0);
  });

  it('does not lower it when the wide disagreement is on a light axis only, nor when the bank says 0 levels', () => {
    const agreeOnFrequency = {...sales, matrix: {...sales.matrix, failure_frequency: 4}} as Answers;
    const light = combineAnswers(bank, [ops, finance, agreeOnFrequency]);
    expect(light.disagreements.filter((d) => d.kind === 'axis').map((d) => d.id)).toEqual(['reconciliation_load']);
    expect(light.confidenceLowered).toBe(false);
    const none: Bank = {...bank, combine: {...bank.combine, confidenceLevels: 0}};
    expect(combineAnswers(none, [ops, finance, sales]).result.confidence).toBe('high');
  });
});

describe('the checklists and disqualifiers by count', () => {
  it('"2 of 3": a statement is ticked by a majority of those who answered the checklist', () => {
    const mip = Object.fromEntries(combined.signals.manage_in_place.map((s) => [s.id, [s.count, s.combined]]));
    expect(mip.clear_ownership).toEqual(['1 of 3', false]);
    const rs = combined.signals.remediation_sprint.find((s) => s.id === 'recurring_sync_failures')!;
    expect([rs.count, rs.combined, rs.yes.length]).toEqual(['3 of 3', true, 3]);
    const twoOfThree = combineAnswers(bank, [ops, {...finance, signals: {...finance.signals, manage_in_place: ['clear_ownership']}}, sales]);
    const ownership = twoOfThree.signals.manage_in_place.find((s) => s.id === 'clear_ownership')!;
    expect([ownership.count, ownership.combined]).toEqual(['2 of 3', true]);
    expect(twoOfThree.answers.signals.manage_in_place).toEqual(['clear_ownership']);
  });

  it('a disqualifier applies in the combined answers when any respondent says so (the bank’s rule), and is put to the room', () => {
    const noBudget = {...finance, disqualifiers: {...finance.disqualifiers, no_budget_path: true}};
    const c = combineAnswers(bank, [ops, noBudget, sales]);
    const row = c.disqualifiers.find((d) => d.id === 'no_budget_path')!;
    expect([row.count, row.combined]).toEqual(['1 of 3', true]);
    expect(c.result.recommendation).toBe('not-yet-qualified');
    const d = c.disagreements.find((x) => x.id === 'no_budget_path')!;
    expect(d.said.map((s) => s.answer)).toEqual(['does not apply (verified)', 'applies', 'does not apply']);
    expect(d.question).toMatch(/^No budget path: 1 of 3 say it applies\. Ask the room again: Is there a route to budget/);
    const majority: Bank = {...bank, combine: {...bank.combine, disqualifier: 'majority'}};
    expect(combineAnswers(majority, [ops, noBudget, sales]).answers.disqualifiers.no_budget_path).toBe(false);
  });
});

describe('the handoff map, merged', () => {
  const [deal, payment, quote] = combined.handoffs;

  it('the same from, to and record (case and spaces aside) is one handoff', () => {
    expect(combined.handoffs.map((h) => [h.handoff, h.namedBy.length])).toEqual([
      ['HubSpot → NetSuite (deal)', 3],
      ['Stripe → NetSuite (payment)', 2],
      ['HubSpot → Gmail (quote)', 1],
    ]);
  });

  it('flags an owner and required fields that differ, with who said which', () => {
    expect(deal!.ownerConflict).toBe(true);
    expect(deal!.owner).toBe('');
    expect(deal!.flags).toEqual([
      'Owner not agreed on HubSpot → NetSuite (deal): Dana Ruiz (Operations leader) says Sales ops; Priya Shah, Finance (Buyer) says Finance ops.',
      'Required fields not agreed on HubSpot → NetSuite (deal): Dana Ruiz (Operations leader) lists customer id, price book, tax code; Priya Shah, Finance (Buyer) lists customer id, tax code, payment terms.',
    ]);
    expect(deal!.requiredFields).toEqual(['customer id', 'price book', 'tax code', 'payment terms']);
    expect([deal!.failures, deal!.criticalPath]).toEqual([12, true]);
    // "Finance ops" and "finance ops" agree.
    expect([payment!.ownerConflict, payment!.owner, payment!.flags]).toEqual([false, 'Finance ops', []]);
    expect(quote!.owner).toBe('Deal desk');
  });

  it('the combined answers hold the merged map, a disputed owner left blank', () => {
    expect(combined.answers.handoffs!.map((h) => [h.from, h.record, h.owner])).toEqual([
      ['HubSpot', 'deal', ''],
      ['Stripe', 'payment', 'Finance ops'],
      ['HubSpot', 'quote', 'Deal desk'],
    ]);
  });
});

describe('baselines', () => {
  it('take the median of the figures given, flagged when they are far apart', () => {
    expect(combined.answers.baselines).toEqual({failure_frequency: 12, reconciliation_load: 13, lead_time_impact: {now: 9.5, before: 5}});
    expect(combined.baselines.map((b) => [b.axis, b.combinedText, b.flagged])).toEqual([
      ['failure_frequency', '12 failures in four weeks', true],
      ['reconciliation_load', '13 hours a week', true],
      ['lead_time_impact', '9.5 days now, 5 days six months ago', false],
    ]);
    expect(combined.baselines[1]!.figures.map((f) => f.text)).toEqual(['6 hours a week', '20 hours a week', 'not given']);
  });
});

describe('the view the report lays out', () => {
  it('carries the single report’s verdict words on the combined answers, and the intro to the disagreements', () => {
    const view = buildCombinedView(bank, [ops, finance, sales], '2026-12-01');
    expect(view.title).toBe('Combined assessment: Northwind Tiles Ltd');
    expect(view.recommendationLabel).toBe('Remediation sprint');
    expect(view.confidence).toBe('medium');
    expect(view.settleIntro).toMatch(/^The respondents differ on three questions\. One is on a heavy axis and lowers the confidence/);
    expect(view.handoffFlags).toHaveLength(2);
  });
});

describe('the bank’s combine: section', () => {
  const dir = fileURLToPath(new URL('../../questions/', import.meta.url));
  const files = (bankYaml: (text: string) => string) =>
    Object.fromEntries(
      ['bank.yaml', 'context.yaml', 'matrix.yaml', 'signals.yaml', 'disqualifiers.yaml', 'consistency.yaml'].map((f) => {
        const text = readFileSync(join(dir, f), 'utf8');
        return [f, f === 'bank.yaml' ? bankYaml(text) : text];
      }),
    );
  const withoutSection = (text: string) => text.slice(0, text.indexOf('\n# Several respondents on one workflow'));

  it('is optional in a custom bank: its defaults are the bundled rules', () => {
    const {bank: custom, errors} = parseBank(files(withoutSection));
    expect(errors).toEqual([]);
    expect(custom!.combine).toEqual(bank.combine);
  });

  it('a partial section keeps the defaults of what it leaves out', () => {
    const {bank: custom} = parseBank(files((t) => `${withoutSection(t)}\ncombine:\n  disqualifier: majority\n  disagreement_at: 3\n`));
    expect(custom!.combine).toEqual({...bank.combine, disqualifier: 'majority', disagreementAt: 3});
  });

  it('a rule that does not exist, or a placeholder a question cannot fill, is an error naming the file, field and what is allowed', () => {
    const rule = parseBank(files((t) => `${withoutSection(t)}\ncombine:\n  axis: average\n`));
    expect(rule.bank).toBeUndefined();
    expect(rule.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([expect.stringMatching(/^bank\.yaml:\d+: "axis" must be one of "median-of-known", "mean-of-known"$/)]);
    const placeholder = parseBank(files((t) => `${withoutSection(t)}\ncombine:\n  questions:\n    signal: Does {who} agree?\n`));
    expect(placeholder.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
      expect.stringMatching(/^bank\.yaml:\d+: combine question "signal": "\{who\}" is not a placeholder; use \{text\}, \{count\} or \{workflow\}$/),
    ]);
  });
});
