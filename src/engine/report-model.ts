/**
 * The report model: everything a report says, computed from the bank, the
 * answers and the result. Pure (the date is passed in). Templates only lay
 * it out; the JSON report is this model's public part.
 */
import {missingEvidence} from './evidence.js';
import {describeChange} from './flips.js';
import {capitalise, fmt, list, lowerFirst, numberWord, percent} from './phrases.js';
import {axisAnswerWords, axisPoints} from './points.js';
import {
  baselineRows,
  baselineText,
  boundaryActions,
  evidenceItems,
  handoffRegister,
  mapActions,
  monitorActions,
  reassessTrigger,
  recoveryCriterion,
  schedule,
  type BaselineRow,
  type EvidenceItem,
  type HandoffRegister,
  type PlanContext,
  type PlanStepModel,
  type StepDraft,
} from './report-plan.js';
import {score} from './score.js';
import type {Answers, Axis, Bank, Confidence, Contradiction, Direction, DisqualifierStatus, PathStep, Recommendation, Result} from './types.js';

export type {BaselineRow, EvidenceItem, HandoffRegister, HandoffRow, PlanStepModel} from './report-plan.js';

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
  /** The client's baseline figure in words ('' when none was given). */
  figure: string;
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
  status: DisqualifierStatus;
  explanation: string;
  resolves: string;
  /** Who resolves it and how long it usually takes (the bank's owner and weeks). */
  owner: string;
  weeks: number;
  note?: string;
}

/** A step of the four-step containment path: the same shape as any plan step. */
export type PathStepModel = PlanStepModel;

export interface PreparationItem {
  /**
   * Why it is on the list: a disqualifier that applies, one answered "no" but not confirmed, one not
   * answered, an evidence gap (axis not known), an unverified answer, a disqualifier cleared as verified
   * with no evidence noted (`evidence`), a disagreement to settle, or a missing baseline figure.
   */
  reason: 'disqualifier' | 'unconfirmed' | 'unanswered' | 'evidence-gap' | 'verify' | 'evidence' | 'contradiction' | 'baseline';
  title: string;
  detail: string;
}

/** How the report presents itself, from the answers' `context.role`. */
export type Framing = 'consultant' | 'buyer' | 'founder' | 'operations-leader' | 'neutral';

/**
 * Page one (issue 11): the verdict in plain words for the reader who reads nothing else.
 * No score arithmetic here: that is in the decision matrix.
 */
export interface ReportSummary {
  framing: Framing;
  /** The line under the title: "Prepared for Acme Ltd by Jo Smith", "Qualification request packet from ...", "Self-assessment of ...". */
  prepared: string;
  /** The verdict as one plain sentence: what to do. */
  verdict: string;
  /** How sure, in words: "Fairly sure (medium confidence): ...". */
  sureness: string;
  /** The two or three facts that decided it, in the client's own figures and words. */
  facts: string[];
  /** The main risk: what could make the verdict wrong, or what goes on costing if nothing is done. */
  risk: string;
  /** The first step of the plan. */
  firstStep: {title: string; owner: string; ownerIsRole: boolean; when: string; deliverable: string};
  /** What is still open (the titles of "What to prepare"), at most five, the last one saying how many more. */
  open: string[];
  /** A buyer's report is a qualification request packet: what it holds, what is ready, what is open. */
  packet?: {attached: string[]; ready: string[]; open: string[]};
}

export interface ReportModel {
  title: string;
  /** Page one in plain words (issue 11). */
  summary: ReportSummary;
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
  /** The verdict is not a direction (not yet qualified, not enough evidence): the lean is said beside it. */
  showLean: boolean;
  confidence: Confidence;
  confidenceReasons: string[];
  /** One or two sentences: why this recommendation (the decisive answers, with the client's figures and notes). */
  why: string;
  /** The strongest answer on the other side, when it weighs enough to mention. */
  counterEvidence: string;
  score: number;
  threshold: number;
  margin: number;
  range: {min: number; max: number};
  /** How far the score sits from the threshold, in words. */
  distance: string;
  drivers: string[];
  /** Answers that cannot all be true. */
  contradictions: Contradiction[];
  matrix: MatrixRow[];
  signals: {manageInPlace: SignalRow[]; remediationSprint: SignalRow[]};
  signalCounts: {manageInPlace: string; remediationSprint: string};
  /** The statements ticked, both checklists, with the direction each favours. */
  ticked: {text: string; favours: string}[];
  disqualifiers: DisqualifierRow[];
  /** The disqualifiers that are not cleared (applies, unconfirmed, not answered), for the body's table. */
  openDisqualifiers: DisqualifierRow[];
  /** The check in one sentence: how many apply, and how many are not confirmed or not answered. */
  disqualifierSummary: string;
  /** The cleared ones in one line ('' when none). */
  clearedLine: string;
  disqualified: boolean;
  /** The four-step containment path, tailored (the remediation-sprint plan; conditional in not-yet-qualified). */
  path: PathStepModel[];
  /** The verdict's action plan. */
  plan: PlanStepModel[];
  /** One line above the plan: what kind of plan it is. */
  planIntro: string;
  /** The failure classes the answers reported (shown once). */
  failureClasses: string[];
  /** The handoff register, when the answers file holds a map. */
  register?: HandoffRegister;
  baselines: BaselineRow[];
  /** Insufficient evidence (and the gaps of not-yet-qualified): which figure, from whom, in which week. */
  evidencePlan: EvidenceItem[];
  flips: {summary: string; kind: 'score' | 'disqualifier'; changes: string[]; to: Recommendation; score: number}[];
  scoreFlips: string[];
  disqualifierFlip: string;
  preparation: PreparationItem[];
  notes: {id: string; question: string; text: string}[];
  /** How the weights and thresholds decided, in words. */
  method: string[];
  result: Result;
}

/** Each recommendation in words, as a report's heading says it. */
export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
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
  const disqualifiers = bank.disqualifiers.map((d) => disqualifierRow(d, answers, result));
  const applying = disqualifiers.filter((d) => d.status === 'applies');
  const cleared = disqualifiers.filter((d) => d.status === 'cleared');
  const planCtx: PlanContext = {answers, workflow, systems: systemsText, handoffCount: answers.handoffs?.length ?? 0};
  const facts = pathFacts(bank, answers, result, workflow, systemsText, systems.length);
  const path = schedule(pathDrafts(facts), planCtx);
  const {plan, intro, evidencePlan} = verdictPlan(facts, planCtx, applying);
  const prepared = preparation(bank, answers, result);
  const register = handoffRegister(answers);

  return {
    title: `Handoff risk assessment: ${organisation}`,
    summary: summary({bank, answers, result, organisation, workflow, facts, plan, applying, preparation: prepared, register, role: ctx.role}),
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
    recommendationLabel: RECOMMENDATION_LABELS[result.recommendation],
    lean: result.lean,
    leanLabel: RECOMMENDATION_LABELS[result.lean],
    showLean: result.recommendation === 'not-yet-qualified' || result.recommendation === 'insufficient-evidence',
    confidence: result.confidence,
    confidenceReasons: result.confidenceReasons.map(capitalise),
    why: whyText(bank, answers, result, applying.map((d) => d.title)),
    counterEvidence: result.counterEvidence ? capitalise(result.counterEvidence) : '',
    score: result.score,
    threshold: result.threshold,
    margin: result.margin,
    range: result.range,
    distance: distanceText(result),
    drivers: result.drivers,
    contradictions: result.contradictions,
    matrix,
    signals: {manageInPlace: mip, remediationSprint: rs},
    signalCounts: {
      manageInPlace: `${mip.filter((s) => s.observed).length} of ${mip.length}`,
      remediationSprint: `${rs.filter((s) => s.observed).length} of ${rs.length}`,
    },
    ticked: [
      ...mip.filter((s) => s.observed).map((s) => ({text: s.text, favours: 'managing in place'})),
      ...rs.filter((s) => s.observed).map((s) => ({text: s.text, favours: 'a remediation sprint'})),
    ],
    disqualifiers,
    openDisqualifiers: disqualifiers.filter((d) => d.status !== 'cleared'),
    clearedLine: cleared.length ? `Cleared: ${list(cleared.map((d) => d.title.toLowerCase()))}.` : '',
    disqualifierSummary: disqualifierSummary(disqualifiers, answers),
    disqualified: applying.length > 0,
    path,
    plan,
    planIntro: intro,
    failureClasses: facts.classes,
    register,
    baselines: baselineRows(bank, answers),
    evidencePlan,
    flips: result.flips.map((f) => ({summary: f.summary, kind: f.kind, changes: f.changes.map(describeChange), to: f.to, score: f.score})),
    scoreFlips: result.flips.filter((f) => f.kind === 'score').map((f) => f.summary),
    disqualifierFlip: disqualifierFlip(result, applying.length > 0),
    preparation: prepared,
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

function disqualifierRow(d: Bank['disqualifiers'][number], answers: Answers, result: Result): DisqualifierRow {
  const status = result.disqualifiers.find((r) => r.id === d.id)?.status ?? 'not answered';
  return {id: d.id, title: d.title, status, explanation: d.explanation, resolves: d.resolves, owner: d.owner, weeks: d.weeks, note: answers.notes[d.id]};
}

function disqualifierSummary(rows: DisqualifierRow[], answers: Answers): string {
  const applying = rows.filter((d) => d.status === 'applies');
  const unconfirmed = rows.filter((d) => d.status === 'unconfirmed').map((d) => `${d.title.toLowerCase()} (marked ${answers.certainty[d.id]})`);
  const unanswered = rows.filter((d) => d.status === 'not answered').map((d) => d.title.toLowerCase());
  const cleared = rows.filter((d) => d.status === 'cleared').map((d) => {
    const mark = answers.certainty[d.id];
    const note = answers.notes[d.id]?.trim();
    const detail = [mark, note ? `"${note}"` : ''].filter(Boolean).join(', ');
    return `${d.title.toLowerCase()}${detail ? ` (${detail})` : ''}`;
  });
  const parts = [
    applying.length ? `${list(applying.map((d) => d.title.toLowerCase()))} ${applying.length > 1 ? 'apply' : 'applies'}: the request is not yet qualified` : 'No disqualifier applies',
    unconfirmed.length ? `answered "no" but not confirmed: ${list(unconfirmed)}` : '',
    unanswered.length ? `not answered: ${list(unanswered)}` : '',
    cleared.length ? `cleared: ${list(cleared)}` : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}

/** What the disqualifiers would change: resolving those that apply, or one not confirmed turning out to apply. */
function disqualifierFlip(result: Result, disqualified: boolean): string {
  const dqFlips = result.flips.filter((f) => f.kind === 'disqualifier');
  if (disqualified) return dqFlips[0]?.summary ?? '';
  // Cleared ones are cleared: the method (appendix) says what any disqualifier would do. Name only the open ones.
  const open = new Set(result.disqualifiers.filter((d) => d.status === 'unconfirmed' || d.status === 'not answered').map((d) => d.id));
  const names = dqFlips.filter((f) => open.has(f.changes[0]!.id)).map((f) => f.changes[0]!.label.toLowerCase());
  if (!names.length) return '';
  return `Should ${list(names, 'or')} turn out to apply after all, the request would be not yet qualified.`;
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
    figure: axis.baseline ? baselineText(axis.baseline, answers.baselines?.[axis.id]) : '',
  };
}

/** A decisive answer in words, with the client's own figure and note: 'failure frequency at 4 of 5 (14 failures in four weeks; "Two escalations a week")'. */
function decisiveWords(bank: Bank, answers: Answers, id: string): string | undefined {
  const axis = bank.axes.find((a) => a.id === id);
  if (axis) {
    const value = answers.matrix[id];
    if (typeof value !== 'number') return undefined;
    const figure = axis.baseline ? baselineText(axis.baseline, answers.baselines?.[id]) : '';
    const detail = [figure, quote(answers.notes[id])].filter(Boolean).join('; ');
    return `${axis.title.toLowerCase()} at ${value} of 5${detail ? ` (${detail})` : ''}`;
  }
  const signal = bank.signals.find((s) => s.id === id);
  if (!signal) return undefined;
  const note = quote(answers.notes[id]);
  return `"${lowerFirst(signal.text.replace(/\.$/, ''))}"${note ? ` (${note})` : ''}`;
}

/** A note quoted, cut at a word boundary when long. */
function quote(note: string | undefined): string {
  const text = note?.trim().replace(/\s+/g, ' ');
  if (!text) return '';
  return `"${text.length > 90 ? `${text.slice(0, 90).replace(/\s+\S*$/, '')}…` : text}"`;
}

/** How far the answers lean, in words (the arithmetic is in the decision matrix). */
function leanWords(bank: Bank, result: Result): string {
  const toward = result.lean === 'remediation-sprint' ? 'toward a remediation sprint' : 'toward managing in place';
  const near = Math.abs(result.margin) < bank.scoring.nearThreshold;
  return `${near ? 'only narrowly' : 'clearly'} ${toward}`;
}

/** One or two sentences: the verdict's reason, naming only the answers that decided it (no score arithmetic). */
function whyText(bank: Bank, answers: Answers, result: Result, applying: string[]): string {
  const decisive = result.decisive.map((id) => decisiveWords(bank, answers, id)).filter((w): w is string => !!w);
  const lean = leanWords(bank, result);
  if (applying.length) {
    return `Not yet qualified: ${list(applying.map((t) => t.toLowerCase()))} ${applying.length > 1 ? 'apply' : 'applies'}, so no engagement should be scoped until ${applying.length > 1 ? 'they are' : 'it is'} resolved. The answers lean ${lean}${decisive.length ? `, mostly on ${list(decisive)}` : ''}.`;
  }
  if (result.recommendation === 'insufficient-evidence') {
    const unknown = bank.axes.filter((a) => result.unknowns.includes(a.id)).map((a) => a.title.toLowerCase());
    return `${capitalise(list(unknown))} ${unknown.length > 1 ? 'are' : 'is'} not known (${Math.round(result.unknownShare * 100)}% of the matrix weight), too much to decide on. So far the answers lean ${lean}${decisive.length ? ` on ${list(decisive)}` : ''}.`;
  }
  return decisive.length ? `${capitalise(list(decisive))} weigh${decisive.length > 1 ? '' : 's'} most: the answers lean ${lean}.` : `The answers lean ${lean}.`;
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

/** What the plan's steps are written from. */
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

function pathFacts(bank: Bank, answers: Answers, result: Result, workflow: string, systems: string, systemCount: number): PathFacts {
  return {
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
}

/** A path step's own content; title and summary only where they differ from the bank's. */
interface StepContent {
  actions: string[];
  criteria?: string[];
  classes?: string[];
  title?: string;
  summary?: string;
}

function pathDrafts(facts: PathFacts): StepDraft[] {
  return facts.bank.path.map((step): StepDraft => {
    const content = PATH_STEPS[step.id](facts, step);
    return {
      id: step.id,
      title: content.title ?? step.title,
      summary: fill(content.summary ?? step.summary, facts.workflow, facts.systems),
      fields: step,
      actions: content.actions,
      criteria: content.criteria,
      classes: content.classes,
    };
  });
}

const PATH_STEPS: Record<PathStep['id'], (facts: PathFacts, step: PathStep) => StepContent> = {
  map: ({answers, workflow, systems, worst, middle}) => {
    const actions = [`Trace ${workflow} across ${systems}, handoff by handoff, and mark which integrations set its lead time.`, ...mapActions(answers)];
    for (const axis of worst) {
      const figure = axis.baseline ? baselineText(axis.baseline, answers.baselines?.[axis.id]) : '';
      actions.push(`${axis.title}${figure ? ` (figure given: ${figure})` : ''}: find ${axis.focus}.`);
    }
    if (!worst.length) {
      actions.push('No axis was answered on the remediation side; map the handoffs anyway, and record failure counts as you go so the next assessment rests on evidence.');
      for (const axis of middle) actions.push(`${axis.title} was answered in the middle of the scale: watch ${axis.focus}.`);
    }
    return {actions};
  },
  boundaries: ({answers, workflow, systems, systemCount, classes}) => {
    const actions = [
      systemCount === 1
        ? `Confirm that ${systems} is the system of record for each record the workflow hands over, and list where copies of those records live.`
        : `Decide which of ${systems} is the system of record for each record the workflow hands over.`,
      ...boundaryActions(answers),
    ];
    if (!classes.length) actions.push(`Give any handoff failure on ${workflow} one escalation owner and one written recovery path.`);
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
  monitor: ({answers, workflow, systems, classes}) => ({
    actions: [
      classes.length
        ? `Alert on each failure class of ${workflow} as it happens, with a named owner and a written fallback.`
        : `Watch ${workflow} for handoff failures, late exceptions and manual re-checks, each with an owner and a fallback.`,
      ...monitorActions(answers),
      `Add no further integrations to ${systems} until these controls have held for a full cycle.`,
    ],
  }),
};

/** How the sprint (or the hardening pass) is known to have worked: the worst axes recovered, from the client's figures, and re-scored. */
function sprintCriteria({bank, answers, workflow, systems, worst, light, middle}: PathFacts): string[] {
  const answered = bank.axes.filter((a) => typeof answers.matrix[a.id] === 'number');
  const today = (axes: Axis[]) => list(axes.map((a) => `${a.title.toLowerCase()} ${answers.matrix[a.id]}`));
  const end = light ? "the hardening pass's end" : "the sprint's end";
  const after = `Re-assessed with this tool after the ${light ? 'hardening pass' : 'sprint'}`;
  const criterion = (axis: Axis) => (axis.baseline ? recoveryCriterion(axis, answers, end) : fill(axis.recovery, workflow, systems));
  if (worst.length) return [...worst.map(criterion), `${after}, each of these axes scores 2 or lower (today: ${today(worst)}).`];
  // No known answer is on the remediation side: the yardstick is keeping it so, and moving any middle answer down.
  if (answered.length) {
    return [
      middle.length
        ? `${after}, no axis scores above 3 and ${list(middle.map((a) => a.title.toLowerCase()))} ${middle.length > 1 ? 'score' : 'scores'} 2 or lower (today: ${today(answered)}).`
        : `${after}, every answered axis still scores 2 or lower (today: ${today(answered)}).`,
    ];
  }
  return bank.axes.slice(0, 2).map(criterion);
}

/** The verdict's own plan: the path (sprint), the light plan (manage in place), the gaps first (not yet qualified), the evidence plan. */
function verdictPlan(facts: PathFacts, ctx: PlanContext, applying: DisqualifierRow[]): {plan: PlanStepModel[]; intro: string; evidencePlan: EvidenceItem[]} {
  const {bank, answers, result, workflow, systems} = facts;
  const drafts = pathDrafts(facts);
  switch (result.recommendation) {
    case 'remediation-sprint':
      return {plan: schedule(drafts, ctx), intro: `For ${workflow} across ${systems}.`, evidencePlan: []};
    case 'manage-in-place': {
      const steps = bank.plans.manageInPlace.map((s): StepDraft => ({id: s.id, title: s.title, summary: s.summary, fields: s, ...manageContent(facts, s.id)}));
      return {plan: schedule(steps, ctx), intro: `No sprint: keep what contains the friction on ${workflow} today, and look again when a trigger below fires.`, evidencePlan: []};
    }
    case 'insufficient-evidence': {
      const items = evidenceItems(bank, answers, result, bank.plans.insufficientEvidence[0]?.weeks ?? 1, 1);
      const steps = bank.plans.insufficientEvidence.map((s, i): StepDraft => ({
        id: s.id,
        title: s.title,
        summary: s.summary,
        fields: s,
        actions: i === 0 ? items.map((e) => `${capitalise(e.when)}: ${e.title.toLowerCase()}: ${e.measure} (ask ${e.source})${e.why === 'estimated' ? ', to replace the estimate' : ''}.`) : [`Answer the matrix again for ${workflow} with the figures collected, and add them to the answers file as baselines.`],
      }));
      return {plan: schedule(steps, ctx), intro: `No sprint plan yet: the answers lean ${result.lean === 'remediation-sprint' ? 'toward a remediation sprint' : 'toward managing in place'} so far, but first collect the figures below.`, evidencePlan: items};
    }
    case 'not-yet-qualified': {
      const items = evidenceItems(bank, answers, result, 2, 1);
      const gaps = [
        ...applying.map((d) => `${d.title}: ${d.owner.charAt(0).toLowerCase()}${d.owner.slice(1)}, ${d.weeks} week${d.weeks === 1 ? '' : 's'}. ${d.resolves}`),
        // The evidence gap, closed meanwhile: the qualification request carries the figures too.
        ...items.map((e) => `Meanwhile, ${e.when}: ${e.title.toLowerCase()}: ${e.measure} (ask ${e.source})${e.why === 'estimated' ? ', to replace the estimate' : ''}.`),
      ];
      const gapWeeks = Math.max(0, ...applying.map((d) => d.weeks));
      const resolve = bank.plans.notYetQualified.map((s): StepDraft => ({id: s.id, title: s.title, summary: s.summary, fields: s, actions: gaps, weeks: gapWeeks || s.weeks, startAfter: 0}));
      const gapEnd = resolve.reduce((w, s) => w + (s.weeks ?? s.fields.weeks), 0);
      let now = 0;
      let later = 0;
      const rest = drafts.map((d): StepDraft => {
        if (!d.fields.needsBudget) {
          const start = now;
          now += d.fields.weeks;
          return {...d, title: `${d.title} (can start now)`, startAfter: start};
        }
        const start = Math.max(gapEnd, now, later);
        later = start + d.fields.weeks;
        return {...d, title: `${d.title} (once the gaps are closed)`, conditional: true, startAfter: start};
      });
      return {
        plan: schedule([...resolve, ...rest], ctx),
        intro: `Close the qualification gaps first. Steps marked "can start now" need no budget; the others wait until the gaps are closed.`,
        evidencePlan: items,
      };
    }
  }
}

/** Manage in place: the controls to keep (the statements ticked, the handoffs without a rule) and the re-assessment triggers. */
function manageContent(facts: PathFacts, id: string): {actions: string[]; criteria?: string[]; classes?: string[]} {
  const {bank, answers, classes} = facts;
  if (id === 'reassess') {
    return {
      actions: [`Check the figures below every four weeks; when one passes its trigger, run this assessment again.`],
      criteria: bank.axes.filter((a) => a.baseline && (answers.baselines?.[a.id] !== undefined || answers.matrix[a.id] !== 1)).map((a) => reassessTrigger(a, answers)),
    };
  }
  const kept = bank.signals.filter((s) => s.list === 'manage_in_place' && answers.signals.manage_in_place?.includes(s.id)).map((s) => `Keep what makes this true: "${s.text.replace(/\.$/, '')}".`);
  return {
    actions: [...kept, ...boundaryActions(answers)],
    classes,
  };
}

/** What to bring before asking for qualification: each item once. */
function preparation(bank: Bank, answers: Answers, result: Result): PreparationItem[] {
  const items: PreparationItem[] = [];
  const seen = new Set<string>();
  const add = (key: string, item: PreparationItem) => {
    if (seen.has(key)) return;
    seen.add(key);
    items.push(item);
  };
  const lc = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  for (const d of bank.disqualifiers) {
    const status = result.disqualifiers.find((r) => r.id === d.id)?.status;
    if (status === 'applies') add(d.id, {reason: 'disqualifier', title: `Resolve: ${d.title.toLowerCase()}`, detail: d.prepare});
    else if (status === 'unconfirmed') {
      add(d.id, {reason: 'unconfirmed', title: `Confirm: ${d.title.toLowerCase()}`, detail: `Answered as not applying, but marked ${answers.certainty[d.id]}. To confirm it, bring ${lc(d.prepare)}`});
    } else if (status === 'not answered') add(d.id, {reason: 'unanswered', title: `Confirm: ${d.title.toLowerCase()}`, detail: `This was not answered. ${d.prompt}`});
  }
  for (const d of missingEvidence(bank, answers)) {
    add(d.id, {reason: 'evidence', title: `Evidence for clearing: ${d.title.toLowerCase()}`, detail: `Marked verified as not applying, but no evidence was noted. Bring it: ${lc(d.prepare)}`});
  }
  for (const axis of bank.axes) {
    if (typeof answers.matrix[axis.id] !== 'number') {
      add(axis.id, {reason: 'evidence-gap', title: `Evidence for ${axis.title.toLowerCase()}`, detail: `${answers.matrix[axis.id] === 'unknown' ? `Answered "don't know"` : 'Not answered'}: bring ${axis.evidence}.`});
    }
  }
  // Every answer marked estimated or unknown, light axes too.
  for (const axis of bank.axes) {
    const mark = answers.certainty[axis.id];
    if (typeof answers.matrix[axis.id] === 'number' && mark && mark !== 'verified') {
      const heavy = axis.weight >= bank.scoring.estimatedWeightAt ? '; it weighs heavily' : '';
      const figure = axis.baseline ? baselineText(axis.baseline, answers.baselines?.[axis.id]) : '';
      add(axis.id, {reason: 'verify', title: `Verify ${axis.title.toLowerCase()}`, detail: `Answered ${answers.matrix[axis.id]} of 5${figure ? ` (${figure})` : ''}, marked ${mark}${heavy}. Bring ${axis.evidence}.`});
    }
  }
  for (const c of result.contradictions) {
    add(`c:${c.id}`, {reason: 'contradiction', title: 'Settle a disagreement', detail: `Bring ${c.settle}.`});
  }
  // The figures the plan's criteria need, for the axes that decided it.
  for (const id of result.decisive) {
    const axis = bank.axes.find((a) => a.id === id);
    if (!axis?.baseline || answers.baselines?.[id] !== undefined) continue;
    add(axis.id, {reason: 'baseline', title: `Baseline: ${axis.title.toLowerCase()}`, detail: `No figure was given for an answer that decided the verdict: ${axis.baseline.measure} (ask ${axis.baseline.source}).`});
  }
  return items;
}

function method(bank: Bank): string[] {
  const sc = bank.scoring;
  const pts = sc.scalePoints;
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  return [
    `Each matrix answer scores ${fmt(pts[1])}, ${fmt(pts[2])}, ${fmt(pts[3])}, ${fmt(pts[4])} or ${fmt(pts[5])} points for 1 to 5, multiplied by the axis weight (${list(bank.axes.map((a) => `${a.title.toLowerCase()} ${fmt(a.weight)}`))}); "don't know" scores 0.`,
    `Each observed remediation-sprint signal adds its weight and each observed manage-in-place signal subtracts its weight (${list([...new Set(bank.signals.map((s) => fmt(s.weight)))])} points each).`,
    `A total of ${fmt(sc.remediationAt)} or more recommends a remediation sprint; below that, managing in place. Any disqualifier that applies makes the request not yet qualified, whatever the score. With no disqualifier, when ${pct(sc.insufficientEvidenceAt)} or more of the matrix weight is "don't know", there is not enough evidence to decide.`,
    `Confidence starts high. It drops to medium within ${fmt(sc.nearThreshold)} points of the threshold; one level when ${pct(sc.unknownShareMedium)} or more of the matrix weight is unknown (low at ${pct(sc.unknownShareLow)}); one level when the matrix and the checklists lean opposite ways by ${fmt(sc.disagreementPoints)} points or more each; one level when an axis of weight ${fmt(sc.estimatedWeightAt)} or more is estimated rather than verified (low with ${fmt(sc.estimatedHeavyLow)} such axes, or ${pct(sc.estimatedShareLow)} of the weight not verified); and ${fmt(sc.contradictionLevels)} level${sc.contradictionLevels === 1 ? '' : 's'} for each pair of answers that disagree.`,
    `A disqualifier answered "no" but marked estimated or unknown is unconfirmed, not cleared: it is listed under "What to prepare".`,
  ];
}


interface SummaryInput {
  bank: Bank;
  answers: Answers;
  result: Result;
  organisation: string;
  workflow: string;
  facts: PathFacts;
  plan: PlanStepModel[];
  applying: DisqualifierRow[];
  preparation: PreparationItem[];
  register?: HandoffRegister;
  role?: string;
}

const FRAMINGS: readonly Framing[] = ['consultant', 'buyer', 'founder', 'operations-leader'];

const SURE: Record<Confidence, string> = {high: 'Sure (high confidence)', medium: 'Fairly sure (medium confidence)', low: 'Not sure (low confidence)'};

/** Page one: the verdict, how sure, the facts that decided it, the main risk, the first step, what is open. */
function summary(input: SummaryInput): ReportSummary {
  const {answers, organisation, plan, preparation: prep} = input;
  const framing: Framing = FRAMINGS.includes(input.role as Framing) ? (input.role as Framing) : 'neutral';
  const assessor = answers.context.assessor?.trim();
  const first = plan[0]!;
  // One line per kind of gap: five disagreements are "Settle 5 disagreements", not the same title five times.
  const disagreements = prep.filter((p) => p.reason === 'contradiction').length;
  const open = prep.flatMap((p, i) => {
    if (p.reason !== 'contradiction') return [p.title];
    if (prep.findIndex((q) => q.reason === 'contradiction') !== i) return [];
    return [disagreements === 1 ? p.title : `Settle ${numberWord(disagreements)} disagreements`];
  });
  const shownOpen = open.length > 5 ? [...open.slice(0, 4), `and ${open.length - 4} more (see "What to prepare")`] : open;
  return {
    framing,
    prepared: preparedLine(framing, organisation, assessor),
    verdict: verdictSentence(input),
    sureness: sureness(input),
    facts: summaryFacts(input),
    risk: mainRisk(input),
    firstStep: {title: first.title, owner: first.owner, ownerIsRole: first.ownerIsRole, when: first.when, deliverable: first.deliverable},
    open: shownOpen,
    packet: framing === 'buyer' ? packet(input, shownOpen) : undefined,
  };
}

/** How sure, in words: the confidence and its first reason, the one about the threshold said without numbers. */
function sureness({bank, result}: SummaryInput): string {
  const near = Math.abs(result.margin) < bank.scoring.nearThreshold;
  // The reasons that moved it: not the threshold's (said in words below), not one that says it changed nothing.
  // Answers that disagree are the main risk, said once there.
  const reasons = result.confidenceReasons
    .filter((r) => !/threshold|too little to change/.test(r))
    .map((r) => (/^answers disagree/i.test(r) ? 'two answers disagree (the main risk below)' : r));
  const reason = near
    ? `the answers sit close to the line between the two verdicts, so a small change in one answer could tip it${reasons.length && result.confidence === 'low' && result.recommendation !== 'insufficient-evidence' ? `; and ${lowerFirst(reasons[0]!)}` : ''}`
    : lowerFirst(reasons[0] ?? 'the answers are clear');
  return `${SURE[result.confidence]}: ${reason}.`.replace(/\.\.$/, '.');
}

function preparedLine(framing: Framing, organisation: string, assessor: string | undefined): string {
  switch (framing) {
    case 'buyer':
      return `Qualification request packet from ${organisation}${assessor ? `, prepared by ${assessor}` : ''}`;
    case 'founder':
      return `Self-assessment of ${organisation}${assessor ? ` by ${assessor}` : ''}`;
    case 'operations-leader':
      return `Internal assessment of ${organisation}${assessor ? ` by ${assessor}, operations leader` : ''}`;
    default:
      return `Prepared for ${organisation}${assessor ? ` by ${assessor}` : ''}`;
  }
}

function verdictSentence({bank, result, workflow, applying}: SummaryInput): string {
  const lean = result.lean === 'remediation-sprint' ? 'a remediation sprint' : 'managing in place';
  switch (result.recommendation) {
    case 'remediation-sprint':
      return result.margin < bank.scoring.nearThreshold
        ? `Run a short, scoped remediation sprint on ${workflow}: the case for it is real but not overwhelming.`
        : `Run a scoped remediation sprint on ${workflow}: its handoffs fail often enough that managing around them costs more than fixing them.`;
    case 'manage-in-place':
      return `No sprint: keep managing ${workflow} in place with the controls that work today, and look again when a trigger fires.`;
    case 'not-yet-qualified':
      return `Not yet qualified: ${applying.length > 1 ? `${numberWord(applying.length)} disqualifiers apply` : 'a disqualifier applies'} (${applying.map((d) => d.title.toLowerCase()).join('; ')}). Resolve ${applying.length > 1 ? 'them' : 'it'} before any engagement is scoped.`;
    case 'insufficient-evidence':
      return `Not enough evidence to decide yet: collect the missing figures first. So far the answers point to ${lean}.`;
  }
}

/** A decisive answer as a fact in the client's own figures: 'Failure frequency: 5 of 5, 14 failures in four weeks ("14 failed order syncs...").' */
function factOf(bank: Bank, answers: Answers, id: string): string | undefined {
  const axis = bank.axes.find((a) => a.id === id);
  if (axis) {
    const value = answers.matrix[id];
    if (typeof value !== 'number') return undefined;
    const figure = axis.baseline ? baselineText(axis.baseline, answers.baselines?.[id]) : '';
    const note = quote(answers.notes[id]);
    return `${axis.title}: ${value} of 5${figure ? `, ${figure}` : ''}${note ? ` (${note})` : ''}.`;
  }
  if (id === 'manage_in_place' || id === 'remediation_sprint') {
    const all = bank.signals.filter((s) => s.list === id);
    const ticked = all.filter((s) => answers.signals[id]?.includes(s.id));
    if (!ticked.length) return undefined;
    const side = id === 'remediation_sprint' ? 'a sprint' : 'managing in place';
    return `${capitalise(numberWord(ticked.length))} of ${numberWord(all.length)} signs for ${side} observed, first "${lowerFirst(ticked[0]!.text.replace(/\.$/, ''))}".`;
  }
  const signal = bank.signals.find((s) => s.id === id);
  if (!signal) return undefined;
  const note = quote(answers.notes[id]);
  return `Observed: "${lowerFirst(signal.text.replace(/\.$/, ''))}"${note ? ` (${note})` : ''}.`;
}

/** Two or three facts: what blocks it (disqualifiers, unknowns), then the decisive answers, then the next strongest known axes the verdict's way. */
function summaryFacts({bank, answers, result, applying}: SummaryInput): string[] {
  const facts: string[] = [];
  for (const d of applying) {
    const note = quote(answers.notes[d.id]);
    facts.push(`${d.title}${note ? ` (${note})` : ''}: ${lowerFirst(d.resolves.replace(/\.$/, ''))} (${lowerFirst(d.owner)}, about ${d.weeks} week${d.weeks === 1 ? '' : 's'}).`);
  }
  if (result.recommendation === 'insufficient-evidence') {
    const unknown = bank.axes.filter((a) => result.unknowns.includes(a.id)).map((a) => a.title.toLowerCase());
    facts.push(`Not known: ${list(unknown)}, ${percent(result.unknownShare)} of what the verdict weighs.`);
  }
  const seen = new Set<string>();
  const add = (id: string) => {
    if (seen.has(id) || facts.length >= 3) return;
    const fact = factOf(bank, answers, id);
    if (fact) {
      seen.add(id);
      facts.push(fact);
    }
  };
  for (const id of result.decisive) add(id);
  if (facts.length < 2) {
    const sign = result.lean === 'remediation-sprint' ? 1 : -1;
    bank.axes
      .filter((a) => typeof answers.matrix[a.id] === 'number' && Math.sign(axisPoints(bank, a, answers.matrix[a.id])) === sign)
      .sort((a, b) => Math.abs(axisPoints(bank, b, answers.matrix[b.id])) - Math.abs(axisPoints(bank, a, answers.matrix[a.id])))
      .forEach((a) => facts.length < 2 && add(a.id));
  }
  return facts;
}

/** What could make the verdict wrong (answers that disagree, the strongest answer against it), else what it is there to stop. */
function mainRisk({bank, answers, result, facts, applying, plan}: SummaryInput): string {
  if (result.contradictions.length) {
    const c = result.contradictions[0]!;
    return `Two answers disagree: ${lowerFirst(c.text.replace(/\.$/, ''))}. Settle it before acting: ${lowerFirst(c.question)}`;
  }
  if (result.recommendation === 'not-yet-qualified') {
    return `Scoping work anyway: ${lowerFirst(applying[0]!.explanation.replace(/\s+/g, ' ').trim())}`;
  }
  if (result.counterEvidence) {
    // The clause without its points: page one carries no arithmetic.
    const against = result.counterEvidence.replace(/^Against it:\s*/i, '').replace(/;.*$/, '').replace(/\s*\([+-]?\d+(\.\d+)? points?\)/g, '').replace(/\.$/, '');
    return `The strongest answer the other way: ${against}.`;
  }
  switch (result.recommendation) {
    case 'insufficient-evidence':
      return 'Deciding on guesses: the verdict could go either way until the missing figures are in.';
    case 'manage-in-place': {
      const trigger = plan.find((s) => s.id === 'reassess')?.criteria[0];
      return `The friction growing unnoticed.${trigger ? ` ${trigger}` : ''}`;
    }
    case 'remediation-sprint': {
      const heavy = bank.axes.filter((a) => typeof answers.matrix[a.id] === 'number' && a.weight >= bank.scoring.estimatedWeightAt && answers.certainty[a.id] && answers.certainty[a.id] !== 'verified');
      const worst = facts.worst[0];
      const figure = worst?.baseline ? baselineText(worst.baseline, answers.baselines?.[worst.id]) : '';
      const left = facts.classes.length ? `Left as it is, ${facts.classes[0]} continue${figure ? ` (${worst!.title.toLowerCase()}: ${figure} today)` : ''}.` : '';
      const estimate = heavy.length ? ` ${capitalise(list(heavy.map((a) => a.title.toLowerCase())))} ${heavy.length > 1 ? 'are' : 'is'} estimated, not verified: confirm ${heavy.length > 1 ? 'them' : 'it'} before the sprint is sized.` : '';
      return `${left}${estimate}`.trim() || 'Scoping the sprint too wide: keep it to this one workflow.';
    }
  }
}

/** A buyer's packet: what this report holds, what is ready, what is open. */
function packet({bank, answers, result, plan, register}: SummaryInput, open: string[]): NonNullable<ReportSummary['packet']> {
  const figures = bank.axes.filter((a) => answers.baselines?.[a.id] !== undefined).length;
  const verified = bank.axes.filter((a) => typeof answers.matrix[a.id] === 'number' && answers.certainty[a.id] === 'verified');
  const named = plan.filter((s) => !s.ownerIsRole).length;
  const cleared = result.disqualifiers.filter((d) => d.status === 'cleared').length;
  const applyingCount = result.disqualifiers.filter((d) => d.status === 'applies').length;
  return {
    attached: [
      'this assessment and its recommendation',
      `the action plan (${plan.length} steps, with owners and ${plan[0]?.dates ? 'dates' : 'weeks'})`,
      ...(register ? [`the handoff register (${register.rows.length} handoff${register.rows.length === 1 ? '' : 's'})`] : []),
      ...(figures ? [`baseline figures for ${numberWord(figures)} of ${numberWord(bank.axes.length)} axes`] : []),
      'the answers, sealed in the report so that it can be re-run and checked',
    ],
    ready: [
      applyingCount ? `${numberWord(applyingCount)} disqualifier${applyingCount > 1 ? 's apply' : ' applies'}` : `${numberWord(cleared)} of ${numberWord(bank.disqualifiers.length)} disqualifiers cleared`,
      verified.length ? `${list(verified.map((a) => a.title.toLowerCase()))} verified` : 'no answer verified yet',
      named ? `${numberWord(named)} of ${numberWord(plan.length)} steps with a named owner` : 'no step has a named owner yet',
    ],
    open: open.length ? open : ['nothing: every answer is known and marked, and no disqualifier is open'],
  };
}
