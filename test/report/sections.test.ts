/** Every section PRODUCT.md lists ("The report"), in markdown and HTML, for each of the three outcomes. */
import {describe, expect, it} from '@jest/globals';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {renderReport} from '../../src/report/render-report.js';
import {score} from '../../src/engine/score.js';
import {buildReportModel} from '../../src/engine/report-model.js';
import {DATE, OUTCOMES, cells, h2s, realBank, section, tableBlocks, textOf} from './report-helpers.js';

/** The sections in order (issue 10): the verdict and the plan first, what every report shares in the appendix. */
const SECTIONS = [
  'Recommendation: ',
  'Action plan',
  'Decision matrix',
  'Signals observed',
  'Disqualifier check',
  'What to prepare before you request qualification',
  'Notes',
  'What would change the recommendation',
  'Appendix: how the verdict was reached',
  'Appendix: the checklists',
  "Appendix: the plan's steps in general",
  'Answers',
];

const LABEL = {
  'remediation-sprint': 'Remediation sprint',
  'manage-in-place': 'Manage in place',
  'not-yet-qualified': 'Not yet qualified',
  'insufficient-evidence': 'Not enough evidence to decide',
} as const;

describe.each(OUTCOMES)('a %s report', (outcome, answers) => {
  const bank = realBank();
  const md = renderReport({bank, answers, date: DATE, format: 'md'});
  const html = renderReport({bank, answers, date: DATE, format: 'html'});

  it('really is that outcome (the profile is what the test says)', () => {
    expect(score(bank, answers).recommendation).toBe(outcome);
  });

  it('is titled with the organisation and the date', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Handoff risk assessment: Beta Foods');
    expect(lines.slice(1, 4).join('\n')).toContain(DATE);
    expect(html).toMatch(/<h1>Handoff risk assessment: Beta Foods<\/h1>/);
    expect(html).toMatch(/<title>Handoff risk assessment: Beta Foods<\/title>/);
    expect(textOf(html)).toContain(DATE);
  });

  it('has every section, in the order PRODUCT.md lists them', () => {
    const found = h2s(md);
    const positions = SECTIONS.map((s) => found.findIndex((h) => (s.endsWith(' ') ? h.startsWith(s) : h === s)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const htmlH2 = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => textOf(m[1]!));
    for (const s of SECTIONS) expect(htmlH2.some((h) => h.startsWith(s))).toBe(true);
  });

  it('opens with the verdict, the confidence and a plain summary, and keeps the arithmetic for the decision matrix', () => {
    const rec = section(md, 'Recommendation: ');
    expect(rec.split('\n')[0]).toBe(`## Recommendation: ${LABEL[outcome]}`);
    const m = buildReportModel(bank, answers, DATE);
    const conf = score(bank, answers).confidence;
    const line = rec.split('\n').find((l) => l.startsWith(`**Confidence: ${conf}.**`));
    expect(line).toBe(`**Confidence: ${conf}.** ${m.summary.verdict}`);
    expect(m.summary.verdict.length).toBeGreaterThan(40);
    expect(m.summary.verdict.length).toBeLessThan(300);
    for (const label of ['How sure', 'What decided it', 'Main risk', 'First step', 'Still open']) expect(rec).toContain(`- **${label}:**`);
    // no score arithmetic on page one: no score, threshold, range or points
    expect(rec).not.toMatch(/threshold|range (from )?-?\d|[+-]?\d+ points?\b|score \(?[+-]?\d/i);
    const matrix = section(md, 'Decision matrix');
    expect(matrix).toMatch(new RegExp(`Total score \\*\\*${m.score}\\*\\*; a remediation sprint is recommended at \\*\\*4\\*\\* or more`));
    expect(matrix).toContain(m.why);
    expect(html).toContain(`<strong>Confidence: ${conf}.</strong>`);
  });

  it('shows the matrix as a table of axis, answer and leaning, one row an axis', () => {
    const [table] = tableBlocks(section(md, 'Decision matrix'));
    expect(table).toBeDefined();
    expect(cells(table![0]!).slice(0, 3)).toEqual(['Axis', 'Answer', 'Leaning']);
    const rows = table!.slice(2).map(cells);
    expect(rows.map((r) => r[0])).toEqual(bank.axes.map((a) => a.title));
    for (const [i, axis] of bank.axes.entries()) {
      const value = answers.matrix[axis.id];
      expect(rows[i]![1]).toBe(value === 'unknown' ? "don't know" : `${value} of 5`);
      expect(rows[i]![2]).toMatch(/^(remediation sprint|manage in place|neutral|unknown)$/);
    }
    expect(html).toMatch(/<th>Axis<\/th>\s*<th>Answer<\/th>\s*<th>Leaning<\/th>/);
  });

  it('lists the statements ticked in the body, and the full checklists only in the appendix', () => {
    const ticked = [...(answers.signals.manage_in_place ?? []), ...(answers.signals.remediation_sprint ?? [])];
    const expected = bank.signals.filter((s) => ticked.includes(s.id)).map((s) => s.text);
    const [body] = tableBlocks(section(md, 'Signals observed'));
    expect(body!.slice(2).map((r) => cells(r)[0]).sort()).toEqual([...expected].sort());
    const tables = tableBlocks(section(md, 'Appendix: the checklists'));
    expect(tables).toHaveLength(2);
    const observed = tables.flatMap((t) => t.slice(2).map(cells)).filter((r) => r[1] === 'yes').map((r) => r[0]);
    expect(observed.sort()).toEqual([...expected].sort());
    // an unticked statement is nowhere before the appendix
    const before = md.slice(0, md.indexOf('## Appendix'));
    for (const s of bank.signals.filter((x) => !ticked.includes(x.id))) expect(before).not.toContain(s.text);
  });

  it('checks every disqualifier: the open ones in a table with what resolves them, the cleared ones in one line', () => {
    const text = section(md, 'Disqualifier check');
    const rows = (tableBlocks(text)[0] ?? []).slice(2).map(cells);
    for (const d of bank.disqualifiers) {
      if (answers.disqualifiers[d.id]) {
        const row = rows.find((r) => r[0] === d.title)!;
        expect(row[1]).toBe('applies');
        expect(row[2]).toBe(d.resolves);
      } else {
        expect(rows.find((r) => r[0] === d.title)).toBeUndefined();
        expect(text.split('\n').filter((l) => l.includes(d.title.toLowerCase()))).toHaveLength(1);
      }
    }
  });

  it("shows the verdict's own plan: a table of owner, time box, deliverable and exit, then each step", () => {
    const plan = section(md, 'Action plan');
    const m = buildReportModel(bank, answers, DATE);
    const steps = [...plan.matchAll(/^### (\d)\. (.*)$/gm)].map((x) => [Number(x[1]), x[2]]);
    expect(steps).toEqual(m.plan.map((s) => [s.number, s.title]));
    const expected = {
      'remediation-sprint': bank.path.map((s) => s.id),
      'manage-in-place': bank.plans.manageInPlace.map((s) => s.id),
      'not-yet-qualified': [...bank.plans.notYetQualified.map((s) => s.id), ...bank.path.map((s) => s.id)],
      'insufficient-evidence': bank.plans.insufficientEvidence.map((s) => s.id),
    }[outcome];
    expect(m.plan.map((s) => s.id)).toEqual(expected);
    const [table] = tableBlocks(plan);
    expect(cells(table![0]!)).toEqual(['Step', 'Owner', 'When', 'Deliverable', 'Exit criterion']);
    for (const row of table!.slice(2).map(cells)) {
      expect(row[1]).not.toBe('');
      expect(row[2]).toMatch(/^weeks? \d+(–\d+)?$/);
      expect(row[3]).not.toBe('');
      expect(row[4]).toMatch(/\d|one|two|four/);
    }
    expect(html.match(/<h3>/g)).toHaveLength(m.plan.length);
  });

  it('says what would change the recommendation', () => {
    const flips = section(md, 'What would change the recommendation');
    expect(flips.split('\n').filter((l) => l.startsWith('- ')).length).toBeGreaterThan(0);
    expect(flips).toMatch(/move the score to -?\d+/);
  });

  it('says what to prepare before requesting qualification', () => {
    const prep = section(md, 'What to prepare');
    expect(prep.split('\n').filter((l) => l.startsWith('- **')).length).toBeGreaterThan(0);
  });

  it('repeats the notes under the question they belong to', () => {
    const notes = section(md, 'Notes');
    for (const [id, text] of Object.entries(answers.notes)) {
      const title = bank.axes.find((a) => a.id === id)?.title ?? bank.disqualifiers.find((d) => d.id === id)?.title;
      expect(notes).toContain(`- **${title}:** ${text}`);
    }
  });

  it('embeds the answers as a block that reads back to the same answers', () => {
    const block = section(md, 'Answers');
    const fenced = /^```yaml\n([\s\S]*?)\n```$/m.exec(block);
    expect(fenced).not.toBeNull();
    const load = parseAnswers('report.md', fenced![1]!, bank);
    expect(load.errors).toEqual([]);
    expect(load.answers).toEqual(answers);
    expect(html).toContain('<pre><code class="language-yaml">version: 1');
  });

  it('not-yet-qualified still states where the matrix leans', () => {
    const rec = section(md, 'Recommendation: ');
    const result = score(bank, answers);
    if (outcome === 'not-yet-qualified') {
      expect(rec).toContain(`The matrix leans toward **${LABEL[result.lean]}**`);
    } else {
      expect(rec).not.toContain('The matrix leans toward');
    }
  });
});

describe('the notes section', () => {
  it('labels each note with its question, without doubled punctuation', () => {
    const [, answers] = OUTCOMES[0];
    const noted = {...answers, notes: {clear_ownership: 'Ops owns NetSuite', organisation: 'Trading name differs', no_budget_path: 'Frozen'}};
    const notes = section(renderReport({bank: realBank(), answers: noted, date: DATE, format: 'md'}), 'Notes');
    expect(notes).toContain('- **It is clear who owns each system and who steps in when something falls back:** Ops owns NetSuite');
    expect(notes).toContain('- **Organisation:** Trading name differs');
    expect(notes).toContain('- **No budget path:** Frozen');
    expect(notes).not.toMatch(/[.?!:]:\*\*/);
  });

  it('is left out when there are no notes', () => {
    const [, answers] = OUTCOMES[0];
    const md = renderReport({bank: realBank(), answers: {...answers, notes: {}}, date: DATE, format: 'md'});
    expect(h2s(md)).not.toContain('Notes');
  });
});
