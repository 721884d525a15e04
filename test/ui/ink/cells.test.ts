import {describe, expect, it} from '@jest/globals';
import {cellWidth, hardWrap, stripAnsi, wrapStyled, wrapText} from '../../../src/ui/ink/cells.js';

describe('cells', () => {
  it('measures wide and zero-width characters and ignores escape codes', () => {
    expect(cellWidth('abc')).toBe(3);
    expect(cellWidth('日本')).toBe(4);
    expect(cellWidth('e\u0301')).toBe(1);
    expect(cellWidth('\u001B[1mbold\u001B[22m')).toBe(4);
  });

  it('word-wraps without losing text and splits words longer than a line', () => {
    const text = 'Failures come back every week and set off escalations';
    const lines = wrapText(text, 20);
    expect(lines.every((l) => cellWidth(l) <= 20)).toBe(true);
    expect(lines.join(' ')).toBe(text);
    expect(wrapText('abcdefghij klm', 4)).toEqual(['abcd', 'efgh', 'ij', 'klm']);
    expect(wrapText('one\ntwo', 10)).toEqual(['one', 'two']);
  });

  it('hard-wraps styled text, closing and reopening the style across the break', () => {
    const pieces = hardWrap('\u001B[31mabcdef\u001B[39m', 4);
    expect(pieces.map(stripAnsi)).toEqual(['abcd', 'ef']);
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
