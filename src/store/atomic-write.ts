/**
 * Files are written whole or not at all. A reader sees the old content or
 * the complete new content, never a partial file.
 *
 * - `overwrite: true` goes through write-file-atomic (temp file, fsync, rename).
 * - `overwrite: false` writes a temp file the same way, then hard-links it to
 *   the target: link() fails if the target exists, so a report is never
 *   replaced, even by a race with another process.
 */
import {closeSync, fsyncSync, linkSync, openSync, unlinkSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import {FileExistsError} from './file-exists-error.js';

export {FileExistsError} from './file-exists-error.js';

export interface WriteOptions {
  /** Replace an existing file. Default false. */
  overwrite?: boolean;
  /** File mode for a new file, e.g. 0o600 for drafts. */
  mode?: number;
}

export function writeFileSafely(path: string, data: string, options: WriteOptions = {}): void {
  if (options.overwrite) {
    writeFileAtomic.sync(path, data, {mode: options.mode, fsync: true});
    return;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const fd = openSync(temp, 'wx', options.mode ?? 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
