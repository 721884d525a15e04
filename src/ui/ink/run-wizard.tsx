/**
 * The Ink wizard's entry point. src/session/run-interactive.ts imports this
 * lazily, so `--answers` and `--plain` never load Ink or React.
 */
import {render} from 'ink';
import type {Session} from '../../session/runner.js';
import type {PickedDraft} from '../../session/resume-pick.js';
import {makeTheme} from './theme.js';
import type {DraftPicker, FrontEndIo} from '../types.js';
import {commandLine} from '../../invocation.js';
import {ThemeContext} from './theme.js';
import {DraftPicker as DraftPickerScreen} from './DraftPicker.js';
import {App} from './App.js';
import {filteredStdin} from './key-filter.js';
import type {LiveView} from './use-wizard.js';
import {quitEvent} from './wizard-state.js';

/**
 * Draw the session until it ends: finished, or cancelled by ctrl+c or by the
 * abort signal (SIGTERM, SIGHUP), which ends it exactly as ctrl+c does: a note
 * or figure being typed is kept. Ink does not exit the process: the
 * terminal is restored (raw mode off, cursor shown) before the promise
 * settles, and the caller decides what to print and the exit code.
 *
 * Ink reads the terminal through a key filter (key-filter.ts): a key or a
 * pasted escape sequence it cannot name is dropped instead of crashing it.
 * Any other error while the wizard runs, thrown from a stdin or timer
 * callback where React cannot catch it, unmounts Ink (restoring the
 * terminal) and is thrown from here, so the caller saves the draft and says how to resume.
 */
export async function runInkWizard(session: Session, io: FrontEndIo): Promise<void> {
  // The view as the last key left it: a signal ends the interview with what is being typed there, as ctrl+c does.
  const live: LiveView = {};
  const instance = render(<App session={session} theme={makeTheme(io.env)} live={live} />, {
    stdin: filteredStdin(io.stdin),
    stdout: io.stdout,
    exitOnCtrlC: false,
    patchConsole: false,
    // Not incrementalRendering: Ink 6.8 garbles a frame as tall as this one in that mode (seen in tmux).
    // Each frame is written inside a synchronized-output block, so terminals that support it do not flicker.
  });
  // render()'s unmount takes no error (Ink's own does), so the error is kept here and thrown once Ink has restored the terminal.
  let failure: Error | undefined;
  const onError = (error: unknown) => {
    failure ??= error instanceof Error ? error : new Error(String(error));
    instance.unmount();
  };
  // A signal ends the interview as ctrl+c does: the session keeps the note or figure being typed, saves the draft and ends cancelled.
  const onAbort = () => session.dispatch(quitEvent(live.view));
  process.on('uncaughtException', onError);
  io.signal?.addEventListener('abort', onAbort);
  try {
    if (io.signal?.aborted) onAbort();
    await instance.waitUntilExit();
  } finally {
    process.off('uncaughtException', onError);
    io.signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure;
}

/**
 * `--resume` with several saved interviews: the pick, drawn by Ink until one is
 * chosen or the user quits; the terminal is restored before the wizard starts.
 */
export const pickDraftInk: DraftPicker = async (pick, io) => {
  let picked: PickedDraft | undefined;
  const instance = render(
    <ThemeContext.Provider value={makeTheme(io.env)}>
      <DraftPickerScreen pick={pick} listCommand={commandLine('drafts', io.env)} onDone={(choice) => (picked = choice)} />
    </ThemeContext.Provider>,
    {stdin: filteredStdin(io.stdin), stdout: io.stdout, exitOnCtrlC: false, patchConsole: false},
  );
  const onAbort = () => instance.unmount();
  io.signal?.addEventListener('abort', onAbort);
  try {
    if (io.signal?.aborted) onAbort();
    await instance.waitUntilExit();
  } finally {
    io.signal?.removeEventListener('abort', onAbort);
  }
  return io.signal?.aborted ? undefined : picked;
};
