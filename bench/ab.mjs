#!/usr/bin/env node
/**
 * A/B of the report path between two built checkouts, interleaved so that the machine's load falls on both
 * alike: `--answers examples/acme.yaml` to markdown, N runs each, medians and their ratio.
 *
 *   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci && npm run build)
 *   node bench/ab.mjs /tmp/before . [runs]
 */
import {execFileSync} from 'node:child_process';
import {openSync} from 'node:fs';
import {resolve} from 'node:path';

const [a, b, n = '21'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node bench/ab.mjs BEFORE_DIR AFTER_DIR [runs]');
  process.exit(2);
}
const roots = {before: resolve(a), after: resolve(b)};
const times = {before: [], after: []};
const runs = Number(n);
// Thrown away write-only, as > /dev/null does: the CLI refuses a report on a read-write /dev/null (a closed or ignored stdout).
const devNull = openSync('/dev/null', 'w');
for (let i = 0; i < runs; i++) {
  const order = i % 2 ? ['before', 'after'] : ['after', 'before'];
  for (const k of order) {
    const root = roots[k];
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, [`${root}/bin/handoff-assess.js`, '--answers', `${root}/examples/acme.yaml`, '--date', '2026-12-01'], {stdio: ['ignore', devNull, 'inherit']});
    times[k].push(Number(process.hrtime.bigint() - start) / 1e6);
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const [mb, ma] = [median(times.before), median(times.after)];
console.log(`--answers examples/acme.yaml -> md, ${runs} interleaved runs: before ${mb.toFixed(1)} ms, after ${ma.toFixed(1)} ms (median), ratio ${(ma / mb).toFixed(2)}`);
