/**
 * No filler (issue 10, item 8): over the six profiles of
 * test/fixtures/profiles/, at most 20% of a report's prose lines before the
 * appendix (not headings, table rows or blank lines) appear word for word in
 * the report of another organisation with another verdict. The measure is
 * scripts/filler-measure.mjs, the one `node scripts/filler.mjs` prints.
 */
import {describe, expect, it} from '@jest/globals';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
// @ts-expect-error: a plain ES module without types, shared with scripts/filler.mjs
import {fillerPairs, proseLines} from '../../scripts/filler-measure.mjs';
import {renderReport} from '../../src/report/render-report.js';
import {DATE, ROOT, answersFile, realBank} from './report-helpers.js';

interface Pair {
  a: string;
  b: string;
  lines: number;
  shared: number;
  share: number;
  sharedLines: string[];
}

const dir = join(ROOT, 'test', 'fixtures', 'profiles');
const reports = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => {
    const answers = answersFile(join(dir, f));
    const md = renderReport({bank: realBank(), answers, date: DATE, format: 'md'});
    const json = JSON.parse(renderReport({bank: realBank(), answers, date: DATE, format: 'json'})) as {organisation: string; recommendation: string};
    return {name: f, organisation: json.organisation, verdict: json.recommendation, md};
  });

describe('filler', () => {
  it('is measured over at least six profiles, four verdicts and many pairs', () => {
    expect(reports.length).toBeGreaterThanOrEqual(6);
    expect(new Set(reports.map((r) => r.verdict)).size).toBe(4);
    expect((fillerPairs(reports) as Pair[]).length).toBeGreaterThanOrEqual(20);
  });

  it('the measure counts prose only, and stops at the appendix', () => {
    const md = ['# Title', '', 'A line.', '| a | b |', '- An item', '```yaml', 'code: 1', '```', '## Appendix: method', 'Later.'].join('\n');
    expect(proseLines(md)).toEqual(['A line.', '- An item']);
    const same = {name: 'x', organisation: 'X', verdict: 'manage-in-place', md};
    const other = {name: 'y', organisation: 'Y', verdict: 'remediation-sprint', md: 'A line.\n'};
    expect((fillerPairs([same, other]) as Pair[]).find((p) => p.a === 'x')!.share).toBe(0.5);
  });

  it.each(reports.map((r) => [r.name] as const))('%s: at most 20% of its prose lines before the appendix appear in a report of another organisation and verdict', (name) => {
    const pairs = (fillerPairs(reports) as Pair[]).filter((p) => p.a === name);
    expect(pairs.length).toBeGreaterThan(0);
    const worst = pairs.reduce((w, p) => (p.share > w.share ? p : w));
    expect({with: worst.b, share: worst.share <= 0.2 ? 'at most 20%' : `${Math.round(worst.share * 100)}%`, lines: worst.sharedLines}).toEqual({with: worst.b, share: 'at most 20%', lines: worst.sharedLines});
  });
});
