/**
 * A terminal for driving @inquirer/prompts in tests: keys go into an input
 * stream, output is collected without escape codes, and `waitFor` reads it
 * forward from the last match, so a question asked twice is waited for twice.
 */
import {PassThrough} from 'node:stream';
import {stripVTControlCharacters} from 'node:util';

export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  enter: '\r',
  space: ' ',
  tab: '\t',
  backspace: '\x7f',
  ctrlC: '\x03',
  ctrlU: '\x15',
} as const;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What is kept before the last match: enough for any question or review, never the megabytes a long typed line redraws. */
const KEEP_BEFORE_CURSOR = 64 * 1024;

export class FakeTerminal {
  readonly input = new PassThrough();
  readonly output: PassThrough & {columns?: number};
  /** The text shown (escape codes removed): up to KEEP_BEFORE_CURSOR before the last match, everything after it. */
  private shown = '';
  /** A chunk that ended inside an escape sequence, held until the rest arrives. */
  private partial = '';
  private cursor = 0;
  /** Where the next string search may start: nothing before it can end a match. */
  private searched = 0;

  /** `columns`: the width prompts and wrapping see (wide by default, so long questions stay on one line). */
  constructor(columns = 200) {
    this.output = Object.assign(new PassThrough(), {columns});
    this.output.on('data', (chunk) => {
      const raw = this.partial + String(chunk);
      const text = stripVTControlCharacters(raw);
      const open = text.lastIndexOf('\x1b');
      if (open >= 0 && open > text.length - 16) {
        // An escape sequence cut in two: strip it once it is whole.
        this.partial = raw.slice(raw.lastIndexOf('\x1b'));
        this.shown += stripVTControlCharacters(raw.slice(0, raw.lastIndexOf('\x1b')));
      } else {
        this.partial = '';
        this.shown += text;
      }
    });
  }

  /** The text shown so far, escape codes removed (the far past of a long session is dropped). */
  get text(): string {
    return this.shown;
  }

  /**
   * Wait until `needle` appears after the previous match; returns the text up
   * to and including it. Fails only when nothing new has been shown for
   * `stalled` ms: a slow machine waits longer, a stuck prompt still fails.
   */
  async waitFor(needle: string | RegExp, stalled = 15000): Promise<string> {
    let lastLength = -1;
    let lastChange = Date.now();
    for (;;) {
      let end = -1;
      if (typeof needle === 'string') {
        const from = Math.max(this.cursor, this.searched - needle.length);
        const i = this.shown.indexOf(needle, from);
        if (i >= 0) end = i + needle.length;
        else this.searched = this.shown.length;
      } else {
        const m = needle.exec(this.shown.slice(this.cursor));
        if (m) end = this.cursor + m.index + m[0].length;
      }
      if (end >= 0) {
        const match = this.shown.slice(this.cursor, end);
        this.cursor = end;
        this.searched = end;
        this.forget();
        return match;
      }
      if (this.shown.length !== lastLength) {
        lastLength = this.shown.length;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > stalled) {
        throw new Error(`Nothing new was shown for ${stalled} ms while waiting for ${String(needle)}. Shown since the last match:\n${this.shown.slice(this.cursor).slice(-2000)}`);
      }
      await delay(5);
    }
  }

  /** Drop what lies well before the last match. */
  private forget(): void {
    const drop = this.cursor - KEEP_BEFORE_CURSOR;
    if (drop <= 0) return;
    this.shown = this.shown.slice(drop);
    this.cursor -= drop;
    this.searched -= drop;
  }

  /** Send keys one at a time, each taken by the prompt (and drawn) before the next. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.input.write(key);
      await this.taken();
    }
  }

  /** Type a line of text and press Enter. */
  async line(text: string): Promise<void> {
    if (text) {
      this.input.write(text);
      await this.taken();
    }
    await this.press(KEY.enter);
  }

  /**
   * Wait until the prompt has read what was written: the input is empty and
   * the event loop has run the prompt's handlers. Between two prompts nobody
   * reads; after a bounded number of turns the key stays queued for the next.
   */
  private async taken(): Promise<void> {
    for (let turn = 0; turn < 100 && this.input.readableLength > 0; turn++) await new Promise(setImmediate);
    await new Promise(setImmediate);
  }

  /** In a select: move to the entry with this 1-based number and choose it. */
  async choose(n: number): Promise<void> {
    await this.press(...String(n).split(''), KEY.enter);
  }
}
