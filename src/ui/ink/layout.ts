/**
 * Sizes the screens agree on: how wide the content is, whether to stack
 * the poles, and how the key hints pack into footer lines.
 */
import {cellWidth} from './cells.js';

/** Below this width the scale's poles are stacked and the scale is drawn on one line. */
export const NARROW_BELOW = 60;
/** Below this height blank spacer lines are dropped. */
export const SHORT_BELOW = 22;

/**
 * The smallest terminal the wizard draws in (the size test/hardening/no-terminal.test.ts
 * runs an interview at); below it, one line asks for a bigger window.
 */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

/** What to show instead of the wizard on a terminal smaller than MIN_COLUMNS x MIN_ROWS; undefined when it fits. */
export function tooSmall(columns: number, rows: number): string | undefined {
  if (columns >= MIN_COLUMNS && rows >= MIN_ROWS) return undefined;
  return `Make the window at least ${MIN_COLUMNS} x ${MIN_ROWS} (it is ${columns} x ${rows}).`;
}

export interface Frame {
  columns: number;
  rows: number;
  /** Columns of padding each side. */
  padding: number;
  /** Columns available to content. */
  width: number;
  narrow: boolean;
  short: boolean;
}

export function frameOf(columns: number, rows: number): Frame {
  const padding = columns >= NARROW_BELOW ? 1 : 0;
  return {columns, rows, padding, width: Math.max(10, columns - padding * 2), narrow: columns < NARROW_BELOW, short: rows < SHORT_BELOW};
}

export interface Hint {
  keys: string;
  hint: string;
}

export const HINT_SEPARATOR = '  ';

/** Pack hints into lines of at most `width` cells, never splitting one hint. */
export function packHints(hints: Hint[], width: number): Hint[][] {
  const lines: Hint[][] = [];
  let line: Hint[] = [];
  let used = 0;
  for (const h of hints) {
    const w = cellWidth(`${h.keys} ${h.hint}`);
    const extra = line.length ? HINT_SEPARATOR.length + w : w;
    if (line.length && used + extra > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += line.length ? HINT_SEPARATOR.length + w : w;
    line.push(h);
  }
  if (line.length) lines.push(line);
  return lines;
}
