/**
 * Files are written whole or not at all. A reader sees the old content or
 * the complete new content, never a partial file; a write that cannot finish
 * (a full disk, a quota, a read-only or forbidden folder) throws a
 * FileSystemError naming the path and the cause, leaves the target as it was
 * and removes its temporary file.
 *
 * The content goes to a temporary file beside the target (`.name.PID.RANDOM.tmp`,
 * created exclusively), written in a loop until every byte is down (one
 * write() may store fewer bytes than asked on a nearly full disk), fsynced,
 * then:
 * - `overwrite: true`: renamed over the target;
 * - `overwrite: false`: hard-linked to the target: link() fails if the target
 *   exists, so a report is never replaced, even by a race with another process.
 * Then the folder itself is fsynced (opened read-only), so that the new name
 * survives a power cut too, not only the bytes. A file system that cannot sync
 * a folder (EINVAL, EISDIR, EPERM, EBADF, ENOTSUP; a folder that is not readable:
 * EACCES) is no failure: the write completed. Any other failure of that sync
 * (EIO) is said, since the file is in place but may not survive a power cut.
 *
 * Only a regular file is ever replaced: a folder, device, FIFO or socket at the
 * path is refused (NotAFileError) with or without `overwrite`. A symbolic link
 * is followed to the file it names (`-o latest.md` replaces the report it points
 * at), unless `followSymlinks: false` (drafts), when the link itself is
 * replaced and the file it pointed at is never written.
 */
import {closeSync, fchmodSync, fsyncSync, linkSync, lstatSync, openSync, realpathSync, renameSync, unlinkSync, writeSync, type Stats} from 'node:fs';
import {randomBytes} from 'node:crypto';
import {basename, dirname, join} from 'node:path';
import {displayPath} from '../files/paths.js';
import {FileExistsError} from './file-exists-error.js';
import {describeCause, FileSystemError, kindOf, NotAFileError} from './fs-errors.js';

export {FileExistsError} from './file-exists-error.js';

export interface WriteOptions {
  /** Replace an existing file. Default false. */
  overwrite?: boolean;
  /** File mode, e.g. 0o600 for drafts. Default: the mode of the file replaced, else 0o644 (less the umask). */
  mode?: number;
  /** Write to the file a symbolic link at the path names (default true); false replaces the link itself. */
  followSymlinks?: boolean;
}

/** Write `data` (text, written as UTF-8, or bytes: a PDF) to `path`, whole or not at all. */
export function writeFileSafely(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const target = options.followSymlinks === false ? path : followLink(path);
  const existing = statOrUndefined(target, path);
  if (existing && !existing.isFile() && !(existing.isSymbolicLink() && options.followSymlinks === false)) {
    throw new NotAFileError(`${displayPath(path)} is ${kindOf(existing)}, not a regular file; only a regular file is replaced, so nothing was written (name a file, e.g. report.md)`, path, `it is ${kindOf(existing)}, not a regular file`);
  }
  if (existing && !options.overwrite) throw new FileExistsError(path);
  const mode = options.mode ?? (existing?.isFile() ? existing.mode & 0o7777 : undefined);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  let step = 'create';
  try {
    fd = openSync(temp, 'wx', mode ?? 0o644);
    if (mode !== undefined) fchmodSync(fd, mode); // exactly, whatever the umask
    step = 'write';
    writeAll(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    step = 'replace';
    if (options.overwrite) renameSync(temp, target);
    else linkSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    removeQuietly(temp);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && step === 'replace') throw new FileExistsError(path);
    throw writeFailure(path, step, error, existing !== undefined);
  }
  if (!options.overwrite) removeQuietly(temp);
  syncFolder(dirname(target), path);
}

/** What a folder's open or fsync fails with where the file system (or the folder's mode) does not allow it: the write stands. */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EINVAL', 'EISDIR', 'EPERM', 'EBADF', 'EACCES', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * fsync the folder a file was just renamed or linked into: the rename lives in
 * the folder, and a power cut before the folder reaches the disk can undo it.
 */
function syncFolder(folder: string, path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined || !FOLDER_SYNC_UNSUPPORTED.has(code)) {
      const cause = describeCause(code, (error as Error).message);
      throw new FileSystemError(
        `${displayPath(path)} was written, but its folder could not be flushed to the disk: ${cause}; after a power cut it may be missing or old`,
        path,
        code,
        {cause: error, why: `written, but its folder could not be flushed to the disk: ${cause}`},
      );
    }
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** write() until every byte is down; a write that stores nothing is a failure, never a loop. */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) {
    const n = writeSync(fd, bytes, offset, bytes.length - offset);
    if (n <= 0) throw Object.assign(new Error('the device accepted no more bytes'), {code: 'ENOSPC'});
    offset += n;
  }
}

/** The file a symbolic link names (a link that leads nowhere is replaced as a link). */
function followLink(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}

/** lstat, or undefined when nothing is there; other failures are the write's failure. */
function statOrUndefined(target: string, path: string): Stats | undefined {
  try {
    return lstatSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw writeFailure(path, 'create', error, false);
  }
}

function writeFailure(path: string, step: string, error: unknown, existed: boolean): FileSystemError {
  const code = (error as NodeJS.ErrnoException).code;
  const cause = code === 'ENOENT' && step === 'create' ? `the folder ${displayPath(dirname(path))} does not exist (ENOENT)` : describeCause(code, (error as Error).message);
  const kept = existed ? 'it keeps its old content' : 'nothing was written';
  return new FileSystemError(`could not write ${displayPath(path)}: ${cause}; ${kept}`, path, code, {cause: error, why: `${cause}; ${kept}`});
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the write's error is the one to report.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already, or the folder refuses: nothing more can be done.
  }
}
