import {describe, expect, test, beforeEach, afterEach} from '@jest/globals';
import {mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBankDir} from '../../src/bank/load-bank.js';
import type {Answers, Bank} from '../../src/engine/types.js';
import {draftsDir, saveDraft} from '../../src/store/drafts.js';
import type {InteractiveOptions} from '../../src/session/run-interactive.js';
import {runPlain, runWizard} from './interactive-harness.js';
import {settle, waitFor} from '../ui/ink/helpers.js';
import {KEY} from '../ui/plain/fake-terminal.js';

const bank: Bank = loadBankDir().bank!;

let root: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ha-interactive-'));
  env = {HANDOFF_ASSESS_STATE_DIR: join(root, 'state'), TERM: 'xterm-256color'};
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

/** runInteractive in plain mode on a fake terminal (a TTY unless told otherwise). */
const run = (extra: Partial<InteractiveOptions> = {}, tty = true) => runPlain({bank, root, env}, extra, tty);

/** The draft files (a running interview's `.lock` beside its draft is not one). */
const drafts = () => {
  try {
    return readdirSync(draftsDir({env}))
      .filter((name) => !name.endsWith('.lock'))
      .sort();
  } catch {
    return [];
  }
};

describe('runInteractive: refusing and resuming', () => {
  test('without a terminal: exit 2, says how to run it, starts nothing', async () => {
    const {code, stderr, term} = run({}, false);
    expect(await code).toBe(2);
    expect(stderr()).toContain('the interview needs a terminal, and stdin is not one');
    expect(stderr()).toContain('handoff-assess --answers answers.yaml');
    expect(term.text).toBe('');
    expect(drafts()).toEqual([]);
  });

  test('--resume with no saved interview: exit 2 with a clear message', async () => {
    const {code, stderr} = run({resume: true});
    expect(await code).toBe(2);
    expect(stderr()).toContain('there is no saved interview to resume');
  });

  test('--resume with an unknown id: exit 2 naming it', async () => {
    const {code, stderr} = run({resume: 'acme-20250101-000000'});
    expect(await code).toBe(2);
    expect(stderr()).toContain('No saved interview "acme-20250101-000000"');
  });

  test('--resume of an invalid draft: exit 2 naming the file, line and field', async () => {
    mkdirSync(draftsDir({env}), {recursive: true});
    const path = join(draftsDir({env}), 'bad.yaml');
    writeFileSync(path, 'version: 1\nmatrix:\n  failure_frequency: 7\n');
    const {code, stderr} = run({resume: 'bad'});
    expect(await code).toBe(2);
    expect(stderr()).toContain(`${path}:3 matrix.failure_frequency`);
  });
});

describe('runInteractive: drafts while answering', () => {
  test('Ctrl-C: exit 130, the draft (0600) holds every answer, and --resume returns to the same question', async () => {
    const first = run();
    await first.term.waitFor('? Which organisation is this assessment for?');
    await first.term.line('Acme Ltd');
    await first.term.waitFor('? Who is running the assessment?');
    await first.term.line('Jo');
    await first.term.waitFor("? What is the assessor's role?");
    await first.term.press(KEY.ctrlC);
    expect(await first.code).toBe(130);

    const id = 'acme-ltd-' + stamp(Date.UTC(2025, 0, 31, 14, 5, 10));
    const path = join(draftsDir({env}), `${id}.yaml`);
    expect(drafts()).toEqual([`${id}.yaml`]);
    expect(first.stderr()).toBe(`Interview paused. Your answers are saved in ${path}. Resume with: handoff-assess --resume ${id}\n`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('organisation: Acme Ltd');
    expect(text).toContain('assessor: Jo');
    expect(text).toContain('position: role');

    const second = run({resume: true});
    const shown = await second.term.waitFor("? What is the assessor's role?");
    expect(shown).toContain('Welcome back: Acme Ltd, answered by Jo, saved just now (2 of 17 answered). Continuing at “Role”.');
    expect(shown).toContain('question 3 of 17');
    await second.term.choose(1);
    await second.term.waitFor('? Which single workflow');
    await second.term.press(KEY.ctrlC);
    expect(await second.code).toBe(130);
    // Still one draft: the resumed one, now with the role and the new position.
    expect(drafts()).toEqual([`${id}.yaml`]);
    expect(readFileSync(path, 'utf8')).toContain('role: consultant');
    expect(readFileSync(path, 'utf8')).toContain('position: workflow');

    // By id too.
    const third = run({resume: id});
    await third.term.waitFor('question 4 of 17');
    await third.term.press(KEY.ctrlC);
    expect(await third.code).toBe(130);
  });

  test('Ctrl-C before any answer leaves no empty draft behind', async () => {
    const {term, code, stderr} = run();
    await term.waitFor('? Which organisation');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(drafts()).toEqual([]);
    expect(stderr()).toBe('Interview stopped before the first answer: there was nothing to save.\n');
  });

  test('a note before any answer is worth a draft', async () => {
    const {term, code, stderr} = run();
    await term.waitFor('? Which organisation');
    await term.line(':note Call back on Tuesday');
    await term.waitFor('Note saved.');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(drafts()).toHaveLength(1);
    expect(drafts()[0]).toMatch(/^draft-\d{8}-\d{6}\.yaml$/);
    expect(readFileSync(join(draftsDir({env}), drafts()[0]!), 'utf8')).toContain('notes:\n  organisation: Call back on Tuesday');
    expect(stderr()).toMatch(/Resume with: handoff-assess --resume draft-\d{8}-\d{6}\n$/);
  });

  test('SIGTERM during the plain mode pauses like Ctrl-C, with the exit code of SIGTERM (143)', async () => {
    const listeners = process.listenerCount('SIGTERM');
    const {term, code, stderr} = run();
    await term.waitFor('? Which organisation');
    await term.line('Beta');
    await term.waitFor('? Who is running');
    process.emit('SIGTERM', 'SIGTERM');
    expect(await code).toBe(143);
    expect(stderr()).toContain('Interview paused.');
    expect(readFileSync(join(draftsDir({env}), drafts()[0]!), 'utf8')).toContain('organisation: Beta');
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });

  test('TERM=dumb chooses the plain mode even without --plain', async () => {
    env.TERM = 'dumb';
    const {term, code} = run({plain: false});
    await term.waitFor('? Which organisation');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
  });

  test('finished: exit 0, report paths and the kept draft printed, the draft stays', async () => {
    const id = 'acme-20250130-090000';
    saveDraft({id, answers: full(), position: 'review', saved: new Date(Date.UTC(2025, 0, 30, 9))}, {env});
    const {term, code} = run({resume: id});
    await term.waitFor('Continuing at the review.');
    await term.waitFor('? Is everything right?');
    await term.press(KEY.enter);
    await term.waitFor('? Save the report?');
    await term.choose(1);
    await term.waitFor('? Save as: (handoff-assessment-acme-2025-01-31.md)');
    await term.line('');
    await term.waitFor('? Save the report?');
    await term.choose(5);
    expect(await code).toBe(0);
    const path = join(draftsDir({env}), `${id}.yaml`);
    expect(term.text).toContain(`Report saved: ${join(root, 'handoff-assessment-acme-2025-01-31.md')}`);
    expect(term.text).toContain(`Your answers are kept in ${path}`);
    expect(term.text).toContain(`handoff-assess drafts --delete ${id}`);
    expect(readFileSync(join(root, 'handoff-assessment-acme-2025-01-31.md'), 'utf8')).toBe('# Report for Acme\n');
    expect(drafts()).toEqual([`${id}.yaml`]);
  });

  test('resuming an answers file from elsewhere saves into a new draft, leaving the file alone', async () => {
    const file = join(root, 'acme.yaml');
    writeFileSync(file, 'version: 1\ncontext:\n  organisation: Acme\n');
    const {term, code, stderr} = run({resume: 'acme.yaml'});
    await term.waitFor('? Who is running');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(readFileSync(file, 'utf8')).toBe('version: 1\ncontext:\n  organisation: Acme\n');
    expect(drafts()).toHaveLength(1);
    expect(drafts()[0]).toMatch(/^acme-/);
    expect(stderr()).toContain(`Continuing from ${file}`);
  });
});

/**
 * Make the drafts folder unwritable mid-interview, and writable again. Tests may run as root,
 * whom a read-only mode does not stop, so the folder is moved away and a plain file takes its name.
 */
function breakDrafts(): () => void {
  const dir = draftsDir({env});
  renameSync(dir, `${dir}.away`);
  writeFileSync(dir, 'not a folder');
  return () => {
    rmSync(dir);
    renameSync(`${dir}.away`, dir);
  };
}

describe('runInteractive: --resume with several saved interviews offers the newest to pick from', () => {
  const clock = Date.UTC(2025, 0, 31, 14, 5, 9); // the first now() of run(): 14:05:10
  /** Three drafts: Gamma saved 5 minutes before, Acme 2 hours before, Beta a day before. */
  const threeDrafts = () => {
    const save = (organisation: string, workflow: string, ago: number) =>
      saveDraft(
        {id: `${organisation.toLowerCase()}-20250130-120000`, answers: {...full(), context: {...full().context, organisation, workflow}}, position: 'review', saved: new Date(clock - ago)},
        {env},
      );
    save('Acme', 'Quote to cash', 2 * 3600_000);
    save('Beta', 'Order to invoice', 25 * 3600_000);
    save('Gamma', 'Hire to onboard', 5 * 60_000);
  };

  test('plain mode: newest first, each with organisation, workflow, when saved and how far; the one picked is resumed', async () => {
    threeDrafts();
    const {term, code, stderr} = run({resume: true});
    const list = await term.waitFor('Which saved interview do you want to continue? The 3 saved last:');
    await term.waitFor('Beta');
    const text = term.text;
    const gamma = text.indexOf('Gamma, Hire to onboard, answered by Jo, saved 5 minutes ago (');
    const acme = text.indexOf('Acme, Quote to cash, answered by Jo, saved 2 hours ago (');
    const beta = text.indexOf('Beta, Order to invoice, answered by Jo, saved yesterday (');
    expect([gamma, acme, beta].every((i) => i >= 0)).toBe(true);
    expect(gamma < acme && acme < beta).toBe(true);
    expect(list).not.toContain('Welcome back');
    await term.choose(2);
    await term.waitFor('Continuing at');
    expect(term.text.replace(/\s+/g, ' ')).toMatch(/Welcome back: Acme, Quote to cash, answered by Jo, saved 2 hours ago \(16 of 17 answered\)\. Continuing at /);
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(stderr()).toContain('Resume with: handoff-assess --resume acme-20250130-120000');
  });

  test('plain mode: ctrl+c at the pick resumes nothing and changes no draft (exit 130)', async () => {
    threeDrafts();
    const before = drafts().map((name) => readFileSync(join(draftsDir({env}), name), 'utf8'));
    const {term, code, stderr} = run({resume: true});
    await term.waitFor('Which saved interview');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(stderr()).toBe('No saved interview picked: nothing was resumed. List them with: handoff-assess drafts\n');
    expect(drafts().map((name) => readFileSync(join(draftsDir({env}), name), 'utf8'))).toEqual(before);
  });

  test('SIGTERM at the pick resumes nothing, with the exit code of SIGTERM (143), and leaves no signal handler', async () => {
    threeDrafts();
    const listeners = process.listenerCount('SIGTERM');
    const {term, code, stderr} = run({resume: true});
    await term.waitFor('Which saved interview');
    process.emit('SIGTERM', 'SIGTERM');
    expect(await code).toBe(143);
    expect(stderr()).toContain('No saved interview picked');
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });

  test('one saved interview is resumed at once, without a pick', async () => {
    saveDraft({id: 'acme-20250130-120000', answers: full(), position: 'review', saved: new Date(clock - 3 * 86400_000)}, {env});
    const {term, code} = run({resume: true});
    const shown = await term.waitFor('Welcome back: Acme, Quote to cash, answered by Jo, saved 3 days ago');
    expect(shown).not.toContain('Which saved interview');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
  });

  test('wizard: the same pick, by number; the welcome names the draft picked', async () => {
    threeDrafts();
    const {stdin, stdout, code, screen} = runWizard({bank, root, env, start: clock}, {resume: true, renderReport: () => '# Report\n', date: '2025-01-31'});
    const pick = await screen('Which saved interview do you want to continue?');
    const order = ['Gamma, Hire to onboard, answered by Jo, saved 5 minutes ago', 'Acme, Quote to cash, answered by Jo, saved 2 hours ago', 'Beta, Order to invoice, answered by Jo, saved yesterday'].map((t) => pick.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await waitFor(() => stdin.listenerCount('readable') > 0, () => stdout.screen());
    stdin.send('3');
    const welcome = await screen('Press enter to continue');
    expect(welcome.replace(/\s+/g, ' ')).toMatch(/Welcome back: Beta, Order to invoice, answered by Jo, saved yesterday \(\d+ of 17 answered\)/);
    await waitFor(() => stdin.listenerCount('readable') > 0, () => stdout.screen());
    stdin.send(KEY.ctrlC);
    expect(await code).toBe(130);
  });
});

describe('runInteractive: hints name a command that works where the user is', () => {
  test('under npm start, the resume hint is npm start -- --resume ID', async () => {
    env = {...env, npm_lifecycle_event: 'start'};
    const {term, code, stderr} = run();
    await term.waitFor('? Which organisation');
    await term.line('Acme Ltd');
    await term.waitFor('? Who is running');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(stderr()).toMatch(/Resume with: npm start -- --resume acme-ltd-\d{8}-\d{6}\n$/);
  });

  test('without a terminal under npm start: the commands to run are npm start ones', async () => {
    env = {...env, npm_lifecycle_event: 'start'};
    const {code, stderr} = run({}, false);
    expect(await code).toBe(2);
    expect(stderr()).toContain('Run it in a terminal:     npm start\n');
    expect(stderr()).toContain('or from an answers file:  npm start -- --answers answers.yaml');
  });
});

describe('runInteractive: a draft that cannot be saved', () => {
  test('plain mode: said at once, tried again on every change, and said again once a save works', async () => {
    const {term, code, stderr} = run();
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line('Acme Ltd');
    await term.waitFor('? Who is running the assessment?');
    expect(drafts()).toHaveLength(1);
    const path = join(draftsDir({env}), drafts()[0]!);

    const repair = breakDrafts();
    await term.line('Jo');
    const shown = await term.waitFor("? What is the assessor's role?");
    expect(shown).toContain(`The draft could not be saved: the drafts folder ${draftsDir({env})} is a regular file, not a folder`);
    // Still failing: said again on the next change.
    await term.choose(1);
    await term.waitFor('The draft could not be saved');
    await term.waitFor('? Which single workflow');

    repair();
    await term.line('Quote to cash');
    await term.waitFor('The draft is saved again.');
    await term.waitFor('? Which systems');
    expect(readFileSync(path, 'utf8')).toContain('assessor: Jo');
    expect(readFileSync(path, 'utf8')).toContain('workflow: Quote to cash');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(stderr()).toContain('Interview paused. Your answers are saved in');
  });

  test('plain mode: Ctrl-C while the folder is still unwritable says the answers were not saved (exit 1)', async () => {
    const {term, code, stderr} = run();
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line('Acme Ltd');
    await term.waitFor('? Who is running the assessment?');
    const repair = breakDrafts();
    await term.line('Jo');
    await term.waitFor('The draft could not be saved');
    await term.waitFor("? What is the assessor's role?");
    await term.press(KEY.ctrlC);
    expect(await code).toBe(1);
    expect(stderr()).toContain('Interview paused, but the draft could not be saved');
    repair();
  });

  test('wizard: the failure is on the screen at once, and gone after the next save that works', async () => {
    const {stdin, stdout, code, screen} = runWizard({bank, root, env}, {now: () => new Date(Date.UTC(2025, 0, 31, 14, 5, 9)), renderReport: () => '# Report\n', date: '2025-01-31'});
    await waitFor(() => stdin.listenerCount('readable') > 0, () => stdout.screen());
    const press = async (...keys: string[]) => {
      for (const k of keys) {
        stdin.send(k);
        await settle();
      }
    };
    await screen('Press enter to start');
    await press(KEY.enter, ...'Acme', KEY.enter);
    await screen('Who is running the assessment?');
    expect(drafts()).toHaveLength(1);

    const repair = breakDrafts();
    await press(...'Jo', KEY.enter);
    const failed = await screen('The draft could not be saved');
    expect(failed.replace(/\s+/g, ' ')).toContain(`the drafts folder ${draftsDir({env})} is a regular file, not a folder`);

    repair();
    await press('2');
    await screen('Which single workflow');
    await waitFor(() => !stdout.screen().includes('could not be saved'), () => stdout.screen());
    expect(readFileSync(join(draftsDir({env}), drafts()[0]!), 'utf8')).toContain('role: founder');
    await press(KEY.ctrlC);
    expect(await code).toBe(130);
  });
});

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function full(): Answers {
  return {
    version: 1,
    context: {organisation: 'Acme', role: 'consultant', workflow: 'Quote to cash', systems: ['HubSpot'], assessor: 'Jo'},
    matrix: {failure_frequency: 2, reconciliation_load: 3, exception_visibility: 3, lead_time_impact: 3, operational_confidence: 3},
    signals: {manage_in_place: [], remediation_sprint: []},
    disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
    notes: {},
    certainty: {},
  };
}
