/**
 * Certainty marks and the evidence they call for (issue 4). Pure: both front
 * ends ask these functions what to do and hold no rule of their own.
 *
 * The rule: clearing a disqualifier ("no, it does not apply") and marking
 * that answer `verified` asks for a note as evidence. Left without one, the
 * report's preparation list asks for the evidence.
 */
import {CERTAINTIES, type Answers, type Bank, type Certainty, type Disqualifier, type DisqualifierStatus} from './types.js';

/**
 * A disqualifier's status from its answer and its mark: answered as not applying but marked estimated or
 * unknown is `unconfirmed`, never `cleared` (issue 10, certainty everywhere). The one rule: the score,
 * the flips and the review all ask here.
 */
export function disqualifierStatus(answers: Answers, id: string): DisqualifierStatus {
  const value = answers.disqualifiers[id];
  if (value === true) return 'applies';
  if (value !== false) return 'not answered';
  const mark = answers.certainty[id];
  return mark === 'estimated' || mark === 'unknown' ? 'unconfirmed' : 'cleared';
}

/** Answered as not applying but not confirmed (see disqualifierStatus). */
export function isUnconfirmed(answers: Answers, id: string): boolean {
  return disqualifierStatus(answers, id) === 'unconfirmed';
}

/** The next mark in the one-key cycle: not marked → verified → estimated → unknown → not marked. */
export function nextCertainty(current: Certainty | undefined): Certainty | undefined {
  if (!current) return CERTAINTIES[0];
  return CERTAINTIES[CERTAINTIES.indexOf(current) + 1];
}

/** A disqualifier answered "no" and marked verified, with no note to show for it. */
export function lacksEvidence(answers: Answers, id: string): boolean {
  return answers.disqualifiers[id] === false && answers.certainty[id] === 'verified' && !answers.notes[id]?.trim();
}

/** Every disqualifier cleared as verified without a note, in bank order. */
export function missingEvidence(bank: Bank, answers: Answers): Disqualifier[] {
  return bank.disqualifiers.filter((d) => lacksEvidence(answers, d.id));
}

/** What a front end asks for when a cleared disqualifier is marked verified. */
export interface EvidenceRequest {
  /** The question id the note belongs to. */
  id: string;
  /** The question put to the user, e.g. 'Verified that "No budget path" does not apply: what shows it?'. */
  prompt: string;
  /** What such evidence looks like (the bank's `prepare` text), for a placeholder or a hint. */
  example: string;
}

/** The evidence these answers call for on one question, if any. */
export function evidenceRequest(bank: Bank, answers: Answers, id: string): EvidenceRequest | undefined {
  const d = bank.disqualifiers.find((x) => x.id === id);
  if (!d || !lacksEvidence(answers, id)) return undefined;
  return {id, prompt: `Verified that "${d.title}" does not apply: note the evidence.`, example: d.prepare};
}

/**
 * Should a front end ask for evidence now? Only when this change (an answer
 * or a certainty mark on question `id`) is what made the evidence lacking, so
 * a user who declined once is not asked again at every visit.
 */
export function evidenceToAsk(bank: Bank, before: Answers, after: Answers, id: string): EvidenceRequest | undefined {
  if (evidenceRequest(bank, before, id)) return undefined;
  return evidenceRequest(bank, after, id);
}

/** A certainty mark in words for the review, e.g. "verified" or "verified, no evidence noted"; undefined when not marked. */
export function describeCertainty(answers: Answers, id: string): string | undefined {
  const mark = answers.certainty[id];
  if (!mark) return undefined;
  return lacksEvidence(answers, id) ? `${mark}, no evidence noted` : mark;
}
