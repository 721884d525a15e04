/** Certainty marks and the evidence rule: clearing a disqualifier as verified asks for a note. */
import {describe, expect, it} from '@jest/globals';
import {
  describeCertainty,
  evidenceRequest,
  evidenceToAsk,
  lacksEvidence,
  missingEvidence,
  nextCertainty,
} from '../../src/engine/evidence.js';
import {setCertainty, setNote} from '../../src/engine/interview.js';
import {buildReportModel} from '../../src/engine/report-model.js';
import type {Answers, Certainty} from '../../src/engine/types.js';
import {profile, realBank} from './profiles.js';

const bank = realBank();

describe('nextCertainty: one key cycles the mark', () => {
  it('not marked → verified → estimated → unknown → not marked', () => {
    const seen: (Certainty | undefined)[] = [];
    let mark: Certainty | undefined;
    for (let i = 0; i < 5; i++) seen.push((mark = nextCertainty(mark)));
    expect(seen).toEqual(['verified', 'estimated', 'unknown', undefined, 'verified']);
  });
});

describe('clearing a disqualifier as verified asks for a note as evidence', () => {
  const cleared = profile({});
  const verified = setCertainty(cleared, 'no_budget_path', 'verified');

  it('a cleared disqualifier marked verified without a note lacks evidence', () => {
    expect(lacksEvidence(verified, 'no_budget_path')).toBe(true);
    expect(evidenceRequest(bank, verified, 'no_budget_path')).toEqual({
      id: 'no_budget_path',
      prompt: 'Verified that "No budget path" does not apply: note the evidence.',
      example: bank.disqualifiers.find((d) => d.id === 'no_budget_path')!.prepare,
    });
    expect(missingEvidence(bank, verified).map((d) => d.id)).toEqual(['no_budget_path']);
  });

  it('a blank note does not count as evidence', () => {
    expect(lacksEvidence(setNote(verified, 'no_budget_path', '   '), 'no_budget_path')).toBe(true);
  });

  it.each([
    ['a note is given', setNote(verified, 'no_budget_path', 'CFO approved a discovery budget on 3 March'), 'no_budget_path'],
    ['it is only estimated', setCertainty(cleared, 'no_budget_path', 'estimated'), 'no_budget_path'],
    ['it applies (answered yes)', {...verified, disqualifiers: {...verified.disqualifiers, no_budget_path: true}}, 'no_budget_path'],
    ['it is not answered yet', {...verified, disqualifiers: {}}, 'no_budget_path'],
    ['the question is not a disqualifier', setCertainty(profile({matrix: [4, 4, 4, 4, 4]}), 'failure_frequency', 'verified'), 'failure_frequency'],
  ] as [string, Answers, string][])('no evidence is asked for when %s', (_name, answers, id) => {
    expect(lacksEvidence(answers, id)).toBe(false);
    expect(evidenceRequest(bank, answers, id)).toBeUndefined();
  });

  it('asks only when this change made the evidence lacking: marking verified, or answering "no" once verified', () => {
    expect(evidenceToAsk(bank, cleared, verified, 'no_budget_path')?.id).toBe('no_budget_path');
    const markedFirst = setCertainty({...cleared, disqualifiers: {}}, 'no_budget_path', 'verified');
    expect(evidenceToAsk(bank, markedFirst, {...markedFirst, disqualifiers: {no_budget_path: false}}, 'no_budget_path')?.id).toBe('no_budget_path');
    // Declined once: answering "no" again, or another question's change, does not ask again.
    expect(evidenceToAsk(bank, verified, verified, 'no_budget_path')).toBeUndefined();
    expect(evidenceToAsk(bank, verified, setCertainty(verified, 'no_tradeoff_owner', 'estimated'), 'no_tradeoff_owner')).toBeUndefined();
    // Moving on from verified never asks.
    expect(evidenceToAsk(bank, verified, setCertainty(verified, 'no_budget_path', 'estimated'), 'no_budget_path')).toBeUndefined();
  });

  it('the review words the mark, and says when the evidence is missing', () => {
    expect(describeCertainty(cleared, 'no_budget_path')).toBeUndefined();
    expect(describeCertainty(verified, 'no_budget_path')).toBe('verified, no evidence noted');
    expect(describeCertainty(setNote(verified, 'no_budget_path', 'Budget line 4.2'), 'no_budget_path')).toBe('verified');
    expect(describeCertainty(setCertainty(cleared, 'failure_frequency', 'estimated'), 'failure_frequency')).toBe('estimated');
  });

  it('left without a note, the preparation list asks for the evidence; with one, it does not', () => {
    const prep = buildReportModel(bank, verified, '2026-01-31').preparation.filter((p) => p.reason === 'evidence');
    expect(prep).toEqual([
      {
        reason: 'evidence',
        title: 'Evidence for clearing: no budget path',
        detail: 'Marked verified as not applying, but no evidence was noted. Bring it: who signs off spend for discovery and for remediation, the rough range available, and when it could be approved.',
      },
    ]);
    const noted = setNote(verified, 'no_budget_path', 'CFO approved a discovery budget');
    expect(buildReportModel(bank, noted, '2026-01-31').preparation.filter((p) => p.reason === 'evidence')).toEqual([]);
  });
});
