/** Error classes and the exit codes they map to, in the one top-level catch of src/cli.ts. */
import {describeCause} from './store/fs-errors.js';

/** Exit codes, as README.md and --help list them. */
export const EXIT = {ok: 0, failure: 1, usage: 2, verifyFailed: 3, interrupted: 130} as const;

/** Bad usage or invalid input: the message names the file, the field and what is allowed. Exit 2. */
export class InputError extends Error {
  constructor(
    message: string,
    /** Further lines: every problem found, not only the first. */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Standard output could not take what was written: a full device, a closed descriptor. Exit 1. */
export class OutputError extends Error {
  readonly exitCode = EXIT.failure;
  constructor(readonly error: NodeJS.ErrnoException) {
    super(`could not write to standard output: ${describeCause(error.code, error.message)}`, {cause: error});
    this.name = 'OutputError';
  }
}
