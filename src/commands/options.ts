/** The command line's options as commander hands them over, and which of them cannot go together. */
import {InputError} from '../cli-errors.js';

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
