/**
 * What the answers file's schema (src/answers/answers-schema.ts) must refuse
 * or accept where zod's own habits differ from the answers-file contract: a
 * key named "__proto__", a map that is a YAML !!binary value, numbers YAML
 * reads as .nan, and a section's problems reported together.
 */
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {realBank} from '../engine/profiles.js';

const bank = realBank();
const example = readFileSync(join('test', 'answers', 'fixtures', 'product-example.yaml'), 'utf8');

describe('the answers schema', () => {
  it('refuses a "__proto__" key like any unknown key, with its line', () => {
    const text = example.replace('  lead_time_impact: 4\n', '  lead_time_impact: 4\n  __proto__: 2\n');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors).toEqual([
      {
        file: 'acme.yaml',
        line: 13,
        field: 'matrix.__proto__',
        message: '"__proto__" is not a matrix axis; allowed: failure_frequency, reconciliation_load, exception_visibility, lead_time_impact, operational_confidence',
      },
    ]);
  });

  it('reads a !!binary value given as a section by its own keys only', () => {
    const text = example.replace(/notes:.*\n(  .*\n)+/, 'notes: !!binary aGk=\n');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors.map((e) => e.field)).toEqual(['notes.0', 'notes.1']);
  });

  it('takes any number YAML reads as text, .nan included, where text is asked', () => {
    const load = parseAnswers('acme.yaml', example.replace('organisation: Acme Ltd', 'organisation: .nan'), bank);
    expect(load.errors).toEqual([]);
    expect(load.answers!.context.organisation).toBe('NaN');
  });

  it('reports an unknown context field and a missing required answer together', () => {
    const text = example.replace('  organisation: Acme Ltd\n', '  organisaton: Acme Ltd\n');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.errors.map((e) => [e.field, e.line])).toEqual([
      ['context.organisation', 2],
      ['context.organisaton', 3],
    ]);
  });
});
