/**
 * Issue 5, item 5: hostile free text in the interactive modes. The reports
 * themselves (markdown tables intact, HTML without script or remote loads,
 * no escape sequence in any format) are covered field by field in
 * test/report/escaping.test.ts; here the same kind of text reaches the
 * screen:
 *
 * - typed into every free-text field of the plain mode (injected streams);
 * - resumed from a draft (or any answers file given to --resume) into the
 *   plain mode's review, and into the Ink wizard's welcome, review and
 *   result screens in a real terminal (tmux): the terminal is not retitled
 *   (OSC 0), not recoloured (SGR), and shows no bidi override.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {answersToYaml} from '../../src/answers/serialize-answers.js';
import {emptyAnswers, type Answers, type Bank} from '../../src/engine/types.js';
import {renderReport} from '../../src/report/render-report.js';
import {plainIo} from '../../src/ui/plain/plain-io.js';
import {runInteractive} from '../../src/session/run-interactive.js';
import {sh, tmuxAvailable, TmuxSession} from '../e2e/tmux.js';
import {FakeTerminal, KEY} from '../ui/plain/fake-terminal.js';
import {BIN} from './harness.js';

const bank: Bank = loadBankDir().bank!;
const ESC = '\u001b';
/** What must never reach the terminal from user text. */
const TITLE = `${ESC}]0;PWNED`;
const RED = `${ESC}[31mRED`;
const HOSTILE = `Acme ${ESC}]0;PWNED\u0007 ${ESC}[31mRED${ESC}[0m \u009b2J \u202eevil\u202c | pipe | <script>alert(1)</script> [x](javascript:alert(1)) # h \`code\``;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ha-hostile-'));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

function hostileAnswers(): Answers {
  const a = emptyAnswers();
  Object.assign(a.context, {organisation: HOSTILE.slice(0, 120), assessor: HOSTILE.slice(0, 120), role: 'consultant', workflow: HOSTILE.slice(0, 160), systems: [HOSTILE.slice(0, 80), 'NetSuite']});
  for (const id of ['failure_frequency', 'reconciliation_load', 'exception_visibility', 'lead_time_impact', 'operational_confidence']) a.matrix[id] = 4;
  for (const id of ['no_tradeoff_owner', 'no_budget_path', 'broad_redesign_expected', 'exploratory_no_pain']) a.disqualifiers[id] = false;
  a.signals = {manage_in_place: [], remediation_sprint: ['recurring_sync_failures']};
  a.notes = {failure_frequency: HOSTILE, organisation: HOSTILE, no_budget_path: `${HOSTILE}\nsecond line\n| a | b |`};
  return a;
}

function writeDraft(state: string, position: string): string {
  mkdirSync(join(state, 'drafts'), {recursive: true, mode: 0o700});
  writeFileSync(join(state, 'drafts', 'hostile.yaml'), answersToYaml(hostileAnswers(), {position, saved: '2026-03-01T12:00:00.000Z'}), {mode: 0o600});
  return 'hostile';
}

/** runInteractive in plain mode with injected streams that say they are a terminal. */
function plain(state: string, resume?: string) {
  const term = new FakeTerminal(100);
  Object.assign(term.input, {isTTY: true});
  Object.assign(term.output, {isTTY: true});
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c) => (err += String(c)));
  const code = runInteractive({
    bank,
    plain: true,
    resume,
    cwd: work,
    now: () => new Date(2026, 2, 1, 12),
    renderReport: (answers, format) => renderReport({bank, answers, date: '2026-03-01', format}),
    date: '2026-03-01',
    stdin: term.input as unknown as NodeJS.ReadStream,
    stdout: term.output as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color', NO_COLOR: '1'},
  });
  const raw = () => (term as unknown as {raw: string}).raw + err;
  return {term, code, raw};
}

const neverShown = (raw: string) => {
  expect(raw).not.toContain(TITLE);
  expect(raw).not.toContain(RED);
  expect(raw).not.toContain('\u009b');
  expect(raw).not.toContain('\u202e');
};

describe('the plain mode', () => {
  test('everything the plain mode prints with say() is stripped of escape sequences, controls and bidi overrides', () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => (text += String(c)));
    plainIo(new PassThrough(), out).say(`Note: ${HOSTILE}\n  second line`);
    neverShown(text);
    expect(text).toContain('RED');
    expect(text).toContain('\n  second line');
  });

  test('hostile text typed into the free-text fields is never echoed as a terminal sequence, and the draft holds no escape sequence', async () => {
    const state = join(work, 'plain-typed');
    const {term, code, raw} = plain(state);
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line(HOSTILE.slice(0, 110));
    await term.waitFor('? Who is running the assessment?');
    await term.line(HOSTILE.slice(0, 110));
    await term.waitFor("? What is the assessor's role?");
    await term.choose(1);
    await term.waitFor('? Which single workflow');
    await term.line(HOSTILE.slice(0, 150));
    await term.waitFor('? Which systems');
    await term.line(`${HOSTILE.slice(0, 70)}, NetSuite`);
    // The handoff map's fields are free text too.
    await term.waitFor('? Add a handoff, or skip this part?');
    await term.waitFor('? Why this matters');
    await term.choose(1);
    await term.waitFor('Where does the record come from (system or team)?');
    await term.line(HOSTILE.slice(0, 110));
    await term.waitFor('Where does it go?');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    // Typed ESC sequences are read as keys, never echoed. (Single characters the user types, a bidi mark or
    // a C1 control, are echoed back by the prompt as typed; everything printed afterwards goes through `say`.)
    expect(raw()).not.toContain(TITLE);
    expect(raw()).not.toContain(RED);
    const [file] = readdirSync(join(state, 'drafts'));
    const draft = readFileSync(join(state, 'drafts', file!), 'utf8');
    expect(draft).toContain('organisation:');
    expect(draft).not.toContain(ESC);
  });

  test('a resumed draft full of escape sequences: the review shows the text, never the sequences', async () => {
    const state = join(work, 'plain-resumed');
    const id = writeDraft(state, 'review');
    const {term, code, raw} = plain(state, id);
    await term.waitFor('? Is everything right?');
    await term.press(KEY.ctrlC);
    expect(await code).toBe(130);
    expect(term.text).toContain('RED');
    expect(term.text).toContain('evil');
    neverShown(raw());
  });
});

const describeTmux = tmuxAvailable() ? describe : describe.skip;

describeTmux('the Ink wizard in a real terminal', () => {
  afterAll(() => TmuxSession.killServer());

  test('a resumed hostile draft: welcome, review, result and a saved report; the terminal is not retitled or recoloured', async () => {
    const dir = join(work, 'ink');
    const state = join(dir, 'state');
    mkdirSync(dir, {recursive: true});
    const id = writeDraft(state, 'review');
    const t = new TmuxSession({command: ['node', sh(BIN), '--resume', sh(id)].join(' '), cwd: dir, env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color', NO_COLOR: '1'}, width: 100, height: 40}).start();
    try {
      const title = t.info('#{pane_title}');
      const check = () => {
        expect(t.info('#{pane_title}')).toBe(title);
        const styled = t.screenWithStyles();
        expect(styled).not.toMatch(/\u001b\[[0-9;]*3[1-7]m/); // NO_COLOR: any colour on screen came from user text
        expect(styled).not.toContain('\u202e');
      };
      await t.waitFor('Press enter to continue.');
      check();
      t.key('Enter');
      await t.waitFor('See the result');
      expect(t.screen()).toContain('RED');
      check();
      t.key('r');
      await t.waitFor(/Handoff risk assessment: Acme/);
      check();
      t.key('m');
      await t.waitFor('Save the report as Markdown');
      t.key('Enter');
      await t.waitFor(/Saved\s+\/[\s\S]{0,200}?handoff-assessment-/); // the full path
      check();
      t.key('q');
      expect(await t.exitCode()).toBe(0);
      check();
    } finally {
      t.kill();
    }
    const [report] = readdirSync(dir).filter((f) => f.endsWith('.md'));
    const md = readFileSync(join(dir, report!), 'utf8');
    expect(md).not.toMatch(/[\u001b\u009b\u202e]/);
    // Every table (the plan, the matrix, the disqualifiers...): each row has as many cells as its header,
    // whatever pipes the hostile text held.
    const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    const tables = md.split(/\n(?!\|)/).map((block) => block.split('\n').filter((l) => l.startsWith('|'))).filter((rows) => rows.length > 1);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const rows of tables) expect(rows.map(cells)).toEqual(rows.map(() => cells(rows[0]!)));
    // Outside the answers block (a fenced code block, shown as code), no tag and no link survives.
    const prose = md.replace(/^(`{3,})yaml\n[\s\S]*?\n\1$/m, '');
    expect(prose).not.toContain('<script>');
    expect(prose).not.toMatch(/[^\\]\]\(javascript:/);
  }, 90_000);
});
