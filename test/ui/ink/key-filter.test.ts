/**
 * The key filter in front of Ink's input handling (src/ui/ink/key-filter.ts):
 * what passes, what is dropped, and that nothing passed can crash Ink's key parser.
 */
import {describe, expect, it} from '@jest/globals';
import {EventEmitter} from 'node:events';
import fc from 'fast-check';
import {createKeyFilter, filteredStdin} from '../../../src/ui/ink/key-filter.js';
// Ink's own tokenizer and key parser (not in its package exports): the oracle for "Ink can read this".
import {createInputParser} from '../../../node_modules/ink/build/input-parser.js';
import parseKeypress from '../../../node_modules/ink/build/parse-keypress.js';

const ESC = '\u001b';
const pass = (...chunks: string[]) => {
  const filter = createKeyFilter();
  return chunks.map((c) => filter.push(c));
};

describe('createKeyFilter', () => {
  it('passes text, the keys the wizard reads and alt+key unchanged', () => {
    for (const key of ['Acme Ltd', 'é 漢字 👍🏽', '\r', '\t', '\u007f', '\u0003', ESC, `${ESC}[A`, `${ESC}OB`, `${ESC}[1;5A`, `${ESC}[5~`, `${ESC}[6;2~`, `${ESC}[H`, `${ESC}[4~`, `${ESC}[3~`, `${ESC}[Z`, `${ESC}x`, `${ESC}${ESC}[A`]) {
      expect(pass(key)).toEqual([key]);
    }
  });

  it('drops Ctrl+F1..F4, other unknown keys and pasted sequences whole, keeping the text around them', () => {
    expect(pass(`${ESC}[1;5P`, `${ESC}[1;5S`, `${ESC}[15;5~`, `${ESC}[200~`, `${ESC}[97;5u`, `${ESC}OP`)).toEqual(['', '', '', '', '', '']);
    expect(pass(`a${ESC}[31mb${ESC}[0mc`)).toEqual(['abc']);
    expect(pass(`x${ESC}]0;TITLE\u0007y${ESC}]52;c;SGVsbG8=${ESC}\\z`)).toEqual(['xyz']);
    expect(pass(`${ESC}${ESC}[1;5P`, `${ESC}P1$r${ESC}\\ok`)).toEqual(['', 'ok']);
  });

  it('after a lone ESC at the end of a read, drops what would join it into a sequence Ink cannot name', () => {
    // Ink holds the ESC; "[1;5P" next would make ESC [1;5P.
    expect(pass(ESC, '[1;5P')).toEqual([ESC, '']);
    expect(pass(ESC, '[31m[1;5Pok')).toEqual([ESC, 'ok']);
    // A key it can name, or text, goes through.
    expect(pass(ESC, '[A')).toEqual([ESC, '[A']);
    expect(pass(ESC, 'q')).toEqual([ESC, 'q']);
  });

  it('drops a sequence cut off at the end of a read', () => {
    expect(pass(`ab${ESC}[1;`)).toEqual(['ab']);
  });
});

/** The events Ink would make of these reads, and whether use-input would throw on one (its input is not a string). */
function inkThrowsOn(reads: string[]): string | undefined {
  const parser = createInputParser();
  const events = reads.flatMap((r) => parser.push(r));
  const held = parser.flushPendingEscape();
  for (const event of held ? [...events, held] : events) {
    const key = parseKeypress(event) as {ctrl: boolean; name?: string; sequence: string; isKittyProtocol?: boolean};
    const input = key.isKittyProtocol ? '' : key.ctrl ? key.name : key.sequence;
    if (typeof input !== 'string') return event;
  }
  return undefined;
}

describe('against Ink 6 itself', () => {
  // Sequence-shaped pieces (ESC, an introducer, parameters, a final byte), loose characters and any text.
  const sequence = fc
    .tuple(fc.constantFrom(ESC, `${ESC}${ESC}`, ''), fc.constantFrom('[', 'O', ']', '[[', 'P'), fc.array(fc.constantFrom('1', '5', '3', ';', '?', '2', ':'), {maxLength: 5}), fc.constantFrom('P', 'm', 'A', '~', 'u', 'h', 'Z', '$', '\u0007', ''))
    .map((parts) => parts.flat().join(''));
  const piece = fc.oneof(
    sequence,
    fc.constantFrom(ESC, '[', 'O', ']', ';', '1', '5', 'P', 'm', '~', 'A', '\u0007', '\\', 'a'),
    fc.string({maxLength: 3}),
    fc.integer({min: 0, max: 0x9f}).map((c) => String.fromCharCode(c)),
  );
  const reads = fc.array(fc.array(piece, {maxLength: 12}).map((p) => p.join('')), {minLength: 1, maxLength: 4});

  it('the oracle can fail: Ctrl+F1 and a pasted colour crash Ink unfiltered', () => {
    expect(inkThrowsOn([`${ESC}[1;5P`])).toBe(`${ESC}[1;5P`);
    expect(inkThrowsOn([`${ESC}[31m`])).toBe(`${ESC}[31m`);
  });

  it('nothing the filter passes makes Ink throw, whatever the reads and however they are split', () => {
    fc.assert(
      fc.property(reads, (rs) => {
        const filter = createKeyFilter();
        expect(inkThrowsOn(rs.map((r) => filter.push(r)))).toBeUndefined();
      }),
      {numRuns: 3000, seed: 20260301},
    );
  });
});

describe('filteredStdin', () => {
  it('reads the stream through the filter and leaves everything else to the stream', () => {
    const chunks = [`${ESC}[1;5Pa`, null];
    const stream = Object.assign(new EventEmitter(), {isTTY: true, read: () => chunks.shift() ?? null, setRawMode: function (this: unknown) { return this; }});
    const stdin = filteredStdin(stream as unknown as NodeJS.ReadStream);
    expect(stdin.isTTY).toBe(true);
    expect(stdin.setRawMode(true)).toBe(stream);
    const listener = () => undefined;
    stdin.addListener('readable', listener);
    expect(stream.listenerCount('readable')).toBe(1);
    expect(stdin.read()).toBe('a');
    expect(stdin.read()).toBeNull();
  });

  it('an Enter that arrives in one read with the keys typed before it reaches Ink as its own input, so it confirms', () => {
    const chunks = ['Acme\r', '\r', null];
    const stream = Object.assign(new EventEmitter(), {read: () => chunks.shift() ?? null});
    const stdin = filteredStdin(stream as unknown as NodeJS.ReadStream);
    expect([stdin.read(), stdin.read(), stdin.read(), stdin.read()]).toEqual(['Acme', '\r', '\r', null]);
  });
});
