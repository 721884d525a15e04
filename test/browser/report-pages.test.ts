/**
 * The HTML reports in a real browser (issue 11): every profile's report, the example's,
 * a comparison and a branded report, each opened at 1280 and 390 pixels wide and printed
 * to A4. Nothing is logged, blocked or fetched; nothing is wider than the window; no table
 * cell splits a word; the example prints in at most 4 pages before its appendix, with the
 * organisation in the header and "Page N of M" in the footer. Screenshots of every page
 * are kept in test-output/browser/<name>/ for a person to look at.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {cli, DATE, horizontalOverflow, launch, open, outDir, pdfPages, pdfPageTexts, pdfToPngs, printA4, ROOT, splitWordsInCells, watchedPage, type PageWatch} from './browser.js';

const PROFILES = readdirSync(join(ROOT, 'test', 'fixtures', 'profiles'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({name: basename(f, '.yaml'), answers: join(ROOT, 'test', 'fixtures', 'profiles', f)}));
const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');

/** A brand with an SVG logo, written beside the reports. */
function writeBrand(dir: string): string {
  writeFileSync(
    join(dir, 'logo.svg'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48" viewBox="0 0 160 48"><rect x="0" y="4" width="40" height="40" rx="8" fill="#0b6e4f"/><path d="M10 34 L20 14 L30 34 Z" fill="#fff"/><text x="50" y="32" font-family="Arial, sans-serif" font-size="20" font-weight="700" fill="#0b6e4f">Northwind</text></svg>\n',
  );
  const file = join(dir, 'brand.yaml');
  writeFileSync(
    file,
    [
      'name: Northwind Advisory',
      'logo: logo.svg',
      'accent: "#0b6e4f"',
      'contact: hello@northwind.example · +44 20 7946 0000',
      "disclaimer: Prepared from the client's own answers; the figures are theirs and were not audited.",
      '',
    ].join('\n'),
  );
  return file;
}

/** The example with three answers moved, as a later assessment of the same client. */
function writeAfter(dir: string): string {
  const file = join(dir, 'after.yaml');
  const text = readFileSync(EXAMPLE, 'utf8').replace('failure_frequency: 4', 'failure_frequency: 1').replace('lead_time_impact: 4', 'lead_time_impact: 1').replace('reconciliation_load: 5', 'reconciliation_load: 2');
  writeFileSync(file, text);
  return file;
}

interface Made {
  name: string;
  html: string;
  dir: string;
}

const made: Made[] = [];
let browser: Browser;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  for (const {name, answers} of [...PROFILES, {name: 'example', answers: EXAMPLE}]) {
    const dir = outDir(name);
    const html = join(dir, 'report.html');
    cli(['--answers', answers, '--out', html, '--force', '--date', DATE]);
    made.push({name, html, dir});
  }
  const compareDir = outDir('compare');
  const compareHtml = join(compareDir, 'report.html');
  cli(['--compare', EXAMPLE, writeAfter(compareDir), '--format', 'html', '--out', compareHtml, '--force']);
  made.push({name: 'compare', html: compareHtml, dir: compareDir});
  const brandedDir = outDir('branded');
  const brandedHtml = join(brandedDir, 'report.html');
  cli(['--answers', EXAMPLE, '--brand', writeBrand(brandedDir), '--out', brandedHtml, '--force', '--date', DATE]);
  made.push({name: 'branded', html: brandedHtml, dir: brandedDir});
  browser = await launch();
  ({page, watch} = await watchedPage(browser));
});

afterAll(async () => {
  await browser?.close();
});

const NAMES = [...PROFILES.map((p) => p.name), 'example', 'compare', 'branded'];
const get = (name: string) => made.find((m) => m.name === name)!;

describe.each(NAMES)('the %s page', (name) => {
  it.each([1280, 390])('at %i pixels wide: nothing logged or blocked, nothing wider than the window, no word split in a cell', async (width) => {
    const {html, dir} = get(name);
    watch.messages.length = 0;
    await open(page, html, width);
    await page.screenshot({path: join(dir, `screen-${width}.png`) as `${string}.png`, fullPage: true});
    expect(watch.messages).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await splitWordsInCells(page)).toEqual([]);
  });

  it('printed to A4: no word split in a cell, a header with the organisation and "Page N of M" on every page', async () => {
    const {html, dir} = get(name);
    watch.messages.length = 0;
    await open(page, html, 1280);
    // The print's content width (A4 less the @page margins, 180 mm), measured as the print lays it out.
    await page.emulateMediaType('print');
    await page.setViewport({width: Math.floor((180 / 25.4) * 96), height: 1100});
    expect(await splitWordsInCells(page)).toEqual([]);
    const pdf = join(dir, 'print.pdf');
    await printA4(page, pdf);
    pdfToPngs(pdf, join(dir, 'print'));
    expect(watch.messages).toEqual([]);
    const texts = pdfPageTexts(pdf);
    expect(texts.length).toBe(pdfPages(pdf));
    const source = name === 'compare' || name === 'branded' ? EXAMPLE : name === 'example' ? EXAMPLE : PROFILES.find((p) => p.name === name)!.answers;
    const organisation = /^\s*organisation:\s*(.+?)\s*$/m.exec(readFileSync(source, 'utf8'))![1]!.replace(/^["']|["']$/g, '');
    texts.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${texts.length}`);
      expect(text.split('\n').slice(0, 3).join('\n')).toContain(organisation);
    });
  });
});

describe('the example printed on A4', () => {
  it('is A4 and has at most 4 pages before the appendix, which starts a page', async () => {
    const {html, dir} = get('example');
    await open(page, html, 1280);
    const pdf = join(dir, 'print-a4.pdf');
    await printA4(page, pdf);
    const info = execFileSync('pdfinfo', [pdf], {encoding: 'utf8'});
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const texts = pdfPageTexts(pdf);
    const appendix = texts.findIndex((t) => /^\s*Appendix\b/m.test(t));
    expect(appendix).toBeGreaterThan(0);
    expect(appendix).toBeLessThanOrEqual(4); // index 4 = page 5: pages 1-4 come before it
    // The appendix starts its page: its heading is the first thing under the running header.
    const lines = texts[appendix]!.split('\n').filter((l) => l.trim());
    expect(lines.slice(0, 2).some((l) => /^\s*Appendix\b/.test(l))).toBe(true);
    writeFileSync(join(dir, 'pages.txt'), `${texts.length} pages; the appendix starts on page ${appendix + 1}\n`);
  });
});

describe('the verdict card', () => {
  it.each(['example', 'compare'])('%s: only the card takes the verdict colour; every other heading is the text colour', async (name) => {
    await open(page, get(name).html, 1280);
    const colours = await page.evaluate(() => {
      const card = document.querySelector('.verdict');
      const ink = getComputedStyle(document.body).color;
      const outside = Array.from(document.querySelectorAll('h2')).filter((h) => !card?.contains(h));
      return {card: Boolean(card), ink, headings: outside.map((h) => ({text: h.textContent, colour: getComputedStyle(h).color}))};
    });
    expect(colours.card).toBe(true);
    for (const h of colours.headings) expect(h).toEqual({text: h.text, colour: colours.ink});
  });

  it('the report: the card is the verdict (its heading says it in words, not only in colour)', async () => {
    await open(page, get('example').html, 1280);
    const heading = await page.$eval('.verdict h2', (h) => h.textContent ?? '');
    expect(heading).toMatch(/Remediation sprint/i);
  });
});

describe('the branded page', () => {
  it('shows the logo (a data: image the policy lets load), the name, the contact line, the disclaimer and the accent colour', async () => {
    watch.messages.length = 0;
    await open(page, get('branded').html, 1280);
    const seen = await page.evaluate(() => {
      const img = document.querySelector('header img') as HTMLImageElement | null;
      return {
        logo: img ? {src: img.src.slice(0, 26), width: img.naturalWidth, alt: img.alt} : null,
        header: document.querySelector('header')?.textContent ?? '',
        footer: document.querySelector('footer')?.textContent ?? '',
        rule: getComputedStyle(document.querySelectorAll('main h2')[1]!).borderBottomColor,
      };
    });
    expect(seen.logo).toEqual({src: 'data:image/svg+xml;base64,', width: 160, alt: 'Northwind Advisory'});
    expect(seen.header).toContain('Northwind Advisory');
    expect(seen.header).toContain('hello@northwind.example');
    expect(seen.footer).toContain('were not audited');
    expect(seen.rule).toBe('rgb(11, 110, 79)');
    expect(watch.messages).toEqual([]);
  });

  it('prints the brand name in the header of every page', async () => {
    await open(page, get('branded').html, 1280);
    const pdf = join(get('branded').dir, 'print-brand.pdf');
    await printA4(page, pdf);
    const texts = pdfPageTexts(pdf);
    for (const text of texts) expect(text.split('\n').slice(0, 3).join('\n')).toContain('Northwind Advisory');
  });
});
