/**
 * Issue 13: the package installs the way users install it, and runs from there.
 *
 * - The tarball (`npm pack`) installed into an empty prefix with `--offline` and an
 *   empty npm cache: it declares no dependencies, so npm fetches nothing, and a
 *   dependency added by mistake fails the install (ENOTCACHED) instead of passing
 *   by a download. The installed copy has no node_modules; from there, in a folder
 *   of its own, it runs --version, the example in md, html, json and pdf, and --verify.
 * - `npm install -g git+file://<fresh clone>`: npm builds dist/ in its own clone
 *   (`prepare`) and installs a real folder with a working command.
 * - `npx --package=git+file://<fresh clone> handoff-assess --version`.
 * - `npm install -g .` from an unbuilt clone.
 *
 * The git tests clone the repository's committed HEAD (what a user gets), not the
 * working tree. No timing is asserted; the install times are in the notes.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {execFileSync, spawnSync, type SpawnSyncReturns} from 'node:child_process';
import {existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {name: string; version: string};

let work: string;
beforeAll(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'ha-install-')));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

/**
 * The environment of a user's shell: none of the npm_* variables `npm run` sets for
 * this suite (a prefix, a global flag or npm_lifecycle_event would change what npm
 * and the CLI do), no jest NODE_OPTIONS. npm keeps the user's home (its config and
 * cache); the CLI gets a home of its own (drafts, config) and no colour.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'NODE_OPTIONS' && key !== 'INIT_CWD') env[key] = value;
  return env;
}

function cliEnv(home: string): NodeJS.ProcessEnv {
  mkdirSync(home, {recursive: true});
  return {...npmEnv(), HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), XDG_CACHE_HOME: join(home, '.cache'), XDG_STATE_HOME: join(home, '.local', 'state'), NO_COLOR: '1'};
}

function npm(args: string[], options: {cwd: string; env: NodeJS.ProcessEnv}): SpawnSyncReturns<string> {
  return spawnSync('npm', args, {cwd: options.cwd, env: options.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
}

function expectOk(result: SpawnSyncReturns<string>, what: string) {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status} (${result.signal ?? 'no signal'}):\n${result.stdout}\n${result.stderr}`);
}

/** The installed package folder of a global prefix, and its command. */
function installed(prefix: string) {
  const dir = process.platform === 'win32' ? join(prefix, 'node_modules', PKG.name) : join(prefix, 'lib', 'node_modules', PKG.name);
  const bin = process.platform === 'win32' ? join(prefix, `${PKG.name}.cmd`) : join(prefix, 'bin', PKG.name);
  return {dir, bin};
}

function run(bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync(bin, args, {cwd, env, encoding: 'utf8', timeout: 120_000});
}

/** A fresh clone of the committed HEAD, never built. */
function freshClone(name: string): string {
  const dir = join(work, name);
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, dir], {stdio: 'pipe'});
  expect(existsSync(join(dir, 'dist'))).toBe(false);
  return dir;
}

describe('the packed tarball', () => {
  let tarball: string;
  let prefix: string;
  let env: NodeJS.ProcessEnv;
  let user: string;

  beforeAll(() => {
    const packDir = join(work, 'pack');
    mkdirSync(packDir);
    env = cliEnv(join(work, 'home-tarball'));
    const packed = npm(['pack', '--json', '--pack-destination', packDir], {cwd: ROOT, env: npmEnv()});
    expectOk(packed, 'npm pack');
    const [{filename}] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as [{filename: string}];
    tarball = join(packDir, filename);
    prefix = join(work, 'prefix-tarball');
    // --offline with an empty cache: nothing can be fetched, so nothing must be needed.
    const install = npm(['install', '--global', '--offline', '--prefix', prefix, '--cache', join(work, 'empty-cache'), '--no-audit', '--no-fund', tarball], {cwd: work, env: npmEnv()});
    expectOk(install, 'npm install -g --offline <tarball>');
    user = join(work, 'user-tarball');
    mkdirSync(user);
  });

  test('holds what the program reads at run time, its licences, the docs the README links to, and no source or tests', () => {
    const listed = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const file of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'THIRD_PARTY_NOTICES.md', 'bin/handoff-assess.js', 'dist/cli.js', 'dist/bank.json', 'dist/fonts/Inter_400Regular.ttf', 'questions/bank.yaml', 'templates/report.md.liquid', 'templates/report.html.liquid', 'examples/acme.yaml', 'SECURITY.md']) {
      expect(listed).toContain(file);
    }
    expect(listed.filter((f) => /^(src|test|scripts|bench|node_modules)\//.test(f))).toEqual([]);
    // Every docs/ page the README links to is in the package, so the links work in an installed copy too.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((docs\/[^)#]+\.md)/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(0);
    for (const page of new Set(linked)) expect(listed).toContain(page);
  });

  test('declares no runtime dependency, an MIT licence and where it comes from', () => {
    const pkg = JSON.parse(readFileSync(join(installed(prefix).dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.license).toBe('MIT');
    expect(pkg).toHaveProperty('repository');
    expect(readFileSync(join(installed(prefix).dir, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  test('installs one package: a real folder with no node_modules', () => {
    const {dir} = installed(prefix);
    expect(lstatSync(dir).isDirectory()).toBe(true);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(readdirSync(join(prefix, 'lib', 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual([PKG.name]);
  });

  test('--version, the example in every format, and --verify of the reports, from the installed copy', () => {
    const {dir, bin} = installed(prefix);
    const example = join(dir, 'examples', 'acme.yaml');
    const version = run(bin, ['--version'], user, env);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(PKG.version);

    const md = run(bin, ['--answers', example, '-f', 'md', '-o', 'report.md'], user, env);
    expect({code: md.status, stderr: md.stderr}).toEqual({code: 0, stderr: expect.any(String)});
    expect(readFileSync(join(user, 'report.md'), 'utf8')).toMatch(/^# Handoff risk assessment: Acme Ltd/m);

    const html = run(bin, ['--answers', example, '-f', 'html', '-o', 'report.html'], user, env);
    expect(html.status).toBe(0);
    expect(readFileSync(join(user, 'report.html'), 'utf8')).toMatch(/<html[\s>][\s\S]*Acme Ltd/);

    const json = run(bin, ['--answers', example, '-f', 'json'], user, env);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({format: 'handoff-assess-report'});

    // The PDF's code and font come from the installed copy (dist/chunks, dist/fonts).
    const pdf = run(bin, ['--answers', example, '-o', 'report.pdf'], user, env);
    expect({code: pdf.status, stderr: pdf.stderr}).toEqual({code: 0, stderr: expect.stringContaining('Written to')});
    expect(readFileSync(join(user, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    for (const report of ['report.md', 'report.html', 'report.pdf']) {
      const verified = run(bin, ['--verify', report], user, env);
      expect({report, code: verified.status}).toEqual({report, code: 0});
    }
  });
});

describe('from git', () => {
  test('npm install -g git+file://<fresh clone> builds and installs a working command', () => {
    const clone = freshClone('clone-git');
    const prefix = join(work, 'prefix-git');
    const env = cliEnv(join(work, 'home-git'));
    expectOk(npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', `git+file://${clone}`], {cwd: work, env: npmEnv()}), 'npm install -g git+file://');
    const {dir, bin} = installed(prefix);
    // A real folder: npm's own clone, which a link would point into, is deleted after the install.
    expect(lstatSync(dir).isDirectory()).toBe(true);
    const version = run(bin, ['--version'], work, env);
    expect({code: version.status, stdout: version.stdout.trim(), stderr: version.stderr}).toEqual({code: 0, stdout: PKG.version, stderr: ''});
    const json = run(bin, ['--answers', join(dir, 'examples', 'acme.yaml'), '-f', 'json'], work, env);
    expect(json.status).toBe(0);
  });

  test('npx --package=git+file://<fresh clone> handoff-assess --version', () => {
    const clone = freshClone('clone-npx');
    const result = npm(['exec', '--yes', `--package=git+file://${clone}`, '--', PKG.name, '--version'], {cwd: work, env: npmEnv()});
    expectOk(result, 'npx --package=git+file://');
    expect(result.stdout.trim().split('\n').at(-1)).toBe(PKG.version);
  });

  test('npm install -g . from an unbuilt clone', () => {
    const clone = freshClone('clone-dot');
    const prefix = join(work, 'prefix-dot');
    const env = cliEnv(join(work, 'home-dot'));
    expectOk(npm(['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '.'], {cwd: clone, env: npmEnv()}), 'npm install -g .');
    const version = run(installed(prefix).bin, ['--version'], work, env);
    expect({code: version.status, stdout: version.stdout.trim()}).toEqual({code: 0, stdout: PKG.version});
  });
});
