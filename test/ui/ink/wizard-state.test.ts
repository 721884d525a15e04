/**
 * The wizard's keys without Ink: each key read by the view reducer, the
 * session events it stands for applied through the session's own rules
 * (pure: effects are collected, not run), and the view following the session.
 */
import {describe, expect, it} from '@jest/globals';
import type {Key} from 'ink';
import {parseAnswers} from '../../../src/answers/parse-answers.js';
import {answersToYaml} from '../../../src/answers/serialize-answers.js';
import {buildSteps, MAX_NOTE_LENGTH, startInterview, type InterviewState} from '../../../src/engine/interview.js';
import {emptyAnswers, type Answers} from '../../../src/engine/types.js';
import {startSession, transition, type SessionConfig, type SessionEffect, type SessionEvent, type SessionState} from '../../../src/session/session.js';
import {follow, initialView, keyModeOf, measured, onKey, shownError, type WizardView} from '../../../src/ui/ink/wizard-state.js';
import {realBank} from './helpers.js';

const bank = realBank();
const steps = buildSteps(bank);
const config: SessionConfig = {bank, date: '2026-11-22', cwd: '/work/out'};

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** The session and the wizard's view together, read as the screen shows them. */
class W {
  constructor(
    readonly view: WizardView,
    readonly session: SessionState,
    /** The effects the last key or event asked for. */
    readonly effects: SessionEffect[] = [],
  ) {}
  get interview() {
    return this.session.interview;
  }
  get draft() {
    return this.view.draft;
  }
  /** The error as the question screen shows it. */
  get error() {
    return shownError(this.view, this.session);
  }
  get note() {
    return this.session.note && {...this.session.note, buffer: this.view.note};
  }
  get screen() {
    return this.session.stage;
  }
  get save() {
    return this.session.save && {...this.session.save, buffer: this.view.saveName};
  }
  get saved() {
    return this.session.saved;
  }
  get message() {
    return this.session.notice && {tone: this.session.notice.tone, text: this.session.notice.text};
  }
  get reviewCursor() {
    return this.view.reviewCursor;
  }
  get scroll() {
    return this.view.scroll;
  }
  get why() {
    return this.view.why;
  }
}

/** Sizes as a render would tell them: a report of 100 lines in a viewport of 10, a review page of 5. */
const MEASURE = {reportHeight: 10, reportLines: 100, overflow: 0, page: 5, reviewPage: 5};

function start(interview: InterviewState): W {
  const session = startSession(interview);
  return new W(measured(initialView(config, session), MEASURE), session);
}

/** Apply session events to the state, the view following. */
function apply(w: W, ...events: SessionEvent[]): W {
  let {view, session} = w;
  const effects: SessionEffect[] = [];
  for (const event of events) {
    const t = transition(config, session, event);
    view = follow(view, session, t.state, config);
    session = t.state;
    effects.push(...t.effects);
  }
  return new W(view, session, effects);
}

/** A key as use-wizard runs it: its events applied one after another, then the view follows once, from the state before the key. */
function keyOf(w: W, input: string, key: Key): W {
  const {view, events} = onKey(w.view, w.session, config, input, key);
  let session = w.session;
  const effects: SessionEffect[] = [];
  for (const event of events) {
    const t = transition(config, session, event);
    session = t.state;
    effects.push(...t.effects);
  }
  return new W(follow(view, w.session, session, config), session, effects);
}

type Press = string | Partial<Key>;
function press(w: W, ...keys: Press[]): W {
  for (const k of keys) w = typeof k === 'string' ? keyOf(w, k, NO_KEY) : keyOf(w, '', {...NO_KEY, ...k});
  return w;
}
const enter = {return: true};
const esc = {escape: true};
const at = (id: string): W => press(start({...startInterview(bank), index: steps.findIndex((s) => s.id === id)}), enter);

/** Every required question answered: the review can go on to the result. */
const complete = (): Answers => ({
  ...emptyAnswers(),
  context: {organisation: 'Acme', role: 'founder', workflow: 'Quote to cash', systems: ['HubSpot']},
  matrix: {failure_frequency: 4, reconciliation_load: 3, exception_visibility: 3, lead_time_impact: 4, operational_confidence: 2},
  disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
});
const onReview = (answers: Answers = complete()): W => press(start({...startInterview(bank, answers), index: steps.length}), enter);

describe('wizard keys', () => {
  it('starts on the welcome screen; enter opens the current question', () => {
    const s = start(startInterview(bank));
    expect(s.screen).toBe('welcome');
    expect(keyModeOf(s.session, config)).toBe('welcome');
    const next = press(s, enter);
    expect(next.screen).toBe('interview');
    expect(keyModeOf(next.session, config)).toBe('text');
  });

  it('each question kind has its own key mode', () => {
    expect(['organisation', 'systems', 'role', 'failure_frequency', 'manage_in_place', 'no_budget_path'].map((id) => keyModeOf(at(id).session, config))).toEqual([
      'text',
      'text',
      'choice',
      'scale',
      'multi',
      'yesno',
    ]);
  });

  it('back crosses from the matrix into the context section, and forward again keeps the answers', () => {
    let s = press(at('systems'), 'X', enter);
    expect(steps[s.interview.index]!.id).toBe('handoffs');
    s = press(s, 's');
    expect(steps[s.interview.index]!.id).toBe('failure_frequency');
    s = press(s, esc, esc);
    expect(steps[s.interview.index]!.id).toBe('systems');
    expect(s.draft).toEqual({kind: 'text', buffer: {value: 'X', cursor: 1}});
    // The figure after 5 is skipped with enter; ← goes back from the matrix across the handoff map.
    s = press(s, enter, 's', '5', enter, {leftArrow: true}, {leftArrow: true}, {leftArrow: true});
    expect(steps[s.interview.index]!.id).toBe('systems');
    expect(s.interview.answers.matrix).toEqual({failure_frequency: 5});
  });

  it('a refused answer keeps the question and says why', () => {
    const s = press(at('organisation'), ' ', enter);
    expect(s.interview.index).toBe(0);
    expect(s.error).toMatch(/needed for the report/);
    expect(press(s, 'A').error).toBeUndefined();
    // Refused again with the same words after an edit: they show again.
    expect(press(s, 'A', {backspace: true}, enter).error).toMatch(/needed for the report/);
  });

  it('back from the first question to the welcome and on again keeps what was typed', () => {
    const s = press(at('organisation'), 'A', 'c', esc);
    expect(s.screen).toBe('welcome');
    expect(press(s, enter).draft).toEqual({kind: 'text', buffer: {value: 'Ac', cursor: 2}});
  });

  it('back from the result keeps the highlighted review row', () => {
    const s = press(onReview(), {home: true}, {downArrow: true}, 'r');
    expect(s.screen).toBe('result');
    expect(press(s, esc).reviewCursor).toBe(1);
  });

  it('a scale takes 1-5 and d; digits beyond the scale and letters do nothing', () => {
    expect(press(at('failure_frequency'), '9', 'x').interview.answers.matrix).toEqual({});
    expect(press(at('failure_frequency'), '2').interview.answers.matrix).toEqual({failure_frequency: 2});
    expect(press(at('failure_frequency'), 'd').interview.answers.matrix).toEqual({failure_frequency: 'unknown'});
  });

  it('a note is stored through the engine on enter, dropped on esc, removed when emptied', () => {
    let s = press(at('failure_frequency'), 'n', ...'weekly', enter);
    expect(s.interview.answers.notes).toEqual({failure_frequency: 'weekly'});
    expect(s.note).toBeUndefined();
    s = press(s, 'n', ...' more', esc);
    expect(s.interview.answers.notes).toEqual({failure_frequency: 'weekly'});
    s = press(s, 'n');
    expect(s.note?.buffer?.value).toBe('weekly');
    s = keyOf(s, 'u', {...NO_KEY, ctrl: true}); // ctrl+u clears the line
    s = press(s, enter);
    expect(s.interview.answers.notes).toEqual({});
  });

  it('a pasted note stops at the engine\'s limit, counted as the answers file counts it, so the draft reads back', () => {
    const s = press(at('failure_frequency'), 'n', '🚀'.repeat(MAX_NOTE_LENGTH + 10), enter);
    expect(s.interview.answers.notes.failure_frequency).toBe('🚀'.repeat(MAX_NOTE_LENGTH));
    const load = parseAnswers('draft.yaml', answersToYaml(s.interview.answers), bank, {partial: true});
    expect(load.errors).toEqual([]);
    expect(load.answers!.notes.failure_frequency).toBe('🚀'.repeat(MAX_NOTE_LENGTH));
  });

  it('typing n or ? in a text field types them', () => {
    const s = press(at('workflow'), 'n', '?');
    expect(s.note).toBeUndefined();
    expect(s.why).toBe(false);
    expect(s.draft).toEqual({kind: 'text', buffer: {value: 'n?', cursor: 2}});
  });

  it('from the review, enter opens the highlighted answer and answering returns to the same row', () => {
    let s = start({...startInterview(bank), index: steps.length});
    s = press(s, enter); // welcome → review
    expect(keyModeOf(s.session, config)).toBe('review');
    expect(s.reviewCursor).toBe(steps.length);
    s = press(s, {home: true}, {downArrow: true}, {downArrow: true});
    s = press(s, enter);
    expect(steps[s.interview.index]!.id).toBe('role');
    expect(s.interview.returnToReview).toBe(true);
    s = press(s, '2');
    expect(keyModeOf(s.session, config)).toBe('review');
    expect(s.reviewCursor).toBe(2);
    expect(s.interview.answers.context.role).toBe('founder');
  });

  it('saving asks for a name, then reports the result of the save effect', () => {
    let s = press(onReview(), 'r');
    expect(s.screen).toBe('result');
    s = press(s, 'j');
    expect(s.save).toMatchObject({format: 'json', stage: 'name', buffer: {value: 'handoff-assessment-acme-2026-11-22.json'}});
    const path = '/work/out/handoff-assessment-acme-2026-11-22.json';
    const t = keyOf(s, '', {...NO_KEY, return: true});
    expect(t.effects).toEqual([{type: 'write-report', path, format: 'json', answers: s.interview.answers, overwrite: false}]);
    s = apply(t, {type: 'report-exists', path});
    expect(keyModeOf(s.session, config)).toBe('save-confirm');
    expect(keyOf(s, 'y', NO_KEY).effects).toEqual([{type: 'write-report', path, format: 'json', answers: s.interview.answers, overwrite: true}]);
    s = apply(s, {type: 'report-written', path});
    expect(s.save).toBeUndefined();
    expect(s.saved).toEqual([path]);
    expect(s.message).toEqual({tone: 'success', text: `Saved ${path}`});
  });

  it('the report scrolls within its length', () => {
    let s = press(onReview(), 'r');
    s = press(s, {pageDown: true});
    expect(s.scroll).toBe(9);
    s = press(s, {end: true}, {downArrow: true});
    expect(s.scroll).toBe(90);
    s = press(s, {home: true}, {upArrow: true});
    expect(s.scroll).toBe(0);
  });

  it('ctrl-c ends with `cancelled` from any screen', () => {
    const ctrlC = {ctrl: true};
    for (const s of [start(startInterview(bank)), at('organisation'), at('failure_frequency'), press(at('role'), 'n')]) {
      const next = keyOf(s, 'c', {...NO_KEY, ...ctrlC});
      expect(next.screen).toBe('cancelled');
    }
  });
});

describe('draft save failures', () => {
  it('are shown until a later save works', () => {
    let s = apply(at('organisation'), {type: 'draft-failed', message: 'disk full'});
    expect(s.session.draftProblem).toEqual({message: 'disk full'});
    s = apply(s, {type: 'draft-saved'});
    expect(s.session.draftProblem).toBeUndefined();
  });
});

describe('certainty in one key, and the evidence it can call for', () => {
  const ctrlR = (s: W) => keyOf(s, 'r', {...NO_KEY, ctrl: true});

  it('c cycles the current answer: not marked → verified → estimated → unknown → not marked', () => {
    let s = press(at('failure_frequency'), '4', enter, esc); // answered (no figure), back on it
    const marks: unknown[] = [];
    for (let i = 0; i < 4; i++) marks.push((s = press(s, 'c')).interview.answers.certainty.failure_frequency);
    expect(marks).toEqual(['verified', 'estimated', 'unknown', undefined]);
    expect(s.interview.answers.matrix).toEqual({failure_frequency: 4});
    expect(s.note).toBeUndefined();
  });

  it('keeps the highlighted option of a question not yet answered', () => {
    const s = press(at('role'), {downArrow: true}, {downArrow: true}, 'c');
    expect(s.interview.answers.certainty).toEqual({role: 'verified'});
    expect(s.draft).toEqual({kind: 'select', cursor: 1});
  });

  it('in a text field c is typed, and ctrl+r marks instead', () => {
    let s = press(at('workflow'), 'c');
    expect(s.draft).toEqual({kind: 'text', buffer: {value: 'c', cursor: 1}});
    s = ctrlR(s);
    expect(s.interview.answers.certainty).toEqual({workflow: 'verified'});
  });

  it('a disqualifier cleared as verified asks for the evidence before moving on; enter saves it', () => {
    let s = press(at('no_budget_path'), 'c'); // verified, not answered yet: nothing to ask
    expect(s.note).toBeUndefined();
    s = press(s, '1'); // "Is there a route to budget?" Yes: it does not apply
    expect(s.note).toMatchObject({id: 'no_budget_path', evidence: {id: 'no_budget_path'}, then: true});
    expect(steps[s.interview.index]!.id).toBe('no_budget_path');
    expect(s.interview.answers.disqualifiers).toEqual({no_budget_path: false});
    s = press(s, ...'CFO signed off', enter);
    expect(s.note).toBeUndefined();
    expect(steps[s.interview.index]!.id).toBe('broad_redesign_expected');
    expect(s.interview.answers.notes).toEqual({no_budget_path: 'CFO signed off'});
  });

  it('esc goes on without the evidence, and it is not asked again when the answer is confirmed again', () => {
    let s = press(at('no_budget_path'), 'c', '1', esc);
    expect(s.note).toBeUndefined();
    expect(steps[s.interview.index]!.id).toBe('broad_redesign_expected');
    expect(s.interview.answers.notes).toEqual({});
    s = press(s, esc, enter); // back on it, the answer highlighted: enter confirms it again
    expect(s.note).toBeUndefined();
    expect(steps[s.interview.index]!.id).toBe('broad_redesign_expected');
  });

  it('marking a cleared disqualifier verified asks at once; one that applies never asks', () => {
    let s = press(at('no_budget_path'), '1', esc, 'c');
    expect(s.note?.evidence?.prompt).toBe('Verified that "No budget path" does not apply: note the evidence.');
    // ↑ from nothing chosen lands on the last answer, "No": it applies.
    const applies = press(at('no_budget_path'), {upArrow: true}, 'c', enter);
    expect(applies.note).toBeUndefined();
    expect(applies.interview.answers.disqualifiers).toEqual({no_budget_path: true});
    s = press(s, ...'Budget line', enter);
    expect(s.interview.answers.notes).toEqual({no_budget_path: 'Budget line'});
    expect(steps[s.interview.index]!.id).toBe('no_budget_path');
  });

  it('on the review, c marks the highlighted row, and asks for evidence on a cleared disqualifier', () => {
    let s = onReview();
    const row = (id: string) => press(s, {home: true}, ...Array(steps.findIndex((x) => x.id === id)).fill({downArrow: true}));
    s = press(row('lead_time_impact'), 'c', 'c');
    expect(s.interview.answers.certainty).toEqual({lead_time_impact: 'estimated'});
    s = press(row('no_tradeoff_owner'), 'c');
    expect(s.note).toMatchObject({id: 'no_tradeoff_owner', evidence: {id: 'no_tradeoff_owner'}});
    s = press(s, ...'Ops director owns it', enter);
    expect(keyModeOf(s.session, config)).toBe('review');
    expect(s.interview.answers.notes).toEqual({no_tradeoff_owner: 'Ops director owns it'});
  });
});

describe('the result waits for the required answers', () => {
  it('r on the review opens the first required question without an answer, and says which are missing', () => {
    const {lead_time_impact: _l, ...matrix} = complete().matrix;
    const {no_budget_path: _b, ...disqualifiers} = complete().disqualifiers;
    let s = press(onReview({...complete(), matrix, disqualifiers}), 'r');
    expect(s.screen).toBe('interview');
    expect(steps[s.interview.index]!.id).toBe('lead_time_impact');
    expect(s.interview.returnToReview).toBe(true);
    expect(s.error).toBe('First, 2 questions need an answer: Impact on lead time; No budget path.');
    s = press(s, '3');
    expect(keyModeOf(s.session, config)).toBe('figure');
    s = press(s, enter);
    expect(keyModeOf(s.session, config)).toBe('review');
    s = press(s, {end: true}, enter);
    expect(steps[s.interview.index]!.id).toBe('no_budget_path');
    expect(s.error).toBe('First, one question needs an answer: No budget path.');
    s = press(s, 'y', 'r');
    expect(s.screen).toBe('result');
  });

  it('optional questions left out do not hold the result back', () => {
    expect(press(onReview({...complete(), signals: {}}), 'r').screen).toBe('result');
  });
});

describe('no anchoring: nothing is chosen until a key chooses it', () => {
  it('a fresh scale, yes/no and choice show no highlight; enter alone records nothing and says how to choose', () => {
    // What enter records once ↓ has highlighted the first option; a scale then asks its figure (esc skips it).
    const cases: [string, string, Partial<Answers>, boolean][] = [
      ['failure_frequency', "Nothing chosen yet: press 1-5, or d for don't know (or ↑↓ then enter).", {matrix: {failure_frequency: 1}}, true],
      ['no_budget_path', 'Nothing chosen yet: press 1 for yes or 2 for no (or ↑↓ then enter).', {disqualifiers: {no_budget_path: false}}, false],
      ['role', 'Nothing chosen yet: press 1-4 (or ↑↓ then enter).', {context: {role: 'consultant'}}, false],
    ];
    for (const [id, hint, recorded, figure] of cases) {
      const fresh = at(id);
      expect(fresh.draft).toEqual({kind: 'select', cursor: -1});
      const s = press(fresh, enter);
      expect(steps[s.interview.index]!.id).toBe(id);
      expect(s.effects).toEqual([]);
      expect(s.interview.answers).toEqual(emptyAnswers());
      expect(s.error).toBe(hint);
      // A key that moves takes the hint away; enter then answers what is highlighted.
      const moved = press(s, {downArrow: true});
      expect(moved.error).toBeUndefined();
      expect(moved.draft).toEqual({kind: 'select', cursor: 0});
      const answered = press(moved, enter);
      expect(answered.interview.answers).toMatchObject(recorded);
      expect(keyModeOf(answered.session, config) === 'figure').toBe(figure);
      expect(steps[press(answered, ...(figure ? [esc] : [])).interview.index]!.id).not.toBe(id);
    }
  });

  it('a digit after "nothing chosen yet" answers the scale; its figure is asked without that hint', () => {
    const s = press(at('failure_frequency'), enter, '2');
    expect(s.interview.answers.matrix).toEqual({failure_frequency: 2});
    expect(keyModeOf(s.session, config)).toBe('figure');
    expect(s.error).toBeUndefined();
    expect(s.draft).toEqual({kind: 'select', cursor: 1});
  });

  it('↓ from nothing lands on the first point, ↑ on the last; a question already answered starts on its answer', () => {
    expect(press(at('failure_frequency'), {downArrow: true}, enter).interview.answers.matrix).toEqual({failure_frequency: 1});
    expect(press(at('failure_frequency'), {upArrow: true}, enter).interview.answers.matrix).toEqual({failure_frequency: 'unknown'});
    // 4, esc skips the figure it asks, esc again goes back to the scale.
    const back = press(at('failure_frequency'), '4', esc, esc);
    expect(steps[back.interview.index]!.id).toBe('failure_frequency');
    expect(back.draft).toEqual({kind: 'select', cursor: 3});
    expect(press(back, enter).interview.answers.matrix).toEqual({failure_frequency: 4});
  });

  it('a yes/no takes 1 (yes) and 2 (no): the answer to the question as asked, stored as whether it applies', () => {
    expect(press(at('no_budget_path'), '1').interview.answers.disqualifiers).toEqual({no_budget_path: false});
    expect(press(at('no_budget_path'), '2').interview.answers.disqualifiers).toEqual({no_budget_path: true});
    expect(press(at('no_budget_path'), 'y').interview.answers.disqualifiers).toEqual({no_budget_path: false});
  });
});

describe('answers that disagree, on the review', () => {
  // "It is clear who owns each system" ticked beside exception visibility 5.
  const disagreeing = (): Answers => ({...complete(), matrix: {...complete().matrix, exception_visibility: 5}, signals: {manage_in_place: ['clear_ownership'], remediation_sprint: []}});

  it('a row per contradiction before "see the result"; enter on it opens its first question, answering returns to the review', () => {
    let s = onReview(disagreeing());
    expect(s.reviewCursor).toBe(steps.length + 1); // "see the result", after the one contradiction
    s = press(s, {upArrow: true}, enter);
    expect(steps[s.interview.index]!.id).toBe('manage_in_place');
    expect(s.interview.returnToReview).toBe(true);
    // Untick "clear ownership": the contradiction is gone, and the highlight stays within the shorter review.
    s = press(s, '3', enter);
    expect(keyModeOf(s.session, config)).toBe('review');
    expect(s.interview.answers.signals.manage_in_place).toEqual([]);
    expect(s.reviewCursor).toBe(steps.length);
    expect(press(s, enter).screen).toBe('result');
  });

  it('going on to the result with a contradiction is allowed', () => {
    expect(press(onReview(disagreeing()), enter).screen).toBe('result');
    expect(press(onReview(disagreeing()), 'r').screen).toBe('result');
  });
});
