/**
 * Scoring: answers in, verdict out. Every number comes from the bank.
 *
 * The score is a weighted sum. Each axis adds `scalePoints[answer] × weight`
 * (an unknown answer adds nothing); each observed remediation signal adds its
 * weight and each observed manage-in-place signal subtracts its weight. A
 * score at or above `remediationAt` leans toward a remediation sprint.
 */
import {findFlips} from './flips.js';
import {fmt, list, signed} from './phrases.js';
import {contributions, leanOf, round} from './points.js';
import {contradictions} from './consistency.js';
import type {Answers, Axis, Bank, Confidence, Contribution, Direction, DisqualifierResult, DisqualifierStatus, Recommendation, Result} from './types.js';

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
    const mark = answers.certainty[d.id];
    const status: DisqualifierStatus = value === true ? 'applies' : value === false ? (mark === 'estimated' || mark === 'unknown' ? 'unconfirmed' : 'cleared') : 'not answered';
    return {id: d.id, title: d.title, applies: typeof value === 'boolean' ? value : null, status, resolves: d.resolves};
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
  const blocked = disqualifiers.some((d) => d.applies === true);
  const unknowns = bank.axes.filter((a) => typeof answers.matrix[a.id] !== 'number').map((a) => a.id);
  const unknownShare = shareOf(bank, unknowns);
  const recommendation: Recommendation = blocked ? 'not-yet-qualified' : unknownShare >= bank.scoring.insufficientEvidenceAt ? 'insufficient-evidence' : lean;
  const {confidence, reasons} = confidenceOf(bank, answers, total, matrixScore, signalScore, unknowns);

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
    drivers: driversOf(bank, parts, lean, disqualifiers, total),
    flips: findFlips(bank, answers),
    disqualifiers,
    unknowns,
    unknownShare,
    contradictions: contradictions(bank, answers),
    // Placeholder until the selective "why" lands: the strongest answers toward the lean.
    decisive: parts.filter((c) => c.points * (lean === 'remediation-sprint' ? 1 : -1) > 0).sort((a, b) => Math.abs(b.points) - Math.abs(a.points)).slice(0, 3).map((c) => c.id),
  };
}

/** The share (0..1) of the matrix weight held by these axes. */
export function shareOf(bank: Bank, axisIds: string[]): number {
  const total = sum(bank.axes.map((a) => a.weight));
  return total ? round(sum(bank.axes.filter((a) => axisIds.includes(a.id)).map((a) => a.weight)) / total) : 0;
}

function confidenceOf(
  bank: Bank,
  answers: Answers,
  total: number,
  matrixScore: number,
  signalScore: number,
  unknowns: string[],
): {confidence: Confidence; reasons: string[]} {
  const sc = bank.scoring;
  let level = 2;
  const reasons: string[] = [];
  const lower = (to: number, reason: string) => {
    level = Math.min(level, to);
    reasons.push(reason);
  };

  const distance = Math.abs(total - sc.remediationAt);
  if (distance < sc.nearThreshold) {
    lower(1, `the score (${fmt(total)}) sits within ${fmt(sc.nearThreshold)} points of the threshold (${fmt(sc.remediationAt)}), so a small change in any answer could tip it`);
  }

  const totalWeight = sum(bank.axes.map((a) => a.weight));
  const unknownWeight = sum(bank.axes.filter((a) => unknowns.includes(a.id)).map((a) => a.weight));
  const share = totalWeight ? unknownWeight / totalWeight : 0;
  if (unknowns.length) {
    const names = bank.axes.filter((a) => unknowns.includes(a.id)).map((a) => a.title.toLowerCase());
    const what = `${list(names)} ${names.length > 1 ? 'are' : 'is'} not known (${Math.round(share * 100)}% of the matrix weight)`;
    if (share >= sc.unknownShareLow) lower(0, what);
    else if (share >= sc.unknownShareMedium) lower(level - 1, what);
    else reasons.push(`${what}; too little to change the confidence on its own`);
  }

  // The matrix leans by the sign of its points, the checklists by the sign of theirs.
  if (
    Math.sign(matrixScore) * Math.sign(signalScore) < 0 &&
    Math.abs(matrixScore) >= sc.disagreementPoints &&
    Math.abs(signalScore) >= sc.disagreementPoints
  ) {
    lower(level - 1, `the matrix leans ${matrixScore > 0 ? 'toward a remediation sprint' : 'toward managing in place'} (${signed(matrixScore)} points) while the signal checklists lean the other way (${signed(signalScore)} points)`);
  }

  const estimated = unverifiedHeavyAxes(bank, answers);
  if (estimated.length) {
    lower(level - 1, `${list(estimated.map((a) => a.title.toLowerCase()))} ${estimated.length > 1 ? 'are' : 'is'} estimated rather than verified, and weigh${estimated.length > 1 ? '' : 's'} heavily`);
  }

  const confidence = LEVELS[Math.max(0, level)]!;
  if (confidence === 'high') reasons.unshift('the answers are clear, mostly known, and the matrix and checklists agree');
  return {confidence, reasons};
}

function driversOf(bank: Bank, parts: Contribution[], lean: Direction, disqualifiers: DisqualifierResult[], total: number): string[] {
  const drivers: string[] = [];
  for (const d of disqualifiers) if (d.applies) drivers.push(`Disqualifier: ${d.title.toLowerCase()}.`);
  const sign = lean === 'remediation-sprint' ? 1 : -1;
  const toward = parts.filter((c) => c.points * sign > 0).sort((a, b) => b.points * sign - a.points * sign);
  // The score sits on the other side of zero from its lean (e.g. +3 under a threshold of 4): what decided
  // it is that the answers pulling the other way fall short of the threshold, so say that first.
  if (total * sign < 0) {
    const against = parts.filter((c) => c.points * sign < 0).sort((a, b) => a.points * sign - b.points * sign);
    const names = against.slice(0, 3).map((c) => `${c.kind === 'axis' ? `${c.label.toLowerCase()} at ${c.answer}` : `"${c.label.replace(/\.$/, '')}"`} (${signed(c.points)})`);
    const other = sign > 0 ? 'managing in place' : 'a remediation sprint';
    drivers.push(
      sign > 0
        ? `The score (${signed(total)}) still reaches the threshold (${fmt(bank.scoring.remediationAt)}) although ${list(names)} ${names.length > 1 ? 'lean' : 'leans'} toward ${other}.`
        : `The score (${signed(total)}) falls short of the threshold for a remediation sprint (${fmt(bank.scoring.remediationAt)}): ${list(names)} ${names.length > 1 ? 'lean' : 'leans'} toward ${other}, but not far enough.`,
    );
  }
  for (const c of toward.slice(0, 4)) {
    if (c.kind === 'axis') {
      const axis = bank.axes.find((a) => a.id === c.id)!;
      const pole = sign > 0 ? axis.remediationSprint : axis.manageInPlace;
      drivers.push(`${axis.title} answered ${c.answer} (${signed(c.points)} points): ${lowerFirst(pole)}`);
    } else {
      drivers.push(`Signal observed (${signed(c.points)} points): ${lowerFirst(c.label)}`);
    }
  }
  if (parts.every((c) => c.points === 0)) drivers.push('No answer leans clearly either way; the verdict rests on the threshold alone.');
  return drivers;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
