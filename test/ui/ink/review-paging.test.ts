/** Paging through the review at any width shows every row: a page ends on the last row that fits with the highlighted one. */
import {describe, expect, it} from '@jest/globals';
import {loadBankDir} from '../../../src/bank/load-bank.js';
import {emptyAnswers, type Answers} from '../../../src/engine/types.js';
import {buildReviewRows, reviewPage, rowsThatFit, windowTop} from '../../../src/ui/ink/review-rows.js';

const bank = loadBankDir().bank!;
const answers: Answers = {
  ...emptyAnswers(),
  context: {organisation: 'Acme Ltd', assessor: '', role: 'founder', workflow: 'Order to cash across three tools', systems: ['Shopify', 'NetSuite', 'HubSpot', 'Gmail']},
  matrix: {failure_frequency: 4, reconciliation_load: 5, exception_visibility: 'unknown', lead_time_impact: 4, operational_confidence: 2},
  signals: {manage_in_place: ['clear_ownership'], remediation_sprint: ['recurring_sync_failures', 'fragmented_status']},
  disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
  notes: {failure_frequency: 'Fourteen failed syncs in four weeks, two of them on month end', no_tradeoff_owner: 'The COO signs off on cross-team changes'},
  certainty: {failure_frequency: 'verified', no_tradeoff_owner: 'verified'},
};

/** The rows on screen when the window starts at `top`. */
const shownFrom = (rows: ReturnType<typeof buildReviewRows>, top: number, lines: number) => Array.from({length: rowsThatFit(rows, top, lines)}, (_, i) => top + i);

describe('review paging', () => {
  for (const [width, lines] of [
    [40, 8],
    [40, 5],
    [100, 20],
  ] as const) {
    it(`pgdn from the top at ${width} columns and ${lines} lines shows every row, in order`, () => {
      const rows = buildReviewRows(bank, answers, width, '✎');
      let cursor = 0;
      let top = 0;
      const seen = new Set(shownFrom(rows, top, lines));
      while (cursor < rows.length - 1) {
        cursor = Math.min(rows.length - 1, cursor + reviewPage(rows, cursor, lines));
        top = windowTop(rows, cursor, top, lines);
        for (const r of shownFrom(rows, top, lines)) seen.add(r);
      }
      expect([...seen].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
    });
  }
});
