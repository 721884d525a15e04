/**
 * The real services of an interactive session: the draft kept in the state
 * folder after every change, and report files written whole, never replacing
 * a file unless told to. The only file IO of an interview.
 */
import {positionOf, type InterviewState} from '../engine/interview.js';
import type {Answers, Bank} from '../engine/types.js';
import {FileExistsError, writeFileSafely} from '../store/atomic-write.js';
import {lockDraft, type DraftLock} from '../store/draft-lock.js';
import {draftsDir, newDraftId, releaseDraftId, saveDraft, type StoreOptions} from '../store/drafts.js';
import type {SessionServices} from './runner.js';

/** The draft of one interview: named on its first save, saved again after every change. */
export interface DraftKeeper {
  /** Save now. Throws an Error with a message for the user when it cannot; every call tries again. */
  save(interview: InterviewState): void;
  /** The draft id and path once a save has worked. */
  readonly id: string | undefined;
  readonly path: string | undefined;
  /** Why the last save failed; undefined once one works again. */
  readonly problem: string | undefined;
  /** The interview is over: the draft's lock is removed (the draft stays). Safe to call more than once. */
  release(): void;
}

export interface DraftKeeperOptions {
  bank: Bank;
  store: StoreOptions;
  now: () => Date;
  /** A draft already in the drafts folder (a resumed one), with the lock this process holds on it: saved under its own id. */
  existing?: {id: string; path: string; lock: DraftLock};
}

/**
 * A new draft's id is reserved (an exclusive create, see `newDraftId`) and
 * locked for this process on the first save, so no other interview gets the
 * id and no other wizard resumes it while this one runs.
 */
export function draftKeeper({bank, store, now, existing}: DraftKeeperOptions): DraftKeeper {
  let id = existing?.id;
  let path = existing?.path;
  let lock = existing?.lock;
  let problem: string | undefined;
  return {
    save(interview) {
      // No file for an interview that has nothing in it yet: quitting at the welcome leaves no empty draft behind.
      if (!id && !hasContent(interview.answers)) return;
      try {
        const draftId = id ?? newDraftId(interview.answers, now(), store);
        try {
          lock ??= lockDraft(draftId, store);
          path = saveDraft({id: draftId, answers: interview.answers, position: positionOf(bank, interview), saved: now()}, store);
        } catch (error) {
          // The first save failed: the reserved id is given back (tried afresh after the next change).
          if (!id) {
            lock?.release();
            lock = undefined;
            releaseDraftId(draftId, store);
          }
          throw error;
        }
        id = draftId;
        problem = undefined;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problem = code ? `${draftsDir(store)} cannot be written to (${code})` : (error as Error).message;
        throw new Error(`${problem}; it is tried again after every change`);
      }
    },
    get id() {
      return id;
    },
    get path() {
      return path;
    },
    get problem() {
      return problem;
    },
    release() {
      lock?.release();
    },
  };
}

/** Is there anything in these answers worth a draft file? */
function hasContent(answers: Answers): boolean {
  return [answers.context, answers.matrix, answers.signals, answers.disqualifiers, answers.notes, answers.certainty].some((part) => Object.keys(part).length > 0);
}

/** A report file written whole; an existing file is left alone unless `overwrite`. */
export function writeReportFile(path: string, content: string | Uint8Array, overwrite: boolean): 'written' | 'exists' {
  try {
    writeFileSafely(path, content, {overwrite});
    return 'written';
  } catch (error) {
    if (error instanceof FileExistsError) return 'exists';
    throw error;
  }
}

/** The services of a session on this machine. */
export function fileServices(drafts: DraftKeeper, renderReport: SessionServices['renderReport']): SessionServices {
  return {saveDraft: (interview) => drafts.save(interview), renderReport, writeReport: writeReportFile};
}
