/**
 * Issue 5, item 1: 1,000 generated question banks (--questions), seeded and
 * reproducible: valid variations (wording, weights, thresholds, extra axes,
 * up to 125 axes), banks with one field broken, and banks with a file
 * missing, empty, a folder or garbage. Each runs through `main()` in-process
 * with the example answers on stdin, in md, html or json: exit 0 with a
 * report, or exit 2 naming the bank file and the field. Full counts unless
 * HANDOFF_FUZZ_RUNS=<n> asks for n of each.
 */
import {afterAll, beforeAll, describe, test} from '@jest/globals';
import fc from 'fast-check';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {stringify as toYaml} from 'yaml';
import {brokenBank, validBank, wreckedBank} from './generators.js';
import {breach, check, count, fuzzRuns, ROOT, runInProcess, SEED} from './harness.js';

const RUNS = {valid: fuzzRuns(300), broken: fuzzRuns(550), wrecked: fuzzRuns(150)};

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'acme.yaml'), 'utf8');
let work: string;
let n = 0;
const stats = {valid: 0, broken: 0, wrecked: 0, exit0: 0, exit2: 0, slowestMs: 0, slowest: '', started: Date.now()};

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ha-fuzz-banks-'));
});
afterAll(() => {
  rmSync(work, {recursive: true, force: true});
  process.stdout.write(`fuzz-banks: seed ${SEED}; ${stats.valid} valid, ${stats.broken} broken, ${stats.wrecked} wrecked = ${stats.valid + stats.broken + stats.wrecked} banks (exit 0: ${stats.exit0}, exit 2: ${stats.exit2}); slowest ${stats.slowestMs} ms (${stats.slowest}); ${((Date.now() - stats.started) / 1000).toFixed(1)} s\n`);
});

type File = {file: string; value?: unknown; raw?: Buffer | 'missing' | 'folder'};

/** YAML, or JSON (which YAML reads too) for values too deep for the YAML writer. */
function yamlOrJson(value: unknown): string {
  try {
    return toYaml(value, {lineWidth: 0});
  } catch {
    return JSON.stringify(value);
  }
}

/** Write a bank folder; returns its path. */
function writeBank(files: File[]): string {
  const dir = join(work, `bank-${++n}`);
  mkdirSync(dir);
  for (const f of files) {
    if (f.raw === 'missing') continue;
    if (f.raw === 'folder') mkdirSync(join(dir, f.file));
    else writeFileSync(join(dir, f.file), f.raw ?? yamlOrJson(f.value));
  }
  return dir;
}

async function runBank(files: File[], format: string, what: string) {
  const dir = writeBank(files);
  const run = await runInProcess(['--questions', dir, '--answers', '-', '--format', format, '--date', '2026-03-01'], {input: EXAMPLE, timeoutMs: 20_000});
  if (run.code === 0) stats.exit0++;
  if (run.code === 2) stats.exit2++;
  if (run.ms > stats.slowestMs) {
    stats.slowestMs = Math.round(run.ms);
    stats.slowest = what;
  }
  rmSync(dir, {recursive: true, force: true});
  return {run, dir};
}

describe('generated question banks through main()', () => {
  test(`${count(RUNS.valid)} valid variations: exit 0 and a report`, async () => {
    await check(
      fc.asyncProperty(validBank, fc.constantFrom('md', 'html', 'json'), async ({files, what}, format) => {
        stats.valid++;
        const {run} = await runBank(files, format, what);
        if (run.code !== 0) throw new Error(`${what}: a valid bank was refused (exit ${run.code}):\n${run.stderr.slice(0, 3000)}`);
        if (format === 'json') JSON.parse(run.stdout);
        else if (!run.stdout.includes('handoff-assess:data')) throw new Error('no report on stdout');
      }),
      {seed: SEED + 10, numRuns: RUNS.valid, endOnFailure: true},
    );
  }, 180_000);

  test(`${count(RUNS.broken)} banks with one field broken: exit 0, or exit 2 naming the field`, async () => {
    await check(
      fc.asyncProperty(brokenBank, fc.constantFrom('md', 'json'), async ({files, names, what}, format) => {
        stats.broken++;
        const {run, dir} = await runBank(files, format, what);
        const problem = breach(run, run.stderr.includes('<stdin>') ? '<stdin>' : dir);
        if (problem) throw new Error(`${what}: ${problem}:\n${run.stderr.slice(0, 3000)}`);
        const fileLevel = /(is not valid YAML or JSON|could not be read)/.test(run.stderr);
        if (run.code === 2 && !fileLevel && !names.some((name) => run.stderr.includes(name))) throw new Error(`${what}: exit 2 names none of ${names.join(', ')}:\n${run.stderr.slice(0, 3000)}`);
      }),
      {seed: SEED + 11, numRuns: RUNS.broken, endOnFailure: true},
    );
  }, 180_000);

  test(`${count(RUNS.wrecked)} banks with a file missing, empty, a folder or garbage: exit 2 naming that file`, async () => {
    await check(
      fc.asyncProperty(wreckedBank, async ({files, names, what}) => {
        stats.wrecked++;
        const {run, dir} = await runBank(files, 'md', what);
        const problem = breach(run, dir);
        if (problem) throw new Error(`${what}: ${problem}:\n${run.stderr.slice(0, 3000)}`);
        if (run.code === 2 && !names.some((name) => run.stderr.includes(name))) throw new Error(`${what}: exit 2 does not name ${names.join(', ')}:\n${run.stderr.slice(0, 3000)}`);
      }),
      {seed: SEED + 12, numRuns: RUNS.wrecked, endOnFailure: true},
    );
  }, 180_000);
});
