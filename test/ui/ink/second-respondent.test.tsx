/** The wizard as a second respondent (issue 14): it says whose workflow it is, and the interview starts with who is answering. */
import {afterEach, describe, expect, it} from '@jest/globals';
import {cleanup} from 'ink-testing-library';
import type {Answers} from '../../../src/engine/types.js';
import {secondRespondent} from '../../../src/session/session.js';
import {KEY, mount, realBank} from './helpers.js';

afterEach(() => cleanup());

const bank = realBank();
const priya: Answers = {
  version: 1,
  context: {organisation: 'Harbour & Pine Outfitters', assessor: 'Priya Nair', role: 'consultant', workflow: 'Order to cash', systems: ['Shopify B2B', 'NetSuite']},
  matrix: {failure_frequency: 5},
  signals: {},
  disqualifiers: {},
  notes: {},
  certainty: {},
};

describe('a second respondent in the wizard', () => {
  it('says where the context came from, starts (not continues), and asks the assessor with the organisation kept', async () => {
    const w = await mount({initial: secondRespondent(bank, priya), respondentOf: {from: 'the interview otc-priya'}});
    const welcome = (await w.waitForFrame('Another respondent on')).replace(/[\s·]+/g, ' ');
    expect(welcome).toContain('Another respondent on Harbour & Pine Outfitters, Order to cash: the organisation, workflow and systems come from the interview otc-priya. Your own answers start blank');
    expect(welcome).not.toContain('Welcome back');
    expect(welcome).toContain('enter start'); // the footer: a new interview starts, none continues
    await w.press(KEY.enter);
    await w.waitForFrame('Who is running the assessment?');
    await w.type('Lena Ford');
    await w.press(KEY.enter);
    await w.waitForFrame("What is the assessor's role?");
    const last = w.changes.at(-1)!.answers;
    expect(last.context).toMatchObject({organisation: 'Harbour & Pine Outfitters', workflow: 'Order to cash', assessor: 'Lena Ford'});
    expect(last.matrix).toEqual({});
  });
});
