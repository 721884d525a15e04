/**
 * Issue 10's two interview parts in the plain mode, scripted on a fake
 * terminal: the baseline figure after a matrix answer, and the handoff map.
 */
import {afterEach, beforeEach, describe, expect, test} from '@jest/globals';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBankDir} from '../../../src/bank/load-bank.js';
import {buildSteps, startInterview, type InterviewState} from '../../../src/engine/interview.js';
import {emptyAnswers, type Answers, type Bank, type Handoff} from '../../../src/engine/types.js';
import {runPlain} from '../../../src/ui/plain/run-plain.js';
import {outcomeOf, testSession, type Outcome} from '../../session/helpers.js';
import {FakeTerminal, KEY} from './fake-terminal.js';

const bank: Bank = loadBankDir().bank!;
const steps = buildSteps(bank);
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);
const at = (id: string, answers: Answers = emptyAnswers()): InterviewState => ({...startInterview(bank, answers), index: indexOf(id), returnToReview: false});
const shopify: Handoff = {from: 'Shopify', to: 'NetSuite', record: 'order', owner: 'Finance ops', required_fields: ['SKU', 'tax code'], when_missing: '', failures: 9, critical_path: true};

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ha-plain-parts-'));
});
afterEach(() => rmSync(cwd, {recursive: true, force: true}));

function start(initial: InterviewState) {
  const term = new FakeTerminal();
  const {session, changes} = testSession({bank, initial, cwd, date: '2025-01-31'});
  const outcome: Promise<Outcome> = runPlain(session, {stdin: term.input as unknown as NodeJS.ReadStream, stdout: term.output as unknown as NodeJS.WriteStream}).then(() => outcomeOf(session)!);
  return {term, changes, outcome};
}

/** A list prompt fully drawn (its last entry shown), so keys reach it. */
async function list(term: FakeTerminal, question: string, lastEntry: string) {
  await term.waitFor(question);
  await term.waitFor(lastEntry);
}

describe('plain mode: the baseline figure', () => {
  test('asked after a known answer with its format; a bad figure is refused with what is allowed; the figure is stored', async () => {
    const {term, changes, outcome} = start(at('failure_frequency'));
    await term.waitFor('? Failure frequency: 1 to 5?');
    await term.choose(4);
    await term.waitFor('One number (failures in four weeks), e.g. 14. Blank skips.');
    await term.waitFor('? How many handoff failures were there in the last four weeks?');
    await term.line('lots');
    await term.waitFor('"lots" is not a number: type one number of failures in four weeks from 0 to 1,000,000, e.g. 14, or leave it blank.');
    await term.press(KEY.ctrlU);
    await term.line('14');
    await term.waitFor('Figure: 14 failures in four weeks.');
    await term.waitFor('? Data reconciliation load: 1 to 5?');
    expect(changes.at(-1)!.answers.baselines).toEqual({failure_frequency: 14});
    // "Don't know" asks none.
    await term.choose(6);
    await term.waitFor('? Exception visibility: 1 to 5?');
    expect(term.text).not.toContain('How many hours a week');
    await term.press(KEY.ctrlC);
    await outcome;
  });

  test('cycle time takes now and before; blank skips; the review shows the figures beside the answers', async () => {
    const answers: Answers = {...emptyAnswers(), matrix: {failure_frequency: 4}, baselines: {failure_frequency: 14}};
    const {term, changes, outcome} = start(at('lead_time_impact', answers));
    await term.waitFor('? Impact on lead time: 1 to 5?');
    await term.choose(5);
    await term.waitFor('Now and before (days), e.g. 6, 2.');
    await term.line('now 6 before 2');
    await term.waitFor('Figure: 6 days now, 2 days six months ago.');
    await term.waitFor('? Operational confidence: 1 to 5?');
    await term.choose(2);
    await term.waitFor('? How many times a week does someone check status by hand across tools?');
    await term.line('');
    await term.waitFor('No figure given.');
    expect(changes.at(-1)!.answers.baselines).toEqual({failure_frequency: 14, lead_time_impact: {now: 6, before: 2}});
    await term.press(KEY.ctrlC);
    await outcome;

    const review = start({...startInterview(bank, changes.at(-1)!.answers), index: steps.length});
    const shown = await review.term.waitFor('? Is everything right?');
    expect(shown).toContain(' 7. Failure frequency: 4 of 5, 14 failures in four weeks');
    expect(shown).toContain('10. Impact on lead time: 5 of 5, 6 days now, 2 days six months ago');
    expect(shown).toContain('11. Operational confidence: 2 of 5');
    await review.term.press(KEY.ctrlC);
    await review.outcome;
  });

  test('changing the answer asks again with the figure in brackets and Enter keeps it; ctrl-c keeps a valid figure typed', async () => {
    const answers: Answers = {...emptyAnswers(), matrix: {failure_frequency: 4}, baselines: {failure_frequency: 14}};
    const {term, changes, outcome} = start(at('failure_frequency', answers));
    await term.waitFor('? Failure frequency: 1 to 5?');
    await term.choose(5);
    await term.waitFor('Blank keeps it; - clears it. Now: 14 failures in four weeks.');
    await term.waitFor('(14)');
    await term.line('');
    await term.waitFor('Figure: 14 failures in four weeks.');
    expect(changes.at(-1)!.answers.baselines).toEqual({failure_frequency: 14});
    await term.choose(3);
    await term.waitFor('? How many hours a week');
    await term.press(...'7.5');
    await term.waitFor('7.5');
    await term.press(KEY.ctrlC);
    const end = await outcome;
    expect(end.kind).toBe('cancelled');
    expect(end.state.answers.baselines).toEqual({failure_frequency: 14, reconciliation_load: 7.5});
  });
});

describe('plain mode: the handoff map', () => {
  test('skipped with one choice: stored as [] and the matrix follows', async () => {
    const {term, changes, outcome} = start(at('handoffs'));
    const shown = await term.waitFor('? Add a handoff, or skip this part?');
    expect(shown).toContain('Handoff map, 1 of 1');
    expect(shown.replace(/\s+/g, ' ')).toContain('Consultants: this is the part of the interview a client most often cannot answer alone.');
    await term.waitFor('? Why this matters');
    await term.choose(2);
    await term.waitFor('? Failure frequency: 1 to 5?');
    expect(changes.at(-1)!.answers.handoffs).toEqual([]);
    await term.press(KEY.ctrlC);
    await outcome;
  });

  test('a handoff added field by field (a field refused says why, < goes back a field), then listed in one line', async () => {
    const {term, changes, outcome} = start(at('handoffs'));
    await list(term, '? Add a handoff, or skip this part?', '? Why this matters');
    await term.choose(1);
    await term.waitFor('? New handoff, 1 of 8: Where does the record come from (system or team)?');
    await term.line('Shopify');
    await term.waitFor('? New handoff, 2 of 8');
    await term.line('<');
    await term.waitFor('? New handoff, 1 of 8');
    await term.waitFor('(Shopify)');
    await term.line('');
    await term.waitFor('? New handoff, 2 of 8');
    await term.line('NetSuite');
    await term.waitFor('? New handoff, 3 of 8');
    await term.line('order');
    await term.waitFor('? New handoff, 4 of 8: Who owns the record once it has moved?');
    await term.line('Finance ops');
    await term.waitFor('? New handoff, 5 of 8');
    await term.line('SKU, tax code');
    await term.waitFor('? New handoff, 6 of 8');
    await term.line('');
    await term.waitFor('? New handoff, 7 of 8');
    await term.line('nine');
    await term.waitFor('Type a whole number from 0 to 100000, e.g. 9, or leave it blank.');
    await term.press(KEY.ctrlU);
    await term.line('9');
    await list(term, '? New handoff, 8 of 8: Does this handoff set how long the workflow takes?', '< Back to the previous field');
    await term.choose(1);
    await term.waitFor('Added: Shopify → NetSuite (order), owner: Finance ops, 2 fields, no rule when missing, 9 failures, critical path.');
    expect(changes.at(-1)!.answers.handoffs).toEqual([shopify]);
    const again = await term.waitFor('? Add, change or remove a handoff, or go on?');
    expect(again).toContain('1 of at most 12 handoffs:');
    expect(again).toContain('1. Shopify → NetSuite (order), owner: Finance ops, 2 fields');
    await term.waitFor('? Why this matters');
    await term.choose(4); // Done: go on
    await term.waitFor('? Failure frequency: 1 to 5?');
    await term.press(KEY.ctrlC);
    expect((await outcome).state.answers.handoffs).toEqual([shopify]);
  });

  test('a handoff changed (Enter keeps a field, - clears an optional one) and one removed', async () => {
    const two = [shopify, {...shopify, from: 'NetSuite', to: 'Warehouse', critical_path: false}];
    const {term, changes, outcome} = start(at('handoffs', {...emptyAnswers(), handoffs: two}));
    await list(term, '? Add, change or remove a handoff, or go on?', '? Why this matters');
    await term.choose(3); // Change 2.
    await term.waitFor('? Handoff 2, 1 of 8');
    await term.line('');
    await term.waitFor('? Handoff 2, 2 of 8');
    await term.line('');
    await term.waitFor('? Handoff 2, 3 of 8');
    await term.line('');
    await term.waitFor('? Handoff 2, 4 of 8');
    await term.waitFor('(Finance ops)');
    await term.line('-');
    for (let field = 5; field <= 7; field++) {
      await term.waitFor(`? Handoff 2, ${field} of 8`);
      await term.line('');
    }
    await list(term, '? Handoff 2, 8 of 8', '< Back to the previous field');
    await term.press(KEY.enter); // starts on its answer, "No"
    await term.waitFor('Changed: NetSuite → Warehouse (order), no owner, 2 fields');
    expect(changes.at(-1)!.answers.handoffs![1]).toEqual({...two[1], owner: ''});
    await list(term, '? Add, change or remove a handoff, or go on?', '? Why this matters');
    await term.choose(4); // Remove 1.
    await term.waitFor('Removed: Shopify → NetSuite.');
    expect(changes.at(-1)!.answers.handoffs!.map((h) => h.from)).toEqual(['NetSuite']);
    await term.press(KEY.ctrlC);
    await outcome;
  });

  test('the review says how many and opens the map; going on returns to the review', async () => {
    const answers: Answers = {...emptyAnswers(), handoffs: [shopify]};
    const {term, outcome} = start({...startInterview(bank, answers), index: steps.length});
    const shown = await term.waitFor('? Is everything right?');
    expect(shown).toContain(' 6. Handoff map: 1 handoff');
    await term.choose(6);
    await term.waitFor('Handoff map, 1 of 1 (question 6 of 17, 1 answered): editing from the review');
    await list(term, '? Add, change or remove a handoff, or go on?', '? Why this matters');
    await term.choose(4);
    await term.waitFor('? Is everything right?');
    await term.press(KEY.ctrlC);
    await outcome;
  });
});
