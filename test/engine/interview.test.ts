import {describe, expect, it} from '@jest/globals';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {answersToYaml} from '../../src/answers/serialize-answers.js';
import {
  answer,
  back,
  buildSteps,
  cancelEdit,
  currentStep,
  describeAnswer,
  edit,
  firstUnanswered,
  isReview,
  isAnswered,
  MAX_LIST_ITEMS,
  MAX_NOTE_LENGTH,
  missingRequired,
  positionOf,
  resumeState,
  progress,
  reviewContradictions,
  reviewRows,
  setAnswer,
  setCertainty,
  setNote,
  startingAnswer,
  startInterview,
  textLength,
  validate,
  validateNote,
  type InterviewState,
  type StepAnswer,
} from '../../src/engine/interview.js';
import {emptyAnswers} from '../../src/engine/types.js';
import {realBank} from './profiles.js';

const bank = realBank();
const steps = buildSteps(bank);
const ids = steps.map((s) => s.id);

/** A valid answer for every step, by id. */
const sample: Record<string, StepAnswer> = {
  organisation: 'Acme Ltd',
  assessor: 'Jo Smith',
  role: 'consultant',
  workflow: 'Order to cash',
  systems: 'HubSpot, Gmail ,  NetSuite',
  handoffs: [],
  failure_frequency: 4,
  reconciliation_load: 5,
  exception_visibility: 3,
  lead_time_impact: 'unknown',
  operational_confidence: 2,
  manage_in_place: ['clear_ownership'],
  remediation_sprint: [],
  // Disqualifiers: the yes/no answer to each plain question; for the bundled bank "no" means it applies.
  no_tradeoff_owner: true,
  no_budget_path: false,
  broad_redesign_expected: true,
  exploratory_no_pain: true,
};

function answerAll(state: InterviewState, count = steps.length): InterviewState {
  for (let i = 0; i < count; i++) state = answer(bank, state, sample[currentStep(bank, state)!.id]!);
  return state;
}

describe('the steps', () => {
  it('run context, the handoff map, matrix, signals, disqualifiers, in bank order', () => {
    expect(ids).toEqual([
      'organisation', 'assessor', 'role', 'workflow', 'systems', 'handoffs',
      'failure_frequency', 'reconciliation_load', 'exception_visibility', 'lead_time_impact', 'operational_confidence',
      'manage_in_place', 'remediation_sprint',
      'no_tradeoff_owner', 'no_budget_path', 'broad_redesign_expected', 'exploratory_no_pain',
    ]);
    expect(steps.map((s) => s.section)).toEqual([
      ...Array(5).fill('context'), 'handoffs', ...Array(5).fill('matrix'), 'signals', 'signals', ...Array(4).fill('disqualifiers'),
    ]);
  });

  it('each kind carries what its front end draws', () => {
    const role = steps.find((s) => s.id === 'role')!;
    expect(role.kind).toBe('choice');
    expect(role.options!.map((o) => o.value)).toEqual(['consultant', 'founder', 'operations-leader', 'buyer']);
    const ff = steps.find((s) => s.id === 'failure_frequency')!;
    expect(ff.kind).toBe('scale');
    expect(ff.poles!.manageInPlace).toMatch(/rare/);
    expect(ff.poles!.remediationSprint).toMatch(/every week/);
    expect(ff.why.length).toBeGreaterThan(20);
    const rem = steps.find((s) => s.id === 'remediation_sprint')!;
    expect(rem.kind).toBe('multi');
    expect(rem.options!.map((o) => o.value)).toEqual(['recurring_sync_failures', 'fragmented_status', 'workarounds_outpacing', 'unforecastable_delivery']);
    expect(steps.find((s) => s.id === 'no_budget_path')!.kind).toBe('yesno');
    expect(steps.find((s) => s.id === 'assessor')!.required).toBe(false);
    expect(steps.find((s) => s.id === 'organisation')!.required).toBe(true);
  });
});

describe('where an unanswered question starts', () => {
  const step = (id: string) => steps.find((s) => s.id === id)!;

  it('nothing for every question: no scale point, yes/no or choice is offered in advance (no anchoring)', () => {
    for (const s of steps) expect(startingAnswer(emptyAnswers(), s)).toBeUndefined();
    // Nothing chosen is never an answer the engine takes.
    expect(validate(step('failure_frequency'), undefined as unknown as StepAnswer)).toBe('Choose 1 to 5, or "don\'t know".');
    expect(validate(step('no_budget_path'), undefined as unknown as StepAnswer)).toBe('Answer yes or no.');
    expect(validate(step('role'), undefined as unknown as StepAnswer)).toBe('Please choose one of the options.');
  });

  it('an answered question starts on its answer', () => {
    // The answers file stores whether a disqualifier applies; the question starts on the answer to it as asked.
    const answers = {...emptyAnswers(), matrix: {failure_frequency: 1 as const}, disqualifiers: {no_budget_path: true, no_tradeoff_owner: false}};
    expect(startingAnswer(answers, step('failure_frequency'))).toBe(1);
    expect(startingAnswer(answers, step('no_budget_path'))).toBe(false); // "Is there a route to budget?" No: it applies
    expect(startingAnswer(answers, step('reconciliation_load'))).toBeUndefined();
    expect(startingAnswer(answers, step('no_tradeoff_owner'))).toBe(true);
  });

  it('a scale lists its points in words, the one wording both front ends show', () => {
    expect(step('failure_frequency').options).toEqual([
      {value: '1', label: 'The manage-in-place statement fits'},
      {value: '2', label: 'Leans toward manage in place'},
      {value: '3', label: 'Somewhere in between'},
      {value: '4', label: 'Leans toward remediation sprint'},
      {value: '5', label: 'The remediation-sprint statement fits'},
      {value: 'unknown', label: "Don't know"},
    ]);
  });
});

describe('moving through the interview', () => {
  it('starts at the first question with nothing answered', () => {
    const state = startInterview(bank);
    expect(state.index).toBe(0);
    expect(currentStep(bank, state)!.id).toBe('organisation');
    expect(progress(bank, state)).toEqual({section: 'context', sectionTitle: 'About the assessment', sectionStep: 1, sectionSize: 5, step: 1, total: 17, answered: 0, fraction: 0});
  });

  it('answering moves forward across a section boundary, and back comes back with the answer kept', () => {
    let state = answerAll(startInterview(bank), 5);
    expect(currentStep(bank, state)!.id).toBe('handoffs');
    expect(progress(bank, state)).toMatchObject({section: 'handoffs', sectionTitle: 'Handoff map', sectionStep: 1, sectionSize: 1, step: 6, total: 17, answered: 5});
    state = answerAll(state, 1);
    expect(currentStep(bank, state)!.id).toBe('failure_frequency');
    expect(progress(bank, state)).toMatchObject({section: 'matrix', sectionTitle: 'Decision matrix', sectionStep: 1, sectionSize: 5, step: 7, total: 17, answered: 6});
    expect(state.answers.context.systems).toEqual(['HubSpot', 'Gmail', 'NetSuite']);
    state = back(bank, back(bank, state));
    expect(currentStep(bank, state)!.id).toBe('systems');
    expect(progress(bank, state)).toMatchObject({section: 'context', sectionStep: 5, step: 5});
    expect(state.answers.context.systems).toEqual(['HubSpot', 'Gmail', 'NetSuite']);
    // Answering again replaces the answer and moves on again.
    state = answer(bank, state, ['Salesforce']);
    expect(state.answers.context.systems).toEqual(['Salesforce']);
    expect(currentStep(bank, state)!.id).toBe('handoffs');
  });

  it('back on the first question stays there', () => {
    const state = back(bank, startInterview(bank));
    expect(state.index).toBe(0);
  });

  it('the signals and disqualifier sections count their own steps', () => {
    let state = answerAll(startInterview(bank), 12);
    expect(progress(bank, state)).toMatchObject({section: 'signals', sectionTitle: 'Signals', sectionStep: 2, sectionSize: 2, step: 13});
    state = answerAll(state, 2);
    expect(progress(bank, state)).toMatchObject({section: 'disqualifiers', sectionTitle: 'Disqualifiers', sectionStep: 2, sectionSize: 4, step: 15});
  });

  it('after the last question comes the review; back from the review is the last question', () => {
    let state = answerAll(startInterview(bank));
    expect(isReview(bank, state)).toBe(true);
    expect(currentStep(bank, state)).toBeUndefined();
    expect(progress(bank, state)).toEqual({section: 'review', sectionTitle: 'Review', sectionStep: 1, sectionSize: 1, step: 17, total: 17, answered: 17, fraction: 1});
    // Answering on the review does nothing.
    expect(answer(bank, state, 3)).toBe(state);
    state = back(bank, state);
    expect(currentStep(bank, state)!.id).toBe('exploratory_no_pain');
  });

  it('a question opened from the review returns to the review when answered', () => {
    let state = answerAll(startInterview(bank));
    state = edit(bank, state, 'reconciliation_load');
    expect(currentStep(bank, state)!.id).toBe('reconciliation_load');
    expect(progress(bank, state)).toMatchObject({section: 'matrix', sectionStep: 2, step: 8});
    state = answer(bank, state, 1);
    expect(isReview(bank, state)).toBe(true);
    expect(state.answers.matrix.reconciliation_load).toBe(1);
    // The next answer after returning is an ordinary step again.
    state = back(bank, state);
    expect(currentStep(bank, state)!.id).toBe('exploratory_no_pain');
    state = answer(bank, state, true);
    expect(isReview(bank, state)).toBe(true);
  });

  it('back from a question opened from the review returns to the review, leaving the answer as it was', () => {
    let state = answerAll(startInterview(bank));
    state = edit(bank, state, 'organisation');
    state = back(bank, state);
    expect(isReview(bank, state)).toBe(true);
    expect(state.returnToReview).toBe(false);
    expect(state.answers.context.organisation).toBe('Acme Ltd');
    state = cancelEdit(bank, edit(bank, state, 'role'));
    expect(isReview(bank, state)).toBe(true);
  });

  it('editing an unknown id says which', () => {
    expect(() => edit(bank, startInterview(bank), 'nope')).toThrow('No question with id "nope".');
  });
});

describe('validation messages', () => {
  const step = (id: string) => steps.find((s) => s.id === id)!;
  it.each([
    ['organisation', '   ', 'This one is needed for the report: please type an answer.'],
    ['organisation', 'x'.repeat(121), 'Please keep it under 120 characters (now 121).'],
    ['systems', ' , ', 'Name at least one system, separated by commas (e.g. HubSpot, Gmail).'],
    ['systems', ['y'.repeat(81)], 'Each name must be under 80 characters.'],
    ['role', 'ceo', 'Please choose one of the options.'],
    ['failure_frequency', 7, 'Choose 1 to 5, or "don\'t know".'],
    ['failure_frequency', '4', 'Choose 1 to 5, or "don\'t know".'],
    ['manage_in_place', ['recurring_sync_failures'], 'Unknown option.'],
    ['no_budget_path', 'yes', 'Answer yes or no.'],
  ] as [string, StepAnswer, string][])('%s = %j is refused', (id, value, message) => {
    expect(validate(step(id), value)).toBe(message);
    expect(() => setAnswer(emptyAnswers(), step(id), value)).toThrow(`${id}: ${message}`);
  });

  it.each([
    ['organisation', 'x'.repeat(120)],
    ['assessor', ''],
    ['role', 'operations-leader'],
    ['failure_frequency', 'unknown'],
    ['failure_frequency', 1],
    ['remediation_sprint', []],
    ['no_budget_path', false],
  ] as [string, StepAnswer][])('%s = %j is accepted', (id, value) => {
    expect(validate(step(id), value)).toBeUndefined();
  });

  it('a list given as an array is trimmed, and blank names do not count as an answer', () => {
    const systems = steps.find((s) => s.id === 'systems')!;
    expect(validate(systems, ['', '  '])).toBe('Name at least one system, separated by commas (e.g. HubSpot, Gmail).');
    expect(setAnswer(emptyAnswers(), systems, [' HubSpot ', '', 'Gmail']).context.systems).toEqual(['HubSpot', 'Gmail']);
  });

  it('a refused answer leaves the state where it was', () => {
    const state = startInterview(bank);
    expect(() => answer(bank, state, '')).toThrow(/needed for the report/);
    expect(state.index).toBe(0);
    expect(state.answers.context.organisation).toBeUndefined();
  });
});

describe('resuming', () => {
  it('continues at the first unanswered question', () => {
    const state = answerAll(startInterview(bank), 7);
    expect(firstUnanswered(bank, state.answers)).toBe(7);
    expect(startInterview(bank, state.answers).index).toBe(7);
  });

  it('an empty signal list counts as answered ("none of these"); a missing one does not', () => {
    let state = answerAll(startInterview(bank), 13);
    expect(state.answers.signals.remediation_sprint).toEqual([]);
    expect(firstUnanswered(bank, state.answers)).toBe(13);
    const answers = {...state.answers, signals: {remediation_sprint: []}};
    expect(firstUnanswered(bank, answers)).toBe(ids.indexOf('manage_in_place'));
  });

  it('a disqualifier answered as not applying counts as answered', () => {
    const state = answerAll(startInterview(bank), 14);
    expect(state.answers.disqualifiers.no_tradeoff_owner).toBe(false);
    expect(firstUnanswered(bank, state.answers)).toBe(14);
  });

  it('everything answered resumes on the review', () => {
    const state = answerAll(startInterview(bank));
    expect(firstUnanswered(bank, state.answers)).toBe(17);
    expect(isReview(bank, startInterview(bank, state.answers))).toBe(true);
  });

  it('a skipped optional question does not pull a resumed draft back to it after a save and reload', () => {
    let state = startInterview(bank);
    state = answer(bank, state, 'Acme Ltd');
    state = answer(bank, state, ''); // assessor skipped
    state = answerAll(state, 6); // role .. reconciliation_load, the handoff map skipped
    expect(currentStep(bank, state)!.id).toBe('exception_visibility');
    const saved = answersToYaml(state.answers);
    const reloaded = parseAnswers('draft.yaml', saved, bank, {partial: true});
    expect(reloaded.errors).toEqual([]);
    expect(firstUnanswered(bank, reloaded.answers!)).toBe(ids.indexOf('exception_visibility'));
  });

  it('an optional question not reached yet is still where a draft resumes', () => {
    const state = answer(bank, startInterview(bank), 'Acme Ltd');
    expect(firstUnanswered(bank, state.answers)).toBe(1);
  });

  it('a skipped optional answer survives a draft round trip: still answered, still skipped, progress unchanged', () => {
    let state = startInterview(bank);
    state = answer(bank, state, 'Acme Ltd');
    state = answer(bank, state, '   '); // assessor skipped
    state = answer(bank, state, 'founder');
    const assessor = steps.find((s) => s.id === 'assessor')!;
    expect(state.answers.context.assessor).toBe('');
    expect(isAnswered(state.answers, assessor)).toBe(true);
    expect(describeAnswer(assessor, state.answers)).toBe('skipped');
    expect(progress(bank, state).answered).toBe(3);

    const saved = answersToYaml(state.answers);
    expect(saved).toContain('assessor: ""');
    const reloaded = parseAnswers('draft.yaml', saved, bank, {partial: true}).answers!;
    expect(reloaded.context).toEqual({organisation: 'Acme Ltd', assessor: '', role: 'founder'});
    const resumed = resumeState(bank, reloaded, positionOf(bank, state));
    expect(currentStep(bank, resumed)!.id).toBe('workflow');
    expect(progress(bank, resumed).answered).toBe(3);
    expect(describeAnswer(assessor, reloaded)).toBe('skipped');
    expect(reviewRows(bank, reloaded).find((r) => r.step.id === 'assessor')).toMatchObject({answer: 'skipped', answered: true});
  });

  it('a required answer left blank in a draft is still missing, not skipped', () => {
    const reloaded = parseAnswers('draft.yaml', 'version: 1\ncontext:\n  organisation: ""\n  workflow: "  "\n', bank, {partial: true}).answers!;
    expect(reloaded.context).toEqual({});
    expect(firstUnanswered(bank, reloaded)).toBe(0);
  });
});

describe('resumeState and positionOf', () => {
  const indexOf = (id: string) => ids.indexOf(id);
  const full = () => answerAll(startInterview(bank)).answers;

  it('the saved question, else the first unanswered; a question of a complete draft opens as an edit', () => {
    const partial = {...full(), matrix: {failure_frequency: 3 as const}};
    expect(resumeState(bank, partial, 'role')).toEqual({answers: partial, index: indexOf('role'), returnToReview: false});
    expect(resumeState(bank, partial, undefined).index).toBe(indexOf('reconciliation_load'));
    expect(resumeState(bank, partial, 'no-such-question').index).toBe(indexOf('reconciliation_load'));
    expect(resumeState(bank, full(), 'failure_frequency')).toEqual({answers: full(), index: indexOf('failure_frequency'), returnToReview: true});
    expect(resumeState(bank, partial, 'review').index).toBe(steps.length);
  });

  it('the position is the current question id, or "review"', () => {
    const state = answerAll(startInterview(bank), 3);
    expect(positionOf(bank, state)).toBe('workflow');
    expect(positionOf(bank, answerAll(startInterview(bank)))).toBe('review');
    expect(resumeState(bank, state.answers, positionOf(bank, state))).toEqual(state);
  });
});

describe('missingRequired', () => {
  it('lists the required questions without an answer, in interview order; optional ones never block the result', () => {
    expect(missingRequired(bank, emptyAnswers()).map((s) => s.id)).toEqual(steps.filter((s) => s.required).map((s) => s.id));
    const done = answerAll(startInterview(bank)).answers;
    expect(missingRequired(bank, done)).toEqual([]);
    const {assessor: _a, ...context} = done.context;
    expect(missingRequired(bank, {...done, context, signals: {}})).toEqual([]);
    const {no_budget_path: _b, ...disqualifiers} = done.disqualifiers;
    const {lead_time_impact: _c, ...matrix} = done.matrix;
    expect(missingRequired(bank, {...done, disqualifiers, matrix}).map((s) => s.id)).toEqual(['lead_time_impact', 'no_budget_path']);
  });
});

describe('notes and certainty', () => {
  it('a note is trimmed and stored by question id; an empty note removes it', () => {
    const a0 = emptyAnswers();
    const a1 = setNote(a0, 'failure_frequency', '  Three escalations last week \n');
    expect(a1.notes).toEqual({failure_frequency: 'Three escalations last week'});
    expect(a0.notes).toEqual({});
    const a2 = setNote(a1, 'failure_frequency', '   ');
    expect(a2.notes).toEqual({});
    expect(a1.notes.failure_frequency).toBe('Three escalations last week');
  });

  it('certainty is set and cleared by question id', () => {
    const a1 = setCertainty(emptyAnswers(), 'lead_time_impact', 'estimated');
    expect(a1.certainty).toEqual({lead_time_impact: 'estimated'});
    const a2 = setCertainty(a1, 'lead_time_impact', undefined);
    expect(a2.certainty).toEqual({});
    expect(a1.certainty).toEqual({lead_time_impact: 'estimated'});
  });

  it('answering keeps notes and certainty', () => {
    let state = startInterview(bank);
    state = {...state, answers: setCertainty(setNote(state.answers, 'organisation', 'the parent company'), 'organisation', 'verified')};
    state = answer(bank, state, 'Acme Ltd');
    expect(state.answers.notes.organisation).toBe('the parent company');
    expect(state.answers.certainty.organisation).toBe('verified');
  });
});

describe('the limits an answers file sets, kept by the engine too', () => {
  const systems = steps.find((s) => s.id === 'systems')!;
  const organisation = steps.find((s) => s.id === 'organisation')!;
  /** Answers as a front end leaves them, written as a draft and read back as --resume reads it. */
  const reread = (answers: ReturnType<typeof emptyAnswers>) => parseAnswers('draft.yaml', answersToYaml(answers), bank, {partial: true});

  it('at most MAX_LIST_ITEMS systems, typed or given as a list', () => {
    expect(MAX_LIST_ITEMS).toBe(50);
    const names = Array.from({length: MAX_LIST_ITEMS + 1}, (_, i) => `System ${i + 1}`);
    expect(validate(systems, names.join(', '))).toBe(`Please name at most ${MAX_LIST_ITEMS} systems (now ${MAX_LIST_ITEMS + 1}).`);
    expect(validate(systems, names)).toBe(`Please name at most ${MAX_LIST_ITEMS} systems (now ${MAX_LIST_ITEMS + 1}).`);
    expect(() => setAnswer(emptyAnswers(), systems, names)).toThrow(`systems: Please name at most ${MAX_LIST_ITEMS} systems`);
    const most = setAnswer(emptyAnswers(), systems, names.slice(0, MAX_LIST_ITEMS));
    expect(reread(most).errors).toEqual([]);
  });

  it('a note of at most MAX_NOTE_LENGTH characters; setNote refuses a longer one with the same message', () => {
    expect(MAX_NOTE_LENGTH).toBe(4000);
    expect(validateNote('x'.repeat(MAX_NOTE_LENGTH))).toBeUndefined();
    expect(validateNote(`  ${'x'.repeat(MAX_NOTE_LENGTH)}  `)).toBeUndefined(); // stored trimmed
    expect(validateNote('x'.repeat(MAX_NOTE_LENGTH + 1))).toBe('Please keep the note to at most 4000 characters (now 4001).');
    expect(() => setNote(emptyAnswers(), 'failure_frequency', 'x'.repeat(MAX_NOTE_LENGTH + 1))).toThrow('failure_frequency: Please keep the note to at most 4000 characters (now 4001).');
  });

  it('characters are counted the same everywhere: one emoji is one character, in the engine and in the reader', () => {
    expect(textLength('🚀é中')).toBe(3);
    const note = '🚀'.repeat(MAX_NOTE_LENGTH);
    expect(validateNote(note)).toBeUndefined();
    const answers = setNote(setAnswer(emptyAnswers(), organisation, '🚀'.repeat(120)), 'failure_frequency', note);
    const load = reread(answers);
    expect(load.errors).toEqual([]);
    expect(load.answers!.notes.failure_frequency).toBe(note);
    expect(load.answers!.context.organisation).toBe('🚀'.repeat(120));
    expect(validateNote(`${note}🚀`)).toBe('Please keep the note to at most 4000 characters (now 4001).');
    expect(reread({...answers, notes: {failure_frequency: `${note}🚀`}}).errors.map((e) => e.message)).toEqual([
      'the note on "failure_frequency" must be at most 4000 characters (found 4001)',
    ]);
  });
});

describe('the review', () => {
  it('shows every answer in words, with notes', () => {
    let state = answerAll(startInterview(bank));
    state = {...state, answers: setNote(state.answers, 'no_budget_path', 'CFO away until May')};
    const rows = Object.fromEntries(reviewRows(bank, state.answers).map((r) => [r.step.id, r]));
    expect(Object.keys(rows)).toEqual(ids);
    expect(rows.role!.answer).toBe('Consultant running the interview for a client');
    expect(rows.systems!.answer).toBe('HubSpot, Gmail, NetSuite');
    expect(rows.failure_frequency!.answer).toBe('4 of 5');
    expect(rows.lead_time_impact!.answer).toBe("don't know");
    expect(rows.manage_in_place!.answer).toBe('1 of 4: It is clear who owns each system and who steps in when something falls back');
    expect(rows.remediation_sprint!.answer).toBe('none of these');
    expect(rows.no_budget_path!.answer).toBe('No: applies');
    expect(rows.no_budget_path!.note).toBe('CFO away until May');
    expect(rows.no_tradeoff_owner!.answer).toBe('Yes: does not apply');
    expect(Object.values(rows).every((r) => r.answered)).toBe(true);
  });

  it('unanswered questions read "not answered"', () => {
    for (const step of steps) expect(describeAnswer(step, emptyAnswers())).toBe('not answered');
  });
});

describe('disqualifiers asked as plain questions', () => {
  const step = (b: typeof bank, id: string) => buildSteps(b).find((s) => s.id === id)!;
  // A custom bank whose question is asked the other way round: "yes" means it applies.
  const flipped = {...bank, disqualifiers: bank.disqualifiers.map((d) => (d.id === 'no_budget_path' ? {...d, prompt: 'Is the budget still to be found?', appliesWhen: true} : d))};

  it('the step carries the bank\'s applies_when (no for every bundled one)', () => {
    expect(steps.filter((s) => s.kind === 'yesno').map((s) => s.appliesWhen)).toEqual([false, false, false, false]);
    expect(step(flipped, 'no_budget_path').appliesWhen).toBe(true);
  });

  it('applies_when no: "yes" stores not applying, "no" stores applying, and each reads back as the answer given', () => {
    const s = step(bank, 'no_budget_path');
    expect(setAnswer(emptyAnswers(), s, true).disqualifiers.no_budget_path).toBe(false);
    expect(setAnswer(emptyAnswers(), s, false).disqualifiers.no_budget_path).toBe(true);
    expect(startingAnswer(setAnswer(emptyAnswers(), s, true), s)).toBe(true);
    expect(startingAnswer(setAnswer(emptyAnswers(), s, false), s)).toBe(false);
  });

  it('applies_when yes (a custom bank): "yes" stores applying', () => {
    const s = step(flipped, 'no_budget_path');
    expect(setAnswer(emptyAnswers(), s, true).disqualifiers.no_budget_path).toBe(true);
    expect(setAnswer(emptyAnswers(), s, false).disqualifiers.no_budget_path).toBe(false);
    expect(describeAnswer(s, setAnswer(emptyAnswers(), s, true))).toBe('Yes: applies');
    expect(describeAnswer(s, setAnswer(emptyAnswers(), s, false))).toBe('No: does not apply');
  });

  it('the review says the answer and whether it applies; not applying but estimated or unknown is unconfirmed', () => {
    const s = step(bank, 'no_budget_path');
    const cleared = setAnswer(emptyAnswers(), s, true);
    expect(describeAnswer(s, cleared)).toBe('Yes: does not apply');
    expect(describeAnswer(s, setAnswer(emptyAnswers(), s, false))).toBe('No: applies');
    expect(describeAnswer(s, setCertainty(cleared, 'no_budget_path', 'verified'))).toBe('Yes: does not apply');
    expect(describeAnswer(s, setCertainty(cleared, 'no_budget_path', 'estimated'))).toBe('Yes: unconfirmed');
    expect(describeAnswer(s, setCertainty(cleared, 'no_budget_path', 'unknown'))).toBe('Yes: unconfirmed');
  });
});

describe('answers that disagree, for the review', () => {
  it('each contradiction with the first of its questions to revisit, in bank order; none when the answers agree', () => {
    let state = answerAll(startInterview(bank));
    expect(reviewContradictions(bank, state.answers)).toEqual([]);
    // Ownership said to be clear, yet exceptions found late.
    state = {...state, answers: {...state.answers, matrix: {...state.answers.matrix, exception_visibility: 5}}};
    const shown = reviewContradictions(bank, state.answers);
    expect(shown.map((c) => c.contradiction.id)).toEqual(['ownership_vs_exceptions']);
    expect(shown[0]!.revisit.id).toBe('manage_in_place');
    expect(shown[0]!.contradiction.questions).toEqual(['manage_in_place', 'exception_visibility']);
  });
});
