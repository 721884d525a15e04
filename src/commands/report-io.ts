/**
 * What the report commands (--answers, a batch, --compare, --verify) share:
 * reading an assessment, the renderer for a format (marked only for HTML) and
 * writing the result. Loaded only by those commands.
 */
import {resolve} from 'node:path';
import {formatProblem} from '../yaml/yaml-source.js';
import {InputError, OutputError} from '../cli-errors.js';
import type {Answers, Bank} from '../engine/types.js';
import {stdoutGoesNowhere} from '../files/stdout-sink.js';
import {stripControls} from '../report/escape.js';
import {readAssessment, type AssessmentLoad} from '../report/read-assessment.js';
import type {HtmlConverter, ReportFormat} from '../report/report-types.js';
import type {Io} from './io.js';
import type {Options} from './options.js';

/** Answers from an answers file, a draft or a report; every problem is an InputError listing all of them. */
export function loadAssessment(name: string, text: string, bank: Bank, io: Io): AssessmentLoad & {answers: Answers} {
  const loaded = readAssessment(name, text, bank);
  for (const w of loaded.warnings) io.stderr.write(stripControls(`warning: ${formatProblem(w)}\n`));
  if (!loaded.answers) {
    const n = loaded.errors.length;
    throw new InputError(`${name} is not a valid answers file (${n} problem${n === 1 ? '' : 's'}):`, loaded.errors.map(formatProblem));
  }
  return loaded as AssessmentLoad & {answers: Answers};
}

/** The markdown-to-HTML converter when `format` needs it (it loads marked), else undefined. */
export async function htmlConverter(format: ReportFormat | undefined): Promise<HtmlConverter | undefined> {
  if (format !== 'html') return undefined;
  const {markdownToHtml} = await import('../report/markdown-html.js');
  return markdownToHtml;
}

/**
 * Write to --out (atomically, never replacing without --force; the full path is told) or to stdout
 * (no --out, or `--out -`; cleaned by `stripControls` when stdout is a terminal).
 */
export async function emit(text: string, opts: Options, io: Io): Promise<void> {
  if (opts.out !== undefined && opts.out !== '-') {
    const {writeFileSafely} = await import('../store/atomic-write.js');
    const path = resolve(io.cwd, opts.out);
    writeFileSafely(path, text, {overwrite: Boolean(opts.force)});
    io.stderr.write(stripControls(`Written to ${path}\n`));
  } else {
    // On a terminal, what a template or an answers file holds cannot retitle, recolour or reorder it; a pipe or file gets the report byte for byte.
    await writeToStdout(io.stdout, io.stdout.isTTY ? stripControls(text) : text);
  }
}

/**
 * Write to stdout and wait until it has taken the text: a failure (a full
 * device, a closed descriptor) is an OutputError, exit 1; a reader that went
 * away (EPIPE, `| head`) is not a failure.
 */
async function writeToStdout(stdout: NodeJS.WriteStream, text: string): Promise<void> {
  if ((stdout as {fd?: number}).fd === 1 && stdoutGoesNowhere()) {
    throw new OutputError(new Error('it is closed or discarded (>&-, or started with its output ignored), so the report would be lost; write it to a file with -o FILE, or redirect it (> report.md)'));
  }
  const failure = await new Promise<NodeJS.ErrnoException | null | undefined>((resolve) => {
    try {
      stdout.write(text, resolve);
    } catch (error) {
      resolve(error as NodeJS.ErrnoException);
    }
  });
  if (failure && failure.code !== 'EPIPE') {
    throw new OutputError(failure);
  }
}
