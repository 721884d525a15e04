/**
 * The Ink wizard's entry point. src/session/run-interactive.ts imports this
 * lazily, so `--answers` and `--plain` never load Ink or React.
 */
import {render} from 'ink';
import type {Session} from '../../session/runner.js';
import {makeTheme} from './theme.js';
import type {FrontEndIo} from '../types.js';
import {App} from './App.js';

/**
 * Draw the session until it ends: finished, or cancelled by ctrl+c. Ink does
 * not exit the process: the terminal is restored (raw mode off, cursor
 * shown) before the promise settles, and the caller decides what to print
 * and the exit code.
 */
export async function runInkWizard(session: Session, io: FrontEndIo): Promise<void> {
  const instance = render(<App session={session} theme={makeTheme(io.env)} />, {
    stdin: io.stdin,
    stdout: io.stdout,
    exitOnCtrlC: false,
    patchConsole: false,
    // Not incrementalRendering: Ink 6.8 garbles a frame as tall as this one in that mode (seen in tmux).
    // Each frame is written inside a synchronized-output block, so terminals that support it do not flicker.
  });
  await instance.waitUntilExit();
}
