/**
 * Issue 5, item 6: a custom question bank (--questions) or report template
 * (--template) is data, not code. With the built binary: YAML tags that other
 * loaders turn into functions or objects run nothing; liquid cannot include,
 * render or lay out another file, reach a prototype, loop for ever or fill
 * memory; a bank file that is a symlink to a file outside is read as that one
 * file (what the folder's owner chose) and its content is not echoed back; and
 * nothing is written anywhere but --out (or inside --out-dir).
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {crashSigns, ROOT, runCli} from './harness.js';

const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
let work: string;
let marker: string;
let n = 0;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ha-data-'));
  marker = join(work, 'PWNED');
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** A copy of the bundled bank with one file's text edited. */
function bankWith(file: string, edit: (text: string) => string): string {
  const dir = join(work, `bank-${++n}`);
  cpSync(join(ROOT, 'questions'), dir, {recursive: true});
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

/** Every file under a folder. */
function tree(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as {path: string}).path, e.name).slice(dir.length + 1))
    .sort();
}

const CODE = `function () { require('node:fs').writeFileSync(${JSON.stringify('MARKER')}, 'x'); return 1 }`;

describe('a hostile --questions bank', () => {
  test.each([
    ['!!js/function', (m: string) => `!!js/function "${CODE.replace('MARKER', m).replace(/"/g, '\\"')}"`],
    ['!!js/eval', (m: string) => `!!js/eval "${CODE.replace('MARKER', m).replace(/"/g, '\\"')}()"`],
    ['!!python/object/apply', (m: string) => `!!python/object/apply:os.system ["touch ${m}"]`],
    ['a custom tag', (m: string) => `!include ${m}`],
    ['a merge key', () => `{<<: {toString: "x", valueOf: "y"}}`],
  ])('%s in a bank field runs nothing', (_name, value) => {
    const dir = bankWith('matrix.yaml', (t) => t.replace(/^(\s+)title: Failure frequency$/m, `$1title: ${value(marker)}`));
    const r = runCli(['--questions', dir, '--answers', EXAMPLE]);
    expect([0, 2]).toContain(r.code);
    expect(crashSigns(r.stderr)).toBeUndefined();
    expect(existsSync(marker)).toBe(false);
    if (r.code === 2) expect(r.stderr).toContain('matrix.yaml');
  });

  test('a bank file that is a symlink to a file outside: read as that file, refused, its content not echoed', () => {
    const dir = bankWith('context.yaml', (t) => t);
    const secret = join(work, 'secret.txt');
    writeFileSync(secret, 'password: hunter2-SECRET\n');
    rmSync(join(dir, 'context.yaml'));
    symlinkSync(secret, join(dir, 'context.yaml'));
    const r = runCli(['--questions', dir, '--answers', EXAMPLE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('context.yaml');
    expect(r.stderr + r.stdout).not.toContain('hunter2-SECRET');
  });

  test('a bank folder with extra files (a script, a template): only the five bank files are read', () => {
    const dir = bankWith('bank.yaml', (t) => t);
    writeFileSync(join(dir, 'index.js'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x')`);
    writeFileSync(join(dir, 'package.json'), '{"main": "index.js", "type": "commonjs"}');
    const r = runCli(['--questions', dir, '--answers', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('a hostile --template', () => {
  const template = (text: string) => {
    const file = join(work, `t-${++n}.md.liquid`);
    writeFileSync(file, text);
    return file;
  };

  test.each([
    ['{% include %} of a file outside', `{% include '${join(ROOT, 'package.json')}' %}`, /cannot include other files/],
    ['{% render %}', `{% render '/etc/passwd' %}`, /cannot include other files/],
    ['{% layout %}', `{% layout '/etc/hostname' %}x`, /cannot include other files/],
    ['a relative include', `{% include '../../package.json' %}`, /cannot include other files/],
    ['an endless loop', `{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}`, /template error/],
  ])('%s: refused with exit 2, naming the template', (_name, text, message) => {
    const file = template(text);
    // An endless loop is stopped by the template's own render limit: the run ends, refused (the test's timeout bounds the wait).
    const r = runCli(['--answers', EXAMPLE, '--template', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file.split('/').pop()!);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).not.toContain('"name": "handoff-assess"');
    expect(r.stdout).not.toContain('root:');
    expect(crashSigns(r.stderr)).toBeUndefined();
  });

  test('prototype and constructor tricks print nothing of the engine', () => {
    const file = template(
      [
        '{{ organisation.constructor }}|{{ organisation.__proto__ }}|{{ drafts.constructor.constructor }}',
        "{% assign f = organisation | split: '' %}{{ f.constructor }}|{{ f.__proto__.constructor }}",
        '{{ answersBlock.length }}|{{ process }}|{{ global }}|{{ require }}|{{ this }}',
      ].join('\n'),
    );
    const r = runCli(['--answers', EXAMPLE, '--template', file]);
    expect([0, 2]).toContain(r.code);
    expect(r.stdout + r.stderr).not.toMatch(/function|\[native code\]|\[object|process\.|require\(/i);
    expect(crashSigns(r.stderr)).toBeUndefined();
  });

  test('memory: a template that doubles a string until it is huge is stopped', () => {
    const file = template(`{% assign s = 'xxxxxxxxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}`);
    const r = runCli(['--answers', EXAMPLE, '--template', file]);
    expect([0, 2]).toContain(r.code);
    expect(crashSigns(r.stderr)).toBeUndefined();
  });
});

describe('nothing is written outside --out', () => {
  test('a report with a custom bank and template writes exactly the --out file', () => {
    const dir = join(work, 'out-only');
    mkdirSync(dir);
    const file = join(dir, 'custom.md.liquid');
    writeFileSync(file, '# {{ title }}\n{{ organisation }}\n');
    const bank = bankWith('bank.yaml', (t) => t);
    const before = tree(work).filter((f) => !f.startsWith('out-only'));
    const r = runCli(['--questions', bank, '--template', file, '--answers', EXAMPLE, '--out', join(dir, 'report.md')], {cwd: dir});
    expect(r.code).toBe(0);
    expect(tree(dir)).toEqual(['custom.md.liquid', 'report.md']);
    expect(tree(work).filter((f) => !f.startsWith('out-only'))).toEqual(before);
  });

  test('batch: an organisation named like a path still lands inside --out-dir', () => {
    const dir = join(work, 'batch');
    const inDir = join(dir, 'in');
    mkdirSync(inDir, {recursive: true});
    const text = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(join(inDir, 'a.yaml'), text.replace('organisation: Acme Ltd', 'organisation: ../../../../tmp/escaped'));
    writeFileSync(join(inDir, 'b.yaml'), text.replace('organisation: Acme Ltd', 'organisation: "/etc/passwd"'));
    const r = runCli(['--answers', inDir, '--out-dir', join(dir, 'out'), '--format', 'md'], {cwd: dir});
    expect(r.code).toBe(0);
    expect(tree(dir).filter((f) => !f.startsWith('in/'))).toEqual(expect.arrayContaining([expect.stringMatching(/^out\/[^/]+\.md$/)]));
    expect(tree(dir).filter((f) => !f.startsWith('in/') && !f.startsWith('out/'))).toEqual([]);
    expect(readdirSync(join(dir, 'out'))).toHaveLength(2);
  });
});
