/**
 * The key filter in front of Ink's input handling (src/ui/ink/key-filter.ts):
 * what passes, what is dropped, and that nothing passed can crash Ink's key parser.
 */
import {describe, expect, it} from '@jest/globals';
import {EventEmitter} from 'node:events';
import fc from 'fast-check';
import {createKeyFilter, filteredStdin, HELD_MAX} from '../../../src/ui/ink/key-filter.js';
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

  it('holds a sequence cut off at the end of a read: nothing of it is passed yet', () => {
    expect(pass(`ab${ESC}[1;`)).toEqual(['ab']);
  });
});

describe('a sequence split across two reads (a slow link, a paste, a full buffer)', () => {
  it('an unknown key cut anywhere leaks nothing of its tail, and the text after it is kept', () => {
    // Before: ["", "P"], the P typed into the answer.
    expect(pass(`${ESC}[1;5`, 'P')).toEqual(['', '']);
    expect(pass(`${ESC}[1;5`, 'Pok')).toEqual(['', 'ok']);
    expect(pass(`ab${ESC}[15;`, '5~cd')).toEqual(['ab', 'cd']);
    expect(pass(`${ESC}[3`, '1mAcme')).toEqual(['', 'Acme']);
    expect(pass(`${ESC}O`, 'Pok')).toEqual(['', 'ok']);
    expect(pass(`${ESC}${ESC}[1;5`, 'P')).toEqual(['', '']);
  });

  it('a key the wizard reads, cut anywhere, reaches Ink whole', () => {
    expect(pass(`${ESC}[`, 'A')).toEqual(['', `${ESC}[A`]);
    expect(pass(`${ESC}[1;5`, 'A')).toEqual(['', `${ESC}[1;5A`]);
    expect(pass(`x${ESC}[6`, '~y')).toEqual(['x', `${ESC}[6~y`]);
    expect(pass(`${ESC}O`, 'B')).toEqual(['', `${ESC}OB`]);
  });

  it('a cut sequence broken by the next read (Enter, another key) is dropped and that key is kept', () => {
    expect(pass(`${ESC}[1;`, '\r')).toEqual(['', '\r']);
    expect(pass(`${ESC}[1;`, `${ESC}[A`)).toEqual(['', `${ESC}[A`]);
    expect(pass(`${ESC}[1;`, '\u007fab')).toEqual(['', '\u007fab']);
  });

  it('after a lone ESC Ink holds, a cut sequence is held too: no tail leaks, a known key still reaches Ink', () => {
    expect(pass(ESC, '[1;5', 'P')).toEqual([ESC, '', '']);
    expect(pass(ESC, '[1;5', 'Pok')).toEqual([ESC, '', 'ok']);
    expect(pass(ESC, '[1;5', 'A')).toEqual([ESC, '', '[1;5A']);
  });

  it('a string sequence (a pasted title or clipboard write) cut between two reads: the rest of it is dropped up to its BEL or ST', () => {
    expect(pass(`x${ESC}]0;TI`, 'TLE\u0007y')).toEqual(['x', 'y']);
    expect(pass(`${ESC}]52;c;SGVs`, `bG8=${ESC}\\z`)).toEqual(['', 'z']);
    expect(pass(`${ESC}]0;T${ESC}`, '\\z')).toEqual(['', 'z']);
    expect(pass(`${ESC}P1$r`, `0m${ESC}\\ok`)).toEqual(['', 'ok']);
  });

  it('bounded: a held sequence waits one read only, and one longer than HELD_MAX is not held; a string without its end in the next read lets that read through', () => {
    // Cut twice: dropped after the read it was joined to; what follows is read as usual.
    expect(pass(`${ESC}[1;`, '5', 'ok')).toEqual(['', '', 'ok']);
    // Too long to be a key: dropped at once, never held.
    expect(pass(`${ESC}[${'1;'.repeat(HELD_MAX)}`, 'ok')).toEqual(['', 'ok']);
    // Alt+P is ESC P, the start of a DCS: the keys typed after it are not swallowed.
    expect(pass(`${ESC}P`, 'abc')).toEqual(['', 'abc']);
    expect(pass(`${ESC}]`, `${ESC}[A`)).toEqual(['', `${ESC}[A`]);
  });

  // Keys and sequences a terminal sends, then typed text, cut into two reads at every point past the ESC
  // (cut right after the ESC, Ink itself holds the ESC and joins it to the next read: its own rule).
  const KNOWN = [`${ESC}[A`, `${ESC}[1;5A`, `${ESC}[5~`, `${ESC}[6;2~`, `${ESC}OB`, `${ESC}[Z`, `${ESC}[3~`];
  const UNKNOWN = [`${ESC}[1;5P`, `${ESC}[1;5S`, `${ESC}[15;5~`, `${ESC}[31m`, `${ESC}[97;5u`, `${ESC}OP`, `${ESC}[?25h`, `${ESC}[200~`, `${ESC}]0;TITLE\u0007`, `${ESC}]52;c;SGVsbG8=${ESC}\\`, `${ESC}P1$r0m${ESC}\\`];
  it('property: cut at any point, an unknown sequence passes nothing and a known key passes whole; the text after it always arrives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KNOWN, ...UNKNOWN), fc.stringMatching(/^[a-z ]{1,8}$/), fc.nat(), (q, text, at) => {
        const input = q + text;
        const cut = 2 + (at % (input.length - 2));
        const out = pass(input.slice(0, cut), input.slice(cut)).join('');
        expect(out).toBe((KNOWN.includes(q) ? q : '') + text);
      }),
      {numRuns: 2000, seed: 20260301},
    );
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
