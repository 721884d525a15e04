/**
 * The engine's data types. Pure data: no I/O, no clock, no UI.
 *
 * Two families live here: the question bank (what is asked and how it is
 * scored, loaded from questions/ by src/bank) and the answers (the public
 * answers-file contract of docs/answers-file.md), plus the result of scoring.
 */

/** The two poles of the decision. */
export type Direction = 'manage-in-place' | 'remediation-sprint';
/** The recommendation: a direction, or not yet qualified when a disqualifier applies. */
export type Recommendation = Direction | 'not-yet-qualified';
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
}

/** The containment path's fixed wording, as data (placeholders filled by the engine). */
export interface PathStep {
  id: 'map' | 'boundaries' | 'sprint' | 'monitor';
  title: string;
  /** The step in general terms. */
  summary: string;
  /** The lighter wording used for a manage-in-place recommendation, if any. */
  lightSummary?: string;
  /** The title used for a manage-in-place recommendation, if any. */
  lightTitle?: string;
}

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

/**
 * A filled (or partly filled) answers file. A missing matrix axis counts as
 * not yet answered (scored as `unknown`); a missing disqualifier as not
 * answered (scored as not applying, and listed as a gap to confirm).
 */
export interface Answers {
  version: 1;
  context: ContextAnswers;
  matrix: Record<string, AxisAnswer>;
  /** Observed signal ids per checklist. A missing list is not yet answered; an empty one means "none of these". */
  signals: Partial<Record<SignalList, string[]>>;
  disqualifiers: Record<string, boolean>;
  notes: Record<string, string>;
  certainty: Record<string, Certainty>;
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
  /** The recommendation after the changes (for a score flip while disqualified: the new lean). */
  to: Recommendation;
  /** The score after the changes (unchanged for disqualifier flips). */
  score: number;
  /** The same set in one sentence. */
  summary: string;
}

export interface DisqualifierResult {
  id: string;
  title: string;
  /** true: applies; false: cleared; null: not answered. */
  applies: boolean | null;
  resolves: string;
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
}
