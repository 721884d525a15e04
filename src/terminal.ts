/**
 * What this run may do with the terminal, decided once: whether the
 * interview can run here at all, and whether colour is wanted.
 */
import {commandLine} from './invocation.js';

/** NO_COLOR is set (https://no-color.org: present and not empty). */
function noColorSet(env: NodeJS.ProcessEnv): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

/** Does the environment ask for no colour? NO_COLOR, FORCE_COLOR=0 or TERM=dumb. */
export function wantsNoColor(env: NodeJS.ProcessEnv): boolean {
  if (noColorSet(env)) return true;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return true;
  return env.TERM === 'dumb';
}

/**
 * chalk (under Ink) ignores NO_COLOR and honours FORCE_COLOR=0, read when it
 * loads: so NO_COLOR becomes FORCE_COLOR=0 in `target` (the process's own
 * environment) before the wizard's code is imported.
 */
export function passNoColorOn(env: NodeJS.ProcessEnv, target: NodeJS.ProcessEnv = process.env): void {
  if (noColorSet(env) && env.FORCE_COLOR === undefined) target.FORCE_COLOR = '0';
}

/** Why the interview cannot run on these streams (not both terminals), with what to do instead; undefined when it can. */
export function noTerminal(stdin: {isTTY?: boolean}, stdout: {isTTY?: boolean}, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (stdin.isTTY && stdout.isTTY) return undefined;
  return [
    `the interview needs a terminal, and ${!stdin.isTTY ? 'stdin' : 'stdout'} is not one.`,
    `Run it in a terminal:     ${commandLine('', env)}`,
    `or from an answers file:  ${commandLine('--answers answers.yaml [--out report.md|report.html|report.pdf|report.json|-]', env)}`,
    'A filled example:         examples/acme.yaml',
  ].join('\n');
}

/** The line-by-line mode is used: asked for, or a terminal that cannot draw the wizard. */
export function wantsPlain(asked: boolean, env: NodeJS.ProcessEnv): boolean {
  return asked || env.TERM === 'dumb';
}
