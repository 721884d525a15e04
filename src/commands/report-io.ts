/**
 * What the report commands (--answers, a batch, --compare, --combine, --portfolio, --verify) share:
 * reading an assessment, the renderer for a format (marked only for HTML) and
 * writing the result. Loaded only by those commands.
 */
import {resolve} from 'node:path';
import {formatProblem} from '../yaml/yaml-source.js';
import {InputError, OutputError} from '../cli-errors.js';
import type {Comparison} from '../engine/compare.js';
import type {PortfolioModel, PortfolioSource} from '../engine/portfolio.js';
import type {Answers, Bank} from '../engine/types.js';
import {stdoutGoesNowhere} from '../files/stdout-sink.js';
import {stripControls} from '../report/escape.js';
import {readAssessment, type AssessmentLoad} from '../report/read-assessment.js';
import {renderCombined, renderComparison, renderPortfolio, renderReport, type CombinedInput} from '../report/render-core.js';
import type {HtmlConverter, RenderInput, ReportFormat} from '../report/report-types.js';
import type {Io} from './io.js';
import type {Options} from './options.js';

/** Answers from an answers file, a draft or a report; every problem is an InputError listing all of them. */
export function loadAssessment(name: string, content: string | Uint8Array, bank: Bank, io: Io): AssessmentLoad & {answers: Answers} {
  const loaded = readAssessment(name, content, bank);
  for (const w of loaded.warnings) io.stderr.write(stripControls(`warning: ${formatProblem(w)}\n`));
  if (!loaded.answers) {
    const n = loaded.errors.length;
    throw new InputError(`${name} is not a valid answers file (${n} problem${n === 1 ? '' : 's'}):`, loaded.errors.map(formatProblem));
  }
  return loaded as AssessmentLoad & {answers: Answers};
}

/**
 * A report that stands for one assessment: a portfolio report holds several workflows' answers,
 * and taking one of them (the block's `answers`, the first-ranked) without saying so would
 * report on a workflow the user did not name. A combined report's answers are one workflow's.
 */
export function oneAssessment<T extends {embedded?: {kind?: string}}>(name: string, loaded: T): T {
  if (loaded.embedded?.kind === 'portfolio') {
    throw new InputError(`${name} is a portfolio report (several workflows): --portfolio ${name} makes it again; for one workflow's report, give that workflow's answers file or report`);
  }
  return loaded;
}

/** The markdown-to-HTML converter when `format` needs it (it loads marked), else undefined. */
export async function htmlConverter(format: ReportFormat | undefined): Promise<HtmlConverter | undefined> {
  if (format !== 'html') return undefined;
  const {markdownToHtml} = await import('../report/markdown-html.js');
  return markdownToHtml;
}

/**
 * A report in its format: text, or the bytes of a PDF (src/report/pdf.ts, loaded only for
 * a PDF). `toHtml` as `htmlConverter` gives it.
 */
export async function renderAny(input: RenderInput, toHtml: HtmlConverter | undefined): Promise<string | Buffer> {
  if (input.format !== 'pdf') return renderReport(input, toHtml);
  const {renderPdf} = await import('../report/pdf.js');
  return renderPdf(input);
}

/** A comparison in its format: text, or a PDF's bytes. */
export async function renderComparisonAny(comparison: Comparison, input: Pick<RenderInput, 'format' | 'date' | 'brand'>, toHtml: HtmlConverter | undefined): Promise<string | Buffer> {
  if (input.format !== 'pdf') return renderComparison(comparison, input.format, toHtml, input.brand);
  const {renderComparisonPdf} = await import('../report/pdf.js');
  return renderComparisonPdf(comparison, {date: input.date, brand: input.brand});
}

/** A combined report (--combine) in its format: text, or a PDF's bytes. */
export async function renderCombinedAny(input: CombinedInput, toHtml: HtmlConverter | undefined): Promise<string | Buffer> {
  if (input.format !== 'pdf') return renderCombined(input, toHtml);
  const {renderCombinedPdf} = await import('../report/pdf.js');
  return renderCombinedPdf(input);
}

/** A portfolio (--portfolio) in its format: text, or a PDF's bytes. */
export async function renderPortfolioAny(
  model: PortfolioModel,
  sources: PortfolioSource[],
  bank: Bank,
  input: Pick<RenderInput, 'format' | 'brand'>,
  toHtml: HtmlConverter | undefined,
): Promise<string | Buffer> {
  if (input.format !== 'pdf') return renderPortfolio(model, sources, bank, input.format, toHtml, input.brand);
  const {renderPortfolioPdf} = await import('../report/pdf.js');
  return renderPortfolioPdf(model, sources, bank, input.brand);
}

/**
 * A PDF is bytes a terminal would show as garbage (and could act on): to a terminal it is
 * refused before any work, with the two ways that work. A pipe or a redirect gets it.
 */
export function refuseBinaryToTerminal(format: ReportFormat | undefined, opts: Options, io: Io): void {
  if (format === 'pdf' && (opts.out === undefined || opts.out === '-') && io.stdout.isTTY) {
    throw new InputError('a PDF report is binary and standard output is a terminal: write it to a file with -o report.pdf, or redirect or pipe it (> report.pdf, | lpr)');
  }
}

/**
 * Write to --out (atomically, never replacing without --force; the full path is told) or to stdout
 * (no --out, or `--out -`; text is cleaned by `stripControls` when stdout is a terminal; a PDF
 * never goes to a terminal: `refuseBinaryToTerminal`).
 */
export async function emit(report: string | Uint8Array, opts: Options, io: Io): Promise<void> {
  if (opts.out !== undefined && opts.out !== '-') {
    const {writeFileSafely} = await import('../store/atomic-write.js');
    const path = resolve(io.cwd, opts.out);
    writeFileSafely(path, report, {overwrite: Boolean(opts.force)});
    io.stderr.write(stripControls(`Written to ${path}\n`));
  } else if (typeof report !== 'string') {
    refuseBinaryToTerminal('pdf', opts, io);
    await writeToStdout(io.stdout, report);
  } else {
    const text = report;
    // On a terminal, what a template or an answers file holds cannot retitle, recolour or reorder it; a pipe or file gets the report byte for byte.
    await writeToStdout(io.stdout, io.stdout.isTTY ? stripControls(text) : text);
  }
}

/**
 * Write to stdout and wait until it has taken the text: a failure (a full
 * device, a closed descriptor) is an OutputError, exit 1; a reader that went
 * away (EPIPE, `| head`) is not a failure.
 */
async function writeToStdout(stdout: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
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
