/** The interview (the Ink wizard or the plain mode) on this terminal. Loaded only on that path. */
import type {Bank} from '../engine/types.js';
import type {TemplateSource} from '../report/report-types.js';
import {runInteractive} from '../session/run-interactive.js';
import type {Io} from './io.js';
import type {Options} from './options.js';
import {reportDate} from './report-date.js';
import {brandFor} from './brand-option.js';

type Report = typeof import('../report/render-report.js');

export async function runInterview(opts: Options, bank: Bank, template: TemplateSource | undefined, io: Io): Promise<number> {
  // The session renders reports synchronously (the result screen, saving a report in any
  // format), so the report code (liquid, marked) is loaded before the interview starts, in
  // parallel with the front end's own code.
  const date = reportDate(opts, io);
  let report: Report | undefined;
  const prepare = import('../report/render-report.js').then((m) => (report = m));
  // A brand file with a problem is said before the interview starts, not when a report is saved.
  const brand = await brandFor(opts, undefined, io);
  return runInteractive({
    bank,
    plain: Boolean(opts.plain),
    resume: opts.resume,
    respondentOf: opts.respondentOf,
    cwd: io.cwd,
    now: io.now,
    date,
    // A PDF is made asynchronously, its code (pdfmake, the font) loaded on the first one.
    renderReport: (answers, fmt) =>
      fmt === 'pdf' ? import('../report/pdf.js').then((m) => m.renderPdf({bank, answers, date, format: fmt, template, brand})) : report!.renderReport({bank, answers, date, format: fmt, template, brand}),
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    prepare,
  });
}
