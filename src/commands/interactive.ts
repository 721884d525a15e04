/** The interview (the Ink wizard or the plain mode) on this terminal. Loaded only on that path. */
import type {Bank} from '../engine/types.js';
import type {TemplateSource} from '../report/report-types.js';
import {reportFileName} from '../store/file-names.js';
import {runInteractive} from '../ui/run-interactive.js';
import type {Io} from './io.js';
import type {Options} from './options.js';
import {reportDate} from './report-date.js';

type Report = typeof import('../report/render-report.js');

export async function runInterview(opts: Options, bank: Bank, template: TemplateSource | undefined, io: Io): Promise<number> {
  // The front ends call renderReport synchronously (the result screen, saving a report in any
  // format), so the report code (liquid, marked) is loaded before the interview starts, in
  // parallel with the front end's own code, at a cost to the first frame (README, "Performance").
  let report: Report | undefined;
  const prepare = import('../report/render-report.js').then((m) => (report = m));
  return runInteractive({
    bank,
    plain: Boolean(opts.plain),
    resume: opts.resume,
    cwd: io.cwd,
    now: io.now,
    renderReport: (answers, fmt) => report!.renderReport({bank, answers, date: reportDate(opts, io), format: fmt, template}),
    defaultFileName: (answers, fmt) => reportFileName(answers, reportDate(opts, io), fmt),
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
    prepare,
  });
}
