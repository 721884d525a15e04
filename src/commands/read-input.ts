/**
 * Reading what the user named: a file (any problem an InputError naming it), or all of stdin.
 * Every read is bounded (SIZE_CAPS), of a regular file only, and strict UTF-8.
 */
import {InputError} from '../cli-errors.js';
import {displayPath} from '../files/paths.js';
import {decodeUtf8, describeSize, readFileBytes, ReadTextError, readStreamBytes, SIZE_CAPS} from '../files/read-text.js';
import {BLOCK_PREFIX, isPdf} from '../report/embed.js';

/** What a file is read as: its cap, and the flag that names it in messages. */
const KINDS = {
  /** An answers file, a draft or a report: up to the report cap, and up to the answers cap unless it holds a report's data block. */
  answers: {cap: SIZE_CAPS.report, flag: '--answers'},
  template: {cap: SIZE_CAPS.template, flag: '--template'},
  report: {cap: SIZE_CAPS.report, flag: '--verify'},
} as const;

export type InputKind = keyof typeof KINDS;

/** Read a file the user named; a problem becomes an InputError naming it. */
export function readInput(
  path: string,
  what: InputKind,
  /** Say how to read a pipe when the file is one (not for an entry of a batch folder). */
  {pipeHint = true}: {pipeHint?: boolean} = {},
): string {
  const read = readReport(path, what, {pipeHint});
  if (typeof read !== 'string') throw new InputError(`${displayPath(path)}: is a PDF; ${KINDS[what].flag} takes a text file here`);
  return read;
}

/**
 * Read an assessment or a report the user named: its text, or its bytes when it is a PDF
 * (a PDF report carries its data block; src/report/embed.ts findPdfBlock reads it).
 */
export function readReport(path: string, what: InputKind, {pipeHint = true}: {pipeHint?: boolean} = {}): string | Buffer {
  const name = displayPath(path);
  try {
    const bytes = readFileBytes(path, KINDS[what].cap);
    if (what !== 'template' && isPdf(bytes)) return bytes;
    return checkAnswersSize(name, decodeUtf8(bytes), what);
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    if (error.code === 'ENOENT') throw new InputError(`${name}: no such ${what} file`);
    if (error.code === 'EISDIR') throw new InputError(`${name}: is a folder; ${KINDS[what].flag} takes a file`);
    const hint = what !== 'answers' ? '' : error.code === 'EFBIG' ? ANSWERS_LIMITS : error.code === 'EFTYPE' && pipeHint ? ' (to read a pipe, use --answers - and pipe into it)' : '';
    throw new InputError(`${name}${error.line ? `:${error.line}` : ''}: ${error.message}${hint}`);
  }
}

/** Said after the report cap, when an answers file or a report was read. */
const ANSWERS_LIMITS = ` for a report with its data block, ${describeSize(SIZE_CAPS.answers)} for an answers file`;

/** All of stdin, as an answers file or a report (the same caps as a file); a PDF report as its bytes. */
export async function readStdin(stdin: NodeJS.ReadStream, name = '<stdin>'): Promise<string | Buffer> {
  try {
    const bytes = await readStreamBytes(stdin, KINDS.answers.cap);
    if (isPdf(bytes)) return bytes;
    return checkAnswersSize(name, decodeUtf8(bytes), 'answers');
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    throw new InputError(`${name}${error.line ? `:${error.line}` : ''}: ${error.message}${error.code === 'EFBIG' ? ANSWERS_LIMITS : ''}`);
  }
}

/** Text without a report's data block is an answers file: at most SIZE_CAPS.answers bytes. Checked before it is parsed. */
function checkAnswersSize(name: string, text: string, what: InputKind): string {
  if (what !== 'answers') return text;
  const bytes = Buffer.byteLength(text);
  if (bytes > SIZE_CAPS.answers && !text.includes(BLOCK_PREFIX)) {
    throw new InputError(
      `${name}: is ${describeSize(bytes)}; the limit is ${describeSize(SIZE_CAPS.answers)} for an answers file, ${describeSize(SIZE_CAPS.report)} for a report with its data block`,
    );
  }
  return text;
}
