/**
 * The containment path and the preparation list are tailored to the answers
 * (issue 2, item 4): workflow and systems named, steps 1 and 2 aimed at the
 * worst axes, recovery criteria drawn from the answers, the lighter step 3
 * for manage in place, step 4 on the reported failure classes, and the
 * preparation list from the disqualifiers and the evidence gaps.
 */
import {describe, expect, it} from '@jest/globals';
import {buildReportModel, fill, type ReportModel} from '../../src/engine/report-model.js';
import {renderReport} from '../../src/report/render-report.js';
import type {Answers, Axis} from '../../src/engine/types.js';
import {DATE, MANAGE, NOT_QUALIFIED, SPRINT, answers, realBank, section, step} from './report-helpers.js';

const bank = realBank();
const axis = (id: string): Axis => bank.axes.find((a) => a.id === id)!;
const model = (a: Answers): ReportModel => buildReportModel(bank, a, DATE);
const md = (a: Answers): string => renderReport({bank, answers: a, date: DATE, format: 'md'});
const stepOf = (m: ReportModel, id: string) => m.path.find((s) => s.id === id)!;
const systems = 'Shopify, Xero and ShipStation';
const filled = (text: string) => fill(text, 'Order to cash', systems);

describe('the containment path names the workflow and the systems', () => {
  it.each([
    ['remediation sprint', SPRINT],
    ['manage in place', MANAGE],
    ['not yet qualified', NOT_QUALIFIED],
  ])('%s', (_name, a) => {
    const m = model(a);
    expect(stepOf(m, 'map').actions[0]).toContain(`Trace Order to cash across ${systems}`);
    expect(stepOf(m, 'boundaries').actions[0]).toContain(`Decide which of ${systems} is the system of record`);
    expect(stepOf(m, 'sprint').actions[0]).toContain('Order to cash only');
    expect(stepOf(m, 'monitor').actions.join(' ')).toContain(`Add no further integrations to ${systems}`);
  });

  it('in the remediation-sprint report, the plan is the path', () => {
    const text = md(SPRINT);
    expect(section(text, 'Action plan')).toContain(`For Order to cash across ${systems}.`);
    expect(step(text, 1)).toContain(`Trace Order to cash across ${systems}`);
    expect(step(text, 2)).toContain(`Decide which of ${systems} is the system of record`);
    expect(step(text, 3)).toContain('Order to cash only');
    expect(step(text, 4)).toContain(`Add no further integrations to ${systems}`);
  });

  it('falls back to plain words when the workflow and systems are missing', () => {
    const a = answers({matrix: SPRINT.matrix, context: {workflow: '  ', systems: []}});
    const m = model(a);
    expect(m.workflow).toBe('the critical workflow');
    expect(stepOf(m, 'map').actions[0]).toBe('Trace the critical workflow across the systems involved, handoff by handoff, and mark which integrations set its lead time.');
  });
});

describe('steps 1 and 2 point at the axes that scored worst', () => {
  // SPRINT: reconciliation 5, failure frequency 4, exception visibility 4, lead time 1, operational confidence unknown
  const m = model(SPRINT);

  it('step 1 names each worst axis with where to look, worst first', () => {
    const actions = stepOf(m, 'map').actions;
    // after the trace and the handoff facts to collect (no map was given)
    expect(actions[1]).toMatch(/^No handoff map was given/);
    expect(actions.slice(2)).toEqual(['reconciliation_load', 'failure_frequency', 'exception_visibility'].map((id) => `${axis(id).title}: find ${axis(id).focus}.`));
  });

  it('step 2 gives an owner to the failure classes of the worst axes', () => {
    const classes = stepOf(m, 'boundaries').classes;
    for (const id of ['reconciliation_load', 'failure_frequency', 'exception_visibility']) expect(classes).toContain(filled(axis(id).failureClass));
  });

  it('neither step points at an axis answered 1, nor at one answered "unknown"', () => {
    for (const id of ['lead_time_impact', 'operational_confidence']) {
      const a = axis(id);
      for (const s of ['map', 'boundaries', 'sprint']) {
        const st = stepOf(m, s);
        const text = [...st.actions, ...st.classes, ...st.criteria].join('\n');
        expect(text).not.toContain(a.focus);
        expect(text).not.toContain(filled(a.failureClass));
        expect(text).not.toContain(filled(a.recovery));
        expect(text.toLowerCase()).not.toContain(a.title.toLowerCase());
      }
    }
  });

  it('in the rendered markdown too', () => {
    const text = md(SPRINT);
    expect(step(text, 1)).toContain(`- ${axis('reconciliation_load').title}: find ${axis('reconciliation_load').focus}.`);
    expect(step(text, 1)).not.toContain(axis('lead_time_impact').title);
    expect(step(text, 2)).toContain(`- ${filled(axis('failure_frequency').failureClass)}`);
  });

  it('follow the answers: another profile, other axes', () => {
    const other = model(answers({matrix: {failure_frequency: 1, reconciliation_load: 1, exception_visibility: 2, lead_time_impact: 5, operational_confidence: 5}}));
    expect(stepOf(other, 'map').actions.slice(2)).toEqual(['lead_time_impact', 'operational_confidence'].map((id) => `${axis(id).title}: find ${axis(id).focus}.`));
  });
});

describe('step 3: recovery criteria from the worst axes and today\'s answers', () => {
  it('remediation sprint: one criterion per worst axis, and a re-assessment naming today\'s answers', () => {
    const s = stepOf(model(SPRINT), 'sprint');
    expect(s.summary).toBe(bank.path.find((p) => p.id === 'sprint')!.summary);
    // no baseline figures given: each criterion says what to measure first, and assumes no figure
    expect(s.criteria.slice(0, 3)).toEqual(
      ['reconciliation_load', 'failure_frequency', 'exception_visibility'].map((id) => expect.stringMatching(new RegExp(`^${axis(id).title}: no figure yet\\. First ${axis(id).baseline!.measure}`))),
    );
    for (const c of s.criteria) expect(c).not.toMatch(/from weekly|pre-friction/);
    expect(s.criteria[3]).toBe(
      'Re-assessed with this tool after the sprint, each of these axes scores 2 or lower (today: data reconciliation load 5, failure frequency 4 and exception visibility 4).',
    );
    expect(s.actions[0]).toBe('Scope the sprint to Order to cash only; other workflows wait for the results.');
    expect(s.actions[1]).toBe('Measure before and after on data reconciliation load, failure frequency and exception visibility, the axes that scored worst.');
  });

  it('manage in place: the lighter wording from the bank, a hardening pass measured on its worst axis', () => {
    const s = stepOf(model(MANAGE), 'sprint');
    const light = bank.path.find((p) => p.id === 'sprint')!.lightSummary!;
    expect(light).toBeTruthy();
    expect(s.summary).toBe(light);
    expect(s.actions[0]).toBe('Harden Order to cash only; other workflows wait for the results.');
    expect(s.actions[1]).toBe('Measure before and after on exception visibility, the axis that scored worst.');
    expect(s.criteria).toEqual([
      expect.stringMatching(/^Exception visibility: no figure yet\. .* within 6 weeks of the hardening pass's end\.$/),
      'Re-assessed with this tool after the hardening pass, each of these axes scores 2 or lower (today: exception visibility 4).',
    ]);
    // the manage-in-place report itself has no sprint-shaped step
    const text = section(md(MANAGE), 'Action plan');
    expect(text).not.toContain('Scope the sprint');
    expect(text).not.toContain(s.title);
  });

  it('not yet qualified: the sprint wording for a remediation lean, and a warning to resolve the disqualifiers first', () => {
    const s = stepOf(model(NOT_QUALIFIED), 'sprint');
    expect(s.summary).toBe(bank.path.find((p) => p.id === 'sprint')!.summary);
    expect(s.actions).toContain('Start only once the disqualifiers in this report are resolved.');
    expect(s.criteria.at(-1)).toContain('today: failure frequency 5, impact on lead time 5 and data reconciliation load 4');
  });

  it('not yet qualified, leaning to manage in place: the lighter wording', () => {
    const a = answers({matrix: {failure_frequency: 1, reconciliation_load: 1, exception_visibility: 4, lead_time_impact: 1, operational_confidence: 1}, disqualified: ['no_tradeoff_owner']});
    const m = model(a);
    expect(m.recommendation).toBe('not-yet-qualified');
    expect(m.lean).toBe('manage-in-place');
    expect(stepOf(m, 'sprint').summary).toBe(bank.path.find((p) => p.id === 'sprint')!.lightSummary);
  });

  it('no criterion contradicts the answers: an axis answered 1 or 2 is never asked to recover', () => {
    // everything already on the manage-in-place side
    const a = answers({matrix: {failure_frequency: 1, reconciliation_load: 2, exception_visibility: 1, lead_time_impact: 2, operational_confidence: 1}, manage: ['clear_ownership']});
    const m = model(a);
    expect(m.recommendation).toBe('manage-in-place');
    const s = stepOf(m, 'sprint');
    for (const ax of bank.axes) expect(s.criteria).not.toContain(filled(ax.recovery));
    expect(s.criteria.length).toBeGreaterThan(0);
    expect(s.criteria.join(' ')).toContain('today: failure frequency 1, data reconciliation load 2, exception visibility 1, impact on lead time 2 and operational confidence 1');
  });

  it('with every axis unknown, the criteria say what to measure first', () => {
    const a = answers({matrix: Object.fromEntries(bank.axes.map((x) => [x.id, 'unknown']))});
    const s = stepOf(model(a), 'sprint');
    expect(s.criteria.length).toBeGreaterThan(0);
    for (const c of s.criteria) expect(c).toMatch(/: no figure yet\. First /);
  });
});

describe('the failure classes reported, listed once (on step 2)', () => {
  it('the classes of the observed remediation signals, and not of the others', () => {
    const s = stepOf(model(SPRINT), 'boundaries');
    const signal = (id: string) => filled(bank.signals.find((x) => x.id === id)!.failureClass!);
    expect(s.classes).toContain(signal('recurring_sync_failures'));
    expect(s.classes).toContain(signal('workarounds_outpacing'));
    expect(s.classes).not.toContain(signal('fragmented_status'));
    expect(s.classes).not.toContain(signal('unforecastable_delivery'));
    expect(s.classes).toContain(`recurring sync failures between ${systems}`);
    expect(new Set(s.classes).size).toBe(s.classes.length);
    expect(step(md(SPRINT), 2)).toContain(`- recurring sync failures between ${systems}`);
    expect(stepOf(model(SPRINT), 'monitor').classes).toEqual([]);
    // once in the whole report
    expect(md(SPRINT).split('\n').filter((l) => l === `- recurring sync failures between ${systems}`)).toHaveLength(1);
  });

  it('with nothing reported, watches the workflow in general terms', () => {
    const a = answers({matrix: {failure_frequency: 1, reconciliation_load: 1, exception_visibility: 1, lead_time_impact: 1, operational_confidence: 1}});
    const s = stepOf(model(a), 'monitor');
    expect(s.classes).toEqual([]);
    expect(s.actions[0]).toContain('Watch Order to cash for handoff failures');
  });
});

describe('what to prepare before requesting qualification', () => {
  const prep = model(NOT_QUALIFIED).preparation;

  it('lists each applying disqualifier\'s "prepare" text, and only those', () => {
    for (const d of bank.disqualifiers) {
      const has = prep.some((p) => p.reason === 'disqualifier' && p.detail === d.prepare);
      expect(has).toBe(NOT_QUALIFIED.disqualifiers[d.id] === true);
    }
  });

  it('lists the evidence for each axis answered unknown, and only those', () => {
    for (const a of bank.axes) {
      const has = prep.some((p) => p.reason === 'evidence-gap' && p.detail.includes(a.evidence));
      expect(has).toBe(NOT_QUALIFIED.matrix[a.id] === 'unknown');
    }
  });

  it('renders them in the markdown section', () => {
    const text = section(md(NOT_QUALIFIED), 'What to prepare');
    expect(text).toContain(bank.disqualifiers.find((d) => d.id === 'no_budget_path')!.prepare);
    expect(text).toContain(bank.disqualifiers.find((d) => d.id === 'exploratory_no_pain')!.prepare);
    expect(text).toContain(axis('exception_visibility').evidence);
  });

  it('says "don\'t know" for an axis answered unknown and "not answered" for one left out', () => {
    const a = answers({matrix: {failure_frequency: 'unknown', reconciliation_load: 4}});
    const gaps = model(a).preparation.filter((p) => p.reason === 'evidence-gap');
    expect(gaps.map((g) => g.detail.split(':')[0])).toEqual([`Answered "don't know"`, 'Not answered', 'Not answered', 'Not answered']);
    expect(gaps[1]!.title).toBe('Evidence for exception visibility');
  });

  it('asks to confirm a disqualifier that was not answered', () => {
    const a = answers({matrix: SPRINT.matrix});
    delete a.disqualifiers.no_budget_path;
    const p = model(a).preparation;
    expect(p.some((x) => x.reason === 'unanswered' && x.title.includes('no budget path'))).toBe(true);
  });

  it('asks for the missing baseline figures of the answers that decided it, and only those', () => {
    const m = model(SPRINT);
    const base = m.preparation.filter((p) => p.reason === 'baseline').map((p) => p.title);
    const decisiveAxes = m.result.decisive.filter((id) => bank.axes.some((a) => a.id === id));
    expect(decisiveAxes.length).toBeGreaterThan(0);
    expect(base).toEqual(decisiveAxes.map((id) => `Baseline: ${axis(id).title.toLowerCase()}`));
    const withFigures = model({...SPRINT, baselines: Object.fromEntries(decisiveAxes.map((id) => [id, 4]))});
    expect(withFigures.preparation.filter((p) => p.reason === 'baseline')).toEqual([]);
  });
});

describe('not yet qualified still states the lean', () => {
  it('in the model, the markdown and the flips', () => {
    const m = model(NOT_QUALIFIED);
    expect(m.recommendation).toBe('not-yet-qualified');
    expect(m.lean).toBe('remediation-sprint');
    const rec = section(md(NOT_QUALIFIED), 'Recommendation: ');
    expect(rec).toContain('The matrix leans toward **Remediation sprint**');
    expect(m.disqualifierFlip).toContain('no budget path');
  });
});

describe('an answer in the middle of the scale is no reported failure', () => {
  // Manage in place, with lead time answered 3 and the rest on the manage-in-place side.
  const a = answers({matrix: {failure_frequency: 1, reconciliation_load: 2, exception_visibility: 1, lead_time_impact: 3, operational_confidence: 2}, manage: ['clear_ownership']});
  const m = model(a);

  it('is not called the axis that scored worst, nor a failure class reported', () => {
    const text = md(a);
    expect(text).not.toContain('scored worst');
    expect(text).not.toContain('Failure classes reported');
    expect(stepOf(m, 'boundaries').classes).toEqual([]);
    expect(stepOf(m, 'monitor').classes).toEqual([]);
  });

  it('is named as one to watch, and the yardstick moves it down', () => {
    expect(stepOf(m, 'map').actions).toContain(`${axis('lead_time_impact').title} was answered in the middle of the scale: watch ${axis('lead_time_impact').focus}.`);
    expect(stepOf(m, 'sprint').criteria.join(' ')).toMatch(/no axis scores above 3 and impact on lead time scores 2 or lower/);
  });
});

describe('a workflow through one system', () => {
  it('does not ask which of one system is the system of record', () => {
    const text = md({...SPRINT, context: {...SPRINT.context, systems: ['Stripe']}});
    expect(step(text, 2)).toContain('Confirm that Stripe is the system of record');
    expect(step(text, 2)).not.toContain('Decide which of Stripe');
  });
});
