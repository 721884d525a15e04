/**
 * What an interactive front end (the Ink wizard or the plain mode) is given
 * and what it hands back. Both front ends drive src/engine/interview.ts and
 * share these types, so src/ui/run-interactive.ts can run either one.
 */
import type {Answers, Bank} from '../engine/types.js';
import type {InterviewState} from '../engine/interview.js';

import type {ReportFormat} from '../report/report-types.js';

export type {ReportFormat};

export interface WizardContext {
  /** The question bank the interview asks. */
  bank: Bank;
  /** Where the interview starts (a fresh start, or a resumed draft). */
  initial: InterviewState;
  /**
   * Called after every change of answers, notes or position: the caller saves the draft.
   * Throws when the draft could not be saved, with a message for the user: the front end
   * shows it at once and goes on (every later change tries again).
   */
  onChange(state: InterviewState): void;
  /** The report for these answers, in one format. */
  renderReport(answers: Answers, format: ReportFormat): string;
  /** The default file name for a saved report, e.g. handoff-assessment-acme-ltd-2025-01-31.md. */
  defaultFileName(answers: Answers, format: ReportFormat): string;
  /** The folder report files are saved in by default. */
  cwd: string;
  /** Defaults to process.stdin. */
  stdin?: NodeJS.ReadStream;
  /** Defaults to process.stdout. */
  stdout?: NodeJS.WriteStream;
}

export type WizardOutcome =
  | {kind: 'done'; state: InterviewState; savedReports: string[]}
  | {kind: 'cancelled'; state: InterviewState};
