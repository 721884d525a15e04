/**
 * The example's PDF as a reader gets it (poppler's pdftotext and pdftoppm, as CI installs
 * them): the organisation, the verdict, every plan step with its owner, "Page 1 of N", on A4;
 * each page kept as a PNG under test/browser/screenshots/pdf/ to look at. A combined report's
 * PDF (--combine) holds its disagreements and every respondent; a portfolio's (--portfolio)
 * the workflow chosen first, its chart drawn and "Page 1 of N".
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {buildReportModel} from '../../src/engine/report-model.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'handoff-assess.js');
const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
const DATE = '2026-11-30';
const SHOTS = join(process.env.SCREENSHOT_DIR ?? join(ROOT, 'test', 'browser', 'screenshots'), 'pdf');

let work: string;
let pdf: string;
/** The built binary writes `out` (in the work folder) from `args`. */
function write(args: string[], out: string): string {
  const file = join(work, out);
  const env = {...process.env};
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, [BIN, ...args, '--date', DATE, '-o', file], {cwd: ROOT, env, encoding: 'utf8'});
  expect(run.stderr).toContain('Written to');
  expect(run.status).toBe(0);
  return file;
}
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'handoff-pdf-text-'));
  pdf = write(['--answers', EXAMPLE], 'acme.pdf');
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** The text in content order, one line, quotes made plain. */
function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], {encoding: 'utf8'});
  expect(r.status).toBe(0);
  return r.stdout.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
}
const plainText = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

describe("the example's PDF", () => {
  test('holds the organisation, the verdict, every plan step with its owner, and "Page 1 of"', () => {
    const bank = loadBankDir(join(ROOT, 'questions')).bank!;
    const answers = parseAnswers(EXAMPLE, readFileSync(EXAMPLE, 'utf8'), bank).answers!;
    const model = buildReportModel(bank, answers, DATE);
    const text = pdfText(pdf);
    expect(text).toContain(model.organisation);
    expect(text).toMatch(/Remediation sprint/i);
    expect(model.plan.length).toBeGreaterThan(0);
    for (const step of model.plan) {
      expect(text).toContain(plainText(step.title));
      expect(text).toContain(plainText(step.owner));
    }
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], {encoding: 'utf8'}).stdout)?.[1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(spawnSync('pdfinfo', [pdf], {encoding: 'utf8'}).stdout).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  test('its fonts are embedded (pdffonts: every font emb yes)', () => {
    const r = spawnSync('pdffonts', [pdf], {encoding: 'utf8'});
    const rows = r.stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  test('each page is kept as a PNG to look at', () => {
    rmSync(SHOTS, {recursive: true, force: true});
    mkdirSync(SHOTS, {recursive: true});
    const r = spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'acme')], {encoding: 'utf8'});
    expect(r.status).toBe(0);
    expect(readdirSync(SHOTS).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
  });
});

describe('a combined PDF and a portfolio PDF', () => {
  const fixture = (folder: string, names: string[]) => names.map((n) => join(ROOT, 'test', 'fixtures', folder, `${n}.yaml`));

  test('the combined report holds the disagreements to settle and each respondent', () => {
    const file = write(['--combine', ...fixture('combine', ['ops-lead', 'finance', 'sales'])], 'combined.pdf');
    const text = pdfText(file);
    expect(text).toContain('Combined assessment: Northwind Tiles Ltd');
    expect(text).toContain('The disagreements to settle');
    for (const who of ['Dana Ruiz (Operations leader)', 'Priya Shah, Finance (Buyer)', 'Marcus Lee, Sales (Buyer)']) expect(text).toContain(who);
    expect(text).toContain('Question for the room:');
    mkdirSync(SHOTS, {recursive: true});
    const r = spawnSync('pdftoppm', ['-png', '-r', '60', file, join(SHOTS, 'combined')], {encoding: 'utf8'});
    expect(r.status).toBe(0);
  });

  test('the portfolio holds the workflow chosen first, its chart drawn (not the text rendition) and "Page 1 of N"', () => {
    const file = write(['--portfolio', ...fixture('portfolio', ['order-to-cash', 'support-escalation', 'invoice-approvals', 'returns'])], 'portfolio.pdf');
    const text = pdfText(file);
    expect(text).toContain('Run the sprint on Order to cash first');
    expect(text).toContain('threshold 4'); // the SVG's label
    expect(text).not.toContain('| is the threshold'); // the text rendition's
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], {encoding: 'utf8'}).stdout)?.[1]);
    expect(text).toContain(`Page 1 of ${pages}`);
    mkdirSync(SHOTS, {recursive: true});
    const r = spawnSync('pdftoppm', ['-png', '-r', '60', file, join(SHOTS, 'portfolio')], {encoding: 'utf8'});
    expect(r.status).toBe(0);
  });
});
