/**
 * What every command of src/cli.ts shares: the process streams and options,
 * reading the files the user named, the report date, the question bank. Light
 * on purpose (node built-ins only): src/cli.ts loads it on every run, and each
 * command module loads what it alone needs.
 */
import {readFileSync, statSync} from 'node:fs';
import {cachedBank} from '../bank/bank-cache.js';
import {displayPath, packagePath} from '../files/paths.js';
import {InputError} from '../cli-errors.js';
import type {Bank} from '../engine/types.js';
import type {TemplateSource} from '../report/report-types.js';

export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

export interface Options {
  plain?: boolean;
  answers?: string;
  format: string;
  out?: string;
  force?: boolean;
  resume?: string | true;
  questions?: string;
  template?: string;
  date?: string;
  compare?: string[];
  verify?: string;
  outDir?: string;
}

/**
 * Flags that cannot go together are refused rather than silently ignored.
 * (`--format` is left out: it has a default, and every path takes it.)
 */
export function checkConflicts(opts: Options): void {
  const given = (name: string, value: unknown) => (value === undefined || value === false ? [] : [name]);
  const modes = [...given('--verify', opts.verify), ...given('--compare', opts.compare), ...given('--answers', opts.answers)];
  if (modes.length > 1) throw new InputError(`${modes.join(' and ')} cannot go together: run them one at a time`);
  const interactiveOnly = [...given('--resume', opts.resume), ...given('--plain', opts.plain)];
  if (modes.length && interactiveOnly.length) {
    throw new InputError(`${interactiveOnly.join(' and ')} ${interactiveOnly.length > 1 ? 'are' : 'is'} for the interview; ${modes[0]} asks no questions. Drop one of them`);
  }
  if (opts.outDir !== undefined && opts.answers === undefined) throw new InputError('--out-dir goes with --answers DIR (a folder of answers files), e.g. --answers clients/ --out-dir reports/');
  if (!modes.length && (opts.out !== undefined || opts.force)) {
    throw new InputError(`${opts.out !== undefined ? '--out' : '--force'} goes with --answers or --compare; in the interview, save the report from its result screen`);
  }
  if (opts.verify !== undefined && (opts.out !== undefined || opts.outDir !== undefined)) throw new InputError('--verify writes nothing: drop --out / --out-dir');
}

/** Today in local time, or the --date given. */
export function reportDate(opts: Options, io: Io): string {
  if (opts.date !== undefined) {
    // A real calendar day: 2026-02-31 does not survive the round trip through Date.
    const day = /^\d{4}-\d{2}-\d{2}$/.test(opts.date) ? new Date(`${opts.date}T00:00:00Z`) : undefined;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== opts.date) {
      throw new InputError(`--date: "${opts.date}" is not a date; use YYYY-MM-DD, e.g. --date 2026-11-22`);
    }
    return opts.date;
  }
  const now = io.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The bank in `dir`, or the bundled one: from the build's cache when its files are unchanged, else loaded and validated. */
export async function loadBank(dir: string | undefined): Promise<Bank> {
  if (dir === undefined) {
    const cached = cachedBank(packagePath('questions'));
    if (cached) return cached;
  }
  const [{defaultBankDir, loadBankDir}, {formatProblem}] = await Promise.all([import('../bank/load-bank.js'), import('../yaml/yaml-source.js')]);
  const {bank, errors} = loadBankDir(dir ?? defaultBankDir());
  if (!bank) {
    throw new InputError(
      `the question bank in ${displayPath(dir ?? defaultBankDir())} is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}):`,
      errors.map(formatProblem),
    );
  }
  return bank;
}

export function loadTemplate(path: string | undefined): TemplateSource | undefined {
  if (path === undefined) return undefined;
  return {path: displayPath(path), text: readInput(path, 'template')};
}

/** Read a file the user named; a problem becomes an InputError naming it. */
export function readInput(path: string, what: string): string {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${displayPath(path)}: is a folder; --${what === 'template' ? 'template' : 'answers'} takes a file`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${displayPath(path)}: ${code === 'ENOENT' ? `no such ${what} file` : `cannot read the ${what} file (${code})`}`);
  }
}

export async function readStdin(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
