/**
 * Terminal cell widths and wrapping, for the screens that scroll by line
 * (review, result) and must know exactly how many lines a text takes.
 *
 * Widths come from string-width, the measure Ink lays its boxes out with, one
 * grapheme (user-perceived character: 👍🏽, 👨‍👩‍👧, e + U+0301) at a time, so
 * a line break never falls inside one. wrap-ansi is not used: it splits
 * graphemes at a hard break and measures with an older string-width.
 *
 * ANSI-aware: escape codes take no cells, and a style cut by a line break is
 * closed at the end of the line and reopened on the next.
 */
import stringWidth from 'string-width';
import {stripControls, TERMINAL_SEQUENCE} from '../../report/escape.js';

const RESET = '\u001B[0m';
const graphemeSegmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
/** Splits a string into text and escape sequences; the sequences land at odd indices. */
const SEQUENCE_SPLIT = new RegExp(`(${TERMINAL_SEQUENCE.source})`);

/** Cells a string takes on screen (escape codes excluded), as Ink measures it. */
export function cellWidth(text: string): number {
  return stringWidth(text);
}

/** The graphemes of a string: what a terminal draws as one character. */
export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** SGR parameters that end a style, and the parameters of the styles each one ends. */
const ENDS: Record<string, RegExp> = {
  '22': /^(1|2)$/,
  '23': /^3$/,
  '24': /^4$/,
  '27': /^7$/,
  '29': /^9$/,
  '39': /^(3[0-8]|9[0-7])(;|$)/,
  '49': /^(4[0-8]|10[0-7])(;|$)/,
};

/** The SGR styles open after `code` (one escape sequence), given those open before it. */
function applySequence(active: string[], code: string): string[] {
  const sgr = /^\u001B\[([0-9;]*)m$/.exec(code);
  if (!sgr) return active;
  const params = sgr[1]!;
  if (params === '' || params === '0') return [];
  const ends = ENDS[params];
  if (ends) return active.filter((open) => !ends.test(/^\u001B\[([0-9;]*)m$/.exec(open)![1]!));
  return [...active, code];
}

/** The SGR styles still open at the end of a string, given those open at its start. */
function openStyles(text: string, active: string[]): string[] {
  return text.split(SEQUENCE_SPLIT).reduce((open, part, i) => (i % 2 ? applySequence(open, part) : open), active);
}

/**
 * Split one line (which may hold ANSI styles) into pieces of at most `width`
 * cells (the first piece: `firstWidth`), between graphemes. A grapheme wider
 * than the whole width (an emoji at width 1) gets a piece of its own: nothing is dropped.
 */
export function hardWrap(line: string, width: number, firstWidth = width): string[] {
  const max = Math.max(1, Math.floor(width));
  const first = Math.max(1, Math.floor(firstWidth));
  if (cellWidth(line) <= first) return [line];
  const pieces: string[] = [];
  let active: string[] = [];
  let current = '';
  let used = 0;
  line.split(SEQUENCE_SPLIT).forEach((part, i) => {
    if (i % 2) {
      current += part;
      active = applySequence(active, part);
      return;
    }
    for (const grapheme of graphemes(part)) {
      const w = cellWidth(grapheme);
      const limit = pieces.length ? max : first;
      // A grapheme wider than the short first piece goes to the next piece, leaving the first one empty.
      if (used + w > limit && (used > 0 || limit < max)) {
        pieces.push(active.length ? current + RESET : current);
        current = active.join('');
        used = 0;
      }
      current += grapheme;
      used += w;
    }
  });
  pieces.push(current);
  return pieces;
}

/**
 * Word-wrap one line that may hold ANSI styles: breaks at spaces, splits words
 * wider than the line between graphemes, and indents continuation lines by
 * `hang` cells. By default the hang is the line's own indent and list marker
 * ("    * ", "  1. "), so a wrapped list item stays under its text. Nothing is
 * dropped but the spaces a line break replaces.
 */
export function wrapStyled(line: string, width: number, hang?: number): string[] {
  const max = Math.max(1, Math.floor(width));
  if (cellWidth(line) <= max) return [line];
  const plain = stripControls(line);
  if (/^\s*[│┌├└┬┼┴┐┤┘─]/.test(plain)) return hardWrap(line, max);
  const lead = hang ?? /^(\s*)((?:[*•-]|\d+\.)\s+)?/.exec(plain)![0].length;
  const indent = lead <= max / 2 ? lead : 0;
  const out: string[] = [];
  let active: string[] = [];
  let current = '';
  let used = 0;
  // Spaces before a line break (and before the styles that close at it) go: they would only widen the line.
  const trimEnd = (text: string) => text.replace(/ +((?:\u001B\[[0-9;]*m)*)$/, '$1');
  const flush = () => {
    out.push(trimEnd(current) + (active.length ? RESET : ''));
    current = ' '.repeat(indent) + active.join('');
    used = indent;
  };
  for (const word of line.split(/(?<= )/)) {
    const w = cellWidth(word.replace(/ +$/, ''));
    // A new line for a word that fits on one, or when this one is full.
    if (used + w > max && used > indent && (w <= max - indent || used >= max)) flush();
    if (used + w <= max) {
      current += word;
      used += cellWidth(word);
    } else {
      // Wider than any line: split between graphemes, starting where the line is.
      hardWrap(active.join('') + word, max - indent, max - used).forEach((piece, i) => {
        if (i > 0) flush();
        current += piece;
        used += cellWidth(piece);
      });
    }
    active = openStyles(word, active);
  }
  if (stripControls(current).trim() || !out.length) out.push(trimEnd(current));
  return out;
}

/**
 * Word-wrap plain text to a width: breaks at spaces, splits words longer
 * than the width, keeps the text's own line breaks. Never drops a character
 * other than the spaces a line break replaces.
 */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapStyled(paragraph, width, 0));
}
