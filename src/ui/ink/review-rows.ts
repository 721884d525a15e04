/**
 * The review screen's rows as lines of text, wrapped to the terminal, so the
 * screen can scroll by whole rows and know exactly what fits. The answers in
 * words come from the engine (reviewRows, describeAnswer).
 */
import {figureOf} from '../../engine/baseline.js';
import {describeCertainty} from '../../engine/evidence.js';
import {reviewContradictions, reviewRows, SECTION_TITLES} from '../../engine/interview.js';
import type {Answers, Bank} from '../../engine/types.js';
import {wrapText} from './cells.js';

export type Tone = 'heading' | 'label' | 'answer' | 'note' | 'missing' | 'action' | 'muted';

export interface Segment {
  text: string;
  tone: Tone;
}

export type Line = Segment[];

export interface ReviewRow {
  /** The question id; undefined for the closing "see the result" row and the answers that disagree. */
  id?: string;
  /** An answer that disagrees: the question enter opens to revisit it. */
  revisit?: string;
  /** Lines above the row that belong to it (a section heading). */
  heading: Line[];
  /** The row itself; its first line carries the pointer. */
  body: Line[];
}

/** The heading above the answers that disagree. */
export const DISAGREE_TITLE = 'Answers that disagree';

/** The pointer column every body line starts after. */
export const GUTTER = 2;

export function buildReviewRows(bank: Bank, answers: Answers, width: number, noteSymbol: string): ReviewRow[] {
  const inner = Math.max(8, width - GUTTER);
  const wide = inner >= 50;
  const labelWidth = wide ? Math.min(28, Math.floor(inner * 0.36)) : inner;
  const answerWidth = wide ? inner - labelWidth : inner - 2;
  const answerIndent = wide ? labelWidth : 2;
  const out: ReviewRow[] = [];
  let section: string | undefined;

  for (const row of reviewRows(bank, answers)) {
    const heading: Line[] = [];
    if (row.step.section !== section) {
      section = row.step.section;
      heading.push(...wrapText(SECTION_TITLES[row.step.section], width).map((t) => [{text: t, tone: 'heading' as const}]));
    }
    const sure = describeCertainty(answers, row.step.id);
    const figure = figureOf(bank, answers, row.step.id);
    const answerText = `${row.step.kind === 'multi' ? row.answer.replace(/_/g, ' ') : row.answer}${figure ? ` · ${figure}` : ''}${sure ? ` (${sure})` : ''}`;
    const labelLines = wrapText(row.step.label, wide ? labelWidth - 1 : labelWidth);
    const answerLines = wrapText(answerText, answerWidth);
    const tone: Tone = row.answered ? 'answer' : 'missing';
    const body: Line[] = [];
    if (wide) {
      const height = Math.max(labelLines.length, answerLines.length);
      for (let i = 0; i < height; i++) {
        body.push([
          {text: (labelLines[i] ?? '').padEnd(labelWidth), tone: 'label'},
          {text: answerLines[i] ?? '', tone},
        ]);
      }
    } else {
      body.push(...labelLines.map((t): Line => [{text: t, tone: 'label'}]));
      body.push(...answerLines.map((t): Line => [{text: ' '.repeat(answerIndent) + t, tone}]));
    }
    if (row.note) {
      const noteLines = wrapText(`${noteSymbol} ${row.note}`, inner - answerIndent);
      body.push(...noteLines.map((t): Line => [{text: ' '.repeat(answerIndent) + t, tone: 'note'}]));
    }
    out.push({id: row.step.id, heading, body});
  }

  // The answers that disagree, between the answers and the result: enter on one opens its first question.
  reviewContradictions(bank, answers).forEach(({contradiction, revisit}, i) => {
    const heading: Line[] = i === 0 ? [[{text: '', tone: 'muted'}], ...wrapText(DISAGREE_TITLE, width).map((t): Line => [{text: t, tone: 'heading'}])] : [];
    const body: Line[] = [
      ...wrapText(contradiction.text, inner).map((t): Line => [{text: t, tone: 'missing'}]),
      ...wrapText(`Revisit: ${revisit.label}`, inner - 2).map((t): Line => [{text: `  ${t}`, tone: 'note'}]),
    ];
    out.push({revisit: revisit.id, heading, body});
  });

  const missing = reviewRows(bank, answers).filter((r) => !r.answered).length;
  const finish: Line[] = wrapText('See the result →', inner).map((t) => [{text: t, tone: 'action'}]);
  if (missing) finish.push(...wrapText(`${missing} ${missing === 1 ? 'question is' : 'questions are'} not answered yet.`, inner).map((t): Line => [{text: t, tone: 'missing'}]));
  out.push({heading: [[{text: '', tone: 'muted'}]], body: finish});
  return out;
}

export function rowHeight(row: ReviewRow): number {
  return row.heading.length + row.body.length;
}

/**
 * The first row to show so that the cursor's row is visible, moving the
 * window as little as possible from where it was (`top`).
 */
export function windowTop(rows: ReviewRow[], cursor: number, top: number, height: number): number {
  let start = Math.min(Math.max(0, top), cursor);
  const span = (from: number) => rows.slice(from, cursor + 1).reduce((n, r) => n + rowHeight(r), 0);
  while (start < cursor && span(start) > height) start++;
  return start;
}

/** How many rows, from `from` on, fit in `lines` lines together (at least one). */
export function rowsThatFit(rows: ReviewRow[], from: number, lines: number): number {
  let used = 0;
  let n = 0;
  for (let r = Math.max(0, from); r < rows.length; r++) {
    used += rowHeight(rows[r]!);
    if (used > lines) break;
    n++;
  }
  return Math.max(1, n);
}

/**
 * How far a page key moves the highlight: to the last row that fits on one
 * screen together with the highlighted one, so the window scrolls by whole
 * rows and every row is shown on the way, however tall (at least one row).
 */
export function reviewPage(rows: ReviewRow[], cursor: number, lines: number): number {
  return Math.max(1, rowsThatFit(rows, cursor, lines) - 1);
}
