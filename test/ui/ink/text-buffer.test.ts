import {describe, expect, it} from '@jest/globals';
import type {Key} from 'ink';
import {editText, printable, textBuffer} from '../../../src/ui/ink/text-buffer.js';

const key = (k: Partial<Key> = {}): Key =>
  ({upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false, ...k}) as Key;

describe('text buffer', () => {
  it('inserts at the cursor, moves, deletes before and after', () => {
    let b = textBuffer('ac');
    b = editText(b, '', key({leftArrow: true}))!;
    b = editText(b, 'b', key())!;
    expect(b).toEqual({value: 'abc', cursor: 2});
    b = editText(b, '', key({delete: true}))!; // what Backspace sends on most terminals
    expect(b).toEqual({value: 'ac', cursor: 1});
    b = editText(b, 'd', key({ctrl: true}))!;
    expect(b).toEqual({value: 'a', cursor: 1});
    b = editText(b, '', key({home: true}))!;
    expect(b.cursor).toBe(0);
    expect(editText(b, '', key({backspace: true}))).toEqual(b);
  });

  it('counts an emoji as one character', () => {
    let b = textBuffer('a😀');
    expect(b.cursor).toBe(2);
    b = editText(b, '', key({backspace: true}))!;
    expect(b).toEqual({value: 'a', cursor: 1});
  });

  it('moves and deletes by what a reader sees as one character: a skin tone or a family emoji is never split', () => {
    let b = textBuffer('ab👍🏽cd');
    b = editText(b, '', key({backspace: true}))!;
    b = editText(b, '', key({backspace: true}))!;
    b = editText(b, '', key({backspace: true}))!;
    expect(b.value).toBe('ab');
    b = textBuffer('ab👨‍👩‍👧cd');
    for (let i = 0; i < 3; i++) b = editText(b, '', key({leftArrow: true}))!;
    b = editText(b, 'X', key())!;
    expect(b.value).toBe('abX👨‍👩‍👧cd');
    b = editText(b, '', key({rightArrow: true}))!;
    b = editText(b, 'Y', key())!;
    expect(b.value).toBe('abX👨‍👩‍👧Ycd');
    b = editText({value: 'a👍🏽b', cursor: 1}, 'd', key({ctrl: true}))!;
    expect(b).toEqual({value: 'ab', cursor: 1});
  });

  it('clears words and lines with ctrl+w, ctrl+u, ctrl+k', () => {
    expect(editText(textBuffer('HubSpot, Gmail'), 'w', key({ctrl: true}))).toEqual({value: 'HubSpot, ', cursor: 9});
    expect(editText(textBuffer('abc'), 'u', key({ctrl: true}))).toEqual({value: '', cursor: 0});
    expect(editText({value: 'abc', cursor: 1}, 'k', key({ctrl: true}))).toEqual({value: 'a', cursor: 1});
  });

  it('pastes without escape sequences or control characters; line breaks become spaces; a limit holds', () => {
    expect(printable('a\r\nb\tc\u001B[31md\u0007')).toBe('a b cd');
    expect(editText(textBuffer(''), 'abcdef', key(), 4)).toEqual({value: 'abcd', cursor: 4});
  });

  it('leaves command keys to the caller', () => {
    for (const k of [{return: true}, {escape: true}, {tab: true}, {upArrow: true}, {pageDown: true}]) expect(editText(textBuffer('x'), '', key(k))).toBeUndefined();
    expect(editText(textBuffer('x'), 'n', key({ctrl: true}))).toBeUndefined();
  });
});
