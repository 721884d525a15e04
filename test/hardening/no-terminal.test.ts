/**
 * Issue 5, item 4: every way of starting without a normal terminal, with the
 * built binary. None crashes or hangs; each does what PRODUCT.md and the
 * README say:
 *
 * | start                                   | what happens                                            |
 * | stdin /dev/null, a pipe, a pipe that    | exit 2 at once with how to run it (never waits on the   |
 * |   never closes; stdout piped            |   pipe, never a raw-mode error); no draft               |
 * | CI=true on a real terminal              | the wizard, drawn frame by frame (CI is ignored there)  |
 * | CI=true without a terminal              | exit 2, as without a terminal                           |
 * | TERM=dumb                               | the plain mode, no cursor tricks, no alternate screen   |
 * | a 40x10 terminal                        | the whole interview works, to the result                |
 * | a terminal resized mid-interview        | the interview goes on; answers kept                     |
 */
import {afterAll, describe, expect, test} from '@jest/globals';
import {spawn} from 'node:child_process';
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse as parseYaml} from 'yaml';
import {sh, TmuxSession, tmuxWorkspace} from '../e2e/tmux.js';
import {BIN, crashSigns} from './harness.js';

const {haveTmux: HAVE_TMUX, describeTmux, work} = tmuxWorkspace('test/hardening/no-terminal.test.ts', 'ha-noterm-');

let n = 0;
function fresh() {
  const dir = join(work(), `c${++n}`);
  mkdirSync(join(dir, 'state'), {recursive: true});
  return {dir, state: join(dir, 'state')};
}
const draftsIn = (state: string) => (existsSync(join(state, 'drafts')) ? readdirSync(join(state, 'drafts')).filter((f) => f.endsWith('.yaml')) : []);

/** Run the binary with the given stdin; `keepOpen` leaves a stdin pipe open for good. Resolves when it exits (or rejects after 10 s). */
function run(stdin: 'devnull' | 'pipe-closed' | 'pipe-open', env: Record<string, string>, cwd: string, args: string[] = []) {
  return new Promise<{code: number | null; stdout: string; stderr: string; ms: number}>((resolve, reject) => {
    const base = {...process.env};
    delete base.NODE_OPTIONS;
    delete base.CI;
    const fd = stdin === 'devnull' ? openSync('/dev/null', 'r') : undefined;
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], {cwd, env: {...base, ...env}, stdio: [fd ?? 'pipe', 'pipe', 'pipe']});
    if (fd !== undefined) closeSync(fd);
    if (stdin === 'pipe-closed') child.stdin!.end('hello\nsome answers\n');
    if (stdin === 'pipe-open') child.stdin!.write('typed but never closed\n');
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c) => (stdout += String(c)));
    child.stderr!.on('data', (c) => (stderr += String(c)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hung: still running after 10 s (stdin ${stdin}). stderr so far:\n${stderr}`));
    }, 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({code, stdout, stderr, ms: Date.now() - started});
    });
  });
}

describe('no terminal on stdin', () => {
  test.each([
    ['stdin from /dev/null', 'devnull', {}],
    ['stdin from a closed pipe', 'pipe-closed', {}],
    ['stdin from a pipe that never closes', 'pipe-open', {}],
    ['CI=true and no terminal', 'devnull', {CI: 'true'}],
    ['TERM=dumb and no terminal', 'pipe-open', {TERM: 'dumb'}],
    ['--plain and no terminal', 'pipe-open', {}],
    ['--resume and no terminal', 'pipe-open', {}],
  ] as const)('%s: exit 2 at once, says how to run it, no raw-mode error, no draft', async (name, stdin, env) => {
    const {dir, state} = fresh();
    const args = name.startsWith('--plain') ? ['--plain'] : name.startsWith('--resume') ? ['--resume'] : [];
    const r = await run(stdin, {HANDOFF_ASSESS_STATE_DIR: state, ...env}, dir, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs a terminal');
    expect(r.stderr).toContain('handoff-assess --answers answers.yaml');
    expect(r.stderr).not.toMatch(/raw mode/i);
    expect(crashSigns(r.stderr)).toBeUndefined();
    expect(r.stdout).toBe('');
    expect(draftsIn(state)).toEqual([]);
  });

  test('--answers - from a pipe reads to the end, and works with stdout piped', async () => {
    const {dir} = fresh();
    const example = readFileSync(join(BIN, '..', '..', 'examples', 'acme.yaml'), 'utf8');
    const r = await new Promise<{code: number | null; stdout: string}>((resolve) => {
      const base = {...process.env};
      delete base.NODE_OPTIONS;
      const child = spawn(process.execPath, [BIN, '--answers', '-', '--format', 'json'], {cwd: dir, env: base});
      let stdout = '';
      child.stdout.on('data', (c) => (stdout += String(c)));
      // Written in two pieces, a moment apart, as a slow producer would.
      child.stdin.write(example.slice(0, 200));
      setTimeout(() => child.stdin.end(example.slice(200)), 300);
      child.on('close', (code) => resolve({code, stdout}));
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).recommendation).toBe('remediation-sprint');
  });
});

/** In tmux: press a key and wait for the screen to change. */
async function press(t: TmuxSession, key: string, timeout = 30000) {
  const before = t.screen();
  if (key.length === 1) await t.type(key);
  else t.key(key);
  const start = Date.now();
  while (t.screen() === before) {
    if (Date.now() - start > timeout) throw new Error(`the screen did not change after ${key}:\n${before}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 60));
}

async function typeLine(t: TmuxSession, text: string) {
  for (const ch of text) await press(t, ch);
  await press(t, 'Enter');
}

function wizard(dir: string, state: string, options: {env?: Record<string, string>; width?: number; height?: number; keepCi?: boolean; pipeTo?: string; args?: string[]} = {}) {
  const command = ['node', sh(BIN), ...(options.args ?? []).map(sh)].join(' ') + (options.pipeTo ? ` | ${options.pipeTo}` : '');
  return new TmuxSession({command, cwd: dir, env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color', ...options.env}, width: options.width ?? 80, height: options.height ?? 24, keepCi: options.keepCi}).start();
}

describeTmux('odd terminals (tmux)', () => {
  const sessions: TmuxSession[] = [];
  afterAll(() => sessions.forEach((s) => s.kill()));

  test('stdout piped, stdin a terminal: exit 2 saying stdout is not a terminal; the terminal is left as it was', async () => {
    const {dir, state} = fresh();
    const t = wizard(dir, state, {pipeTo: 'cat'});
    sessions.push(t);
    expect(await t.exitCode()).toBe(0); // the status of `cat`, the end of the pipe
    const screen = t.screen();
    expect(screen).toContain('the interview needs a terminal');
    expect(screen).toContain('stdout');
    expect(t.terminalState()).toEqual({icanon: true, echo: true, cursorVisible: true, alternateScreen: false});
    expect(draftsIn(state)).toEqual([]);
  });

  test('CI=true on a real terminal: the wizard still draws every frame and works', async () => {
    const {dir, state} = fresh();
    const t = wizard(dir, state, {env: {CI: 'true', CONTINUOUS_INTEGRATION: '1'}, keepCi: true});
    sessions.push(t);
    await t.waitFor('Press enter to start.');
    t.key('Enter');
    await t.waitFor('Which organisation is this assessment for?');
    await t.type('CI Corp');
    // Each keystroke is drawn as it is typed, not only the final frame.
    await t.waitFor('CI Corp');
    t.key('Enter');
    await t.waitFor('Who is running the assessment?');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.terminalState()).toEqual({icanon: true, echo: true, cursorVisible: true, alternateScreen: false});
    const [draft] = draftsIn(state);
    expect(parseYaml(readFileSync(join(state, 'drafts', draft!), 'utf8')).context.organisation).toBe('CI Corp');
  }, 60_000);

  test('TERM=dumb: the plain mode, line by line, without the alternate screen', async () => {
    const {dir, state} = fresh();
    const t = wizard(dir, state, {env: {TERM: 'dumb'}});
    sessions.push(t);
    await t.waitFor('? Which organisation is this assessment for?');
    expect(t.info('#{alternate_on}')).toBe('0');
    await t.type('Dumb Terminal Ltd');
    t.key('Enter');
    await t.waitFor('? Who is running the assessment?');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.terminalState()).toEqual({icanon: true, echo: true, cursorVisible: true, alternateScreen: false});
    expect(draftsIn(state)).toHaveLength(1);
  }, 60_000);

  test('a 40x10 terminal: the whole interview, to the result', async () => {
    const {dir, state} = fresh();
    const t = wizard(dir, state, {width: 40, height: 10});
    sessions.push(t);
    await t.waitFor(/enter/i);
    await press(t, 'Enter');
    await typeLine(t, 'Tiny Ltd');
    await press(t, 'Enter'); // assessor: skipped
    await press(t, '1'); // role: the first (nothing is chosen until a key chooses)
    await typeLine(t, 'Order flow');
    await typeLine(t, 'Shopify, Xero');
    await press(t, 's'); // the handoff map: skipped
    // Each known answer asks its figure: the first is given, the others skipped with esc; d asks none.
    await press(t, '4');
    await typeLine(t, '14');
    for (const v of ['5', '3', '4']) {
      await press(t, v);
      await press(t, 'Escape');
    }
    await press(t, 'd');
    await press(t, '1');
    await press(t, 'Enter'); // manage-in-place: one ticked
    await press(t, '2');
    await press(t, 'Enter'); // remediation-sprint: one ticked
    for (let i = 0; i < 4; i++) await press(t, '1'); // the disqualifiers' plain questions: yes, none applies
    await press(t, 'r'); // review -> result
    await t.waitFor(/Tiny Ltd/);
    for (const line of t.screen().split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    t.key('C-c');
    expect([0, 130]).toContain(await t.exitCode());
    const [draft] = draftsIn(state);
    const saved = parseYaml(readFileSync(join(state, 'drafts', draft!), 'utf8'));
    expect(saved.context).toMatchObject({organisation: 'Tiny Ltd', workflow: 'Order flow', systems: ['Shopify', 'Xero']});
    expect(saved.matrix).toEqual({failure_frequency: 4, reconciliation_load: 5, exception_visibility: 3, lead_time_impact: 4, operational_confidence: 'unknown'});
    expect(saved.handoffs).toEqual([]);
    expect(saved.baselines).toEqual({failure_frequency: 14});
    expect(Object.keys(saved.disqualifiers)).toHaveLength(4);
    expect(saved.draft.position).toBe('review');
  }, 120_000);

  test('resized mid-interview (80x24 -> 40x10 -> 120x40 -> 60x15): it redraws and goes on; answers kept', async () => {
    const {dir, state} = fresh();
    const t = wizard(dir, state);
    sessions.push(t);
    await t.waitFor('Press enter to start.');
    t.key('Enter');
    await t.waitFor('Which organisation is this assessment for?');
    await t.type('Resize Inc');
    t.resize(40, 10); // mid-typing
    await new Promise((r) => setTimeout(r, 300));
    await t.type(' Two');
    await t.waitFor('Two');
    t.key('Enter');
    await t.waitFor(/assessment\?|running/);
    t.resize(120, 40);
    await t.waitFor('Who is running the assessment?');
    t.key('Enter');
    await t.waitFor("What is the assessor's role?");
    t.resize(60, 15);
    await new Promise((r) => setTimeout(r, 300));
    // Nothing is highlighted until a key chooses: ↓ the first, ↓ the second.
    t.key('Down');
    t.key('Down');
    t.key('Enter');
    await t.waitFor('Which single workflow');
    t.key('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(t.terminalState()).toEqual({icanon: true, echo: true, cursorVisible: true, alternateScreen: false});
    const [draft] = draftsIn(state);
    const saved = parseYaml(readFileSync(join(state, 'drafts', draft!), 'utf8'));
    expect(saved.context).toMatchObject({organisation: 'Resize Inc Two', role: 'founder'});
    expect(saved.draft.position).toBe('workflow');
  }, 60_000);
});
