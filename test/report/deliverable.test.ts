/**
 * Issue 11, the content every format shares: page one is a summary in plain words (the
 * verdict, how sure, the facts that decided it in the client's figures, the main risk, the
 * first step with its owner and dates, what is open), framed by the assessor's role; the two
 * charts (text in the markdown and the terminal, SVG in the HTML) mark every axis answer and
 * say unknown and estimated in words and shapes, not colour.
 */
import {describe, expect, it} from '@jest/globals';
import {join} from 'node:path';
import {buildReportModel} from '../../src/engine/report-model.js';
import type {Answers, Bank} from '../../src/engine/types.js';
import {CHART_REGION, TEXT_WIDTH, chartSvg, chartText, END_MARKER, startMarker} from '../../src/report/charts.js';
import {renderReport} from '../../src/report/render-report.js';
import {renderMarkdown as terminalLines} from '../../src/ui/ink/render-markdown.js';
import {DATE, ROOT, SPRINT, answersFile, realBank, section, tags, textOf} from './report-helpers.js';

const bank = realBank();
const profile = (name: string): Answers => answersFile(join(ROOT, 'test', 'fixtures', 'profiles', `${name}.yaml`));
const md = (a: Answers, b: Bank = bank): string => renderReport({bank: b, answers: a, date: DATE, format: 'md'}).replace(/<!-- handoff-assess:data [^>]*-->\n?/, '');
const html = (a: Answers): string => renderReport({bank, answers: a, date: DATE, format: 'html'});
const pageOne = (text: string): string => text.slice(0, text.indexOf('## Action plan'));

const PROFILES = ['ecommerce-sprint', 'saas-manage', 'clinic-unknowns', 'logistics-disqualified', 'contradictory', 'founder-self'];

describe.each(PROFILES)('page one of the %s report', (name) => {
  const a = profile(name);
  const m = buildReportModel(bank, a, DATE);
  const text = md(a);
  const one = pageOne(text);

  it('holds the verdict and how sure it is, before anything else', () => {
    expect(one).toContain(`## Recommendation: ${m.recommendationLabel}`);
    expect(one).toContain(`**Confidence: ${m.confidence}.** ${m.summary.verdict}`);
    expect(one).toContain(`- **How sure:** ${m.summary.sureness}`);
    expect(m.summary.sureness).toMatch(new RegExp(`\\(${m.confidence} confidence\\)`));
  });

  it('gives two or three facts that decided it, in the client\'s own figures', () => {
    expect(m.summary.facts.length).toBeGreaterThanOrEqual(2);
    expect(m.summary.facts.length).toBeLessThanOrEqual(3);
    for (const fact of m.summary.facts) expect(one).toContain(`  - ${fact.replaceAll('"', '"')}`);
    // each decisive axis with a figure given is stated with that figure
    for (const id of m.result.decisive) {
      const row = m.matrix.find((r) => r.id === id);
      if (row?.figure && m.summary.facts.some((f) => f.startsWith(`${row.title}:`))) {
        expect(m.summary.facts.find((f) => f.startsWith(`${row.title}:`))).toContain(`${row.answer}, ${row.figure}`);
      }
    }
    // a disqualifier that applies is a fact that decided it, with who resolves it
    for (const d of m.disqualifiers.filter((x) => x.status === 'applies')) expect(m.summary.facts.some((f) => f.startsWith(d.title))).toBe(true);
  });

  it('names the main risk, the first step with its owner and dates, and what is still open', () => {
    expect(m.summary.risk.length).toBeGreaterThan(20);
    expect(one).toContain(`- **Main risk:** ${m.summary.risk}`);
    const first = m.plan[0]!;
    const owner = first.ownerIsRole ? `*${first.owner}*` : first.owner;
    expect(one).toContain(`- **First step:** ${first.title}: ${owner}, ${first.when}. Deliverable: ${first.deliverable}.`);
    if (a.plan?.start) expect(first.when).toMatch(/\d{1,2} [A-Z][a-z]{2}/);
    // Every kind of gap is named; several disagreements are counted on one line, not repeated.
    const open = [...new Set(m.preparation.filter((p) => p.reason !== 'contradiction').map((p) => p.title))];
    for (const title of open.slice(0, 3)) expect(one).toContain(title);
    const disagreements = m.preparation.filter((p) => p.reason === 'contradiction').length;
    if (disagreements > 1) expect(one).toMatch(new RegExp(`Settle (${disagreements}|[a-z]+) disagreements`));
    expect(one).not.toMatch(/(Settle a disagreement.*){2}/);
  });

  it('keeps the score arithmetic out of page one and in the decision matrix', () => {
    expect(one).not.toMatch(/threshold|range (from )?-?\d|[+-]?\d+ points?\b|score \(?[+-]?\d/i);
    expect(section(text, 'Decision matrix')).toContain(`Total score **${m.score}**`);
  });

  it('puts the summary in the JSON report too', () => {
    const json = JSON.parse(renderReport({bank, answers: a, date: DATE, format: 'json'}));
    expect(json.summary.verdict).toBe(m.summary.verdict);
    expect(json.summary.firstStep.owner).toBe(m.plan[0]!.owner);
    expect(json.summary.facts).toEqual(m.summary.facts);
    expect(json.why).toBe(m.why);
  });
});

describe('the framing follows the role', () => {
  const base = profile('ecommerce-sprint');
  const as = (role: string, assessor = 'Priya Nair'): Answers => ({...base, context: {...base.context, role, assessor}});

  it('a consultant\'s report is prepared for the client by the consultant', () => {
    const text = md(as('consultant'));
    expect(text.split('\n')[2]).toMatch(/^Prepared for Kettle & Crumb Coffee Co\. by Priya Nair · /);
    expect(pageOne(text)).not.toContain('qualification request packet');
  });

  it('a buyer\'s report reads as a qualification request packet: attached, ready, open', () => {
    const text = md(as('buyer'));
    expect(text.split('\n')[2]).toMatch(/^Qualification request packet from Kettle & Crumb Coffee Co\., prepared by Priya Nair · /);
    const one = pageOne(text);
    expect(one).toContain('**In this qualification request packet**');
    expect(one).toMatch(/- \*\*Attached:\*\* this assessment and its recommendation; the action plan \(4 steps, with owners and dates\); the handoff register \(3 handoffs\);/);
    expect(one).toMatch(/- \*\*Ready:\*\* four of four disqualifiers cleared; .*verified; .* steps with a named owner\./);
    expect(one).toContain('- **Open:** Verify exception visibility.');
    expect(one).not.toContain('**Still open:**');
  });

  it('a founder\'s report reads as a self-assessment', () => {
    const text = md(as('founder', 'Sam Lee'));
    expect(text.split('\n')[2]).toMatch(/^Self-assessment of Kettle & Crumb Coffee Co\. by Sam Lee · /);
  });

  it('an operations leader\'s report is an internal assessment; without an assessor, no "by"', () => {
    expect(md(as('operations-leader')).split('\n')[2]).toMatch(/^Internal assessment of Kettle & Crumb Coffee Co\. by Priya Nair, operations leader · /);
    expect(md(as('consultant', '')).split('\n')[2]).toMatch(/^Prepared for Kettle & Crumb Coffee Co\. · /);
  });
});

describe('the charts', () => {
  const clinic = profile('clinic-unknowns');
  const m = buildReportModel(bank, clinic, DATE);

  it('sit in the markdown between their markers, in the decision matrix', () => {
    const matrix = section(md(clinic), 'Decision matrix');
    for (const kind of ['axes', 'score'] as const) {
      expect(matrix).toContain(chartText(kind, m));
      expect(matrix).toContain(startMarker(kind));
    }
    expect([...md(clinic).matchAll(CHART_REGION)].map((r) => r[1])).toEqual(['axes', 'score']);
    expect(md(clinic).split(END_MARKER)).toHaveLength(3);
  });

  it('as text: each axis between its poles with its answer marked, estimated as (n), unknown as "not known"', () => {
    const lines = chartText('axes', m).split('\n');
    expect(lines).toContain('1 = manage in place, 5 = sprint');
    for (const row of m.matrix) {
      const at = lines.indexOf(row.title);
      expect(at).toBeGreaterThan(0);
      const scale = lines[at + 1]!;
      if (typeof row.value === 'number') {
        const estimated = row.certainty === 'estimated' || row.certainty === 'unknown';
        expect(scale).toContain(estimated ? `(${row.value})` : `[${row.value}]`);
        expect(scale.match(/[[(]\d[\])]/g)).toHaveLength(1);
        if (row.certainty === 'estimated') expect(scale).toMatch(/estimated$/);
      } else {
        expect(scale).toBe('  ?  not known');
      }
    }
    // clinic: three axes not known, one estimated
    expect(lines.filter((l) => l === '  ?  not known')).toHaveLength(3);
    expect(lines.filter((l) => /\(\d\)/.test(l))).toHaveLength(1);
  });

  it('as text: the score on its scale with the threshold marked', () => {
    const lines = chartText('score', buildReportModel(bank, profile('ecommerce-sprint'), DATE)).split('\n');
    expect(lines[2]).toBe('Score +17; a sprint from +4 up');
    const bar = lines[3]!;
    expect(bar.startsWith('-32 ')).toBe(true);
    expect(bar.endsWith(' +32')).toBe(true);
    expect(bar.indexOf('┃')).toBeLessThan(bar.indexOf('●'));
    const under = lines[4]!;
    expect(under.indexOf('+4')).toBeLessThan(under.indexOf('+17'));
  });

  it('as text: every line fits a 40-column terminal, and the terminal preview shows it whole', () => {
    for (const profileName of PROFILES) {
      const model = buildReportModel(bank, profile(profileName), DATE);
      for (const kind of ['axes', 'score'] as const) {
        for (const line of chartText(kind, model).split('\n').slice(2, -2)) expect(line.length).toBeLessThanOrEqual(TEXT_WIDTH);
      }
    }
    const shown = terminalLines(md(clinic), 40, true);
    for (const line of shown) expect(line.length).toBeLessThanOrEqual(40);
    const chart = chartText('axes', m).split('\n').slice(2, -2);
    for (const line of chart.filter((l) => l.trim())) expect(shown).toContain(`    ${line}`.trimEnd());
    // the markers are comments: never on screen
    expect(shown.join('\n')).not.toContain('handoff-assess:chart');
  });

  it('as SVG: a mark per answered axis (hollow and dashed when estimated), "not known" for the others, the status in words', () => {
    const svg = chartSvg('axes', m);
    const circles = tags(svg).filter((t) => t.name === 'circle');
    // two answered axes (one estimated) and two legend marks
    const marks = circles.filter((c) => /r="7"/.test(c.attrs));
    expect(marks).toHaveLength(m.matrix.filter((r) => typeof r.value === 'number').length);
    expect(marks.filter((c) => /fill="#ffffff"/.test(c.attrs) && /stroke-dasharray/.test(c.attrs))).toHaveLength(1);
    const text = textOf(svg);
    expect(text.match(/\? not known(?!:)/g)).toHaveLength(3);
    expect(text).toContain('4 of 5, estimated');
    for (const row of m.matrix) expect(text).toContain(row.title);
    // plain shapes only, for the PDF's SVG support: no class, style, script or reference
    for (const tag of tags(svg)) {
      expect(['svg', 'title', 'line', 'rect', 'circle', 'text']).toContain(tag.name);
      expect(tag.attrs).not.toMatch(/\b(class|style|href|src)=|\bon[a-z]+=/);
    }
  });

  it('as SVG: the score and the threshold, each labelled', () => {
    const svg = chartSvg('score', buildReportModel(bank, profile('ecommerce-sprint'), DATE));
    expect(textOf(svg)).toContain('score +17');
    expect(textOf(svg)).toContain('threshold +4');
    expect(textOf(svg)).toContain('manage in place');
    expect(textOf(svg)).toContain('remediation sprint');
  });

  it('as SVG: escapes every text it draws (a custom bank\'s axis title)', () => {
    const hostile = {...bank, axes: bank.axes.map((x, i) => (i === 0 ? {...x, title: '<script>alert(1)</script> & "q"'} : x))};
    const svg = chartSvg('axes', buildReportModel(hostile, SPRINT, DATE));
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
  });

  it('the HTML page swaps each region for its SVG; typed placeholder-like text stays text', () => {
    const a = {...clinic, notes: {...clinic.notes, failure_frequency: 'chartaxes <!-- handoff-assess:chart axes -->'}};
    const page = html(a);
    expect(page.match(/<figure class="chart chart-axes"><svg /g)).toHaveLength(1);
    expect(page.match(/<figure class="chart chart-score"><svg /g)).toHaveLength(1);
    expect(page).not.toContain('handoff-assess:chart axes -->\n');
    expect(page).not.toContain('1 = manage in place, 5 = sprint');
    expect(textOf(page)).toContain('chartaxes <!-- handoff-assess:chart axes -->');
    // the content-security policy is unchanged: no script, nothing remote
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });
});
