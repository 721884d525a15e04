/**
 * A second respondent on the same workflow (issue 14): the session model keeps the workflow's
 * context and blanks the answers; `--respondent-of` starts it from a draft, as a new draft.
 */
import {afterEach, beforeEach, describe, expect, test} from '@jest/globals';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {buildSteps, currentStep} from '../../src/engine/interview.js';
import type {Answers, Bank} from '../../src/engine/types.js';
import {secondRespondent} from '../../src/session/session.js';
import {draftsDir, saveDraft} from '../../src/store/drafts.js';
import {KEY} from '../ui/plain/fake-terminal.js';
import {ROOT, runInProcess} from '../cli/run-cli.js';
import {runPlain} from './interactive-harness.js';
import {testSession} from './helpers.js';

const bank: Bank = loadBankDir().bank!;

/** The first respondent's complete interview: Priya, the consultant, on order to cash. */
const first: Answers = {
  version: 2,
  context: {organisation: 'Harbour & Pine Outfitters', assessor: 'Priya Nair', role: 'consultant', workflow: 'Order to cash', systems: ['Shopify B2B', 'NetSuite']},
  matrix: {failure_frequency: 5, reconciliation_load: 4, exception_visibility: 4, lead_time_impact: 4, operational_confidence: 'unknown'},
  signals: {manage_in_place: [], remediation_sprint: ['recurring_sync_failures']},
  disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
  notes: {failure_frequency: '18 stuck orders in four weeks'},
  certainty: {failure_frequency: 'verified'},
  baselines: {failure_frequency: 18},
  handoffs: [{from: 'Shopify B2B', to: 'NetSuite', record: 'order', owner: '', required_fields: [], when_missing: '', failures: 18}],
};

describe('secondRespondent', () => {
  test('keeps the organisation, workflow and systems, blanks who answered and every answer, and asks who the respondent is first', () => {
    const state = secondRespondent(bank, first);
    expect(state.answers.context).toEqual({organisation: 'Harbour & Pine Outfitters', workflow: 'Order to cash', systems: ['Shopify B2B', 'NetSuite']});
    expect(state.answers.matrix).toEqual({});
    expect(state.answers.signals).toEqual({});
    expect(state.answers.disqualifiers).toEqual({});
    expect(state.answers.notes).toEqual({});
    expect(state.answers.certainty).toEqual({});
    expect(state.answers.baselines).toBeUndefined();
    expect(state.answers.handoffs).toBeUndefined();
    expect(currentStep(bank, state)?.id).toBe('assessor');
  });

  test('the session asks the assessor, then the role, and leaves the first assessment untouched', () => {
    const t = testSession({bank, initial: secondRespondent(bank, first), respondentOf: {from: 'the interview otc-priya'}});
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'answer', value: 'Lena Ford'});
    expect(currentStep(bank, t.session.state.interview)?.id).toBe('role');
    t.session.dispatch({type: 'answer', value: 'buyer'});
    const saved = t.changes.at(-1)!.answers;
    expect(saved.context).toMatchObject({organisation: 'Harbour & Pine Outfitters', workflow: 'Order to cash', assessor: 'Lena Ford', role: 'buyer'});
    expect(saved.matrix).toEqual({});
    expect(first.context.assessor).toBe('Priya Nair');
  });
});

describe('--respondent-of', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ha-respondent-'));
    env = {HANDOFF_ASSESS_STATE_DIR: join(root, 'state'), TERM: 'xterm-256color'};
  });
  afterEach(() => rmSync(root, {recursive: true, force: true}));

  const run = (respondentOf: string | undefined, resume?: true) =>
    runPlain({bank, root, env, start: Date.UTC(2025, 2, 3, 9, 0, 0)}, {respondentOf, resume, renderReport: () => '# Report\n', date: '2025-03-03'});

  test('starts a new draft with the context of a saved interview, asks the assessor first, and leaves that interview as it was', async () => {
    saveDraft({id: 'otc-priya', answers: first, position: 'review', saved: new Date(Date.UTC(2025, 2, 1))}, {env});
    const before = readFileSync(join(draftsDir({env}), 'otc-priya.yaml'), 'utf8');
    const {term, code, stderr} = run('otc-priya');
    const shown = await term.waitFor('? Who is running the assessment?');
    expect(shown).toContain('Another respondent on Harbour & Pine Outfitters, Order to cash: the organisation, workflow and systems come from the interview otc-priya.');
    expect(shown).toContain(`question 2 of ${buildSteps(bank).length}`);
    await term.line('Lena Ford');
    await term.waitFor("? What is the assessor's role?");
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);

    const files = readdirSync(draftsDir({env})).filter((f) => !f.endsWith('.lock')).sort();
    expect(files).toHaveLength(2);
    const mine = files.find((f) => f !== 'otc-priya.yaml')!;
    expect(stderr()).toContain(`Your answers are saved in ${join(draftsDir({env}), mine)}`);
    const text = readFileSync(join(draftsDir({env}), mine), 'utf8');
    expect(text).toContain('organisation: Harbour & Pine Outfitters');
    expect(text).toContain('workflow: Order to cash');
    expect(text).toContain('assessor: Lena Ford');
    expect(text).not.toContain('Priya');
    expect(text).not.toContain('failure_frequency');
    expect(readFileSync(join(draftsDir({env}), 'otc-priya.yaml'), 'utf8')).toBe(before);
  });

  test('the resume pick offers another respondent on the workflow of one of the drafts (plain mode)', async () => {
    const other = (organisation: string, workflow: string): Answers => ({...first, context: {...first.context, organisation, workflow}});
    saveDraft({id: 'otc-priya', answers: first, position: 'review', saved: new Date(Date.UTC(2025, 2, 2))}, {env});
    saveDraft({id: 'lumora-tom', answers: other('Lumora Analytics', 'Customer onboarding'), position: 'review', saved: new Date(Date.UTC(2025, 2, 1))}, {env});
    const {term, code} = run(undefined, true);
    await term.waitFor('Or interview another respondent on the workflow of one of these');
    await term.choose(3);
    await term.waitFor('Another respondent on the workflow of which interview?');
    await term.choose(2);
    const shown = await term.waitFor('? Who is running the assessment?');
    expect(shown.replace(/\s+/g, ' ')).toContain('Another respondent on Lumora Analytics, Customer onboarding: the organisation, workflow and systems come from the interview lumora-tom.');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(readdirSync(draftsDir({env})).filter((f) => !f.endsWith('.lock'))).toHaveLength(3);
  });

  test('takes an answers file too; an unknown one is exit 2, naming it', async () => {
    const file = join(root, 'otc.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'test/fixtures/portfolio/order-to-cash.yaml'), 'utf8'));
    const ok = run(file);
    const shown = await ok.term.waitFor('? Who is running the assessment?');
    expect(shown).toContain(`come from ${file}.`);
    await ok.term.press(KEY.ctrlC);
    expect(await ok.code).toBe(130);

    const missing = run('no-such-interview');
    expect(await missing.code).toBe(2);
    expect(missing.stderr()).toContain('handoff-assess: --respondent-of: No saved interview "no-such-interview"');
  });
});

describe('--respondent-of on the command line', () => {
  test('does not go with --resume or with a report option (exit 2, said why)', async () => {
    const resume = await runInProcess(['--respondent-of', 'otc-priya', '--resume'], {cwd: ROOT, timeoutMs: 60_000});
    expect(resume.code).toBe(2);
    expect(resume.stderr).toBe('handoff-assess: --respondent-of starts a new interview and --resume continues one: give one of them\n');
    const answers = await runInProcess(['--respondent-of', 'otc-priya', '--answers', 'examples/acme.yaml'], {cwd: ROOT, timeoutMs: 60_000});
    expect(answers.code).toBe(2);
    expect(answers.stderr).toContain('--respondent-of is for the interview; --answers asks no questions');
  });
});
