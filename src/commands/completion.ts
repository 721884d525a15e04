/**
 * `handoff-assess completion bash|zsh|fish`: a shell completion script, made
 * from the commander program itself (its commands, their visible flags, the
 * --format choices, which come from REPORT_FORMATS), so that it cannot drift
 * from the command line. What a flag's value is comes from its placeholder:
 * a choice list completes its words, `<dir>` folders, `[draft]`/`<id>` the
 * saved interviews' ids, `<yyyy-mm-dd>` nothing, any other (`<file>`,
 * `<report>`, `<files...>`) files.
 *
 * Draft ids are asked of the tool when the user presses tab:
 * `handoff-assess completion --list-drafts` (hidden) prints them one a line,
 * reading the drafts folder's names only (no draft is opened or parsed).
 *
 * Installing the scripts: docs/install.md.
 */
import {readdirSync} from 'node:fs';
import type {Command, Option} from 'commander';
import {InputError} from '../cli-errors.js';
import {commandLine} from '../invocation.js';
import {draftsDir} from '../store/state-dir.js';
import type {Io} from './io.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const BIN = 'handoff-assess';
const LIST_DRAFTS = `${BIN} completion --list-drafts`;

/** What a flag's value (or a command's argument) is, for completing it. */
export type ValueKind = {kind: 'none'} | {kind: 'file'} | {kind: 'dir'} | {kind: 'draft'} | {kind: 'text'} | {kind: 'words'; words: string[]};

export interface FlagSpec {
  short?: string;
  long?: string;
  description: string;
  value: ValueKind;
  /** `[value]`: the next word is its value only when it does not start with "-". */
  optionalValue: boolean;
  /** `<files...>`: every following word up to the next flag. */
  variadic: boolean;
}

export interface CommandSpec {
  /** '' for the program itself. */
  name: string;
  description: string;
  flags: FlagSpec[];
  /** What each positional argument completes to (a subcommand's; the program's are its commands). */
  args: {name: string; value: ValueKind}[];
}

export interface CompletionSpec {
  root: CommandSpec;
  commands: CommandSpec[];
}

/** The program's commands and visible flags, as the scripts complete them. */
export function completionSpec(program: Command): CompletionSpec {
  const help = program.createHelp();
  const subcommands = help.visibleCommands(program);
  const commandNames = subcommands.map((c) => c.name());
  const describe = (cmd: Command, name: string): CommandSpec => ({
    name,
    description: firstLine(cmd.description()),
    flags: help.visibleOptions(cmd).map(flagSpec),
    args: cmd.registeredArguments.map((argument) => ({name: argument.name(), value: argumentKind(argument.name(), argument.argChoices, commandNames)})),
  });
  const root = describe(program, '');
  root.args = [{name: 'command', value: {kind: 'words', words: commandNames}}];
  return {root, commands: subcommands.map((c) => describe(c, c.name()))};
}

function flagSpec(option: Option): FlagSpec {
  const placeholder = /[<[]([^>\]]*)[>\]]/.exec(option.flags)?.[1]?.replace(/\.\.\.$/, '') ?? '';
  const value: ValueKind = !option.required && !option.optional ? {kind: 'none'} : option.argChoices ? {kind: 'words', words: [...option.argChoices]} : placeholderKind(placeholder);
  return {short: option.short, long: option.long, description: firstLine(option.description), value, optionalValue: option.optional, variadic: option.variadic};
}

function argumentKind(name: string, choices: string[] | undefined, commandNames: string[]): ValueKind {
  if (choices) return {kind: 'words', words: [...choices]};
  if (name === 'shell') return {kind: 'words', words: [...SHELLS]};
  if (name === 'command') return {kind: 'words', words: commandNames};
  return placeholderKind(name);
}

function placeholderKind(placeholder: string): ValueKind {
  if (/draft|^id$/i.test(placeholder)) return {kind: 'draft'};
  if (/dir|folder/i.test(placeholder)) return {kind: 'dir'};
  if (/date|yyyy/i.test(placeholder)) return {kind: 'text'};
  return {kind: 'file'};
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

/** The completion script for `shell`. */
export function completionScript(shell: Shell, program: Command): string {
  const spec = completionSpec(program);
  if (shell === 'bash') return bashScript(spec);
  if (shell === 'zsh') return zshScript(spec);
  return fishScript(spec);
}

/** The draft ids in the drafts folder, one a line: only the folder's names are read. */
export function draftIds(env: NodeJS.ProcessEnv): string[] {
  try {
    return readdirSync(draftsDir({env}))
      .filter((name) => name.endsWith('.yaml') && !name.startsWith('.'))
      .map((name) => name.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return []; // no drafts folder yet, or none that can be read: nothing to offer
  }
}

/** The command: the script on stdout, or the draft ids with --list-drafts. */
export function runCompletion(args: string[], opts: {listDrafts?: boolean}, program: Command, io: Io): number {
  if (opts.listDrafts) {
    const ids = draftIds(io.env);
    if (ids.length > 0) io.stdout.write(`${ids.join('\n')}\n`);
    return 0;
  }
  const shells = `${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`;
  const [shell, extra] = args;
  if (shell === undefined) throw new InputError(`completion needs a shell, ${shells}: e.g. ${commandLine('completion bash', io.env)} (docs/install.md says where to put it)`);
  if (!(SHELLS as readonly string[]).includes(shell)) throw new InputError(`no completion for the shell '${shell}': the shells are ${shells}; see ${commandLine('completion --help', io.env)}`);
  if (extra !== undefined) throw new InputError(`completion takes one shell, and got '${extra}' too; see ${commandLine('completion --help', io.env)}`);
  io.stdout.write(completionScript(shell as Shell, program));
  return 0;
}

// --- bash -----------------------------------------------------------------------------------------

const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A flag's value as the bash script encodes it: `?` optional, the kind, `...` variadic; '' for a flag without one. */
function bashValue(flag: FlagSpec): string {
  if (flag.value.kind === 'none') return '';
  const kind = flag.value.kind === 'words' ? `words:${flag.value.words.join(' ')}` : flag.value.kind;
  return `${flag.optionalValue ? '?' : ''}${kind}${flag.variadic ? '...' : ''}`;
}

function bashScript(spec: CompletionSpec): string {
  const all = [spec.root, ...spec.commands];
  const names = (flag: FlagSpec) => [flag.short, flag.long].filter((n): n is string => Boolean(n));
  const valueCases = all.flatMap((cmd) =>
    cmd.flags
      .filter((flag) => flag.value.kind !== 'none')
      .map((flag) => `    ${names(flag).map((n) => sq(`${cmd.name} ${n}`)).join('|')}) _ha_value=${sq(bashValue(flag))} ;;`),
  );
  const flagCases = all.map((cmd) => `    ${sq(cmd.name)}) _ha_words=${sq(cmd.flags.flatMap(names).join(' '))} ;;`);
  const argCases = all
    .filter((cmd) => cmd.args.length > 0)
    .map((cmd) => {
      const value = cmd.args[0].value;
      return `    ${sq(cmd.name)}) _ha_value=${sq(value.kind === 'words' ? `words:${value.words.join(' ')}` : value.kind)} ;;`;
    });
  const commandNames = spec.commands.map((c) => c.name).join('|');
  return `# bash completion for ${BIN}: made by \`${BIN} completion bash\`.
# Install (docs/install.md): ${BIN} completion bash > ~/.local/share/bash-completion/completions/${BIN}
# or add to ~/.bashrc: source <(${BIN} completion bash)

# _ha_value: what the value of flag $2 of command $1 ('' for the program) is:
# ?optional, file, dir, draft, text or words:LIST, ...variadic; '' when it takes none.
__handoff_assess_value() {
  case "$1 $2" in
${valueCases.join('\n')}
    *) _ha_value= ;;
  esac
}

# _ha_words: the flags of command $1.
__handoff_assess_flags() {
  case "$1" in
${flagCases.join('\n')}
    *) _ha_words= ;;
  esac
}

# _ha_value: what a positional word of command $1 completes to.
__handoff_assess_args() {
  case "$1" in
${argCases.join('\n')}
    *) _ha_value= ;;
  esac
}

# COMPREPLY: the words of kind $1 that start with $2.
__handoff_assess_complete() {
  local IFS=$'\\n' kind=\${1#\\?}
  kind=\${kind%...}
  case "$kind" in
    file) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$2")) ;;
    dir) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$2")) ;;
    draft) COMPREPLY=($(compgen -W "$(${LIST_DRAFTS} 2>/dev/null)" -- "$2")) ;;
    words:*) IFS=' '; COMPREPLY=($(compgen -W "\${kind#words:}" -- "$2")) ;;
    *) COMPREPLY=() ;;
  esac
}

_handoff_assess() {
  local cur=\${COMP_WORDS[COMP_CWORD]} cmd= pending= word i _ha_value _ha_words
  COMPREPLY=()
  [[ $cur == = ]] && cur=
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    [[ $word == = ]] && continue # --flag=value, split at "=" by bash
    if [[ -n $pending ]]; then
      if [[ $word == -?* && ( $pending == \\?* || $pending == *... ) ]]; then
        pending= # the flag's value was left out, or its list ended
      else
        [[ $pending == *... ]] || pending=
        continue
      fi
    fi
    if [[ $word == -* ]]; then
      __handoff_assess_value "$cmd" "\${word%%=*}"
      [[ $word == *=* ]] || pending=$_ha_value
    elif [[ -z $cmd ]]; then
      case "$word" in ${commandNames}) cmd=$word ;; esac
    fi
  done
  if [[ -n $pending && ! ( $cur == -* && ( $pending == \\?* || $pending == *... ) ) ]]; then
    __handoff_assess_complete "$pending" "$cur"
  elif [[ $cur == -* ]]; then
    __handoff_assess_flags "$cmd"
    local IFS=' '
    COMPREPLY=($(compgen -W "$_ha_words" -- "$cur"))
  else
    __handoff_assess_args "$cmd"
    __handoff_assess_complete "$_ha_value" "$cur"
  fi
  return 0
}

complete -F _handoff_assess ${BIN}
`;
}

// --- zsh ------------------------------------------------------------------------------------------

/** Text inside _arguments' [description] and a single-quoted word. */
const zq = (s: string) => s.replace(/\\/g, '\\\\').replace(/\[/g, '\\[').replace(/]/g, '\\]').replace(/:/g, '\\:').replace(/'/g, `'\\''`);

function zshAction(value: ValueKind): string {
  switch (value.kind) {
    case 'file':
      return '_files';
    case 'dir':
      return '_files -/';
    case 'draft':
      return '__handoff_assess_drafts';
    case 'words':
      return `(${value.words.join(' ')})`;
    default:
      return ' ';
  }
}

function zshFlag(flag: FlagSpec): string {
  const names = [flag.short, flag.long].filter((n): n is string => Boolean(n));
  const exclusive = names.length > 1 ? `'(${names.join(' ')})'{${names.join(',')}}'` : `'${names[0]}`;
  const value = flag.value.kind === 'none' ? '' : `${flag.optionalValue ? '::' : ':'}${flag.variadic ? '*-*:' : ''}${flag.long?.slice(2) ?? 'value'}:${zshAction(flag.value)}`;
  return `${exclusive}[${zq(flag.description)}]${value}'`;
}

function zshScript(spec: CompletionSpec): string {
  const commands = spec.commands.map((c) => `    '${zq(c.name)}:${zq(c.description)}'`);
  const subcommandCases = spec.commands.map((c) => {
    const specs = [...c.flags.map(zshFlag), ...c.args.map((a, i) => `'${i + 1}:${zq(a.name)}:${zshAction(a.value)}'`)];
    return `        ${c.name}) _arguments -s ${specs.join(' ')} && ret=0 ;;`;
  });
  return `#compdef ${BIN}
# zsh completion for ${BIN}: made by \`${BIN} completion zsh\`.
# Install (docs/install.md): ${BIN} completion zsh > "\${fpath[1]}/_${BIN}"
# or add to ~/.zshrc, after compinit: source <(${BIN} completion zsh)

__handoff_assess_drafts() {
  local -a ids
  ids=(\${(f)"$(${LIST_DRAFTS} 2>/dev/null)"})
  _describe -t drafts 'saved interview' ids
}

__handoff_assess_commands() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  _describe -t commands command commands
}

_handoff_assess() {
  local curcontext=$curcontext state line ret=1
  typeset -A opt_args
  _arguments -C -s \\
${spec.root.flags.map((f) => `    ${zshFlag(f)} \\`).join('\n')}
    '1: :__handoff_assess_commands' \\
    '*:: :->args' && ret=0
  case $state in
    args)
      case $words[1] in
${subcommandCases.join('\n')}
      esac
      ;;
  esac
  return ret
}

# Autoloaded from a file in $fpath (_${BIN}): complete now; sourced: register.
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _handoff_assess "$@"
else
  compdef _handoff_assess ${BIN}
fi
`;
}

// --- fish -----------------------------------------------------------------------------------------

const fq = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishValue(value: ValueKind): string {
  switch (value.kind) {
    case 'none':
      return '';
    case 'file':
      return ' -r -F';
    case 'dir':
      return " -x -a '(__fish_complete_directories)'";
    case 'draft':
      return " -x -a '(__handoff_assess_drafts)'";
    case 'words':
      return ` -x -a ${fq(value.words.join(' '))}`;
    default:
      return ' -x';
  }
}

function fishScript(spec: CompletionSpec): string {
  const commandNames = spec.commands.map((c) => c.name).join(' ');
  const atRoot = `not __fish_seen_subcommand_from ${commandNames}`;
  const line = (condition: string, flag: FlagSpec) =>
    `complete -c ${BIN} -n ${fq(condition)}${flag.short ? ` -s ${flag.short.slice(1)}` : ''}${flag.long ? ` -l ${flag.long.slice(2)}` : ''}${fishValue(flag.value)} -d ${fq(flag.description)}`;
  const lines = [
    ...spec.commands.map((c) => `complete -c ${BIN} -n ${fq(atRoot)} -a ${c.name} -d ${fq(c.description)}`),
    ...spec.root.flags.map((f) => line(atRoot, f)),
    // A flag taking several values (--compare BEFORE AFTER): files after its first value too.
    ...spec.root.flags.filter((f) => f.variadic && f.long).map((f) => `complete -c ${BIN} -n ${fq(`${atRoot}; and __fish_seen_argument -l ${f.long!.slice(2)}`)} -F`),
    ...spec.commands.flatMap((c) => [
      ...c.flags.map((f) => line(`__fish_seen_subcommand_from ${c.name}`, f)),
      ...c.args.slice(0, 1).map((a) => `complete -c ${BIN} -n ${fq(`__fish_seen_subcommand_from ${c.name}`)}${fishValue(a.value).replace(' -x', '').replace(' -r', '')}`),
    ]),
  ];
  return `# fish completion for ${BIN}: made by \`${BIN} completion fish\`.
# Install (docs/install.md): ${BIN} completion fish > ~/.config/fish/completions/${BIN}.fish

function __handoff_assess_drafts
    ${LIST_DRAFTS} 2>/dev/null
end

complete -c ${BIN} -f
${lines.join('\n')}
`;
}
