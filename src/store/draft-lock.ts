/**
 * One wizard per draft: while an interview has a draft open, a lock file
 * `<id>.lock` beside it holds the wizard's process id. The lock is made whole
 * and exclusively by the project's writer (`writeFileSafely` without
 * overwrite: a temporary file hard-linked to the name, refused when a lock is there),
 * so of two wizards opening one draft exactly one gets it. A lock whose
 * process is no longer running (`kill(pid, 0)` says ESRCH), or that holds no
 * process id, is stale and taken over. The lock is removed when the interview
 * ends, and by an `exit` handler as a last resort.
 *
 * `drafts --delete` honours the lock (`deleteUnlockedDraft`); reading a draft
 * (`--answers DRAFT`, `drafts`) does not need it: a read never changes the draft.
 */
import {readFileSync, unlinkSync} from 'node:fs';
import {join} from 'node:path';
import {deleteDraft, DraftError, draftIdToDelete, draftPath, draftsDir, ensureDraftsDir, type StoreOptions} from './drafts.js';
import {FileExistsError, writeFileSafely} from './atomic-write.js';
import {FileSystemError} from './fs-errors.js';
import {commandLine} from '../invocation.js';

/** The draft is open in another running wizard. */
export class DraftLockedError extends DraftError {
  constructor(
    readonly id: string,
    readonly path: string,
    readonly pid: number,
    env?: NodeJS.ProcessEnv,
  ) {
    super(
      `the saved interview ${id} (${path}) is open in another handoff-assess, process ${pid}; ` +
        'two wizards on one draft would overwrite each other\'s answers.\n' +
        'Finish or pause it there (ctrl+c) and resume again, or continue a copy here, which is saved as a new draft:\n' +
        `  cp ${path} ${id}-copy.yaml && ${commandLine(`--resume ./${id}-copy.yaml`, env)}`,
    );
    this.name = 'DraftLockedError';
  }
}

/** The lock file of a draft id. */
export function lockPath(id: string, options: StoreOptions = {}): string {
  return join(draftsDir(options), `${id}.lock`);
}

/** The process holding this draft, when that process is still running; else undefined (no lock, or a stale one). */
export function draftHolder(id: string, options: StoreOptions = {}): number | undefined {
  const pid = readPid(lockPath(id, options));
  return pid !== undefined && running(pid) ? pid : undefined;
}

export interface DraftLock {
  readonly path: string;
  /** Remove the lock (only while it is still this process's). Safe to call more than once. */
  release(): void;
}

/**
 * Lock a draft id for this process. Throws DraftLockedError when a running
 * process holds it, FileSystemError when the lock cannot be written.
 */
export function lockDraft(id: string, options: StoreOptions = {}): DraftLock {
  ensureDraftsDir(options);
  const path = lockPath(id, options);
  // Twice at most: once as it is, once more after removing a stale lock.
  for (let attempt = 0; ; attempt++) {
    try {
      // Whole and exclusive (a temporary file hard-linked to the name): FileExistsError when a lock is there.
      writeFileSafely(path, `${process.pid}\n`, {mode: 0o600, followSymlinks: false});
      break;
    } catch (error) {
      if (error instanceof FileSystemError) throw new FileSystemError(`cannot lock the draft ${id} in ${draftsDir(options)}: ${error.why}`, path, error.reason, {cause: error});
      if (!(error instanceof FileExistsError)) throw error;
    }
    const holder = readPid(path);
    if (holder === process.pid) break;
    if (holder !== undefined && running(holder)) throw new DraftLockedError(id, draftPath(id, options), holder, options.env);
    if (attempt > 0) throw new DraftLockedError(id, draftPath(id, options), holder ?? 0, options.env);
    removeQuietly(path); // stale: taken over
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    if (readPid(path) === process.pid) removeQuietly(path);
  };
  process.on('exit', release);
  return {path, release};
}

/**
 * Delete a draft that no running wizard has open: the draft's lock is taken
 * for the deletion (a stale one taken over, as `--resume` does), so no wizard
 * can open it meanwhile, and given back after. Throws DraftLockedError when a
 * running process holds it (the draft is kept), DraftNotFoundError for an id
 * with no draft. Returns the path deleted.
 */
export function deleteUnlockedDraft(id: string, options: StoreOptions = {}): string {
  const clean = draftIdToDelete(id, options);
  const lock = lockDraft(clean, options);
  try {
    return deleteDraft(clean, options);
  } finally {
    lock.release();
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Is a process of this id running? EPERM: it is, as another user. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}
