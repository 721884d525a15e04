import {describe, expect, it} from '@jest/globals';
import stringWidth from 'string-width';
import {stripControls} from '../../../src/report/escape.js';
import {cellWidth, hardWrap, wrapStyled, wrapText} from '../../../src/ui/ink/cells.js';

describe('cells', () => {
  it('measures wide and zero-width characters and ignores escape codes', () => {
    expect(cellWidth('abc')).toBe(3);
    expect(cellWidth('日本')).toBe(4);
    expect(cellWidth('e\u0301')).toBe(1);
    expect(cellWidth('\u001B[1mbold\u001B[22m')).toBe(4);
  });

  it('measures every code point to U+1FFFF as string-width (what Ink lays out with) does', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (cellWidth(ch) !== stringWidth(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    expect(['🚀', '✅', '☕', '⚠️', '👍🏽', '👨‍👩‍👧', '🇬🇧'].map(cellWidth)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it('wraps a note of 70 ✅ and a word without losing any of it, never inside an emoji', () => {
    const note = `${'✅'.repeat(70)} done`;
    for (const width of [1, 2, 3, 7, 40, 100]) {
      const lines = wrapText(note, width);
      expect(lines.join('').replace(/ /g, '')).toBe(note.replace(/ /g, ''));
      expect(lines.every((l) => cellWidth(l) <= Math.max(width, 2))).toBe(true);
    }
    expect(wrapText('a👨‍👩‍👧b👍🏽c', 3)).toEqual(['a👨‍👩‍👧', 'b👍🏽', 'c']);
  });

  it('word-wraps without losing text and splits words longer than a line', () => {
    const text = 'Failures come back every week and set off escalations';
    const lines = wrapText(text, 20);
    expect(lines.every((l) => cellWidth(l) <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrapText('one\ntwo', 10)).toEqual(['one', 'two']);
  });

  it('starts a word longer than any line where the line is, and never overflows', () => {
    expect(wrapText('Matrix: {"failure_frequency":4}', 16)).toEqual(['Matrix: {"failur', 'e_frequency":4}']);
    expect(wrapText('ab 👍🏽👍🏽👍🏽', 4)).toEqual(['ab', '👍🏽👍🏽', '👍🏽']);
    expect(wrapText('abc 👍🏽👍🏽👍🏽', 4)).toEqual(['abc', '👍🏽👍🏽', '👍🏽']);
  });

  it('hard-wraps styled text, closing and reopening the style across the break', () => {
    const pieces = hardWrap('\u001B[31mabcdef\u001B[39m', 4);
    expect(pieces.map(stripControls)).toEqual(['abcd', 'ef']);
    expect(pieces[0]).toMatch(/\u001B\[0m$/);
    expect(pieces[1]!.startsWith('\u001B[31m')).toBe(true);
  });

  it('wraps a rendered list item under its text', () => {
    const lines = wrapStyled('    * Data reconciliation load answered 5 of 5 (+4 points)', 30);
    expect(lines.every((l) => cellWidth(l) <= 30)).toBe(true);
    expect(lines[1]!.startsWith('      ')).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ')).toBe('* Data reconciliation load answered 5 of 5 (+4 points)');
  });
});
