/**
 * The question bank and the report template a run uses: --questions and
 * --template, or the bundled ones. Light on purpose (node built-ins only):
 * src/cli.ts loads it on every run that reports; the bank's loader and its
 * schema library are imported only when the build's cache does not answer.
 */
import {cachedBank} from '../bank/bank-cache.js';
import {InputError} from '../cli-errors.js';
import type {Bank} from '../engine/types.js';
import {displayPath, packagePath} from '../files/paths.js';
import type {TemplateSource} from '../report/report-types.js';
import {readInput} from './read-input.js';

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

/** The --template file, read; undefined for the bundled template. */
export function loadTemplate(path: string | undefined): TemplateSource | undefined {
  if (path === undefined) return undefined;
  return {path: displayPath(path), text: readInput(path, 'template')};
}
