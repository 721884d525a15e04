/**
 * `--combine A B C...`: several respondents on one workflow, one combined
 * report. Each input is an answers file, a draft (by id, as --compare takes
 * it) or a report; a combined report stands for its respondents, so
 * `--combine combined.md` (or .html, .pdf) re-makes it and `--combine combined.md new.yaml`
 * adds a respondent. Loaded only on that path.
 */
import {existsSync} from 'node:fs';
import {displayPath} from '../files/paths.js';
import {EXIT, InputError} from '../cli-errors.js';
import {findMismatch, MAX_RESPONDENTS, MIN_RESPONDENTS} from '../engine/combine.js';
import type {Answers, Bank} from '../engine/types.js';
import {bankFingerprint, type EmbeddedData} from '../report/embed.js';
import {embeddedAnswers} from '../report/read-assessment.js';
import type {ReportFormat} from '../report/report-types.js';
import {resolveDraft} from '../store/drafts.js';
import type {Io} from './io.js';
import {loadBank} from './load-bank-and-template.js';
import type {Options} from './options.js';
import {readReport} from './read-input.js';
import {reportDate} from './report-date.js';
import {brandFor} from './brand-option.js';
import {emit, htmlConverter, loadAssessment, refuseBinaryToTerminal, renderCombinedAny} from './report-io.js';

/** One respondent's answers and where they came from, for messages. */
interface Source {
  name: string;
  answers: Answers;
}

const HOW_MANY = `--combine takes ${MIN_RESPONDENTS} to ${MAX_RESPONDENTS} assessments of one workflow (answers files, drafts or reports), e.g. --combine ops.yaml finance.yaml sales.yaml`;

export async function runCombine(files: string[], opts: Options, io: Io): Promise<number> {
  if (opts.template !== undefined) throw new InputError('--template is for the single report; a combined report has its own layout (templates/combine.md.liquid): drop --template');
  if (files.length > MAX_RESPONDENTS) throw new InputError(`${HOW_MANY} (got ${files.length})`);
  const format = opts.format as ReportFormat;
  refuseBinaryToTerminal(format, opts, io);
  const toHtml = htmlConverter(format);
  toHtml.catch(() => undefined); // awaited below; a failed read must not leave it unhandled
  const bank = await loadBank(opts.questions);
  const reports: {name: string; data: EmbeddedData}[] = [];
  const sources: Source[] = [];
  for (const file of files) {
    const path = existsSync(file) ? file : draftPathIfAny(file, io);
    const name = displayPath(path);
    const {answers, embedded} = loadAssessment(name, readReport(path, 'answers'), bank, io);
    if (embedded) {
      checkBank(name, embedded, bank, reports, io);
      reports.push({name, data: embedded});
    }
    if (embedded?.kind === 'portfolio') throw new InputError(`${name} is a portfolio report (several workflows); --combine takes assessments of one workflow`);
    if (embedded?.kind === 'combine') sources.push(...respondentsOf(name, embedded, bank));
    else sources.push({name, answers});
  }
  if (sources.length < MIN_RESPONDENTS || sources.length > MAX_RESPONDENTS) {
    throw new InputError(`${HOW_MANY} (got ${sources.length}${sources.length !== files.length ? `, counting each respondent of a combined report` : ''})`);
  }
  const mismatch = findMismatch(sources.map((s) => s.answers));
  if (mismatch) {
    const [a, b] = [sources[mismatch.first]!, sources[mismatch.other]!];
    throw new InputError(
      `--combine takes assessments of one workflow of one organisation: ${a.name} names the ${mismatch.field} "${mismatch.values[0]}", ${b.name} "${mismatch.values[1]}"; ` +
        (mismatch.field === 'organisation' ? 'combine each organisation’s assessments on their own' : 'combine each workflow’s assessments on their own (or fix the workflow’s name)'),
    );
  }
  // A combined report given alone keeps its date, as --answers report.md does.
  const replayed = files.length === 1 && reports.length === 1 ? reports[0]!.data.date : undefined;
  const date = opts.date === undefined && replayed ? replayed : reportDate(opts, io);
  const text = await renderCombinedAny({bank, sources: sources.map((s) => s.answers), date, format, brand: await brandFor(opts, format, io)}, await toHtml);
  await emit(text, opts, io);
  return EXIT.ok;
}

/** A report made with another question bank is refused; the same name and version with other content is a warning. */
function checkBank(name: string, data: EmbeddedData, bank: Bank, earlier: {name: string; data: EmbeddedData}[], io: Io): void {
  const made = `${data.bank.name} ${data.bank.version}`;
  const here = `${bank.meta.name} ${bank.meta.version}`;
  if (made !== here) {
    const other = earlier.find((r) => `${r.data.bank.name} ${r.data.bank.version}` === here);
    throw new InputError(
      `--combine needs every assessment made with the same question bank: ${name} was made with ${made}, ${other ? other.name : 'the bank here'} with ${here}; ` +
        'combine with the bank it was made with (--questions DIR), or re-make the report with this one (--answers)',
    );
  }
  if (data.bank.fingerprint !== bankFingerprint(bank)) {
    io.stderr.write(`warning: ${name} was made with ${made} of other content than the bank here (same version); its answers were read against the bank here\n`);
  }
}

/** The respondents a combined report carries, each read against the bank like an answers file. */
function respondentsOf(name: string, data: EmbeddedData, bank: Bank): Source[] {
  if (!Array.isArray(data.sources) || data.sources.length === 0) throw new InputError(`${name}: a combined report without its respondents' answers (the data block was cut or edited)`);
  return data.sources.map((source, i) => {
    const who = `${name} (respondent ${i + 1}${typeof source?.label === 'string' ? `, ${source.label}` : ''})`;
    const {answers, problems} = embeddedAnswers(who, {...data, answers: source?.answers ?? {}}, bank);
    if (!answers) throw new InputError(`${who}: the answers are not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, problems);
    return {name: who, answers};
  });
}

/** A saved draft's path when `id` names one; else `id` unchanged (and the read fails with its name). */
function draftPathIfAny(id: string, io: Io): string {
  try {
    return resolveDraft(id, {env: io.env, cwd: io.cwd});
  } catch {
    return id;
  }
}
