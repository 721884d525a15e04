/** `--compare BEFORE AFTER`: what changed between two assessments, and why the verdict moved. Loaded only on that path. */
import {existsSync} from 'node:fs';
import {displayPath} from '../files/paths.js';
import {EXIT, InputError} from '../cli-errors.js';
import {compareAnswers} from '../engine/compare.js';
import type {ReportFormat} from '../report/report-types.js';
import {resolveDraft} from '../store/drafts.js';
import type {Io} from './io.js';
import {loadBank} from './load-bank-and-template.js';
import type {Options} from './options.js';
import {readReport} from './read-input.js';
import {emit, htmlConverter, loadAssessment, refuseBinaryToTerminal, renderComparisonAny} from './report-io.js';
import {reportDate} from './report-date.js';

export async function runCompare(files: string[], opts: Options, io: Io): Promise<number> {
  if (files.length !== 2) throw new InputError(`--compare takes two assessments, BEFORE and AFTER (got ${files.length}), e.g. --compare before.yaml after.yaml`);
  refuseBinaryToTerminal(opts.format as ReportFormat, opts, io);
  const bank = await loadBank(opts.questions);
  const [before, after] = files.map((file) => {
    const path = existsSync(file) ? file : draftPathIfAny(file, io);
    const name = displayPath(path);
    return {name, ...loadAssessment(name, readReport(path, 'answers'), bank, io)};
  });
  const comparison = compareAnswers(bank, before!.answers, after!.answers, {
    before: before!.embedded?.date ?? before!.name,
    after: after!.embedded?.date ?? after!.name,
  });
  const format = opts.format as ReportFormat;
  await emit(await renderComparisonAny(comparison, {format, date: reportDate(opts, io)}, await htmlConverter(format)), opts, io);
  return EXIT.ok;
}

/** A saved draft's path when `id` names one; else `id` unchanged (and the read fails with its name). */
function draftPathIfAny(id: string, io: Io): string {
  try {
    return resolveDraft(id, {env: io.env, cwd: io.cwd});
  } catch {
    return id;
  }
}
