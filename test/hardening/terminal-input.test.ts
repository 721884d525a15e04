/**
 * Issue 12, items 2, 4 and part of 9: what reaches the wizard from the
 * terminal, and what reaches the terminal from a custom bank, with the
 * built binary in a real pseudo-terminal (tmux).
 *
 * - Keys Ink cannot name (Ctrl+F1 = ESC [1;5P) and a pasted escape sequence
 *   are ignored: the interview goes on and nothing of them is typed.
 * - A custom bank whose prompt, why and title hold OSC 0 (title), OSC 52
 *   (clipboard) and SGR sequences: none of them reaches the terminal, in the
 *   wizard or in --plain. The program runs under `script`, which records
 *   every byte written to the terminal.
 * - SIGINT, SIGTERM and SIGHUP end the wizard as ctrl+c does: the "Interview paused"
 *   line, the draft saved, exit 130, 143 and 129, the terminal restored; a note
 *   or baseline figure being typed when SIGTERM or SIGHUP comes is kept, as
 *   ctrl+c keeps it (the wizard and --plain). Any
 *   other error (one thrown from a callback, injected by a preload on
 *   SIGUSR2): the terminal restored, the draft path and resume command, exit 1.
 * - A 20x5 terminal says how big the window must be; made bigger, the wizard draws.
 * - Other text printed to a terminal: a custom template's report on stdout,
 *   `--compare -f json` (C1 and bidi controls as \u escapes) and the
 *   `drafts` listing of a file named with a bidi override.
 */
import {beforeAll, describe, expect, test} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse as parseYaml} from 'yaml';
import {sh, TmuxSession, tmuxWorkspace} from '../e2e/tmux.js';
import {answersToYaml} from '../../src/answers/serialize-answers.js';
import {emptyAnswers} from '../../src/engine/types.js';
import {BIN, ROOT, runCli} from './harness.js';

const {haveTmux: HAVE_TMUX, describeTmux, work} = tmuxWorkspace('test/hardening/terminal-input.test.ts', 'ha-terminal-');
const HAVE_SCRIPT = spawnSync('script', ['--version']).status === 0;

const ESC = '\u001b';
const ORGANISATION = 'Which organisation is this assessment for?';
const ASSESSOR = 'Who is running the assessment?';

/** A fresh folder with a state folder for drafts. */
function folder(name: string): {dir: string; state: string} {
  const dir = join(work(), name);
  const state = join(dir, 'state');
  mkdirSync(state, {recursive: true});
  return {dir, state};
}

function wizard(dir: string, state: string, args: string[] = [], size: {width?: number; height?: number} = {}, node: string[] = []): TmuxSession {
  return new TmuxSession({command: ['node', ...node.map(sh), sh(BIN), ...args.map(sh)].join(' '), cwd: dir, env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color', NO_COLOR: '1'}, width: 80, height: 24, ...size}).start();
}

/** The one draft in the state folder, parsed. */
function draft(state: string): Record<string, any> {
  const files = readdirSync(join(state, 'drafts')).filter((f) => f.endsWith('.yaml'));
  expect(files).toHaveLength(1);
  return parseYaml(readFileSync(join(state, 'drafts', files[0]!), 'utf8'));
}

/** From the welcome to the organisation question. */
async function toOrganisation(t: TmuxSession): Promise<void> {
  await t.waitFor('Press enter to start');
  t.key('Enter');
  await t.waitFor(ORGANISATION);
}

/** From the welcome to the assessor question, with "Acme" answered (and saved in the draft). */
async function toAssessor(t: TmuxSession): Promise<void> {
  await toOrganisation(t);
  await t.type('Acme');
  t.key('Enter');
  await t.waitFor(ASSESSOR);
}

/**
 * The wizard on the organisation question; `keys` are sent there, then Enter must reach the
 * next question, and ctrl+c ends it (exit 130). Returns the organisation the draft holds.
 */
async function organisationAfter(name: string, keys: (t: TmuxSession) => Promise<void>): Promise<string> {
  const {dir, state} = folder(name);
  const t = wizard(dir, state);
  try {
    await toOrganisation(t);
    await keys(t);
    t.key('Enter');
    await t.waitFor(ASSESSOR);
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
  } finally {
    t.kill();
  }
  return draft(state).context.organisation;
}

describeTmux('keys the wizard does not know', () => {
  test('Ctrl+F1..F4 (ESC [1;5P..S) and other unknown keys on a text question are ignored: the interview goes on', async () => {
    const organisation = await organisationAfter('ctrl-f1', async (t) => {
      for (const key of ['P', 'Q', 'R', 'S']) t.send(`${ESC}[1;5${key}`);
      t.send(`${ESC}[15;5~`); // Ctrl+F5
      t.send(`${ESC}[1;5X`); // no key at all
      await t.type('Acme');
      await t.waitFor('Acme');
      expect(t.screen()).not.toMatch(/\[1;5|;5~|\[15/);
    });
    expect(organisation).toBe('Acme');
  }, 60_000);

  test('a pasted escape sequence (a colour, a title, an unknown CSI) types nothing of itself; the text around it is kept', async () => {
    const organisation = await organisationAfter('paste', async (t) => {
      t.send(`${ESC}[31mAcme${ESC}[0m`);
      await t.waitFor('Acme');
      t.send(`${ESC}]0;PWNED\u0007 Ltd${ESC}[?25h`);
      await t.waitFor('Acme Ltd');
      expect(t.screen()).not.toMatch(/\[31m|\[0m|PWNED|\[\?25h|0;/);
    });
    expect(organisation).toBe('Acme Ltd');
  }, 60_000);
});

/** The bundled bank with escape sequences in its title, the organisation prompt and its why. */
function hostileBank(): string {
  const bank = join(work(), 'hostile-bank');
  cpSync(join(ROOT, 'questions'), bank, {recursive: true});
  const edit = (file: string, from: string, to: string) => {
    const text = readFileSync(join(bank, file), 'utf8');
    if (!text.includes(from)) throw new Error(`${from} is not in questions/${file}`);
    writeFileSync(join(bank, file), text.replace(from, to));
  };
  const attack = String.raw`\e]0;TITLE\a\e]52;c;SGVsbG8=\a\e[41m`;
  edit('bank.yaml', 'title: Workflow handoff risk assessment', `title: "Workflow ${attack}handoff risk assessment"`);
  edit('context.yaml', `prompt: ${ORGANISATION}`, `prompt: "Which organisation ${attack}is this assessment for?\\e[0m"`);
  edit('context.yaml', 'why: The report is titled and filed under this name.', `why: "The report is titled ${attack}and filed under this name.\\u202e"`);
  return bank;
}

/** What the program wrote to the terminal must hold none of the bank's sequences. */
function noBankSequences(raw: string): void {
  expect(raw.length).toBeGreaterThan(0);
  expect(raw).not.toContain(`${ESC}]`); // no OSC at all: not the title (0), not the clipboard (52)
  expect(raw).not.toContain('SGVsbG8');
  expect(raw).not.toContain(`${ESC}[41m`);
  expect(raw).not.toContain('\u202e');
}

const describeScript = HAVE_TMUX && HAVE_SCRIPT ? describe : describe.skip;

/** The binary in tmux under `script`, which records every byte the program writes to the terminal. */
function underScript(name: string, args: string[]) {
  const {dir, state} = folder(name);
  const log = join(dir, 'terminal.log');
  const command = ['node', sh(BIN), ...args.map(sh)].join(' ');
  const t = new TmuxSession({command: `script -qfec ${sh(command)} ${sh(log)}`, cwd: dir, env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color', NO_COLOR: '1'}, width: 100, height: 30}).start();
  return {t, raw: () => readFileSync(log, 'latin1')};
}

describeScript('a custom bank full of escape sequences', () => {
  let bank: string;
  beforeAll(() => {
    bank = hostileBank();
  });

  const recorded = (name: string, args: string[]) => underScript(name, ['--questions', bank, ...args]);

  test('the wizard: welcome, the question and its why show the words; no OSC or colour of the bank reaches the terminal, its title is unchanged', async () => {
    const {t, raw} = recorded('bank-wizard', []);
    try {
      const title = t.info('#{pane_title}');
      await t.waitFor('Workflow handoff risk assessment');
      t.key('Enter');
      await t.waitFor(ORGANISATION);
      t.key('Tab'); // why, on a text question
      await t.waitFor('The report is titled and filed under this name.');
      t.key('C-c');
      expect(await t.exitCode()).toBe(130);
      expect(t.info('#{pane_title}')).toBe(title);
      noBankSequences(raw());
    } finally {
      t.kill();
    }
  }, 60_000);

  test('--plain: the same bank, the same promise', async () => {
    const {t, raw} = recorded('bank-plain', ['--plain']);
    try {
      const title = t.info('#{pane_title}');
      await t.waitFor(ORGANISATION);
      await t.type('Acme');
      t.key('Enter');
      await t.waitFor(ASSESSOR);
      t.key('C-c');
      expect(await t.exitCode()).toBe(130);
      expect(t.info('#{pane_title}')).toBe(title);
      expect(raw()).toContain('Workflow handoff risk assessment');
      noBankSequences(raw());
    } finally {
      t.kill();
    }
  }, 60_000);
});

/** The program's pid: the pane runs sh, whose child it is. */
function programPid(t: TmuxSession): number {
  const pid = spawnSync('pgrep', ['-P', t.info('#{pane_pid}')], {encoding: 'utf8'}).stdout.trim().split('\n')[0]!;
  expect(pid).toMatch(/^\d+$/);
  return Number(pid);
}

const RESTORED = {icanon: true, echo: true, cursorVisible: true, alternateScreen: false};

describeTmux('signals and faults', () => {
  test.each([
    ['SIGTERM', 'the wizard', 143],
    ['SIGHUP', 'the wizard', 129],
    // A ctrl+c typed before Ink puts the terminal in raw mode arrives as SIGINT.
    ['SIGINT', 'the wizard', 130],
    ['SIGTERM', '--plain', 143],
  ] as const)('%s ends %s as ctrl+c does: the paused line, the draft at that question, exit %i, the terminal restored', async (signal, mode, code) => {
    const {dir, state} = folder(`${signal}${mode}`);
    const t = wizard(dir, state, mode === '--plain' ? ['--plain'] : []);
    try {
      if (mode === '--plain') {
        await t.waitFor(ORGANISATION);
        await t.type('Acme');
        t.key('Enter');
        await t.waitFor(ASSESSOR);
      } else await toAssessor(t);
      await killAndExpectPaused(t, signal, code);
    } finally {
      t.kill();
    }
    const saved = draft(state);
    expect(saved.context.organisation).toBe('Acme');
    expect(saved.draft.position).toBe('assessor');
  }, 60_000);

  /** Send `signal` to the program: it ends as ctrl+c does, with `code`, the paused line and the terminal restored. */
  async function killAndExpectPaused(t: ReturnType<typeof wizard>, signal: NodeJS.Signals, code: number): Promise<void> {
    process.kill(programPid(t), signal);
    expect(await t.exitCode()).toBe(code);
    expect(t.screen()).toMatch(/Interview paused\. Your answers are saved in .*Resume with: handoff-assess --resume /s);
    expect(t.terminalState()).toEqual(RESTORED);
  }

  /** An answers file with every question before `position` answered, to resume from (it continues as a new draft). */
  function answeredUpTo(dir: string, position: 'failure_frequency' | 'exception_visibility'): string {
    const a = emptyAnswers();
    Object.assign(a.context, {organisation: 'Acme', assessor: 'Jo Smith', role: 'consultant', workflow: 'Quote to cash', systems: ['HubSpot', 'NetSuite']});
    if (position === 'exception_visibility') Object.assign(a.matrix, {failure_frequency: 4, reconciliation_load: 4});
    const file = join(dir, `${position}.yaml`);
    writeFileSync(file, answersToYaml(a, {position, saved: '2026-03-01T12:00:00.000Z'}));
    return file;
  }

  test.each([
    ['SIGTERM', 'the wizard', 143],
    ['SIGHUP', 'the wizard', 129],
    ['SIGTERM', '--plain', 143],
  ] as const)('%s while a note is being typed (%s) keeps the note, as ctrl+c does: the draft holds it, exit %i, the paused line', async (signal, mode, code) => {
    const {dir, state} = folder(`note-${signal}${mode}`);
    const t = wizard(dir, state, ['--resume', answeredUpTo(dir, 'exception_visibility'), ...(mode === '--plain' ? ['--plain'] : [])]);
    try {
      if (mode === '--plain') {
        await t.waitFor('Exception visibility: 1 to 5?');
        await t.type(':note');
        t.key('Enter');
        await t.waitFor('Note on "Exception visibility":');
      } else {
        await t.waitFor('Welcome back');
        t.key('Enter');
        await t.waitFor('Decision matrix · 3 of 5');
        t.key('n');
        await t.waitFor('Note on “Exception visibility”');
      }
      await t.type('half typed');
      await t.waitFor('half typed');
      await killAndExpectPaused(t, signal, code);
    } finally {
      t.kill();
    }
    const saved = draft(state);
    expect(saved.notes.exception_visibility).toBe('half typed');
    expect(saved.draft.position).toBe('exception_visibility');
  }, 60_000);

  test.each([['the wizard'], ['--plain']] as const)('SIGTERM while a baseline figure is being typed (%s) keeps the figure, as ctrl+c does', async (mode) => {
    const {dir, state} = folder(`figure-${mode}`);
    const t = wizard(dir, state, ['--resume', answeredUpTo(dir, 'failure_frequency'), ...(mode === '--plain' ? ['--plain'] : [])]);
    try {
      if (mode === '--plain') {
        await t.waitFor('Failure frequency');
        t.key('2');
        t.key('Enter');
      } else {
        await t.waitFor('Welcome back');
        t.key('Enter');
        await t.waitFor('Decision matrix · 1 of 5');
        t.key('2');
      }
      await t.waitFor('How many handoff failures were there in the last four weeks?');
      await t.type('17');
      await t.waitFor(/\b17\b/);
      process.kill(programPid(t), 'SIGTERM');
      expect(await t.exitCode()).toBe(143);
      expect(t.screen()).toMatch(/Interview paused\. Your answers are saved in /);
    } finally {
      t.kill();
    }
    const saved = draft(state);
    expect(saved.matrix.failure_frequency).toBe(2);
    expect(saved.baselines).toEqual({failure_frequency: 17});
  }, 60_000);

  test('an error thrown from a callback while the wizard runs: terminal restored, the error named, the draft path and resume command, exit 1', async () => {
    const {dir, state} = folder('fault');
    const t = wizard(dir, state, [], {}, ['--import', join(ROOT, 'test', 'hardening', 'fixtures', 'fault-on-usr2.mjs')]);
    try {
      await toAssessor(t);
      process.kill(programPid(t), 'SIGUSR2');
      expect(await t.exitCode()).toBe(1);
      const screen = t.screen();
      expect(screen).toContain('the interview stopped on an error: an injected fault');
      expect(screen).toMatch(/Your answers are saved in .*Resume with: handoff-assess --resume /s);
      expect(screen).not.toMatch(/^\s+at /m);
      expect(t.terminalState()).toEqual(RESTORED);
    } finally {
      t.kill();
    }
    expect(draft(state).context.organisation).toBe('Acme');
  }, 60_000);
});

describeTmux('a terminal too small for the wizard', () => {
  test('at 20x5 it says how big the window must be and no key but ctrl+c acts; made bigger, the wizard draws and works', async () => {
    const {dir, state} = folder('small');
    const t = wizard(dir, state, [], {width: 20, height: 5});
    try {
      await t.waitFor(/Make the window at\s+least 40 x 10/);
      // A key on the screen that cannot be seen does nothing: Enter does not start the interview (the welcome is still there).
      t.key('Enter');
      t.key('Down');
      t.resize(80, 24);
      await toOrganisation(t);
      t.key('C-c');
      expect(await t.exitCode()).toBe(130);
    } finally {
      t.kill();
    }
  }, 60_000);
});

describeScript('other text printed to a terminal', () => {
  test('a custom template with escape sequences: on a terminal the report shows its words and none of them; through a pipe it is byte for byte', async () => {
    const template = join(work(), 'hostile.md.liquid');
    writeFileSync(template, `${readFileSync(join(ROOT, 'templates', 'report.md.liquid'), 'utf8')}\nSigned ${ESC}]0;TITLE\u0007${ESC}]52;c;SGVsbG8=\u0007${ESC}[41mby the template\u202e\n`);
    const args = ['--answers', join(ROOT, 'examples', 'acme.yaml'), '--template', template];
    const {t, raw} = underScript('template', args);
    try {
      const title = t.info('#{pane_title}');
      expect(await t.exitCode()).toBe(0);
      expect(t.info('#{pane_title}')).toBe(title);
      expect(raw()).toContain('Signed by the template');
      noBankSequences(raw());
    } finally {
      t.kill();
    }
    const piped = runCli(args);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain(`Signed ${ESC}]0;TITLE`);
  }, 60_000);
});

test('--compare -f json writes C1 controls and bidi overrides as \\u escapes; the parsed strings are unchanged', () => {
  const dir = folder('compare').dir;
  const organisation = `Acme \u009b2J \u202eevil\u202c ${ESC}[31m`;
  const acme = readFileSync(join(ROOT, 'examples', 'acme.yaml'), 'utf8');
  const files = ['2', '4'].map((value, i) => {
    const file = join(dir, `${i}.yaml`);
    writeFileSync(file, acme.replace('organisation: Acme Ltd', `organisation: ${JSON.stringify(organisation)}`).replace('  failure_frequency: 4', `  failure_frequency: ${value}`));
    return file;
  });
  const run = runCli(['--compare', ...files, '-f', 'json']);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(run.stdout).toContain('\\u009b2J \\u202eevil');
  expect(JSON.parse(run.stdout).after.organisation).toBe(organisation);
});

test('drafts lists a draft whose file name holds a bidi override without the override', () => {
  const {state} = folder('drafts-list');
  mkdirSync(join(state, 'drafts'), {recursive: true, mode: 0o700});
  const a = emptyAnswers();
  a.context.organisation = 'Acme';
  writeFileSync(join(state, 'drafts', 'acme\u202egpj.yaml'), answersToYaml(a, {position: 'assessor', saved: '2026-03-01T12:00:00.000Z'}), {mode: 0o600});
  const run = runCli(['drafts'], {env: {HANDOFF_ASSESS_STATE_DIR: state}});
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('acmegpj');
  expect(run.stdout).not.toContain('\u202e');
});
