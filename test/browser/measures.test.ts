/**
 * The browser suite's measures catch what they are there to catch: on small pages made
 * to fail, a blocked script and image are reported, a word broken inside a table cell is
 * found, and a page wider than the window is measured. (Without these, a measure that
 * never fires would pass every report.)
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Browser, Page} from 'puppeteer-core';
import {horizontalOverflow, launch, open, outDir, splitWordsInCells, watchedPage, type PageWatch} from './browser.js';

const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;
const dir = outDir('measures');
let browser: Browser;
let page: Page;
let watch: PageWatch;

function html(name: string, body: string, style = ''): string {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, `<!doctype html><html lang="en"><head><meta charset="utf-8">${CSP}<style>${style}</style></head><body>${body}</body></html>`);
  return file;
}

beforeAll(async () => {
  browser = await launch();
  ({page, watch} = await watchedPage(browser));
});

afterAll(async () => {
  await browser?.close();
});

describe('the measures of test/browser', () => {
  it('report a script and an image the policy blocks', async () => {
    watch.messages.length = 0;
    await open(page, html('blocked', '<script>document.title = "ran"</script><img src="http://127.0.0.1:9/x.png" alt="">'), 1280);
    expect(await page.title()).toBe('');
    expect(watch.messages.join('\n')).toMatch(/Content Security Policy|CSP violation/);
    expect(watch.messages.some((m) => m.includes('script-src') || m.includes('inline script'))).toBe(true);
    expect(watch.messages.some((m) => m.includes('img-src'))).toBe(true);
  });

  it('find a word broken inside a table cell, and one that sticks out of it', async () => {
    const table = '<table style="width: 120px; border-collapse: collapse"><tr><td style="width: 60px">remediation sprint</td><td>ok</td></tr></table>';
    await open(page, html('broken', table, 'td { overflow-wrap: anywhere; font: 16px sans-serif }'), 390);
    expect((await splitWordsInCells(page)).join('\n')).toMatch(/"remediation" split over \d lines/);
    await open(page, html('sticking', '<table style="table-layout: fixed; width: 120px"><tr><td style="width: 50px">remediation</td><td>ok</td></tr></table>', 'td { font: 16px sans-serif; overflow: visible }'), 390);
    expect((await splitWordsInCells(page)).join('\n')).toMatch(/"remediation" sticks out of the cell/);
  });

  it('measure a page wider than the window', async () => {
    await open(page, html('wide', '<div style="width: 600px">wide</div>'), 390);
    expect(await horizontalOverflow(page)).toBe(600 - 390 + 8); // the body's 8px margin on the left
  });
});
