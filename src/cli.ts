/**
 * The command line: flags, picking a command, one top-level catch that maps
 * errors to exit codes. This module is the bundle's entry (dist/cli.js) and
 * loads only commander and what every run needs: `--version` and `--help`
 * stop here. Each command is imported when it runs (src/commands/): the
 * report paths load liquid and yaml, and marked only for HTML; the
 * interactive path loads React and Ink, or inquirer, and the report code
 * only after the wizard is on screen. None of them loads the bank's loader
 * and schemas for the bundled bank, which the build validated
 * (src/bank/bank-cache.ts); an answers file is checked with zod's small core.
 */
import {existsSync, statSync} from 'node:fs';
import {Command, CommanderError, Option} from 'commander';
import {stripControls} from './report/escape.js';
import {displayPath} from './files/paths.js';
import {EXIT, InputError, OutputError} from './cli-errors.js';
import type {Io} from './commands/io.js';
import {loadBank, loadTemplate} from './commands/load-bank-and-template.js';
import {checkConflicts, reportFormat, type Options} from './commands/options.js';
import {reportDate} from './commands/report-date.js';
import {REPORT_FORMATS, TemplateError, type ReportFormat} from './report/report-types.js';
import {FileExistsError} from './store/file-exists-error.js';
import {describeCause} from './store/fs-errors.js';
import {toolVersion} from './version.js';
import {commandLine} from './invocation.js';

export type {Io} from './commands/io.js';

function buildProgram(
  io: Io,
  run: (opts: Options) => Promise<number>,
  drafts: (opts: {delete?: string}) => Promise<number>,
  completion: (args: string[], opts: {listDrafts?: boolean}, program: Command) => Promise<number>,
): Command {
  const program = new Command('handoff-assess');
  const version = toolVersion();
  // Settings a subcommand inherits (drafts, help) come first: errors and help are written the same way.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(usageError(s, io.env)),
    })
    .configureHelp({helpWidth: helpWidth(io.stdout)})
    .showSuggestionAfterError(true)
    .allowExcessArguments(true); // a stray word is named by refuseArguments, not counted
  program
    .description(
      'Assess workflow handoff failures between business tools and recommend managing in place or a scoped remediation sprint. ' +
        'On a terminal, with no options, it opens the interview wizard.',
    )
    .optionsGroup('Interview:')
    .option('--plain', 'line by line (screen readers, simple terminals; automatic when TERM=dumb)')
    .option('--resume [draft]', 'continue a saved interview: the draft id or path given, else the only one, else pick from the newest')
    .option('--respondent-of <draft>', 'interview another respondent on the same workflow: the context of this draft or answers file, answers blank')
    .optionsGroup('Report:')
    .option('-a, --answers <file>', 'no questions asked: the report from a filled answers file, a draft or a report (YAML or JSON; "-" reads stdin)')
    .addOption(new Option('-f, --format <format>', "the report form (default: from --out's extension, else md)").choices([...REPORT_FORMATS]))
    .option('-o, --out <file>', 'write the report to this file ("-": stdout, the default); never replaces a file without --force')
    .option('--force', 'allow --out to replace an existing file')
    .option('--out-dir <dir>', 'with --answers DIR: a report for every answers file in the folder, written here (in -f)')
    .option('--date <yyyy-mm-dd>', 'the date printed on the report (default: today, or the date of a report given to --answers)')
    .option('--brand <file>', 'your brand on HTML and PDF reports: name, logo, colour, contact, disclaimer (YAML; default: brand.yaml in the config folder)')
    .optionsGroup('Toolkit:')
    .option('--compare <files...>', 'BEFORE AFTER: what changed between two assessments (answers files, drafts or reports) and why the verdict moved')
    .option('--combine <files...>', 'A B C...: several respondents on one workflow (2 to 20 answers files, drafts or reports): where they disagree, and one verdict')
    .option('--portfolio <files...>', 'several workflows of one organisation (2 to 20 answers files, drafts or reports, or a folder): which to run the sprint on first')
    .option('--verify <report>', 'does a markdown, HTML or PDF report still match its embedded answers and question bank? (exit 0 intact, 3 not)')
    .optionsGroup('General:')
    .option('--questions <dir>', 'a custom question bank folder (validated on load)')
    .option('--template <file>', 'a custom markdown report template (liquid; validated on load)')
    .version(version, '-v, --version', 'print the version (also -V)')
    .addOption(new Option('-V').hideHelp())
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [command]', 'show the help, or the help of a command')
    .addHelpText(
      'after',
      `
Examples:
  handoff-assess                                the interview wizard
  handoff-assess --resume                       continue a saved interview
  handoff-assess -a examples/acme.yaml          a markdown report on stdout
  handoff-assess -a answers.yaml -o report.html HTML (format from .html)
  handoff-assess -a answers.yaml -o report.pdf  an A4 PDF (format from .pdf)
  cat answers.json | handoff-assess -a - -f json -o -
  handoff-assess --verify report.md             has the report been edited?
  handoff-assess --compare before.yaml after.md what changed, and why
  handoff-assess --combine ops.yaml fin.yaml    several respondents, one verdict
  handoff-assess --portfolio clients/harbour/   which workflow first, and why
  handoff-assess -a clients/ --out-dir reports/ -f html
  handoff-assess drafts                         list saved interviews

Exit codes: 0 done, 2 bad usage or invalid input, 3 a report failed --verify,
130 interrupted (draft saved; 143 on SIGTERM, 129 on SIGHUP), 1 anything else.`,
    )
    .action(async (opts: Options, command: Command) => {
      refuseArguments(command, io.env);
      process.exitCode = await run(opts);
    });
  // -V answers as --version does (commander takes one short flag for it).
  program.on('option:V', () => {
    io.stdout.write(`${version}\n`);
    throw new CommanderError(0, 'commander.version', version);
  });
  program
    .command('drafts')
    .description('list saved interviews by organisation and workflow, newest first')
    .option('--delete <id>', 'delete one saved interview')
    .action(async (opts: {delete?: string}, command: Command) => {
      refuseArguments(command, io.env);
      process.exitCode = await drafts(opts);
    });
  program
    .command('completion')
    .description('print a shell completion script (see docs/install.md)')
    .argument('[shell]', 'bash, zsh or fish')
    .addOption(new Option('--list-drafts', 'the saved interviews\' ids, one a line (the scripts ask for them)').hideHelp())
    .action(async (_shell: string | undefined, opts: {listDrafts?: boolean}, command: Command) => {
      process.exitCode = await completion(command.args, opts, program);
    });
  return program;
}

/** A word the command does not take: named, with the commands there are (commander would only count it). */
function refuseArguments(command: Command, env: NodeJS.ProcessEnv): void {
  const word = command.args[0];
  if (word === undefined) return;
  const help = commandLine('--help', env);
  if (command.parent) throw new InputError(`${command.name()} takes no argument, and got '${word}'; see ${commandLine(`${command.name()} --help`, env)}`);
  const guess = /^drafts?$|^draf|^list$/i.test(word) ? ' (did you mean drafts?)' : '';
  throw new InputError(`unknown command '${word}'${guess}: the commands are drafts, completion and help; see ${help}`);
}

/** The help's width: the terminal's, at most 80 columns (a pipe or a file gets 80). */
function helpWidth(stdout: NodeJS.WriteStream): number {
  const columns = stdout.isTTY ? stdout.columns : undefined;
  return columns && columns >= 40 ? Math.min(columns, 80) : 80;
}

/**
 * Commander's own error ("error: unknown option '--x'\n(Did you mean --y?)")
 * as this tool says every error: one line starting with its name, ending
 * with where to look.
 */
export function usageError(text: string, env: NodeJS.ProcessEnv): string {
  const said = text
    .trim()
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\((.*)\)$/, '($1)').replace(/\(Did you mean/, '(did you mean'))
    .filter(Boolean)
    .join(' ')
    .replace(/\.$/, '');
  return `handoff-assess: ${said}; see ${commandLine('--help', env)}\n`;
}

/** Run the CLI; returns the exit code. Nothing here calls process.exit. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // A reader that went away (`| head`) is not a failure; any other error of stdout
  // (a full disk, a closed descriptor) is told once the command is done, and the exit code is 1.
  let stdoutError: NodeJS.ErrnoException | undefined;
  io.stdout.on?.('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') stdoutError ??= error;
  });
  let code: number = EXIT.ok;
  const program = buildProgram(
    io,
    async (opts) => (code = await runMain(opts, io)),
    async (opts) => {
      const {draftsCommand} = await import('./commands/drafts.js');
      return (code = draftsCommand({delete: opts.delete}, {stdout: io.stdout, stderr: io.stderr, env: io.env, bank: await loadBank(undefined)}));
    },
    async (args, opts, program) => {
      const {runCompletion} = await import('./commands/completion.js');
      return (code = runCompletion(args, opts, program, io));
    },
  );
  try {
    process.exitCode = undefined;
    // `help NAME` of a command that does not exist: said as any usage error (commander prints the whole help to stderr).
    const topic = argv[0] === 'help' ? argv[1] : undefined;
    if (topic !== undefined && topic !== 'help' && !topic.startsWith('-') && !program.commands.some((c) => c.name() === topic)) {
      throw new InputError(`no command '${topic}' to help with: the commands are drafts, completion and help; see ${commandLine('--help', io.env)}`);
    }
    await program.parseAsync(argv, {from: 'user'});
  } catch (error) {
    code = handleError(error, io);
  }
  // A write that failed at once (a full device) marks the stream before its error event is emitted.
  const failed = stdoutError ?? ((io.stdout as {errored?: NodeJS.ErrnoException | null}).errored ?? undefined);
  if (failed && failed.code !== 'EPIPE' && code === EXIT.ok) return handleError(new OutputError(failed), io);
  return code;
}

/** DEBUG=handoff-assess (or a list holding it, or *): show where an error came from. */
function debugging(io: Io): boolean {
  return (io.env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === 'handoff-assess' || name === '*');
}

function handleError(error: unknown, io: Io): number {
  const debug = debugging(io) && error instanceof Error ? `${error.stack ?? ''}\n${(error.cause as Error | undefined)?.stack ?? ''}`.trimEnd() + '\n' : '';
  // A message may quote a file name or bank text: nothing in it reaches the terminal as a control.
  const stderr = {write: (text: string) => io.stderr.write(stripControls(text))} as unknown as NodeJS.WriteStream;
  const code = classify(error, {...io, stderr});
  if (debug) io.stderr.write(debug);
  return code;
}

function classify(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
    return EXIT.usage; // commander already printed the message
  }
  if (error instanceof InputError) {
    io.stderr.write(`handoff-assess: ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`  ${line.replace(/\n/g, '\n      ')}\n`);
    return EXIT.usage;
  }
  const carried = (error as {exitCode?: unknown})?.exitCode;
  if (error instanceof Error && typeof carried === 'number') {
    io.stderr.write(`handoff-assess: ${error.message}\n`);
    return carried;
  }
  if (error instanceof TemplateError || error instanceof FileExistsError) {
    io.stderr.write(`handoff-assess: ${error.message}\n`);
    return EXIT.usage;
  }
  // A failure of the filesystem no command foresaw: the path and the cause, in one line.
  const errno = error as NodeJS.ErrnoException & {dest?: string};
  if (errno instanceof Error && typeof errno.code === 'string' && typeof errno.syscall === 'string') {
    const where = errno.path ? ` ${displayPath(errno.path)}${errno.dest ? ` -> ${displayPath(errno.dest)}` : ''}` : '';
    io.stderr.write(`handoff-assess: could not ${SYSCALLS[errno.syscall] ?? errno.syscall}${where}: ${describeCause(errno.code)}\n`);
    return EXIT.failure;
  }
  // Not foreseen: the message only; where it came from with DEBUG=handoff-assess.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`handoff-assess: unexpected error: ${message.split('\n')[0]}${debugging(io) ? '' : ' (run with DEBUG=handoff-assess to see where it came from)'}\n`);
  return EXIT.failure;
}

/** What a system call was doing, for the one-line message of a failure. */
const SYSCALLS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  scandir: 'list the folder',
  rename: 'rename',
  link: 'link',
  unlink: 'remove',
  rmdir: 'remove the folder',
  stat: 'look at',
  lstat: 'look at',
  chmod: 'change the mode of',
  fsync: 'save to the disk',
};

function processIo(): Io {
  return {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, now: () => new Date()};
}

async function runMain(given: Options, io: Io): Promise<number> {
  checkConflicts(given);
  const opts: Options = {...given, format: reportFormat(given)};
  if (opts.verify !== undefined) {
    const {runVerify} = await import('./commands/verify.js');
    return runVerify(opts.verify, opts, io);
  }
  if (opts.compare !== undefined) {
    const {runCompare} = await import('./commands/compare.js');
    return runCompare(opts.compare, opts, io);
  }
  if (opts.combine !== undefined) {
    const {runCombine} = await import('./commands/combine.js');
    return runCombine(opts.combine, opts, io);
  }
  if (opts.portfolio !== undefined) {
    const {runPortfolio} = await import('./commands/portfolio.js');
    return runPortfolio(opts.portfolio, opts, io);
  }
  const format = opts.format as ReportFormat;
  const date = reportDate(opts, io);
  // The interview's code starts loading now, while the bank is read (it refuses to start without a terminal).
  const interview = opts.answers === undefined ? import('./commands/interactive.js') : undefined;
  interview?.catch(() => undefined); // awaited below; an error before then is the one reported
  const bank = await loadBank(opts.questions);
  const template = loadTemplate(opts.template);
  if (template) {
    // A broken template fails before any work.
    const {compileTemplate} = await import('./report/render-core.js');
    compileTemplate(template);
  }

  if (opts.answers === undefined) {
    const {runInterview} = await interview!;
    return runInterview(opts, bank, template, io);
  }

  if (isDirectory(opts.answers)) {
    if (opts.outDir !== undefined && existsSync(opts.outDir) && !isDirectory(opts.outDir)) {
      throw new InputError(`--out-dir ${displayPath(opts.outDir)} is a file, not a folder; give a folder (it is created if missing), e.g. --out-dir reports/`);
    }
    const {runBatch} = await import('./commands/batch.js');
    return runBatch(opts.answers, opts, bank, template, format, date, io);
  }
  if (opts.outDir !== undefined) throw new InputError(`--out-dir goes with --answers DIR (a folder of answers files); ${displayPath(opts.answers)} is a file: use --out FILE`);
  const {runAnswers} = await import('./commands/answers.js');
  return runAnswers(opts.answers, opts, bank, template, format, date, io);
}

function isDirectory(path: string): boolean {
  try {
    return path !== '-' && statSync(path).isDirectory();
  } catch {
    return false;
  }
}
