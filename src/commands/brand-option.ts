/**
 * The brand a run applies (docs/report.md, "Your brand on the report"): `--brand FILE`,
 * else brand.yaml in the user's config folder, for the formats that show one (HTML, PDF)
 * and for the interview (which may save either). Markdown and JSON carry no brand: an
 * explicit --brand with them is refused (it would be silently ignored), and the config
 * folder's brand.yaml is not read. The brand code (yaml, zod) loads only when a brand may apply.
 */
import {existsSync} from 'node:fs';
import {InputError} from '../cli-errors.js';
import {defaultBrandPath} from '../store/state-dir.js';
import type {Brand} from '../report/brand-types.js';
import type {Io} from './io.js';
import type {Options} from './options.js';

/** `format` undefined: the interview, where the format is chosen when saving. */
export async function brandFor(opts: Pick<Options, 'brand'>, format: string | undefined, io: Pick<Io, 'env' | 'cwd'>): Promise<Brand | undefined> {
  if (format === 'md' || format === 'json') {
    if (opts.brand !== undefined) {
      throw new InputError(`--brand styles HTML and PDF reports; -f ${format} has no brand. Drop --brand, or make the report with -f html (or an --out file named .html)`);
    }
    return undefined;
  }
  // Without --brand and without a brand file, nothing to read: the brand code (yaml, zod) is not loaded.
  if (opts.brand === undefined && !existsSync(defaultBrandPath(io.env))) return undefined;
  const {findBrand} = await import('../report/brand.js');
  return findBrand(opts.brand, {env: io.env, cwd: io.cwd});
}
