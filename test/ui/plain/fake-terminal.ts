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

export class FakeTerminal {
  readonly input = new PassThrough();
  readonly output: PassThrough & {columns?: number};
  private raw = '';
  private cursor = 0;

  /** `columns`: the width prompts and wrapping see (wide by default, so long questions stay on one line). */
  constructor(columns = 200) {
    this.output = Object.assign(new PassThrough(), {columns});
    this.output.on('data', (chunk) => {
      this.raw += String(chunk);
    });
  }

  /** Everything shown so far, escape codes removed. */
  get text(): string {
    return stripVTControlCharacters(this.raw);
  }

  /** Wait until `needle` appears after the previous match; returns the text up to and including it. */
  async waitFor(needle: string | RegExp, timeout = 4000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const rest = this.text.slice(this.cursor);
      let end = -1;
      if (typeof needle === 'string') {
        const i = rest.indexOf(needle);
        if (i >= 0) end = i + needle.length;
      } else {
        const m = needle.exec(rest);
        if (m) end = m.index + m[0].length;
      }
      if (end >= 0) {
        this.cursor += end;
        return rest.slice(0, end);
      }
      if (Date.now() - start > timeout) {
        throw new Error(`Timed out after ${timeout} ms waiting for ${String(needle)}. Shown since the last match:\n${rest.slice(-2000)}`);
      }
      await delay(5);
    }
  }

  /** Send keys one at a time, letting the prompt redraw between them. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.input.write(key);
      await delay(15);
    }
  }

  /** Type a line of text and press Enter. */
  async line(text: string): Promise<void> {
    if (text) this.input.write(text);
    await delay(10);
    await this.press(KEY.enter);
  }

  /** In a select: move to the entry with this 1-based number and choose it. */
  async choose(n: number): Promise<void> {
    await this.press(...String(n).split(''), KEY.enter);
  }
}
