/**
 * The interview session without any renderer: events in, state and effects
 * out, and the runner running the effects through services of the test's own.
 * Every flow rule both front ends rely on is pinned here once.
 */
import {describe, expect, it} from '@jest/globals';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {buildSteps, startInterview, type InterviewState} from '../../src/engine/interview.js';
import {emptyAnswers, type Answers} from '../../src/engine/types.js';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {currentQuestion, onReview, startSession, transition, type SessionConfig, type SessionEvent, type SessionState} from '../../src/session/session.js';
import {testSession} from './helpers.js';

const bank = loadBankDir().bank!;
const steps = buildSteps(bank);
const config: SessionConfig = {bank, date: '2026-11-22', cwd: '/work/out'};
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);

const complete = (): Answers => ({
  ...emptyAnswers(),
  context: {organisation: 'Acme', role: 'founder', workflow: 'Quote to cash', systems: ['HubSpot']},
  matrix: {failure_frequency: 4, reconciliation_load: 3, exception_visibility: 3, lead_time_impact: 4, operational_confidence: 2},
  disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
});

/** Apply events from a starting interview; the session starts on the welcome, so `start` comes first. */
function run(interview: InterviewState, ...events: SessionEvent[]): {state: SessionState; effects: ReturnType<typeof transition>['effects']} {
  let state = startSession(interview);
  let effects: ReturnType<typeof transition>['effects'] = [];
  for (const event of [{type: 'start'} as SessionEvent, ...events]) ({state, effects} = transition(config, state, event));
  return {state, effects};
}
const at = (id: string, answers: Answers = emptyAnswers()): InterviewState => ({...startInterview(bank, answers), index: indexOf(id), returnToReview: false});
const question = (state: SessionState) => currentQuestion(config, state)?.id;

describe('the session: moving through the interview', () => {
  it('an answer moves on and asks for the draft to be saved; a refused one stays, says why and saves nothing', () => {
    const ok = run(at('organisation'), {type: 'answer', value: 'Acme'});
    expect(question(ok.state)).toBe('assessor');
    expect(ok.effects).toEqual([{type: 'save-draft', interview: ok.state.interview}]);
    const refused = run(at('organisation'), {type: 'answer', value: '  '});
    expect(question(refused.state)).toBe('organisation');
    expect(refused.state.error?.message).toMatch(/needed for the report/);
    expect(refused.effects).toEqual([]);
  });

  it('back crosses parts; from the first question it goes to the welcome; from the result to the review', () => {
    expect(question(run(at('failure_frequency'), {type: 'back'}).state)).toBe('handoffs');
    expect(question(run(at('handoffs'), {type: 'back'}).state)).toBe('systems');
    const first = run(at('organisation'), {type: 'back'}).state;
    expect(first.stage).toBe('welcome');
    const result = run({...startInterview(bank, complete()), index: steps.length}, {type: 'show-result'}, {type: 'back'}).state;
    expect(onReview(config, result)).toBe(true);
  });

  it('a question opened from the review returns there when answered, and back leaves it unchanged', () => {
    const review = {...startInterview(bank, complete()), index: steps.length};
    const edited = run(review, {type: 'edit', id: 'role'}, {type: 'answer', value: 'operations-leader'}).state;
    expect(onReview(config, edited)).toBe(true);
    expect(edited.interview.answers.context.role).toBe('operations-leader');
    const left = run(review, {type: 'edit', id: 'role'}, {type: 'back'}).state;
    expect(onReview(config, left)).toBe(true);
    expect(left.interview.answers.context.role).toBe('founder');
  });
});

describe('the session: evidence and certainty', () => {
  it('a disqualifier cleared while marked verified asks for the evidence before moving on, then goes on with the answer', () => {
    // "Is there a route to budget?" Yes: it does not apply.
    let {state} = run(at('no_budget_path'), {type: 'certainty', id: 'no_budget_path', mark: 'verified'}, {type: 'answer', value: true});
    expect(state.interview.answers.disqualifiers.no_budget_path).toBe(false);
    expect(state.note).toMatchObject({id: 'no_budget_path', evidence: {id: 'no_budget_path'}, then: true});
    expect(question(state)).toBe('no_budget_path');
    state = transition(config, state, {type: 'note', text: 'CFO signed the budget line'}).state;
    expect(state.note).toBeUndefined();
    expect(question(state)).toBe('broad_redesign_expected');
    expect(state.interview.answers.notes).toEqual({no_budget_path: 'CFO signed the budget line'});
  });

  it('declined evidence goes on without a note and is not asked again when the answer is confirmed again', () => {
    let {state} = run(at('no_budget_path'), {type: 'certainty', id: 'no_budget_path', mark: 'verified'}, {type: 'answer', value: true}, {type: 'close-note'});
    expect(question(state)).toBe('broad_redesign_expected');
    ({state} = transition(config, state, {type: 'back'}));
    ({state} = transition(config, state, {type: 'answer', value: true}));
    expect(state.note).toBeUndefined();
    expect(question(state)).toBe('broad_redesign_expected');
  });

  it('marking a cleared disqualifier verified asks at once; `next` steps through the marks', () => {
    const answered = at('no_budget_path', {...emptyAnswers(), disqualifiers: {no_budget_path: false}});
    expect(run(answered, {type: 'certainty', id: 'no_budget_path', mark: 'next'}).state.note?.evidence?.prompt).toBe(
      'Verified that "No budget path" does not apply: note the evidence.',
    );
    const marks = [];
    let {state} = run(at('failure_frequency'));
    for (let i = 0; i < 4; i++) marks.push((state = transition(config, state, {type: 'certainty', id: 'failure_frequency', mark: 'next'}).state).interview.answers.certainty.failure_frequency);
    expect(marks).toEqual(['verified', 'estimated', 'unknown', undefined]);
  });

  it('a note too long is refused with the engine\'s message and stays open', () => {
    const {state} = run(at('organisation'), {type: 'open-note', id: 'organisation'}, {type: 'note', text: 'x'.repeat(4001)});
    expect(state.note).toMatchObject({id: 'organisation'});
    expect(state.error?.message).toBe('Please keep the note to at most 4000 characters (now 4001).');
    expect(state.interview.answers.notes).toEqual({});
  });
});

describe('the session: the result and saving', () => {
  const review = () => ({...startInterview(bank, complete()), index: steps.length});

  it('the result waits for every required answer: the first missing one opens, and the message names them all', () => {
    const {lead_time_impact: _l, ...matrix} = complete().matrix;
    const {state, effects} = run({...startInterview(bank, {...complete(), matrix}), index: steps.length}, {type: 'show-result'});
    expect(state.stage).toBe('interview');
    expect(question(state)).toBe('lead_time_impact');
    expect(state.error?.message).toBe('First, one question needs an answer: Impact on lead time.');
    expect(effects.some((e) => e.type === 'prepare-report')).toBe(false);
  });

  it('the result carries the verdict at once and asks for the report to be prepared', () => {
    const {state, effects} = run(review(), {type: 'show-result'});
    expect(state.stage).toBe('result');
    expect(state.report?.result.recommendation).toBeDefined();
    expect(effects).toEqual([{type: 'prepare-report', answers: state.interview.answers}]);
  });

  it('saving offers the default name, never replaces without asking, and can go back to the name', () => {
    let {state, effects} = run(review(), {type: 'show-result'}, {type: 'save', format: 'md'});
    expect(state.save).toEqual({format: 'md', stage: 'name', name: 'handoff-assessment-acme-2026-11-22.md'});
    ({state, effects} = transition(config, state, {type: 'save-as', name: 'out.md'}));
    expect(effects).toEqual([{type: 'write-report', path: '/work/out/out.md', format: 'md', answers: state.interview.answers, overwrite: false}]);
    ({state} = transition(config, state, {type: 'report-exists', path: '/work/out/out.md'}));
    expect(state.save?.stage).toBe('confirm');
    ({state, effects} = transition(config, state, {type: 'overwrite', replace: false}));
    expect(effects).toEqual([]);
    expect(state.save).toMatchObject({stage: 'name', name: 'out.md'});
    ({state} = transition(config, state, {type: 'save-as', name: '  '}));
    expect(state.save?.error).toBe('Type a file name, e.g. handoff-assessment-acme-2026-11-22.md');
  });

  it('finishing without a report asks once; with one saved it finishes at once', () => {
    let {state} = run(review(), {type: 'show-result'}, {type: 'finish'});
    expect(state.stage).toBe('result');
    expect(state.notice).toMatchObject({kind: 'finish-unsaved'});
    expect(transition(config, state, {type: 'finish'}).state.stage).toBe('finished');
    ({state} = run(review(), {type: 'show-result'}, {type: 'save', format: 'md'}, {type: 'report-written', path: '/work/out/a.md'}, {type: 'finish'}));
    expect(state.stage).toBe('finished');
    expect(state.saved).toEqual(['/work/out/a.md']);
  });

  it('quitting keeps a note being typed, and an ended session takes no more events', () => {
    const {state} = run(at('failure_frequency'), {type: 'open-note', id: 'failure_frequency'}, {type: 'quit', typedNote: 'half a thought'});
    expect(state.stage).toBe('cancelled');
    expect(state.interview.answers.notes).toEqual({failure_frequency: 'half a thought'});
    expect(transition(config, state, {type: 'answer', value: 3}).state).toBe(state);
  });
});

describe('the runner: effects through services', () => {
  it('saves the draft after every change; a failed save is shown until one works again', () => {
    let failing = false;
    const t = testSession({bank, initial: at('organisation'), saveDraft: () => {
      if (failing) throw new Error('disk full');
    }});
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'answer', value: 'Acme'});
    expect(t.changes).toHaveLength(1);
    failing = true;
    t.session.dispatch({type: 'answer', value: 'Jo'});
    expect(t.session.state.draftProblem).toEqual({message: 'disk full'});
    failing = false;
    t.session.dispatch({type: 'answer', value: 'founder'});
    expect(t.session.state.draftProblem).toBeUndefined();
    expect(t.changes.map((s) => s.index)).toEqual([1, 2, 3]);
  });

  it('renders the report for the result, writes files whole, asks before replacing one, and tells listeners once a dispatch settles', () => {
    const t = testSession({bank, initial: {...startInterview(bank, complete()), index: steps.length}, date: '2026-11-22'});
    let told = 0;
    t.session.subscribe(() => told++);
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'show-result'});
    expect(t.session.state.report?.markdown).toContain('# Report for Acme');
    const path = join(t.cwd, 'handoff-assessment-acme-2026-11-22.md');
    writeFileSync(path, 'theirs');
    t.session.dispatch({type: 'save', format: 'md'});
    t.session.dispatch({type: 'save-as', name: 'handoff-assessment-acme-2026-11-22.md'});
    expect(t.session.state.save).toMatchObject({stage: 'confirm', path});
    expect(readFileSync(path, 'utf8')).toBe('theirs');
    t.session.dispatch({type: 'overwrite', replace: true});
    expect(readFileSync(path, 'utf8')).toContain('# Report for Acme');
    expect(t.session.state.saved).toEqual([path]);
    expect(told).toBe(5);
  });

  it('the report on the result screen is the report as read, without its machine-readable data block', () => {
    const sealed = (answers: Answers) => `# Report for ${answers.context.organisation}\n\nBody.\n\n<!-- handoff-assess:data v1 eyJ2IjoxfQ -->\n`;
    const t = testSession({bank, initial: {...startInterview(bank, complete()), index: steps.length}, renderReport: sealed});
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'show-result'});
    expect(t.session.state.report?.markdown).toContain('Body.');
    expect(t.session.state.report?.markdown).not.toContain('handoff-assess:data');
  });

  it('a report that cannot be made or written is said, and nothing is written', () => {
    const t = testSession({bank, initial: {...startInterview(bank, complete()), index: steps.length}, renderReport: () => {
      throw new Error('template broke');
    }});
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'show-result'});
    expect(t.session.state.report?.failure).toBe('template broke');
    t.session.dispatch({type: 'save', format: 'html'});
    t.session.dispatch({type: 'save-as', name: 'r.html'});
    // Another name would not help: saving closes and says why.
    expect(t.session.state.save).toBeUndefined();
    expect(t.session.state.notice).toEqual({tone: 'error', kind: 'save-failed', text: 'The html report could not be made: template broke'});
    expect(existsSync(join(t.cwd, 'r.html'))).toBe(false);
  });

  it('a PDF is made asynchronously: the dialog waits (writing), keys cannot save twice, then the bytes are written whole', async () => {
    const {renderPdf} = await import('../../src/report/pdf.js');
    const t = testSession({
      bank,
      initial: {...startInterview(bank, complete()), index: steps.length},
      date: '2026-11-22',
      renderReport: (answers, format) => (format === 'pdf' ? renderPdf({bank, answers, date: '2026-11-22', format}) : `# Report for ${answers.context.organisation}\n`),
    });
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'show-result'});
    t.session.dispatch({type: 'save', format: 'pdf'});
    expect(t.session.state.save?.name).toBe('handoff-assessment-acme-2026-11-22.pdf');
    t.session.dispatch({type: 'save-as', name: 'r.pdf'});
    expect(t.session.state.save).toMatchObject({stage: 'name', writing: true});
    t.session.dispatch({type: 'save-as', name: 'other.pdf'}); // ignored while writing
    await t.session.idle();
    expect(t.session.state.save).toBeUndefined();
    expect(t.session.state.saved).toEqual([join(t.cwd, 'r.pdf')]);
    expect(readFileSync(join(t.cwd, 'r.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(existsSync(join(t.cwd, 'other.pdf'))).toBe(false);
  });

  it('the end of the session reaches its listeners, with the final state', () => {
    const t = testSession({bank, initial: at('organisation')});
    const seen: string[] = [];
    t.session.subscribe(() => seen.push(t.session.state.stage));
    t.session.dispatch({type: 'quit'});
    expect(seen).toEqual(['cancelled']);
  });
});
