/**
 * Hostile free text (issue 5, item 5) typed into every free-text field:
 * organisation, assessor, workflow, systems and notes. Markdown tables stay
 * intact, no user text becomes HTML, a heading, code or a link, terminal
 * escape sequences are gone from everything shown to people, and a note
 * cannot close the answers fence.
 */
import {describe, expect, it} from '@jest/globals';
import {join} from 'node:path';
import type {Token, Tokens} from 'marked';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import type {Answers} from '../../src/engine/types.js';
import {escapeMarkdown, fence, stripControls} from '../../src/report/escape.js';
import {markdownToHtml, renderReport, reportJson, type TemplateSource} from '../../src/report/render-report.js';
import {DATE, HERE, MANAGE, RAW_CONTROL, allTokens, answers, answersFile, cells, lex, realBank, section, tableBlocks, tags, textOf} from './report-helpers.js';

const bank = realBank();
const HOSTILE = answersFile(join(HERE, 'fixtures', 'hostile.yaml'));
const render = (a: Answers, format: 'md' | 'html' | 'json', template?: TemplateSource) => renderReport({bank, answers: a, date: DATE, format, template});
/** The report without the machine-readable data block other modules may append. */
const body = (text: string) => text.replace(/<!-- handoff-assess:data [^>]*-->\n?/g, '');

/** What a reader should see of a piece of user text in a one-line context. */
const visible = (text: string) => stripControls(text).replace(/\s+/g, ' ').trim();
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A corpus of hostile strings, one per line of trouble. */
const CORPUS = [
  'Pipe | in | the | middle',
  'Trailing backslash \\',
  'Escaped pipe \\| already',
  'Two\nlines\r\nand CR\rand LS\u2028and PS\u2029end',
  '# Heading at the start',
  '## Another',
  'Setext\n===',
  'Rule\n---',
  '`code` and ``double`` and ```triple```',
  '```\nfenced\n```',
  '~~~\ntilde fence\n~~~',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '[x](javascript:alert(1))',
  '[x]: javascript:alert(1)',
  '![i](http://evil.example/p.png)',
  '<http://evil.example/auto>',
  'bare http://evil.example/bare and www.evil.example and mail@evil.example',
  '<!-- comment -->',
  '<style>body{display:none}</style>',
  '&lt;script&gt; &#60;b&#62; &amp;',
  '*em* _em_ **strong** ~~strike~~',
  '- list\n* list\n+ list\n1. list\n2) list',
  '> quote',
  '    indented code',
  '\tTabbed',
  '| a | b |\n| - | - |\n| c | d |',
  'Right\u202eto-left \u2066isolate\u2069 mark\u200f',
  '\u001b[31mRED\u001b[0m \u001b[2J\u001b[H clear',
  '\u001b]0;retitled\u0007 title \u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\',
  '\u009b31mC1 CSI\u009b0m and \u0007 bell and \u0000 nul',
  'A'.repeat(3000),
  'émoji 🚀 and 中文',
];

/** Every string of the corpus in every free-text field: context, notes, the handoff map and the plan's owners. */
function hostile(text: string): Answers {
  const short = text.slice(0, 120);
  const base = answers({
    matrix: {failure_frequency: 4, reconciliation_load: 5, exception_visibility: 2, lead_time_impact: 'unknown', operational_confidence: 3},
    remediate: ['recurring_sync_failures'],
    // context fields within the bank's max_length, as the parser would insist
    context: {organisation: text.slice(0, 120), assessor: text.slice(0, 120), workflow: text.slice(0, 160), systems: [text.slice(0, 76), `${text.slice(0, 76)} two`]},
    notes: {failure_frequency: text, recurring_sync_failures: text, no_budget_path: text, organisation: text},
  });
  return {
    ...base,
    version: 2,
    handoffs: [{from: short, to: `${text.slice(0, 76)} two`, record: short, owner: short, required_fields: [short], when_missing: short, failures: 3, critical_path: true}],
    plan: {owners: {map: short}},
  };
}

/**
 * A GFM autolink literal (a bare URL or e-mail address in the text): every
 * GFM viewer links these, whatever the escaping, so the markdown may hold
 * them; the HTML report renders them as plain text.
 */
const isAutolinkLiteral = (t: Token) => t.type === 'link' && !/^[[<]/.test(t.raw) && /^(https?:|mailto:)/.test((t as Tokens.Link).href);
/** Tokens that may appear inside escaped user text. */
const INERT = (t: Token) => ['paragraph', 'text', 'escape'].includes(t.type) || isAutolinkLiteral(t) || (t.type === 'text' && !('tokens' in t));

/** A template that puts every free-text field in a table cell, and at the start of lines. */
const TABLE_TEMPLATE: TemplateSource = {
  path: 'table.md.liquid',
  text: [
    '# {{ title }}',
    '',
    '| Field | Value |',
    '| --- | --- |',
    '| organisation | {{ organisation }} |',
    '| assessor | {{ assessor }} |',
    '| workflow | {{ workflow }} |',
    '{% for s in systems %}| system | {{ s }} |',
    '{% endfor %}{% for n in notes %}| {{ n.question }} | {{ n.text }} |',
    '{% endfor %}',
    '{{ organisation }}',
    '',
    '{% for n in notes %}{{ n.text }}',
    '',
    '{% endfor %}',
  ].join('\n'),
};

describe('escapeMarkdown', () => {
  it.each(CORPUS)('keeps %j on one inert line', (text) => {
    const out = escapeMarkdown(text);
    expect(out).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(out).not.toMatch(RAW_CONTROL);
    const tokens = allTokens(lex(`x ${out}`));
    expect(tokens.filter((t) => !INERT(t)).map((t) => t.type)).toEqual([]);
  });

  it.each(CORPUS)('%j alone on a line is still one paragraph of text', (text) => {
    const tokens = lex(escapeMarkdown(text));
    expect(tokens.map((t) => t.type).filter((t) => t !== 'space')).toEqual(['paragraph']);
    expect(allTokens(tokens).filter((t) => !INERT(t)).map((t) => t.type)).toEqual([]);
  });

  it('shows what was typed, minus control sequences', () => {
    for (const text of CORPUS) expect(squash(textOf(markdownToHtml(escapeMarkdown(text))))).toBe(visible(text));
  });
});

describe('stripControls', () => {
  it.each([
    ['a window title with spaces (OSC to BEL)', '\u001B]0;my title\u0007done', 'done'],
    ['a hyperlink (OSC to ST)', '\u001B]8;;https://x.test/a b\u001B\\link\u001B]8;;\u001B\\', 'link'],
    ['a colour with colon parameters', '\u001B[38:5:1mred\u001B[0m', 'red'],
    ['the 8-bit CSI U+009B', '\u009B31mred', 'red'],
    ['a character-set switch and a reset', '\u001B(Bx\u001Bcy', 'xy'],
    ['bell, backspace, NUL and C1', 'a\u0007\u0008\u0000\u0085b', 'ab'],
    ['bidi overrides and isolates', '\u202Eevil\u202C \u2066x\u2069', 'evil x'],
  ])('removes %s and keeps the visible text', (_what, text, shown) => {
    expect(stripControls(text)).toBe(shown);
  });

  it('keeps every visible character, tabs and line breaks', () => {
    const text = 'Ünïcødé ✅ 👨‍👩‍👧 日本 e\u0301 [31m] ~\t\n';
    expect(stripControls(text)).toBe(text);
  });
});

describe('fence', () => {
  it('cannot be closed by any run of backticks inside', () => {
    for (const inner of ['```', '````', '`````````', 'a ``` b\n```\n````']) {
      const block = fence(`before\n${inner}\nafter\n`, 'yaml');
      const code = lex(block).filter((t) => t.type === 'code') as Tokens.Code[];
      expect(code).toHaveLength(1);
      expect(code[0]!.text).toBe(`before\n${inner}\nafter`);
    }
  });
});

describe.each(CORPUS.map((c, i) => [i, c] as const))('hostile text %i in every field', (_i, text) => {
  const a = hostile(text);

  it('leaves every markdown table of the default report intact', () => {
    const md = body(render(a, 'md'));
    const tables = tableBlocks(md);
    // the plan, the handoff register, the matrix, the statements ticked and the two checklists (appendix)
    expect(tables).toHaveLength(6);
    for (const t of tables) {
      const width = cells(t[0]!).length;
      for (const row of t) expect(cells(row)).toHaveLength(width);
    }
    const lexed = lex(md).filter((t) => t.type === 'table') as Tokens.Table[];
    expect(lexed.map((t) => t.rows.length)).toEqual([4, 1, 5, 1, 4, 4]);
  });

  it('keeps user text inside its table cell (a custom template puts it there)', () => {
    const md = body(render(a, 'md', TABLE_TEMPLATE));
    const [table] = tableBlocks(md);
    // 3 context rows, 2 systems, 4 notes, the header and the delimiter
    expect(table).toHaveLength(11);
    for (const row of table!) expect(cells(row)).toHaveLength(2);
    const lexed = lex(md).find((t) => t.type === 'table') as Tokens.Table;
    expect(lexed.rows).toHaveLength(9);
    const html = markdownToHtml(md);
    const tds = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => squash(textOf(m[1]!)));
    expect(tds[1]).toBe(visible(text.slice(0, 120)));
    expect(tds[9]).toBe(visible(`${text.slice(0, 76)} two`));
  });

  it('creates no heading, code, list, quote, link, image or HTML from user text', () => {
    const md = body(render(a, 'md'));
    const tokens = allTokens(lex(md));
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading');
    expect(headings.filter((h) => h.depth === 1)).toHaveLength(1);
    expect(headings.filter((h) => h.depth === 2).map((h) => h.text)).toEqual(expect.arrayContaining(['Decision matrix', 'Notes', 'Answers']));
    expect(headings.filter((h) => h.depth === 2)).toHaveLength(13);
    expect(headings.filter((h) => h.depth === 3)).toHaveLength(4);
    // the template's own labels: what decided it, the confidence, failure classes, recovery criteria
    expect(headings.filter((h) => h.depth === 4)).toHaveLength(4);
    expect(headings.filter((h) => h.depth > 4)).toHaveLength(0);
    // the two charts' text renditions (bank text only) and the answers block
    expect(tokens.filter((t) => t.type === 'code').map((t) => (t as Tokens.Code).lang)).toEqual(['text', 'text', 'yaml']);
    const templateCode = ['`.yaml`', '`handoff-assess --answers FILE`', '`plan.owners`'];
    // the chart regions' markers are the template's own comments (src/report/charts.ts)
    const chartMarker = (t: Token) => t.type === 'html' && /^<!-- (handoff-assess:chart (axes|score)|\/handoff-assess:chart) -->\n*$/.test(t.raw);
    // the template's own italics: a plan step's owner that is a role, the whole cell
    const roleCells = new Set(tableBlocks(section(md, 'Action plan'))[0]!.slice(2).map((r) => cells(r)[1]!.replaceAll('\\|', '|')).filter((c) => /^\*.*\*$/.test(c)));
    const templateEm = (t: Token) => t.type === 'em' && roleCells.has(t.raw);
    expect(tokens.filter((t) => ['codespan', 'html', 'link', 'image', 'blockquote', 'hr', 'del', 'em'].includes(t.type) && !isAutolinkLiteral(t) && !templateCode.includes(t.raw) && !templateEm(t) && !chartMarker(t)).map((t) => t.raw)).toEqual([]);
    // one list item per note
    const notes = lex(section(md, 'Notes')).find((t) => t.type === 'list') as Tokens.List;
    expect(notes.items).toHaveLength(4);
    // in a custom template, user text alone on a line stays a paragraph
    const custom = lex(body(render(a, 'md', TABLE_TEMPLATE)));
    expect(custom.filter((t) => !['heading', 'table', 'paragraph', 'space'].includes(t.type)).map((t) => t.type)).toEqual([]);
  });

  it('lets no tag, event handler, script link or external link into the HTML', () => {
    const html = render(a, 'html');
    expect(html).not.toMatch(/<script/i);
    // The page's own style sheet is the only one, in the head; no style, image or link reaches the body.
    expect(html.match(/<style\b/gi)).toHaveLength(1);
    // The only pictures are the report's two charts, drawn by the tool: each an inline SVG of plain shapes and text.
    const figures = [...html.matchAll(/<figure class="chart chart-(axes|score)"><svg [\s\S]*?<\/svg><\/figure>/g)];
    expect(figures.map((f) => f[1])).toEqual(['axes', 'score']);
    const rest = html.replace(/<figure class="chart chart-(axes|score)"><svg [\s\S]*?<\/svg><\/figure>/g, '');
    expect(rest.slice(rest.indexOf('<body'))).not.toMatch(/<(img|svg|iframe|style\b|a\b)/i);
    for (const tag of tags(figures.map((f) => f[0]).join(''))) {
      expect(['figure', 'svg', 'title', 'line', 'rect', 'circle', 'text']).toContain(tag.name);
      expect(tag.attrs).not.toMatch(/\bon[a-z]+\s*=|javascript:|\b(src|href|xlink:href)\s*=|\bclass="(?!chart)/i);
    }
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'section', 'h1', 'h2', 'h3', 'h4', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'code', 'br', 'hr']);
    for (const tag of tags(rest)) {
      expect(allowed.has(tag.name) ? tag.name : `<${tag.name}${tag.attrs}>`).toBe(tag.name);
      expect(tag.attrs).not.toMatch(/\bon[a-z]+\s*=/i);
      expect(tag.attrs).not.toMatch(/javascript:/i);
      expect(tag.attrs).not.toMatch(/\b(src|href)\s*=/i);
    }
    // and the text is still there to read
    if (visible(text)) expect(squash(textOf(html))).toContain(visible(text).slice(0, 100));
  });

  it('drops terminal escape sequences from the markdown, the HTML and the JSON shown to people', () => {
    const md = render(a, 'md');
    const html = render(a, 'html');
    expect(md).not.toMatch(RAW_CONTROL);
    expect(html).not.toMatch(RAW_CONTROL);
    const json = render(a, 'json');
    // the file itself never carries a raw control, C1 or bidi character
    expect(json).not.toMatch(RAW_CONTROL);
    const {answers: raw, ...shown} = JSON.parse(json) as Record<string, unknown>;
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(shown);
    for (const s of strings) expect(s).not.toMatch(RAW_CONTROL);
    // the answers are data: kept exactly as given, so they replay to the same report
    expect(raw).toEqual(JSON.parse(JSON.stringify(reportJson(bank, a, DATE).answers)));
    expect((raw as {context: {organisation: string}}).context.organisation).toBe(a.context.organisation);
  });

  it('cannot close the answers fence', () => {
    const md = body(render(a, 'md'));
    const answersSection = section(md, 'Answers');
    const code = lex(answersSection).filter((t) => t.type === 'code') as Tokens.Code[];
    expect(code).toHaveLength(1);
    expect(lex(answersSection).filter((t) => !['heading', 'paragraph', 'code', 'space'].includes(t.type))).toEqual([]);
    // the block reads back to the answers (YAML writes C0 controls as escapes; C1 and bidi marks are dropped)
    expect(code[0]!.text).not.toMatch(RAW_CONTROL);
    const load = parseAnswers('report.md', code[0]!.text, bank);
    expect(load.errors).toEqual([]);
    expect(stripControls(load.answers!.notes.failure_frequency!)).toBe(stripControls(a.notes.failure_frequency!));
    expect(stripControls(load.answers!.context.workflow!)).toBe(stripControls(a.context.workflow!.trim()));
  });
});

describe('the hostile fixture file (every free-text field at once)', () => {
  it('parses, renders and stays inert in every format', () => {
    const md = body(render(HOSTILE, 'md'));
    const html = render(HOSTILE, 'html');
    const json = render(HOSTILE, 'json');
    for (const out of [md, html, json]) expect(out).not.toMatch(RAW_CONTROL);
    expect(md.split('\n')[0]).toBe('# Handoff risk assessment: Evil \\| Corp # Injected heading &lt;script>alert(1)&lt;/script> RED');
    expect(html).toContain('<h1>Handoff risk assessment: Evil | Corp # Injected heading &lt;script&gt;alert(1)&lt;/script&gt; RED</h1>');
    expect(html.replace(/<figure class="chart chart-(axes|score)"><svg [\s\S]*?<\/svg><\/figure>/g, '')).not.toMatch(/<(script|img|iframe|svg|a)\b/i);
    expect(JSON.parse(json).organisation).toBe('Evil | Corp\n# Injected heading <script>alert(1)</script> RED ');
  });
});

describe('escaping leaves the report\'s own words readable', () => {
  it('keeps a note\'s arrows, ampersands and comparisons as typed in the raw markdown (no -&gt; or &amp;)', () => {
    const typed = 'Orders -> NetSuite, R&D & ops, lead time < 5 days > 2 days';
    const md = body(render({...MANAGE, notes: {failure_frequency: typed}, context: {...MANAGE.context, workflow: 'Quote -> cash & billing'}}, 'md'));
    expect(md).toContain(`- **Failure frequency:** ${typed}`);
    expect(md).toContain('Quote -> cash & billing');
    expect(md).not.toMatch(/&amp;|-&gt;|&lt;|&gt;/);
    expect(escapeMarkdown(typed)).toBe(typed);
  });

  it('still escapes what could become markup: a tag, an entity, a quote at the start', () => {
    expect(escapeMarkdown('<b>x</b> &amp; &#60;')).toBe('&lt;b>x&lt;/b> &amp;amp; &amp;#60;');
    expect(escapeMarkdown('> quoted')).toBe('&gt; quoted');
    // a value ending in "<" cannot open a tag with the text that follows it
    expect(escapeMarkdown('a <')).toBe('a &lt;');
    expect(textOf(markdownToHtml(`${escapeMarkdown('a <')}b>`))).toBe('a <b>\n');
  });

  it('numbers are not backslash-escaped in the markdown', () => {
    const md = body(render(MANAGE, 'md'));
    expect(md).not.toMatch(/\\[-+]\d/);
    expect(md).toMatch(/Total score \*\*-\d+\*\*/);
    expect(md).toMatch(/\| -\d+ \|/);
  });
});
