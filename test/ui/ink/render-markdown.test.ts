/**
 * The result screen's preview of the report (src/ui/ink/render-markdown.ts):
 * what a user reads in the terminal, from the real report of examples/acme.yaml.
 */
import {describe, expect, it} from '@jest/globals';
import stringWidth from 'string-width';
import {renderReport} from '../../../src/report/render-report.js';
import {stripControls} from '../../../src/report/escape.js';
import {renderMarkdown} from '../../../src/ui/ink/render-markdown.js';
import {answersFile, DATE, realBank} from '../../report/report-helpers.js';

const acme = answersFile('examples/acme.yaml');
const report = (answers = acme) => renderReport({bank: realBank(), answers, date: DATE, format: 'md'});
/** The preview as plain text, with its lines joined and spaces squashed: what was said, whatever the wrapping. */
const said = (lines: string[]) => stripControls(lines.join(' ')).replace(/\s+/g, ' ');

describe.each([40, 100])('the report preview at %i columns', (width) => {
  const styled = renderMarkdown(report(), width, false);
  const plain = renderMarkdown(report(), width, true);

  it('fits every line in the width, styled or not', () => {
    for (const lines of [styled, plain]) expect(lines.filter((l) => stringWidth(l) > width)).toEqual([]);
  });

  it('shows bold list items as bold, never as **', () => {
    expect(plain.join('\n')).not.toContain('**');
    expect(styled.join('\n')).not.toContain('**');
    expect(styled.some((l) => /^• \u001B\[1mEvidence for operational confidence\.\u001B\[22m/.test(l))).toBe(true);
    expect(plain.some((l) => l.startsWith('• Evidence for operational confidence.'))).toBe(true);
  });

  it('never shows the hidden data block', () => {
    const md = report();
    const encoded = /<!-- handoff-assess:data v1 (\S+)/.exec(md)![1]!;
    const text = plain.join('\n');
    expect(text).not.toContain('handoff-assess:data');
    expect(text).not.toContain(encoded.slice(0, 16));
    expect(text).not.toContain('<!--');
  });

  it('says everything the report says: headings, table cells, list items, the answers block', () => {
    const text = said(plain);
    for (const words of ['Recommendation: Remediation sprint', 'Decision matrix', 'Data reconciliation load', 'remediation sprint', 'Observed', 'Sync failures keep recurring', 'Exit criterion', 'No disqualifier applies', 'Finance and ops both re-key closed deals into NetSuite', 'organisation: Acme Ltd']) {
      expect(text).toContain(words);
    }
  });

  it('marks headings with their level, wrapped lines hanging under the text', () => {
    expect(plain[0]).toBe('# Handoff risk assessment: Acme Ltd');
    expect(styled[0]).toBe('\u001B[1m# \u001B[22m\u001B[1mHandoff risk assessment: Acme Ltd\u001B[22m');
    const narrow = renderMarkdown('### 2. Set system-of-record boundaries and escalation owners', 30, true);
    expect(narrow).toEqual(['### 2. Set system-of-record', '    boundaries and escalation', '    owners']);
  });

  it('uses no colour or style at all without colour', () => {
    expect(plain.join('\n')).not.toMatch(/\u001B/);
    expect(styled.join('\n')).toMatch(/\u001B\[1m/);
  });
});

describe('the report preview', () => {
  it('keeps a note of 70 ✅ and the word after it, whole', () => {
    const answers = {...acme, notes: {...acme.notes, failure_frequency: `${'✅'.repeat(70)} done`}};
    for (const width of [40, 100]) {
      const lines = renderMarkdown(report(answers), width, true);
      expect(lines.filter((l) => stringWidth(l) > width)).toEqual([]);
      expect(said(lines).replace(/ /g, '')).toContain(`${'✅'.repeat(70)}done`);
    }
  });

  it('makes a table too wide for 40 columns readable, one "Header: cell" block per row', () => {
    const lines = renderMarkdown(report(), 40, true);
    const at = lines.indexOf('Failure frequency');
    expect(at).toBeGreaterThan(-1);
    expect(lines.slice(at + 1, at + 4)).toEqual(['  Answer: 4 of 5', '  Leaning: remediation sprint', '  Certainty: verified']);
  });

  it('draws a table that fits as aligned columns', () => {
    const lines = renderMarkdown('| Axis | Points |\n| --- | ---: |\n| Failure frequency | +3 |\n| Lead time | 0 |\n', 40, true);
    expect(lines).toEqual(['Axis               Points', '─'.repeat(25), 'Failure frequency      +3', 'Lead time               0']);
  });

  it('wraps a long cell within its column when the others leave room', () => {
    const long = 'A checklist or a simple fallback rule is enough to keep today problems in check.';
    const lines = renderMarkdown(`| Signal | Observed |\n| --- | --- |\n| ${long} | no |\n`, 40, true);
    expect(lines.filter((l) => stringWidth(l) > 40)).toEqual([]);
    expect(lines[2]).toMatch(/^A checklist .* no$/);
    for (const word of long.split(' ')) expect(said(lines)).toContain(word);
  });

  it('nests lists under their item, numbers ordered ones, and indents code', () => {
    const lines = renderMarkdown('1. first\n   - inner *one*\n2. second\n\n```\ncode line\n```\n\n> quoted\n\n---\n', 30, true);
    expect(lines).toEqual(['1. first', '   • inner one', '2. second', '', '    code line', '', '│ quoted', '', '─'.repeat(30)]);
  });

  it('shows what entities and escapes stand for', () => {
    expect(renderMarkdown('Tom &amp; Jerry &lt;b&gt; \\*not bold\\* `a&amp;b`', 80, true)).toEqual(['Tom & Jerry <b> *not bold* a&b']);
  });

  it('never crashes on odd input or widths', () => {
    for (const width of [0, 1, 3, Number.NaN, 1e6]) {
      for (const md of ['', '<!-- only a comment -->', '|a|\n|-|\n|👨‍👩‍👧👨‍👩‍👧|', '- - - x', '#'.repeat(7), '* '.repeat(50) + 'deep', '\u001B[31mred\u0007']) {
        expect(Array.isArray(renderMarkdown(md, width, false))).toBe(true);
      }
    }
    expect(renderMarkdown('\u001B]0;title\u0007\u001B[31mred &#27;[1mbold&#x9b;2J', 20, true)).toEqual(['red bold']);
  });
});
