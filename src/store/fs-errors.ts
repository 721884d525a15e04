/**
 * Failures of the filesystem, said in one line: the path and the cause. Their
 * own module, like file-exists-error.ts: src/cli.ts maps them to exit codes on
 * every run without loading the writer.
 */
import type {Stats} from 'node:fs';

/** What an errno code means, in words (the code itself follows in brackets). */
const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder',
  ENOENT: 'the folder it would go in does not exist',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'something is already there',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'an input/output error on the device',
  EBADF: 'it is closed',
  EPIPE: 'the reader has gone',
  EBUSY: 'the device or file is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'it is on another device',
  ENOTEMPTY: 'the folder is not empty',
};

/** "no space left on the device (ENOSPC)"; an unknown code as it is. */
export function describeCause(code: string | undefined, fallback = 'unknown error'): string {
  if (!code) return fallback;
  const words = CAUSES[code];
  return words ? `${words} (${code})` : code;
}

/** A file could not be written, created or removed. Exit 1. The message is one line: the path and the cause. */
export class FileSystemError extends Error {
  readonly exitCode = 1;
  constructor(
    message: string,
    /** The file or folder concerned. */
    readonly path: string,
    /** The errno code behind it, if any (ENOSPC, EACCES...). Not named `code`, so that callers tell it from a raw Node error. */
    readonly reason?: string,
    options?: {cause?: unknown; why?: string},
  ) {
    super(message, options);
    this.name = 'FileSystemError';
    this.why = options?.why ?? message;
  }
  /** The cause alone, for a caller that names the path itself: "no space left on the device (ENOSPC); nothing was written". */
  readonly why: string;
}

/** A path that names something other than a regular file where one is written (a folder, a device, a FIFO, a socket), or other than a folder where one is needed. Exit 2. */
export class NotAFileError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly path: string,
    /** The cause alone, for a caller that names the path itself: "it is a folder, not a regular file". */
    readonly why: string = message,
  ) {
    super(message);
    this.name = 'NotAFileError';
  }
}

/** What a path is, in words: "a folder", "a character device"... */
export function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}
