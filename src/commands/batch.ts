/** `--answers DIR --out-dir DIR2`: every answers file in a folder to a report. Loaded only on that path. */
import {mkdirSync, readdirSync, realpathSync} from 'node:fs';
import {basename, extname, join} from 'node:path';
import {displayPath} from '../files/paths.js';
import {EXIT, InputError} from '../cli-errors.js';
import {score} from '../engine/score.js';
import type {Bank} from '../engine/types.js';
import {stripControls} from '../report/escape.js';
import {TemplateError, type ReportFormat, type TemplateSource} from '../report/report-types.js';
import {FileExistsError, writeFileSafely} from '../store/atomic-write.js';
import {reportFileName, slug} from '../store/file-names.js';
import type {Io} from './io.js';
import type {Options} from './options.js';
import {readReport} from './read-input.js';
import {htmlConverter, loadAssessment, oneAssessment, renderAny} from './report-io.js';
import {brandFor} from './brand-option.js';

/** Every answers file in a folder to a report in --out-dir. One bad file is reported and skipped. */
export async function runBatch(dir: string, opts: Options, bank: Bank, template: TemplateSource | undefined, format: ReportFormat, date: string, io: Io): Promise<number> {
  if (opts.outDir === undefined) throw new InputError(`${displayPath(dir)} is a folder: add --out-dir DIR2 to write a report for every answers file in it`);
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json|md|html|pdf)$/i.test(f) && !f.startsWith('.'))
    .sort();
  if (files.length === 0) throw new InputError(`${displayPath(dir)} holds no answers files (.yaml, .yml, .json, or reports .md/.html/.pdf)`);
  if (!opts.force && realPath(opts.outDir) === realPath(dir)) {
    throw new InputError(`--out-dir ${displayPath(opts.outDir)} is the folder the answers are read from: choose another, e.g. --out-dir reports/, or add --force to write there (an input is never replaced)`);
  }
  const brand = await brandFor(opts, format, io);
  mkdirSync(opts.outDir, {recursive: true});
  // A report is never written over one of the inputs, even with --force: an input may not have been read yet.
  const inputs = new Set(files.map((f) => realPath(join(dir, f))));
  const toHtml = await htmlConverter(format);
  const rows: {file: string; organisation: string; verdict: string; confidence: string; out: string}[] = [];
  const failures: string[] = [];
  const used = new Set<string>();
  const progress = io.stderr.isTTY ? (i: number) => io.stderr.write(`\r${bar(i / files.length)} ${i}/${files.length}`) : () => {};
  for (const [i, file] of files.entries()) {
    progress(i);
    const path = join(dir, file);
    const name = displayPath(path);
    try {
      const {answers, embedded} = oneAssessment(name, loadAssessment(name, readReport(path, 'answers', {pipeHint: false}), bank, quiet(io)));
      const reportDay = opts.date !== undefined ? date : embedded?.date ?? date;
      // Two files for the same organisation and day get the source file's name too.
      let outName = reportFileName(answers, reportDay, format);
      if (used.has(outName)) outName = outName.replace(/(\.\w+)$/, `-${slug(basename(file, extname(file)))}$1`);
      used.add(outName);
      const out = join(opts.outDir!, outName);
      if (inputs.has(realPath(out))) throw new InputError(`${displayPath(out)} is one of the answers files read (from ${file}): not replaced; choose another --out-dir`);
      writeFileSafely(out, await renderAny({bank, answers, date: reportDay, format, template, brand}, toHtml), {overwrite: Boolean(opts.force)});
      const r = score(bank, answers);
      rows.push({file, organisation: answers.context.organisation ?? '', verdict: r.recommendation, confidence: r.confidence, out: displayPath(out)});
    } catch (error) {
      if (!(error instanceof InputError || error instanceof FileExistsError || error instanceof TemplateError)) throw error;
      failures.push(
        error instanceof InputError
          ? [error.message, ...error.details.map((d) => `  ${d.replace(/\n/g, '\n      ')}`)].join('\n')
          : error instanceof FileExistsError
            ? `${displayPath(error.path)} already exists (from ${file}); choose another --out-dir, or add --force to replace it`
            : error.message,
      );
    }
  }
  progress(files.length);
  if (io.stderr.isTTY) io.stderr.write('\n');
  io.stdout.write(batchTable(rows));
  io.stdout.write(`\n${rows.length} report${rows.length === 1 ? '' : 's'} written to ${displayPath(opts.outDir)}${failures.length ? `; ${failures.length} file${failures.length === 1 ? '' : 's'} failed` : ''}.\n`);
  for (const f of failures) io.stderr.write(`handoff-assess: ${f}\n`);
  return failures.length ? EXIT.usage : EXIT.ok;
}

/** The path with every link resolved, or as given when it does not exist yet. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function quiet(io: Io): Io {
  return {...io, stderr: {write: () => true} as unknown as NodeJS.WriteStream};
}

function bar(fraction: number, width = 24): string {
  const full = Math.round(fraction * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

function batchTable(rows: {organisation: string; verdict: string; confidence: string; out: string}[]): string {
  const header = ['Organisation', 'Verdict', 'Confidence', 'Report'];
  const cells = rows.map((r) => [stripControls(r.organisation), r.verdict, r.confidence, r.out]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
