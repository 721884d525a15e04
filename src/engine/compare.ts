/**
 * Compare two assessments: what changed, answer by answer, how the score
 * and verdict moved, and which changes moved them. Pure.
 */
import {describeFigure} from './baseline.js';
import {buildSteps, describeAnswer} from './interview.js';
import {fmt, list, signed} from './phrases.js';
import {contributions} from './points.js';
import {RECOMMENDATION_LABELS} from './report-model.js';
import {score} from './score.js';
import type {Answers, Bank, Confidence, Handoff, Recommendation} from './types.js';

export interface AnswerDiff {
  id: string;
  section: string;
  question: string;
  before: string;
  after: string;
  /** How much this change alone moved the score (0 for context and disqualifiers). */
  delta: number;
}

export interface Side {
  /** What the report calls this assessment: "Before, 2026-09-01" ("Before" when its date is not known). Never a file path. */
  label: string;
  /** The assessment's date (YYYY-MM-DD): a report's own date, a draft's saved date, an answers file's modification date; null when none is known. */
  date: string | null;
  organisation: string;
  recommendation: Recommendation;
  /** The recommendation in words: "Remediation sprint". */
  recommendationLabel: string;
  confidence: Confidence;
  lean: string;
  /** The lean in words. */
  leanLabel: string;
  score: number;
}

export interface Comparison {
  before: Side;
  after: Side;
  threshold: number;
  scoreChange: number;
  verdictChanged: boolean;
  /** One sentence: what happened. */
  headline: string;
  changes: AnswerDiff[];
  /** The changes that moved the verdict (or the score, when the verdict held), strongest first, in words. */
  movedBy: string[];
  notesChanged: {question: string; before: string; after: string}[];
  /** Certainty marks that changed: they move the confidence, not the score. */
  certaintyChanged: {question: string; before: string; after: string}[];
  /** Baseline figures that changed, in words with their units (issue 10): the measure of recovery. */
  figuresChanged: {question: string; before: string; after: string}[];
  /** Handoffs added, removed or changed (same from, to and record is one handoff). */
  handoffsChanged: {handoff: string; change: 'added' | 'removed' | 'changed'; detail: string}[];
  /** Answers that disagreed before and no longer do, and new ones. */
  contradictionsSettled: string[];
  contradictionsNew: string[];
  /** Things to check before trusting the comparison, e.g. two different organisations. */
  warnings: string[];
}

/** The dates of the two assessments (YYYY-MM-DD), when known: they label the two sides, never a path. */
export interface CompareDates {
  before?: string;
  after?: string;
}

export function compareAnswers(bank: Bank, before: Answers, after: Answers, dates: CompareDates = {}): Comparison {
  const rb = score(bank, before);
  const ra = score(bank, after);
  const {changes, notesChanged, certaintyChanged} = answerChanges(bank, before, after);
  const figuresChanged = figureChanges(bank, before, after);
  const handoffsChanged = handoffChanges(before, after);
  const ids = (r: Scored) => new Set(r.contradictions.map((c) => c.id));
  return {
    before: side('Before', dates.before, before, rb),
    after: side('After', dates.after, after, ra),
    threshold: ra.threshold,
    scoreChange: ra.score - rb.score,
    verdictChanged: ra.recommendation !== rb.recommendation,
    headline: headline(rb, ra, changes, notesChanged, certaintyChanged, figuresChanged, handoffsChanged),
    changes,
    movedBy: movedBy(rb, ra, changes),
    notesChanged,
    certaintyChanged,
    figuresChanged,
    handoffsChanged,
    contradictionsSettled: rb.contradictions.filter((c) => !ids(ra).has(c.id)).map((c) => c.text),
    contradictionsNew: ra.contradictions.filter((c) => !ids(rb).has(c.id)).map((c) => c.text),
    warnings: sameAssessmentWarnings(before, after),
  };
}

type Scored = ReturnType<typeof score>;

function side(which: 'Before' | 'After', date: string | undefined, answers: Answers, r: Scored): Side {
  const day = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  return {
    label: day ? `${which}, ${day}` : which,
    date: day,
    organisation: answers.context.organisation ?? '',
    recommendation: r.recommendation,
    recommendationLabel: RECOMMENDATION_LABELS[r.recommendation],
    confidence: r.confidence,
    lean: r.lean,
    leanLabel: RECOMMENDATION_LABELS[r.lean],
    score: r.score,
  };
}

const words = (r: Recommendation): string => RECOMMENDATION_LABELS[r].toLowerCase();

/** Every answer, note and certainty mark that differs, question by question in the bank's order. */
function answerChanges(bank: Bank, before: Answers, after: Answers): Pick<Comparison, 'changes' | 'notesChanged' | 'certaintyChanged'> {
  const pointsBefore = new Map(contributions(bank, before).map((c) => [c.id, c.points]));
  const pointsAfter = new Map(contributions(bank, after).map((c) => [c.id, c.points]));
  const delta = (id: string) => (pointsAfter.get(id) ?? 0) - (pointsBefore.get(id) ?? 0);
  const changes: AnswerDiff[] = [];
  const notesChanged: Comparison['notesChanged'] = [];
  const certaintyChanged: Comparison['certaintyChanged'] = [];

  for (const step of buildSteps(bank)) {
    // The handoff map is compared handoff by handoff (handoffChanges).
    if (step.id === 'handoffs') continue;
    const b = describeAnswer(step, before);
    const a = describeAnswer(step, after);
    if (step.kind === 'multi') {
      // One row per signal that changed, so each carries its own effect.
      for (const option of step.options ?? []) {
        const was = before.signals[step.id as 'manage_in_place']?.includes(option.value) ?? false;
        const now = after.signals[step.id as 'manage_in_place']?.includes(option.value) ?? false;
        if (was !== now) {
          const words = (observed: boolean) => (observed ? 'observed' : 'not observed');
          changes.push({id: option.value, section: 'signals', question: option.label, before: words(was), after: words(now), delta: delta(option.value)});
        }
      }
    } else if (a !== b) {
      changes.push({id: step.id, section: step.section, question: step.title, before: b, after: a, delta: delta(step.id)});
    }
    const nb = before.notes[step.id] ?? '';
    const na = after.notes[step.id] ?? '';
    if (nb !== na) notesChanged.push({question: step.label, before: nb || '(none)', after: na || '(none)'});
    const cb = before.certainty[step.id] ?? 'not marked';
    const ca = after.certainty[step.id] ?? 'not marked';
    if (cb !== ca) certaintyChanged.push({question: step.label, before: cb, after: ca});
  }
  return {changes, notesChanged, certaintyChanged};
}

/** The changes that moved the verdict: disqualifiers when one decided it, then the answers that moved the score its way, largest first. */
function movedBy(rb: Scored, ra: Scored, changes: AnswerDiff[]): string[] {
  const moved: string[] = [];
  const verdictChanged = ra.recommendation !== rb.recommendation;
  if (verdictChanged && (rb.recommendation === 'not-yet-qualified' || ra.recommendation === 'not-yet-qualified')) {
    for (const c of changes.filter((c) => c.section === 'disqualifiers')) moved.push(`${c.question}: ${c.before} → ${c.after}`);
  }
  const direction = Math.sign(ra.score - rb.score);
  const scored = changes
    .filter((c) => c.delta !== 0 && (direction === 0 || Math.sign(c.delta) === direction))
    .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
  for (const c of scored) moved.push(`${c.question}: ${c.before} → ${c.after} (${signed(c.delta)} points)`);
  return moved;
}

/** A baseline figure in words with its unit (describeFigure), or "(none)". */
function figureWords(bank: Bank, axisId: string, answers: Answers): string {
  const value = answers.baselines?.[axisId];
  const spec = bank.axes.find((a) => a.id === axisId)?.baseline;
  return value === undefined || !spec ? '(none)' : describeFigure(spec, value);
}

/** Every baseline figure that differs, axis by axis. */
function figureChanges(bank: Bank, before: Answers, after: Answers): Comparison['figuresChanged'] {
  return bank.axes
    .map((axis) => ({question: axis.title, before: figureWords(bank, axis.id, before), after: figureWords(bank, axis.id, after)}))
    .filter((f) => f.before !== f.after);
}

/** A handoff's identity: from, to and record, as a person would match them. */
function handoffKey(h: Handoff): string {
  return [h.from, h.to, h.record].map((t) => t.trim().toLowerCase()).join('\u0000');
}

function handoffName(h: Handoff): string {
  return `${h.from} → ${h.to} (${h.record})`;
}

/** Handoffs added, removed, or changed in owner, required fields, rule for missing data, failures or critical path. */
function handoffChanges(before: Answers, after: Answers): Comparison['handoffsChanged'] {
  const was = new Map((before.handoffs ?? []).map((h) => [handoffKey(h), h]));
  const now = new Map((after.handoffs ?? []).map((h) => [handoffKey(h), h]));
  const out: Comparison['handoffsChanged'] = [];
  for (const [key, h] of now) {
    const old = was.get(key);
    if (!old) {
      out.push({handoff: handoffName(h), change: 'added', detail: h.owner ? `owner ${h.owner}` : 'no owner named'});
      continue;
    }
    const diffs: string[] = [];
    const show = (v: string) => v || 'none';
    if (old.owner !== h.owner) diffs.push(`owner ${show(old.owner)} → ${show(h.owner)}`);
    if (old.required_fields.join(', ') !== h.required_fields.join(', ')) diffs.push(`required fields ${show(old.required_fields.join(', '))} → ${show(h.required_fields.join(', '))}`);
    if (old.when_missing !== h.when_missing) diffs.push(`when a field is missing: ${show(old.when_missing)} → ${show(h.when_missing)}`);
    if (old.failures !== h.failures) diffs.push(`failures in four weeks ${old.failures ?? 'not counted'} → ${h.failures ?? 'not counted'}`);
    if (!!old.critical_path !== !!h.critical_path) diffs.push(h.critical_path ? 'now on the critical path' : 'no longer on the critical path');
    if (diffs.length) out.push({handoff: handoffName(h), change: 'changed', detail: diffs.join('; ')});
  }
  for (const [key, h] of was) if (!now.has(key)) out.push({handoff: handoffName(h), change: 'removed', detail: ''});
  return out;
}

/** One sentence: did the verdict move, and the score; or what else changed. */
function headline(
  rb: Scored,
  ra: Scored,
  changes: AnswerDiff[],
  notesChanged: unknown[],
  certaintyChanged: unknown[],
  figuresChanged: unknown[],
  handoffsChanged: unknown[],
): string {
  const count = (n: number, one: string) => (n ? `${n} ${one}${n > 1 ? 's' : ''}` : '');
  const others = [
    count(notesChanged.length, 'note'),
    count(certaintyChanged.length, 'certainty mark'),
    count(figuresChanged.length, 'baseline figure'),
    count(handoffsChanged.length, 'handoff'),
  ].filter(Boolean);
  const confidenceMoved = ra.confidence !== rb.confidence ? ` The confidence moved from ${rb.confidence} to ${ra.confidence}.` : '';
  const scores = `the score went from ${fmt(rb.score)} to ${fmt(ra.score)} (threshold ${fmt(ra.threshold)}).`;
  if (ra.recommendation !== rb.recommendation) return `The verdict moved from ${words(rb.recommendation)} to ${words(ra.recommendation)}; ${scores}`;
  if (changes.length) return `The verdict held at ${words(ra.recommendation)}; ${scores}`;
  return others.length ? `No answer changed; ${list(others)} did.${confidenceMoved}` : 'Nothing changed between the two assessments.';
}

/** Two assessments of different organisations or workflows are probably not before and after of one. */
function sameAssessmentWarnings(before: Answers, after: Answers): string[] {
  const warnings: string[] = [];
  const orgBefore = before.context.organisation?.trim() ?? '';
  const orgAfter = after.context.organisation?.trim() ?? '';
  if (orgBefore.toLowerCase() !== orgAfter.toLowerCase()) {
    warnings.push(`The two assessments name different organisations (${orgBefore || 'none'} and ${orgAfter || 'none'}): check they are of the same client.`);
  }
  if ((before.context.workflow ?? '').trim().toLowerCase() !== (after.context.workflow ?? '').trim().toLowerCase()) {
    warnings.push('The two assessments are of different workflows: the scores may not be comparable.');
  }
  return warnings;
}
