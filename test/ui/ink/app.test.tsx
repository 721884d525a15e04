import {afterEach, describe, expect, it} from '@jest/globals';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {buildSteps, startInterview} from '../../../src/engine/interview.js';
import {renderReport} from '../../../src/report/render-report.js';
import {fakeReport, KEY, keysOf, mount, realBank, waitFor, WHOLE_INTERVIEW, type Mounted} from './helpers.js';

afterEach(() => cleanup());

const bank = realBank();
const steps = buildSteps(bank);
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);
const at = (id: string) => ({...startInterview(bank), index: indexOf(id)});

/** The last state the caller was given. */
const last = (w: Mounted) => w.changes[w.changes.length - 1]!;

describe('welcome', () => {
  it('says what it does, how long it takes and the keys, and enter starts', async () => {
    const w = await mount();
    const frame = await w.waitForFrame('Press enter to start');
    expect(frame).toContain(bank.meta.title);
    expect(frame).toContain('About 10 minutes');
    expect(frame).toMatch(/esc\s+←\s+back/);
    expect(frame).toContain('why this question matters');
    await w.press(KEY.enter);
    await w.waitForFrame('Which organisation is this assessment for?');
    expect(w.lastFrame()).toContain('About the assessment · 1 of 5');
  });

  it('an Enter that arrives as a line feed (typed before raw mode, or ctrl+j) still starts and answers', async () => {
    const w = await mount({initial: at('workflow')});
    await w.waitForFrame('Press enter to');
    await w.press('\n');
    await w.waitForFrame('Which single workflow');
    await w.type('Quote to cash');
    await w.press('\n');
    await w.waitForFrame('Which systems');
    expect(last(w).answers.context.workflow).toBe('Quote to cash');
  });

  it('on a resumed draft says where it continues', async () => {
    const answers = {...startInterview(bank).answers, context: {organisation: 'Acme', assessor: 'Jo', role: 'founder' as const}};
    const w = await mount({initial: startInterview(bank, answers)});
    const frame = await w.waitForFrame('Welcome back');
    expect(frame).toContain('3 of 17 answered');
    expect(frame).toContain('“Critical workflow”');
  });
});

describe('text questions', () => {
  it('refuses an empty required answer with the engine message, then accepts text', async () => {
    const w = await mount({initial: at('organisation')});
    await w.press(KEY.enter); // welcome
    await w.waitForFrame('Which organisation');
    await w.press(KEY.enter);
    await w.waitForFrame('This one is needed for the report');
    expect(w.changes).toHaveLength(0);
    await w.type('Acme Ltd');
    await w.press(KEY.enter);
    await w.waitForFrame('Who is running the assessment?');
    expect(last(w).answers.context.organisation).toBe('Acme Ltd');
  });

  it('edits with the cursor: ← moves inside the text, backspace deletes, esc is back', async () => {
    const w = await mount({initial: at('workflow')});
    await w.press(KEY.enter);
    await w.waitForFrame('Which single workflow');
    await w.type('Sales ops');
    await w.press(KEY.left, KEY.left, KEY.left, KEY.backspace, ...'-to-', KEY.enter);
    await w.waitForFrame('Which systems');
    expect(last(w).answers.context.workflow).toBe('Sales-to-ops');
    await w.press(KEY.esc);
    await w.waitForFrame('Which single workflow');
    expect(w.lastFrame()).toContain('Sales-to-ops');
  });

  it('takes a list as comma-separated names and shows what it understood', async () => {
    const w = await mount({initial: at('systems')});
    await w.press(KEY.enter);
    await w.waitForFrame('Which systems');
    await w.type('HubSpot, Gmail ,, NetSuite');
    await w.waitForFrame('3 names: HubSpot · Gmail · NetSuite');
    await w.press(KEY.enter);
    await w.waitForFrame('Handoff map · 1 of 1');
    expect(last(w).answers.context.systems).toEqual(['HubSpot', 'Gmail', 'NetSuite']);
  });

  it('tab shows why the question matters; ctrl+n opens the note editor', async () => {
    const w = await mount({initial: at('organisation')});
    await w.press(KEY.enter, KEY.tab);
    await w.waitForFrame('Why this matters: The report is titled and filed under this name.');
    await w.press(KEY.ctrlN);
    await w.waitForFrame('Note on “Organisation”');
  });
});

describe('choice question', () => {
  it('moves with the arrows and confirms with enter', async () => {
    const w = await mount({initial: at('role')});
    await w.press(KEY.enter);
    const frame = await w.waitForFrame('What is the assessor');
    // Nothing highlighted until a key chooses: no option is offered in advance.
    expect(frame).not.toContain('❯');
    expect(frame).toMatch(/ {3}1 Consultant/);
    await w.press(KEY.down);
    await w.waitForFrame(/❯ 1 Consultant/);
    await w.press(KEY.down, KEY.down);
    await w.waitForFrame(/❯ 3 Operations leader/);
    await w.press(KEY.enter);
    await w.waitForFrame('Which single workflow');
    expect(last(w).answers.context.role).toBe('operations-leader');
  });

  it('picks by number at once', async () => {
    const w = await mount({initial: at('role')});
    await w.press(KEY.enter, '4');
    await w.waitForFrame('Which single workflow');
    expect(last(w).answers.context.role).toBe('buyer');
  });
});

describe('scale question (matrix axis)', () => {
  it('shows both poles side by side, the scale and "don\'t know"', async () => {
    const w = await mount({initial: at('failure_frequency')});
    await w.press(KEY.enter);
    const frame = await w.waitForFrame('Failure frequency');
    expect(frame).toContain('Decision matrix · 1 of 5');
    const poles = frame.split('\n').find((l) => l.includes('1 · Manage in place'));
    expect(poles).toContain('5 · Remediation sprint');
    expect(frame).toContain('Failures are rare');
    expect(frame).toContain('Failures come back every week');
    for (const label of ['1 The manage-in-place statement fits', '3 Somewhere in between', "d Don't know"]) expect(frame).toContain(label);
    // No point highlighted: the middle is not offered as the answer.
    expect(frame).not.toContain('❯');
  });

  it('enter alone on a fresh scale records nothing and says how to choose; a key then answers', async () => {
    const w = await mount({initial: at('failure_frequency')});
    await w.press(KEY.enter);
    await w.waitForFrame('Decision matrix · 1 of 5');
    await w.press(KEY.enter);
    const frame = await w.waitForFrame("Nothing chosen yet: press 1-5, or d for don't know (or ↑↓ then enter).");
    expect(frame).toContain('Decision matrix · 1 of 5');
    expect(w.changes).toEqual([]);
    await w.press('2');
    // The answer is stored and its figure asked; the hint about choosing went with the choice.
    const figure = await w.waitForFrame('How many handoff failures were there in the last four weeks?');
    expect(figure).not.toContain('Nothing chosen yet');
    expect(last(w).answers.matrix).toEqual({failure_frequency: 2});
    await w.press(KEY.esc);
    await w.waitForFrame('Decision matrix · 2 of 5');
  });

  it('answers with 1-5 and d; ? toggles why this matters', async () => {
    const w = await mount({initial: at('failure_frequency')});
    await w.press(KEY.enter, '?');
    await w.waitForFrame('Why this matters: Occasional failures');
    await w.press('?');
    await waitGone(w, 'Why this matters');
    await w.press('5', KEY.enter, 'd'); // 5, its figure skipped, then don't know (no figure)
    await w.waitForFrame('Decision matrix · 3 of 5');
    expect(last(w).answers.matrix).toEqual({failure_frequency: 5, reconciliation_load: 'unknown'});
  });

  it('enter confirms the highlighted point', async () => {
    const w = await mount({initial: at('failure_frequency')});
    // ↓ from nothing chosen lands on 1, ↓↓↓ on 3.
    await w.press(KEY.enter, KEY.down, KEY.down, KEY.down);
    await w.waitForFrame(/❯ 3 Somewhere in between/);
    await w.press(KEY.up, KEY.up, KEY.enter);
    await w.waitForFrame('How many handoff failures');
    await w.press(KEY.enter);
    await w.waitForFrame('Decision matrix · 2 of 5');
    expect(last(w).answers.matrix.failure_frequency).toBe(1);
  });
});

describe('multi-select question (signal checklist)', () => {
  it('ticks with space and numbers, confirms with enter', async () => {
    const w = await mount({initial: at('remediation_sprint')});
    await w.press(KEY.enter);
    await w.waitForFrame('Signals · 2 of 2');
    await w.press(KEY.space, KEY.down, KEY.down, KEY.space, '4', '4');
    await w.waitForFrame('2 of 4 ticked');
    expect(w.lastFrame()).toMatch(/\[x\] 1 Sync failures/);
    expect(w.lastFrame()).toMatch(/\[ \] 2 The status/);
    expect(w.lastFrame()).toMatch(/\[x\] 3 New manual workarounds/);
    await w.press(KEY.enter);
    await w.waitForFrame('Disqualifiers · 1 of 4');
    expect(last(w).answers.signals.remediation_sprint).toEqual(['recurring_sync_failures', 'workarounds_outpacing']);
  });

  it('accepts none ticked as an answer', async () => {
    const w = await mount({initial: at('manage_in_place')});
    await w.press(KEY.enter);
    await w.waitForFrame('None ticked');
    await w.press(KEY.enter);
    await w.waitForFrame('Signals · 2 of 2');
    expect(last(w).answers.signals.manage_in_place).toEqual([]);
  });

  it("shows the highlighted statement's own reason with ?", async () => {
    const w = await mount({initial: at('manage_in_place')});
    await w.press(KEY.enter, KEY.down, '?');
    await w.waitForFrame('This statement: Delays without downstream damage are friction, not risk.');
  });
});

describe('yes/no question (disqualifier)', () => {
  it('asks the plain question with the one-line explanation; 1 or y answers yes, 2 no; stored as whether it applies', async () => {
    const w = await mount({initial: at('no_tradeoff_owner')});
    await w.press(KEY.enter);
    const frame = await w.waitForFrame('No owner for cross-team tradeoffs');
    expect(frame.replace(/\s+/g, ' ')).toContain('Is there one person who can approve tradeoffs');
    expect(frame.replace(/\s+/g, ' ')).toContain('without someone who can decide between teams, it stalls.');
    expect(frame).toMatch(/ {3}1 Yes\n/);
    expect(frame).toMatch(/ {3}2 No\n/);
    expect(frame).not.toContain('❯');
    expect(frame).not.toContain('does not apply');
    expect(frame).toContain('1-2 yes/no');
    // "Is there one person...?" No: the disqualifier applies.
    await w.press('2');
    await w.waitForFrame('Disqualifiers · 2 of 4');
    await w.press(KEY.enter);
    await w.waitForFrame('Nothing chosen yet: press 1 for yes or 2 for no (or ↑↓ then enter).');
    expect(w.changes).toHaveLength(1);
    await w.press('y');
    await w.waitForFrame('Disqualifiers · 3 of 4');
    expect(last(w).answers.disqualifiers).toEqual({no_tradeoff_owner: true, no_budget_path: false});
  });
});

describe('certainty (c) and evidence', () => {
  it('c marks the answer beside it; clearing a disqualifier as verified asks for the evidence; why has reasoning of its own', async () => {
    const w = await mount({initial: at('no_budget_path'), renderReport: (answers, format) => renderReport({bank, answers, date: '2026-11-22', format})});
    await w.press(KEY.enter);
    await w.waitForFrame('Disqualifiers · 2 of 4');
    await w.press('?');
    const why = await w.waitForFrame('Why this matters');
    // The why panel holds its own reasoning, and the one-line explanation stays beside the yes/no.
    expect(why.replace(/\s+/g, ' ')).toContain('finding who holds the budget first');
    expect(why.replace(/\s+/g, ' ')).toContain('a qualified plan cannot start');
    await w.press('?', 'c');
    expect(await w.waitForFrame('Certainty: verified')).toMatch(/c certainty/);
    await w.press('1'); // "Is there a route to budget?" Yes: it does not apply
    const ask = await w.waitForFrame('note the evidence');
    expect(ask.replace(/\s+/g, ' ')).toContain('Verified that "No budget path" does not apply: note the evidence.');
    expect(ask.replace(/\s+/g, ' ')).toContain('e.g. Who signs off spend');
    expect(ask).toContain('esc go on without it');
    await w.press(KEY.esc);
    await w.waitForFrame('Disqualifiers · 3 of 4');
    await w.press(KEY.left);
    const back = await w.waitForFrame('Disqualifiers · 2 of 4');
    expect(back.replace(/\s+/g, ' ')).toContain('Certainty: verified, no evidence noted (n adds the evidence as a note)');
    await w.press('c');
    await w.waitForFrame('Certainty: estimated');
    expect(last(w).answers.certainty).toEqual({no_budget_path: 'estimated'});
  });

  it('the review shows each mark beside its answer, and c there changes the highlighted one', async () => {
    const w = await mount();
    await w.press(...WHOLE_INTERVIEW);
    await w.waitForFrame('17 of 17 answered');
    await w.press(KEY.home, ...Array(indexOf('failure_frequency')).fill(KEY.down), 'c', 'c');
    await w.waitForFrame(/Failure frequency\s+4 of 5 \(estimated\)/);
    // From "see the result": past the one answer that disagrees and two disqualifiers.
    await w.press(KEY.end, KEY.up, KEY.up, KEY.up, KEY.up, 'c');
    await w.waitForFrame('note the evidence');
    await w.type('Budget signed');
    await w.press(KEY.enter);
    const frame = await w.waitForFrame(/No budget path\s+Yes: does not apply \(verified\)/);
    expect(frame).toContain('✎ Budget signed');
    expect(last(w).answers.certainty).toEqual({failure_frequency: 'estimated', no_budget_path: 'verified'});
  });
});

describe('navigation', () => {
  it('goes back across a section boundary with esc and with ←, keeping the answer', async () => {
    const w = await mount({initial: at('systems')});
    await w.press(KEY.enter);
    await w.type('HubSpot');
    await w.press(KEY.enter);
    await w.waitForFrame('Handoff map · 1 of 1');
    await w.press(KEY.esc);
    await w.waitForFrame('About the assessment · 5 of 5');
    expect(w.lastFrame()).toContain('HubSpot');
    await w.press(KEY.enter, 's', '3', KEY.enter, KEY.left);
    await w.waitForFrame('Decision matrix · 1 of 5');
    // Back on an answered question: it starts on its answer.
    expect(w.lastFrame()).toMatch(/❯ 3 Somewhere in between/);
    await w.press(KEY.left);
    await w.waitForFrame('Handoff map · 1 of 1');
    await w.press(KEY.left);
    await w.waitForFrame('About the assessment · 5 of 5');
    // systems answered, back, systems confirmed again, the map skipped, failure frequency answered (its figure
    // asked, then skipped), back, back, back.
    const [systems, map, failures, reconciliation] = [indexOf('systems'), indexOf('handoffs'), indexOf('failure_frequency'), indexOf('reconciliation_load')];
    expect(w.changes.map((s) => s.index)).toEqual([map, systems, map, failures, failures, reconciliation, failures, map, systems]);
    expect(last(w).answers.matrix).toEqual({failure_frequency: 3});
  });

  it('back from the first question returns to the welcome screen', async () => {
    const w = await mount();
    await w.press(KEY.enter);
    await w.waitForFrame('Which organisation');
    await w.press(KEY.esc);
    await w.waitForFrame('Press enter to start');
  });

  it('runs the whole interview to the review, which lists every answer', async () => {
    const w = await mount();
    await w.press(...WHOLE_INTERVIEW);
    const frame = await w.waitForFrame('17 of 17 answered');
    expect(frame).toContain('Review');
    expect(frame).toContain('See the result');
    await w.press(KEY.home);
    const top = await w.waitForFrame(/❯ Organisation\s+Acme Ltd/);
    expect(top).toMatch(/Assessor\s+skipped/);
    expect(top).toMatch(/Systems involved\s+HubSpot, Gmail/);
    expect(top).toMatch(/Failure frequency\s+4 of 5/);
    expect(top).toMatch(/Exception visibility\s+don't know/);
    await w.press(KEY.end);
    const bottom = await w.waitForFrame(/❯ See the result/);
    expect(bottom).toMatch(/No owner for cross-team\s+No: applies/);
    expect(bottom).toMatch(/No budget path\s+Yes: does not apply\n/);
    await w.press(...Array(6).fill(KEY.up));
    await w.waitForFrame(/❯ Signals that favour a\s+none/);
  });

  it('lists the answers that disagree before the result; enter on one opens its question, and going on is allowed', async () => {
    const w = await mount();
    await w.press(...WHOLE_INTERVIEW);
    // A checklist said to keep problems in check, beside reconciliation load 5.
    const frame = await w.waitForFrame('17 of 17 answered');
    expect(frame.replace(/\s+/g, ' ')).toContain('One answer disagrees with another: see below, before the result.');
    expect(frame).toContain('Answers that disagree');
    expect(frame.replace(/\s+/g, ' ')).toContain('A checklist is said to keep the problems in check, yet records are reconciled by hand across teams.');
    expect(frame).toContain('Revisit: Signals that favour managing in place');
    const lines = frame.split('\n');
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(at('Answers that disagree')).toBeGreaterThan(at('Exploratory'));
    expect(at('Answers that disagree')).toBeLessThan(at('See the result'));
    await w.press(KEY.up, KEY.enter);
    await w.waitForFrame('Changing an answer');
    expect(w.lastFrame()).toContain('Signals · 1 of 2');
    // Untick the checklist statement: back on the review, nothing disagrees any more.
    await w.press('1', KEY.enter);
    const after = await w.waitForFrame('17 of 17 answered');
    expect(after).not.toContain('Answers that disagree');
    expect(last(w).answers.signals.manage_in_place).toEqual([]);
    await w.press('r');
    await w.waitForFrame('Result');
  });

  it('edits any answer from the review and returns to the review', async () => {
    const w = await mount();
    await w.press(...WHOLE_INTERVIEW);
    await w.waitForFrame('17 of 17 answered');
    await w.press(KEY.home, ...Array(indexOf('reconciliation_load')).fill(KEY.down));
    await w.waitForFrame(/❯ Data reconciliation load/);
    await w.press(KEY.enter);
    await w.waitForFrame('Changing an answer');
    expect(w.lastFrame()).toContain('Decision matrix · 2 of 5');
    await w.press('1');
    await w.waitForFrame('How many hours a week go into reconciling records');
    await w.press(...'6', KEY.enter);
    const frame = await w.waitForFrame(/❯ Data reconciliation load\s+1 of 5 · 6 hours a week/);
    expect(frame).toContain('Review');
    expect(last(w).answers.matrix.reconciliation_load).toBe(1);
    expect(last(w).returnToReview).toBe(false);
    // esc from a question opened on the review leaves the answer as it was and returns to the same row.
    await w.press(KEY.down, KEY.enter);
    await w.waitForFrame('Decision matrix · 3 of 5');
    await w.press(KEY.up, KEY.esc);
    await w.waitForFrame(/❯ Exception visibility\s+don't know/);
    expect(last(w).answers.matrix.exception_visibility).toBe('unknown');
  });

  it('a note on a question reaches the answers, the review and the report', async () => {
    const w = await mount({renderReport: (answers, format) => renderReport({bank, answers, date: '2026-11-22', format})});
    await w.press(...keysOf(0, 7)); // up to the first axis
    await w.waitForFrame('Failure frequency');
    await w.press('n');
    await w.waitForFrame('Note on “Failure frequency”');
    await w.type('Three escalations last week');
    await w.press(KEY.enter);
    await w.waitForFrame('✎ Note: Three escalations last week');
    expect(last(w).answers.notes).toEqual({failure_frequency: 'Three escalations last week'});
    await w.press(...keysOf(7));
    await w.waitForFrame('17 of 17 answered');
    await w.press(KEY.home);
    await w.press(...Array(indexOf('failure_frequency')).fill(KEY.down));
    await w.waitForFrame(/❯ Failure frequency\s+4 of 5/);
    expect(w.lastFrame()).toContain('✎ Three escalations last week');
    // A note added on the review, too.
    await w.press(KEY.down, 'n');
    await w.waitForFrame('Note on “Data reconciliation load”');
    await w.type('Two teams, 6h a week');
    await w.press(KEY.enter);
    await w.waitForFrame('✎ Two teams, 6h a week');
    await w.press('r');
    await w.waitForFrame(/Not yet qualified/);
    await w.press('m', KEY.enter);
    await w.waitForFrame(`Saved ${join(w.cwd, 'handoff-assessment-acme-ltd-2026-11-22.md')}`);
    const saved = readFileSync(join(w.cwd, 'handoff-assessment-acme-ltd-2026-11-22.md'), 'utf8');
    expect(saved).toContain('Three escalations last week');
    expect(saved).toContain('Two teams, 6h a week');
  });
});

describe('result screen', () => {
  async function toResult(options: Parameters<typeof mount>[0] = {}): Promise<Mounted> {
    const w = await mount(options);
    await w.press(...WHOLE_INTERVIEW);
    await w.waitForFrame('17 of 17 answered');
    await w.press('r');
    await w.waitForFrame('# Report for Acme Ltd');
    return w;
  }

  it('shows the verdict, the confidence and the rendered report', async () => {
    const w = await toResult();
    const frame = w.lastFrame();
    expect(frame).toContain('Result');
    expect(frame).toMatch(/Not yet qualified \(the matrix leans toward [a-z ]+\) · (high|medium|low) confidence/);
    expect(frame).toContain('Matrix: {');
    expect(frame).toMatch(/m save \.md\s+h \.html\s+j \.json/);
  });

  it('saves under the default name, never overwrites without asking, and can save under another name', async () => {
    const w = await toResult();
    const file = join(w.cwd, 'handoff-assessment-acme-ltd-2026-11-22.html');
    writeFileSync(file, 'precious');
    await w.press('h');
    await w.waitForFrame('› handoff-assessment-acme-ltd-2026-11-22.html');
    await w.press(KEY.enter);
    await w.waitForFrame('already exists. Overwrite it? y/N');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    await w.press('n');
    await w.waitForFrame('Save the report as an HTML page');
    await w.press(KEY.ctrlU, ...'other.html', KEY.enter);
    await w.waitForFrame(`Saved ${join(w.cwd, 'other.html')}`);
    expect(readFileSync(join(w.cwd, 'other.html'), 'utf8')).toContain('<html>');
    expect(readFileSync(file, 'utf8')).toBe('precious');
    await w.press('h', KEY.enter);
    await w.waitForFrame('Overwrite it?');
    await w.press('y');
    await w.waitForFrame(`Saved ${join(w.cwd, 'handoff-assessment-acme-ltd-2026-11-22.html')}`);
    expect(readFileSync(file, 'utf8')).toContain('<html>');
    await w.press('q');
    const outcome = await w.waitForOutcome();
    expect(outcome.kind).toBe('done');
    expect(outcome.kind === 'done' && outcome.savedReports).toEqual([join(w.cwd, 'other.html'), file]);
  });

  it('p saves a PDF: the dialog says it is being made, keys wait, then the bytes are written', async () => {
    let finish: (bytes: Uint8Array) => void = () => undefined;
    const pdf = new Promise<Uint8Array>((resolve) => (finish = resolve));
    const w = await toResult({renderReport: (answers, format) => (format === 'pdf' ? pdf : fakeReport(answers, format))});
    await w.press('p');
    await w.waitForFrame('Save the report as a PDF (A4)');
    await w.waitForFrame('› handoff-assessment-acme-ltd-2026-11-22.pdf');
    await w.press(KEY.enter);
    await w.waitForFrame('Making the report...');
    await w.press('q'); // waits: the PDF is being made
    finish(Buffer.from('%PDF-1.3 test'));
    const file = join(w.cwd, 'handoff-assessment-acme-ltd-2026-11-22.pdf');
    await w.waitForFrame(`Saved ${file}`);
    expect(readFileSync(file, 'latin1')).toBe('%PDF-1.3 test');
    expect(w.outcome()).toBeUndefined();
  });

  it('asks once before finishing without a saved report', async () => {
    const w = await toResult();
    await w.press('q');
    await w.waitForFrame('No report saved yet');
    expect(w.outcome()).toBeUndefined();
    await w.press('q');
    const outcome = await w.waitForOutcome();
    expect(outcome).toMatchObject({kind: 'done', savedReports: []});
    expect(existsSync(join(w.cwd, 'handoff-assessment-acme-ltd-2026-11-22.md'))).toBe(false);
  });

  it('scrolls the report and goes back to the review with esc', async () => {
    const long = (answers: Parameters<typeof import('./helpers.js').fakeReport>[0]) =>
      `# Report for ${answers.context.organisation}\n\n${Array.from({length: 60}, (_, i) => `Paragraph ${i + 1}.`).join('\n\n')}\n`;
    const w = await mount({renderReport: long});
    await w.press(...WHOLE_INTERVIEW, 'r');
    await w.waitForFrame('# Report for Acme Ltd');
    expect(w.lastFrame()).not.toContain('Paragraph 20.');
    await w.press(KEY.pageDown, KEY.pageDown);
    await w.waitForFrame('Paragraph 20.');
    expect(w.lastFrame()).not.toContain('# Report for');
    await w.press(KEY.end);
    await w.waitForFrame('Paragraph 60.');
    expect(w.lastFrame()).toMatch(/lines \d+-\d+ of \d+ · end/);
    await w.press(KEY.home);
    await w.waitForFrame('# Report for Acme Ltd');
    await w.press(KEY.esc);
    await w.waitForFrame('17 of 17 answered');
  });
});

describe('ctrl-c', () => {
  it('resolves cancelled with the answers so far; onChange was called after every answer', async () => {
    const w = await mount();
    await w.press(...keysOf(0, 9)); // context, the handoff map and two axes
    await w.waitForFrame('Decision matrix · 3 of 5');
    const answeredSoFar = w.changes.length;
    expect(answeredSoFar).toBe(10);
    // After each answer, the state handed over holds it and points at the next question; a matrix answer
    // is handed over once stored (its figure then asked) and again once the figure is given or skipped.
    expect(w.changes.map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 7, 8]);
    expect(w.changes[0]!.answers.context.organisation).toBe('Acme Ltd');
    expect(w.changes[8]!.answers.matrix.reconciliation_load).toBe(5);
    await w.press(KEY.ctrlC);
    const outcome = await w.waitForOutcome();
    expect(outcome.kind).toBe('cancelled');
    expect(outcome.state).toBe(last(w));
    expect(outcome.state.answers.matrix).toEqual({failure_frequency: 4, reconciliation_load: 5});
    expect(outcome.state.answers.context).toEqual({organisation: 'Acme Ltd', assessor: '', role: 'consultant', workflow: 'Sales to ops', systems: ['HubSpot', 'Gmail']});
  });

  it('keeps a note that was being typed', async () => {
    const w = await mount({initial: at('failure_frequency')});
    await w.press(KEY.enter, 'n');
    await w.waitForFrame('Note on');
    await w.type('half a thought');
    await w.press(KEY.ctrlC);
    const outcome = await w.waitForOutcome();
    expect(outcome.state.answers.notes).toEqual({failure_frequency: 'half a thought'});
    expect(last(w).answers.notes).toEqual({failure_frequency: 'half a thought'});
  });

  it('works on the welcome screen and in a text field', async () => {
    for (const keys of [[], [KEY.enter, 'A']]) {
      const w = await mount();
      await w.press(...keys, KEY.ctrlC);
      expect((await w.waitForOutcome()).kind).toBe('cancelled');
      w.unmount();
    }
  });
});

async function waitGone(w: Mounted, text: string) {
  await waitFor(() => !w.lastFrame().includes(text), w.lastFrame);
}

describe('when the draft cannot be saved', () => {
  it('says so and keeps going; the message goes once a save works', async () => {
    let failing = true;
    const w = await mount();
    // Wrap the recorder: fail the first save.
    const original = w.changes.push.bind(w.changes);
    w.changes.push = (...states) => {
      if (failing) {
        failing = false;
        throw new Error('disk full');
      }
      return original(...states);
    };
    await w.press(KEY.enter, ...'Acme', KEY.enter);
    await w.waitForFrame('The draft could not be saved: disk full');
    expect(w.lastFrame()).toContain('Who is running the assessment?');
    await w.press(KEY.enter);
    await w.waitForFrame('What is the assessor');
    expect(w.lastFrame()).not.toContain('could not be saved');
  });
});
