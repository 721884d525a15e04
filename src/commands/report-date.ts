/** The date printed on a report: the --date given, checked, or today. */
import {InputError} from '../cli-errors.js';
import type {Io} from './io.js';
import type {Options} from './options.js';

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
  return localDay(io.now());
}

/** A moment's day in local time, YYYY-MM-DD. */
export function localDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
