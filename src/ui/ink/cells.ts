/**
 * Terminal cell widths and wrapping, for the screens that scroll by line
 * (review, result) and must know exactly how many lines a text takes.
 * ANSI-aware: escape codes take no cells, and a style cut by a line break is
 * closed at the end of the line and reopened on the next.
 */

// CSI sequences (colours, cursor) and OSC sequences (hyperlinks).
const ANSI_PATTERN = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;
const ANSI_AT_START = /^(?:\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\))/;
const RESET = '\u001B[0m';

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

/** Cells one code point takes: 0 (combining, zero-width), 1, or 2 (wide: CJK, most emoji). */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  ) {
    return 0;
  }
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/** Cells a string takes on screen (escape codes excluded). */
export function cellWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

/**
 * Word-wrap plain text to a width: breaks at spaces, splits words longer
 * than the width, keeps the text's own line breaks. Never drops a character
 * other than the spaces a line break replaces.
 */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (cellWidth(paragraph) <= max) {
      out.push(paragraph);
      continue;
    }
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/(?<= )/)) {
      const bare = word.replace(/ +$/, '');
      const w = cellWidth(bare);
      if (lineWidth + w <= max) {
        line += word;
        lineWidth += cellWidth(word);
        continue;
      }
      if (line.trim()) out.push(line.replace(/ +$/, ''));
      line = '';
      lineWidth = 0;
      if (w <= max) {
        line = word;
        lineWidth = cellWidth(word);
        continue;
      }
      // A word longer than the whole line: split it.
      for (const piece of hardWrap(bare, max)) {
        if (lineWidth) out.push(line);
        line = piece;
        lineWidth = cellWidth(piece);
      }
      if (word.length > bare.length && lineWidth < max) {
        line += ' ';
        lineWidth += 1;
      }
    }
    out.push(line.replace(/ +$/, ''));
  }
  return out;
}

/** Split one line (which may hold ANSI styles) into pieces of at most `width` cells. */
export function hardWrap(line: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  if (cellWidth(line) <= max) return [line];
  const pieces: string[] = [];
  let active: string[] = [];
  let current = '';
  let used = 0;
  let rest = line;
  while (rest.length) {
    const escape = ANSI_AT_START.exec(rest);
    if (escape) {
      const code = escape[0];
      current += code;
      rest = rest.slice(code.length);
      if (code === RESET || code === '\u001B[m') active = [];
      else if (code.endsWith('m')) active.push(code);
      continue;
    }
    const ch = String.fromCodePoint(rest.codePointAt(0)!);
    rest = rest.slice(ch.length);
    const w = codePointWidth(ch.codePointAt(0)!);
    if (used + w > max) {
      pieces.push(active.length ? current + RESET : current);
      current = active.join('');
      used = 0;
    }
    current += ch;
    used += w;
  }
  pieces.push(current);
  return pieces;
}

const SGR_PATTERN = /\u001B\[[0-9;]*m/g;

/** The SGR styles still open at the end of a string, given those open at its start. */
function openStyles(text: string, active: string[]): string[] {
  let open = [...active];
  for (const code of text.match(SGR_PATTERN) ?? []) {
    if (code === RESET || code === '\u001B[m') open = [];
    else open.push(code);
  }
  return open;
}

/**
 * Word-wrap one line that may hold ANSI styles (a line of rendered
 * markdown). Continuation lines hang under the text of a list item; table
 * rows and words wider than the line are split by cells. Nothing is dropped.
 */
export function wrapStyled(line: string, width: number): string[] {
  const max = Math.max(1, Math.floor(width));
  if (cellWidth(line) <= max) return [line];
  const plain = stripAnsi(line);
  if (/^\s*[│┌├└┬┼┴┐┤┘─]/.test(plain)) return hardWrap(line, max);
  const lead = /^(\s*)((?:[*•-]|\d+\.)\s+)?/.exec(plain)![0].length;
  const hang = lead <= max / 2 ? lead : 0;
  const out: string[] = [];
  let active: string[] = [];
  let current = '';
  let used = 0;
  const flush = () => {
    out.push(current.replace(/ +((?:\u001B\[[0-9;]*m)*)$/, '$1') + (active.length ? RESET : ''));
    current = ' '.repeat(hang) + active.join('');
    used = hang;
  };
  for (const word of line.split(/(?<= )/)) {
    const w = cellWidth(word.replace(/ +$/, ''));
    if (used + w > max && used > hang) flush();
    if (used + w > max) {
      // Wider than a whole line: split by cells.
      const pieces = hardWrap(active.join('') + word, max - used);
      pieces.forEach((piece, i) => {
        if (i > 0) flush();
        current += piece;
        used += cellWidth(piece);
      });
      active = openStyles(word, active);
      continue;
    }
    current += word;
    used += cellWidth(word);
    active = openStyles(word, active);
  }
  if (stripAnsi(current).trim() || !out.length) out.push(current);
  return out;
}

/** Wrap every line of rendered markdown to a width. */
export function wrapStyledLines(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapStyled(line, width));
}
