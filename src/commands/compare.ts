/** `--compare BEFORE AFTER`: what changed between two assessments, and why the verdict moved. Loaded only on that path. */
import {existsSync, statSync} from 'node:fs';
import {displayPath} from '../files/paths.js';
import {EXIT, InputError} from '../cli-errors.js';
import {compareAnswers} from '../engine/compare.js';
import type {ReportFormat} from '../report/report-types.js';
import {draftInfo, resolveDraft} from '../store/drafts.js';
import type {Io} from './io.js';
import {loadBank} from './load-bank-and-template.js';
import type {Options} from './options.js';
import {readReport} from './read-input.js';
import {emit, htmlConverter, loadAssessment, oneAssessment, refuseBinaryToTerminal, renderComparisonAny} from './report-io.js';
import {localDay, reportDate} from './report-date.js';
import {brandFor} from './brand-option.js';

export async function runCompare(files: string[], opts: Options, io: Io): Promise<number> {
  if (files.length !== 2) throw new InputError(`--compare takes two assessments, BEFORE and AFTER (got ${files.length}), e.g. --compare before.yaml after.yaml`);
  refuseBinaryToTerminal(opts.format as ReportFormat, opts, io);
  const brand = await brandFor(opts, opts.format, io);
  const bank = await loadBank(opts.questions);
  const [before, after] = files.map((file) => {
    const path = existsSync(file) ? file : draftPathIfAny(file, io);
    const name = displayPath(path);
    const content = readReport(path, 'answers');
    const loaded = oneAssessment(name, loadAssessment(name, content, bank, io));
    return {...loaded, date: assessmentDate(path, content, loaded.embedded?.date)};
  });
  // The two sides are labelled by their dates, never by their paths: a local path must not reach a client document.
  const comparison = compareAnswers(bank, before!.answers, after!.answers, {before: before!.date, after: after!.date});
  const format = opts.format as ReportFormat;
  await emit(await renderComparisonAny(comparison, {format, date: reportDate(opts, io), brand}, await htmlConverter(format)), opts, io);
  return EXIT.ok;
}

/**
 * The date of an assessment, for its label ("Before, 2026-09-01"): a report's own date (the
 * one printed on it), else a draft's saved date, else the answers file's modification date,
 * in local time; undefined for stdin or when none can be read.
 */
function assessmentDate(path: string, content: string | Uint8Array, reportDate: string | undefined): string | undefined {
  if (reportDate) return reportDate;
  const saved = typeof content === 'string' ? draftInfo(content).saved : undefined;
  if (saved) return localDay(saved);
  if (path === '-') return undefined;
  try {
    return localDay(statSync(path).mtime);
  } catch {
    return undefined;
  }
}

/** A saved draft's path when `id` names one; else `id` unchanged (and the read fails with its name). */
function draftPathIfAny(id: string, io: Io): string {
  try {
    return resolveDraft(id, {env: io.env, cwd: io.cwd});
  } catch {
    return id;
  }
}
