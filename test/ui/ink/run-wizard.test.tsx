/**
 * runInkWizard itself, on fake TTY streams of a chosen size: Ctrl-C restores
 * the terminal and resolves `cancelled`; the layout at 40 columns.
 */
import {describe, expect, it} from '@jest/globals';
import {buildSteps, startInterview, type InterviewState} from '../../../src/engine/interview.js';
import {stripControls} from '../../../src/report/escape.js';
import {startRealWizard} from './real-wizard.js';
import {KEY, realBank} from './helpers.js';

const bank = realBank();
const steps = buildSteps(bank);

function start(columns: number, rows: number, initial: InterviewState = startInterview(bank)) {
  return startRealWizard(bank, columns, rows, initial);
}

describe('runInkWizard', () => {
  it('on ctrl-c restores the terminal and resolves cancelled with the answers so far', async () => {
    const w = await start(80, 24);
    await w.waitForScreen('Press enter to start');
    await w.press(KEY.enter, ...'Acme', KEY.enter, KEY.enter, '2');
    await w.waitForScreen('Which single workflow');
    await w.press(KEY.ctrlC);
    const outcome = await w.done;
    expect(outcome.kind).toBe('cancelled');
    expect(outcome.state.answers.context).toEqual({organisation: 'Acme', assessor: '', role: 'founder'});
    expect(outcome.state.index).toBe(steps.findIndex((s) => s.id === 'workflow'));
    expect(w.changes).toHaveLength(3);
    // Raw mode was switched on for the wizard and off again; the cursor was hidden and is shown again.
    expect(w.stdin.rawMode[0]).toBe(true);
    expect(w.stdin.rawMode[w.stdin.rawMode.length - 1]).toBe(false);
    const all = w.stdout.writes.join('');
    expect(all).toContain('\u001B[?25l');
    expect(all.lastIndexOf('\u001B[?25h')).toBeGreaterThan(all.lastIndexOf('\u001B[?25l'));
    // Nothing is left listening on stdin.
    expect(w.stdin.listenerCount('readable')).toBe(0);
  });

  it('keys and pasted sequences cut between two reads: nothing of an unknown one is typed, a known key still acts', async () => {
    const w = await start(80, 24);
    await w.waitForScreen('Press enter to start');
    await w.press(KEY.enter);
    await w.waitForScreen('Which organisation');
    // Ctrl+F1 cut after "ESC [1;5", a pasted title cut inside it, then the answer: only "Acme" is typed.
    await w.press('\u001B[1;5', 'P', ...'Ac', '\u001B]0;TI', 'TLE\u0007me', KEY.enter);
    await w.waitForScreen('Who is running');
    await w.press(...'Jo', KEY.enter);
    await w.waitForScreen("What is the assessor's role?");
    // ↓ cut after "ESC [": it highlights the first role, and Enter takes it.
    await w.press('\u001B[', 'B', KEY.enter);
    await w.waitForScreen('Which single workflow');
    await w.press(KEY.ctrlC);
    const outcome = await w.done;
    const role = steps.find((s) => s.id === 'role')!.options![0]!.value;
    expect(outcome.state.answers.context).toEqual({organisation: 'Acme', assessor: 'Jo', role});
  });

  it('the abort signal (SIGTERM, SIGHUP) ends it as ctrl-c does: the note being typed is kept', async () => {
    const controller = new AbortController();
    const w = await startRealWizard(bank, 80, 24, startInterview(bank), controller.signal);
    await w.waitForScreen('Press enter to start');
    await w.press(KEY.enter, ...'Acme', KEY.enter);
    await w.waitForScreen('Who is running');
    await w.press(KEY.ctrlN); // n would type on a text question
    await w.waitForScreen('Note on');
    await w.press(...'half typed');
    await w.waitForScreen('half typed');
    controller.abort();
    const outcome = await w.done;
    expect(outcome.kind).toBe('cancelled');
    expect(outcome.state.answers.notes).toEqual({assessor: 'half typed'});
    expect(w.stdin.rawMode[w.stdin.rawMode.length - 1]).toBe(false);
  });

  it('never draws a frame taller than the terminal (no full-screen redraw on each key)', async () => {
    const w = await start(80, 24, {...startInterview(bank), index: steps.findIndex((s) => s.id === 'failure_frequency')});
    await w.press(KEY.enter, '?', 'n');
    // The note editor opens below the why panel, past the bottom: it is scrolled into view.
    await w.waitForScreen('Note on “Failure frequency”');
    await w.press(...'a long note that goes on', KEY.enter);
    await w.press(KEY.pageDown);
    await w.waitForScreen('✎ Note: a long note');
    for (const write of w.stdout.writes) expect(stripControls(write).split('\n').length).toBeLessThanOrEqual(24);
    expect(w.stdout.writes.join('')).not.toContain('\u001B[2J');
    await w.press(KEY.ctrlC);
    await w.done;
  });

  it('at 40 columns stacks the poles, draws the scale on one line and loses no text', async () => {
    const w = await start(40, 30, {...startInterview(bank), index: steps.findIndex((s) => s.id === 'failure_frequency')});
    await w.press(KEY.enter);
    const screen = await w.waitForScreen('Failure frequency');
    const lines = screen.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    const left = lines.findIndex((l) => l.includes('1 · Manage in place'));
    const right = lines.findIndex((l) => l.includes('5 · Remediation sprint'));
    expect(left).toBeGreaterThan(-1);
    expect(right).toBeGreaterThan(left);
    const flat = screen.replace(/\s+/g, ' ');
    expect(flat).toContain(bank.axes[0]!.manageInPlace);
    expect(flat).toContain(bank.axes[0]!.remediationSprint);
    expect(flat).toContain(bank.axes[0]!.prompt);
    // Nothing chosen yet: no point is highlighted, and the line below says so.
    expect(screen).toMatch(/^ 1 {2}2 {2}3 {2}4 {2}5 {2}d *$/m);
    expect(screen).toMatch(/^Nothing chosen yet\.$/m);
    // Enter alone records nothing and says how to choose.
    await w.press(KEY.enter);
    await w.waitForScreen("press 1-5, or d");
    await w.press(KEY.down, KEY.down, KEY.down);
    const moved = await w.waitForScreen('3: Somewhere in between');
    expect(moved).toContain(' 1  2 [3] 4  5  d');
    await w.press('2');
    await w.waitForScreen('How many handoff failures');
    await w.press(KEY.enter); // no figure
    await w.waitForScreen('Data reconciliation load');
    await w.press(KEY.ctrlC);
    expect((await w.done).state.answers.matrix).toEqual({failure_frequency: 2});
  });

  it('at 40x20 a question taller than the screen scrolls with pgdn', async () => {
    const w = await start(40, 20, {...startInterview(bank), index: steps.findIndex((s) => s.id === 'failure_frequency')});
    await w.press(KEY.enter, '?');
    await w.waitForScreen('pgdn more ↓');
    expect(w.stdout.screen()).not.toContain('delivery, not supporting it.');
    await w.press(KEY.pageDown);
    await w.waitForScreen('delivery, not supporting it.');
    expect(w.stdout.screen()).toContain('pgup more ↑');
    await w.press(KEY.ctrlC);
    await w.done;
  });
});
