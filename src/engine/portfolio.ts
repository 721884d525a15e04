/**
 * Several workflows of one organisation (issue 14, `--portfolio`): which one
 * needs work most urgently, which to run the sprint on first and why, which
 * can be managed in place (and when to look again), and what the others lack.
 * Pure: the answers and the date are passed in. The ranking rule is data (the
 * bank's `portfolio:` section, DEFAULT_PORTFOLIO when a bank has none).
 */
import {quantity} from './baseline.js';
import {fmt, list, lowerFirst, signed} from './phrases.js';
import {buildReportModel, type ReportModel} from './report-model.js';
import type {Answers, Bank, Confidence, PortfolioKey, PortfolioRule, Recommendation} from './types.js';

/** The rule of a bank without a `portfolio:` section (the bundled bank says the same). */
export const DEFAULT_PORTFOLIO: PortfolioRule = {
  order: ['verdict', 'margin', 'heavy_axes', 'confidence', 'failures'],
  verdicts: ['remediation-sprint', 'not-yet-qualified', 'insufficient-evidence', 'manage-in-place'],
  heavyWeightAt: 3,
  heavyAnswerAt: 4,
  failuresAxis: 'failure_frequency',
};

/** The fewest and most assessments a portfolio takes. */
export const PORTFOLIO_MIN = 2;
export const PORTFOLIO_MAX = 20;

/** The disqualifier a ranked list of workflows answers. */
export const REDESIGN_DISQUALIFIER = 'broad_redesign_expected';

export interface PortfolioSource {
  /** Where it came from, as the user named it (a file, a draft id). */
  label: string;
  answers: Answers;
}

/** What to do to move a workflow that is not ready for a decision. */
export interface PortfolioGap {
  title: string;
  detail: string;
}

export interface PortfolioEntry {
  rank: number;
  /** Where its assessment is in the sources given (labels need not be unique). */
  source: number;
  label: string;
  workflow: string;
  systemsText: string;
  /** "Priya Nair, Consultant" ('' when neither is given). */
  respondent: string;
  recommendation: Recommendation;
  recommendationLabel: string;
  lean: Recommendation;
  leanLabel: string;
  confidence: Confidence;
  score: number;
  margin: number;
  /** The heavy axes answered toward a sprint, with their answers and figures: "failure frequency at 5 of 5 (18 failures in four weeks)". */
  heavyAxes: string[];
  /** Failures in four weeks, when counted. */
  failures: number | null;
  failuresText: string;
  /** The single report's why (the decisive answers with the client's figures and notes). */
  why: string;
  /** Why it comes before the next one ('' for the last). */
  ahead: string;
  /** Manage in place: when to assess it again (the plan's re-assessment triggers). */
  triggers: string[];
  /** Not yet qualified / not enough evidence: what would change that. */
  gaps: PortfolioGap[];
  /** The broad-redesign disqualifier was answered as applying. */
  redesign: boolean;
}

export interface PortfolioModel {
  title: string;
  date: string;
  organisation: string;
  bank: {name: string; version: string; title: string};
  threshold: number;
  range: {min: number; max: number};
  /** The ranking rule: its keys and each in words. */
  rule: {order: PortfolioKey[]; text: string[]};
  /** Most urgent first. */
  entries: PortfolioEntry[];
  /** The workflow to run the sprint on first (undefined when none has a remediation-sprint verdict). */
  first?: PortfolioEntry;
  /** Why that one, in the client's figures; or why none yet. */
  firstWhy: string;
  headline: string;
  sprint: PortfolioEntry[];
  manageInPlace: PortfolioEntry[];
  notYetQualified: PortfolioEntry[];
  insufficientEvidence: PortfolioEntry[];
  /** Set when the broad-redesign disqualifier applies in any of them: the sentence that says this list answers it. */
  redesign: {workflows: string[]; text: string} | null;
}

const LABELS: Record<Recommendation, string> = {
  'remediation-sprint': 'Remediation sprint',
  'not-yet-qualified': 'Not yet qualified',
  'insufficient-evidence': 'Not enough evidence to decide',
  'manage-in-place': 'Manage in place',
};

const CONFIDENCE_RANK: Record<Confidence, number> = {high: 3, medium: 2, low: 1};

/** The same organisation or workflow, however it was typed: case, spacing and punctuation at the ends do not count. */
export function sameName(a: string | undefined, b: string | undefined): boolean {
  return normaliseName(a) === normaliseName(b);
}
export function normaliseName(name: string | undefined): string {
  return (name ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** What one workflow is ranked on. */
interface Facts {
  source: PortfolioSource;
  index: number;
  model: ReportModel;
  heavy: number;
  failures: number | null;
  failuresText: string;
}

function facts(bank: Bank, rule: PortfolioRule, source: PortfolioSource, index: number, date: string): Facts {
  const model = buildReportModel(bank, source.answers, date);
  const heavy = bank.axes.filter((a) => a.weight >= rule.heavyWeightAt && typeof source.answers.matrix[a.id] === 'number' && (source.answers.matrix[a.id] as number) >= rule.heavyAnswerAt).length;
  const {failures, failuresText} = failureCount(bank, rule, source.answers);
  return {source, index, model, heavy, failures, failuresText};
}

/** Failures in four weeks: the failures axis's figure, else the handoff map's counts added up. */
function failureCount(bank: Bank, rule: PortfolioRule, answers: Answers): {failures: number | null; failuresText: string} {
  const axis = rule.failuresAxis ? bank.axes.find((a) => a.id === rule.failuresAxis && a.baseline) : undefined;
  const figure = axis ? answers.baselines?.[axis.id] : undefined;
  if (axis?.baseline && figure !== undefined) {
    const n = typeof figure === 'number' ? figure : figure.now;
    return {failures: n, failuresText: quantity(axis.baseline, n)};
  }
  const counted = (answers.handoffs ?? []).filter((h) => typeof h.failures === 'number');
  if (counted.length) {
    const n = counted.reduce((sum, h) => sum + h.failures!, 0);
    return {failures: n, failuresText: `${fmt(n)} ${n === 1 ? 'failure' : 'failures'} in four weeks (the handoff map's counts)`};
  }
  return {failures: null, failuresText: 'not counted'};
}

/** Each key: compare (negative: a first), and the difference in words. */
const KEYS: Record<PortfolioKey, {compare: (a: Facts, b: Facts, rule: PortfolioRule) => number; words: (a: Facts, b: Facts) => string; rule: (rule: PortfolioRule) => string}> = {
  verdict: {
    compare: (a, b, rule) => rule.verdicts.indexOf(a.model.recommendation) - rule.verdicts.indexOf(b.model.recommendation),
    words: (a, b) => `on its verdict (${lowerFirst(LABELS[a.model.recommendation])}, against ${lowerFirst(LABELS[b.model.recommendation])})`,
    rule: (rule) => `the verdict, in this order: ${list(rule.verdicts.map((v) => lowerFirst(LABELS[v])))}`,
  },
  margin: {
    compare: (a, b) => b.model.margin - a.model.margin,
    words: (a, b) => `on its score (${fmt(a.model.score)}, ${signed(a.model.margin)} against the threshold, where ${b.model.workflow} is at ${signed(b.model.margin)})`,
    rule: () => 'how far the score is above the threshold (the higher first)',
  },
  heavy_axes: {
    compare: (a, b) => b.heavy - a.heavy,
    words: (a, b) => `on its heavy axes answered toward a sprint (${a.heavy}, against ${b.heavy})`,
    rule: (rule) => `how many axes of weight ${fmt(rule.heavyWeightAt)} or more were answered ${rule.heavyAnswerAt} of 5 or higher (the more first)`,
  },
  confidence: {
    compare: (a, b) => CONFIDENCE_RANK[b.model.confidence] - CONFIDENCE_RANK[a.model.confidence],
    words: (a, b) => `on confidence (${a.model.confidence}, against ${b.model.confidence})`,
    rule: () => 'the confidence of the verdict (high first)',
  },
  failures: {
    compare: (a, b) => (b.failures ?? -1) - (a.failures ?? -1),
    words: (a, b) => `on failures counted (${a.failuresText}, against ${b.failuresText})`,
    rule: (rule) => `failures in four weeks${rule.failuresAxis ? ` (the ${rule.failuresAxis.replace(/_/g, ' ')} figure, else the handoff map's counts)` : " (the handoff map's counts)"}, the more first; none counted comes last`,
  },
};

/** The key on which `a` and `b` first differ, or undefined when they tie on all. */
function decidingKey(a: Facts, b: Facts, rule: PortfolioRule): PortfolioKey | undefined {
  return rule.order.find((key) => KEYS[key].compare(a, b, rule) !== 0);
}

export function buildPortfolioModel(bank: Bank, sources: PortfolioSource[], date: string): PortfolioModel {
  const rule = bank.portfolio ?? DEFAULT_PORTFOLIO;
  const all = sources.map((s, i) => facts(bank, rule, s, i, date));
  const ranked = [...all].sort((a, b) => {
    const key = decidingKey(a, b, rule);
    return key ? KEYS[key].compare(a, b, rule) : a.index - b.index;
  });
  const entries = ranked.map((f, i) => entry(bank, rule, f, i, ranked[i + 1]));
  const first = entries.find((e) => e.recommendation === 'remediation-sprint');
  const firstModel = first && ranked[entries.indexOf(first)]!.model;
  const organisation = ranked[0]!.model.organisation;
  const byVerdict = (v: Recommendation) => entries.filter((e) => e.recommendation === v);
  const redesigning = entries.filter((e) => e.redesign);
  const threshold = ranked[0]!.model.threshold;
  return {
    title: `Workflow portfolio: ${organisation}`,
    date,
    organisation,
    bank: ranked[0]!.model.bank,
    threshold,
    range: ranked[0]!.model.range,
    rule: {order: rule.order, text: rule.order.map((k) => KEYS[k].rule(rule))},
    entries,
    first,
    firstWhy: first && firstModel ? firstWhy(first, firstModel, entries, threshold) : noneYet(entries),
    headline: headline(entries, first),
    sprint: byVerdict('remediation-sprint'),
    manageInPlace: byVerdict('manage-in-place'),
    notYetQualified: byVerdict('not-yet-qualified'),
    insufficientEvidence: byVerdict('insufficient-evidence'),
    redesign: redesigning.length ? redesignText(bank, redesigning, entries, first) : null,
  };
}

function entry(bank: Bank, rule: PortfolioRule, f: Facts, index: number, next: Facts | undefined): PortfolioEntry {
  const m = f.model;
  const key = next ? decidingKey(f, next, rule) : undefined;
  const ahead = !next ? '' : key ? `Before ${next.model.workflow} ${KEYS[key].words(f, next)}.` : `Level with ${next.model.workflow} on every key of the rule; kept in the order given.`;
  return {
    rank: index + 1,
    source: f.index,
    label: f.source.label,
    workflow: m.workflow,
    systemsText: m.systemsText,
    respondent: [m.assessor, m.roleLabel].filter(Boolean).join(', '),
    recommendation: m.recommendation,
    recommendationLabel: m.recommendationLabel,
    lean: m.lean,
    leanLabel: m.leanLabel,
    confidence: m.confidence,
    score: m.score,
    margin: m.margin,
    heavyAxes: heavyAxes(bank, rule, f),
    failures: f.failures,
    failuresText: f.failuresText,
    why: m.why,
    ahead,
    triggers: m.recommendation === 'manage-in-place' ? triggers(m) : [],
    gaps: gaps(m),
    redesign: m.disqualifiers.some((d) => d.id === REDESIGN_DISQUALIFIER && d.status === 'applies'),
  };
}

/** "failure frequency at 5 of 5 (18 failures in four weeks)". */
function heavyAxes(bank: Bank, rule: PortfolioRule, f: Facts): string[] {
  return f.model.matrix
    .filter((row) => row.weight >= rule.heavyWeightAt && typeof row.value === 'number' && row.value >= rule.heavyAnswerAt)
    .map((row) => `${lowerFirst(row.title)} at ${row.answer}${row.figure ? ` (${row.figure})` : ''}`);
}

function triggers(m: ReportModel): string[] {
  const criteria = m.plan.find((s) => s.id === 'reassess')?.criteria ?? [];
  return criteria.length ? criteria : ['No trigger figure was given: count the failures of the workflow each month and assess it again when they rise.'];
}

/** What would move a workflow that has no direction yet: the disqualifiers to resolve, or the evidence to collect. */
function gaps(m: ReportModel): PortfolioGap[] {
  if (m.recommendation === 'not-yet-qualified') {
    const resolve = m.disqualifiers
      .filter((d) => d.status === 'applies')
      .map((d) => ({title: `Resolve: ${lowerFirst(d.title)}`, detail: `${d.resolves} (${d.owner}, about ${d.weeks} ${d.weeks === 1 ? 'week' : 'weeks'})`}));
    const evidence = m.evidencePlan.map((e) => ({title: `Evidence: ${lowerFirst(e.title)}`, detail: `${e.measure} (from ${e.source}, ${e.when})`}));
    return [...resolve, ...evidence];
  }
  if (m.recommendation === 'insufficient-evidence') {
    return m.evidencePlan.map((e) => ({title: `Evidence: ${lowerFirst(e.title)}`, detail: `${e.measure} (from ${e.source}, ${e.when})`}));
  }
  return [];
}

function firstWhy(first: PortfolioEntry, m: ReportModel, entries: PortfolioEntry[], threshold: number): string {
  const sprints = entries.filter((e) => e.recommendation === 'remediation-sprint');
  const alone = sprints.length === 1 ? `It is the only one of the ${entries.length} workflows with a remediation-sprint verdict` : `It is first of the ${sprints.length} workflows with a remediation-sprint verdict`;
  const parts = [`${alone} (${first.confidence} confidence): its answers score ${fmt(first.score)} against a threshold of ${fmt(threshold)} (${signed(first.margin)}).`];
  if (first.heavyAxes.length) parts.push(`Its heavy axes: ${list(first.heavyAxes)}.`);
  if (first.failures !== null) parts.push(`Failures counted: ${first.failuresText}.`);
  const figures = m.matrix.filter((r) => r.figure && typeof r.value === 'number' && r.value >= 4 && !first.heavyAxes.some((h) => h.startsWith(lowerFirst(r.title)))).map((r) => `${lowerFirst(r.title)} ${r.figure}`);
  if (figures.length) parts.push(`Other figures: ${list(figures)}.`);
  if (first.ahead) parts.push(first.ahead);
  return parts.join(' ');
}

function noneYet(entries: PortfolioEntry[]): string {
  const next = entries[0]!;
  const what =
    next.recommendation === 'not-yet-qualified'
      ? 'close its qualification gaps below'
      : next.recommendation === 'insufficient-evidence'
        ? 'collect the evidence below'
        : 'keep its controls and watch the triggers below';
  return `No workflow has a remediation-sprint verdict yet, so none is named for a sprint. The most urgent is ${next.workflow} (${lowerFirst(next.recommendationLabel)}, leaning ${next.lean === 'remediation-sprint' ? 'toward a sprint' : 'toward managing in place'}): ${what}, then assess it again.`;
}

function headline(entries: PortfolioEntry[], first: PortfolioEntry | undefined): string {
  const n = entries.length;
  const counts = (['remediation-sprint', 'not-yet-qualified', 'insufficient-evidence', 'manage-in-place'] as Recommendation[])
    .map((v) => [v, entries.filter((e) => e.recommendation === v).length] as const)
    .filter(([, c]) => c > 0)
    .map(([v, c]) => `${c} ${lowerFirst(LABELS[v])}`);
  return `${n} workflows assessed (${list(counts)}). ${first ? `Run the sprint on ${first.workflow} first.` : 'None is ready for a sprint yet.'}`;
}

function redesignText(bank: Bank, redesigning: PortfolioEntry[], entries: PortfolioEntry[], first: PortfolioEntry | undefined): {workflows: string[]; text: string} {
  const title = bank.disqualifiers.find((d) => d.id === REDESIGN_DISQUALIFIER)?.title ?? 'Broad redesign expected without priorities';
  const names = redesigning.map((e) => e.workflow);
  const order = list(entries.map((e) => e.workflow), 'and');
  return {
    workflows: names,
    text:
      `The disqualifier "${title}" was answered as applying in ${list(names)}: no single workflow had been chosen as the priority. ` +
      `This ranking is the prioritised target list that answers it: ${entries.length} workflows in order of urgency (${order}), ` +
      `${first ? `with ${first.workflow} as the first target` : 'with none ready for a sprint yet'}. ` +
      `Once the sponsor agrees to this order, answer that question again (one workflow chosen) and the disqualifier no longer applies.`,
  };
}
