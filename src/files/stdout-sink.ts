/**
 * A standard output that goes nowhere. When a program starts with fd 1 closed (`>&-`), Node opens
 * /dev/null read-write in its place before any of our code runs; a parent that ignores the output
 * (spawn's 'ignore', Python's DEVNULL, a service with its output set to null) hands over the same
 * descriptor. A shell's `> /dev/null` opens it write-only: the user threw the output away on purpose.
 * So /dev/null opened read-write on fd 1 means a report written there is lost without anyone having
 * asked for that, and the report commands refuse it (exit 1) instead of saying nothing (issue 12).
 * Linux only (it reads /proc/self/fdinfo); elsewhere nothing is refused.
 */
import {fstatSync, readFileSync, statSync} from 'node:fs';

export function stdoutGoesNowhere(fd = 1): boolean {
  try {
    const here = fstatSync(fd);
    if (!here.isCharacterDevice() || here.rdev !== statSync('/dev/null').rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    // O_ACCMODE: 0 read-only, 1 write-only, 2 read-write.
    return flags !== null && (parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}
