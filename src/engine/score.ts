/**
 * Scoring: answers in, verdict out. Every number comes from the bank.
 *
 * The score is a weighted sum. Each axis adds `scalePoints[answer] × weight`
 * (an unknown answer adds nothing); each observed remediation signal adds its
 * weight and each observed manage-in-place signal subtracts its weight. A
 * score at or above `remediationAt` leans toward a remediation sprint.
 *
 * The recommendation is that lean, unless a disqualifier applies (not yet
 * qualified) or too much of the matrix weight is "don't know" (not enough
 * evidence to decide). The "why" is selective: the two or three answers whose
 * points carry the score across the threshold, with the client's own notes
 * and figures, and the strongest answer against it when that side is heavy.
 */
import {describeFigure} from './baseline.js';
import {disqualifierStatus} from './evidence.js';
import {findFlips} from './flips.js';
import {capitalise, fmt, list, lowerFirst, numberWord, percent, shorten, signed} from './phrases.js';
import {contributions, leanOf, recommendationOf, round, unknownAxisIds, weightShare} from './points.js';
import {contradictions as findContradictions} from './consistency.js';
import {SIGNAL_LISTS} from './types.js';
import type {
  Answers,
  Axis,
  Bank,
  Baseline,
  Confidence,
  Contradiction,
  Contribution,
  Direction,
  DisqualifierResult,
  Recommendation,
  Result,
  Signal,
  SignalList,
} from './types.js';

const LEVELS: Confidence[] = ['low', 'medium', 'high'];

/** Known answers on heavy axes that are marked but not verified: they lower the confidence and should be verified first. */
export function unverifiedHeavyAxes(bank: Bank, answers: Answers): Axis[] {
  return bank.axes.filter((a) => {
    const c = answers.certainty[a.id];
    return a.weight >= bank.scoring.estimatedWeightAt && typeof answers.matrix[a.id] === 'number' && c !== undefined && c !== 'verified';
  });
}

/** The lowest and highest total score the bank allows. */
export function scoreRange(bank: Bank): {min: number; max: number} {
  const pts = Object.values(bank.scoring.scalePoints);
  let min = 0;
  let max = 0;
  for (const axis of bank.axes) {
    min += Math.min(...pts, 0) * axis.weight;
    max += Math.max(...pts, 0) * axis.weight;
  }
  for (const s of bank.signals) {
    if (s.list === 'remediation_sprint') max += s.weight;
    else min -= s.weight;
  }
  return {min, max};
}

export function disqualifierResults(bank: Bank, answers: Answers): DisqualifierResult[] {
  return bank.disqualifiers.map((d) => {
    const value = answers.disqualifiers[d.id];
    return {id: d.id, title: d.title, applies: typeof value === 'boolean' ? value : null, status: disqualifierStatus(answers, d.id), resolves: d.resolves};
  });
}

/** Score the answers: the recommendation, why, how sure, and what would change it. */
export function score(bank: Bank, answers: Answers): Result {
  const parts = contributions(bank, answers);
  const matrixScore = round(sum(parts.filter((c) => c.kind === 'axis').map((c) => c.points)));
  const signalScore = round(sum(parts.filter((c) => c.kind === 'signal').map((c) => c.points)));
  const total = round(matrixScore + signalScore);
  const threshold = bank.scoring.remediationAt;
  const lean = leanOf(bank, total);
  const disqualifiers = disqualifierResults(bank, answers);
  const unknowns = unknownAxisIds(bank, answers);
  const unknownShare = weightShare(bank, unknowns);
  const recommendation: Recommendation = recommendationOf(bank, answers);
  const contradictions = findContradictions(bank, answers);
  const {confidence, reasons} = confidenceOf(bank, answers, {recommendation, total, matrixScore, signalScore, unknowns, contradictions, disqualifiers});
  const why = whyOf(bank, answers, {parts, lean, total, recommendation, disqualifiers, unknowns, unknownShare});

  return {
    recommendation,
    lean,
    confidence,
    confidenceReasons: reasons,
    score: total,
    threshold,
    margin: round(total - threshold),
    matrixScore,
    signalScore,
    range: scoreRange(bank),
    contributions: parts,
    drivers: why.drivers,
    flips: findFlips(bank, answers),
    disqualifiers,
    unknowns,
    unknownShare,
    contradictions,
    ...(why.counterEvidence ? {counterEvidence: why.counterEvidence} : {}),
    decisive: why.decisive,
  };
}

/** The share (0..1) of the matrix weight held by these axes. */
export function shareOf(bank: Bank, axisIds: string[]): number {
  return weightShare(bank, axisIds);
}

/** Known answers marked estimated or unknown ("not sure"), heavy or not, in bank order. */
export function unverifiedAxes(bank: Bank, answers: Answers): Axis[] {
  return bank.axes.filter((a) => {
    const c = answers.certainty[a.id];
    return typeof answers.matrix[a.id] === 'number' && (c === 'estimated' || c === 'unknown');
  });
}

// ---------------------------------------------------------------------------
// Confidence
// ---------------------------------------------------------------------------

interface Facts {
  recommendation: Recommendation;
  total: number;
  matrixScore: number;
  signalScore: number;
  unknowns: string[];
  contradictions: Contradiction[];
  disqualifiers: DisqualifierResult[];
}

/**
 * How sure the verdict is. Starts high; some findings cap it (near the threshold: at most medium;
 * half the weight unknown, not enough evidence, compounding estimates: low), others lower it from
 * there by levels (each pair of answers that disagree, one heavy estimate, an unconfirmed
 * disqualifier, a fifth of the weight unknown), so near the threshold with one of them is low.
 */
function confidenceOf(bank: Bank, answers: Answers, f: Facts): {confidence: Confidence; reasons: string[]} {
  const sc = bank.scoring;
  let cap = 2;
  let drops = 0;
  const reasons: string[] = [];
  const capAt = (to: number, reason: string) => {
    cap = Math.min(cap, to);
    reasons.push(reason);
  };
  const drop = (levels: number, reason: string) => {
    drops += levels;
    reasons.push(reason);
  };

  const distance = Math.abs(f.total - sc.remediationAt);
  if (distance < sc.nearThreshold) {
    capAt(1, `the score (${fmt(f.total)}) sits within ${fmt(sc.nearThreshold)} points of the threshold (${fmt(sc.remediationAt)}), so a small change in any answer could tip it`);
  }

  if (f.unknowns.length) {
    const share = weightShare(bank, f.unknowns);
    const names = bank.axes.filter((a) => f.unknowns.includes(a.id)).map((a) => lowerFirst(a.title));
    const what = `${list(names)} ${names.length > 1 ? 'are' : 'is'} not known (${percent(share)} of the matrix weight)`;
    if (f.recommendation === 'insufficient-evidence') capAt(0, `${what}: at ${percent(sc.insufficientEvidenceAt)} or more there is not enough evidence to decide, only a lean`);
    else if (share >= sc.unknownShareLow) capAt(0, what);
    else if (share >= sc.unknownShareMedium) drop(1, what);
    else reasons.push(`${what}; too little to change the confidence on its own`);
  }

  // Answers that disagree (consistency rules, bank data): each lowers confidence. The matrix and
  // the checklists leaning opposite ways is one such rule; its reason gives both sides' points.
  for (const c of f.contradictions) {
    const rule = bank.consistency.find((r) => r.id === c.id);
    const sides = rule?.when.some((w) => 'checklists' in w) ? ` (the matrix ${signed(f.matrixScore)} points, the checklists ${signed(f.signalScore)})` : '';
    drop(sc.contradictionLevels, `answers disagree: ${lowerFirst(stripStop(c.text))}${sides}`);
  }

  // Estimates compound: several heavy axes, or much of the weight, resting on estimates makes it low.
  const marked = unverifiedAxes(bank, answers);
  const heavy = marked.filter((a) => a.weight >= sc.estimatedWeightAt);
  const markedShare = weightShare(bank, marked.map((a) => a.id));
  const how = marked.some((a) => answers.certainty[a.id] === 'unknown') ? 'estimated or marked unsure, not verified' : 'estimated rather than verified';
  if (heavy.length >= sc.estimatedHeavyLow || (marked.length && markedShare >= sc.estimatedShareLow)) {
    const why: string[] = [];
    if (heavy.length >= sc.estimatedHeavyLow) why.push(`${numberWord(heavy.length)} heavy ${heavy.length > 1 ? 'axes' : 'axis'}`);
    why.push(`${percent(markedShare)} of the matrix weight`);
    const names = marked.map((a) => lowerFirst(a.title));
    capAt(0, `${list(names)} ${names.length > 1 ? 'are' : 'is'} ${how} (${why.join(', ')}), and estimates compound`);
  } else if (heavy.length) {
    const names = heavy.map((a) => lowerFirst(a.title));
    drop(1, `${list(names)} ${names.length > 1 ? 'are' : 'is'} ${how}, and weigh${names.length > 1 ? '' : 's'} heavily`);
  }

  // A disqualifier cleared on an estimate: the request itself might not qualify.
  if (f.recommendation !== 'not-yet-qualified') {
    const unconfirmed = f.disqualifiers.filter((d) => d.status === 'unconfirmed');
    if (unconfirmed.length) {
      const names = unconfirmed.map((d) => lowerFirst(d.title));
      drop(1, `${list(names)} ${names.length > 1 ? 'are' : 'is'} answered as not applying but not confirmed (estimated or unsure): the request might turn out not to be qualified`);
    }
  }

  const level = Math.max(0, cap - drops);
  const confidence = LEVELS[level]!;
  if (confidence === 'high') reasons.unshift('the answers are clear, mostly known, and the matrix and checklists agree');
  return {confidence, reasons};
}

// ---------------------------------------------------------------------------
// The "why": drivers, decisive answers, counter-evidence
// ---------------------------------------------------------------------------

/** One item of the "why": an axis answer, one ticked statement, or several statements of one checklist. */
interface Item {
  /** Axis id, signal id, or checklist id (several statements of one checklist as one item). */
  id: string;
  points: number;
  /** The item as a driver: one or more sentences. */
  driver: string;
  /** The item in a clause, for the counter-evidence line. */
  clause: string;
}

interface WhyFacts {
  parts: Contribution[];
  lean: Direction;
  total: number;
  recommendation: Recommendation;
  disqualifiers: DisqualifierResult[];
  unknowns: string[];
  unknownShare: number;
}

/** The most answers the "why" names as decisive, and the fewest when that many lean its way. */
const MAX_DECISIVE = 3;
const MIN_DECISIVE = 2;

function whyOf(bank: Bank, answers: Answers, f: WhyFacts): {drivers: string[]; decisive: string[]; counterEvidence?: string} {
  const threshold = bank.scoring.remediationAt;
  const sign = f.lean === 'remediation-sprint' ? 1 : -1;
  const toward = itemsOnSide(bank, answers, f.parts, sign);
  const against = itemsOnSide(bank, answers, f.parts, -sign);
  const againstPoints = round(sum(against.map((i) => i.points)));

  // The fewest answers toward the lean, strongest first, that carry the score to the lean's side of
  // the threshold against everything pulling the other way; at least two when two exist, at most three.
  let needed = 0;
  let running = againstPoints;
  while (needed < toward.length && leanOf(bank, round(running)) !== f.lean) running += toward[needed++]!.points;
  const count = Math.min(MAX_DECISIVE, Math.max(needed, Math.min(MIN_DECISIVE, toward.length)));
  const decisive = toward.slice(0, count);
  const carries = leanOf(bank, round(againstPoints + sum(decisive.map((i) => i.points)))) === f.lean;

  const drivers: string[] = [];
  for (const d of f.disqualifiers) if (d.applies) drivers.push(`Disqualifier: ${d.title.toLowerCase()}.`);
  const silent = f.parts.every((c) => c.points === 0);
  // Too little known (the verdict, or the gap behind a disqualified one): which axes, what share, the lean so far.
  if (f.unknownShare >= bank.scoring.insufficientEvidenceAt) {
    const names = bank.axes.filter((a) => f.unknowns.includes(a.id)).map((a) => lowerFirst(a.title));
    drivers.push(
      `Not known: ${list(names)}, ${percent(f.unknownShare)} of the matrix weight; at ${percent(bank.scoring.insufficientEvidenceAt)} or more the answers cannot decide.`,
    );
    drivers.push(
      silent
        ? `Nothing known so far leans either way (score 0 against a threshold of ${fmt(threshold)}).`
        : `The lean so far, on what is known: toward ${towardWords(f.lean)} (score ${signed(f.total)} against a threshold of ${fmt(threshold)}).`,
    );
  }
  // The score sits on the other side of zero from its lean (e.g. +3 under a threshold of 4): what decided
  // it is that the answers pulling the other way fall short of the threshold, so say that first.
  if (f.total * sign < 0) {
    const other = f.parts.filter((c) => c.points * sign < 0).sort((a, b) => a.points * sign - b.points * sign);
    const names = other.slice(0, 3).map((c) => `${c.kind === 'axis' ? `${lowerFirst(c.label)} at ${c.answer}` : `"${stripStop(c.label)}"`} (${signed(c.points)})`);
    const otherWay = sign > 0 ? 'managing in place' : 'a remediation sprint';
    drivers.push(
      sign > 0
        ? `The score (${signed(f.total)}) still reaches the threshold (${fmt(threshold)}) although ${list(names)} ${names.length > 1 ? 'lean' : 'leans'} toward ${otherWay}.`
        : `The score (${signed(f.total)}) falls short of the threshold for a remediation sprint (${fmt(threshold)}): ${list(names)} ${names.length > 1 ? 'lean' : 'leans'} toward ${otherWay}, but not far enough.`,
    );
  }
  for (const item of decisive) drivers.push(item.driver);
  if (!carries) {
    const rest = toward.slice(count);
    const restPoints = round(sum(rest.map((i) => i.points)));
    drivers.push(
      `These ${numberWord(count)} alone do not carry it against the ${signed(againstPoints)} points on the other side: ${numberWord(rest.length)} more ${rest.length > 1 ? 'answers' : 'answer'} toward ${towardWords(f.lean)} (${signed(restPoints)} points) take the score to ${signed(f.total)}, ${sign > 0 ? 'at or above' : 'under'} the threshold (${fmt(threshold)}).`,
    );
  }
  if (silent && f.unknownShare < bank.scoring.insufficientEvidenceAt) drivers.push(`No answer leans clearly either way; the ${f.recommendation === 'not-yet-qualified' ? 'lean' : 'verdict'} rests on the threshold alone.`);

  let counterEvidence: string | undefined;
  if (against.length && Math.abs(againstPoints) >= bank.scoring.counterEvidenceAt) {
    const [strongest] = against;
    counterEvidence = `Against it: ${strongest!.clause}${against.length > 1 ? `; in all, the answers on that side hold ${signed(againstPoints)} points` : ''}.`;
  }
  return {drivers, decisive: decisive.map((i) => i.id), ...(counterEvidence ? {counterEvidence} : {})};
}

/** The items leaning one way (sign +1: toward a sprint), strongest first; ties keep bank order, axes first. */
function itemsOnSide(bank: Bank, answers: Answers, parts: Contribution[], sign: number): Item[] {
  const items: Item[] = [];
  for (const axis of bank.axes) {
    const part = parts.find((c) => c.kind === 'axis' && c.id === axis.id)!;
    const value = answers.matrix[axis.id];
    if (part.points * sign > 0 && typeof value === 'number') items.push(axisItem(answers, axis, value, part.points));
  }
  for (const listId of SIGNAL_LISTS) {
    const all = bank.signals.filter((s) => s.list === listId);
    const ticked = all.filter((s) => (parts.find((c) => c.kind === 'signal' && c.id === s.id)?.points ?? 0) * sign > 0);
    if (ticked.length === 1) items.push(signalItem(answers, ticked[0]!, parts));
    else if (ticked.length > 1) items.push(checklistItem(answers, listId, all, ticked, parts));
  }
  return items.sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

/** An axis answer as a driver: a pole answer (1 or 5) may use the pole statement; a 2 or 4 leans. */
function axisItem(answers: Answers, axis: Axis, value: number, points: number): Item {
  const toSprint = points > 0;
  const pole = toSprint ? axis.remediationSprint : axis.manageInPlace;
  const atPole = toSprint ? value === 5 : value === 1;
  const head = `${axis.title} answered ${value} of 5 (${signed(points)} points)`;
  const body = atPole
    ? `${head}: ${sentence(lowerFirst(pole))}`
    : `${head}: leans toward the ${toSprint ? 'sprint' : 'manage-in-place'} end, without going as far as "${lowerFirst(stripStop(pole))}".`;
  return {id: axis.id, points, driver: body + evidenceOf(answers, axis.id, figureWords(axis, answers.baselines?.[axis.id])), clause: `${lowerFirst(axis.title)} answered ${value} of 5 (${signed(points)} points)`};
}

function signalItem(answers: Answers, signal: Signal, parts: Contribution[]): Item {
  const points = parts.find((c) => c.kind === 'signal' && c.id === signal.id)!.points;
  const note = answers.notes[signal.id]?.trim() ? signal.id : signal.list;
  return {
    id: signal.id,
    points,
    driver: `Statement ticked (${signed(points)} points): ${sentence(lowerFirst(signal.text))}` + evidenceOf(answers, note),
    clause: `"${stripStop(signal.text)}" is ticked (${signed(points)} points)`,
  };
}

function checklistItem(answers: Answers, listId: SignalList, all: Signal[], ticked: Signal[], parts: Contribution[]): Item {
  const points = round(sum(ticked.map((s) => parts.find((c) => c.kind === 'signal' && c.id === s.id)!.points)));
  const count = ticked.length === all.length ? `all ${numberWord(all.length)}` : `${ticked.length} of ${all.length}`;
  const name = `${listId === 'manage_in_place' ? 'manage-in-place' : 'remediation-sprint'} statements`;
  return {
    id: listId,
    points,
    driver: `${capitalise(count)} ${name} ticked (${signed(points)} points): ${ticked.map((s) => lowerFirst(stripStop(s.text))).join('; ')}.` + evidenceOf(answers, listId),
    clause: `${count} ${name} are ticked (${signed(points)} points)`,
  };
}

/** The figure given and the client's own note on a question, as sentences to follow a driver. */
function evidenceOf(answers: Answers, id: string, figure?: string): string {
  let out = figure ? ` Figure given: ${figure}.` : '';
  const note = answers.notes[id]?.trim();
  if (note) out += ` In their words: "${shorten(note)}"`;
  return out;
}

/** A baseline figure with the bank's unit: "14 failures in four weeks"; "6 days now against 2 six months ago". */
export function figureWords(axis: Axis, figure: Baseline | undefined): string | undefined {
  return axis.baseline && figure !== undefined ? describeFigure(axis.baseline, figure) : undefined;
}

function towardWords(direction: Direction): string {
  return direction === 'remediation-sprint' ? 'a remediation sprint' : 'managing in place';
}

/** Text without its closing full stop. */
function stripStop(text: string): string {
  return text.trim().replace(/\.$/, '');
}

/** Text ending as a sentence. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
