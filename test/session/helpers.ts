/**
 * A session for tests: the real session and runner, with a report renderer
 * and a draft store of the test's own (every draft save recorded), and report
 * files written for real in `cwd`.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startInterview, type InterviewState} from '../../src/engine/interview.js';
import type {Answers, Bank} from '../../src/engine/types.js';
import type {ReportFormat} from '../../src/report/report-types.js';
import {createSession, type Session, type SessionServices} from '../../src/session/runner.js';
import {writeReportFile} from '../../src/session/services.js';

/** How a session ended, as the tests read it. */
export type Outcome = {kind: 'done'; state: InterviewState; savedReports: string[]} | {kind: 'cancelled'; state: InterviewState};

export interface TestSessionOptions {
  bank: Bank;
  initial?: InterviewState;
  cwd?: string;
  /** The report date; it names the files offered. Default 2025-01-31. */
  date?: string;
  renderReport?: SessionServices['renderReport'];
  /** Replaces the draft store: throw to make a draft save fail. */
  saveDraft?: SessionServices['saveDraft'];
  /** A second respondent's session (issue 14): where its context came from. */
  respondentOf?: {from: string};
}

export interface TestSession {
  session: Session;
  /** Every interview state a draft was saved with, in order. */
  changes: InterviewState[];
  cwd: string;
  /** How the session ended, once it has. */
  outcome(): Outcome | undefined;
}

/** A simple report: markdown lists the answers and notes, so tests can see what reached it. */
export function fakeReport(answers: Answers, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(answers);
  const notes = Object.entries(answers.notes).map(([id, note]) => `- note on ${id}: ${note}`);
  const body = `# Report for ${answers.context.organisation ?? '?'}\n\nMatrix: ${JSON.stringify(answers.matrix)}\n\n${notes.join('\n')}\n`;
  return format === 'html' ? `<html><body><pre>${body}</pre></body></html>` : body;
}

export function testSession(options: TestSessionOptions): TestSession {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'ha-session-'));
  const changes: InterviewState[] = [];
  const session = createSession({bank: options.bank, date: options.date ?? '2025-01-31', cwd, respondentOf: options.respondentOf}, options.initial ?? startInterview(options.bank), {
    saveDraft: (interview) => {
      changes.push(interview);
      options.saveDraft?.(interview);
    },
    renderReport: options.renderReport ?? fakeReport,
    writeReport: writeReportFile,
  });
  return {session, changes, cwd, outcome: () => outcomeOf(session)};
}

export function outcomeOf(session: Session): Outcome | undefined {
  const {stage, interview, saved} = session.state;
  if (stage === 'finished') return {kind: 'done', state: interview, savedReports: [...saved]};
  if (stage === 'cancelled') return {kind: 'cancelled', state: interview};
  return undefined;
}
