/**
 * Issue 12, item 5 and the bank, UTF-8 and batch points of item 9: no input
 * is unbounded. Every file read has a size cap checked before parsing and
 * while reading; only regular files are read (a FIFO, a device or a socket
 * is refused without waiting on it); bytes that are not UTF-8 are an error
 * naming the line; a bank's numbers are finite and bounded and its ids plain;
 * a batch never writes over its own inputs.
 *
 * The built binary runs with its address space capped at 2 GB (`ulimit -v`),
 * so an unbounded read fails fast here instead of taking the machine's memory.
 * A test file over a cap is sparse (truncate), so no test writes megabytes.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {execFileSync, spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BIN, crashSigns, ROOT} from './harness.js';

const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
const MiB = 1024 * 1024;
let work: string;
let n = 0;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ha-bounds-'));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The built binary in `work`, its address space capped at 2 GB; `pipe` runs before it in a shell pipeline. A run past 20 s is killed (code null). */
function run(args: string[], options: {pipe?: string; env?: NodeJS.ProcessEnv} = {}): Run {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', ...options.env};
  delete env.NODE_OPTIONS;
  const script = `ulimit -v 2000000; ${options.pipe ? `${options.pipe} | ` : ''}"$0" "$@"`;
  const r = spawnSync('bash', ['-c', script, process.execPath, BIN, ...args], {cwd: work, env, input: '', encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL'});
  return {code: r.status, stdout: r.stdout, stderr: r.stderr};
}

/** A fresh path in `work`. */
const fresh = (name: string) => join(work, `${++n}-${name}`);

/** A file of `size` bytes, sparse (no disk used): zero bytes after `head`. */
function sparse(name: string, size: number, head = ''): string {
  const path = fresh(name);
  writeFileSync(path, head);
  truncateSync(path, size);
  return path;
}

function fifo(name: string): string {
  const path = fresh(name);
  execFileSync('mkfifo', [path]);
  return path;
}

/** A copy of the bundled bank, one file's text edited (or replaced by `replace`). */
function bankWith(file: string, edit: (text: string) => string): string {
  const dir = fresh('bank');
  cpSync(join(ROOT, 'questions'), dir, {recursive: true});
  const before = readFileSync(join(dir, file), 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(join(dir, file), after);
  return dir;
}

/** Exit 2, no crash, and every one of `words` in stderr. */
function expectRefused(r: Run, ...words: (string | RegExp)[]): void {
  expect(crashSigns(r.stderr)).toBeUndefined();
  for (const w of words) expect(r.stderr).toMatch(w);
  expect(r.code).toBe(2);
}

describe('every input has a size cap, checked before it is parsed', () => {
  test('a 10 MB JSON answers file holding a 5-million-item array: refused at once, naming the file, its size and the 1 MiB cap', () => {
    const path = fresh('huge.json');
    writeFileSync(path, `[${'0,'.repeat(5_000_000)}0]`);
    const r = run(['--answers', path]);
    expectRefused(r, 'huge.json', '9.54 MiB (10,000,003 bytes)', '1 MiB (1,048,576 bytes) for an answers file');
    expect(r.stdout).toBe('');
  });

  test('an answers file just over 1 MiB (a valid file and a long comment): refused; one just under is read', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const over = fresh('over.yaml');
    writeFileSync(over, `${text}#${'x'.repeat(MiB - Buffer.byteLength(text))}\n`);
    expectRefused(run(['--answers', over]), 'over.yaml', '1 MiB (1,048,576 bytes) for an answers file');
    const under = fresh('under.yaml');
    writeFileSync(under, `${text}#${'x'.repeat(MiB - Buffer.byteLength(text) - 10)}\n`);
    expect(run(['--answers', under]).code).toBe(0);
  });

  test('`yes | handoff-assess --answers -`: reading stops at the cap, exit 2 naming <stdin>', () => {
    const r = run(['--answers', '-'], {pipe: 'yes'});
    expectRefused(r, '<stdin>', 'more than 20 MiB');
  });

  test('a report over 20 MiB given to --verify, --answers or --compare: refused by its size', () => {
    const report = sparse('big-report.md', 20 * MiB + 1, '# Handoff risk assessment\n');
    expectRefused(run(['--verify', report]), 'big-report.md', 'the limit is 20 MiB');
    expectRefused(run(['--answers', report]), 'big-report.md', 'the limit is 20 MiB');
    expectRefused(run(['--compare', report, EXAMPLE]), 'big-report.md', 'the limit is 20 MiB');
  });

  test('a bank file or a template over 1 MiB: refused, naming it, its size and the cap', () => {
    const bank = bankWith('signals.yaml', (t) => `${t}\n#${'x'.repeat(MiB)}\n`);
    expectRefused(run(['--questions', bank, '--answers', EXAMPLE]), 'signals.yaml', 'is 1.01 MiB (1,050,785 bytes); the limit is 1 MiB');
    const template = fresh('big.md.liquid');
    writeFileSync(template, `{{ verdict }}\n${'x'.repeat(MiB)}\n`);
    expectRefused(run(['--answers', EXAMPLE, '--template', template]), 'big.md.liquid', 'the limit is 1 MiB');
  });
});

describe('only regular files are read: a FIFO or a device is refused without waiting on it', () => {
  test('--verify /dev/zero', () => {
    expectRefused(run(['--verify', '/dev/zero']), '/dev/zero', 'is a character device, not a regular file');
  });

  test('a bank file linked to /dev/zero', () => {
    const dir = bankWith('signals.yaml', (t) => `${t}\n`);
    rmSync(join(dir, 'signals.yaml'));
    symlinkSync('/dev/zero', join(dir, 'signals.yaml'));
    expectRefused(run(['--questions', dir, '--answers', EXAMPLE]), 'signals.yaml', 'is a character device');
  });

  test.each([
    ['--answers', (f: string) => ['--answers', f]],
    ['--template', (f: string) => ['--answers', EXAMPLE, '--template', f]],
    ['--verify', (f: string) => ['--verify', f]],
    ['--compare', (f: string) => ['--compare', EXAMPLE, f]],
  ])('a FIFO that nobody writes, given to %s', (_flag, args) => {
    const path = fifo('pipe.yaml');
    expectRefused(run(args(path)), 'pipe.yaml', 'is a named pipe (FIFO), not a regular file');
  });

  test('a FIFO in a --questions folder', () => {
    const dir = bankWith('matrix.yaml', (t) => `${t}\n`);
    rmSync(join(dir, 'matrix.yaml'));
    execFileSync('mkfifo', [join(dir, 'matrix.yaml')]);
    expectRefused(run(['--questions', dir, '--answers', EXAMPLE]), 'matrix.yaml', 'named pipe');
  });

  test('a FIFO in a batch folder: skipped with a message, every other file still gets its report', () => {
    const dir = fresh('in');
    mkdirSync(dir);
    cpSync(EXAMPLE, join(dir, 'acme.yaml'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const out = fresh('out');
    const r = run(['--answers', dir, '--out-dir', out, '--date', '2026-03-01']);
    expectRefused(r, 'pipe.yaml: is a named pipe (FIFO)');
    expect(readdirSync(out)).toEqual(['handoff-assessment-acme-ltd-2026-03-01.md']);
    expect(r.stdout).toContain('1 report written');
  });

  test('a FIFO among the saved drafts: `drafts` lists it as one that cannot be resumed, and finishes', () => {
    const state = fresh('state');
    mkdirSync(join(state, 'drafts'), {recursive: true, mode: 0o700});
    execFileSync('mkfifo', [join(state, 'drafts', 'stuck.yaml')]);
    const r = run(['drafts'], {env: {HANDOFF_ASSESS_STATE_DIR: state}});
    expect(crashSigns(r.stderr)).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('stuck');
    expect(r.stdout).toContain('problem: is a named pipe (FIFO)');
  });
});

describe('bytes that are not UTF-8 are an error naming the file and the line, never a silent U+FFFD', () => {
  /** The text with a byte 0xFF at the end of line `line` (1-based). */
  const withBadByte = (text: string, line: number) => {
    const lines = text.split('\n').map((l) => Buffer.from(l));
    lines[line - 1] = Buffer.concat([lines[line - 1]!, Buffer.from([0xff])]);
    return Buffer.concat(lines.flatMap((l, i) => (i ? [Buffer.from('\n'), l] : [l])));
  };
  const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  test('an answers file, and the same bytes on stdin', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const line = lineWith(text, 'organisation:');
    const path = fresh('bad.yaml');
    writeFileSync(path, withBadByte(text, line));
    expectRefused(run(['--answers', path]), `bad.yaml:${line}: is not valid UTF-8`);
    expectRefused(run(['--answers', '-'], {pipe: `cat ${path}`}), `<stdin>:${line}: is not valid UTF-8`);
  });

  test('a bank file', () => {
    const dir = bankWith('matrix.yaml', (t) => `${t}\n`);
    const text = readFileSync(join(dir, 'matrix.yaml'), 'utf8');
    const line = lineWith(text, 'title: Failure frequency');
    writeFileSync(join(dir, 'matrix.yaml'), withBadByte(text, line));
    expectRefused(run(['--questions', dir, '--answers', EXAMPLE]), `matrix.yaml:${line}: is not valid UTF-8`);
  });

  test('a template, and a report given to --verify', () => {
    const template = fresh('t.md.liquid');
    writeFileSync(template, Buffer.concat([Buffer.from('# {{ organisation }}\n\nVerdict: '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
    expectRefused(run(['--answers', EXAMPLE, '--template', template]), 't.md.liquid:3: is not valid UTF-8');
    const report = fresh('r.md');
    expect(run(['--answers', EXAMPLE, '--out', report]).code).toBe(0);
    const text = readFileSync(report, 'utf8');
    writeFileSync(report, withBadByte(text, 1));
    expectRefused(run(['--verify', report]), 'r.md:1: is not valid UTF-8');
  });
});

describe('a bank: every number finite and bounded, every id a plain identifier', () => {
  test.each([
    ['a scale point of 1e308', 'bank.yaml', (t: string) => t.replace('scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}', 'scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 1e308}'), /bank\.yaml:\d+: scale_points: "5" must be at most 100/],
    ['remediation_at: 1e308', 'bank.yaml', (t: string) => t.replace('remediation_at: 4', 'remediation_at: 1e308'), /bank\.yaml:\d+: "remediation_at" must be at most 1000000/],
    ['near_threshold: 1e308', 'bank.yaml', (t: string) => t.replace('near_threshold: 5', 'near_threshold: 1e308'), /bank\.yaml:\d+: "near_threshold" must be at most 1000000/],
    ['disagreement_points: 1e308', 'bank.yaml', (t: string) => t.replace('disagreement_points: 4', 'disagreement_points: 1e308'), /bank\.yaml:\d+: "disagreement_points" must be at most 1000000/],
    ['estimated_weight_at: 1e308', 'bank.yaml', (t: string) => t.replace('estimated_weight_at: 3', 'estimated_weight_at: 1e308'), /bank\.yaml:\d+: "estimated_weight_at" must be at most 100/],
  ])('%s: refused, naming the file, the line, the field and the bound', (_what, file, edit, message) => {
    expectRefused(run(['--questions', bankWith(file, edit), '--answers', EXAMPLE]), message);
  });

  test.each([
    ['an axis', 'matrix.yaml', '  - id: failure_frequency', 'constructor', 'axis'],
    ['a signal', 'signals.yaml', '  - id: clear_ownership', 'constructor', 'signal'],
    ['a disqualifier', 'disqualifiers.yaml', '  - id: no_budget_path', 'constructor', 'disqualifier'],
    ['a context question', 'context.yaml', '  - id: assessor', 'prototype', 'context question'],
  ])('%s with the id of an object internal: refused, naming the file, the line and the id', (_what, file, line, bad, noun) => {
    const dir = bankWith(file, (t) => t.replace(line, line.replace(/id: \w+/, `id: ${bad}`)));
    const r = run(['--questions', dir, '--answers', EXAMPLE]);
    expectRefused(r, new RegExp(`${file.replace('.', '\\.')}:\\d+: ${noun} "${bad}": "${bad}" is a name every JavaScript object already has`));
  });
});

describe('a batch never writes over its own inputs', () => {
  function folderWithReport(): {dir: string; reportName: string; report: string} {
    const dir = fresh('reports');
    mkdirSync(dir);
    cpSync(EXAMPLE, join(dir, 'acme.yaml'));
    // A report of another client, saved under the name the batch gives Acme's report.
    const beta = fresh('beta.yaml');
    writeFileSync(beta, readFileSync(EXAMPLE, 'utf8').replace('organisation: Acme Ltd', 'organisation: Beta Co'));
    const reportName = 'handoff-assessment-acme-ltd-2026-03-01.md';
    expect(run(['--answers', beta, '--date', '2026-03-01', '--out', join(dir, reportName)]).code).toBe(0);
    return {dir, reportName, report: readFileSync(join(dir, reportName), 'utf8')};
  }

  test('--out-dir the same folder as the answers, without --force: refused, nothing written', () => {
    const {dir} = folderWithReport();
    const before = readdirSync(dir);
    expectRefused(run(['--answers', dir, '--out-dir', dir, '--date', '2026-03-01']), '--out-dir', 'is the folder the answers are read from', '--force');
    expect(readdirSync(dir)).toEqual(before);
  });

  test('with --force: an input report whose name a new report takes is read, not replaced', () => {
    const {dir, reportName, report} = folderWithReport();
    const r = run(['--answers', dir, '--out-dir', dir, '--date', '2026-03-01', '--force']);
    expect(crashSigns(r.stderr)).toBeUndefined();
    expect(readFileSync(join(dir, reportName), 'utf8')).toBe(report);
    expect(r.stderr).toContain(`${reportName} is one of the answers files read (from acme.yaml): not replaced`);
    // Beta's report was read as itself, and its own report written beside it.
    expect(r.stdout).toContain('Beta Co');
    expect(existsSync(join(dir, 'handoff-assessment-beta-co-2026-03-01.md'))).toBe(true);
  });
});
