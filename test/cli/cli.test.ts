/**
 * The non-interactive CLI: what it printed, wrote and returned. Most runs call
 * main() in-process (`cli`); the built binary is spawned (`runCli`) where only
 * a process shows it: the bundle end to end, the exit status, stdin that is not
 * a terminal, --help and --version, and which packages a run loads.
 */
import {describe, expect, it, beforeEach, afterEach} from '@jest/globals';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync, cpSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import module from 'node:module';
import {join} from 'node:path';
import {ROOT, runCli, runInProcess} from './run-cli.js';

const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-cli-'));
});
afterEach(() => {
  rmSync(dir, {recursive: true, force: true});
});

/** main(argv, io) in-process, from the project folder, as the binary would run it. */
const cli = (args: string[], options: {input?: string} = {}) => runInProcess(args, {cwd: ROOT, timeoutMs: 60_000, ...options});

const exampleWith = (replace: [string | RegExp, string][]): string => {
  let text = readFileSync(EXAMPLE, 'utf8');
  for (const [from, to] of replace) text = text.replace(from, to);
  return text;
};

describe('a report from an answers file', () => {
  it('prints the markdown report to stdout', () => {
    const run = runCli(['--answers', EXAMPLE, '--date', '2026-11-22']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Handoff risk assessment: Acme Ltd\n/);
    expect(run.stdout).toContain('2026-11-22');
    expect(run.stdout).toContain('## Recommendation: Remediation sprint');
    expect(run.stdout).toContain('## Action plan');
    expect(run.stdout).toContain('## What to prepare before you request qualification');
    expect(run.stderr).toBe('');
  });

  it('writes JSON with the documented fields', async () => {
    const run = await cli(['--answers', EXAMPLE, '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.recommendation).toBe('remediation-sprint');
    expect(['high', 'medium', 'low']).toContain(report.confidence);
    expect(report.lean).toBe('remediation-sprint');
    expect(report.drivers.length).toBeGreaterThan(0);
    expect(report.flips.length).toBeGreaterThan(0);
    expect(report.disqualifiers).toHaveLength(4);
    expect(report.containmentPath.map((s: {step: number}) => s.step)).toEqual([1, 2, 3, 4]);
    expect(report.preparation.length).toBeGreaterThan(0);
    expect(report.answers.context.organisation).toBe('Acme Ltd');
  });

  it('writes one self-contained HTML page', async () => {
    const run = await cli(['--answers', EXAMPLE, '--format', 'html']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain('<h1>Handoff risk assessment: Acme Ltd</h1>');
    expect(run.stdout).toContain('<table>');
    expect(run.stdout).not.toMatch(/<script|<link|src="http|@import/i);
  });

  it('reads the answers from stdin with "-", JSON as well as YAML', async () => {
    const answers = {
      version: 1,
      context: {organisation: 'Stdin Co', role: 'founder', workflow: 'Quote to cash', systems: ['Pipedrive', 'Xero']},
      matrix: {failure_frequency: 1, reconciliation_load: 1, exception_visibility: 2, lead_time_impact: 1, operational_confidence: 1},
      signals: {manage_in_place: ['lightweight_controls', 'clear_ownership'], remediation_sprint: []},
      disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
    };
    const run = await cli(['--answers', '-', '--format', 'json'], {input: JSON.stringify(answers)});
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.organisation).toBe('Stdin Co');
    expect(report.recommendation).toBe('manage-in-place');
  });

  it('uses a custom template', async () => {
    const template = join(dir, 'short.md.liquid');
    writeFileSync(template, '# {{ organisation }}: {{ recommendationLabel }} ({{ confidence }})\n');
    const run = await cli(['--answers', EXAMPLE, '--template', template]);
    expect(run.code).toBe(0);
    const [first, block] = run.stdout.split('\n').filter(Boolean);
    expect(first).toMatch(/^# Acme Ltd: Remediation sprint \((high|medium|low)\)$/);
    expect(block).toMatch(/^<!-- handoff-assess:data v1 [\w-]+ -->$/); // the replay block is kept with any template
  });
});

describe('--out', () => {
  it('writes the file and never replaces it without --force', async () => {
    const out = join(dir, 'report.md');
    const first = await cli(['--answers', EXAMPLE, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('# Handoff risk assessment: Acme Ltd');

    writeFileSync(out, 'my edited report');
    const second = await cli(['--answers', EXAMPLE, '--out', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('already exists');
    expect(second.stderr).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('my edited report');

    const forced = await cli(['--answers', EXAMPLE, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(written);
    expect(readdirSync(dir)).toEqual(['report.md']); // no temp files left behind
  });
});

describe('invalid input exits 2, names the file, the field and what is allowed, and writes nothing', () => {
  const cases: {name: string; text: string; expect: RegExp[]}[] = [
    {name: 'a scale value of 7', text: exampleWith([['failure_frequency: 4', 'failure_frequency: 7']]), expect: [/bad\.yaml:\d+/, /failure_frequency/, /1, 2, 3, 4, 5 or unknown/]},
    {name: 'an unknown axis id', text: exampleWith([['exception_visibility: 3', 'exception_visibilty: 3']]), expect: [/bad\.yaml:\d+/, /exception_visibilty/, /allowed: .*exception_visibility/]},
    {name: 'an unknown signal', text: exampleWith([['clear_ownership]', 'clear_owners]']]), expect: [/bad\.yaml:\d+/, /clear_owners/, /allowed: .*clear_ownership/]},
    {name: 'a disqualifier that is not true or false', text: exampleWith([['no_budget_path: false', 'no_budget_path: maybe']]), expect: [/no_budget_path/, /true .* or false/]},
    {name: 'a role that does not exist', text: exampleWith([['role: consultant', 'role: wizard']]), expect: [/role/, /consultant, founder, operations-leader, buyer/]},
    {name: 'bad YAML', text: 'version: 1\ncontext: [unclosed\n', expect: [/bad\.yaml:\d+/, /not valid YAML or JSON/]},
    {name: 'a list instead of a map', text: '- just\n- a list\n', expect: [/bad\.yaml/, /version: 1/]},
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, c.text);
      const out = join(dir, 'report.md');
      const run = await cli(['--answers', file, '--out', out]);
      expect(run.code).toBe(2);
      for (const pattern of c.expect) expect(run.stderr).toMatch(pattern);
      expect(run.stderr).not.toMatch(/at .*\.[jt]sx?:\d+/); // no stack trace
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a missing answers file', async () => {
    const run = await cli(['--answers', join(dir, 'nope.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nope\.yaml: no such answers file/);
  });

  it('every problem is listed, not only the first', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, exampleWith([['failure_frequency: 4', 'failure_frequency: 0'], ['lead_time_impact: 4', 'lead_time_impact: high']]));
    const run = await cli(['--answers', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 problems');
    expect(run.stderr).toMatch(/failure_frequency/);
    expect(run.stderr).toMatch(/lead_time_impact/);
  });

  it('a format that does not exist', async () => {
    const run = await cli(['--answers', EXAMPLE, '--format', 'docx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/md, html, json, pdf/);
  });

  it('an unknown option', () => {
    const run = runCli(['--anwsers', EXAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("handoff-assess: unknown option '--anwsers' (did you mean --answers?); see handoff-assess --help\n");
  });

  it('a broken question bank: every problem with file and line', async () => {
    const bank = join(dir, 'bank');
    cpSync(join(ROOT, 'questions'), bank, {recursive: true});
    const matrix = join(bank, 'matrix.yaml');
    writeFileSync(matrix, readFileSync(matrix, 'utf8').replace('weight: 3\n    failure_class: handoffs that hold up', 'weight: heavy\n    failure_class: handoffs that hold up'));
    const run = await cli(['--answers', EXAMPLE, '--questions', bank]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/matrix\.yaml:\d+: axis "lead_time_impact": "weight" must be a number, e\.g\. weight: 2/);
  });

  it('a broken template names the file and line', async () => {
    const template = join(dir, 'broken.md.liquid');
    writeFileSync(template, '# Report\n\n{% if organisation %}\nno end\n');
    const run = await cli(['--answers', EXAMPLE, '--template', template]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\.md\.liquid:\d+: template error/);
  });
});

describe('error messages on the terminal', () => {
  it('a file name holding escape sequences is named without them: the terminal is not retitled or recoloured', async () => {
    const name = 'no-such-\u001b]0;PWNED\u0007file-\u001b[41m.yaml';
    const r = await cli(['--answers', name]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-');
    expect(r.stderr).not.toMatch(/\u001b|\u0007/);
  });
});

describe('flags that cannot go together are refused, not ignored', () => {
  it.each([
    [['--answers', 'examples/acme.yaml', '--resume', 'x'], /--resume is for the interview; --answers asks no questions/],
    [['--answers', 'examples/acme.yaml', '--plain'], /--plain is for the interview/],
    [['--verify', 'a.md', '--compare', 'a', 'b'], /--verify and --compare cannot go together/],
    [['--out', 'x.md'], /--out goes with --answers or --compare/],
    [['--out-dir', 'reports'], /--out-dir goes with --answers DIR/],
    [['--answers', 'examples/acme.yaml', '--date', '2026-02-31'], /--date: "2026-02-31" is not a date/],
  ])('%j', async (args, message) => {
    const run = await cli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('without a terminal', () => {
  it('exits 2 and says how to run it instead of crashing on raw mode', () => {
    const run = runCli([], {input: ''});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs a terminal');
    expect(run.stderr).toContain('--answers');
    expect(run.stderr).not.toMatch(/Raw mode/i);
  });
});

describe('help and version', () => {
  it('--help lists the options and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--answers', '--format', '--out', '--force', '--resume', '--questions', '--template', '--plain', 'drafts']) {
      expect(run.stdout).toContain(flag);
    }
  });
  it('--version prints the package version', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(run.stdout.trim()).toBe(pkg.version);
  });
});

describe('the report path stays light', () => {
  /** The files of the bundle a run loaded (dist/ paths) and the bare packages it imported. */
  function filesLoaded(args: string[]): string[] {
    const log = join(dir, 'modules.log');
    writeFileSync(log, '');
    const run = runCli(args, {
      env: {MODULE_SPY_LOG: log, NODE_OPTIONS: `--import ${join(ROOT, 'test/cli/fixtures/module-spy.mjs')}`},
    });
    expect(run.code).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(lines).toContain('dist:cli.js');
    return lines;
  }
  /** The packages a run loaded: each file of the bundle loaded stands for the packages bundled into it (dist/manifest.json). */
  function packagesLoaded(args: string[]): string[] {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8')) as Record<string, string[]>;
    const lines = filesLoaded(args);
    for (const line of lines) if (line.startsWith('dist:')) expect(manifest[line.slice(5)]).toBeDefined();
    return [...new Set(lines.flatMap((line) => (line.startsWith('dist:') ? manifest[line.slice(5)]! : [line])))];
  }
  const interactive = (m: string) => /^(ink|react|@inquirer)/.test(m);

  it('loads neither React, Ink nor inquirer', () => {
    const loaded = packagesLoaded(['--answers', EXAMPLE, '--format', 'html']);
    expect(loaded).toContain('marked'); // the spy works: the HTML path does load marked
    expect(loaded.filter(interactive)).toEqual([]);
  });

  it('an HTML report with no --brand and no brand file never loads the brand code (its YAML and zod schemas)', () => {
    const files = filesLoaded(['--answers', EXAMPLE, '--format', 'html']);
    expect(files).toContain('dist:cli.js');
    expect(files.filter((f) => f.startsWith('dist:chunks/brand-'))).toEqual([]);
  });

  it('loads marked only for HTML, and the bank loader (its YAML and schemas) never for the bundled bank', () => {
    // The answers file is checked with zod's small core (zod/mini, src/answers/answers-schema.ts); the bundled
    // bank comes from the build's cache (dist/bank.json), so the bank's loader and its schemas stay unloaded.
    expect(readdirSync(join(ROOT, 'dist', 'chunks')).filter((f) => f.startsWith('load-bank-'))).toHaveLength(1);
    for (const format of ['md', 'json']) {
      const loaded = packagesLoaded(['--answers', EXAMPLE, '--format', format]);
      expect(loaded).toEqual(expect.arrayContaining(['commander', 'liquidjs', 'yaml']));
      expect(loaded.filter((m) => interactive(m) || m === 'marked')).toEqual([]);
      expect(filesLoaded(['--answers', EXAMPLE, '--format', format]).filter((f) => f.startsWith('dist:chunks/load-bank-'))).toEqual([]);
    }
  });

  it('--version and --help load commander and nothing else (and, on Node 22.1+, env-paths for the compile cache folder)', () => {
    const compileCache = typeof (module as {enableCompileCache?: unknown}).enableCompileCache === 'function' ? ['env-paths', 'is-safe-filename'] : [];
    for (const flag of ['--version', '--help']) expect(packagesLoaded([flag]).sort()).toEqual(['commander', ...compileCache].sort());
  });
});

describe('conventions of command-line tools', () => {
  const noFiles = () => readdirSync(dir);

  it.each([['-o', '-'], ['--out', '-']])('%s %s writes the report to stdout, never to a file named "-"', (flag, dash) => {
    const run = runCli(['--answers', EXAMPLE, flag, dash, '-f', 'json'], {cwd: dir});
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).format).toBe('handoff-assess-report');
    expect(run.stderr).toBe('');
    expect(noFiles()).toEqual([]);
  });

  it.each([
    ['report.md', '# Handoff risk assessment: Acme Ltd'],
    ['report.html', '<!doctype html>'],
    ['report.HTM', '<!doctype html>'],
    ['report.json', '"format": "handoff-assess-report"'],
    ['report', '# Handoff risk assessment: Acme Ltd'], // no extension: markdown, as before
  ])('without -f, --out %s gives the format of its extension, and says where it is', (name, start) => {
    const run = runCli(['--answers', EXAMPLE, '--out', name], {cwd: dir});
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, name), 'utf8').toLowerCase()).toContain(start.toLowerCase());
    expect(run.stderr).toBe(`Written to ${join(realpathSync(dir), name)}\n`);
  });

  it('an extension that names no format, without -f, is refused saying which are allowed; with -f it is written', () => {
    const run = runCli(['--answers', EXAMPLE, '-o', 'report.txt'], {cwd: dir});
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('handoff-assess: --out report.txt: the extension .txt names no report format; use .md, .html (or .htm), .json or .pdf, or give the format with -f md|html|json|pdf\n');
    expect(noFiles()).toEqual([]);
    const given = runCli(['--answers', EXAMPLE, '-o', 'report.txt', '-f', 'md'], {cwd: dir});
    expect(given.code).toBe(0);
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toContain('# Handoff risk assessment');
  });

  it('-f and an extension that disagree are refused naming both: exit 2, nothing written', () => {
    const run = runCli(['--answers', EXAMPLE, '-o', 'r.html', '-f', 'md'], {cwd: dir});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^handoff-assess: -f md and --out r\.html disagree: the file name says html/);
    expect(noFiles()).toEqual([]);
  });

  it('--compare follows the extension too', async () => {
    const out = join(dir, 'changes.json');
    const run = await cli(['--compare', EXAMPLE, EXAMPLE, '-o', out]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('handoff-assess-comparison');
  });

  it('a batch (--out-dir) writes in the format of -f', async () => {
    const clients = join(dir, 'clients');
    mkdirSync(clients);
    cpSync(EXAMPLE, join(clients, 'acme.yaml'));
    const run = await cli(['--answers', clients, '--out-dir', join(dir, 'reports'), '-f', 'html']);
    expect(run.code).toBe(0);
    const written = readdirSync(join(dir, 'reports'));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/\.html$/);
    expect(readFileSync(join(dir, 'reports', written[0]!), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('help [command] prints the help, and the help of a command', () => {
    const help = runCli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(runCli(['--help']).stdout);
    const drafts = runCli(['help', 'drafts']);
    expect(drafts.code).toBe(0);
    expect(drafts.stdout).toMatch(/^Usage: handoff-assess drafts/);
    expect(drafts.stdout).toContain('--delete <id>');
  });

  it('-V prints the version as --version does', () => {
    const run = runCli(['-V']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(runCli(['--version']).stdout);
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it.each([
    [['--format', 'docx', '--answers', 'examples/acme.yaml'], /^handoff-assess: option '-f, --format <format>' argument 'docx' is invalid\. Allowed choices are md, html, json, pdf; see handoff-assess --help\n$/],
    [['--verify'], /^handoff-assess: option '--verify <report>' argument missing; see handoff-assess --help\n$/],
    [['drafts', '--purge'], /^handoff-assess: unknown option '--purge'; see handoff-assess --help\n$/],
    [['extra'], /^handoff-assess: unknown command 'extra': the commands are drafts, completion and help; see handoff-assess --help\n$/],
    [['draft'], /^handoff-assess: unknown command 'draft' \(did you mean drafts\?\): the commands are drafts, completion and help; see handoff-assess --help\n$/],
    [['help', 'nope'], /^handoff-assess: no command 'nope' to help with: the commands are drafts, completion and help; see handoff-assess --help\n$/],
    [['drafts', 'acme'], /^handoff-assess: drafts takes no argument, and got 'acme'; see handoff-assess drafts --help\n$/],
  ])('a usage error %j starts with handoff-assess:, ends with see --help, exit 2', (args, message) => {
    const run = runCli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('every error starts with handoff-assess:', () => {
    for (const args of [['--answers', 'missing.yaml'], ['--answers', EXAMPLE, '--date', 'soon'], ['drafts', '--delete', 'nope']]) {
      const run = runCli(args, {env: {HANDOFF_ASSESS_STATE_DIR: join(dir, 'state')}});
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^handoff-assess: /);
    }
  });

  it('the help groups its flags (interview, report, toolkit, general), ends with examples, and fits 80 columns', () => {
    const {stdout} = runCli(['--help']);
    const headings = stdout.split('\n').filter((line) => /^[A-Z][a-z ]+:/.test(line)).map((line) => line.replace(/:.*/, ''));
    expect(headings).toEqual(['Usage', 'Interview', 'Report', 'Toolkit', 'General', 'Commands', 'Examples', 'Exit codes']);
    const group = (name: string) => stdout.split(`\n${name}:\n`)[1]!.split('\n\n')[0]!;
    expect(group('Interview')).toMatch(/--plain[\s\S]*--resume/);
    expect(group('Report')).toMatch(/--answers[\s\S]*--format[\s\S]*--out <file>[\s\S]*--force/);
    expect(group('Toolkit')).toMatch(/--compare[\s\S]*--verify/);
    expect(group('General')).toMatch(/--version[\s\S]*--help/);
    expect(group('Examples')).toContain('handoff-assess -a answers.yaml -o report.html');
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });
});

describe('hints name a command that works where the user is', () => {
  const state = () => ({HANDOFF_ASSESS_STATE_DIR: join(dir, 'state')});
  const oneDraft = () => {
    mkdirSync(join(dir, 'state', 'drafts'), {recursive: true});
    cpSync(EXAMPLE, join(dir, 'state', 'drafts', 'acme-ltd-20260301-120000.yaml'));
  };

  it('under npm start (npm_lifecycle_event=start): npm start -- ...', () => {
    oneDraft();
    const run = runCli(['drafts'], {env: {...state(), npm_lifecycle_event: 'start'}});
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Resume one with:  npm start -- --resume ID\nDelete one with:  npm start -- drafts --delete ID\n');
    const missing = runCli(['drafts', '--delete', 'nope'], {env: {...state(), npm_lifecycle_event: 'start'}});
    expect(missing.stderr).toContain('List them with: npm start -- drafts\n');
    const usage = runCli(['--bogus'], {env: {npm_lifecycle_event: 'start'}});
    expect(usage.stderr).toMatch(/; see npm start -- --help\n$/);
  });

  it('elsewhere (npm test included): the installed command', () => {
    oneDraft();
    const run = runCli(['drafts'], {env: {...state(), npm_lifecycle_event: 'test'}});
    expect(run.stdout).toContain('Resume one with:  handoff-assess --resume ID\nDelete one with:  handoff-assess drafts --delete ID\n');
  });
});
