/**
 * What a front end (the Ink wizard or the plain mode) is: a renderer of one
 * running session (src/session/runner.ts). It reads the session's state,
 * sends it events, and returns once the session has ended; the runner does
 * every file write and the caller decides what to print and the exit code.
 */
import type {DraftPick, PickedDraft} from '../session/resume-pick.js';
import type {Session} from '../session/runner.js';

export interface FrontEndIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Aborted on SIGINT, SIGTERM or SIGHUP: the front end ends the session as cancelled. */
  signal?: AbortSignal;
  /** NO_COLOR and TERM are read from it. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

export type FrontEnd = (session: Session, io: FrontEndIo) => Promise<void>;

/**
 * `--resume` with several saved interviews: offer the newest to pick from.
 * Returns the one picked and what to do with it (continue it, or interview another
 * respondent on its workflow: issue 14), or undefined when the user quit (ctrl+c, esc).
 */
export type DraftPicker = (pick: DraftPick, io: FrontEndIo) => Promise<PickedDraft | undefined>;

/** A front end as the interactive path loads it: the interview, and the pick of a draft before it. */
export interface FrontEndModule {
  run: FrontEnd;
  pickDraft: DraftPicker;
}
