/** The JSON report: the fields PRODUCT.md promises, in a stable shape, and the same bytes for the same input. */
import {describe, expect, it} from '@jest/globals';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {answersToObject} from '../../src/answers/serialize-answers.js';
import {score} from '../../src/engine/score.js';
import {renderReport} from '../../src/report/render-report.js';
import {DATE, OUTCOMES, answersFile, realBank} from './report-helpers.js';

const bank = realBank();
const json = (answers: Parameters<typeof score>[1], date = DATE) => renderReport({bank, answers, date, format: 'json'});

describe.each(OUTCOMES)('the %s JSON report', (outcome, answers) => {
  const text = json(answers);
  const report = JSON.parse(text) as Record<string, any>;
  const result = score(bank, answers);

  it('holds every field PRODUCT.md lists', () => {
    for (const key of ['recommendation', 'confidence', 'lean', 'drivers', 'flips', 'disqualifiers', 'containmentPath', 'preparation', 'answers']) expect(report).toHaveProperty(key);
    expect(report.format).toBe('handoff-assess-report');
    expect(report.formatVersion).toBe(2);
    expect(report.date).toBe(DATE);
  });

  it('agrees with the engine', () => {
    expect(report.recommendation).toBe(outcome);
    expect(report.confidence).toBe(result.confidence);
    expect(report.lean).toBe(result.lean);
    expect(report.drivers).toEqual(result.drivers);
    expect(report.flips).toEqual(JSON.parse(JSON.stringify(result.flips)));
    expect(report.score).toBe(result.score);
  });

  it('lists every disqualifier with whether it applies and what resolves it', () => {
    expect(report.disqualifiers.map((d: any) => d.id)).toEqual(bank.disqualifiers.map((d) => d.id));
    for (const d of report.disqualifiers) {
      expect(d.applies).toBe(answers.disqualifiers[d.id] === true);
      expect(typeof d.resolves).toBe('string');
    }
  });

  it('has the four containment steps, numbered, each with actions', () => {
    expect(report.containmentPath).toHaveLength(4);
    expect(report.containmentPath.map((s: any) => [s.step, s.id])).toEqual(bank.path.map((s, i) => [i + 1, s.id]));
    for (const s of report.containmentPath) {
      expect(s.actions.length).toBeGreaterThan(0);
      expect(Array.isArray(s.criteria)).toBe(true);
      expect(Array.isArray(s.failureClasses)).toBe(true);
    }
    expect(report.containmentPath[2].criteria.length).toBeGreaterThan(0);
  });

  it('has the preparation list as reason, title and detail', () => {
    expect(report.preparation.length).toBeGreaterThan(0);
    for (const p of report.preparation) expect(Object.keys(p).sort()).toEqual(['detail', 'reason', 'title']);
  });

  it('carries the answers in the answers-file format, which reads back to the same answers', () => {
    expect(report.answers).toEqual(answersToObject(answers));
    const load = parseAnswers('report.json', JSON.stringify(report.answers), bank);
    expect(load.errors).toEqual([]);
    expect(load.answers).toEqual(answers);
  });

  it('is stable: the same input gives the same bytes, whatever was rendered before', () => {
    renderReport({bank, answers, date: DATE, format: 'md'});
    renderReport({bank, answers, date: DATE, format: 'html'});
    expect(json(structuredClone(answers))).toBe(text);
    expect(json(answers, '2026-01-01')).toBe(text.replace(`"date": "${DATE}"`, '"date": "2026-01-01"'));
  });

  it('is pretty-printed and ends with a newline', () => {
    expect(text).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });
});

describe('the example JSON report', () => {
  it('names the workflow and systems, and repeats the notes', () => {
    const report = JSON.parse(json(answersFile('examples/acme.yaml')));
    expect(report.organisation).toBe('Acme Ltd');
    expect(report.workflow).toBe('Sales-to-operations handoff');
    expect(report.systems).toEqual(['HubSpot', 'Gmail', 'NetSuite']);
    expect(report.notes.map((n: any) => n.id)).toEqual(['failure_frequency', 'reconciliation_load']);
  });
});
