/**
 * Issue 10's two interview parts in the wizard: the baseline figure asked
 * under a matrix answer, and the handoff map (its list and its form), at the
 * default size and at 40x20.
 */
import {afterEach, describe, expect, it} from '@jest/globals';
import {cleanup} from 'ink-testing-library';
import {buildSteps, startInterview, type InterviewState} from '../../../src/engine/interview.js';
import {emptyAnswers, type Answers, type Handoff} from '../../../src/engine/types.js';
import {KEY, mount, realBank, type Mounted} from './helpers.js';
import {startRealWizard} from './real-wizard.js';

afterEach(() => cleanup());

const bank = realBank();
const steps = buildSteps(bank);
const at = (id: string, answers: Answers = emptyAnswers()): InterviewState => ({...startInterview(bank, answers), index: steps.findIndex((s) => s.id === id), returnToReview: false});
const last = (w: Mounted) => w.changes[w.changes.length - 1]!;
const shopify: Handoff = {from: 'Shopify', to: 'NetSuite', record: 'order', owner: 'Finance ops', required_fields: ['SKU', 'tax code', 'customer id'], when_missing: 'waits', failures: 9, critical_path: true};

/** Type a field of the handoff form and confirm it, once the form asks for it. */
async function field(w: Mounted, prompt: string, text: string) {
  await w.waitForFrame(prompt);
  await w.type(text);
  await w.press(KEY.enter);
}

describe('the baseline figure', () => {
  it('is asked under a known answer with the bank\'s question and format; a figure is stored and the interview goes on', async () => {
    const w = await mount({initial: at('failure_frequency')});
    await w.press(KEY.enter, '4');
    const frame = await w.waitForFrame('How many handoff failures were there in the last four weeks?');
    expect(frame).toContain('One number (failures in four weeks), e.g. 14. Blank skips.');
    expect(frame).toMatch(/❯ 4 Leans toward remediation sprint/);
    expect(frame).toMatch(/enter save figure\s+esc skip/);
    expect(last(w).answers.matrix.failure_frequency).toBe(4);
    await w.type('14');
    await w.press(KEY.enter);
    await w.waitForFrame('Data reconciliation load');
    expect(last(w).answers.baselines).toEqual({failure_frequency: 14});
  });

  it('a bad figure is refused with what is allowed; esc skips; "don\'t know" asks none', async () => {
    const w = await mount({initial: at('lead_time_impact')});
    await w.press(KEY.enter, '5');
    await w.waitForFrame('now and six months ago?');
    await w.type('6');
    await w.press(KEY.enter);
    await w.waitForFrame('✗ Type two numbers of days, now then before');
    await w.press(KEY.esc);
    await w.waitForFrame('Operational confidence');
    expect(last(w).answers.baselines).toBeUndefined();
    await w.press('d');
    await w.waitForFrame('Signals that favour managing in place');
    expect(w.lastFrame()).not.toContain('manual status checks');
  });

  it('the review shows the figure beside the answer; changing the answer asks again with the figure filled in', async () => {
    const answers: Answers = {...emptyAnswers(), matrix: {failure_frequency: 4}, baselines: {failure_frequency: 14}};
    const w = await mount({initial: {...startInterview(bank, answers), index: steps.length}});
    await w.press(KEY.enter, KEY.home);
    await w.waitForFrame(/Failure frequency\s+4 of 5 · 14 failures in four weeks/);
    await w.press(...Array(steps.findIndex((s) => s.id === 'failure_frequency')).fill(KEY.down), KEY.enter);
    await w.waitForFrame('Changing an answer');
    await w.press('5');
    const frame = await w.waitForFrame('Blank keeps it; - clears it.');
    expect(frame).toContain('› 14');
    await w.press(KEY.backspace, KEY.backspace, ...'20');
    await w.waitForFrame('› 20');
    await w.press(KEY.enter);
    await w.waitForFrame(/Failure frequency\s+5 of 5 · 20 failures in four weeks/);
  });

  it('ctrl-c while typing keeps a valid figure', async () => {
    const w = await mount({initial: at('failure_frequency')});
    await w.press(KEY.enter, '4');
    await w.waitForFrame('How many handoff failures');
    await w.type('7');
    await w.press(KEY.ctrlC);
    const outcome = await w.waitForOutcome();
    expect(outcome.kind).toBe('cancelled');
    expect(outcome.state.answers.baselines).toEqual({failure_frequency: 7});
  });
});

describe('the handoff map', () => {
  it('explains itself and is skipped with one key', async () => {
    const w = await mount({initial: at('handoffs')});
    await w.press(KEY.enter);
    const frame = await w.waitForFrame('Handoff map · 1 of 1');
    expect(frame).toContain(bank.handoffMap!.prompt);
    expect(frame.replace(/\s+/g, ' ')).toContain('Consultants: this is the part of the interview a client most often cannot answer alone.');
    expect(frame).toMatch(/❯ \+ Add a handoff/);
    expect(frame).toContain('→ Skip this part');
    expect(frame).toMatch(/s skip part/);
    await w.press('s');
    await w.waitForFrame('Decision matrix · 1 of 5');
    expect(last(w).answers.handoffs).toEqual([]);
  });

  it('a handoff added a field at a time, a field refused with why, then the list with its summary line', async () => {
    const w = await mount({initial: at('handoffs')});
    await w.press(KEY.enter, KEY.enter);
    await w.waitForFrame('New handoff · 1 of 8');
    await w.press(KEY.enter);
    await w.waitForFrame('✗ This one is needed: A system or team, e.g. Shopify.');
    await field(w, 'Where does the record come from', 'Shopify');
    await field(w, 'New handoff · 2 of 8', 'NetSuite');
    await field(w, 'New handoff · 3 of 8', 'order');
    await field(w, 'Who owns the record once it has moved?', 'Finance ops');
    await field(w, 'Which fields must be present?', 'SKU, tax code, customer id');
    await field(w, 'What happens today when one of them is missing?', 'waits');
    await field(w, 'How many times did this handoff fail', 'nine');
    await w.waitForFrame('✗ Type a whole number from 0 to 100000');
    await w.press(KEY.ctrlU);
    await field(w, 'New handoff · 7 of 8', '9');
    await field(w, 'Does this handoff set how long the workflow takes?', 'yes');
    const frame = await w.waitForFrame('1. Shopify → NetSuite (order), owner: Finance ops, 3 fields, 9 failures, critical path');
    expect(frame).toMatch(/❯ \+\s+Add another handoff \(1 of 12\)/);
    expect(frame).toContain('Done: go on');
    expect(last(w).answers.handoffs).toEqual([shopify]);
  });

  it('esc steps back through the fields; a handoff opened is changed in place; x removes one', async () => {
    const two = [shopify, {...shopify, from: 'NetSuite', to: 'Warehouse', failures: 2, critical_path: false}];
    const w = await mount({initial: at('handoffs', {...emptyAnswers(), handoffs: two})});
    await w.press(KEY.enter);
    await w.waitForFrame('2. NetSuite → Warehouse');
    // Open the second handoff: its fields come back filled in.
    await w.press(KEY.up, KEY.enter);
    await w.waitForFrame('Handoff 2 · 1 of 8');
    expect(w.lastFrame()).toContain('› NetSuite');
    await w.press(KEY.enter);
    await w.waitForFrame('› Warehouse');
    await w.press(KEY.ctrlU, ...'3PL', KEY.enter);
    await w.waitForFrame('Handoff 2 · 3 of 8');
    await w.press(KEY.esc);
    await w.waitForFrame('› 3PL');
    for (let i = 2; i <= 8; i++) await w.press(KEY.enter);
    await w.waitForFrame('2. NetSuite → 3PL (order)');
    expect(last(w).answers.handoffs!.map((h) => h.to)).toEqual(['NetSuite', '3PL']);
    // Remove the first.
    await w.press(KEY.up, KEY.up, 'x');
    await w.waitForFrame(/1\. NetSuite → 3PL[^\n]*\n[^\n]*\n?.*Add another handoff \(1 of 12\)/s);
    expect(last(w).answers.handoffs!.map((h) => h.from)).toEqual(['NetSuite']);
  });

  it('the review says how many, and opens the map; going on returns to the review', async () => {
    const answers: Answers = {...emptyAnswers(), handoffs: [shopify]};
    const w = await mount({initial: {...startInterview(bank, answers), index: steps.length}});
    await w.press(KEY.enter, KEY.home);
    await w.waitForFrame(/Handoff map\s+1 handoff/);
    await w.press(...Array(steps.findIndex((s) => s.id === 'handoffs')).fill(KEY.down), KEY.enter);
    await w.waitForFrame('Changing the map');
    await w.press('s');
    await w.waitForFrame(/❯ Handoff map\s+1 handoff/);
  });
});

describe('at 40x20', () => {
  it('the map and the figure fit, every line within 40 columns', async () => {
    const {press, waitForScreen: screen, done, outcome} = await startRealWizard(bank, 40, 20, at('handoffs', {...emptyAnswers(), handoffs: [shopify]}));
    await press(KEY.enter);
    const map = await screen('Add another handoff');
    for (const line of map.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(map.replace(/\s+/g, ' ')).toContain('1. Shopify → NetSuite (order), owner: Finance ops, 3 fields, 9 failures, critical path');
    await press('a');
    const form = await screen('New handoff · 1 of 8');
    for (const line of form.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    await press(KEY.esc, 's', '4');
    const figure = await screen('save figure');
    for (const line of figure.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(figure).toMatch(/│ How many handoff failures were there\s+│\n\s*│ in the last four weeks\?/);
    await press(...'x', KEY.enter);
    // The refusal is scrolled into view under the field.
    await screen('is not a number');
    await press(KEY.ctrlC);
    await done;
    expect(outcome()!.kind).toBe('cancelled');
  });
});
