/**
 * The engine's data types. Pure data: no I/O, no clock, no UI.
 *
 * Two families live here: the question bank (what is asked and how it is
 * scored, loaded from questions/ by src/bank) and the answers (the public
 * answers-file contract of docs/answers-file.md), plus the result of scoring.
 */

/** The two poles of the decision. */
export type Direction = 'manage-in-place' | 'remediation-sprint';
/**
 * The recommendation: a direction; not yet qualified when a disqualifier applies; or not enough
 * evidence to decide when too much of the matrix weight is "don't know" (issue 10).
 */
export type Recommendation = Direction | 'not-yet-qualified' | 'insufficient-evidence';
export const RECOMMENDATIONS: readonly Recommendation[] = ['manage-in-place', 'remediation-sprint', 'not-yet-qualified', 'insufficient-evidence'];
export type Confidence = 'high' | 'medium' | 'low';
export type Role = 'consultant' | 'founder' | 'operations-leader' | 'buyer';
export const ROLES: readonly Role[] = ['consultant', 'founder', 'operations-leader', 'buyer'];

/** A point on an axis: 1 (the manage-in-place pole describes us) to 5 (the remediation-sprint pole does). */
export type ScaleValue = 1 | 2 | 3 | 4 | 5;
export type AxisAnswer = ScaleValue | 'unknown';
export const SCALE_VALUES: readonly ScaleValue[] = [1, 2, 3, 4, 5];

/** How sure the person answering is of one answer (issue 4). */
export type Certainty = 'verified' | 'estimated' | 'unknown';
export const CERTAINTIES: readonly Certainty[] = ['verified', 'estimated', 'unknown'];

/** The two signal checklists, by their ids in the answers file. */
export type SignalList = 'manage_in_place' | 'remediation_sprint';
export const SIGNAL_LISTS: readonly SignalList[] = ['manage_in_place', 'remediation_sprint'];

// ---------------------------------------------------------------------------
// The question bank
// ---------------------------------------------------------------------------

/** The kinds of question. Each front end has one way to draw each kind. */
export type QuestionKind = 'text' | 'list' | 'choice' | 'scale' | 'multi' | 'yesno';

/** A context question (organisation, assessor, role, workflow, systems). */
export interface ContextQuestion {
  id: string;
  kind: 'text' | 'list' | 'choice';
  prompt: string;
  /** A short name for the review and the report's notes, e.g. "Organisation". */
  label: string;
  /** Why the question matters, shown on request. */
  why: string;
  required: boolean;
  /** Example input, shown as a placeholder. */
  placeholder?: string;
  /** For kind 'choice': the allowed values and their labels. */
  choices?: {value: string; label: string}[];
  /** Longest accepted answer in characters (list: per item). */
  maxLength: number;
}

/** One matrix axis: a scale between two poles. */
export interface Axis {
  id: string;
  title: string;
  prompt: string;
  /** The manage-in-place pole (answer 1). */
  manageInPlace: string;
  /** The remediation-sprint pole (answer 5). */
  remediationSprint: string;
  why: string;
  /** Points per step away from the middle of the scale. */
  weight: number;
  /** The failure class this axis monitors, for step 4 of the containment path. */
  failureClass: string;
  /** What step 1 and 2 look at when this axis scores badly. */
  focus: string;
  /** A measurable recovery criterion for step 3; may use {workflow} and {systems}. */
  recovery: string;
  /** What to gather when this axis is answered `unknown`. */
  evidence: string;
  /** The baseline figure asked after the answer (optional in a custom bank: no figure asked). */
  baseline?: BaselineSpec;
}

/**
 * A baseline figure for one axis: asked after its answer, used to compute recovery
 * criteria, re-assessment triggers and the evidence plan (issue 10).
 */
export interface BaselineSpec {
  /** `number`: one figure; `change`: the figure now and before (e.g. cycle time now and six months ago). */
  kind: 'number' | 'change';
  /** The question, e.g. "How many handoff failures in the last four weeks?". */
  prompt: string;
  /** The unit, worded to follow a number: "failures in four weeks", "hours a week", "days". */
  unit: string;
  /** The unit after the number 1: "failure in four weeks", "day" (default: `unit`). */
  unitOne: string;
  /** Change kind: when "before" was, as it reads after a figure: "six months ago" (default: "before"). */
  beforeLabel: string;
  /** Target after the work as a share of today's figure (number: 0.25 = cut to a quarter); change: the share of the rise to take back (1 = back to before). */
  target: number;
  /** Weeks after the sprint's end by which the target must hold. */
  withinWeeks: number;
  /** Manage in place: re-assess once the figure passes today's times this (e.g. 1.5). */
  trigger: number;
  /** The trigger's floor: re-assess at no less than this figure, whatever today's (e.g. 2 failures). */
  triggerFloor: number;
  /** How to measure it when no figure was given, e.g. "count the failed handoffs in the last four weeks". */
  measure: string;
  /** Who usually holds the figure, e.g. "the operations lead". */
  source: string;
}
/** One statement in a signal checklist. */
export interface Signal {
  id: string;
  list: SignalList;
  text: string;
  why: string;
  /** Points added toward this list's direction when the signal is observed. */
  weight: number;
  /** Remediation signals name the failure class they reveal (step 4). */
  failureClass?: string;
}

/** One disqualifier: when it applies, the recommendation is not-yet-qualified. */
export interface Disqualifier {
  id: string;
  title: string;
  prompt: string;
  /** One-line explanation shown beside the yes/no. */
  explanation: string;
  /** Why it matters, shown on request ("why this matters"): the reasoning behind the explanation. */
  why: string;
  /** What resolves the disqualifier. */
  resolves: string;
  /** What to prepare before requesting qualification when it applies. */
  prepare: string;
  /**
   * The yes/no answer to `prompt` that means the disqualifier applies: the question is asked plainly
   * ("Is there someone who can approve...?", applies when the answer is no). Default true.
   */
  appliesWhen: boolean;
  /** Who resolves it, as a role (the action plan's owner when it applies). */
  owner: string;
  /** Weeks it usually takes to resolve (the action plan's time box). */
  weeks: number;
}

/** How answers become a verdict. All numbers are data from the bank. */
export interface Scoring {
  /** Points for each scale value, before the axis weight is applied. */
  scalePoints: Record<ScaleValue, number>;
  /** A total score at or above this recommends a remediation sprint. */
  remediationAt: number;
  /** Within this many points of the threshold, confidence is at most medium. */
  nearThreshold: number;
  /** Share of total axis weight answered `unknown` that lowers confidence one level (e.g. 0.2). */
  unknownShareMedium: number;
  /** Share of total axis weight answered `unknown` that makes confidence low (e.g. 0.5). */
  unknownShareLow: number;
  /** Matrix and checklists "disagree" when each leans opposite ways by at least this many points. */
  disagreementPoints: number;
  /** Weight at or above which an `estimated` answer lowers confidence (issue 4). */
  estimatedWeightAt: number;
  /** Share of the matrix weight answered "don't know" at which, with no disqualifier, the verdict is insufficient evidence. */
  insufficientEvidenceAt: number;
  /** This many heavy axes estimated or unknown-marked make confidence low (estimates compound). */
  estimatedHeavyLow: number;
  /** Share of the matrix weight answered but not verified (estimated or marked unknown) that makes confidence low. */
  estimatedShareLow: number;
  /** Levels each pair of answers that disagree (a consistency rule) lowers confidence. */
  contradictionLevels: number;
  /** The other side's points at or above which the "why" names the strongest counter-evidence. */
  counterEvidenceAt: number;
}

/** One condition of a consistency rule: an answer, on one side of the scale, or a checklist statement ticked. */
export type Condition =
  | {axis: string; atLeast?: number; atMost?: number}
  | {signal: string}
  | {disqualifier: string; applies: boolean}
  /** The matrix and the checklists lean opposite ways by at least `disagreementPoints` each, this way round. */
  | {checklists: 'manage-in-place' | 'remediation-sprint'; matrix: 'manage-in-place' | 'remediation-sprint'};

/** Two (or more) answers that cannot all be true: when every condition holds, the answers disagree. */
export interface ConsistencyRule {
  id: string;
  when: Condition[];
  /** The disagreement in words, for the review and the report. */
  text: string;
  /** The question to put to the room to settle it. */
  question: string;
  /** The evidence that settles it, for "What to prepare". */
  settle: string;
}

/** What every step of an action plan carries (issue 10): who, what comes out, how long, how it is known to be done. */
export interface PlanFields {
  /** The owner as a role, when the answers file's `plan.owners` names nobody for the step. */
  owner: string;
  /** What the step hands over when done. */
  deliverable: string;
  /** Time box in weeks. */
  weeks: number;
  /** The exit criterion: a number and a time frame (placeholders filled by the engine). */
  exit: string;
  /** The step costs money (false: it can start now, before any budget). */
  needsBudget: boolean;
}

/** The containment path's fixed wording, as data (placeholders filled by the engine). */
export interface PathStep extends PlanFields {
  id: 'map' | 'boundaries' | 'sprint' | 'monitor';
  title: string;
  /** The step in general terms. */
  summary: string;
  /** The lighter wording used for a manage-in-place recommendation, if any. */
  lightSummary?: string;
  /** The title used for a manage-in-place recommendation, if any. */
  lightTitle?: string;
}

/** One step of a verdict's own plan (manage in place, insufficient evidence, not yet qualified). */
export interface PlanStep extends PlanFields {
  id: string;
  title: string;
  summary: string;
}

/** What --portfolio ranks workflows by, most urgent first (bank.yaml `portfolio:`; DEFAULT_PORTFOLIO in src/engine/portfolio.ts when absent). */
export type PortfolioKey = 'verdict' | 'margin' | 'heavy_axes' | 'confidence' | 'failures';
export interface PortfolioRule {
  /** The keys in order: the first on which two workflows differ decides which comes first. */
  order: PortfolioKey[];
  /** `verdict`: the verdicts, most urgent first. */
  verdicts: Recommendation[];
  /** `heavy_axes`: an axis of at least this weight, answered at least `heavyAnswerAt`, counts. */
  heavyWeightAt: number;
  heavyAnswerAt: number;
  /** `failures`: the axis whose baseline figure counts failures in four weeks (else the handoff map's counts). */
  failuresAxis?: string;
}

/** The plans for the verdicts that do not get the four-step containment path as it is. */
export interface Plans {
  /** Manage in place: the controls to keep and the re-assessment triggers; no sprint-shaped step. */
  manageInPlace: PlanStep[];
  /** Insufficient evidence: the evidence plan. */
  insufficientEvidence: PlanStep[];
  /** Not yet qualified: the qualification gaps first (the path's steps follow, those needing budget conditional). */
  notYetQualified: PlanStep[];
}

/** The handoff-map part of the interview: its wording, as data. */
export interface HandoffMapSpec {
  title: string;
  prompt: string;
  why: string;
  /** The most handoffs a map holds. */
  max: number;
  /** Each field's question, by field name (from, to, record, owner, required_fields, when_missing, failures, critical_path). */
  fields: Record<HandoffField, string>;
}

export const HANDOFF_FIELDS = ['from', 'to', 'record', 'owner', 'required_fields', 'when_missing', 'failures', 'critical_path'] as const;
export type HandoffField = (typeof HANDOFF_FIELDS)[number];

/**
 * How several respondents' answers on one workflow become one set of answers (`--combine`, issue 14):
 * the bank's `combine:` section (optional in a custom bank: COMBINE_DEFAULTS).
 */
export interface CombineRules {
  /** A matrix axis: the median or the mean of the known answers, rounded to the nearest point (a half toward 3). */
  axis: 'median-of-known' | 'mean-of-known';
  /** The combined answer's certainty mark: the weakest (unknown < estimated < not marked < verified) or the strongest given. */
  certainty: 'weakest' | 'strongest';
  /** A checklist statement is ticked when any, a majority (more than half) or all of those who answered the checklist ticked it. */
  signal: 'any' | 'majority' | 'all';
  /** A disqualifier applies when any, a majority or all of those who answered it say it applies. */
  disqualifier: 'any' | 'majority' | 'all';
  /** Known answers this many points apart or more on an axis: a disagreement to settle. */
  disagreementAt: number;
  /** Levels the confidence drops when such a disagreement is on a heavy axis (weight >= scoring.estimatedWeightAt). */
  confidenceLevels: number;
  /** Baseline figures are flagged when the largest is at least this many times the smallest. */
  baselineSpread: number;
  /** The questions put to the room, with placeholders (docs/toolkit.md). */
  questions: {axis: string; signal: string; disqualifier: string};
}

export const COMBINE_DEFAULTS: CombineRules = {
  axis: 'median-of-known',
  certainty: 'weakest',
  signal: 'majority',
  disqualifier: 'any',
  disagreementAt: 2,
  confidenceLevels: 1,
  baselineSpread: 2,
  questions: {
    axis: '{title}: the answers run from {low} to {high} of 5. Which is closer to {workflow} today, "{manage_in_place}" or "{remediation_sprint}"? Settle it with {evidence}.',
    signal: '{count} say "{text}" Is it true of {workflow} today? Name a recent example either way.',
    disqualifier: '{title}: {count} say it applies. Ask the room again: {prompt} What settles it: {prepare}',
  },
};

export interface BankMeta {
  name: string;
  version: string;
  title: string;
  description: string;
}

export interface Bank {
  meta: BankMeta;
  context: ContextQuestion[];
  axes: Axis[];
  signals: Signal[];
  disqualifiers: Disqualifier[];
  scoring: Scoring;
  path: PathStep[];
  plans: Plans;
  /** Answers that cannot both be true (empty in a bank without consistency.yaml). */
  consistency: ConsistencyRule[];
  /** The handoff-map part; undefined: the part is not offered (answers files may still hold a map). */
  handoffMap?: HandoffMapSpec;
  /** How several respondents' answers combine (`--combine`). */
  combine: CombineRules;
  /** How --portfolio ranks workflows; undefined: the defaults (DEFAULT_PORTFOLIO in src/engine/portfolio.ts). */
  portfolio?: PortfolioRule;
}

// ---------------------------------------------------------------------------
// The answers (public contract: docs/answers-file.md)
// ---------------------------------------------------------------------------

export interface ContextAnswers {
  organisation?: string;
  assessor?: string;
  /** One of the bank's role choices (the bundled bank: consultant, founder, operations-leader, buyer). */
  role?: Role | (string & {});
  workflow?: string;
  systems?: string[];
}

/** One handoff of the workflow: a record moving from one system or team to another (issue 10). */
export interface Handoff {
  from: string;
  to: string;
  /** What is handed over, e.g. "order". */
  record: string;
  /** Who owns the record once it has moved; '' = nobody named. */
  owner: string;
  /** The fields that must be present; [] = none agreed. */
  required_fields: string[];
  /** What happens today when a field is missing; '' = no rule. */
  when_missing: string;
  /** Failures in the last four weeks, when counted. */
  failures?: number;
  /** This handoff sets the workflow's lead time. */
  critical_path?: boolean;
}

/** The most handoffs a map holds. */
export const MAX_HANDOFFS = 12;

/** A baseline figure: one number, or the figure now and before (cycle time). */
export type Baseline = number | {now: number; before: number};

/** Who owns each plan step and when the plan starts (answers file `plan`). */
export interface PlanAnswers {
  /** ISO date (YYYY-MM-DD): the plan's weeks become calendar dates. */
  start?: string;
  /** A name per step id, e.g. {map: "Dana Ruiz (RevOps)"}. */
  owners?: Record<string, string>;
}

/**
 * A filled (or partly filled) answers file. A missing matrix axis counts as
 * not yet answered (scored as `unknown`); a missing disqualifier as not
 * answered (scored as not applying, and listed as a gap to confirm).
 */
export interface Answers {
  /** 1: the original contract; 2: the file holds handoffs, baselines or a plan (written only then). */
  version: 1 | 2;
  context: ContextAnswers;
  matrix: Record<string, AxisAnswer>;
  /** Observed signal ids per checklist. A missing list is not yet answered; an empty one means "none of these". */
  signals: Partial<Record<SignalList, string[]>>;
  disqualifiers: Record<string, boolean>;
  notes: Record<string, string>;
  certainty: Record<string, Certainty>;
  /** The handoff map: undefined = not asked; [] = skipped. */
  handoffs?: Handoff[];
  /** Baseline figures by axis id (absent: none given). */
  baselines?: Record<string, Baseline>;
  plan?: PlanAnswers;
}

export function emptyAnswers(): Answers {
  return {
    version: 1,
    context: {},
    matrix: {},
    signals: {},
    disqualifiers: {},
    notes: {},
    certainty: {},
  };
}

// ---------------------------------------------------------------------------
// The result of scoring
// ---------------------------------------------------------------------------

/** One answer's share of the score. Positive points lean toward a remediation sprint. */
export interface Contribution {
  /** Question id: an axis id or a signal id. */
  id: string;
  kind: 'axis' | 'signal';
  label: string;
  /** The answer in words, e.g. "4 of 5" or "observed". */
  answer: string;
  points: number;
}

/** One change of one answer. */
export interface AnswerChange {
  /** Where the answer lives: `matrix.failure_frequency`, `signals.remediation_sprint.recurring_sync_failures`, `disqualifiers.no_budget_path`. */
  field: string;
  id: string;
  label: string;
  /** The answer before and after, in words. */
  from: string;
  to: string;
  /** The new answer as it would be written in the answers file. */
  value: AxisAnswer | boolean;
  /** Score moved by this change (0 for disqualifiers). */
  delta: number;
}

/** A smallest set of changes that would change the recommendation. */
export interface Flip {
  /** `score`: the changes move the score across the threshold; `disqualifier`: they set or clear disqualifiers. */
  kind: 'score' | 'disqualifier';
  changes: AnswerChange[];
  /**
   * The recommendation after the changes (for a score flip while disqualified: the new lean). From
   * insufficient evidence, a score flip answers enough "don't know" axes to decide, and `to` is a direction.
   */
  to: Recommendation;
  /** The score after the changes (unchanged for disqualifier flips). */
  score: number;
  /** The same set in one sentence. */
  summary: string;
}

/**
 * A disqualifier's status: `applies`; `cleared` (answered not applying, verified or unmarked);
 * `unconfirmed` (answered not applying but marked estimated or unknown); `not answered`.
 */
export type DisqualifierStatus = 'applies' | 'cleared' | 'unconfirmed' | 'not answered';

export interface DisqualifierResult {
  id: string;
  title: string;
  /** true: applies; false: answered as not applying (cleared or unconfirmed); null: not answered. */
  applies: boolean | null;
  status: DisqualifierStatus;
  resolves: string;
}

/** A consistency rule whose conditions all hold: answers that disagree. */
export interface Contradiction {
  id: string;
  text: string;
  question: string;
  settle: string;
  /** The question ids involved (for the review's "revisit"): axis, signal list or disqualifier ids. */
  questions: string[];
}

export interface Result {
  recommendation: Recommendation;
  /** Where the score leans, whatever the disqualifiers say. */
  lean: Direction;
  confidence: Confidence;
  /** Why the confidence is what it is, in words. */
  confidenceReasons: string[];
  score: number;
  /** The score at or above which a remediation sprint is recommended. */
  threshold: number;
  /** Signed distance from the threshold (score − threshold). */
  margin: number;
  matrixScore: number;
  signalScore: number;
  /** The lowest and highest score the bank allows. */
  range: {min: number; max: number};
  contributions: Contribution[];
  /** The answers that decided it, in words, strongest first. */
  drivers: string[];
  flips: Flip[];
  disqualifiers: DisqualifierResult[];
  /** Axis ids answered `unknown` (or not answered). */
  unknowns: string[];
  /** Share (0..1) of the matrix weight answered "don't know" or not answered. */
  unknownShare: number;
  /** Answers that disagree, in bank order. */
  contradictions: Contradiction[];
  /** The strongest answer on the other side, in words, when it holds counterEvidenceAt points or more. */
  counterEvidence?: string;
  /**
   * Ids of the two or three answers whose points carry the score across the threshold (for manage in
   * place: keep it below), strongest first: an axis id, a signal id, or a checklist id
   * (`manage_in_place` / `remediation_sprint`) when several statements of one checklist count as one item.
   * Their wording is `drivers` (after any disqualifier and not-known lines).
   */
  decisive: string[];
}
