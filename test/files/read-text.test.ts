import {describe, expect, it} from '@jest/globals';
import {Readable} from 'node:stream';
import {decodeUtf8, firstInvalidUtf8, readStreamBytes, ReadTextError} from '../../src/files/read-text.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('keeps valid text as it is, a byte-order mark included', () => {
    expect(decodeUtf8(bytes('\uFEFFa: é 漢 👍🏽\n'))).toBe('\uFEFFa: é 漢 👍🏽\n');
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a character cut short by a newline', [0xe6, 0xbc, 0x0a]],
    ['0xFF', [0xff]],
  ])('%s on line 3 is an error naming line 3', (_what, bad) => {
    const text = bytes('one\ntwo é\nthree ', bad, ' four\nfive\n');
    expect(firstInvalidUtf8(text)).toBe(Buffer.byteLength('one\ntwo é\nthree '));
    let error: unknown;
    try {
      decodeUtf8(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReadTextError);
    expect((error as ReadTextError).line).toBe(3);
    expect((error as ReadTextError).message).toContain(`the first bad byte is 0x${bad[0]!.toString(16).toUpperCase()}`);
  });

  it('a text that ends inside a character: the bad sequence starts at its first byte', () => {
    expect(() => decodeUtf8(bytes('a\nb\n', [0xf0, 0x9f]))).toThrow('is not valid UTF-8');
    expect(firstInvalidUtf8(bytes('a\nb\n', [0xf0, 0x9f]))).toBe(4);
  });
});

describe('readStreamBytes', () => {
  it('stops at the cap, even when the stream never ends', async () => {
    let pushed = 0;
    const endless = new Readable({
      read() {
        pushed++;
        this.push(Buffer.alloc(1024, 0x79));
      },
    });
    await expect(readStreamBytes(endless, 10 * 1024)).rejects.toThrow('holds more than 10,240 bytes; the limit is 10,240 bytes');
    expect(pushed).toBeLessThan(40);
  });

  it('reads a stream up to the cap whole', async () => {
    expect((await readStreamBytes(Readable.from([Buffer.alloc(600), Buffer.alloc(400)]), 1000)).length).toBe(1000);
  });
});
