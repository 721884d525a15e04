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

  it('wraps a very long word in text instead of pushing the page wider than the paper; a table cell never breaks a word', () => {
    expect(head).toMatch(/p, li, h1, h2, h3[^{]*\{[^}]*overflow-wrap: anywhere/);
    // Measured in a real browser at 1280, 390 and in print: test/browser.
    expect(head).toMatch(/th, td \{[^}]*overflow-wrap: normal; word-break: normal; hyphens: manual/);
    expect(head).toMatch(/@media screen and \(max-width: 40rem\)[^@]*table\.cards td\[data-label\]::before \{[^}]*content: attr\(data-label\)/);
  });

  it('prints on A4 with the organisation in the header and "Page N of M"', () => {
    expect(head).toMatch(/@page \{\s*size: A4;/);
    expect(head).toContain('content: "Page " counter(page) " of " counter(pages)');
    if (name === 'example') expect(head).toContain('@top-left { content: "Acme Ltd";');
  });

  it('puts the verdict (the first section) in a card, and the appendix on a page of its own in print', () => {
    expect(html).toMatch(/<main>\n<h1>[^]*?<section class="verdict">\n<h2>Recommendation: /);
    expect(html.match(/<section class="verdict">/g)).toHaveLength(1);
    expect(html).toMatch(/<section class="appendix">\n<h2>Appendix/);
  });

  it('marks the body with the recommendation for its colour', () => {
    if (name !== 'example') expect(html).toContain(`<body class="${name}">`);
    else expect(html).toContain('<body class="remediation-sprint">');
  });
});

describe('the print header', () => {
  it('holds the organisation as a CSS string that nothing in it can end (quotes, backslashes, </style>)', () => {
    const answers = answersFile('examples/acme.yaml');
    const hostile = {...answers, context: {...answers.context, organisation: 'Acme "x" \\ </style><b>'}};
    const html = renderReport({bank, answers: hostile, date: DATE, format: 'html'});
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>') + 8);
    expect(style.match(/<\/style>/g)).toHaveLength(1);
    expect(style).toContain('@top-left { content: "Acme \\22 x\\22  \\5c  \\3c \\2f style\\3e \\3c b\\3e ";');
  });
});
