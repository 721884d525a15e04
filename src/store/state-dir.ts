/**
 * Where this tool keeps the user's state and looks for their settings, with
 * nothing heavy to load: drafts.ts, the shell completion's draft ids
 * (src/commands/completion.ts, which must answer in a few milliseconds) and the
 * brand lookup (src/commands/brand-option.ts, on every HTML, PDF and interview
 * run) read it.
 *
 *   $HANDOFF_ASSESS_STATE_DIR                 (tests, or to move them)
 *   $XDG_STATE_HOME/handoff-assess
 *   ~/.local/state/handoff-assess             (Linux default, via env-paths)
 */
import {join, resolve} from 'node:path';
import envPaths from 'env-paths';

const APP = 'handoff-assess';

export interface StoreOptions {
  /** Where HANDOFF_ASSESS_STATE_DIR and XDG_STATE_HOME are read. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** Resolves a relative draft path given to `loadDraft`. Default: process.cwd(). */
  cwd?: string;
}

/** The state folder: HANDOFF_ASSESS_STATE_DIR, else XDG_STATE_HOME/handoff-assess, else the platform default. */
export function stateDir(options: StoreOptions = {}): string {
  const env = options.env ?? process.env;
  if (env.HANDOFF_ASSESS_STATE_DIR) return resolve(env.HANDOFF_ASSESS_STATE_DIR);
  if (env.XDG_STATE_HOME) return join(resolve(env.XDG_STATE_HOME), APP);
  const paths = envPaths(APP, {suffix: ''});
  // env-paths names the XDG state folder `log` on Linux; elsewhere the data folder is the right home.
  return process.platform === 'linux' ? paths.log : paths.data;
}

/** The folder drafts are kept in. */
export function draftsDir(options: StoreOptions = {}): string {
  return join(stateDir(options), 'drafts');
}

/** The config folder: HANDOFF_ASSESS_CONFIG_DIR, else XDG_CONFIG_HOME/handoff-assess, else the platform's (env-paths). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HANDOFF_ASSESS_CONFIG_DIR) return resolve(env.HANDOFF_ASSESS_CONFIG_DIR);
  if (env.XDG_CONFIG_HOME) return join(resolve(env.XDG_CONFIG_HOME), APP);
  return envPaths(APP, {suffix: ''}).config;
}

/** Where the brand file is looked for when --brand is not given. */
export function defaultBrandPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'brand.yaml');
}
