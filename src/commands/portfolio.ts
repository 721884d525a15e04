/**
 * `--portfolio A B C...` (or a folder): several workflows of one organisation ranked by how
 * urgently they need work, and the one to run the sprint on first. Loaded only on that path.
 */
import {existsSync, readdirSync, statSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {displayPath} from '../files/paths.js';
import {EXIT, InputError} from '../cli-errors.js';
import {buildPortfolioModel, normaliseName, PORTFOLIO_MAX, PORTFOLIO_MIN, type PortfolioSource} from '../engine/portfolio.js';
import type {Bank} from '../engine/types.js';
import {bankFingerprint, findBlock, findPdfBlock} from '../report/embed.js';
import {embeddedAnswers} from '../report/read-assessment.js';
import type {ReportFormat} from '../report/report-types.js';
import {resolveDraft} from '../store/drafts.js';
import type {Io} from './io.js';
import {loadBank} from './load-bank-and-template.js';
import type {Options} from './options.js';
import {readReport} from './read-input.js';
import {reportDate} from './report-date.js';
import {brandFor} from './brand-option.js';
import {emit, htmlConverter, loadAssessment, refuseBinaryToTerminal, renderPortfolioAny} from './report-io.js';

/** What a folder given to --portfolio is read for (as a batch reads it). */
const ASSESSMENT_FILE = /\.(ya?ml|json|md|html|pdf)$/i;

export async function runPortfolio(inputs: string[], opts: Options, io: Io): Promise<number> {
  const format = opts.format as ReportFormat;
  refuseBinaryToTerminal(format, opts, io);
  const bank = await loadBank(opts.questions);
  const again = inputs.length === 1 ? portfolioReport(inputs[0]!, bank) : undefined;
  const sources = again?.sources ?? shownLabels(readPortfolio(inputs, bank, io));
  // A portfolio made again from its report keeps the report's date unless --date says otherwise.
  const date = again && opts.date === undefined ? again.date : reportDate(opts, io);
  const model = buildPortfolioModel(bank, sources, date);
  await emit(await renderPortfolioAny(model, sources, bank, {format, brand: await brandFor(opts, format, io)}, await htmlConverter(format)), opts, io);
  return EXIT.ok;
}

/**
 * The report names each assessment by its file's name, never by where it sits on this
 * machine (a client document); two files of one name keep their folder's name too.
 */
function shownLabels(sources: PortfolioSource[]): PortfolioSource[] {
  const short = sources.map((s) => basename(s.label));
  const longer = sources.map((s, i) => (short.filter((b) => b === short[i]).length > 1 ? `${basename(dirname(s.label))}/${short[i]}` : short[i]!));
  return sources.map((s, i) => ({...s, label: longer.filter((l) => l === longer[i]).length > 1 ? `${longer[i]} (${i + 1})` : longer[i]!}));
}

/** Every input as one assessment, checked to be one organisation's distinct workflows on this bank. */
export function readPortfolio(inputs: string[], bank: Bank, io: Io): PortfolioSource[] {
  const entries = inputs.flatMap((input) => expand(input, io));
  if (entries.length < PORTFOLIO_MIN || entries.length > PORTFOLIO_MAX) {
    throw new InputError(
      `--portfolio takes ${PORTFOLIO_MIN} to ${PORTFOLIO_MAX} assessments, one per workflow of one organisation (got ${entries.length}${inputs.length === 1 && entries.length !== 1 ? ` in ${displayPath(inputs[0]!)}` : ''}), e.g. --portfolio order-to-cash.yaml returns.yaml, or --portfolio a-folder/`,
    );
  }
  const sources = entries.map(({path, label}) => {
    const loaded = loadAssessment(label, readReport(path, 'answers'), bank, io);
    const e = loaded.embedded;
    if (e?.kind) throw new InputError(`${label} is a ${e.kind} report (several assessments); give the assessments it was made from, or one assessment's answers file or report`);
    if (e && (e.bank.name !== bank.meta.name || e.bank.version !== bank.meta.version || e.bank.fingerprint !== bankFingerprint(bank))) {
      throw new InputError(
        `${label} was made with question bank ${e.bank.name} ${e.bank.version}${e.bank.name === bank.meta.name && e.bank.version === bank.meta.version ? ' (other content)' : ''}; the bank here is ${bank.meta.name} ${bank.meta.version}. ` +
          'A portfolio compares workflows on one bank: run it with --questions DIR of that bank, or give the answers again as an answers file',
      );
    }
    return {label, answers: loaded.answers};
  });
  checkOneOrganisation(sources);
  checkDistinctWorkflows(sources);
  return sources;
}

/** The assessments of a portfolio report given alone (to make it again, e.g. in another format); undefined for anything else. */
function portfolioReport(input: string, bank: Bank): {sources: PortfolioSource[]; date: string} | undefined {
  if (!existsSync(input) || statSync(input).isDirectory()) return undefined;
  const label = displayPath(input);
  const content = readReport(input, 'answers');
  const data = (typeof content === 'string' ? findBlock(content) : findPdfBlock(content))?.data;
  if (data?.kind !== 'portfolio' || !Array.isArray(data.sources)) return undefined;
  if (data.bank.name !== bank.meta.name || data.bank.version !== bank.meta.version) {
    throw new InputError(`${label} was made with question bank ${data.bank.name} ${data.bank.version}; the bank here is ${bank.meta.name} ${bank.meta.version}: run it with --questions DIR of that bank`);
  }
  if (data.sources.length < PORTFOLIO_MIN || data.sources.length > PORTFOLIO_MAX) {
    throw new InputError(`${label} holds ${data.sources.length} assessments; a portfolio has ${PORTFOLIO_MIN} to ${PORTFOLIO_MAX}: it is not a whole portfolio report`);
  }
  const sources = data.sources.map((s, i) => {
    const {answers, problems} = embeddedAnswers(label, {...data, answers: s?.answers ?? {}}, bank);
    if (!answers) throw new InputError(`${label}: the answers of assessment ${i + 1} (${String(s?.label)}) do not fit the question bank here:`, problems);
    return {label: String(s.label), answers};
  });
  return {sources, date: data.date};
}

/** A folder: its assessment files, by name; a file: itself; else a saved draft's id. */
function expand(input: string, io: Io): {path: string; label: string}[] {
  if (existsSync(input) && statSync(input).isDirectory()) {
    return readdirSync(input)
      .filter((f) => ASSESSMENT_FILE.test(f) && !f.startsWith('.'))
      .sort()
      .map((f) => ({path: join(input, f), label: displayPath(join(input, f))}));
  }
  if (existsSync(input)) return [{path: input, label: displayPath(input)}];
  try {
    return [{path: resolveDraft(input, {env: io.env, cwd: io.cwd}), label: `draft ${input}`}];
  } catch {
    return [{path: input, label: displayPath(input)}]; // the read fails with its name
  }
}

function checkOneOrganisation(sources: PortfolioSource[]): void {
  const names = new Map<string, string[]>();
  for (const s of sources) {
    const org = s.answers.context.organisation?.trim() || '(no organisation named)';
    const key = normaliseName(s.answers.context.organisation);
    names.set(key, [...(names.get(key) ?? []), `${s.label}: ${org}`]);
  }
  if (names.size > 1) {
    throw new InputError(
      `--portfolio ranks the workflows of one organisation, and these assessments name ${names.size} different organisations; give one organisation's assessments (or correct the organisation's name in context.organisation):`,
      [...names.values()].flat(),
    );
  }
}

function checkDistinctWorkflows(sources: PortfolioSource[]): void {
  const seen = new Map<string, string>();
  for (const s of sources) {
    const key = normaliseName(s.answers.context.workflow);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const name = s.answers.context.workflow?.trim() || '(no workflow named)';
      throw new InputError(
        `${earlier} and ${s.label} are both the workflow "${name}": a portfolio takes one assessment per workflow. Several respondents on one workflow go together with --combine; for before and after, use --compare`,
      );
    }
    seen.set(key, s.label);
  }
}
