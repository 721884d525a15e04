/**
 * What every command of src/cli.ts shares: the process streams and options,
 * reading the files the user named, the report date, the question bank. Light
 * on purpose (node built-ins only): src/cli.ts loads it on every run, and each
 * command module loads what it alone needs.
 */
import {readFileSync, statSync} from 'node:fs';
import {cachedBank} from '../bank/bank-cache.js';
import {displayPath, packagePath} from '../bank/paths.js';
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

/** Today in local time, or the --date given. */
export function reportDate(opts: Options, io: Io): string {
  if (opts.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || Number.isNaN(Date.parse(`${opts.date}T00:00:00Z`))) {
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
  const [{defaultBankDir, loadBankDir}, {formatProblem}] = await Promise.all([import('../bank/load-bank.js'), import('../bank/yaml-source.js')]);
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
