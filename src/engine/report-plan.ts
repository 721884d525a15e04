/**
 * The report's action plan (issue 10): one plan per verdict, each step with an
 * owner, a time box (weeks, or calendar dates from `plan.start`), a deliverable
 * and an exit criterion; the handoff register; criteria and triggers computed
 * from the baseline figures. Pure: the start date comes from the answers file,
 * never from the clock.
 */
import {describeFigure, quantity} from './baseline.js';
import {fmt, list} from './phrases.js';
import type {Answers, Axis, Bank, Baseline, BaselineSpec, Handoff, PlanFields, Result} from './types.js';

/** One step of the action plan, as the report shows it. */
export interface PlanStepModel {
  number: number;
  id: string;
  title: string;
  /** The step in general terms (the bank's summary): the report's appendix. */
  summary: string;
  /** A name from the answers file's `plan.owners`, else the bank's role. */
  owner: string;
  ownerIsRole: boolean;
  weeks: number;
  /** The plan's week the step starts and ends in (1-based). */
  fromWeek: number;
  toWeek: number;
  /** Calendar dates (ISO) when the answers file gives `plan.start`. */
  dates?: {from: string; to: string};
  /** The time box in words: "weeks 1–2", "week 3" or "11 Jan – 22 Jan 2027". */
  when: string;
  deliverable: string;
  exit: string;
  needsBudget: boolean;
  /** The step waits for something else (not yet qualified: the qualification gaps). */
  conditional: boolean;
  /** Tailored actions. */
  actions: string[];
  /** Measurable criteria (recovery criteria, re-assessment triggers). */
  criteria: string[];
  /** The failure classes the answers reported (listed once, on the step that assigns them). */
  classes: string[];
}

/** One row of the handoff register. */
export interface HandoffRow {
  label: string;
  from: string;
  to: string;
  record: string;
  owner: string;
  requiredFields: string[];
  whenMissing: string;
  failures: number | null;
  criticalPath: boolean;
  /** What is missing: "no owner", "no required fields", "no rule for missing data". */
  flags: string[];
}

export interface HandoffRegister {
  rows: HandoffRow[];
  /** One line per flagged handoff. */
  flags: string[];
}

/** A baseline figure as the report shows it, by axis. */
export interface BaselineRow {
  axis: string;
  title: string;
  unit: string;
  /** The figure in words ("14 failures in four weeks", "6 days now, 2 before"); '' when none given. */
  text: string;
  now: number | null;
  before: number | null;
}

/** One figure of the evidence plan (insufficient evidence): what, from whom, when. */
export interface EvidenceItem {
  axis: string;
  title: string;
  measure: string;
  source: string;
  week: number;
  when: string;
  why: 'unknown' | 'estimated';
}

export function handoffLabel(h: Handoff): string {
  return `${h.from} → ${h.to} (${h.record})`;
}

export function handoffRegister(answers: Answers): HandoffRegister | undefined {
  if (!answers.handoffs?.length) return undefined;
  const rows = answers.handoffs.map((h): HandoffRow => {
    const flags: string[] = [];
    if (!h.owner.trim()) flags.push('no owner once it has moved');
    if (!h.required_fields.length) flags.push('no required fields agreed');
    if (!h.when_missing.trim()) flags.push('no rule for missing data');
    return {
      label: handoffLabel(h),
      from: h.from,
      to: h.to,
      record: h.record,
      owner: h.owner.trim(),
      requiredFields: h.required_fields,
      whenMissing: h.when_missing.trim(),
      failures: h.failures ?? null,
      criticalPath: h.critical_path === true,
      flags,
    };
  });
  return {rows, flags: rows.filter((r) => r.flags.length).map((r) => `${r.label}: ${list(r.flags)}.`)};
}

/** Handoffs in the order the plan takes them: critical path first, then the most failing. */
export function rankedHandoffs(answers: Answers): Handoff[] {
  return [...(answers.handoffs ?? [])].sort((a, b) => Number(b.critical_path === true) - Number(a.critical_path === true) || (b.failures ?? -1) - (a.failures ?? -1));
}

function failuresText(n: number): string {
  return `${fmt(n)} failure${n === 1 ? '' : 's'} in the last four weeks`;
}

/** "Shopify → NetSuite (order): critical path, 9 failures in the last four weeks". */
function handoffWhy(h: Handoff): string {
  const why = [h.critical_path ? 'critical path' : '', h.failures !== undefined ? failuresText(h.failures) : ''].filter(Boolean);
  return why.length ? `${handoffLabel(h)} — ${why.join(', ')}` : handoffLabel(h);
}

// ---------------------------------------------------------------------------
// Baselines: criteria and triggers
// ---------------------------------------------------------------------------

export function baselineRows(bank: Bank, answers: Answers): BaselineRow[] {
  return bank.axes
    .filter((a) => a.baseline)
    .map((a) => {
      const b = answers.baselines?.[a.id];
      const {now, before} = figure(b);
      return {axis: a.id, title: a.title, unit: a.baseline!.unit, text: baselineText(a.baseline!, b), now, before};
    });
}

function figure(b: Baseline | undefined): {now: number | null; before: number | null} {
  if (b === undefined) return {now: null, before: null};
  if (typeof b === 'number') return {now: b, before: null};
  return {now: b.now, before: b.before};
}

/** A figure in words (describeFigure), or '' when none was given. */
export function baselineText(spec: BaselineSpec, b: Baseline | undefined): string {
  return b === undefined ? '' : describeFigure(spec, b);
}

/** A target stays achievable: whole numbers from 1 up, halves below. */
function atMost(v: number): number {
  return v >= 1 ? Math.floor(v) : Math.floor(v * 2) / 2;
}

/** A trigger is a figure someone can count: whole numbers from 3 up, halves below. */
function passes(v: number): number {
  return v >= 3 ? Math.ceil(v) : Math.ceil(v * 2) / 2;
}

function share(target: number): string {
  const words: Record<string, string> = {'0.25': 'a quarter', '0.5': 'half', '0.75': 'three quarters', '0.33': 'a third'};
  return words[String(Math.round(target * 100) / 100)] ?? `${Math.round(target * 100)}%`;
}

/** Step 3's recovery criterion for one axis: from today's figure to the target, in the bank's time frame. */
export function recoveryCriterion(axis: Axis, answers: Answers, after: string): string {
  const spec = axis.baseline!;
  const b = answers.baselines?.[axis.id];
  const within = `within ${fmt(spec.withinWeeks)} weeks of ${after}`;
  if (b === undefined) {
    const goal = spec.kind === 'change' ? (spec.target >= 1 ? 'bring it back to its earlier level' : `take back ${share(spec.target)} of its rise`) : `cut it to at most ${share(spec.target)} of that figure`;
    return `${axis.title}: no figure yet. First ${spec.measure} (ask ${spec.source}); then ${goal} ${within}.`;
  }
  if (typeof b === 'number') {
    return `${axis.title}: from ${quantity(spec, b)} to at most ${fmt(atMost(b * spec.target))}, ${within}.`;
  }
  if (b.now <= b.before) return `${axis.title}: ${quantity(spec, b.now)} now, no worse than before (${fmt(b.before)}); keep it at most ${fmt(b.now)}, ${within}.`;
  const to = atMost(b.now - (b.now - b.before) * Math.min(1, spec.target));
  const how = spec.target >= 1 ? 'back to' : `to (${share(spec.target)} of the rise since before taken back)`;
  return `${axis.title}: from ${quantity(spec, b.now)} now ${how} at most ${fmt(to)}${to === b.before ? ', the figure before' : ` (${fmt(b.before)} before)`}, ${within}.`;
}

/** Manage in place: when to look again, from today's figure (or what to start counting). */
export function reassessTrigger(axis: Axis, answers: Answers): string {
  const spec = axis.baseline!;
  const b = answers.baselines?.[axis.id];
  const title = axis.title.toLowerCase();
  if (b === undefined) return `${axis.title}: start counting (${spec.measure}); re-assess if it passes ${quantity(spec, spec.triggerFloor)}.`;
  const now = typeof b === 'number' ? b : b.now;
  const at = passes(Math.max(now * spec.trigger, spec.triggerFloor));
  return `Re-assess if ${title} passes ${quantity(spec, at)} (today: ${baselineText(spec, b)}).`;
}

// ---------------------------------------------------------------------------
// Scheduling
// ---------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function addDays(iso: string, days: number): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function dayMonth(d: Date): string {
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** Week n runs from start + 7(n−1) days to its fifth day (a Friday when the plan starts on a Monday). */
export function weekDates(start: string, fromWeek: number, toWeek: number): {from: string; to: string; text: string} {
  const a = addDays(start, 7 * (fromWeek - 1));
  const b = addDays(start, 7 * (toWeek - 1) + 4);
  const text = a.getUTCFullYear() === b.getUTCFullYear() ? `${dayMonth(a)} – ${dayMonth(b)} ${b.getUTCFullYear()}` : `${dayMonth(a)} ${a.getUTCFullYear()} – ${dayMonth(b)} ${b.getUTCFullYear()}`;
  return {from: isoOf(a), to: isoOf(b), text};
}

export function validStart(start: string | undefined): string | undefined {
  return start && /^\d{4}-\d{2}-\d{2}$/.test(start) && !Number.isNaN(Date.parse(`${start}T00:00:00Z`)) ? start : undefined;
}

function whenText(start: string | undefined, fromWeek: number, toWeek: number): {when: string; dates?: {from: string; to: string}} {
  if (start) {
    const {from, to, text} = weekDates(start, fromWeek, toWeek);
    return {when: text, dates: {from, to}};
  }
  return {when: fromWeek === toWeek ? `week ${fromWeek}` : `weeks ${fromWeek}–${toWeek}`};
}

/** What a step is written from, before it is scheduled. */
export interface StepDraft {
  id: string;
  title: string;
  summary: string;
  fields: PlanFields;
  actions: string[];
  criteria?: string[];
  classes?: string[];
  /** Weeks, when the step's time box is not the bank's (e.g. the longest disqualifier). */
  weeks?: number;
  conditional?: boolean;
  /** The week the step may start in at the earliest (parallel tracks); default: after the previous step. */
  startAfter?: number;
}

export interface PlanContext {
  answers: Answers;
  workflow: string;
  systems: string;
  handoffCount: number;
}

/** Fill the placeholders an exit criterion, owner or deliverable may use. */
export function fillPlan(text: string, ctx: PlanContext, weeks: number): string {
  return text
    .replaceAll('{workflow}', ctx.workflow)
    .replaceAll('{systems}', ctx.systems)
    .replaceAll('{weeks}', `${fmt(weeks)} week${weeks === 1 ? '' : 's'}`)
    .replaceAll('{handoffs}', ctx.handoffCount ? fmt(ctx.handoffCount) : 'all');
}

/**
 * Number and schedule the steps: each starts after the previous one ends, unless it says it may
 * start earlier (`startAfter`, a week after which it starts).
 */
export function schedule(drafts: StepDraft[], ctx: PlanContext): PlanStepModel[] {
  const start = validStart(ctx.answers.plan?.start);
  let end = 0;
  return drafts.map((d, i): PlanStepModel => {
    const weeks = Math.max(1, Math.round(d.weeks ?? d.fields.weeks));
    const fromWeek = (d.startAfter ?? end) + 1;
    const toWeek = fromWeek + weeks - 1;
    end = Math.max(d.startAfter === undefined ? toWeek : end, toWeek);
    const named = ctx.answers.plan?.owners?.[d.id]?.trim();
    return {
      number: i + 1,
      id: d.id,
      title: d.title,
      summary: fillPlan(d.summary, ctx, weeks),
      owner: named || fillPlan(d.fields.owner, ctx, weeks),
      ownerIsRole: !named,
      weeks,
      fromWeek,
      toWeek,
      ...whenText(start, fromWeek, toWeek),
      deliverable: fillPlan(d.fields.deliverable, ctx, weeks),
      exit: fillPlan(d.fields.exit, ctx, weeks),
      needsBudget: d.fields.needsBudget,
      conditional: d.conditional ?? false,
      actions: d.actions,
      criteria: d.criteria ?? [],
      classes: d.classes ?? [],
    };
  });
}

// ---------------------------------------------------------------------------
// Handoff-aware actions for the path steps
// ---------------------------------------------------------------------------

/** Step 1: which handoffs to start with, or which facts to collect when there is no map. */
export function mapActions(answers: Answers): string[] {
  const ranked = rankedHandoffs(answers);
  if (!ranked.length) {
    return ['No handoff map was given: for each handoff, collect where the record comes from and goes to, what is handed over, who owns it once it has moved, which fields must be present and what happens today when one is missing.'];
  }
  const first = ranked.filter((h) => h.critical_path || (h.failures ?? 0) > 0).slice(0, 2);
  const out = first.length ? [`Start with ${first.map(handoffWhy).join('; then ')}.`] : [];
  const rest = ranked.length - first.length;
  if (rest > 0) out.push(rest === 1 ? 'Then the remaining handoff in the register below.' : `Then the other ${rest} handoffs in the register below.`);
  return out;
}

/** Step 2: the handoffs with nobody owning the record, no agreed fields or no rule for missing data. */
export function boundaryActions(answers: Answers): string[] {
  const hs = answers.handoffs ?? [];
  const out: string[] = [];
  const noOwner = hs.filter((h) => !h.owner.trim());
  const noFields = hs.filter((h) => !h.required_fields.length);
  const noRule = hs.filter((h) => !h.when_missing.trim());
  if (noOwner.length) out.push(`Name an owner for ${list(noOwner.map(handoffLabel))}: nobody owns ${noOwner.length > 1 ? 'these records' : 'the record'} once ${noOwner.length > 1 ? 'they have' : 'it has'} moved.`);
  if (noFields.length) out.push(`Agree the required fields for ${list(noFields.map(handoffLabel))}.`);
  if (noRule.length) out.push(`Write what happens when a field is missing on ${list(noRule.map(handoffLabel))}.`);
  return out;
}

/** Step 4: the most failing handoffs get their alert first. */
export function monitorActions(answers: Answers): string[] {
  const failing = [...(answers.handoffs ?? [])].filter((h) => (h.failures ?? 0) > 0).sort((a, b) => (b.failures ?? 0) - (a.failures ?? 0));
  if (!failing.length) return [];
  return [`Alert first on ${failing.slice(0, 2).map((h) => `${handoffLabel(h)} — ${failuresText(h.failures!)}`).join('; then ')}.`];
}

/** The figures the evidence plan asks for: unknown axes, then heavy axes only estimated; spread over the step's weeks. */
export function evidenceItems(bank: Bank, answers: Answers, result: Result, weeks: number, firstWeek: number): EvidenceItem[] {
  const start = validStart(answers.plan?.start);
  const unknown = bank.axes.filter((a) => result.unknowns.includes(a.id));
  const estimated = bank.axes.filter(
    (a) => !result.unknowns.includes(a.id) && a.weight >= bank.scoring.estimatedWeightAt && answers.certainty[a.id] !== undefined && answers.certainty[a.id] !== 'verified',
  );
  const axes = [...unknown.map((a) => [a, 'unknown'] as const), ...estimated.map((a) => [a, 'estimated'] as const)];
  return axes.map(([axis, why], i) => {
    const week = firstWeek + Math.min(weeks - 1, Math.floor((i * weeks) / Math.max(1, axes.length)));
    const spec = axis.baseline;
    return {
      axis: axis.id,
      title: axis.title,
      measure: spec?.measure ?? `gather ${axis.evidence}`,
      source: spec?.source ?? 'the people who run the workflow',
      week,
      when: whenText(start, week, week).when,
      why,
    };
  });
}
