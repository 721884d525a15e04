/**
 * The Ink wizard's entry point. src/ui/run-interactive.ts imports this
 * lazily, so `--answers` and `--plain` never load Ink or React.
 */
import {render} from 'ink';
import type {WizardContext, WizardOutcome} from '../types.js';
import {App} from './App.js';

export type {WizardContext, WizardOutcome} from '../types.js';

/**
 * Run the interview to its end (`done`, with the reports saved) or to
 * Ctrl-C (`cancelled`, with the answers so far). Ink does not exit the
 * process: the terminal is restored (raw mode off, cursor shown) before the
 * promise settles, and the caller decides what to print and the exit code.
 */
export async function runInkWizard(ctx: WizardContext): Promise<WizardOutcome> {
  let outcome: WizardOutcome = {kind: 'cancelled', state: ctx.initial};
  const instance = render(
    <App
      bank={ctx.bank}
      initial={ctx.initial}
      onChange={ctx.onChange}
      renderReport={ctx.renderReport}
      defaultFileName={ctx.defaultFileName}
      cwd={ctx.cwd}
      onExit={(o) => {
        outcome = o;
      }}
    />,
    {
      stdin: ctx.stdin ?? process.stdin,
      stdout: ctx.stdout ?? process.stdout,
      exitOnCtrlC: false,
      patchConsole: false,
      // Not incrementalRendering: Ink 6.8 garbles a frame as tall as this one in that mode (seen in tmux).
      // Each frame is written inside a synchronized-output block, so terminals that support it do not flicker.
    },
  );
  await instance.waitUntilExit();
  return outcome;
}
