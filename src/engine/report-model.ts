/**
 * The report model: everything a report says, computed from the bank, the
 * answers and the result. Pure (the date is passed in). Templates only lay
 * it out; the JSON report is this model's public part.
 */
import {missingEvidence} from './evidence.js';
import {describeChange, words} from './flips.js';
import {fmt, list} from './phrases.js';
import {axisAnswerWords, axisPoints} from './points.js';
import {score, unverifiedHeavyAxes} from './score.js';
import type {Answers, Axis, Bank, Confidence, Direction, PathStep, Recommendation, Result} from './types.js';

export interface MatrixRow {
  id: string;
  title: string;
  /** The answer in words: "4 of 5", "don't know", "not answered". */
  answer: string;
  value: number | 'unknown' | null;
  /** Which pole the answer leans to, in words. */
  leaning: string;
  points: number;
  weight: number;
  /** The pole statement the answer is closest to (or both when neutral). */
  statement: string;
  certainty?: string;
  note?: string;
}

export interface SignalRow {
  id: string;
  text: string;
  observed: boolean;
  weight: number;
  note?: string;
}

export interface DisqualifierRow {
  id: string;
  title: string;
  status: 'applies' | 'cleared' | 'not answered';
  explanation: string;
  resolves: string;
  note?: string;
}

export interface PathStepModel {
  number: number;
  id: string;
  title: string;
  summary: string;
  /** Concrete, tailored actions. */
  actions: string[];
  /** Step 3: the measurable recovery criteria. */
  criteria: string[];
  /** Steps 2 and 4: the failure classes the answers reported. */
  classes: string[];
}

export interface PreparationItem {
  /**
   * Why it is on the list: a disqualifier, an evidence gap, an unverified answer, a disqualifier cleared as
   * verified with no evidence noted (`evidence`), or the baseline.
   */
  reason: 'disqualifier' | 'unanswered' | 'evidence-gap' | 'verify' | 'evidence' | 'baseline';
  title: string;
  detail: string;
}

export interface ReportModel {
  title: string;
  date: string;
  organisation: string;
  assessor?: string;
  role?: string;
  roleLabel?: string;
  workflow: string;
  systems: string[];
  systemsText: string;
  bank: {name: string; version: string; title: string};
  recommendation: Recommendation;
  recommendationLabel: string;
  lean: Direction;
  leanLabel: string;
  confidence: Confidence;
  confidenceReasons: string[];
  /** A short paragraph: why this recommendation. */
  why: string;
  score: number;
  threshold: number;
  margin: number;
  range: {min: number; max: number};
  /** How far the score sits from the threshold, in words. */
  distance: string;
  drivers: string[];
  matrix: MatrixRow[];
  signals: {manageInPlace: SignalRow[]; remediationSprint: SignalRow[]};
  signalCounts: {manageInPlace: string; remediationSprint: string};
  disqualifiers: DisqualifierRow[];
  disqualified: boolean;
  path: PathStepModel[];
  flips: {summary: string; kind: 'score' | 'disqualifier'; changes: string[]; to: Recommendation; score: number}[];
  scoreFlips: string[];
  disqualifierFlip: string;
  preparation: PreparationItem[];
  notes: {id: string; question: string; text: string}[];
  /** How the weights and thresholds decided, in words. */
  method: string[];
  result: Result;
}

const LABELS: Record<Recommendation, string> = {
  'manage-in-place': 'Manage in place',
  'remediation-sprint': 'Remediation sprint',
  'not-yet-qualified': 'Not yet qualified',
  'insufficient-evidence': 'Not enough evidence to decide',
};

/** Fill {workflow} and {systems} in bank text. */
export function fill(text: string, workflow: string, systems: string): string {
  return text.replaceAll('{workflow}', workflow).replaceAll('{systems}', systems);
}

export function buildReportModel(bank: Bank, answers: Answers, date: string): ReportModel {
  const result = score(bank, answers);
  const ctx = answers.context;
  const organisation = ctx.organisation?.trim() || 'Unnamed organisation';
  const workflow = ctx.workflow?.trim() || 'the critical workflow';
  const systems = ctx.systems?.filter(Boolean) ?? [];
  const systemsText = systems.length ? list(systems) : 'the systems involved';
  const roleChoice = bank.context.find((q) => q.id === 'role')?.choices?.find((c) => c.value === ctx.role);

  const matrix = bank.axes.map((axis) => matrixRow(bank, axis, answers));
  const mip = signalRows(bank, answers, 'manage_in_place');
  const rs = signalRows(bank, answers, 'remediation_sprint');
  const disqualifiers = bank.disqualifiers.map((d) => disqualifierRow(d, answers));
  const applying = disqualifiers.filter((d) => d.status === 'applies');

  return {
    title: `Handoff risk assessment: ${organisation}`,
    date,
    organisation,
    assessor: ctx.assessor?.trim() || undefined,
    role: ctx.role,
    roleLabel: roleChoice?.label,
    workflow,
    systems,
    systemsText,
    bank: {name: bank.meta.name, version: bank.meta.version, title: bank.meta.title},
    recommendation: result.recommendation,
    recommendationLabel: LABELS[result.recommendation],
    lean: result.lean,
    leanLabel: LABELS[result.lean],
    confidence: result.confidence,
    confidenceReasons: result.confidenceReasons.map(capitalise),
    why: whyText(bank, result, applying.map((d) => d.title)),
    score: result.score,
    threshold: result.threshold,
    margin: result.margin,
    range: result.range,
    distance: distanceText(result),
    drivers: result.drivers,
    matrix,
    signals: {manageInPlace: mip, remediationSprint: rs},
    signalCounts: {
      manageInPlace: `${mip.filter((s) => s.observed).length} of ${mip.length}`,
      remediationSprint: `${rs.filter((s) => s.observed).length} of ${rs.length}`,
    },
    disqualifiers,
    disqualified: applying.length > 0,
    path: containmentPath(bank, answers, result, workflow, systemsText, systems.length),
    flips: result.flips.map((f) => ({summary: f.summary, kind: f.kind, changes: f.changes.map(describeChange), to: f.to, score: f.score})),
    scoreFlips: result.flips.filter((f) => f.kind === 'score').map((f) => f.summary),
    disqualifierFlip: disqualifierFlip(result, applying.length > 0),
    preparation: preparation(bank, answers, result),
    notes: noteRows(bank, answers),
    method: method(bank),
    result,
  };
}

function signalRows(bank: Bank, answers: Answers, list: 'manage_in_place' | 'remediation_sprint'): SignalRow[] {
  return bank.signals
    .filter((s) => s.list === list)
    .map((s): SignalRow => ({id: s.id, text: s.text, observed: answers.signals[list]?.includes(s.id) ?? false, weight: s.weight, note: answers.notes[s.id]}));
}

function disqualifierRow(d: Bank['disqualifiers'][number], answers: Answers): DisqualifierRow {
  const value = answers.disqualifiers[d.id];
  const status = value === true ? 'applies' : value === false ? 'cleared' : 'not answered';
  return {id: d.id, title: d.title, status, explanation: d.explanation, resolves: d.resolves, note: answers.notes[d.id]};
}

/** What the disqualifiers would change: resolving those that apply, or any one of them turning out to apply. */
function disqualifierFlip(result: Result, disqualified: boolean): string {
  const dqFlips = result.flips.filter((f) => f.kind === 'disqualifier');
  if (disqualified) return dqFlips[0]?.summary ?? '';
  if (!dqFlips.length) return '';
  return `Any one disqualifier turning out to apply (${list(dqFlips.map((f) => f.changes[0]!.label.toLowerCase()), 'or')}) would make the request not yet qualified.`;
}

/** The notes given, each under its question's name. */
function noteRows(bank: Bank, answers: Answers): ReportModel['notes'] {
  const idTitles = new Map<string, string>([
    ...bank.context.map((q) => [q.id, q.label] as const),
    ...bank.axes.map((a) => [a.id, a.title] as const),
    ['manage_in_place', 'Manage-in-place signals'] as const,
    ['remediation_sprint', 'Remediation-sprint signals'] as const,
    ...bank.signals.map((s) => [s.id, s.text] as const),
    ...bank.disqualifiers.map((d) => [d.id, d.title] as const),
  ]);
  return Object.entries(answers.notes)
    .filter(([, text]) => text.trim())
    // The label is followed by a colon: drop the question's own closing punctuation ("...falls back.:", "...for?:").
    .map(([id, text]) => ({id, question: (idTitles.get(id) ?? id).replace(/[.?!:]+$/, ''), text}));
}

function matrixRow(bank: Bank, axis: Axis, answers: Answers): MatrixRow {
  const value = answers.matrix[axis.id];
  const known = typeof value === 'number';
  const points = axisPoints(bank, axis, value);
  const leaning = !known ? (value === 'unknown' ? 'unknown' : 'not answered') : points > 0 ? 'remediation sprint' : points < 0 ? 'manage in place' : 'neutral';
  const statement = !known ? '' : points > 0 ? axis.remediationSprint : points < 0 ? axis.manageInPlace : 'Between the two poles.';
  return {
    id: axis.id,
    title: axis.title,
    answer: axisAnswerWords(value),
    value: known ? value : value === 'unknown' ? 'unknown' : null,
    leaning,
    points,
    weight: axis.weight,
    statement,
    certainty: answers.certainty[axis.id],
    note: answers.notes[axis.id],
  };
}

function whyText(bank: Bank, result: Result, applying: string[]): string {
  const toward = result.lean === 'remediation-sprint' ? 'toward a remediation sprint' : 'toward managing in place';
  const scorePart = `The answers score ${fmt(result.score)} against a threshold of ${fmt(result.threshold)} (range ${fmt(result.range.min)} to ${fmt(result.range.max)}), which leans ${toward}.`;
  const strongest = result.contributions
    .filter((c) => c.kind === 'axis' && c.points * (result.lean === 'remediation-sprint' ? 1 : -1) > 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, 2)
    .map((c) => c.label.toLowerCase());
  const axisPart = strongest.length ? ` ${capitalise(list(strongest))} weigh${strongest.length > 1 ? '' : 's'} most.` : '';
  if (applying.length) {
    return `Not yet qualified: ${list(applying.map((t) => t.toLowerCase()))} ${applying.length > 1 ? 'apply' : 'applies'}, so no engagement should be scoped until ${applying.length > 1 ? 'they are' : 'it is'} resolved. ${scorePart}${axisPart}`;
  }
  return `${scorePart}${axisPart}`;
}

function distanceText(result: Result): string {
  const d = Math.abs(result.margin);
  if (result.lean === 'remediation-sprint') {
    return d === 0 ? 'exactly at the threshold' : `${fmt(d)} point${d === 1 ? '' : 's'} above the threshold`;
  }
  return `${fmt(d)} point${d === 1 ? '' : 's'} below the threshold`;
}

/** The axes that scored worst: known answers on the remediation side, worst first (at most three). */
export function worstAxes(bank: Bank, answers: Answers): Axis[] {
  const known = bank.axes
    .filter((a) => typeof answers.matrix[a.id] === 'number')
    .map((a) => ({axis: a, value: answers.matrix[a.id] as number, points: axisPoints(bank, a, answers.matrix[a.id])}))
    .sort((a, b) => b.value - a.value || b.points - a.points);
  // Only answers on the remediation side: a neutral answer is no failure anyone reported.
  return known
    .filter((k) => k.points > 0)
    .slice(0, 3)
    .map((k) => k.axis);
}

/** The failure classes the answers report: worst axes and observed remediation signals. */
export function failureClasses(bank: Bank, answers: Answers, workflow: string, systems: string): string[] {
  const classes = [
    ...worstAxes(bank, answers).map((a) => a.failureClass),
    ...bank.signals.filter((s) => s.list === 'remediation_sprint' && s.failureClass && answers.signals.remediation_sprint?.includes(s.id)).map((s) => s.failureClass!),
  ].map((c) => fill(c, workflow, systems));
  return [...new Set(classes)];
}

/** What the path's steps are written from. */
interface PathFacts {
  bank: Bank;
  answers: Answers;
  result: Result;
  workflow: string;
  systems: string;
  systemCount: number;
  worst: Axis[];
  classes: string[];
  /** The score leans to managing in place: the sprint is a lighter hardening pass. */
  light: boolean;
  /** Axes answered exactly in the middle (3): no failure reported, but nothing to rely on either. */
  middle: Axis[];
}

/** A step's own content; title and summary only where they differ from the bank's. */
interface StepContent {
  actions: string[];
  criteria?: string[];
  classes?: string[];
  title?: string;
  summary?: string;
}

function containmentPath(bank: Bank, answers: Answers, result: Result, workflow: string, systems: string, systemCount: number): PathStepModel[] {
  const facts: PathFacts = {
    bank,
    answers,
    result,
    workflow,
    systems,
    systemCount,
    worst: worstAxes(bank, answers),
    classes: failureClasses(bank, answers, workflow, systems),
    light: result.lean === 'manage-in-place',
    middle: bank.axes.filter((a) => answers.matrix[a.id] === 3),
  };
  return bank.path.map((step, i): PathStepModel => {
    const content = PATH_STEPS[step.id](facts, step);
    return {number: i + 1, id: step.id, title: content.title ?? step.title, summary: content.summary ?? step.summary, actions: content.actions, criteria: content.criteria ?? [], classes: content.classes ?? []};
  });
}

const PATH_STEPS: Record<PathStep['id'], (facts: PathFacts, step: PathStep) => StepContent> = {
  map: ({workflow, systems, worst, middle}) => {
    const actions = [`Trace ${workflow} across ${systems}, handoff by handoff, and mark which integrations set its lead time.`];
    for (const axis of worst) actions.push(`${axis.title}: find ${axis.focus}.`);
    if (!worst.length) {
      actions.push('No axis was answered on the remediation side; map the handoffs anyway, and record failure counts as you go so the next assessment rests on evidence.');
      for (const axis of middle) actions.push(`${axis.title} was answered in the middle of the scale: watch ${axis.focus}.`);
    }
    return {actions};
  },
  boundaries: ({answers, systems, systemCount, classes}) => {
    const actions = [
      systemCount === 1
        ? `Confirm that ${systems} is the system of record for each record the workflow hands over, and list where copies of those records live.`
        : `Decide which of ${systems} is the system of record for each record the workflow hands over.`,
    ];
    actions.push(classes.length ? 'Give each failure class below one escalation owner and one written recovery path.' : 'Give any handoff failure one escalation owner and one written recovery path.');
    if (answers.disqualifiers.no_tradeoff_owner === true) actions.push('First name the person who can approve tradeoffs between teams: without them these boundaries cannot be agreed.');
    return {actions, classes};
  },
  sprint: (facts, step) => {
    const {workflow, worst, light, result} = facts;
    const actions = [`${light ? 'Harden' : 'Scope the sprint to'} ${workflow} only; other workflows wait for the results.`];
    if (worst.length) actions.push(`Measure before and after on ${list(worst.map((a) => a.title.toLowerCase()))}, the ${worst.length > 1 ? 'axes' : 'axis'} that scored worst.`);
    if (result.recommendation === 'not-yet-qualified') actions.push('Start only once the disqualifiers in this report are resolved.');
    return {
      actions,
      criteria: sprintCriteria(facts),
      title: light && step.lightTitle ? step.lightTitle : undefined,
      summary: light && step.lightSummary ? step.lightSummary : undefined,
    };
  },
  monitor: ({workflow, systems, classes}) => ({
    actions: [
      classes.length
        ? 'Alert on each failure class below as it happens, with a named owner and a written fallback.'
        : `Watch ${workflow} for handoff failures, late exceptions and manual re-checks, each with an owner and a fallback.`,
      `Add no further integrations to ${systems} until these controls have held for a full cycle.`,
    ],
    classes,
  }),
};

/** How the sprint (or the hardening pass) is known to have worked: the worst axes recovered and re-scored. */
function sprintCriteria({bank, answers, workflow, systems, worst, light, middle}: PathFacts): string[] {
  const answered = bank.axes.filter((a) => typeof answers.matrix[a.id] === 'number');
  const today = (axes: Axis[]) => list(axes.map((a) => `${a.title.toLowerCase()} ${answers.matrix[a.id]}`));
  const after = `Re-assessed with this tool after the ${light ? 'hardening pass' : 'sprint'}`;
  if (worst.length) return [...worst.map((axis) => fill(axis.recovery, workflow, systems)), `${after}, each of these axes scores 2 or lower (today: ${today(worst)}).`];
  // No known answer is on the remediation side: the yardstick is keeping it so, and moving any middle answer down.
  if (answered.length) {
    return [
      middle.length
        ? `${after}, no axis scores above 3 and ${list(middle.map((a) => a.title.toLowerCase()))} ${middle.length > 1 ? 'score' : 'scores'} 2 or lower (today: ${today(answered)}).`
        : `${after}, every answered axis still scores 2 or lower (today: ${today(answered)}).`,
    ];
  }
  return bank.axes.slice(0, 2).map((axis) => fill(axis.recovery, workflow, systems));
}

function preparation(bank: Bank, answers: Answers, result: Result): PreparationItem[] {
  const items: PreparationItem[] = [];
  for (const d of bank.disqualifiers) {
    if (answers.disqualifiers[d.id] === true) items.push({reason: 'disqualifier', title: `Resolve: ${d.title.toLowerCase()}`, detail: d.prepare});
    else if (answers.disqualifiers[d.id] === undefined) items.push({reason: 'unanswered', title: `Confirm: ${d.title.toLowerCase()}`, detail: `This was not answered. ${d.prompt}`});
  }
  for (const d of missingEvidence(bank, answers)) {
    items.push({
      reason: 'evidence',
      title: `Evidence for clearing: ${d.title.toLowerCase()}`,
      detail: `Marked verified as not applying, but no evidence was noted. Bring it: ${d.prepare.charAt(0).toLowerCase()}${d.prepare.slice(1)}`,
    });
  }
  for (const axis of bank.axes) {
    if (typeof answers.matrix[axis.id] !== 'number') {
      items.push({reason: 'evidence-gap', title: `Evidence for ${axis.title.toLowerCase()}`, detail: `${answers.matrix[axis.id] === 'unknown' ? `Answered "don't know"` : 'Not answered'}: bring ${axis.evidence}.`});
    }
  }
  for (const axis of unverifiedHeavyAxes(bank, answers)) {
    items.push({reason: 'verify', title: `Verify ${axis.title.toLowerCase()}`, detail: `Answered as ${answers.certainty[axis.id]}; it weighs heavily, so bring ${axis.evidence}.`});
  }
  const worst = worstAxes(bank, answers);
  items.push({
    reason: 'baseline',
    title: 'Baseline figures',
    detail: worst.length
      ? `Today's figures for ${list(worst.map((a) => a.title.toLowerCase()))}, so the recovery criteria in step 3 can be measured.`
      : "Today's figures for failure counts, reconciliation hours and cycle time on the workflow, so any change can be measured.",
  });
  if (result.recommendation !== 'manage-in-place') {
    items.push({reason: 'baseline', title: 'Named owners', detail: 'Who owns each system involved, and who is on the hook when a handoff between them fails.'});
  }
  return items;
}

function method(bank: Bank): string[] {
  const sc = bank.scoring;
  const pts = sc.scalePoints;
  return [
    `Each matrix answer scores ${fmt(pts[1])}, ${fmt(pts[2])}, ${fmt(pts[3])}, ${fmt(pts[4])} or ${fmt(pts[5])} points for 1 to 5, multiplied by the axis weight (${list(bank.axes.map((a) => `${a.title.toLowerCase()} ${fmt(a.weight)}`))}); "don't know" scores 0.`,
    `Each observed remediation-sprint signal adds its weight and each observed manage-in-place signal subtracts its weight (${list([...new Set(bank.signals.map((s) => fmt(s.weight)))])} points each).`,
    `A total of ${fmt(sc.remediationAt)} or more recommends a remediation sprint; below that, managing in place. Any disqualifier that applies makes the request not yet qualified, whatever the score.`,
    `Confidence starts high. It drops to medium within ${fmt(sc.nearThreshold)} points of the threshold; one level when ${Math.round(sc.unknownShareMedium * 100)}% or more of the matrix weight is unknown (low at ${Math.round(sc.unknownShareLow * 100)}%); one level when the matrix and the checklists lean opposite ways by ${fmt(sc.disagreementPoints)} points or more each; and one level when an axis of weight ${fmt(sc.estimatedWeightAt)} or more is estimated rather than verified.`,
  ];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

