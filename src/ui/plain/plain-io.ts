/**
 * The plain mode's I/O: the streams every @inquirer/prompts call is given,
 * and plain line output. No colour and no cursor tricks of our own, so a
 * screen reader or a dumb terminal reads it line by line.
 */
import {Writable} from 'node:stream';
import type {input} from '@inquirer/prompts';
import {stripControls} from '../../report/escape.js';

/** The context every prompt takes (streams, abort signal). */
export type Context = NonNullable<Parameters<typeof input>[1]>;

export interface PlainIo {
  /** Passed to every prompt: the injected streams and the cancel signal. */
  context: Context;
  /**
   * Start a prompt: `io.ask((c) => select({...}, c))`. With TERM=dumb, Node's
   * readline stops interpreting keys (Backspace would type a character), so
   * TERM is set to a plain value while the prompt's readline is created.
   */
  ask<T>(start: (context: Context) => Promise<T>): Promise<T>;
  /** Write lines, each wrapped at spaces to the terminal width (a newline is added). */
  say(text?: string): void;
  /** Write text exactly as it is (the markdown report: tables must not be re-wrapped). */
  raw(text: string): void;
  /** Terminal width, for wrapping our own lines; 80 when unknown. */
  columns: number;
}

type Output = NodeJS.WritableStream & {columns?: number; rows?: number; isTTY?: boolean};

/**
 * A prompt pipes its output into the stream it is given and ends that pipe
 * when it is done, which would end an injected stream for good. Each prompt
 * gets its own pass-through to the real output instead.
 */
class PromptOutput extends Writable {
  constructor(private readonly target: Output) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.target.write(chunk);
    callback();
  }
  get columns(): number | undefined {
    return this.target.columns;
  }
  get rows(): number | undefined {
    return this.target.rows;
  }
  get isTTY(): boolean | undefined {
    return this.target.isTTY;
  }
}

export function plainIo(input: NodeJS.ReadableStream, output: Output, signal?: AbortSignal): PlainIo {
  const columns = output.columns && output.columns > 20 ? output.columns : 80;
  const context = (): Context => ({input, output: new PromptOutput(output), signal, clearPromptOnDone: false});
  return {
    get context() {
      return context();
    },
    ask: (start) => {
      const term = process.env.TERM;
      if (term !== 'dumb') return start(context());
      process.env.TERM = 'vt100';
      try {
        return start(context());
      } finally {
        process.env.TERM = term;
      }
    },
    say: (text = '') => {
      // Answers and notes are printed through here: a terminal sequence or control character in them is dropped, never sent.
      const lines = stripControls(text).split('\n').map((line) => {
        const indent = /^\s*/.exec(line)![0];
        return line.length > columns ? wrap(line, columns, indent, indent) : line;
      });
      output.write(`${lines.join('\n')}\n`);
    },
    raw: (text) => void output.write(text),
    columns,
  };
}

/** Did the prompt end because the user pressed Ctrl-C, or the run was aborted (SIGINT, SIGTERM)? */
export function isCancel(error: unknown): boolean {
  const name = (error as {name?: unknown} | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

/** Wrap text to a width at spaces: `indent` before the first line of each paragraph, `hanging` before the others. */
export function wrap(text: string, width: number, indent = '', hanging = indent): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let prefix = indent;
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && prefix.length + line.length + 1 + word.length > width) {
        out.push(prefix + line);
        prefix = hanging;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(prefix + line);
  }
  return out.join('\n');
}
