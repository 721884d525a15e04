/**
 * Several respondents on one workflow (`--combine`, issue 14): their answers
 * side by side, one combined set of answers by the bank's `combine:` rules,
 * and the disagreements to put to the room. Pure: answers in, a model out.
 *
 * The combined answers are an ordinary Answers object scored by score(), so
 * the verdict, the "why" and the flips are the single report's; only the
 * confidence is lowered (bank data) where respondents are far apart on a
 * heavy axis.
 */
import {describeFigure} from './baseline.js';
import {buildReportModel, type ReportModel} from './report-model.js';
import {capitalise, fmt, list, numberWord, shorten} from './phrases.js';
import {axisAnswerWords, round} from './points.js';
import {score} from './score.js';
import {
  SIGNAL_LISTS,
  type Answers,
  type Axis,
  type AxisAnswer,
  type Bank,
  type Baseline,
  type Certainty,
  type Confidence,
  type Handoff,
  type Result,
  type ScaleValue,
  type SignalList,
} from './types.js';

/** The fewest and most assessments --combine takes. */
export const MIN_RESPONDENTS = 2;
export const MAX_RESPONDENTS = 20;

export interface Respondent {
  /** "Dana Ruiz (Operations leader)", or "Respondent 2" when no name was given. */
  label: string;
  assessor?: string;
  role?: string;
}

/** One respondent's answer on one question, in words, with their note. */
export interface Said {
  respondent: string;
  answer: string;
  note: string;
}

export interface Spread {
  min: number;
  max: number;
  /** max − min, in points. */
  range: number;
}

export interface CombinedAxis {
  id: string;
  title: string;
  weight: number;
  /** Weight at or above the bank's heavy threshold (scoring.estimated_weight_at). */
  heavy: boolean;
  answers: (Said & {value: AxisAnswer | null; certainty: Certainty | null})[];
  /** Over the known answers; null when fewer than one is known. */
  spread: Spread | null;
  /** "2–5 (3 points)", "all 4", "none known". */
  spreadText: string;
  combined: AxisAnswer;
  combinedText: string;
  certainty: Certainty | null;
  disagreement: boolean;
  lowersConfidence: boolean;
}

export interface CombinedStatement {
  id: string;
  text: string;
  /** Who ticked it / did not, among those who answered its checklist. */
  yes: string[];
  no: string[];
  notAnswered: string[];
  /** "2 of 3" (of those who answered the checklist). */
  count: string;
  combined: boolean;
  differ: boolean;
}

export interface CombinedDisqualifier {
  id: string;
  title: string;
  applies: string[];
  doesNotApply: string[];
  notAnswered: string[];
  /** "1 of 3" say it applies. */
  count: string;
  /** true applies, false does not, null nobody answered. */
  combined: boolean | null;
  combinedText: string;
  differ: boolean;
}

export interface Disagreement {
  kind: 'axis' | 'signal' | 'disqualifier';
  id: string;
  title: string;
  /** The axis weight; null for a statement or a disqualifier. */
  weight: number | null;
  heavy: boolean;
  lowersConfidence: boolean;
  /** The question to put to the room (bank wording). */
  question: string;
  /** Axes: "2–5 (3 points)"; statements and disqualifiers: "2 of 3". */
  spread: string;
  /** The combined answer in words. */
  combined: string;
  said: Said[];
}

export interface CombinedBaseline {
  axis: string;
  title: string;
  unit: string;
  figures: {respondent: string; text: string}[];
  combined: Baseline | null;
  combinedText: string;
  /** The figures differ a lot (largest >= baseline_spread × smallest). */
  flagged: boolean;
}

export interface MergedHandoff {
  handoff: string;
  from: string;
  to: string;
  record: string;
  namedBy: string[];
  /** The owner all who named one agree on; '' when nobody named one or they differ. */
  owner: string;
  owners: {owner: string; by: string[]}[];
  ownerConflict: boolean;
  requiredFields: string[];
  fieldSets: {fields: string[]; by: string[]}[];
  fieldsConflict: boolean;
  whenMissing: string;
  failures: number | null;
  criticalPath: boolean | null;
  /** Each conflict in one sentence, who said which. */
  flags: string[];
}

export interface Combined {
  respondents: Respondent[];
  organisation: string;
  workflow: string;
  systems: string[];
  /** The combined answers: scored by score() like any answers file. */
  answers: Answers;
  /** score() of the combined answers, confidence lowered where respondents disagree on a heavy axis. */
  result: Result;
  /** The confidence before that lowering. */
  scoredConfidence: Confidence;
  confidenceLowered: boolean;
  matrix: CombinedAxis[];
  signals: Record<SignalList, CombinedStatement[]>;
  disqualifiers: CombinedDisqualifier[];
  disagreements: Disagreement[];
  baselines: CombinedBaseline[];
  handoffs: MergedHandoff[];
  /** Merged handoffs beyond what one answers file holds (MAX_HANDOFFS): in the report, not in the combined answers. */
  handoffsLeftOut: number;
  /** The rules applied, in words. */
  method: string[];
}

// ---------------------------------------------------------------------------
// Who the respondents are, and whether they answered about the same thing
// ---------------------------------------------------------------------------

/** Text as a person would match it: trimmed, spaces collapsed, case ignored. */
export function matchKey(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The role as a short label: the bank's choice label when short, else the value in words ("buyer" → "Buyer"). */
function roleLabel(bank: Bank, role: string | undefined): string | undefined {
  if (!role) return undefined;
  const choice = bank.context.find((q) => q.id === 'role')?.choices?.find((c) => c.value === role);
  const label = choice && choice.label.length <= 24 ? choice.label : role.replace(/[-_]+/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Each respondent's name: the assessor and role label, else "Respondent N"; the same name twice gets its number. */
export function respondentsOf(bank: Bank, all: Answers[]): Respondent[] {
  const out = all.map((a, i): Respondent => {
    const assessor = a.context.assessor?.trim() || undefined;
    const role = roleLabel(bank, a.context.role);
    const name = assessor ?? `Respondent ${i + 1}`;
    return {label: role ? `${name} (${role})` : name, assessor, role: a.context.role};
  });
  const seen = new Map<string, number>();
  for (const r of out) seen.set(r.label, (seen.get(r.label) ?? 0) + 1);
  return out.map((r, i) => (seen.get(r.label)! > 1 ? {...r, label: `${r.label} #${i + 1}`} : r));
}

/** The first answers that name another organisation or workflow than the first: which field, which two, the two values. */
export function findMismatch(all: Answers[]): {field: 'organisation' | 'workflow'; first: number; other: number; values: [string, string]} | undefined {
  for (const field of ['organisation', 'workflow'] as const) {
    const first = all[0]?.context[field] ?? '';
    const other = all.findIndex((a) => matchKey(a.context[field]) !== matchKey(first));
    if (other > 0) return {field, first: 0, other, values: [first.trim(), (all[other]!.context[field] ?? '').trim()]};
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Combining
// ---------------------------------------------------------------------------

/** To the nearest point of the scale, a half toward 3 (the middle). */
function roundTowardMiddle(x: number): ScaleValue {
  const floor = Math.floor(x);
  const rounded = x - floor === 0.5 ? (x < 3 ? floor + 1 : floor) : Math.round(x);
  return Math.min(5, Math.max(1, rounded)) as ScaleValue;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The combined axis answer by the bank's rule; unknown when nobody knows. */
export function combineAxis(rule: Bank['combine']['axis'], values: number[]): AxisAnswer {
  if (!values.length) return 'unknown';
  const x = rule === 'mean-of-known' ? values.reduce((a, b) => a + b, 0) / values.length : median(values);
  return roundTowardMiddle(x);
}

/** unknown < estimated < not marked < verified. */
const CERTAINTY_RANK = (c: Certainty | undefined): number => (c === 'unknown' ? 0 : c === 'estimated' ? 1 : c === undefined ? 2 : 3);

function combineCertainty(rule: Bank['combine']['certainty'], marks: (Certainty | undefined)[]): Certainty | undefined {
  if (!marks.length) return undefined;
  // Ranks, not the marks: sort() would put every undefined (not marked) last, whatever the comparator.
  const ranks = marks.map(CERTAINTY_RANK);
  const rank = rule === 'weakest' ? Math.min(...ranks) : Math.max(...ranks);
  return marks[ranks.indexOf(rank)];
}

/** Does a count of `yes` out of `of` pass the rule? */
function passes(rule: 'any' | 'majority' | 'all', yes: number, of: number): boolean {
  if (of === 0) return false;
  return rule === 'any' ? yes > 0 : rule === 'all' ? yes === of : yes * 2 > of;
}

const countText = (yes: number, of: number) => `${yes} of ${of}`;

/** Fill {name} placeholders. */
function fillIn(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z_]+)\}/g, (m, key: string) => (key in values ? values[key]! : m));
}

const stripStop = (text: string) => text.trim().replace(/[.]$/, '');

/** Everything a combined report says, from the respondents' answers (at least two, of one workflow). */
export function combineAnswers(bank: Bank, all: Answers[]): Combined {
  if (all.length < MIN_RESPONDENTS) throw new Error(`internal: combineAnswers needs at least ${MIN_RESPONDENTS} assessments`);
  const rules = bank.combine;
  const respondents = respondentsOf(bank, all);
  const names = respondents.map((r) => r.label);
  const first = all[0]!;
  const workflow = first.context.workflow?.trim() || 'the critical workflow';
  const note = (a: Answers, id: string) => a.notes[id]?.trim() ?? '';
  const heavyAt = bank.scoring.estimatedWeightAt;

  // The matrix.
  const matrix = bank.axes.map((axis): CombinedAxis => {
    const answers = all.map((a, i) => {
      const value = a.matrix[axis.id];
      const certainty = typeof value === 'number' ? (a.certainty[axis.id] ?? null) : null;
      return {respondent: names[i]!, value: value ?? null, certainty, answer: axisAnswerWords(value) + (certainty ? ` (${certainty})` : ''), note: note(a, axis.id)};
    });
    const known = answers.map((x) => x.value).filter((v): v is ScaleValue => typeof v === 'number');
    const spread = known.length ? {min: Math.min(...known), max: Math.max(...known), range: Math.max(...known) - Math.min(...known)} : null;
    const combined = combineAxis(rules.axis, known);
    const certainty = typeof combined === 'number' ? combineCertainty(rules.certainty, all.filter((a) => typeof a.matrix[axis.id] === 'number').map((a) => a.certainty[axis.id])) : undefined;
    const heavy = axis.weight >= heavyAt;
    const disagreement = spread !== null && spread.range >= rules.disagreementAt;
    return {
      id: axis.id,
      title: axis.title,
      weight: axis.weight,
      heavy,
      answers,
      spread,
      spreadText: spreadWords(spread, known.length),
      combined,
      combinedText: axisAnswerWords(combined) + (certainty ? ` (${certainty})` : ''),
      certainty: certainty ?? null,
      disagreement,
      lowersConfidence: disagreement && heavy && rules.confidenceLevels > 0,
    };
  });

  // The checklists, statement by statement, counted among those who answered the checklist.
  const signals = Object.fromEntries(
    SIGNAL_LISTS.map((listId) => [
      listId,
      bank.signals
        .filter((s) => s.list === listId)
        .map((s): CombinedStatement => {
          const yes: string[] = [];
          const no: string[] = [];
          const notAnswered: string[] = [];
          all.forEach((a, i) => (a.signals[listId] === undefined ? notAnswered : a.signals[listId]!.includes(s.id) ? yes : no).push(names[i]!));
          const of = yes.length + no.length;
          return {id: s.id, text: s.text, yes, no, notAnswered, count: countText(yes.length, of), combined: passes(rules.signal, yes.length, of), differ: yes.length > 0 && no.length > 0};
        }),
    ]),
  ) as Record<SignalList, CombinedStatement[]>;

  // The disqualifiers, counted among those who answered each.
  const disqualifiers = bank.disqualifiers.map((d): CombinedDisqualifier => {
    const applies: string[] = [];
    const doesNotApply: string[] = [];
    const notAnswered: string[] = [];
    all.forEach((a, i) => {
      const v = a.disqualifiers[d.id];
      (v === true ? applies : v === false ? doesNotApply : notAnswered).push(names[i]!);
    });
    const of = applies.length + doesNotApply.length;
    const combined = of === 0 ? null : passes(rules.disqualifier, applies.length, of);
    return {
      id: d.id,
      title: d.title,
      applies,
      doesNotApply,
      notAnswered,
      count: countText(applies.length, of),
      combined,
      combinedText: combined === null ? 'not answered' : combined ? 'applies' : 'does not apply',
      differ: applies.length > 0 && doesNotApply.length > 0,
    };
  });

  const handoffs = mergeHandoffs(all, names);
  const answers = combinedAnswers(bank, all, respondents, {matrix, signals, disqualifiers, handoffs});
  const scored = score(bank, answers);
  const heavyDisagreements = matrix.filter((m) => m.lowersConfidence);
  const result = lowerConfidence(scored, heavyDisagreements, rules);

  return {
    respondents,
    organisation: first.context.organisation?.trim() || 'Unnamed organisation',
    workflow,
    systems: answers.context.systems ?? [],
    answers,
    result,
    scoredConfidence: scored.confidence,
    confidenceLowered: result.confidence !== scored.confidence,
    matrix,
    signals,
    disqualifiers,
    disagreements: disagreementsOf(bank, all, names, workflow, matrix, signals, disqualifiers),
    baselines: combineBaselines(bank, all, names),
    handoffs,
    handoffsLeftOut: Math.max(0, handoffs.length - 12),
    method: methodOf(bank),
  };
}

function spreadWords(spread: Spread | null, known: number): string {
  if (!spread) return 'none known';
  if (known === 1) return 'one known';
  if (spread.range === 0) return `all ${spread.min}`;
  return `${spread.min}–${spread.max} (${spread.range} point${spread.range === 1 ? '' : 's'})`;
}

const LEVELS: Confidence[] = ['low', 'medium', 'high'];

/** The scored result with its confidence lowered (bank data) when respondents disagree on a heavy axis, and why. */
function lowerConfidence(result: Result, heavy: CombinedAxis[], rules: Bank['combine']): Result {
  if (!heavy.length || rules.confidenceLevels === 0) return result;
  const level = Math.max(0, LEVELS.indexOf(result.confidence) - rules.confidenceLevels);
  const confidence = LEVELS[level]!;
  const what = heavy.map((m) => `${m.title.toLowerCase()} (${m.spreadText})`);
  const reason = `the respondents disagree by ${rules.disagreementAt} points or more on ${list(what)}, which weigh${heavy.length > 1 ? '' : 's'} heavily${confidence === result.confidence ? ' (the confidence is already as low as it goes)' : `: lowered from ${result.confidence}`}`;
  const reasons = result.confidenceReasons.filter((r) => !(confidence !== 'high' && r.startsWith('the answers are clear')));
  return {...result, confidence, confidenceReasons: [...reasons, reason]};
}

/** The combined answers: an answers file as one respondent could have written it, by the bank's rules. */
function combinedAnswers(
  bank: Bank,
  all: Answers[],
  respondents: Respondent[],
  parts: {matrix: CombinedAxis[]; signals: Record<SignalList, CombinedStatement[]>; disqualifiers: CombinedDisqualifier[]; handoffs: MergedHandoff[]},
): Answers {
  const first = all[0]!;
  const rules = bank.combine;
  const maxLength = (id: string, fallback: number) => bank.context.find((q) => q.id === id)?.maxLength ?? fallback;

  // Context: the first respondent's, the systems everyone named, the respondents as the assessor.
  const context: Answers['context'] = {...first.context};
  const systems = unique(all.flatMap((a) => a.context.systems ?? [])).slice(0, 50);
  if (systems.length) context.systems = systems;
  const people = `${numberWord(respondents.length)} respondents: ${respondents.map((r) => r.assessor ?? r.label).join('; ')}`;
  if (bank.context.some((q) => q.id === 'assessor')) context.assessor = shorten(people.charAt(0).toUpperCase() + people.slice(1), maxLength('assessor', 120));

  const matrix: Answers['matrix'] = {};
  const certainty: Answers['certainty'] = {};
  for (const m of parts.matrix) {
    if (m.answers.every((x) => x.value === null)) continue;
    matrix[m.id] = m.combined;
    if (m.certainty) certainty[m.id] = m.certainty;
  }

  const signals: Answers['signals'] = {};
  for (const listId of SIGNAL_LISTS) {
    if (all.every((a) => a.signals[listId] === undefined)) continue;
    signals[listId] = parts.signals[listId].filter((s) => s.combined).map((s) => s.id);
  }

  const disqualifiers: Answers['disqualifiers'] = {};
  for (const d of parts.disqualifiers) {
    if (d.combined === null) continue;
    disqualifiers[d.id] = d.combined;
    const mark = combineCertainty(
      rules.certainty,
      all.filter((a) => a.disqualifiers[d.id] === d.combined).map((a) => a.certainty[d.id]),
    );
    if (mark) certainty[d.id] = mark;
  }

  // Notes: each respondent's, named, side by side.
  const notes: Answers['notes'] = {};
  const ids = unique(all.flatMap((a) => Object.keys(a.notes)));
  for (const id of ids) {
    const said = all.map((a, i) => [respondents[i]!.assessor ?? respondents[i]!.label, a.notes[id]?.trim() ?? ''] as const).filter(([, n]) => n);
    if (said.length) notes[id] = shorten(said.map(([who, n]) => `${who}: ${n}`).join(' / '), 4000);
  }

  const out: Answers = {version: 1, context, matrix, signals, disqualifiers, notes, certainty};
  if (all.some((a) => a.handoffs !== undefined)) {
    out.handoffs = parts.handoffs.slice(0, 12).map((h): Handoff => {
      const handoff: Handoff = {from: h.from, to: h.to, record: h.record, owner: h.owner, required_fields: h.requiredFields.slice(0, 30), when_missing: h.whenMissing};
      if (h.failures !== null) handoff.failures = h.failures;
      if (h.criticalPath !== null) handoff.critical_path = h.criticalPath;
      return handoff;
    });
  }
  const baselines = combinedFigures(bank, all);
  if (Object.keys(baselines).length) out.baselines = baselines;
  if (out.handoffs !== undefined || out.baselines) out.version = 2;
  return out;
}

function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = matchKey(item);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---------------------------------------------------------------------------
// Baselines
// ---------------------------------------------------------------------------

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The median of each axis's figures (change axes: of "now" and of "before", each). */
function combinedFigures(bank: Bank, all: Answers[]): Record<string, Baseline> {
  const out: Record<string, Baseline> = {};
  for (const axis of bank.axes) {
    const given = all.map((a) => a.baselines?.[axis.id]).filter((b): b is Baseline => b !== undefined);
    if (!given.length || !axis.baseline) continue;
    if (axis.baseline.kind === 'number') {
      const numbers = given.filter((b): b is number => typeof b === 'number');
      if (numbers.length) out[axis.id] = round2(median(numbers));
    } else {
      const pairs = given.filter((b): b is {now: number; before: number} => typeof b === 'object');
      if (pairs.length) out[axis.id] = {now: round2(median(pairs.map((p) => p.now))), before: round2(median(pairs.map((p) => p.before)))};
    }
  }
  return out;
}

function farApart(values: number[], spread: number): boolean {
  if (values.length < 2) return false;
  const max = Math.max(...values);
  return max > 0 && max >= spread * Math.min(...values);
}

function combineBaselines(bank: Bank, all: Answers[], names: string[]): CombinedBaseline[] {
  const combined = combinedFigures(bank, all);
  return bank.axes
    .filter((axis): axis is Axis & {baseline: NonNullable<Axis['baseline']>} => axis.baseline !== undefined && all.some((a) => a.baselines?.[axis.id] !== undefined))
    .map((axis) => {
      const figures = all.map((a, i) => {
        const b = a.baselines?.[axis.id];
        return {respondent: names[i]!, text: b === undefined ? 'not given' : describeFigure(axis.baseline, b)};
      });
      const given = all.map((a) => a.baselines?.[axis.id]).filter((b): b is Baseline => b !== undefined);
      const numbers = given.map((b) => (typeof b === 'number' ? b : b.now));
      const befores = given.filter((b): b is {now: number; before: number} => typeof b === 'object').map((b) => b.before);
      const c = combined[axis.id];
      return {
        axis: axis.id,
        title: axis.title,
        unit: axis.baseline.unit,
        figures,
        combined: c ?? null,
        combinedText: c === undefined ? 'none' : describeFigure(axis.baseline, c),
        flagged: farApart(numbers, bank.combine.baselineSpread) || farApart(befores, bank.combine.baselineSpread),
      };
    });
}

// ---------------------------------------------------------------------------
// The handoff map
// ---------------------------------------------------------------------------

/** Every respondent's handoffs as one map: the same from, to and record (case and spaces aside) are one handoff. */
export function mergeHandoffs(all: Answers[], names: string[]): MergedHandoff[] {
  const groups = new Map<string, {h: Handoff; by: string}[]>();
  all.forEach((a, i) => {
    for (const h of a.handoffs ?? []) {
      const key = [h.from, h.to, h.record].map(matchKey).join('\u0000');
      const group = groups.get(key) ?? [];
      if (!group.some((g) => g.by === names[i])) group.push({h, by: names[i]!});
      groups.set(key, group);
    }
  });
  return [...groups.values()].map((group) => {
    const {from, to, record} = group[0]!.h;
    const handoff = `${from} → ${to} (${record})`;
    const owners = groupBy(group.filter((g) => g.h.owner.trim()), (g) => matchKey(g.h.owner)).map((g) => ({owner: g[0]!.h.owner.trim(), by: g.map((x) => x.by)}));
    const fieldSets = groupBy(group.filter((g) => g.h.required_fields.length), (g) => g.h.required_fields.map(matchKey).sort().join('\u0000')).map((g) => ({fields: g[0]!.h.required_fields, by: g.map((x) => x.by)}));
    const ownerConflict = owners.length > 1;
    const fieldsConflict = fieldSets.length > 1;
    const failures = group.map((g) => g.h.failures).filter((f): f is number => f !== undefined);
    const critical = group.map((g) => g.h.critical_path).filter((c): c is boolean => c !== undefined);
    const flags: string[] = [];
    if (ownerConflict) flags.push(`Owner not agreed on ${handoff}: ${owners.map((o) => `${list(o.by)} ${o.by.length > 1 ? 'say' : 'says'} ${o.owner}`).join('; ')}.`);
    if (fieldsConflict) flags.push(`Required fields not agreed on ${handoff}: ${fieldSets.map((f) => `${list(f.by)} ${f.by.length > 1 ? 'list' : 'lists'} ${f.fields.join(', ')}`).join('; ')}.`);
    return {
      handoff,
      from,
      to,
      record,
      namedBy: group.map((g) => g.by),
      owner: owners.length === 1 ? owners[0]!.owner : '',
      owners,
      ownerConflict,
      requiredFields: unique(group.flatMap((g) => g.h.required_fields)),
      fieldSets,
      fieldsConflict,
      whenMissing: group.map((g) => g.h.when_missing.trim()).find(Boolean) ?? '',
      failures: failures.length ? Math.max(...failures) : null,
      criticalPath: critical.length ? critical.some(Boolean) : null,
      flags,
    };
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return [...map.values()];
}

// ---------------------------------------------------------------------------
// The disagreements to settle
// ---------------------------------------------------------------------------

function disagreementsOf(
  bank: Bank,
  all: Answers[],
  names: string[],
  workflow: string,
  matrix: CombinedAxis[],
  signals: Record<SignalList, CombinedStatement[]>,
  disqualifiers: CombinedDisqualifier[],
): Disagreement[] {
  const q = bank.combine.questions;
  const out: Disagreement[] = [];
  const axes = matrix
    .map((m, order) => ({m, order}))
    .filter(({m}) => m.disagreement)
    .sort((a, b) => Number(b.m.lowersConfidence) - Number(a.m.lowersConfidence) || b.m.spread!.range - a.m.spread!.range || a.order - b.order);
  for (const {m} of axes) {
    const axis = bank.axes.find((a) => a.id === m.id)!;
    out.push({
      kind: 'axis',
      id: m.id,
      title: m.title,
      weight: m.weight,
      heavy: m.heavy,
      lowersConfidence: m.lowersConfidence,
      question: fillIn(q.axis, {
        title: m.title,
        low: fmt(m.spread!.min),
        high: fmt(m.spread!.max),
        workflow,
        manage_in_place: stripStop(axis.manageInPlace),
        remediation_sprint: stripStop(axis.remediationSprint),
        evidence: stripStop(axis.evidence),
      }),
      spread: m.spreadText,
      combined: m.combinedText,
      said: m.answers.map(({respondent, answer, note}) => ({respondent, answer, note})),
    });
  }
  for (const d of disqualifiers.filter((x) => x.differ)) {
    const spec = bank.disqualifiers.find((x) => x.id === d.id)!;
    out.push({
      kind: 'disqualifier',
      id: d.id,
      title: d.title,
      weight: null,
      heavy: false,
      lowersConfidence: false,
      question: fillIn(q.disqualifier, {title: d.title, count: d.count, prompt: spec.prompt.trim(), prepare: stripStop(spec.prepare), workflow}),
      spread: `${d.count} say it applies`,
      combined: d.combinedText,
      said: all.map((a, i) => ({
        respondent: names[i]!,
        answer: (a.disqualifiers[d.id] === true ? 'applies' : a.disqualifiers[d.id] === false ? 'does not apply' : 'not answered') + (a.certainty[d.id] ? ` (${a.certainty[d.id]})` : ''),
        note: a.notes[d.id]?.trim() ?? '',
      })),
    });
  }
  for (const listId of SIGNAL_LISTS) {
    for (const s of signals[listId].filter((x) => x.differ)) {
      out.push({
        kind: 'signal',
        id: s.id,
        title: s.text,
        weight: null,
        heavy: false,
        lowersConfidence: false,
        question: fillIn(q.signal, {text: s.text.trim(), count: s.count, workflow}),
        spread: `${s.count} say so`,
        combined: s.combined ? 'ticked' : 'not ticked',
        said: all.map((a, i) => ({
          respondent: names[i]!,
          answer: a.signals[listId] === undefined ? 'checklist not answered' : a.signals[listId]!.includes(s.id) ? 'says so' : 'does not say so',
          note: [a.notes[s.id]?.trim(), a.notes[listId]?.trim()].filter(Boolean).join(' / '),
        })),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// The method, in words
// ---------------------------------------------------------------------------

function methodOf(bank: Bank): string[] {
  const r = bank.combine;
  const who = (rule: 'any' | 'majority' | 'all') => (rule === 'any' ? 'any respondent' : rule === 'all' ? 'every respondent' : 'more than half of the respondents');
  return [
    `Each matrix axis takes the ${r.axis === 'median-of-known' ? 'median' : 'mean'} of the answers given ("don't know" left out), rounded to the nearest point, a half toward 3; nobody knowing leaves it "don't know".`,
    `Its certainty mark is the ${r.certainty} any respondent gave (unknown, estimated, not marked, verified).`,
    `A checklist statement is ticked when ${who(r.signal)} who answered the checklist ticked it; a disqualifier applies when ${who(r.disqualifier)} who answered it say${r.disqualifier === 'any' ? 's' : ''} so.`,
    `Answers ${r.disagreementAt} points apart or more on an axis are a disagreement to settle; on an axis of weight ${fmt(bank.scoring.estimatedWeightAt)} or more (a heavy one) they lower the confidence by ${numberWord(r.confidenceLevels)} level${r.confidenceLevels === 1 ? '' : 's'}.`,
    `Baseline figures take the median of those given, flagged when the largest is ${fmt(r.baselineSpread)} times the smallest or more.`,
    'Handoffs with the same from, to and record (case and spaces aside) are one; an owner or required fields the respondents do not agree on are flagged, and the combined answers leave a disputed owner blank and list every field anyone named.',
    'The combined answers are then scored like any answers file: the verdict, its reasons and what would change it are theirs.',
  ];
}

/** The verdict's words, for the combined report. */
export interface CombinedView
  extends Combined,
    Pick<ReportModel, 'title' | 'date' | 'bank' | 'systemsText' | 'recommendation' | 'recommendationLabel' | 'leanLabel' | 'showLean' | 'confidence' | 'confidenceReasons' | 'why' | 'counterEvidence' | 'score' | 'threshold' | 'distance' | 'drivers'> {
  flips: string[];
  /** Every owner or required-fields conflict of the merged map, one sentence each. */
  handoffFlags: string[];
  baselinesFlagged: number;
  /** The line above the disagreements: how many there are, or that there are none. */
  settleIntro: string;
}

/** The combined report's model: the combination, with the single report's verdict words on the combined answers. */
export function buildCombinedView(bank: Bank, all: Answers[], date: string): CombinedView {
  const c = combineAnswers(bank, all);
  const m = buildReportModel(bank, c.answers, date);
  return {
    ...c,
    title: `Combined assessment: ${c.organisation}`,
    date,
    bank: m.bank,
    systemsText: m.systemsText,
    recommendation: c.result.recommendation,
    recommendationLabel: m.recommendationLabel,
    leanLabel: m.leanLabel,
    showLean: m.showLean,
    confidence: c.result.confidence,
    confidenceReasons: c.result.confidenceReasons.map((r) => r.charAt(0).toUpperCase() + r.slice(1)),
    why: m.why,
    counterEvidence: m.counterEvidence,
    score: round(c.result.score),
    threshold: c.result.threshold,
    distance: m.distance,
    drivers: m.drivers,
    // As the single report says them: the score flips, and a disqualifier only when one is open.
    flips: [...m.scoreFlips, m.disqualifierFlip].filter(Boolean),
    handoffFlags: c.handoffs.flatMap((h) => h.flags),
    settleIntro: settleIntro(bank, c.disagreements),
    baselinesFlagged: c.baselines.filter((b) => b.flagged).length,
  };
}

function settleIntro(bank: Bank, disagreements: Disagreement[]): string {
  const n = disagreements.length;
  if (!n) return `None: no two answers on an axis are ${bank.combine.disagreementAt} points apart or more, and no statement or disqualifier divides the respondents.`;
  const lowering = disagreements.filter((d) => d.lowersConfidence).length;
  const heavy = lowering ? ` ${lowering === n ? (n === 1 ? 'It is' : 'All are') : `${capitalise(numberWord(lowering))} ${lowering === 1 ? 'is' : 'are'}`} on a heavy axis and lower${lowering === 1 ? 's' : ''} the confidence of the verdict.` : '';
  return `The respondents differ on ${numberWord(n)} question${n === 1 ? '' : 's'}.${heavy} Put each to the room: the answer that settles it replaces the combined answer, and the verdict may move with it.`;
}
