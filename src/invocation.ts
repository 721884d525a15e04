/**
 * How the user runs this tool where they are, for every hint that names a
 * command ("Resume with: ...", "Delete one with: ..."). Under `npm start`
 * (npm sets npm_lifecycle_event=start) the `handoff-assess` command is not
 * installed, and arguments reach the tool only after `--`: the hint says
 * `npm start -- --resume ID`. Anywhere else, the installed command.
 */

/** The command that runs this tool here, ready for arguments: `handoff-assess` or `npm start --`. */
export function invocation(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'start' ? 'npm start --' : 'handoff-assess';
}

/** A whole command line to show the user, e.g. commandLine('--resume ID') = `handoff-assess --resume ID` (or `npm start -- --resume ID`). */
export function commandLine(args: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = invocation(env);
  if (!args) return base === 'npm start --' ? 'npm start' : base;
  return `${base} ${args}`;
}
