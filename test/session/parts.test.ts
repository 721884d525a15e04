/**
 * The two interview parts of issue 10 in the session, without a renderer:
 * the baseline figure asked after a known matrix answer, and the handoff map.
 */
import {describe, expect, it} from '@jest/globals';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {buildSteps, positionOf, resumeState, reviewRows, startInterview, type InterviewState} from '../../src/engine/interview.js';
import {emptyAnswers, type Answers, type Handoff} from '../../src/engine/types.js';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {currentQuestion, startSession, transition, type SessionConfig, type SessionEvent, type SessionState} from '../../src/session/session.js';
import {loadDraft, saveDraft} from '../../src/store/drafts.js';
import {testSession} from './helpers.js';

const bank = loadBankDir().bank!;
const steps = buildSteps(bank);
const config: SessionConfig = {bank, date: '2026-11-22', cwd: '/work/out'};
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);

function run(interview: InterviewState, ...events: SessionEvent[]): SessionState {
  let state = startSession(interview);
  for (const event of [{type: 'start'} as SessionEvent, ...events]) ({state} = transition(config, state, event));
  return state;
}
const at = (id: string, answers: Answers = emptyAnswers(), returnToReview = false): InterviewState => ({...startInterview(bank, answers), index: indexOf(id), returnToReview});
const question = (state: SessionState) => currentQuestion(config, state)?.id;

const shopify: Handoff = {from: 'Shopify', to: 'NetSuite', record: 'order', owner: 'Finance ops', required_fields: ['SKU', 'tax code', 'customer id'], when_missing: 'waits in an error queue', failures: 9, critical_path: true};
/** The handoff form filled in field by field, as typed. */
const typed = (...fields: string[]): SessionEvent[] => fields.map((text) => ({type: 'handoff-field', text}));
const shopifyTyped = typed('Shopify', 'NetSuite', 'order', 'Finance ops', 'SKU, tax code, customer id', 'waits in an error queue', '9', 'yes');

describe('the baseline figure after a matrix answer', () => {
  it('is asked after a known answer, with the answer already stored; a figure given is stored and the interview goes on', () => {
    const asked = run(at('failure_frequency'), {type: 'answer', value: 4});
    expect(asked.figure).toEqual({id: 'failure_frequency', then: 4});
    expect(question(asked)).toBe('failure_frequency');
    expect(asked.interview.answers.matrix.failure_frequency).toBe(4);
    const given = run(at('failure_frequency'), {type: 'answer', value: 4}, {type: 'figure', text: '14'});
    expect(given.figure).toBeUndefined();
    expect(question(given)).toBe('reconciliation_load');
    expect(given.interview.answers.baselines).toEqual({failure_frequency: 14});
  });

  it('is not asked after "don\'t know"', () => {
    const state = run(at('failure_frequency'), {type: 'answer', value: 'unknown'});
    expect(state.figure).toBeUndefined();
    expect(question(state)).toBe('reconciliation_load');
  });

  it('skipped (blank or esc) stores nothing and goes on; a figure given before is kept, and "-" clears it', () => {
    for (const skip of [{type: 'figure', text: '  '}, {type: 'skip-figure'}] as SessionEvent[]) {
      const state = run(at('failure_frequency'), {type: 'answer', value: 2}, skip);
      expect(question(state)).toBe('reconciliation_load');
      expect(state.interview.answers.baselines).toBeUndefined();
    }
    const before = {...emptyAnswers(), baselines: {failure_frequency: 14}};
    expect(run(at('failure_frequency', before), {type: 'answer', value: 3}, {type: 'figure', text: ''}).interview.answers.baselines).toEqual({failure_frequency: 14});
    expect(run(at('failure_frequency', before), {type: 'answer', value: 3}, {type: 'figure', text: '-'}).interview.answers.baselines).toBeUndefined();
  });

  it('a bad figure is refused with what is allowed, and stays asked', () => {
    const state = run(at('failure_frequency'), {type: 'answer', value: 4}, {type: 'figure', text: 'lots'});
    expect(state.error?.message).toBe('"lots" is not a number: type one number of failures in four weeks from 0 to 1,000,000, e.g. 14, or leave it blank.');
    expect(state.figure?.id).toBe('failure_frequency');
    expect(question(state)).toBe('failure_frequency');
    const fixed = transition(config, state, {type: 'figure', text: '12'}).state;
    expect(fixed.error).toBeUndefined();
    expect(fixed.interview.answers.baselines).toEqual({failure_frequency: 12});
  });

  it('cycle time takes two figures, now and before', () => {
    const state = run(at('lead_time_impact'), {type: 'answer', value: 5}, {type: 'figure', text: 'now 6 before 2'});
    expect(state.interview.answers.baselines).toEqual({lead_time_impact: {now: 6, before: 2}});
    expect(run(at('lead_time_impact'), {type: 'answer', value: 5}, {type: 'figure', text: '6'}).error?.message).toMatch(/two numbers of days, now then before/);
  });

  it('a changed answer from the review asks again and returns to the review with the new figure', () => {
    const answers = {...emptyAnswers(), matrix: {failure_frequency: 4 as const}, baselines: {failure_frequency: 14}};
    const review = {...startInterview(bank, answers), index: steps.length};
    const asked = run(review, {type: 'edit', id: 'failure_frequency'}, {type: 'answer', value: 5});
    expect(asked.figure?.id).toBe('failure_frequency');
    const done = transition(config, asked, {type: 'figure', text: '20'}).state;
    expect(done.interview.index).toBe(steps.length);
    expect(done.interview.answers.baselines).toEqual({failure_frequency: 20});
  });

  it('ctrl-c while typing keeps a valid figure, never an invalid one', () => {
    const asked = run(at('failure_frequency'), {type: 'answer', value: 4});
    expect(transition(config, asked, {type: 'quit', typedFigure: '7'}).state.interview.answers.baselines).toEqual({failure_frequency: 7});
    const bad = transition(config, asked, {type: 'quit', typedFigure: '7 or so'}).state;
    expect(bad.stage).toBe('cancelled');
    expect(bad.interview.answers.baselines).toBeUndefined();
  });
});

describe('the handoff map part', () => {
  it('comes after the context and before the matrix, optional, answered once the map is set', () => {
    expect(indexOf('handoffs')).toBe(indexOf('systems') + 1);
    expect(steps[indexOf('handoffs') + 1]!.id).toBe('failure_frequency');
    expect(steps[indexOf('handoffs')]).toMatchObject({kind: 'handoffs', section: 'handoffs', required: false});
  });

  it('skipped in one step: stored as [] and the review says so', () => {
    const state = run(at('handoffs'), {type: 'handoffs-done'});
    expect(question(state)).toBe('failure_frequency');
    expect(state.interview.answers.handoffs).toEqual([]);
    expect(reviewRows(bank, state.interview.answers).find((r) => r.step.id === 'handoffs')).toMatchObject({answer: 'skipped', answered: true});
  });

  it('a handoff added field by field is stored (and the draft saved) once its last field is given', () => {
    const t = testSession({bank, initial: at('handoffs')});
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'handoff-add'});
    expect(t.session.state.handoffForm).toEqual({field: 0, draft: {}});
    for (const event of shopifyTyped.slice(0, -1)) t.session.dispatch(event);
    expect(t.session.state.interview.answers.handoffs).toBeUndefined();
    expect(t.changes).toHaveLength(0);
    t.session.dispatch(shopifyTyped.at(-1)!);
    expect(t.session.state.handoffForm).toBeUndefined();
    expect(t.session.state.interview.answers.handoffs).toEqual([shopify]);
    expect(t.changes.at(-1)!.answers.handoffs).toEqual([shopify]);
    // Still on the map: the list can grow, or the part is left.
    expect(question(t.session.state)).toBe('handoffs');
    t.session.dispatch({type: 'handoffs-done'});
    expect(question(t.session.state)).toBe('failure_frequency');
    expect(reviewRows(bank, t.session.state.interview.answers).find((r) => r.step.id === 'handoffs')!.answer).toBe('1 handoff');
  });

  it('optional fields left blank: no owner, no fields, no rule, not counted, not said', () => {
    const state = run(at('handoffs'), {type: 'handoff-add'}, ...typed('Gmail', 'HubSpot', 'lead', '', '', '', '', ''));
    expect(state.interview.answers.handoffs).toEqual([{from: 'Gmail', to: 'HubSpot', record: 'lead', owner: '', required_fields: [], when_missing: ''}]);
  });

  it('a field refused says why and stays on that field', () => {
    const blank = run(at('handoffs'), {type: 'handoff-add'}, ...typed(''));
    expect(blank.error?.message).toMatch(/This one is needed/);
    expect(blank.handoffForm?.field).toBe(0);
    const count = run(at('handoffs'), {type: 'handoff-add'}, ...typed('a', 'b', 'c', '', '', '', 'nine'));
    expect(count.error?.message).toBe('Type a whole number from 0 to 100000, e.g. 9, or leave it blank.');
    expect(count.handoffForm?.field).toBe(6);
  });

  it('back steps through the fields; from the first it closes the form without a change', () => {
    const second = run(at('handoffs'), {type: 'handoff-add'}, ...typed('Shopify'), {type: 'handoff-back'});
    expect(second.handoffForm).toEqual({field: 0, draft: {from: 'Shopify'}});
    const closed = transition(config, second, {type: 'handoff-back'}).state;
    expect(closed.handoffForm).toBeUndefined();
    expect(question(closed)).toBe('handoffs');
    expect(closed.interview.answers.handoffs).toBeUndefined();
  });

  it('a handoff changed keeps its place; removed, it is gone', () => {
    const two: Handoff[] = [shopify, {...shopify, from: 'NetSuite', to: 'Warehouse', failures: 2, critical_path: false}];
    const answers = {...emptyAnswers(), handoffs: two};
    const changed = run(at('handoffs', answers), {type: 'handoff-edit', index: 1}, ...typed('NetSuite', '3PL', 'shipment', '', '', '', '', 'no'));
    expect(changed.interview.answers.handoffs!.map((h) => h.to)).toEqual(['NetSuite', '3PL']);
    expect(changed.interview.answers.handoffs![1]!.owner).toBe('');
    const removed = run(at('handoffs', answers), {type: 'handoff-remove', index: 0});
    expect(removed.interview.answers.handoffs).toEqual([two[1]]);
  });

  it('holds at most the bank\'s maximum', () => {
    const full = {...emptyAnswers(), handoffs: Array.from({length: 12}, () => shopify)};
    const state = run(at('handoffs', full), {type: 'handoff-add'});
    expect(state.handoffForm).toBeUndefined();
    expect(state.error?.message).toBe('The map holds at most 12 handoffs: remove or change one instead.');
  });

  it('takes no note and no certainty mark', () => {
    const state = run(at('handoffs'), {type: 'open-note', id: 'handoffs'}, {type: 'certainty', id: 'handoffs', mark: 'verified'});
    expect(state.note).toBeUndefined();
    expect(state.interview.answers.certainty).toEqual({});
  });
});

describe('a draft holding handoffs and figures', () => {
  it('is saved and resumed with both, where it was', () => {
    const env = {HANDOFF_ASSESS_STATE_DIR: mkdtempSync(join(tmpdir(), 'ha-parts-'))};
    const bare: Handoff = {from: 'Gmail', to: 'HubSpot', record: 'lead', owner: '', required_fields: [], when_missing: ''};
    const answers: Answers = {...emptyAnswers(), context: {organisation: 'Acme'}, handoffs: [shopify, bare], matrix: {failure_frequency: 4, lead_time_impact: 5}, baselines: {failure_frequency: 14, lead_time_impact: {now: 6, before: 2}}};
    const interview = at('reconciliation_load', answers);
    saveDraft({id: 'acme-parts', answers, position: positionOf(bank, interview), saved: new Date('2026-11-22T10:00:00Z')}, {env});
    const loaded = loadDraft('acme-parts', bank, {env});
    expect(loaded.warnings).toEqual([]);
    // A handoff with nothing agreed (no owner, no fields, no rule) reads back as written.
    expect(loaded.answers.handoffs).toEqual([shopify, bare]);
    expect(loaded.answers.baselines).toEqual(answers.baselines);
    const resumed = resumeState(bank, loaded.answers, loaded.position);
    expect(resumed.index).toBe(indexOf('reconciliation_load'));
    // Back reaches the map; a matrix answer confirmed again asks its figure, and blank keeps the one resumed.
    const back = run(resumed, {type: 'back'}, {type: 'back'});
    expect(question(back)).toBe('handoffs');
    const again = run(at('failure_frequency', loaded.answers), {type: 'answer', value: 4}, {type: 'figure', text: ''});
    expect(again.interview.answers.baselines?.failure_frequency).toBe(14);
  });
});
