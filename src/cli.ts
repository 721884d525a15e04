/**
 * The command line: flags, picking a front end, one top-level catch that
 * maps errors to exit codes. The non-interactive path never loads React,
 * Ink, inquirer or marked-terminal: those are imported lazily. Nor does it
 * load the schema library for the bundled bank, which the build validated
 * (src/bank/bank-cache.ts).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {basename, extname, join} from 'node:path';
import {Command, CommanderError, Option} from 'commander';
import {cachedBank} from './bank/bank-cache.js';
import {displayPath, packagePath} from './bank/paths.js';
import {formatProblem} from './bank/yaml-source.js';
import {EXIT, InputError} from './cli-errors.js';
import {compareAnswers} from './engine/compare.js';
import {score} from './engine/score.js';
import type {Answers, Bank} from './engine/types.js';
import {stripControls} from './report/escape.js';
import {readAssessment, type AssessmentLoad} from './report/read-assessment.js';
import {verifyReport} from './report/verify.js';
import {resolveDraft} from './store/drafts.js';
import {compileTemplate, REPORT_FORMATS, renderComparison, renderReport, TemplateError, toolVersion, type ReportFormat, type TemplateSource} from './report/render-report.js';
import {reportFileName, slug} from './store/file-names.js';
import {FileExistsError, writeFileSafely} from './store/atomic-write.js';

export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

interface Options {
  plain?: boolean;
  answers?: string;
  format: string;
  out?: string;
  force?: boolean;
  resume?: string | true;
  questions?: string;
  template?: string;
  date?: string;
  compare?: string[];
  verify?: string;
  outDir?: string;
}

function buildProgram(io: Io, run: (opts: Options) => Promise<number>, drafts: (opts: {delete?: string}) => Promise<number>): Command {
  const program = new Command('handoff-assess');
  program
    .description(
      'Assess workflow handoff failures between business tools and recommend managing in place or a scoped remediation sprint.\n' +
        'On a terminal, with no options, it opens the interview wizard.',
    )
    .version(toolVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option('--plain', 'the interview line by line (screen readers, simple terminals; automatic when TERM=dumb)')
    .option('-a, --answers <file>', 'no questions asked: the report from a filled answers file (YAML or JSON; "-" reads stdin)')
    .addOption(new Option('-f, --format <format>', 'the report form').choices([...REPORT_FORMATS]).default('md'))
    .option('-o, --out <file>', 'write the report to this file (default: stdout); never replaces an existing file without --force')
    .option('--force', 'allow --out to replace an existing file')
    .option('--resume [draft]', 'continue a saved interview: the latest, or the draft id or path given')
    .option('--questions <dir>', 'a custom question bank folder (validated on load)')
    .option('--template <file>', 'a custom markdown report template (liquid; validated on load)')
    .option('--date <yyyy-mm-dd>', 'the date printed on the report (default: today, or the date of a report given to --answers)')
    .option('--compare <files...>', 'BEFORE AFTER: what changed between two assessments (answers files, drafts or reports) and why the verdict moved')
    .option('--verify <report>', 'check that a markdown or HTML report still matches its embedded answers and question bank (exit 0 intact, 3 not)')
    .option('--out-dir <dir>', 'with --answers DIR: write a report for every answers file in the folder here')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  handoff-assess                                   the interview wizard
  handoff-assess --answers examples/acme.yaml      a markdown report on stdout
  handoff-assess -a answers.yaml -f html -o report.html
  cat answers.json | handoff-assess --answers - --format json
  handoff-assess --answers report.md               the same report again, from a report's embedded answers
  handoff-assess --verify report.md                has the report been edited since it was made?
  handoff-assess --compare before.yaml after.md    what changed, and why the verdict moved
  handoff-assess --answers clients/ --out-dir reports/
  handoff-assess --resume                          continue the latest saved interview
  handoff-assess drafts                            list saved interviews

Exit codes: 0 done, 2 bad usage or invalid input, 3 a report failed --verify, 130 interrupted (draft saved), 1 anything else.`,
    )
    .action(async (opts: Options) => {
      process.exitCode = await run(opts);
    });
  program
    .command('drafts')
    .description('list saved interviews, newest first')
    .option('--delete <id>', 'delete one saved interview')
    .action(async (opts: {delete?: string}) => {
      process.exitCode = await drafts(opts);
    });
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  return program;
}

/** Run the CLI; returns the exit code. Nothing here calls process.exit. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '' && io.env.FORCE_COLOR === undefined) io.env.FORCE_COLOR = '0';
  io.stdout.on?.('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  let code: number = EXIT.ok;
  const program = buildProgram(
    io,
    async (opts) => (code = await runMain(opts, io)),
    async (opts) => {
      const {draftsCommand} = await import('./store/drafts-command.js');
      return (code = draftsCommand({delete: opts.delete}, {stdout: io.stdout, stderr: io.stderr, env: io.env, bank: await loadBank(undefined)}));
    },
  );
  try {
    process.exitCode = undefined;
    await program.parseAsync(argv, {from: 'user'});
    return code;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: Io): number {
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
  io.stderr.write(`handoff-assess: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.failure;
}

function processIo(): Io {
  return {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env, now: () => new Date()};
}

/** Today in local time, or the --date given. */
function reportDate(opts: Options, io: Io): string {
  if (opts.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || Number.isNaN(Date.parse(`${opts.date}T00:00:00Z`))) {
      throw new InputError(`--date: "${opts.date}" is not a date; use YYYY-MM-DD, e.g. --date 2026-11-22`);
    }
    return opts.date;
  }
  const now = io.now();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The bank in `dir`, or the bundled one: from the build's cache when its files are unchanged, else loaded and validated. */
export async function loadBank(dir: string | undefined): Promise<Bank> {
  if (dir === undefined) {
    const cached = cachedBank(packagePath('questions'));
    if (cached) return cached;
  }
  const {defaultBankDir, loadBankDir} = await import('./bank/load-bank.js');
  const {bank, errors} = loadBankDir(dir ?? defaultBankDir());
  if (!bank) {
    throw new InputError(
      `the question bank in ${displayPath(dir ?? defaultBankDir())} is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}):`,
      errors.map(formatProblem),
    );
  }
  return bank;
}

function loadTemplate(path: string | undefined): TemplateSource | undefined {
  if (path === undefined) return undefined;
  return {path: displayPath(path), text: readInput(path, 'template')};
}

/** Read a file the user named; a problem becomes an InputError naming it. */
function readInput(path: string, what: string): string {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${displayPath(path)}: is a folder; --${what === 'template' ? 'template' : 'answers'} takes a file`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${displayPath(path)}: ${code === 'ENOENT' ? `no such ${what} file` : `cannot read the ${what} file (${code})`}`);
  }
}

async function readStdin(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function runMain(opts: Options, io: Io): Promise<number> {
  if (opts.verify !== undefined) return runVerify(opts.verify, opts, io);
  if (opts.compare !== undefined) return runCompare(opts.compare, opts, io);
  const format = opts.format as ReportFormat;
  const date = reportDate(opts, io);
  const bank = await loadBank(opts.questions);
  const template = loadTemplate(opts.template);
  if (template) compileTemplate(template); // a broken template fails before any work

  if (opts.answers === undefined) {
    if (!io.stdin.isTTY || !io.stdout.isTTY) {
      throw new InputError(
        'the interview needs a terminal, and this one has no terminal on ' + (!io.stdin.isTTY ? 'stdin' : 'stdout') + '.',
        [
          'Run it in a terminal:        handoff-assess',
          'or from an answers file:     handoff-assess --answers answers.yaml [--format md|html|json] [--out FILE]',
          'A filled example:            examples/acme.yaml',
        ],
      );
    }
    const {runInteractive} = await import('./ui/run-interactive.js');
    return runInteractive({
      bank,
      plain: Boolean(opts.plain),
      resume: opts.resume,
      cwd: io.cwd,
      now: io.now,
      renderReport: (answers, fmt) => renderReport({bank, answers, date: reportDate(opts, io), format: fmt, template}),
      defaultFileName: (answers, fmt) => reportFileName(answers, reportDate(opts, io), fmt),
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      env: io.env,
    });
  }

  if (isDirectory(opts.answers)) return runBatch(opts.answers, opts, bank, template, format, io);
  if (opts.outDir !== undefined) throw new InputError(`--out-dir goes with --answers DIR (a folder of answers files); ${displayPath(opts.answers)} is a file: use --out FILE`);

  const name = opts.answers === '-' ? '<stdin>' : displayPath(opts.answers);
  const text = opts.answers === '-' ? await readStdin(io.stdin) : readInput(opts.answers, 'answers');
  const {answers, embedded} = loadAssessment(name, text, bank, io);
  if (embedded && embedded.template.path !== 'default' && !template) {
    io.stderr.write(`warning: ${name} was made with the custom template ${embedded.template.path}; pass it with --template to reproduce it exactly\n`);
  }
  const report = renderReport({bank, answers, date: opts.date !== undefined ? date : embedded?.date ?? date, format, template});
  emit(report, opts, io);
  return EXIT.ok;
}

/** Answers from an answers file, a draft or a report; every problem is an InputError listing all of them. */
function loadAssessment(name: string, text: string, bank: Bank, io: Io): AssessmentLoad & {answers: Answers} {
  const loaded = readAssessment(name, text, bank);
  for (const w of loaded.warnings) io.stderr.write(`warning: ${formatProblem(w)}\n`);
  if (!loaded.answers) {
    const n = loaded.errors.length;
    throw new InputError(`${name} is not a valid answers file (${n} problem${n === 1 ? '' : 's'}):`, loaded.errors.map(formatProblem));
  }
  return loaded as AssessmentLoad & {answers: Answers};
}

/** Write to --out (atomically, never replacing without --force) or to stdout. */
function emit(text: string, opts: Options, io: Io): void {
  if (opts.out !== undefined) {
    writeFileSafely(opts.out, text, {overwrite: Boolean(opts.force)});
    io.stderr.write(`Written to ${displayPath(opts.out)}\n`);
  } else {
    io.stdout.write(text);
  }
}

function isDirectory(path: string): boolean {
  try {
    return path !== '-' && statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function runVerify(file: string, opts: Options, io: Io): Promise<number> {
  const bank = await loadBank(opts.questions);
  const text = readInput(file, 'report');
  const {intact, checks} = verifyReport(displayPath(file), text, bank, loadTemplate(opts.template));
  for (const check of checks) io.stdout.write(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.text}\n`);
  io.stdout.write(intact ? `${displayPath(file)} is intact.\n` : `${displayPath(file)} does not match what handoff-assess generated.\n`);
  return intact ? EXIT.ok : EXIT.verifyFailed;
}

async function runCompare(files: string[], opts: Options, io: Io): Promise<number> {
  if (files.length !== 2) throw new InputError(`--compare takes two assessments, BEFORE and AFTER (got ${files.length}), e.g. --compare before.yaml after.yaml`);
  const bank = await loadBank(opts.questions);
  const [before, after] = files.map((file) => {
    const path = existsSync(file) ? file : draftPathIfAny(file, io);
    const name = displayPath(path);
    return {name, ...loadAssessment(name, readInput(path, 'answers'), bank, io)};
  });
  const comparison = compareAnswers(bank, before!.answers, after!.answers, {
    before: before!.embedded?.date ?? before!.name,
    after: after!.embedded?.date ?? after!.name,
  });
  emit(renderComparison(comparison, opts.format as ReportFormat), opts, io);
  return EXIT.ok;
}

/** A saved draft's path when `id` names one; else `id` unchanged (and the read fails with its name). */
function draftPathIfAny(id: string, io: Io): string {
  try {
    return resolveDraft(id, {env: io.env, cwd: io.cwd});
  } catch {
    return id;
  }
}

/** Every answers file in a folder to a report in --out-dir. One bad file is reported and skipped. */
async function runBatch(dir: string, opts: Options, bank: Bank, template: TemplateSource | undefined, format: ReportFormat, io: Io): Promise<number> {
  if (opts.outDir === undefined) throw new InputError(`${displayPath(dir)} is a folder: add --out-dir DIR2 to write a report for every answers file in it`);
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json|md|html)$/i.test(f) && !f.startsWith('.'))
    .sort();
  if (files.length === 0) throw new InputError(`${displayPath(dir)} holds no answers files (.yaml, .yml, .json, or reports .md/.html)`);
  mkdirSync(opts.outDir, {recursive: true});
  const date = reportDate(opts, io);
  const rows: {file: string; organisation: string; verdict: string; confidence: string; out: string}[] = [];
  const failures: string[] = [];
  const used = new Set<string>();
  const progress = io.stderr.isTTY ? (i: number) => io.stderr.write(`\r${bar(i / files.length)} ${i}/${files.length}`) : () => {};
  files.forEach((file, i) => {
    progress(i);
    const path = join(dir, file);
    const name = displayPath(path);
    try {
      const {answers, embedded} = loadAssessment(name, readInput(path, 'answers'), bank, quiet(io));
      const reportDay = opts.date !== undefined ? date : embedded?.date ?? date;
      // Two files for the same organisation and day get the source file's name too.
      let outName = reportFileName(answers, reportDay, format);
      if (used.has(outName)) outName = outName.replace(/(\.\w+)$/, `-${slug(basename(file, extname(file)))}$1`);
      used.add(outName);
      const out = join(opts.outDir!, outName);
      writeFileSafely(out, renderReport({bank, answers, date: reportDay, format, template}), {overwrite: Boolean(opts.force)});
      const r = score(bank, answers);
      rows.push({file, organisation: answers.context.organisation ?? '', verdict: r.recommendation, confidence: r.confidence, out: displayPath(out)});
    } catch (error) {
      if (!(error instanceof InputError || error instanceof FileExistsError || error instanceof TemplateError)) throw error;
      failures.push(error instanceof InputError ? [error.message, ...error.details.map((d) => `  ${d.replace(/\n/g, '\n      ')}`)].join('\n') : error.message);
    }
  });
  progress(files.length);
  if (io.stderr.isTTY) io.stderr.write('\n');
  io.stdout.write(batchTable(rows));
  io.stdout.write(`\n${rows.length} report${rows.length === 1 ? '' : 's'} written to ${displayPath(opts.outDir)}${failures.length ? `; ${failures.length} file${failures.length === 1 ? '' : 's'} failed` : ''}.\n`);
  for (const f of failures) io.stderr.write(`handoff-assess: ${f}\n`);
  return failures.length ? EXIT.usage : EXIT.ok;
}

function quiet(io: Io): Io {
  return {...io, stderr: {write: () => true} as unknown as NodeJS.WriteStream};
}

function bar(fraction: number, width = 24): string {
  const full = Math.round(fraction * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

function batchTable(rows: {organisation: string; verdict: string; confidence: string; out: string}[]): string {
  const header = ['Organisation', 'Verdict', 'Confidence', 'Report'];
  const cells = rows.map((r) => [stripControls(r.organisation), r.verdict, r.confidence, r.out]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
