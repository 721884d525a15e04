/**
 * Reading a file or a stream as text, within a size cap: only regular files
 * (a FIFO, a device, a socket or a folder is refused without blocking on it),
 * the size checked before reading and again while reading, and the bytes
 * decoded as strict UTF-8 (the line of the first bad byte is reported, never
 * a silent U+FFFD). Node built-ins only: the bank's cache and loader use it too.
 */
import {closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats} from 'node:fs';
import {kindOf} from '../store/fs-errors.js';

const MiB = 1024 * 1024;

/** The most read from each kind of input, in bytes (docs/answers-file.md, "Limits"). */
export const SIZE_CAPS = {
  /** An answers file, a draft, or stdin holding one. */
  answers: 1 * MiB,
  /** A report (a file holding handoff-assess's data block) given to --answers, --compare or --verify. */
  report: 20 * MiB,
  /** Each file of a question bank folder. */
  bankFile: 1 * MiB,
  /** A --template file. */
  template: 1 * MiB,
} as const;

/** Why a file could not be read as text: `message` follows the file's name (and line, when known). */
export class ReadTextError extends Error {
  constructor(
    message: string,
    /** The errno code (ENOENT, EACCES...) when the system refused; EFBIG past the cap, EFTYPE not a regular file. */
    readonly code?: string,
    /** 1-based line of the first byte that is not UTF-8. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ReadTextError';
  }
}

/** "1 MiB (1,048,576 bytes)". */
export function describeSize(bytes: number): string {
  const exact = `${bytes.toLocaleString('en')} bytes`;
  // Rounded up, so that a size over a cap never reads as the cap.
  if (bytes >= MiB) return `${Math.ceil((bytes / MiB) * 100) / 100} MiB (${exact})`;
  return exact;
}

/**
 * The bytes of the regular file at `path`, at most `cap` of them. Throws
 * ReadTextError when it is missing, unreadable, not a regular file, or larger.
 */
export function readFileBytes(path: string, cap: number): Buffer {
  let fd: number | undefined;
  try {
    // stat before opening: opening a FIFO waits for a writer, and opening a device can act on it.
    const before = statSync(path);
    if (!before.isFile()) throw notRegular(before);
    if (before.size > cap) throw tooBig(`is ${describeSize(before.size)}`, cap);
    // O_NONBLOCK: if the path was swapped for a FIFO since, the open returns at once and fstat says so.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(stats);
    if (stats.size > cap) throw tooBig(`is ${describeSize(stats.size)}`, cap);
    // Read until the end, never past cap + 1 bytes (the file may grow while it is read).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, cap + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > cap) throw tooBig(`grew past ${describeSize(cap)} while it was read`, cap);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ReadTextError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReadTextError(code === 'ENOENT' ? 'does not exist' : `could not be read (${code ?? (error as Error).message})`, code);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The regular file at `path` as UTF-8 text, at most `cap` bytes. Throws ReadTextError. */
export function readTextFile(path: string, cap: number): string {
  return decodeUtf8(readFileBytes(path, cap));
}

/** All of a stream, at most `cap` bytes: reading stops as soon as more arrive. Throws ReadTextError. */
export async function readStreamBytes(stream: AsyncIterable<Buffer | string>, cap: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(bytes);
    total += bytes.length;
    // Leaving the loop destroys the stream: nothing more is read.
    if (total > cap) throw tooBig(`holds more than ${describeSize(cap)}`, cap);
  }
  return Buffer.concat(chunks, total);
}

const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

/** Bytes as text; a byte sequence that is not UTF-8 is a ReadTextError naming its line. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const byte = `0x${(bytes[at] ?? 0).toString(16).padStart(2, '0').toUpperCase()}`;
    throw new ReadTextError(`is not valid UTF-8 text (the first bad byte is ${byte}, at byte ${(at + 1).toLocaleString('en')}); save it as UTF-8`, undefined, line);
  }
}

/** The offset where the first byte sequence that is not a valid UTF-8 character starts (WHATWG rules). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

function notRegular(stats: Stats): ReadTextError {
  return new ReadTextError(`is ${kindOf(stats)}, not a regular file; only regular files are read`, stats.isDirectory() ? 'EISDIR' : 'EFTYPE');
}

function tooBig(what: string, cap: number): ReadTextError {
  return new ReadTextError(`${what}; the limit is ${describeSize(cap)}`, 'EFBIG');
}
