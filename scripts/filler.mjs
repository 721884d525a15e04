#!/usr/bin/env node
/**
 * Measures filler (issue 10, item 8): renders a report for each answers file
 * in test/fixtures/profiles/ (or the files given) with the built CLI, and
 * prints, for every pair of reports of different organisations and
 * verdicts, the share of one's prose lines before the appendix that appear
 * verbatim in the other. Run `npm run build` first.
 *
 *   node scripts/filler.mjs [--lines] [--strict] [FILE.yaml ...]
 *
 * --strict counts table rows and headings below the second level as prose too.
 */
import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {fillerPairs} from './filler-measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const showLines = args.includes('--lines');
const strict = args.includes('--strict');
const given = args.filter((a) => a !== '--lines' && a !== '--strict');
const dir = join(root, 'test', 'fixtures', 'profiles');
const files = given.length ? given : readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));

const reports = files.map((file) => {
  const run = (format) => execFileSync(process.execPath, [join(root, 'bin', 'handoff-assess.js'), '--answers', file, '--format', format, '--date', '2026-12-01'], {encoding: 'utf8'});
  const json = JSON.parse(run('json'));
  return {name: file.split('/').pop(), organisation: json.organisation, verdict: json.recommendation, md: run('md')};
});

const pairs = fillerPairs(reports, strict);
for (const p of pairs.sort((x, y) => y.share - x.share)) {
  console.log(`${(p.share * 100).toFixed(1).padStart(5)}%  ${p.shared}/${p.lines}  ${p.a} in ${p.b}`);
  if (showLines) for (const l of p.sharedLines) console.log(`         ${l}`);
}
const max = Math.max(0, ...pairs.map((p) => p.share));
const mean = pairs.length ? pairs.reduce((s, p) => s + p.share, 0) / pairs.length : 0;
console.log(`\n${reports.length} reports, ${pairs.length} pairs of different organisations and verdicts: worst ${(max * 100).toFixed(1)}%, mean ${(mean * 100).toFixed(1)}% of the ${strict ? 'lines (prose, table rows and minor headings)' : 'prose lines'} before the appendix appear verbatim in the other report.`);
