/**
 * End to end: the built binary (bin/handoff-assess.js over dist/) in a real
 * pseudo-terminal (tmux), as a user would run it. Builds first when dist/ is
 * missing or older than src/.
 */
import {describe, expect, test, beforeAll, afterAll, afterEach} from '@jest/globals';
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {sh, tmuxAvailable, TmuxSession} from './tmux.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'handoff-assess.js');
const HAVE_TMUX = tmuxAvailable();
if (!HAVE_TMUX) {
  process.stderr.write('test/e2e/wizard.test.ts: SKIPPED, tmux is not installed (apt-get install -y tmux) and these tests need a real pseudo-terminal.\n');
}
const describeTmux = HAVE_TMUX ? describe : describe.skip;

/** Newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const built = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newest(join(ROOT, 'src'))) {
    execFileSync('npm', ['run', 'build', '--silent'], {cwd: ROOT, stdio: 'inherit'});
  }
}, 120_000);

let work: string;
let cwd: string;
let state: string;
const sessions: TmuxSession[] = [];
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ha-e2e-'));
});
afterEach(() => {
  while (sessions.length) sessions.pop()!.kill();
});
afterAll(() => {
  if (HAVE_TMUX) TmuxSession.killServer();
  rmSync(work, {recursive: true, force: true});
});

let n = 0;
function fresh() {
  cwd = join(work, `cwd${++n}`);
  state = join(work, `state${n}`);
  execFileSync('mkdir', ['-p', cwd, state]);
}

function wizard(args: string[] = [], env: Record<string, string> = {}, size = {width: 80, height: 24}) {
  const session = new TmuxSession({
    command: ['node', sh(BIN), ...args.map(sh)].join(' '),
    cwd,
    env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color', ...env},
    ...size,
  }).start();
  sessions.push(session);
  return session;
}

const draftsIn = () => (existsSync(join(state, 'drafts')) ? readdirSync(join(state, 'drafts')).filter((f) => f.endsWith('.yaml')) : []);

describeTmux('the Ink wizard in a real terminal', () => {
  test('a whole interview to a saved markdown report', async () => {
    fresh();
    const t = wizard();
    const welcome = await t.waitFor('Press enter to start.');
    expect(welcome).toContain('Workflow handoff risk assessment');
    expect(welcome).toContain('17 questions');
    t.key('Enter');

    await t.waitFor('Which organisation is this assessment for?');
    await t.type('Acme Ltd');
    await t.waitFor('Acme Ltd');
    t.key('Enter');
    await t.waitFor('Who is running the assessment?');
    await t.type('Jo Smith');
    t.key('Enter');
    const role = await t.waitFor("What is the assessor's role?");
    expect(role).toMatch(/About the assessment · 3 of 5/);
    // Nothing is highlighted until a key chooses: ↓ lands on the first option, ↓ again on the second.
    t.key('Down');
    t.key('Down');
    t.key('Enter');
    await t.waitFor('Which single workflow matters most');
    await t.type('Quote to cash');
    t.key('Enter');
    await t.waitFor('Which systems does that workflow pass through?');
    await t.type('HubSpot, NetSuite');
    t.key('Enter');

    // The handoff map: one handoff, a field at a time, then on.
    await t.waitFor('Handoff map · 1 of 1');
    t.key('a');
    const fields: [string, string][] = [['1 of 8', 'HubSpot'], ['2 of 8', 'NetSuite'], ['3 of 8', 'deal'], ['4 of 8', ''], ['5 of 8', 'amount, owner'], ['6 of 8', ''], ['7 of 8', '3'], ['8 of 8', 'yes']];
    for (const [at, text] of fields) {
      await t.waitFor(`New handoff · ${at}`);
      if (text) {
        await t.type(text);
        await t.waitFor(`› ${text}`);
      }
      t.key('Enter');
    }
    await t.waitFor('1. HubSpot → NetSuite (deal), no owner');
    t.key('s');

    const axis = await t.waitFor('How often do handoffs between your tools fail');
    expect(axis).toContain('Decision matrix · 1 of 5');
    expect(axis).toContain('Failures are rare, get fixed fast');
    expect(axis).toContain('Failures come back every week');
    // Enter alone on a fresh scale records nothing and says how to choose.
    t.key('Enter');
    await t.waitFor("Nothing chosen yet: press 1-5, or d for don't know");
    expect(t.screen()).toContain('Decision matrix · 1 of 5');
    t.key('4');
    // Each known answer asks for its figure: one given, one refused then given, the others skipped.
    await t.waitFor('How many handoff failures were there in the last four weeks?');
    await t.type('14');
    await t.waitFor('› 14');
    t.key('Enter');
    await t.waitFor('How much manual work goes into making records agree');
    t.key('5');
    await t.waitFor('How many hours a week go into reconciling records');
    t.key('Enter');
    await t.waitFor('When a handoff goes wrong, how soon is it seen');
    // Back (Esc) returns to the previous axis with its answer, and it can be answered again.
    t.key('Escape');
    await t.waitFor('Decision matrix · 2 of 5');
    t.key('5');
    await t.waitFor('How many hours a week go into reconciling records');
    t.key('Enter');
    await t.waitFor('Decision matrix · 3 of 5');
    t.key('4');
    await t.waitFor('How many days pass, typically');
    t.key('Escape');
    await t.waitFor('How much do integration problems slow delivery');
    t.key('4');
    await t.waitFor('now and six months ago?');
    await t.type('six');
    t.key('Enter');
    await t.waitFor('Type two numbers of days, now then before');
    t.key('C-u');
    await t.type('6, 2');
    await t.waitFor('› 6, 2');
    t.key('Enter');
    await t.waitFor('Can your teams trust what the systems say');
    t.key('d');

    await t.waitFor('Signals that favour managing in place');
    t.key('3');
    await t.waitFor('[x] 3');
    t.key('Enter');
    await t.waitFor('Signals that favour a remediation sprint');
    t.key('1');
    await t.waitFor('[x] 1');
    t.key('2');
    await t.waitFor('[x] 2');
    t.key('Enter');

    // Each disqualifier is a plain question: "yes" means it does not apply.
    for (const title of ['No owner for cross-team tradeoffs', 'No budget path', 'Broad redesign expected', 'Exploratory, with no evidence']) {
      await t.waitFor(title);
      t.key('1');
    }

    // "It is clear who owns each system" beside exception visibility 4: the review says so before the result.
    const review = await t.waitFor('See the result');
    expect(review).toContain('Review');
    expect(review).toContain('Answers that disagree');
    expect(review).toContain('Ownership is said to be clear');
    t.key('Home');
    const top = await t.waitFor(/Failure frequency\s+4 of 5 · 14 failures in/);
    expect(top).toMatch(/Handoff map\s+1 handoff/);
    t.key('r');
    const result = await t.waitFor('# Handoff risk assessment: Acme Ltd');
    expect(result).toMatch(/Remediation sprint recommended · (high|medium|low) confidence/);
    t.key('m');
    const dialog = await t.waitFor('Save the report as Markdown');
    const name = /handoff-assessment-acme-ltd-\d{4}-\d{2}-\d{2}\.md/.exec(dialog)![0];
    t.key('Enter');
    await t.waitFor(`Saved ${join(cwd, name)}`);
    t.key('q');
    expect(await t.exitCode()).toBe(0);
    const end = t.screen();
    expect(end).toContain(`Report saved: ${join(cwd, name)}`);
    expect(end).toMatch(/Your answers are kept in .*acme-ltd-\d{8}-\d{6}\.yaml/);

    const report = readFileSync(join(cwd, name), 'utf8');
    expect(report).toContain('# Handoff risk assessment: Acme Ltd');
    expect(report).toContain('## Recommendation: Remediation sprint');
    expect(report).toContain('Quote to cash');
    expect(report).toMatch(/\| Failure frequency \| 4 of 5 \|/);
    expect(report).toMatch(/\| Data reconciliation load \| 5 of 5 \|/);
    expect(report).toMatch(/\| Operational confidence \| don't know \|/);
    // The draft is kept (until `drafts --delete`) and holds the same answers.
    const [draft] = draftsIn();
    const text = readFileSync(join(state, 'drafts', draft!), 'utf8');
    expect(text).toContain('role: founder');
    expect(text).toContain('position: review');
    expect(text).toMatch(/handoffs:\n  - from: HubSpot\n    to: NetSuite\n    record: deal\n    owner: ""\n    required_fields:\n      - amount\n      - owner\n    when_missing: ""\n    failures: 3\n    critical_path: true\n/);
    expect(text).toMatch(/baselines:\n  failure_frequency: 14\n  lead_time_impact:\n    now: 6\n    before: 2\n/);
  }, 120_000);

  test('Ctrl-C mid-interview: exit 130, draft saved 0600, and --resume returns to the same question', async () => {
    fresh();
    const t = wizard();
    await t.waitFor('Press enter to start.');
    t.key('Enter');
    await t.waitFor('Which organisation is this assessment for?');
    await t.type('Beta Inc');
    t.key('Enter');
    await t.waitFor('Who is running the assessment?');
    await t.type('Sam');
    t.key('Enter');
    await t.waitFor("What is the assessor's role?");
    t.key('1');
    await t.waitFor('Which single workflow matters most');
    await t.type('Order to delivery');
    t.key('Enter');
    await t.waitFor('Which systems does that workflow pass through?');
    await t.type('Shopify');
    t.key('Enter');
    await t.waitFor('Handoff map · 1 of 1');
    t.key('s');
    await t.waitFor('Decision matrix · 1 of 5');
    t.key('2');
    await t.waitFor('How many handoff failures');
    t.key('Enter');
    await t.waitFor('Decision matrix · 2 of 5');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);

    const [draft] = draftsIn();
    expect(draft).toMatch(/^beta-inc-\d{8}-\d{6}\.yaml$/);
    const id = draft!.replace(/\.yaml$/, '');
    const path = join(state, 'drafts', draft!);
    const screen = t.screen();
    expect(screen).toContain(`Interview paused. Your answers are saved in ${path}. Resume with: handoff-assess --resume ${id}`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('organisation: Beta Inc');
    expect(text).toContain('failure_frequency: 2');
    expect(text).toContain('position: reconciliation_load');

    const again = wizard(['--resume']);
    const welcome = await again.waitFor('Data reconciliation load');
    expect(welcome.replace(/\s+/g, ' ')).toMatch(/Welcome back: Beta Inc, Order to delivery, answered by Sam, saved just now \(7 of 17 answered\)/);
    again.key('Enter');
    const question = await again.waitFor('How much manual work goes into making records agree');
    expect(question).toContain('Decision matrix · 2 of 5');
    again.key('C-c');
    expect(await again.exitCode()).toBe(130);
    expect(draftsIn()).toEqual([draft]);

    // By id, the same.
    const byId = wizard(['--resume', id]);
    await byId.waitFor('Data reconciliation load');
    byId.key('C-c');
    expect(await byId.exitCode()).toBe(130);
  }, 120_000);

  test('the plain mode in a terminal: TERM=dumb picks it, Ctrl-C pauses with exit 130', async () => {
    fresh();
    const t = wizard([], {TERM: 'dumb'});
    await t.waitFor('? Which organisation is this assessment for?');
    await t.type('Gamma');
    t.key('Enter');
    await t.waitFor('? Who is running the assessment?');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.screen()).toMatch(/Interview paused\. Your answers are saved in .*gamma-\d{8}-\d{6}\.yaml/);
  }, 60_000);
});

describe('without a terminal', () => {
  test('stdin not a terminal: exit 2 with how to run it, no raw-mode crash', () => {
    fresh();
    const r = spawnSync('node', [BIN], {cwd, input: '', encoding: 'utf8', env: {...process.env, HANDOFF_ASSESS_STATE_DIR: state}});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--answers');
    expect(r.stderr).not.toMatch(/Raw mode is not supported/);
    expect(draftsIn()).toEqual([]);
  });
});
