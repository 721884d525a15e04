/**
 * A one-line text field as data: the value and the cursor (in code points,
 * the count every limit uses). The cursor moves and deletes by what a reader
 * sees as one character (a grapheme: 👍🏽 or 👨‍👩‍👧 is one, never split).
 * Pure: a key in, a new buffer out. The wizard's reducer owns the buffer, so
 * no keystroke is lost to a stale closure.
 */
import type {Key} from 'ink';
import {stripControlsOnOneLine} from '../../report/escape.js';
import {graphemes} from './cells.js';

export interface TextBuffer {
  value: string;
  /** Cursor position in code points, 0..length. */
  cursor: number;
}

export function textBuffer(value = ''): TextBuffer {
  return {value, cursor: [...value].length};
}

/** Where each grapheme of `value` starts, in code points, and its end: [0, ..., length]. */
function boundaries(value: string): number[] {
  const at = [0];
  for (const grapheme of graphemes(value)) at.push(at.at(-1)! + [...grapheme].length);
  return at;
}

/** The grapheme boundary before `at` (or 0), and the one after it (or the end). */
export function graphemeAround(value: string, at: number): {previous: number; next: number} {
  const all = boundaries(value);
  return {previous: [...all].reverse().find((b) => b < at) ?? 0, next: all.find((b) => b > at) ?? all.at(-1)!};
}

/** Printable text from a key or a paste: escape sequences and control characters dropped, line breaks and tabs become spaces. */
export const printable = stripControlsOnOneLine;

/**
 * Apply an editing key. Returns the new buffer, or undefined when the key is
 * not an editing key (enter, escape, arrows up and down, ...), so the caller
 * can treat it as a command.
 */
export function editText(buffer: TextBuffer, input: string, key: Key, maxLength = Infinity): TextBuffer | undefined {
  const chars = [...buffer.value];
  const at = Math.min(Math.max(0, buffer.cursor), chars.length);
  const make = (next: string[], cursor: number): TextBuffer => ({value: next.join(''), cursor: Math.min(Math.max(0, cursor), next.length)});

  const {previous, next} = graphemeAround(buffer.value, at);
  if (key.leftArrow) return make(chars, previous);
  if (key.rightArrow) return make(chars, next);
  if (key.home || (key.ctrl && input === 'a')) return make(chars, 0);
  if (key.end || (key.ctrl && input === 'e')) return make(chars, chars.length);
  // Most terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) {
    if (at === 0) return buffer;
    return make([...chars.slice(0, previous), ...chars.slice(at)], previous);
  }
  if (key.ctrl && input === 'd') return make([...chars.slice(0, at), ...chars.slice(next)], at);
  if (key.ctrl && input === 'u') return make(chars.slice(at), 0);
  if (key.ctrl && input === 'k') return make(chars.slice(0, at), at);
  if (key.ctrl && input === 'w') {
    let start = at;
    while (start > 0 && chars[start - 1] === ' ') start--;
    while (start > 0 && chars[start - 1] !== ' ') start--;
    return make([...chars.slice(0, start), ...chars.slice(at)], start);
  }
  if (key.ctrl || key.meta || key.return || key.escape || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
  const text = [...printable(input)];
  if (!text.length) return undefined;
  const room = Math.max(0, maxLength - chars.length);
  const inserted = text.slice(0, room);
  return make([...chars.slice(0, at), ...inserted, ...chars.slice(at)], at + inserted.length);
}
