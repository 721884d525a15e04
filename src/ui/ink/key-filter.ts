/**
 * What the wizard lets through to Ink's input handling. Ink 6.8's key parser
 * throws on an escape sequence it has no name for when the sequence carries
 * a Ctrl modifier (Ctrl+F1 `ESC [1;5P`, a pasted colour `ESC [31m`: "Cannot
 * read properties of undefined (reading 'startsWith')", from a stdin
 * listener, so nothing of ours can catch it), and hands any other unnamed
 * sequence to the wizard as typed text (`[?25h`, the `0;TITLE` of a pasted
 * OSC). So the bytes are filtered before Ink reads them: plain text and the
 * keys the wizard reads pass unchanged; every other escape sequence is
 * dropped whole, as an unknown key. Ink's own source is not touched.
 *
 * The grammar is Ink's (src/input-parser.ts: ESC or ESC ESC, then a CSI
 * `[` ... final byte or an SS3 `O` + one byte), plus the string sequences
 * (OSC `ESC ]`, DCS `ESC P`, SOS, PM, APC) up to BEL or ST, which Ink would
 * split into a meta key and typed text.
 *
 * A sequence may be cut between two reads (a slow link, a paste, a full
 * buffer: `ESC [1;5` then `P`). Its tail must not be typed as text, and the
 * keys after it must not be lost, so the cut sequence is held, bounded:
 * - a CSI or SS3 sequence cut at the end of a read (at most HELD_MAX
 *   characters) is held and joined to the next read, then read as a whole:
 *   passed if it is a key the wizard reads, dropped otherwise. Still
 *   unfinished after that one read, it is dropped, so nothing is held longer;
 * - a string sequence (OSC, DCS...) cut at the end of a read is dropped, and
 *   the next read is dropped up to its terminator (BEL or ST) if it has one;
 *   if it has none, the next read is read as usual (it was a key such as
 *   alt+P, which is ESC P, or the string goes on longer than one read).
 * No timer: what is held is decided by the next read.
 */

const ESC = '\u001b';

/** The longest cut CSI or SS3 sequence held for the next read (the keys the wizard reads take at most 9). */
export const HELD_MAX = 32;

/**
 * The CSI and SS3 key codes the wizard acts on, as Ink's parse-keypress
 * names them (code = the sequence without ESC, its modifier and any "1;"):
 * arrows, home and end, page up and down, delete, shift+tab. A modifier
 * (Ctrl+Up: `ESC [1;5A`) keeps the key.
 */
const KNOWN_KEYS = new Set([
  // up, down, right, left: xterm, SS3, rxvt shift and ctrl forms
  '[A', '[B', '[C', '[D', 'OA', 'OB', 'OC', 'OD', '[a', '[b', '[c', '[d', 'Oa', 'Ob', 'Oc', 'Od',
  // home, end
  '[H', '[F', 'OH', 'OF', '[1~', '[4~', '[7~', '[8~', '[7$', '[8$', '[7^', '[8^',
  // page up, page down
  '[5~', '[6~', '[[5~', '[[6~', '[5$', '[6$', '[5^', '[6^',
  // delete
  '[3~', '[3$', '[3^',
  // shift+tab
  '[Z',
]);

/** Ink's function-key pattern (parse-keypress), used here only to name a sequence. */
const FN_KEY = /^(?:\u001b+)(O|N|\[|\[\[)(?:(\d+)(?:;(\d+))?([~^$])|(?:1;)?(\d+)?([a-zA-Z]))/;

/** Does Ink name this CSI or SS3 sequence as one of the keys above? */
function isKnownKey(sequence: string): boolean {
  const parts = FN_KEY.exec(sequence);
  if (!parts || parts[0].length !== sequence.length) return false;
  return KNOWN_KEYS.has([parts[1], parts[2], parts[4], parts[6]].filter(Boolean).join(''));
}

interface Token {
  /** Characters of the input it covers. */
  length: number;
  /** Passed on to Ink (else dropped). */
  keep: boolean;
  /** A lone ESC (or ESC ESC) at the end of the input: Ink holds it until its next read. */
  open?: boolean;
  /** The input ended inside this sequence: a CSI or SS3 key (`sequence`) or a string sequence (`string`) cut between two reads. */
  cut?: 'sequence' | 'string';
}

const isParameterOrIntermediate = (c: number) => c >= 0x20 && c <= 0x3f;
const isFinal = (c: number) => c >= 0x40 && c <= 0x7e;

/** The token at `i`, which is an ESC. */
function escapeToken(s: string, i: number): Token {
  const prefix = s[i + 1] === ESC ? 2 : 1;
  const kind = s[i + prefix];
  if (kind === undefined) return {length: prefix, keep: true, open: true};
  if (kind === '[') {
    let j = i + prefix + 1;
    if (s[j] === '[') j++; // legacy ESC [ [ A
    while (j < s.length && isParameterOrIntermediate(s.charCodeAt(j))) j++;
    if (j < s.length && isFinal(s.charCodeAt(j))) return {length: j + 1 - i, keep: isKnownKey(s.slice(i, j + 1))};
    // Unfinished at the end of the read (cut), or broken by another character: not a key.
    return {length: j - i, keep: false, cut: j === s.length ? 'sequence' : undefined};
  }
  if (kind === 'O') {
    if (i + prefix + 1 === s.length) return {length: prefix + 1, keep: false, cut: 'sequence'};
    const final = s.charCodeAt(i + prefix + 1);
    if (isFinal(final)) return {length: prefix + 2, keep: isKnownKey(s.slice(i, i + prefix + 2))};
    return {length: prefix + 1, keep: false};
  }
  if (']P_^X'.includes(kind)) {
    // A string sequence: everything up to BEL or ST (ESC \), or the end of the read.
    for (let j = i + prefix + 1; j < s.length; j++) {
      if (s[j] === '\u0007' || s[j] === '\u009c') return {length: j + 1 - i, keep: false};
      if (s[j] === ESC && s[j + 1] === '\\') return {length: j + 2 - i, keep: false};
    }
    return {length: s.length - i, keep: false, cut: 'string'};
  }
  // ESC and one character (alt+key), or ESC ESC and one: Ink reads these without harm.
  const next = s.codePointAt(i + prefix)!;
  return {length: prefix + (next > 0xffff ? 2 : 1), keep: true};
}

/** Split `s` into text and escape tokens. */
function tokens(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const esc = s.indexOf(ESC, i);
    if (esc === -1) {
      out.push({length: s.length - i, keep: true});
      break;
    }
    if (esc > i) out.push({length: esc - i, keep: true});
    const t = escapeToken(s, esc);
    out.push(t);
    i = esc + t.length;
  }
  return out;
}

export interface KeyFilter {
  /** The part of one read from the terminal that Ink may see. */
  push(chunk: string): string;
}

export function createKeyFilter(): KeyFilter {
  // A lone ESC was passed at the end of the last read: Ink may still hold it and join it to what comes next.
  let escapeOpen = false;
  // A CSI or SS3 sequence cut at the end of the last read, held to be joined to this one (without its ESC when escapeOpen).
  let held = '';
  // A string sequence was cut at the end of the last read: this read is dropped up to its terminator, if it has one.
  let string: {afterEsc: boolean} | undefined;
  return {
    push(chunk) {
      let s = chunk;
      if (string) {
        const end = stringEnd(s, string.afterEsc);
        string = undefined;
        if (end >= 0) s = s.slice(end);
      }
      // The held sequence is joined to this read once; still cut at the end of it, it is dropped.
      const joined = held !== '';
      s = held + s;
      held = '';
      if (escapeOpen) {
        // Whatever Ink would join to its held ESC must be a key it can read: drop sequences until it is.
        while (s) {
          const first = escapeToken(ESC + s, 0);
          if (first.cut === 'sequence' && !joined && s.length < HELD_MAX) {
            held = s;
            return '';
          }
          if (first.cut === 'string') string = {afterEsc: s.endsWith(ESC)};
          if (first.keep) break;
          s = s.slice(first.length - 1);
        }
        if (!s) return '';
      }
      let out = '';
      let i = 0;
      escapeOpen = false;
      for (const t of tokens(s)) {
        if (t.keep) out += s.slice(i, i + t.length);
        if (t.open) escapeOpen = true;
        // Only the last token can be cut: the read ends inside it.
        if (t.cut === 'sequence' && !(joined && i === 0) && t.length <= HELD_MAX) held = s.slice(i);
        if (t.cut === 'string') string = {afterEsc: s.endsWith(ESC)};
        i += t.length;
      }
      return out;
    },
  };
}

/**
 * Where the rest of a string sequence cut at the end of the last read ends in
 * this read: the index after its BEL or ST (ESC \, or \ alone when the last
 * read ended on its ESC); -1 when this read has none before another sequence starts.
 */
function stringEnd(s: string, afterEsc: boolean): number {
  if (afterEsc && s[0] === '\\') return 1;
  for (let j = 0; j < s.length; j++) {
    if (s[j] === '\u0007' || s[j] === '\u009c') return j + 1;
    if (s[j] === ESC) return s[j + 1] === '\\' ? j + 2 : -1;
  }
  return -1;
}

/**
 * The terminal's stdin as Ink should read it: every read passes through a
 * key filter; everything else (raw mode, listeners, isTTY) is the stream's own.
 */
export function filteredStdin(stdin: NodeJS.ReadStream): NodeJS.ReadStream {
  const filter = createKeyFilter();
  /** An Enter split off the end of the last read, handed to Ink on its next read. */
  let enter: string | undefined;
  // One read of the stream for each read of Ink's, as without the filter (Ink reads until null).
  const read = (): string | null => {
    if (enter !== undefined) {
      const key = enter;
      enter = undefined;
      return key;
    }
    for (;;) {
      const chunk = stdin.read() as string | Buffer | null;
      if (chunk === null) return null;
      const passed = filter.push(String(chunk));
      if (passed === '') continue;
      // Keys typed quickly on a busy machine reach one read together; Ink takes a read as one input, so
      // "Acme\r" would be typed as text and the Enter lost. An Enter that ends a read is its own input.
      if (passed.length > 1 && passed.endsWith('\r')) {
        enter = '\r';
        return passed.slice(0, -1);
      }
      return passed;
    }
  };
  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') return read;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
