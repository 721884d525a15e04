/** The command line's options as commander hands them over, which of them cannot go together, and the report format they ask for. */
import {extname} from 'node:path';
import {InputError} from '../cli-errors.js';
import {REPORT_FORMATS, type ReportFormat} from '../report/report-types.js';

export interface Options {
  plain?: boolean;
  answers?: string;
  /** -f as given; undefined when not given (see `reportFormat`). */
  format?: string;
  out?: string;
  force?: boolean;
  resume?: string | true;
  questions?: string;
  template?: string;
  date?: string;
  compare?: string[];
  /** --combine A B C...: several respondents on one workflow. */
  combine?: string[];
  /** Several workflows of one organisation (issue 14). */
  portfolio?: string[];
  /** Start the interview as another respondent of this draft or answers file (issue 14). */
  respondentOf?: string;
  verify?: string;
  outDir?: string;
  /** --brand FILE: the consultant's brand for HTML and PDF (src/commands/brand-option.ts). */
  brand?: string;
}

/**
 * Flags that cannot go together are refused rather than silently ignored.
 * (`--format` against `--out`'s extension is `reportFormat`'s.)
 */
export function checkConflicts(opts: Options): void {
  const given = (name: string, value: unknown) => (value === undefined || value === false ? [] : [name]);
  const modes = [...given('--verify', opts.verify), ...given('--compare', opts.compare), ...given('--combine', opts.combine), ...given('--portfolio', opts.portfolio), ...given('--answers', opts.answers)];
  if (modes.length > 1) throw new InputError(`${modes.join(' and ')} cannot go together: run them one at a time`);
  const interactiveOnly = [...given('--resume', opts.resume), ...given('--plain', opts.plain), ...given('--respondent-of', opts.respondentOf)];
  if (modes.length && interactiveOnly.length) {
    throw new InputError(`${interactiveOnly.join(' and ')} ${interactiveOnly.length > 1 ? 'are' : 'is'} for the interview; ${modes[0]} asks no questions. Drop one of them`);
  }
  if (opts.respondentOf !== undefined && opts.resume !== undefined) throw new InputError('--respondent-of starts a new interview and --resume continues one: give one of them');
  if (opts.outDir !== undefined && opts.answers === undefined) throw new InputError('--out-dir goes with --answers DIR (a folder of answers files), e.g. --answers clients/ --out-dir reports/');
  if (!modes.length && (opts.out !== undefined || opts.force)) {
    throw new InputError(`${opts.out !== undefined ? '--out' : '--force'} goes with --answers or --compare (or --portfolio); in the interview, save the report from its result screen`);
  }
  if (opts.verify !== undefined && (opts.out !== undefined || opts.outDir !== undefined)) throw new InputError('--verify writes nothing: drop --out / --out-dir');
  if (opts.verify !== undefined && opts.brand !== undefined) throw new InputError("--verify takes no --brand: a report's brand is checked from its data block");
}

/** The report format each extension of --out stands for. */
export const FORMAT_OF_EXTENSION: Readonly<Record<string, ReportFormat>> = {'.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json', '.pdf': 'pdf'};

/** The extensions `--out` takes without -f, for messages: ".md, .html (.htm), .json or .pdf". */
const EXTENSIONS_ALLOWED = '.md, .html (or .htm), .json or .pdf';

/**
 * The report format: -f when given, else the one `--out`'s extension names
 * (report.html is HTML), else markdown (a name without an extension, or
 * `--out -`, stdout; `--out-dir` takes -f). An extension that names no
 * format, without -f, or an -f the extension contradicts, is refused: the
 * file would hold one format under the name of another.
 */
export function reportFormat(opts: Pick<Options, 'format' | 'out'>): ReportFormat {
  const given = opts.format as ReportFormat | undefined;
  if (opts.out === undefined || opts.out === '-') return given ?? 'md';
  const extension = extname(opts.out).toLowerCase();
  const implied = Object.hasOwn(FORMAT_OF_EXTENSION, extension) ? FORMAT_OF_EXTENSION[extension] : undefined;
  if (given === undefined) {
    if (implied) return implied;
    if (!extension) return 'md';
    throw new InputError(
      `--out ${opts.out}: the extension ${extension} names no report format; ` +
        `use ${EXTENSIONS_ALLOWED}, or give the format with -f ${REPORT_FORMATS.join('|')}`,
    );
  }
  if (implied && implied !== given) {
    throw new InputError(`-f ${given} and --out ${opts.out} disagree: the file name says ${implied}. Drop -f, or name the file .${given === 'md' ? 'md' : given}`);
  }
  return given;
}
