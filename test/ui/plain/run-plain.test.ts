import {describe, expect, test, beforeEach, afterEach} from '@jest/globals';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBankDir} from '../../../src/bank/load-bank.js';
import {buildSteps, MAX_LIST_ITEMS, startInterview, type InterviewState} from '../../../src/engine/interview.js';
import type {Answers, Bank} from '../../../src/engine/types.js';
import {runPlain} from '../../../src/ui/plain/run-plain.js';
import {outcomeOf, testSession, type Outcome} from '../../session/helpers.js';
import {FakeTerminal, KEY} from './fake-terminal.js';

const bank: Bank = loadBankDir().bank!;
const steps = buildSteps(bank);
const indexOf = (id: string) => steps.findIndex((s) => s.id === id);

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ha-plain-'));
});
afterEach(() => rmSync(cwd, {recursive: true, force: true}));

/** Start the plain mode on a fake terminal; every onChange state is recorded. */
const simpleReport = (answers: Answers, format: string) =>
  format === 'json' ? JSON.stringify(answers) : `# Handoff report for ${answers.context.organisation}\n\nNotes: ${JSON.stringify(answers.notes)}\n`;

function start(initial: InterviewState = startInterview(bank), signal?: AbortSignal, columns?: number, renderReport = simpleReport) {
  const term = new FakeTerminal(columns);
  const {session, changes} = testSession({bank, initial, cwd, date: '2025-01-31', renderReport});
  const outcome: Promise<Outcome> = runPlain(session, {stdin: term.input as unknown as NodeJS.ReadStream, stdout: term.output as unknown as NodeJS.WriteStream, signal}).then(
    () => outcomeOf(session)!,
  );
  return {term, changes, outcome};
}

async function answerContext(term: FakeTerminal) {
  await term.waitFor('? Which organisation is this assessment for?');
  await term.line('Acme Ltd');
  await term.waitFor('? Who is running the assessment?');
  await term.line('');
  await term.waitFor("? What is the assessor's role?");
  await term.choose(2);
  await term.waitFor('? Which single workflow');
  await term.line('Quote to cash');
  await term.waitFor('? Which systems');
  await term.line('HubSpot, NetSuite');
}

/** Skip the handoff map (its second entry, "Skip this part"). */
async function skipHandoffs(term: FakeTerminal) {
  await term.waitFor('? Add a handoff, or skip this part?');
  await term.waitFor('? Why this matters'); // the whole list drawn: the prompt takes keys
  await term.choose(2);
}

/** Answer the axes in order; each known answer's baseline figure is skipped with Enter alone. */
async function answerMatrix(term: FakeTerminal, values: (number | 'unknown')[]) {
  for (const [i, v] of values.entries()) {
    await term.waitFor(`? ${bank.axes[i]!.title}: 1 to 5?`);
    await term.choose(v === 'unknown' ? 6 : v);
    if (v === 'unknown') continue;
    await term.waitFor(`? ${bank.axes[i]!.baseline!.prompt}`);
    await term.line('');
  }
}

/** Tick the listed (0-based) statements of the current checklist and confirm. */
async function tick(term: FakeTerminal, which: number[]) {
  await term.waitFor('? Which of these are true here?');
  for (let i = 0; i < 4; i++) {
    if (which.includes(i)) await term.press(KEY.space);
    if (i < 3) await term.press(KEY.down);
  }
  await term.press(KEY.enter);
}

/** Answer each disqualifier's plain question: "n" (it applies, for the bundled bank) for those listed, else "y". */
async function answerDisqualifiers(term: FakeTerminal, applying: string[] = []) {
  for (const d of bank.disqualifiers) {
    await term.waitFor(`? ${d.prompt}`);
    await term.line(applying.includes(d.id) ? 'n' : 'y');
  }
}

describe('plain mode: a whole interview', () => {
  test('every kind of question, the review, the result and a saved markdown report', async () => {
    const {term, changes, outcome} = start();
    await answerContext(term);
    await skipHandoffs(term);
    await answerMatrix(term, [4, 5, 3, 4, 'unknown']);
    await tick(term, [2]);
    await tick(term, [0, 1]);
    await answerDisqualifiers(term);

    const review = await term.waitFor('? Is everything right?');
    expect(review).toContain('Review: 17 of 17 questions answered');
    expect(review).toContain(' 5. Systems involved: HubSpot, NetSuite');
    expect(review).toContain(' 2. Assessor: skipped');
    expect(review).toContain(' 6. Handoff map: skipped');
    expect(review).toContain("11. Operational confidence: don't know");
    await term.press(KEY.enter); // the cursor starts on "show the result"

    const result = await term.waitFor('? Save the report?');
    expect(result).toMatch(/Result: A remediation sprint, (high|medium|low) confidence\./);
    expect(result).toContain('# Handoff report for Acme Ltd');
    await term.choose(1);
    await term.waitFor('? Save as: (handoff-assessment-acme-ltd-2025-01-31.md)');
    await term.line('');
    await term.waitFor(`Saved ${join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.md')}`);
    await term.waitFor('? Save the report?');
    await term.choose(5);

    const done = await outcome;
    expect(done.kind).toBe('done');
    const file = join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.md');
    expect(done.kind === 'done' && done.savedReports).toEqual([file]);
    expect(readFileSync(file, 'utf8')).toBe('# Handoff report for Acme Ltd\n\nNotes: {}\n');
    expect(done.state.answers).toEqual({
      version: 1,
      context: {organisation: 'Acme Ltd', assessor: '', role: 'founder', workflow: 'Quote to cash', systems: ['HubSpot', 'NetSuite']},
      matrix: {failure_frequency: 4, reconciliation_load: 5, exception_visibility: 3, lead_time_impact: 4, operational_confidence: 'unknown'},
      signals: {manage_in_place: ['clear_ownership'], remediation_sprint: ['recurring_sync_failures', 'fragmented_status']},
      disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
      notes: {},
      certainty: {},
      handoffs: [],
    });
    // One change per answer, each saved as it happened; a known matrix answer twice (stored, then its figure skipped).
    expect(changes).toHaveLength(21);
    expect(changes[0]!.answers.context.organisation).toBe('Acme Ltd');
    expect(changes.at(-1)!.index).toBe(steps.length);
  });

  test('a required answer left empty is refused with the engine message, and the question stays', async () => {
    const {term, changes, outcome} = start();
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line('');
    await term.waitFor('This one is needed for the report: please type an answer.');
    expect(changes).toHaveLength(0);
    await term.line('Acme Ltd');
    await term.waitFor('? Who is running the assessment?');
    expect(changes[0]!.index).toBe(1);
    await term.press(KEY.ctrlC);
    await outcome;
  });
});

describe('plain mode: scales', () => {
  test('Enter alone on an unanswered scale records nothing and says how to choose; a typed number answers', async () => {
    const axes = bank.axes.slice(0, 2);
    const {term, changes, outcome} = start({...startInterview(bank), index: indexOf(axes[0]!.id)});
    const asked = await term.waitFor(`? ${axes[0]!.title}: 1 to 5?`);
    expect(asked).toContain("Nothing is chosen yet. Type 1 to 5, or 6 for don't know, then Enter.");
    await term.press(KEY.enter);
    await term.waitFor("> Nothing chosen yet. Type 1 to 5, or 6 for don't know, then Enter.");
    expect(changes).toHaveLength(0);
    await term.line('2');
    await term.waitFor(`? ${axes[0]!.baseline!.prompt}`);
    await term.line(''); // no figure
    await term.waitFor(`? ${axes[1]!.title}: 1 to 5?`);
    expect(changes.at(-1)!.answers.matrix[axes[0]!.id]).toBe(2);
    await term.press(KEY.ctrlC);
    await outcome;
  });

  test('an answered scale starts on its answer: Enter alone keeps it', async () => {
    const {term, changes, outcome} = start({answers: fullAnswers(), index: indexOf('failure_frequency'), returnToReview: false});
    const asked = await term.waitFor('? Failure frequency: 1 to 5? 2');
    expect(asked).toContain('Enter alone keeps the answer shown.');
    await term.press(KEY.enter);
    await term.waitFor('? How many handoff failures were there in the last four weeks?');
    expect(changes.at(-1)!.answers.matrix.failure_frequency).toBe(2);
    await term.line(''); // no figure
    await term.waitFor('? Data reconciliation load: 1 to 5?');
    expect(changes.at(-1)!.answers.matrix.failure_frequency).toBe(2);
    await term.press(KEY.ctrlC);
    await outcome;
  });

  test("the scale's points read as the engine words them, numbered", async () => {
    const axis = steps[indexOf(bank.axes[0]!.id)]!;
    const {term, outcome} = start({...startInterview(bank), index: indexOf(axis.id)});
    const shown = await term.waitFor(`? ${axis.title}: 1 to 5?`);
    await term.waitFor("6) Don't know");
    const text = term.text.slice(term.text.lastIndexOf(shown));
    axis.options!.forEach((o, i) => expect(text).toContain(`${i + 1}) ${o.label}`));
    await term.press(KEY.ctrlC);
    await outcome;
  });
});

describe('plain mode: disqualifiers', () => {
  test('Enter alone on an unanswered disqualifier records nothing and says how to choose; the plain question is answered y or n', async () => {
    const [first, second] = bank.disqualifiers;
    const {term, changes, outcome} = start({...startInterview(bank), index: indexOf(first!.id)});
    const asked = await term.waitFor(`? ${first!.prompt}`);
    expect(asked).toContain('Nothing is chosen yet. Type y or n, then Enter.');
    await term.waitFor('n) No');
    expect(term.text).toContain('y) Yes');
    expect(term.text).not.toContain('does not apply');
    await term.press(KEY.enter);
    await term.waitFor('> Nothing chosen yet. Type y or n, then Enter.');
    expect(changes).toHaveLength(0);
    // "Is there one person who can approve tradeoffs...?" No: the disqualifier applies (applies_when: no).
    await term.line('n');
    await term.waitFor(`? ${second!.prompt}`);
    expect(changes.at(-1)!.answers.disqualifiers).toEqual({[first!.id]: true});
    // Yes (typed as its number too): it does not apply.
    await term.line('1');
    await term.waitFor(`? ${bank.disqualifiers[2]!.prompt}`);
    expect(changes.at(-1)!.answers.disqualifiers).toEqual({[first!.id]: true, [second!.id]: false});
    await term.press(KEY.ctrlC);
    await outcome;
  });

  test('a custom bank whose question means it applies on yes (applies_when: yes) stores yes as applying', async () => {
    const custom: Bank = {
      ...bank,
      disqualifiers: bank.disqualifiers.map((d, i) => (i === 0 ? {...d, prompt: 'Are the tradeoffs between teams still without an owner?', appliesWhen: true} : d)),
    };
    const first = custom.disqualifiers[0]!;
    const term = new FakeTerminal();
    const {session, changes} = testSession({bank: custom, initial: {...startInterview(custom), index: indexOf(first.id)}, cwd, renderReport: simpleReport});
    const done = runPlain(session, {stdin: term.input as unknown as NodeJS.ReadStream, stdout: term.output as unknown as NodeJS.WriteStream});
    await term.waitFor('? Are the tradeoffs between teams still without an owner?');
    await term.line('y');
    await term.waitFor(`? ${custom.disqualifiers[1]!.prompt}`);
    expect(changes.at(-1)!.answers.disqualifiers).toEqual({[first.id]: true});
    await term.line('<');
    await term.waitFor('? Are the tradeoffs between teams still without an owner? y');
    await term.line('n');
    await term.waitFor(`? ${custom.disqualifiers[1]!.prompt}`);
    expect(changes.at(-1)!.answers.disqualifiers).toEqual({[first.id]: false});
    await term.press(KEY.ctrlC);
    await done;
  });
});

describe('plain mode: going back', () => {
  test('< on the first question says there is nothing before it and asks again', async () => {
    const {term, changes, outcome} = start();
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line('<');
    await term.waitFor('This is the first question: there is nothing before it.');
    await term.waitFor('? Which organisation is this assessment for?');
    expect(changes).toHaveLength(0);
    await term.press(KEY.ctrlC);
    expect((await outcome).state.index).toBe(0);
  });

  test('< on the first axis returns across the section boundary to the last context question, answer kept', async () => {
    const {term, changes, outcome} = start();
    await answerContext(term);
    await skipHandoffs(term);
    await term.waitFor('? Failure frequency: 1 to 5?');
    await term.press('<');
    await term.press(KEY.enter);
    // Back on the handoff map (skipped: nothing listed); its own "< Back" entry goes on back.
    await term.waitFor('? Add a handoff, or skip this part?');
    await term.waitFor('? Why this matters'); // the whole list drawn: the prompt takes keys
    await term.choose(3);
    const shown = await term.waitFor('? Which systems does that workflow pass through? (comma-separated) (HubSpot, NetSuite)');
    expect(shown).toContain('About the assessment, 5 of 5');
    expect(changes.at(-1)!.index).toBe(indexOf('systems'));
    // Enter keeps the answer and moves on again.
    await term.line('');
    await skipHandoffs(term);
    await term.waitFor('Decision matrix, 1 of 5');
    await term.waitFor('? Failure frequency: 1 to 5?');
    expect(changes.at(-1)!.index).toBe(indexOf('failure_frequency'));
    expect(changes.at(-1)!.answers.context.systems).toEqual(['HubSpot', 'NetSuite']);
    // :back in a text answer goes back too.
    await term.choose(7); // "< Back" is the seventh entry of a scale
    await term.waitFor('? Add a handoff, or skip this part?');
    await term.waitFor('? Why this matters');
    await term.choose(3);
    await term.waitFor('? Which systems');
    await term.line(':back');
    await term.waitFor('? Which single workflow matters most when a handoff fails? (Quote to cash)');
    expect(changes.at(-1)!.index).toBe(indexOf('workflow'));
    await term.press(KEY.ctrlC);
    const end = await outcome;
    expect(end.kind).toBe('cancelled');
  });

  test('back on a checklist leaves its stored answer as it was', async () => {
    const {term, changes, outcome} = start({answers: fullAnswers(), index: indexOf('remediation_sprint'), returnToReview: false});
    await term.waitFor('Signals, 2 of 2');
    await term.waitFor('? Which of these are true here?');
    // Tick the first statement, then "< Back" (the first entry after the four statements).
    await term.press(KEY.space, KEY.down, KEY.down, KEY.down, KEY.down, KEY.space, KEY.enter);
    await term.waitFor('Signals, 1 of 2');
    expect(changes.at(-1)!.index).toBe(indexOf('manage_in_place'));
    expect(changes.at(-1)!.answers.signals.remediation_sprint).toEqual(['fragmented_status']);
    await term.press(KEY.ctrlC);
    await outcome;
  });
});

describe('plain mode: the review', () => {
  test('an answer edited from the review returns to the review with the new answer', async () => {
    const {term, changes, outcome} = start({answers: fullAnswers(), index: steps.length, returnToReview: false});
    const first = await term.waitFor('? Is everything right?');
    expect(first).toContain(' 7. Failure frequency: 2 of 5');
    await term.choose(7);
    const edit = await term.waitFor('? Failure frequency: 1 to 5?');
    expect(edit).toContain('editing from the review');
    await term.choose(5);
    await term.waitFor('? How many handoff failures');
    await term.line('12');
    const again = await term.waitFor('? Is everything right?');
    expect(again).toContain(' 7. Failure frequency: 5 of 5, 12 failures in four weeks');
    expect(again).not.toContain('Data reconciliation load: 1 to 5?'); // did not walk on to the next question
    expect(changes.at(-1)).toMatchObject({index: steps.length, returnToReview: false});
    expect(changes.at(-1)!.answers.matrix.failure_frequency).toBe(5);

    // Opening a question and going back leaves it unchanged.
    await term.choose(indexOf('no_budget_path') + 1);
    await term.waitFor('? Is there a route to budget');
    await term.press('<');
    await term.press(KEY.enter);
    await term.waitFor('? Is everything right?');
    expect(changes.at(-1)!.answers.disqualifiers.no_budget_path).toBe(false);
    await term.press(KEY.ctrlC);
    await outcome;
  });
});

describe('plain mode: answers that disagree', () => {
  // "It is clear who owns each system" ticked beside exception visibility 5.
  const disagreeing = (): Answers => ({...fullAnswers(), matrix: {...fullAnswers().matrix, exception_visibility: 5}});

  test('the review lists them after the answers and offers to revisit each before the result; revisiting opens the question', async () => {
    const {term, changes, outcome} = start({answers: disagreeing(), index: steps.length, returnToReview: false});
    const review = await term.waitFor('? Is everything right?');
    const flat = review.replace(/\s+/g, ' ');
    expect(flat).toContain('Answers that disagree - Ownership is said to be clear, yet exceptions are found late and nobody clearly owns them.');
    expect(flat).toContain('To settle it: Who owned the last three exceptions, and how soon after they happened were they found? (revisit "Signals that favour managing in place")');
    expect(review.indexOf('Answers that disagree')).toBeGreaterThan(review.indexOf('17. Exploratory'));
    await term.waitFor('18. Revisit "Signals that favour managing in place": Ownership is said to be clear');
    await term.waitFor('19. Show the result as it is (the report lists the answers that disagree)');
    await term.choose(18);
    const edit = await term.waitFor('? Which of these are true here?');
    expect(edit).toContain('Signals, 1 of 2');
    expect(edit).toContain('editing from the review');
    // Untick "clear ownership" (the third statement): back on the review, nothing disagrees any more.
    await term.press(KEY.down, KEY.down, KEY.space, KEY.enter);
    const again = await term.waitFor('? Is everything right?');
    expect(again).not.toContain('Answers that disagree');
    expect(changes.at(-1)!.answers.signals.manage_in_place).toEqual([]);
    await term.waitFor('18. Yes, all correct: show the result');
    await term.press(KEY.ctrlC);
    await outcome;
  });

  test('going on to the result with answers that disagree is allowed', async () => {
    const {term, outcome} = start({answers: disagreeing(), index: steps.length, returnToReview: false});
    await term.waitFor('? Is everything right?');
    await term.press(KEY.enter);
    await term.waitFor('? Save the report?');
    await term.press(KEY.ctrlC);
    await outcome;
  });
});

describe('plain mode: why this matters, notes, certainty', () => {
  test('? explains a question and asks it again; a note typed inline reaches the answers, the review and the report', async () => {
    const {term, changes, outcome} = start();
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line('?');
    await term.waitFor('Why this matters: Which organisation is this assessment for?');
    const why = await term.waitFor('? Which organisation is this assessment for?');
    expect(why).toContain(bank.context[0]!.why);
    await term.line(':note Referred by the CFO');
    await term.waitFor('Note saved.');
    expect(changes.at(-1)!.answers.notes).toEqual({organisation: 'Referred by the CFO'});
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line('Acme Ltd');
    await term.press(KEY.ctrlC);
    const end = await outcome;
    expect(end.state.answers.notes).toEqual({organisation: 'Referred by the CFO'});
    expect(end.state.answers.context.organisation).toBe('Acme Ltd');
  });

  test('a note and a certainty mark from a list question reach the report', async () => {
    const {term, changes, outcome} = start({answers: fullAnswers(), index: indexOf('failure_frequency'), returnToReview: false});
    await term.waitFor('? Failure frequency: 1 to 5?');
    await term.choose(9); // ":note Add a note"
    await term.waitFor('? Note on "Failure frequency":');
    await term.line('Three escalations last week');
    await term.waitFor('Note saved.');
    await term.waitFor('? Failure frequency: 1 to 5?');
    await term.waitFor(':note) Edit the note');
    await term.choose(10); // ":sure How sure are you?"
    await term.waitFor('? How sure are you of the answer to "Failure frequency"?');
    await term.choose(1);
    await term.waitFor('Marked as verified.');
    await term.waitFor('? Failure frequency: 1 to 5?');
    await term.choose(4);
    await term.waitFor('? How many handoff failures');
    expect(changes.at(-1)!.answers).toMatchObject({
      matrix: {failure_frequency: 4},
      notes: {failure_frequency: 'Three escalations last week'},
      certainty: {failure_frequency: 'verified'},
    });
    await term.line('');
    // On to the review (each figure left out): the note is shown; then the result's report carries it.
    // Each answered question starts on its answer: Enter alone keeps it.
    for (let i = indexOf('reconciliation_load'); i < steps.length; i++) {
      await term.waitFor(`question ${i + 1} of 17`);
      await term.waitFor(/^\? /m);
      await term.press(KEY.enter);
      if (steps[i]!.kind !== 'scale') continue;
      await term.waitFor(`? ${bank.axes.find((a) => a.id === steps[i]!.id)!.baseline!.prompt}`);
      await term.line('');
    }
    const review = await term.waitFor('? Is everything right?');
    expect(review).toContain(' 7. Failure frequency: 4 of 5 (verified)');
    expect(review).toContain('Note: Three escalations last week');
    await term.choose(18);
    const result = await term.waitFor('? Save the report?');
    expect(result).toContain('Notes: {"failure_frequency":"Three escalations last week"}');
    await term.choose(5);
    // Finishing without a report asks once, as the wizard does.
    await term.waitFor('No report saved yet. Choose Finish again to finish without one.');
    await term.choose(5);
    const done = await outcome;
    expect(done.kind).toBe('done');
    expect(done.state.answers.notes).toEqual({failure_frequency: 'Three escalations last week'});
  });

  test(':sure then "yes" (it does not apply) on a disqualifier asks for the evidence as a note before moving on', async () => {
    const answers = fullAnswers();
    delete answers.disqualifiers.no_budget_path;
    const {term, changes, outcome} = start({answers, index: indexOf('no_budget_path'), returnToReview: false});
    await term.waitFor('? Is there a route to budget');
    await term.line(':sure');
    await term.waitFor('? How sure are you of the answer to "No budget path"?');
    await term.choose(1);
    await term.waitFor('Marked as verified.');
    await term.waitFor(':sure) How sure are you? (now: verified)');
    await term.line('y'); // "Is there a route to budget?" Yes: it does not apply
    const ask = await term.waitFor('? Evidence on "No budget path":');
    expect(ask.replace(/\s+/g, ' ')).toContain('Verified that "No budget path" does not apply: note the evidence. For example: Who signs off spend');
    expect(ask.replace(/\s+/g, ' ')).toContain('Enter alone goes on without it; the report then lists the evidence to bring.');
    await term.line('CFO approved the discovery budget');
    await term.waitFor('Evidence noted.');
    await term.waitFor('? Has one workflow been chosen as the priority');
    expect(changes.at(-1)!.answers).toMatchObject({
      disqualifiers: {no_budget_path: false},
      certainty: {no_budget_path: 'verified'},
      notes: {no_budget_path: 'CFO approved the discovery budget'},
    });
    await term.press(KEY.ctrlC);
    expect((await outcome).kind).toBe('cancelled');
  });

  test(':sure verified on a cleared disqualifier asks at once; declined, the review says the evidence is missing', async () => {
    const {term, outcome} = start({answers: fullAnswers(), index: indexOf('no_budget_path'), returnToReview: true});
    await term.waitFor('? Is there a route to budget');
    await term.choose(6); // ":sure", the sixth entry, by its number
    await term.waitFor('? How sure are you of the answer to "No budget path"?');
    await term.choose(1);
    await term.waitFor('? Evidence on "No budget path":');
    await term.line('');
    await term.waitFor('No evidence noted: the report lists it to bring.');
    await term.waitFor(':sure) How sure are you? (now: verified)');
    await term.press(KEY.enter); // "yes" again, the answer it starts on: not asked twice
    const review = await term.waitFor('? Is everything right?');
    expect(review).toContain('15. No budget path: Yes: does not apply (verified, no evidence noted)');
    await term.press(KEY.ctrlC);
    const end = await outcome;
    expect(end.state.answers.notes).toEqual({});
    expect(end.state.answers.certainty).toEqual({no_budget_path: 'verified'});
  });

  test('? on a checklist lists why each statement matters and keeps the ticks', async () => {
    const {term, outcome} = start({answers: fullAnswers(), index: indexOf('manage_in_place'), returnToReview: false});
    await term.waitFor('? Which of these are true here?');
    // Tick the first, untick the stored answer (clear_ownership, third), then tick "? Why this matters" (two below "< Back").
    await term.press(KEY.space, KEY.down, KEY.down, KEY.space, KEY.down, KEY.down, KEY.down, KEY.space, KEY.enter);
    await term.waitFor('Why this matters: Signals that favour managing in place');
    const why = await term.waitFor('? Which of these are true here?');
    expect(why).toContain(bank.signals[0]!.why);
    await term.waitFor('◉ A checklist or a simple fallback rule');
    await term.press(KEY.enter);
    await term.waitFor('Signals, 2 of 2');
    await term.press(KEY.ctrlC);
    const end = await outcome;
    expect(end.state.answers.signals.manage_in_place).toEqual(['lightweight_controls']);
  });
});

describe('plain mode: limits', () => {
  // A note of MAX_NOTE_LENGTH + 1 characters typed in full: test/hardening/plain-long-note.test.ts (npm run test:hardening).
  test(`more than ${MAX_LIST_ITEMS} systems are refused with the engine's message`, async () => {
    const {term, outcome} = start({...startInterview(bank), index: indexOf('systems')});
    await term.waitFor('? Which systems');
    await term.line(Array.from({length: MAX_LIST_ITEMS + 1}, (_, i) => `S${i}`).join(', '));
    await term.waitFor(`Please name at most ${MAX_LIST_ITEMS} systems (now ${MAX_LIST_ITEMS + 1}).`);
    await term.press(KEY.ctrlC);
    expect((await outcome).state.answers.context.systems).toBeUndefined();
  });
});

describe('plain mode: saving reports', () => {
  test('an existing file is never replaced without asking; another name can be chosen', async () => {
    const existing = join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.md');
    writeFileSync(existing, 'precious');
    const {term, outcome} = start({answers: fullAnswers(), index: steps.length, returnToReview: false});
    await term.waitFor('? Is everything right?');
    await term.press(KEY.enter);
    await term.waitFor('? Save the report?');
    await term.choose(1);
    await term.waitFor('? Save as:');
    await term.line('');
    await term.waitFor('? handoff-assessment-acme-ltd-2025-01-31.md already exists. Replace it? (y/N)');
    await term.line('n');
    await term.waitFor('Kept the existing file. Choose another name.');
    await term.waitFor('? Save as:');
    await term.line('acme-v2.md');
    await term.waitFor(`Saved ${join(cwd, 'acme-v2.md')}`);
    await term.waitFor('? Save the report?');
    await term.choose(3); // json
    await term.waitFor('? Save as:');
    await term.line('');
    await term.waitFor(`Saved ${join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.json')}`);
    await term.waitFor('? Save the report?');
    await term.choose(5);
    const done = await outcome;
    expect(readFileSync(existing, 'utf8')).toBe('precious');
    expect(readFileSync(join(cwd, 'acme-v2.md'), 'utf8')).toContain('# Handoff report for Acme Ltd');
    expect(JSON.parse(readFileSync(join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.json'), 'utf8')).context.organisation).toBe('Acme Ltd');
    expect(done.kind === 'done' && done.savedReports).toEqual([join(cwd, 'acme-v2.md'), join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.json')]);
  });

  test('replacing an existing file when confirmed', async () => {
    const existing = join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.md');
    writeFileSync(existing, 'old');
    const {term, outcome} = start({answers: fullAnswers(), index: steps.length, returnToReview: false});
    await term.waitFor('? Is everything right?');
    await term.press(KEY.enter);
    await term.waitFor('? Save the report?');
    await term.choose(1);
    await term.waitFor('? Save as:');
    await term.line('');
    await term.waitFor('Replace it?');
    await term.line('y');
    await term.waitFor(`Saved ${join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.md')}`);
    await term.waitFor('? Save the report?');
    await term.choose(5);
    await outcome;
    expect(readFileSync(existing, 'utf8')).toContain('# Handoff report for Acme Ltd');
  });

  test('a format that cannot be made says why and goes back to the choice, without asking for another name', async () => {
    const failing = (answers: Answers, format: string) => {
      if (format === 'html') throw new Error('the template broke');
      return simpleReport(answers, format);
    };
    const {term, outcome} = start({answers: fullAnswers(), index: steps.length, returnToReview: false}, undefined, undefined, failing);
    await term.waitFor('? Is everything right?');
    await term.press(KEY.enter);
    await term.waitFor('? Save the report?');
    await term.choose(2);
    await term.waitFor('? Save as:');
    await term.line('');
    await term.waitFor('The html report could not be made: the template broke');
    const next = await term.waitFor('? Save the report?');
    expect(next).not.toContain('? Save as:');
    expect(existsSync(join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.html'))).toBe(false);
    await term.choose(1);
    await term.waitFor('? Save as:');
    await term.line('');
    await term.waitFor(`Saved ${join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.md')}`);
    await term.waitFor('? Save the report?');
    await term.choose(5);
    expect((await outcome).kind).toBe('done');
  });
});

describe('plain mode: simple terminals', () => {
  test('with TERM=dumb, Backspace still edits a text answer', async () => {
    const saved = process.env.TERM;
    process.env.TERM = 'dumb';
    try {
      const {term, outcome} = start();
      await term.waitFor('? Which organisation is this assessment for?');
      await term.press('A', 'c', 'm', 'x', KEY.backspace, 'e', KEY.enter);
      await term.waitFor('? Who is running the assessment?');
      await term.press(KEY.ctrlC);
      expect((await outcome).state.answers.context.organisation).toBe('Acme');
      expect(process.env.TERM).toBe('dumb');
    } finally {
      process.env.TERM = saved;
    }
  });

  test('at 40 columns our own lines wrap at spaces and lose no words', async () => {
    const {term, outcome} = start(startInterview(bank), undefined, 40);
    const shown = await term.waitFor('? Which organisation');
    for (const line of shown.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(shown.replace(/\s+/g, ' ')).toContain(bank.meta.description.replace(/\s+/g, ' '));
    await term.press(KEY.ctrlC);
    await outcome;
  });
});

describe('plain mode: stopping', () => {
  test('Ctrl-C mid-interview gives a cancelled outcome with every answer so far', async () => {
    const {term, outcome} = start();
    await answerContext(term);
    await skipHandoffs(term);
    await answerMatrix(term, [4, 5]);
    await term.waitFor('? Exception visibility: 1 to 5?');
    await term.press(KEY.ctrlC);
    const end = await outcome;
    expect(end.kind).toBe('cancelled');
    expect(end.state.index).toBe(indexOf('exception_visibility'));
    expect(end.state.answers.context).toEqual({organisation: 'Acme Ltd', assessor: '', role: 'founder', workflow: 'Quote to cash', systems: ['HubSpot', 'NetSuite']});
    expect(end.state.answers.matrix).toEqual({failure_frequency: 4, reconciliation_load: 5});
    expect(existsSync(join(cwd, 'handoff-assessment-acme-ltd-2025-01-31.md'))).toBe(false);
  });

  test('Ctrl-C while a note is being typed keeps the note, as the wizard does', async () => {
    const {term, outcome} = start({...startInterview(bank), index: indexOf('workflow')});
    await term.waitFor('? Which single workflow');
    await term.line(':note');
    await term.waitFor('? Note on');
    await term.press(...'half a thought');
    await term.waitFor('half a thought');
    await term.press(KEY.ctrlC);
    const end = await outcome;
    expect(end.kind).toBe('cancelled');
    expect(end.state.answers.notes).toEqual({workflow: 'half a thought'});
  });

  test('an aborted signal (SIGINT or SIGTERM in the caller) cancels the current question', async () => {
    const controller = new AbortController();
    const {term, outcome} = start(startInterview(bank), controller.signal);
    await term.waitFor('? Which organisation is this assessment for?');
    await term.line('Acme Ltd');
    await term.waitFor('? Who is running the assessment?');
    controller.abort();
    const end = await outcome;
    expect(end.kind).toBe('cancelled');
    expect(end.state.answers.context.organisation).toBe('Acme Ltd');
    expect(end.state.index).toBe(1);
  });
});

/** Every question answered (failure frequency 2, one signal each side, no disqualifier). */
function fullAnswers(): Answers {
  return {
    version: 1,
    context: {organisation: 'Acme Ltd', role: 'consultant', workflow: 'Quote to cash', systems: ['HubSpot', 'NetSuite'], assessor: 'Jo'},
    matrix: {failure_frequency: 2, reconciliation_load: 3, exception_visibility: 3, lead_time_impact: 3, operational_confidence: 3},
    signals: {manage_in_place: ['clear_ownership'], remediation_sprint: ['fragmented_status']},
    disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
    notes: {},
    certainty: {},
    handoffs: [],
  };
}
