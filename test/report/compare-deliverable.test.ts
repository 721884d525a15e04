/**
 * Issue 11: a comparison is a client document too. Its two sides are labelled by their
 * dates ("Before, 2026-09-01"), never by a file path, in every format; verdicts are in
 * words, not slugs; and the verdict is the first h2 (the page's verdict colour is for it
 * alone, not for "What changed").
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {compareAnswers} from '../../src/engine/compare.js';
import {renderComparison} from '../../src/report/render-core.js';
import {markdownToHtml} from '../../src/report/render-report.js';
import {ROOT, runInProcess} from '../cli/run-cli.js';
import {SPRINT, MANAGE, h2s, realBank} from './report-helpers.js';

const SLUGS = /remediation-sprint|manage-in-place|not-yet-qualified|insufficient-evidence/;

describe('a comparison rendered', () => {
  const c = compareAnswers(realBank(), SPRINT, MANAGE, {before: '2026-09-01', after: '2026-11-30'});
  const md = renderComparison(c, 'md');

  it('labels the sides by their dates and says the verdicts in words', () => {
    expect(c.before.label).toBe('Before, 2026-09-01');
    expect(c.after.label).toBe('After, 2026-11-30');
    expect(md).toContain('| | Before, 2026-09-01 | After, 2026-11-30 |');
    expect(md).toContain('| Recommendation | Remediation sprint | Manage in place |');
    expect(md).toContain('The verdict moved from remediation sprint to manage in place');
    expect(md).not.toMatch(SLUGS);
    const html = renderComparison(c, 'html', markdownToHtml);
    expect(html.slice(html.indexOf('<main>'))).not.toMatch(SLUGS);
  });

  it('makes the verdict the first h2, and the only one about it', () => {
    const heads = h2s(md);
    expect(heads[0]).toBe('Verdict: Manage in place (was Remediation sprint)');
    expect(heads.slice(1)).toContain('What changed');
    expect(heads.slice(1).filter((h) => /verdict/i.test(h))).toEqual([]);
    const same = renderComparison(compareAnswers(realBank(), SPRINT, {...SPRINT, notes: {failure_frequency: 'x'}}, {}), 'md');
    expect(h2s(same)[0]).toBe('Verdict: Remediation sprint, unchanged');
    expect(same).toContain('| | Before | After |');
  });
});

describe('--compare through the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'handoff-compare-path-'));
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('puts no local path in the markdown, HTML or JSON: a report is labelled by its date, an answers file by its modification day', async () => {
    const example = readFileSync(join(ROOT, 'examples', 'acme.yaml'), 'utf8');
    const before = join(dir, 'before-secret-folder.md');
    const made = await runInProcess(['--answers', join(ROOT, 'examples', 'acme.yaml'), '--date', '2026-09-01', '--out', before], {cwd: ROOT, timeoutMs: 60_000});
    expect(made.code).toBe(0);
    const after = join(dir, 'after-secret-folder.yaml');
    writeFileSync(after, example.replace('failure_frequency: 4', 'failure_frequency: 1').replace('lead_time_impact: 4', 'lead_time_impact: 1'));
    const day = new Date(2026, 10, 30, 12, 0, 0);
    utimesSync(after, day, day);
    for (const format of ['md', 'html', 'json']) {
      const run = await runInProcess(['--compare', before, after, '--format', format], {cwd: ROOT, timeoutMs: 60_000});
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain(dir);
      expect(run.stdout).not.toContain('secret-folder');
      expect(run.stdout).not.toContain(tmpdir());
      expect(run.stdout).toContain('Before, 2026-09-01');
      expect(run.stdout).toContain('After, 2026-11-30');
    }
  });
});
