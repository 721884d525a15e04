/**
 * Several workflows of one organisation (issue 14): the ranking by the bank's rule, the workflow
 * named for the sprint and its why, the manage-in-place triggers, the gaps of the others, and the
 * broad-redesign sentence, on four workflows of Harbour & Pine Outfitters (test/fixtures/portfolio).
 */
import {describe, expect, it} from '@jest/globals';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {buildPortfolioModel, DEFAULT_PORTFOLIO, type PortfolioSource} from '../../src/engine/portfolio.js';
import type {Answers, Bank} from '../../src/engine/types.js';
import {ROOT} from '../cli/run-cli.js';
import {realBank} from './profiles.js';

const bank = realBank();
const FILES = ['returns.yaml', 'support-escalation.yaml', 'invoice-approvals.yaml', 'order-to-cash.yaml'];

function load(file: string): Answers {
  const name = join(ROOT, 'test/fixtures/portfolio', file);
  const {answers, errors} = parseAnswers(name, readFileSync(name, 'utf8'), bank);
  if (!answers) throw new Error(errors.map((e) => e.message).join('\n'));
  return answers;
}
const sources = (files = FILES): PortfolioSource[] => files.map((f) => ({label: f, answers: load(f)}));

describe('the portfolio of four workflows', () => {
  const model = buildPortfolioModel(bank, sources(), '2026-12-01');

  it('ranks them by verdict class first, whatever order they were given in', () => {
    expect(model.entries.map((e) => [e.rank, e.workflow, e.recommendation])).toEqual([
      [1, 'Order to cash', 'remediation-sprint'],
      [2, 'Invoice approvals', 'not-yet-qualified'],
      [3, 'Returns and credit notes', 'insufficient-evidence'],
      [4, 'Support escalation', 'manage-in-place'],
    ]);
    const reversed = buildPortfolioModel(bank, sources([...FILES].reverse()), '2026-12-01');
    expect(reversed.entries.map((e) => e.workflow)).toEqual(model.entries.map((e) => e.workflow));
  });

  it('names the workflow to run the sprint on first, and why in the client figures', () => {
    expect(model.first?.workflow).toBe('Order to cash');
    expect(model.headline).toContain('Run the sprint on Order to cash first.');
    expect(model.firstWhy).toContain('the only one of the 4 workflows with a remediation-sprint verdict (high confidence)');
    expect(model.firstWhy).toContain('score 21 against a threshold of 4 (+17)');
    expect(model.firstWhy).toContain('failure frequency at 5 of 5 (18 failures in four weeks)');
    expect(model.firstWhy).toContain('impact on lead time at 4 of 5 (8 days now, 3 days six months ago)');
    expect(model.firstWhy).toContain('Before Invoice approvals on its verdict');
    expect(model.first?.failures).toBe(18);
  });

  it('lists the manage-in-place workflow with its re-assessment triggers from its figures', () => {
    expect(model.manageInPlace.map((e) => e.workflow)).toEqual(['Support escalation']);
    expect(model.manageInPlace[0]!.triggers).toContain('Re-assess if failure frequency passes 5 failures in four weeks (today: 3 failures in four weeks).');
    expect(model.manageInPlace[0]!.triggers).toHaveLength(4);
  });

  it('says what would qualify the not-yet-qualified one and what evidence the other lacks', () => {
    const invoices = model.notYetQualified[0]!;
    expect(invoices.workflow).toBe('Invoice approvals');
    expect(invoices.lean).toBe('remediation-sprint');
    expect(invoices.gaps[0]).toEqual({
      title: 'Resolve: broad redesign expected without priorities',
      detail: 'Pick the one workflow whose handoffs matter most and agree to start there. (The executive sponsor, with the operations lead, about 2 weeks)',
    });
    const returns = model.insufficientEvidence[0]!;
    expect(returns.gaps.map((g) => g.title)).toEqual(['Evidence: failure frequency', 'Evidence: exception visibility', 'Evidence: impact on lead time']);
    expect(returns.failuresText).toBe('not counted');
  });

  it('says the ranking is the prioritised target list when broad redesign applies in one of them', () => {
    expect(model.redesign?.workflows).toEqual(['Invoice approvals']);
    expect(model.redesign?.text).toContain('"Broad redesign expected without priorities" was answered as applying in Invoice approvals');
    expect(model.redesign?.text).toContain('This ranking is the prioritised target list that answers it');
    expect(model.redesign?.text).toContain('with Order to cash as the first target');
    const without = buildPortfolioModel(bank, sources(['order-to-cash.yaml', 'returns.yaml']), '2026-12-01');
    expect(without.redesign).toBeNull();
  });
});

describe('the rule is data', () => {
  /** Order to cash again as another workflow, with fewer failures and a smaller margin. */
  function secondSprint(edit: (a: Answers) => void): PortfolioSource {
    const answers = structuredClone(load('order-to-cash.yaml'));
    answers.context.workflow = 'Purchase to pay';
    edit(answers);
    return {label: 'purchase-to-pay.yaml', answers};
  }

  it('breaks a tie of verdicts on the score margin, and says so', () => {
    const p2p = secondSprint((a) => {
      a.matrix.operational_confidence = 2;
      a.baselines = {failure_frequency: 40};
    });
    const model = buildPortfolioModel(bank, [p2p, ...sources(['order-to-cash.yaml'])], '2026-12-01');
    expect(model.entries.map((e) => e.workflow)).toEqual(['Order to cash', 'Purchase to pay']);
    expect(model.entries[0]!.ahead).toMatch(/^Before Purchase to pay on its score \(21, \+17 against the threshold, where Purchase to pay is at \+\d+\)\.$/);
    expect(model.firstWhy).toContain('first of the 2 workflows with a remediation-sprint verdict');
  });

  it('follows a bank whose rule puts failures first', () => {
    const p2p = secondSprint((a) => {
      a.matrix.operational_confidence = 2;
      a.baselines = {failure_frequency: 40};
    });
    const failuresFirst: Bank = {...bank, portfolio: {...DEFAULT_PORTFOLIO, order: ['failures', 'verdict']}};
    const model = buildPortfolioModel(failuresFirst, [...sources(['order-to-cash.yaml']), p2p], '2026-12-01');
    expect(model.entries.map((e) => e.workflow)).toEqual(['Purchase to pay', 'Order to cash']);
    expect(model.entries[0]!.ahead).toBe('Before Order to cash on failures counted (40 failures in four weeks, against 18 failures in four weeks).');
    expect(model.rule.text[0]).toMatch(/^failures in four weeks/);
  });

  it('counts the handoff map when the failures axis has no figure', () => {
    const mapped = secondSprint((a) => {
      delete a.baselines;
      a.handoffs = [
        {from: 'Coupa', to: 'NetSuite', record: 'purchase order', owner: '', required_fields: [], when_missing: '', failures: 6},
        {from: 'NetSuite', to: 'Coupa', record: 'receipt', owner: 'AP', required_fields: [], when_missing: '', failures: 3},
      ];
    });
    const model = buildPortfolioModel(bank, [mapped, ...sources(['returns.yaml'])], '2026-12-01');
    expect(model.entries[0]!.failures).toBe(9);
    expect(model.entries[0]!.failuresText).toBe("9 failures in four weeks (the handoff map's counts)");
  });

  it('names no workflow for a sprint when none has that verdict', () => {
    const model = buildPortfolioModel(bank, sources(['support-escalation.yaml', 'returns.yaml']), '2026-12-01');
    expect(model.first).toBeUndefined();
    expect(model.firstWhy).toContain('No workflow has a remediation-sprint verdict yet');
    expect(model.firstWhy).toContain('The most urgent is Returns and credit notes (not enough evidence to decide, leaning toward a sprint): collect the evidence below');
  });
});

describe("the bank's portfolio section", () => {
  function bankWith(edit: (yaml: string) => string): ReturnType<typeof loadBankDir> {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-portfolio-bank-'));
    try {
      cpSync(join(ROOT, 'questions'), dir, {recursive: true});
      writeFileSync(join(dir, 'bank.yaml'), edit(readFileSync(join(dir, 'bank.yaml'), 'utf8')));
      return loadBankDir(dir);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }

  it('is read from bank.yaml', () => {
    expect(bank.portfolio).toEqual(DEFAULT_PORTFOLIO);
  });

  it('is optional: a bank without it ranks by the defaults', () => {
    const load = bankWith((y) => y.slice(0, y.indexOf('\nportfolio:')));
    expect(load.errors).toEqual([]);
    expect(load.bank!.portfolio).toBeUndefined();
    expect(buildPortfolioModel(load.bank!, sources(), '2026-12-01').entries.map((e) => e.rank)).toEqual([1, 2, 3, 4]);
  });

  it('refuses an unknown key, a key twice and a failures axis that counts nothing, naming the field', () => {
    const unknown = bankWith((y) => y.replace('order: [verdict, margin,', 'order: [verdict, urgency,'));
    expect(unknown.errors[0]?.field).toBe('portfolio.order.1');
    const twice = bankWith((y) => y.replace('order: [verdict, margin,', 'order: [verdict, verdict,'));
    expect(twice.errors[0]?.message).toContain('each key at most once');
    const axis = bankWith((y) => y.replace('failures_axis: failure_frequency', 'failures_axis: nonsense'));
    expect(axis.errors[0]?.message).toContain('"failures_axis" names no axis of the matrix ("nonsense")');
  });
});
