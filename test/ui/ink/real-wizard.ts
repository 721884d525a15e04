/**
 * The real wizard (runInkWizard, not a rendered App) on fake TTY streams of a chosen size: what a test of the
 * terminal set-up, Ctrl-C or a small window drives.
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {InterviewState} from '../../../src/engine/interview.js';
import type {Bank} from '../../../src/engine/types.js';
import {runInkWizard} from '../../../src/ui/ink/run-wizard.js';
import {outcomeOf, testSession, type Outcome} from '../../session/helpers.js';
import {FakeStdin, FakeStdout} from './fake-tty.js';
import {settle, waitFor} from './helpers.js';

export async function startRealWizard(bank: Bank, columns: number, rows: number, initial: InterviewState, signal?: AbortSignal) {
  const stdin = new FakeStdin();
  const stdout = new FakeStdout(columns, rows);
  const {session, changes} = testSession({bank, initial, cwd: mkdtempSync(join(tmpdir(), 'wizard-run-'))});
  let outcome: Outcome | undefined;
  const done = runInkWizard(session, {stdin: stdin as unknown as NodeJS.ReadStream, stdout: stdout as unknown as NodeJS.WriteStream, signal}).then(() => (outcome = outcomeOf(session)!));
  await waitFor(() => stdin.listenerCount('readable') > 0, () => stdout.screen());
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      stdin.send(k);
      await settle();
    }
  };
  /** The screen once it shows `text`. */
  const waitForScreen = (text: string) => waitFor(() => stdout.screen().includes(text) && stdout.screen(), () => stdout.screen());
  return {stdin, stdout, changes, press, waitForScreen, done, outcome: () => outcome};
}
