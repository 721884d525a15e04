/** `--answers FILE` (or `-`): the report from one answers file, draft or report. Loaded only on that path. */
import {displayPath} from '../files/paths.js';
import {EXIT} from '../cli-errors.js';
import type {Bank} from '../engine/types.js';
import type {ReportFormat, TemplateSource} from '../report/report-types.js';
import type {Io} from './io.js';
import type {Options} from './options.js';
import {readReport, readStdin} from './read-input.js';
import {emit, htmlConverter, loadAssessment, oneAssessment, refuseBinaryToTerminal, renderAny} from './report-io.js';
import {brandFor} from './brand-option.js';

export async function runAnswers(file: string, opts: Options, bank: Bank, template: TemplateSource | undefined, format: ReportFormat, date: string, io: Io): Promise<number> {
  refuseBinaryToTerminal(format, opts, io);
  const toHtml = htmlConverter(format); // marked loads while the answers are read
  toHtml.catch(() => undefined); // awaited below; a failed read must not leave it unhandled
  const brand = await brandFor(opts, format, io);
  const name = file === '-' ? '<stdin>' : displayPath(file);
  const content = file === '-' ? await readStdin(io.stdin) : readReport(file, 'answers');
  const {answers, embedded} = oneAssessment(name, loadAssessment(name, content, bank, io));
  if (embedded && embedded.template.path !== 'default' && !template) {
    io.stderr.write(`warning: ${name} was made with the custom template ${embedded.template.path}; pass it with --template to reproduce it exactly\n`);
  }
  const report = await renderAny({bank, answers, date: opts.date !== undefined ? date : embedded?.date ?? date, format, template, brand}, await toHtml);
  await emit(report, opts, io);
  return EXIT.ok;
}
