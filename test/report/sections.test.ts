/** Every section PRODUCT.md lists ("The report"), in markdown and HTML, for each of the three outcomes. */
import {describe, expect, it} from '@jest/globals';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {renderReport} from '../../src/report/render-report.js';
import {score} from '../../src/engine/score.js';
import {DATE, OUTCOMES, cells, h2s, realBank, section, tableBlocks, textOf} from './report-helpers.js';

const SECTIONS = [
  'Recommendation: ',
  'Decision matrix',
  'Signals observed',
  'Disqualifier check',
  'Integration-risk containment path',
  'What would change the recommendation',
  'What to prepare before you request qualification',
  'Notes',
  'Answers',
];

const LABEL = {'remediation-sprint': 'Remediation sprint', 'manage-in-place': 'Manage in place', 'not-yet-qualified': 'Not yet qualified'} as const;

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
    const positions = SECTIONS.map((s) => found.findIndex((h) => h.startsWith(s)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const htmlH2 = [...html.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => textOf(m[1]!));
    for (const s of SECTIONS) expect(htmlH2.some((h) => h.startsWith(s))).toBe(true);
  });

  it('states the recommendation and the confidence with a short why', () => {
    const rec = section(md, 'Recommendation: ');
    expect(rec.split('\n')[0]).toBe(`## Recommendation: ${LABEL[outcome]}`);
    const conf = score(bank, answers).confidence;
    const why = rec.split('\n').find((l) => l.startsWith(`**Confidence: ${conf}.**`));
    expect(why).toBeDefined();
    // the why is a sentence or three, with the score and the threshold in it
    const text = why!.replace(`**Confidence: ${conf}.**`, '').trim();
    expect(text.length).toBeGreaterThan(40);
    expect(text.length).toBeLessThan(600);
    expect(text).toMatch(/threshold of 4/);
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

  it('lists the signals with which were observed', () => {
    const tables = tableBlocks(section(md, 'Signals observed'));
    expect(tables).toHaveLength(2);
    const observed = tables.flatMap((t) => t.slice(2).map(cells)).filter((r) => r[1] === 'yes').map((r) => r[0]);
    const expected = bank.signals
      .filter((s) => [...(answers.signals.manage_in_place ?? []), ...(answers.signals.remediation_sprint ?? [])].includes(s.id))
      .map((s) => s.text);
    expect(observed.sort()).toEqual(expected.sort());
  });

  it('checks every disqualifier, with what resolves it', () => {
    const [table] = tableBlocks(section(md, 'Disqualifier check'));
    const rows = table!.slice(2).map(cells);
    expect(rows).toHaveLength(4);
    for (const d of bank.disqualifiers) {
      const row = rows.find((r) => r[0] === d.title)!;
      expect(row[1]).toBe(answers.disqualifiers[d.id] ? 'applies' : 'cleared');
      expect(row[2]).toBe(d.resolves);
    }
  });

  it('shows the four-step containment path', () => {
    const path = section(md, 'Integration-risk containment path');
    const steps = [...path.matchAll(/^### (\d)\. (.*)$/gm)].map((m) => [Number(m[1]), m[2]]);
    // A manage-in-place lean gets the lighter step 3 (a hardening pass, the sprint in reserve).
    const light = score(bank, answers).lean === 'manage-in-place';
    expect(steps).toEqual(bank.path.map((s, i) => [i + 1, light && s.lightTitle ? s.lightTitle : s.title]));
    expect(html.match(/<h3>/g)).toHaveLength(4);
  });

  it('says what would change the recommendation', () => {
    const flips = section(md, 'What would change the recommendation');
    expect(flips.split('\n').filter((l) => l.startsWith('- ')).length).toBeGreaterThan(0);
    expect(flips).toMatch(/threshold/);
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
