/**
 * Issue 5, item 2: kill -9 at random moments while a report or a draft is
 * being written, 110 times. Afterwards each file holds its old content or the
 * complete new content, never a part, never nothing; an existing report is
 * never replaced without --force. Two kinds of victim:
 *
 * - the built binary writing a ~100 kB report (`--out`, with and without
 *   --force over an existing file), killed at a random moment of its life;
 * - a driver process (test/hardening/fixtures/write-driver.ts, bundled here
 *   with esbuild) that writes reports or saves drafts in a loop through the
 *   same functions, so that most kills land inside a write.
 *
 * The moments come from a seeded generator (HARDENING_SEED).
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {stringify as toYaml} from 'yaml';
import {QUESTION_IDS} from './generators.js';
import {BIN, ROOT, SEED} from './harness.js';
import {prng} from '../engine/profiles.js';

const DRIVER = join(ROOT, 'node_modules', '.cache', 'hardening', 'write-driver.mjs');
const OLD = 'OLD REPORT: this file was here first\n';
let work: string;
const figures = {kills: 0, binaryNew: 0, binaryOld: 0, driverVersionsSeen: 0, started: Date.now()};

// The kill moments replay: the same seeded generator as the generated profiles.
const rand = prng(SEED);

const env = (() => {
  const e: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
  delete e.NODE_OPTIONS;
  return e;
})();

/** Start a process; kill it with SIGKILL after `ms` (or on a `ready` line plus `ms`). Resolves with how it ended. */
function killAfter(args: string[], ms: number, afterReady: boolean): Promise<{code: number | null; signal: NodeJS.Signals | null}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {env, stdio: ['ignore', 'pipe', 'pipe']});
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), ms));
    if (afterReady) child.stdout.on('data', (c) => String(c).includes('ready') && arm());
    else arm();
    child.stdout.resume();
    child.stderr.resume();
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal});
    });
  });
}

/** Run `count` jobs, `width` at a time. */
async function pool<T>(count: number, width: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += width) out.push(...(await Promise.all(Array.from({length: Math.min(width, count - i)}, (_, j) => job(i + j)))));
  return out;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ha-kill-'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'hardening', 'fixtures', 'write-driver.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: DRIVER,
    logLevel: 'warning',
  });
}, 60_000);
afterAll(() => {
  rmSync(work, {recursive: true, force: true});
  process.stdout.write(`kill-writes: seed ${SEED}; ${figures.kills} SIGKILLs; binary runs left the old report ${figures.binaryOld} times and the complete new one ${figures.binaryNew} times; the drivers had written ${figures.driverVersionsSeen} versions in all; ${((Date.now() - figures.started) / 1000).toFixed(1)} s\n`);
});

describe('the built binary killed while writing --out', () => {
  let answers: string;
  let fresh: string;
  let lifetime: number;

  beforeAll(async () => {
    // A large report: every question carries a long note.
    const doc = toYaml({
      version: 1,
      context: {organisation: 'Kill Test Ltd', role: 'buyer', workflow: 'Order to cash', systems: ['HubSpot', 'NetSuite']},
      matrix: {failure_frequency: 4, reconciliation_load: 5, exception_visibility: 3, lead_time_impact: 4, operational_confidence: 'unknown'},
      disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
      notes: Object.fromEntries(QUESTION_IDS.map((id) => [id, `${id}: ${'note text '.repeat(390)}`])),
    });
    answers = join(work, 'big.yaml');
    writeFileSync(answers, doc);
    fresh = join(work, 'fresh.html');
    // How long a run lives when four run at once, as below.
    const started = Date.now();
    const done = await pool(4, 4, (i) => killAfter([BIN, '--answers', answers, '--format', 'html', '--date', '2026-03-01', '--out', i ? `${fresh}.${i}` : fresh], 60_000, false));
    lifetime = Date.now() - started;
    expect(done.map((d) => d.code)).toEqual([0, 0, 0, 0]);
    expect(statSync(fresh).size).toBeGreaterThan(100_000);
  }, 60_000);

  test('40 kills with --force over an existing report: the old report or the whole new one', async () => {
    const fullNew = readFileSync(fresh, 'utf8');
    const results = await pool(40, 4, async (i) => {
      const dir = join(work, `force-${i}`);
      mkdirSync(dir);
      const out = join(dir, 'report.html');
      writeFileSync(out, OLD);
      // Anywhere from start-up to past the moment an unkilled run ends.
      const at = Math.round(rand() * lifetime * 1.5);
      const end = await killAfter([BIN, '--answers', answers, '--format', 'html', '--date', '2026-03-01', '--out', out, '--force'], at, false);
      figures.kills++;
      const now = readFileSync(out, 'utf8');
      return {at, end, state: now === OLD ? 'old' : now === fullNew ? 'new' : `PARTIAL (${now.length} bytes)`};
    });
    for (const r of results) (r.state === 'new' ? figures.binaryNew++ : r.state === 'old' && figures.binaryOld++);
    expect(results.filter((r) => r.state !== 'old' && r.state !== 'new')).toEqual([]);
    // The kill moments cover both sides of the write.
    expect(results.some((r) => r.state === 'old')).toBe(true);
    expect(results.some((r) => r.state === 'new')).toBe(true);
  }, 180_000);

  test('10 kills without --force over an existing report: never replaced', async () => {
    const results = await pool(10, 4, async (i) => {
      const dir = join(work, `noforce-${i}`);
      mkdirSync(dir);
      const out = join(dir, 'report.html');
      writeFileSync(out, OLD);
      const end = await killAfter([BIN, '--answers', answers, '--format', 'html', '--date', '2026-03-01', '--out', out], Math.round(rand() * lifetime * 1.3), false);
      figures.kills++;
      return {end, same: readFileSync(out, 'utf8') === OLD, files: readdirSync(dir).filter((f) => !f.endsWith('.tmp'))};
    });
    for (const r of results) {
      expect(r.same).toBe(true);
      expect(r.files).toEqual(['report.html']);
      if (r.end.signal === null) expect(r.end.code).toBe(2);
    }
  }, 180_000);
});

describe('a writer killed in the middle of a loop of writes', () => {
  const REPORT = /^report (\d+)\nx{200000}\nend \1\n$/;

  test('25 kills of the report writer with overwrite (--force): always one whole version', async () => {
    const results = await pool(25, 5, async (i) => {
      const out = join(work, `loop-force-${i}.md`);
      writeFileSync(out, OLD);
      await killAfter([DRIVER, 'report-force', out, '200000'], 20 + Math.round(rand() * 400), true);
      figures.kills++;
      const now = readFileSync(out, 'utf8');
      const m = REPORT.exec(now);
      if (m) figures.driverVersionsSeen += Number(m[1]);
      return now === OLD || m ? 'whole' : `PARTIAL (${now.length} bytes)`;
    });
    expect(results.filter((r) => r !== 'whole')).toEqual([]);
  }, 120_000);

  test('10 kills of the report writer without overwrite: the existing file is never replaced', async () => {
    const results = await pool(10, 5, async (i) => {
      const out = join(work, `loop-noforce-${i}.md`);
      writeFileSync(out, OLD);
      await killAfter([DRIVER, 'report-noforce', out, '200000'], 20 + Math.round(rand() * 300), true);
      figures.kills++;
      return readFileSync(out, 'utf8') === OLD;
    });
    expect(results.every(Boolean)).toBe(true);
  }, 120_000);

  test('25 kills while saving drafts: the draft always reads back whole, mode 0600, and resumes', async () => {
    const {loadDraft, listDrafts} = await import('../../src/store/drafts.js');
    const {loadBankDir} = await import('../../src/bank/load-bank.js');
    const bank = loadBankDir().bank!;
    const results = await pool(25, 5, async (i) => {
      const state = join(work, `state-${i}`);
      await killAfter([DRIVER, 'draft', state, '3900'], 20 + Math.round(rand() * 400), true);
      figures.kills++;
      const options = {env: {HANDOFF_ASSESS_STATE_DIR: state}};
      const listed = listDrafts({...options, bank});
      if (listed.length === 0) return 'no draft yet'; // killed before the first save finished: nothing to lose
      const path = join(state, 'drafts', 'kill-test.yaml');
      const draft = loadDraft('kill-test', bank, options);
      const versions = new Set(Object.values(draft.answers.notes).map((n) => /^v(\d+) n{3900}$/.exec(n)?.[1]));
      if (versions.size !== 1 || versions.has(undefined) || draft.answers.context.organisation !== `Org ${[...versions][0]}`) return `MIXED OR PARTIAL ${[...versions].join(',')}`;
      if ((statSync(path).mode & 0o777) !== 0o600) return `mode ${(statSync(path).mode & 0o777).toString(8)}`;
      if (listed.length !== 1 || listed[0]!.problem) return `listed as ${JSON.stringify(listed)}`;
      figures.driverVersionsSeen += Number([...versions][0]);
      return 'whole';
    });
    expect(results.filter((r) => r !== 'whole' && r !== 'no draft yet')).toEqual([]);
    expect(results.filter((r) => r === 'whole').length).toBeGreaterThan(20);
  }, 120_000);
});
