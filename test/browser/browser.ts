/**
 * What the browser suite shares: the Chromium to drive (no download: CHROMIUM_PATH, else
 * the system's), the built CLI to make reports with, poppler-utils to read the prints,
 * and the folder the screenshots go to (test-output/browser/, kept for a person to look at).
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import puppeteer, {type Browser, type Page} from 'puppeteer-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT = join(ROOT, 'test-output', 'browser');
export const DATE = '2026-11-30';

/** The browser: $CHROMIUM_PATH, else the first of Debian's chromium and chromium-headless-shell found. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p!));
  if (!found) throw new Error('no Chromium found: install Debian\'s chromium (or chromium-headless-shell), or set CHROMIUM_PATH; .ci/run installs it');
  return found;
}

export function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
    // A busy machine starts a browser slowly; this is a guard against a hang, not a timing.
    protocolTimeout: 300000,
    timeout: 300000,
  });
}

/** The built CLI (npm run build; pretest:browser runs it) with the given arguments; throws on a non-zero exit. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'handoff-assess.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {...process.env, HANDOFF_ASSESS_CONFIG_DIR: join(OUTPUT, 'no-config'), NO_COLOR: '1', ...env},
  });
  if (run.status !== 0) throw new Error(`handoff-assess ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

export function outDir(name: string): string {
  const dir = join(OUTPUT, name);
  mkdirSync(dir, {recursive: true});
  return dir;
}

/** What a page did that a report must never do: console messages, errors, CSP violations, requests. */
export interface PageWatch {
  messages: string[];
}

/** A page that records every console message, error, CSP violation and request other than the file itself. */
export async function watchedPage(browser: Browser): Promise<{page: Page; watch: PageWatch}> {
  const page = await browser.newPage();
  const watch: PageWatch = {messages: []};
  page.on('console', (m) => watch.messages.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => watch.messages.push(`page error: ${(e as Error).message}`));
  page.on('requestfailed', (r) => watch.messages.push(`request failed: ${r.url().slice(0, 80)}`));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) watch.messages.push(`request: ${r.url()}`);
  });
  // Scripts added through the DevTools protocol run whatever the page's policy: this one only listens.
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return {page, watch};
}

export async function open(page: Page, file: string, width: number): Promise<void> {
  await page.emulateMediaType('screen');
  await page.setViewport({width, height: 900});
  await page.goto(`file://${file}`, {waitUntil: 'load'});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** How much wider than the window the document is (0: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Every table cell in which a word is split over two lines, or a word does not fit and
 * sticks out: measured in the page, each word's Range rectangles (a word drawn on two
 * lines has rectangles at two heights). A word is what lies between spaces; a line may
 * end after a hyphen or a slash ("system-of-|record"), as in any printed text.
 */
export function splitWordsInCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const cell of Array.from(document.querySelectorAll('td, th'))) {
      const box = cell.getBoundingClientRect();
      if (box.width === 0) continue;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const text = node.data;
        const word = /[^\s\-/\u2010-\u2014]+[\-/\u2010-\u2014]?/g;
        for (let m = word.exec(text); m; m = word.exec(text)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          const tops = new Set(rects.map((r) => Math.round(r.top)));
          const right = Math.max(...rects.map((r) => r.right));
          const style = getComputedStyle(cell);
          const contentRight = box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth) + 1.5;
          if (tops.size > 1) found.push(`"${m[0]}" split over ${tops.size} lines in the cell "${(cell.textContent ?? '').slice(0, 60)}"`);
          else if (right > contentRight) found.push(`"${m[0]}" sticks out of the cell "${(cell.textContent ?? '').slice(0, 60)}" by ${Math.round(right - contentRight)}px`);
        }
      }
    }
    return found;
  });
}

/** The page printed to A4 as the browser prints it (its own @page rules), written to `file`. */
export async function printA4(page: Page, file: string): Promise<void> {
  await page.emulateMediaType('print');
  const pdf = await page.pdf({format: 'A4', preferCSSPageSize: true, printBackground: true});
  writeFileSync(file, pdf);
  await page.emulateMediaType('screen');
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], {encoding: 'utf8'});
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** The text of each page of a PDF (pdftotext separates pages with form feeds). */
export function pdfPageTexts(file: string): string[] {
  return execFileSync('pdftotext', ['-layout', file, '-'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024}).split('\f').slice(0, pdfPages(file));
}

/** Each page of a PDF as a PNG beside it (pdftoppm), for a person to look at. */
export function pdfToPngs(file: string, prefix: string): void {
  execFileSync('pdftoppm', ['-r', '60', '-png', file, prefix]);
}
