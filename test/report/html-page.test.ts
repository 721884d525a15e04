/** The HTML report is one self-contained, printable page that loads nothing (issue 2, item 5). */
import {describe, expect, it} from '@jest/globals';
import {renderReport} from '../../src/report/render-report.js';
import {DATE, OUTCOMES, answersFile, realBank, tags} from './report-helpers.js';

const bank = realBank();
const pages = [...OUTCOMES, ['example', answersFile('examples/acme.yaml')] as const];

describe.each(pages)('the %s HTML page', (name, answers) => {
  const html = renderReport({bank, answers, date: DATE, format: 'html'});
  const head = html.slice(0, html.indexOf('</head>'));

  it('is a complete document with a doctype, language and charset', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(head).toContain('<meta charset="utf-8">');
    expect(head).toContain('<meta name="viewport"');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.match(/<body[ >]/g)).toHaveLength(1);
  });

  it('carries a Content-Security-Policy that allows no script and no network', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(head);
    expect(csp).not.toBeNull();
    const policy = csp![1]!;
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).not.toMatch(/script-src/);
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it('styles itself inline, for screen and print', () => {
    expect(head).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
  });

  it('loads nothing: no script, no link element, no src, no external href, no @import or url()', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(tags(html).filter((t) => ['iframe', 'object', 'embed', 'img', 'video', 'audio', 'base', 'form'].includes(t.name))).toEqual([]);
  });

  it('wraps a very long word instead of pushing the page wider than the paper', () => {
    expect(head).toMatch(/p, li, h1, h2, h3[^{]*\{[^}]*overflow-wrap: anywhere/);
    // A table cell keeps its words whole unless one alone is too wide; on a phone the table scrolls.
    expect(head).toMatch(/th, td \{[^}]*overflow-wrap: break-word/);
    expect(head).toMatch(/@media screen and \(max-width: 40rem\)[^@]*table \{[^}]*overflow-x: auto/);
  });

  it('marks the body with the recommendation for its colour', () => {
    if (name !== 'example') expect(html).toContain(`<body class="${name}">`);
    else expect(html).toContain('<body class="remediation-sprint">');
  });
});
