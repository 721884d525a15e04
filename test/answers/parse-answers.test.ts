import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseAnswers, questionIds} from '../../src/answers/parse-answers.js';
import {answersToYaml} from '../../src/answers/serialize-answers.js';
import {formatProblem} from '../../src/yaml/yaml-source.js';
import {MAX_LIST_ITEMS, MAX_NOTE_LENGTH} from '../../src/engine/interview.js';
import type {Answers} from '../../src/engine/types.js';
import {prng, profile, randomProfile, realBank} from '../engine/profiles.js';

const bank = realBank();
const FIXTURES = join('test', 'answers', 'fixtures');
const exampleYaml = readFileSync(join(FIXTURES, 'product-example.yaml'), 'utf8');
const exampleJson = readFileSync(join(FIXTURES, 'product-example.json'), 'utf8');

const expectedExample: Answers = {
  version: 1,
  context: {organisation: 'Acme Ltd', assessor: 'Jo Smith', role: 'consultant', workflow: 'Sales-to-operations handoff', systems: ['HubSpot', 'Gmail', 'NetSuite']},
  matrix: {failure_frequency: 4, reconciliation_load: 5, exception_visibility: 3, lead_time_impact: 4, operational_confidence: 'unknown'},
  signals: {
    manage_in_place: ['lightweight_controls', 'no_downstream_errors', 'clear_ownership', 'volume_not_amplifying'],
    remediation_sprint: ['recurring_sync_failures', 'fragmented_status', 'workarounds_outpacing', 'unforecastable_delivery'],
  },
  disqualifiers: {no_tradeoff_owner: false, no_budget_path: false, broad_redesign_expected: false, exploratory_no_pain: false},
  notes: {failure_frequency: 'Three escalations last week'},
  certainty: {failure_frequency: 'verified'},
};

/** The example with one line replaced; returns the text and the 1-based line of the replacement. */
function withLine(find: string, replacement: string, text = exampleYaml): {text: string; line: number} {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(find));
  if (i < 0) throw new Error(`${find} not in the example`);
  lines[i] = lines[i]!.replace(find, replacement);
  return {text: lines.join('\n'), line: i + 1};
}

describe('the example answers file of PRODUCT.md', () => {
  it('parses as YAML with no errors and no warnings', () => {
    const load = parseAnswers('answers.yaml', exampleYaml, bank);
    expect(load.errors).toEqual([]);
    expect(load.warnings).toEqual([]);
    expect(load.answers).toEqual(expectedExample);
  });

  it('parses the same as JSON', () => {
    const load = parseAnswers('answers.json', exampleJson, bank);
    expect(load.errors).toEqual([]);
    expect(load.answers).toEqual(expectedExample);
  });

  it('reports JSON errors with the line too', () => {
    const {text, line} = withLine('"reconciliation_load": 5', '"reconciliation_load": 9', exampleJson);
    const load = parseAnswers('answers.json', text, bank);
    expect(load.errors.map(formatProblem)).toEqual([
      `answers.json:${line}: "reconciliation_load" must be 1, 2, 3, 4, 5 or unknown (found 9); 1 means the manage-in-place statement describes you, 5 the remediation-sprint statement`,
    ]);
  });
});

describe('errors name the file, the line, the field and what is allowed', () => {
  const cases: {name: string; find: string; replace: string; field: string; message: RegExp | string}[] = [
    {
      name: 'a scale value of 7',
      find: 'failure_frequency: 4',
      replace: 'failure_frequency: 7',
      field: 'matrix.failure_frequency',
      message: '"failure_frequency" must be 1, 2, 3, 4, 5 or unknown (found 7); 1 means the manage-in-place statement describes you, 5 the remediation-sprint statement',
    },
    {name: 'a scale value of 0', find: 'lead_time_impact: 4', replace: 'lead_time_impact: 0', field: 'matrix.lead_time_impact', message: /must be 1, 2, 3, 4, 5 or unknown \(found 0\)/},
    {name: 'a scale value of 3.5', find: 'exception_visibility: 3', replace: 'exception_visibility: 3.5', field: 'matrix.exception_visibility', message: /must be 1, 2, 3, 4, 5 or unknown \(found 3\.5\)/},
    {name: 'a scale value in words', find: 'exception_visibility: 3', replace: 'exception_visibility: often', field: 'matrix.exception_visibility', message: /must be 1, 2, 3, 4, 5 or unknown \(found "often"\)/},
    {
      name: 'an unknown axis id',
      find: 'failure_frequency: 4',
      replace: 'failure_rate: 4',
      field: 'matrix.failure_rate',
      message: '"failure_rate" is not a matrix axis; allowed: failure_frequency, reconciliation_load, exception_visibility, lead_time_impact, operational_confidence',
    },
    {
      name: 'an unknown signal id',
      find: 'manage_in_place: [lightweight_controls,',
      replace: 'manage_in_place: [light_controls,',
      field: 'signals.manage_in_place.0',
      message: '"light_controls" is not a manage_in_place signal; allowed: lightweight_controls, no_downstream_errors, clear_ownership, volume_not_amplifying',
    },
    {
      name: 'a signal in the wrong checklist',
      find: 'remediation_sprint: [recurring_sync_failures,',
      replace: 'remediation_sprint: [clear_ownership,',
      field: 'signals.remediation_sprint.0',
      message: /^"clear_ownership" is not a remediation_sprint signal; allowed: recurring_sync_failures, /,
    },
    {
      name: 'an unknown signal checklist',
      find: 'manage_in_place: [',
      replace: 'manage: [',
      field: 'signals.manage',
      message: '"manage" is not a signal checklist; allowed: manage_in_place, remediation_sprint',
    },
    {
      name: 'a non-boolean disqualifier',
      find: 'no_budget_path: false',
      replace: 'no_budget_path: "no"',
      field: 'disqualifiers.no_budget_path',
      message: '"no_budget_path" must be true (the disqualifier applies) or false (found "no")',
    },
    {name: 'a disqualifier answered yes (YAML 1.2: a string)', find: 'no_budget_path: false', replace: 'no_budget_path: yes', field: 'disqualifiers.no_budget_path', message: /must be true \(the disqualifier applies\) or false \(found "yes"\)/},
    {
      name: 'an unknown disqualifier',
      find: 'no_budget_path: false',
      replace: 'no_money: false',
      field: 'disqualifiers.no_money',
      message: '"no_money" is not a disqualifier; allowed: no_tradeoff_owner, no_budget_path, broad_redesign_expected, exploratory_no_pain',
    },
    {
      name: 'a wrong role',
      find: 'role: consultant',
      replace: 'role: ceo',
      field: 'context.role',
      message: '"role" must be one of consultant, founder, operations-leader, buyer (found "ceo")',
    },
    {
      name: 'an unknown context field',
      find: 'assessor: Jo Smith',
      replace: 'auditor: Jo Smith',
      field: 'context.auditor',
      message: '"auditor" is not a context question; allowed: organisation, assessor, role, workflow, systems',
    },
    {name: 'systems that are not a list of names', find: 'systems: [HubSpot, Gmail, NetSuite]', replace: 'systems: {crm: HubSpot}', field: 'context.systems', message: '"systems" must be a list of names, e.g. systems: [HubSpot, Gmail, NetSuite]'},
    {name: 'an organisation name that is too long', find: 'organisation: Acme Ltd', replace: `organisation: ${'A'.repeat(121)}`, field: 'context.organisation', message: '"organisation" must be at most 120 characters (found 121)'},
    {name: 'an organisation name too long in characters, not UTF-16 units', find: 'organisation: Acme Ltd', replace: `organisation: ${'🚀'.repeat(121)}`, field: 'context.organisation', message: '"organisation" must be at most 120 characters (found 121)'},
    {
      name: 'more systems than the engine allows',
      find: 'systems: [HubSpot, Gmail, NetSuite]',
      replace: `systems: [${Array.from({length: MAX_LIST_ITEMS + 1}, (_, i) => `S${i}`).join(', ')}]`,
      field: 'context.systems',
      message: `"systems" lists ${MAX_LIST_ITEMS + 1} items; at most ${MAX_LIST_ITEMS} are allowed`,
    },
    {
      name: 'a note longer than the engine allows',
      find: 'failure_frequency: Three escalations last week',
      replace: `failure_frequency: ${'x'.repeat(MAX_NOTE_LENGTH + 1)}`,
      field: 'notes.failure_frequency',
      message: `the note on "failure_frequency" must be at most ${MAX_NOTE_LENGTH} characters (found ${MAX_NOTE_LENGTH + 1})`,
    },
    {name: 'version 3', find: 'version: 1', replace: 'version: 3', field: 'version', message: '"version" must be 1 or 2 (found 3)'},
    {
      name: 'a note on a question that does not exist',
      find: 'failure_frequency: Three escalations',
      replace: 'failure_freq: Three escalations',
      field: 'notes.failure_freq',
      message: /^"failure_freq" is not a question id; a note belongs to one of: organisation, assessor, .*, exploratory_no_pain$/,
    },
    {name: 'a certainty that is not allowed', find: 'failure_frequency: verified', replace: 'failure_frequency: sure', field: 'certainty.failure_frequency', message: 'the certainty of "failure_frequency" must be one of verified, estimated, unknown (found "sure")'},
  ];

  it.each(cases)('$name', ({find, replace, field, message}) => {
    const {text, line} = withLine(find, replace);
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    const problem = load.errors.find((e) => e.field === field);
    expect(problem).toBeDefined();
    expect(problem!.file).toBe('acme.yaml');
    expect(problem!.line).toBe(line);
    if (typeof message === 'string') expect(problem!.message).toBe(message);
    else expect(problem!.message).toMatch(message);
    expect(formatProblem(problem!)).toBe(`acme.yaml:${line}: ${problem!.message}`);
  });

  it('a section that is not a map', () => {
    const text = exampleYaml.replace(/matrix:.*\n(  .*\n)+/, 'matrix: [4, 5, 3, 4, unknown]\n');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors).toEqual([{file: 'acme.yaml', line: 8, field: 'matrix', message: '"matrix" must be a map of fields (found a list)'}]);
  });

  it('a missing organisation says what to write', () => {
    const text = exampleYaml.replace('  organisation: Acme Ltd\n', '');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors).toEqual([
      {file: 'acme.yaml', line: 2, field: 'context.organisation', message: '"organisation" is missing: Which organisation is this assessment for? e.g. organisation: Acme Ltd'},
    ]);
  });

  it.each([
    ['an empty list of systems', 'systems: [HubSpot, Gmail, NetSuite]', 'systems: []', 'context.systems', /^"systems" is missing: /],
    ['a list of blank systems', 'systems: [HubSpot, Gmail, NetSuite]', 'systems: " , "', 'context.systems', /^"systems" is missing: /],
    ['a blank organisation', 'organisation: Acme Ltd', 'organisation: "   "', 'context.organisation', /^"organisation" is missing: /],
  ])('%s is as missing as no answer', (_name, find, replace, field, message) => {
    const {text, line} = withLine(find, replace);
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]).toMatchObject({field, line});
    expect(load.errors[0]!.message).toMatch(message);
    // A draft may still hold it blank.
    const draft = parseAnswers('draft.yaml', text, bank, {partial: true});
    expect(draft.errors).toEqual([]);
  });

  it('a missing version', () => {
    const load = parseAnswers('acme.yaml', exampleYaml.replace('version: 1\n', ''), bank);
    expect(load.errors.map((e) => e.message)).toEqual(['"version" is missing: it must be 1 or 2, e.g. version: 2']);
  });

  it('a missing context section lists what it needs', () => {
    const text = exampleYaml.replace(/context:\n(  .*\n)+/, '');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]!.field).toBe('context');
    expect(load.errors[0]!.message).toMatch(/^"context" is missing: it names the organisation, role, workflow and systems, e\.g\.\ncontext:\n  organisation: Acme Ltd/);
  });

  it('an empty context section is as incomplete as a missing one', () => {
    const text = exampleYaml.replace(/context:\n(  .*\n)+/, 'context:\n');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors.map((e) => e.field)).toEqual(['context.organisation', 'context.role', 'context.workflow', 'context.systems']);
    expect(load.errors.every((e) => e.line === 2)).toBe(true);
  });

  it('bad YAML says so, with the line', () => {
    const {text, line} = withLine('systems: [HubSpot, Gmail, NetSuite]', 'systems: [HubSpot, Gmail, NetSuite');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors.length).toBeGreaterThan(0);
    expect(load.errors[0]!.message).toMatch(/^is not valid YAML or JSON: /);
    expect(load.errors[0]!.line).toBeGreaterThanOrEqual(line);
  });

  it('a key written twice is refused rather than silently taking the last', () => {
    const text = exampleYaml.replace('  reconciliation_load: 5\n', '  reconciliation_load: 5\n  failure_frequency: 1\n');
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors[0]!.message).toMatch(/not valid YAML.*unique/i);
    expect(load.errors[0]!.line).toBe(11);
  });

  it('a file that is not a map, e.g. an empty file or a list', () => {
    for (const text of ['', '- 1\n- 2\n', '42\n']) {
      const load = parseAnswers('acme.yaml', text, bank);
      expect(load.answers).toBeUndefined();
      expect(load.errors).toHaveLength(1);
      expect(load.errors[0]!.message).toMatch(/^must be a map of fields, starting with "version: 1"/);
    }
  });

  it('every problem is reported at once', () => {
    let text = exampleYaml;
    text = withLine('failure_frequency: 4', 'failure_frequency: 7', text).text;
    text = withLine('role: consultant', 'role: ceo', text).text;
    text = withLine('no_budget_path: false', 'no_budget_path: maybe', text).text;
    text = withLine('manage_in_place: [lightweight_controls,', 'manage_in_place: [nope,', text).text;
    const load = parseAnswers('acme.yaml', text, bank);
    expect(load.errors.map((e) => e.field).sort()).toEqual(['context.role', 'disqualifiers.no_budget_path', 'matrix.failure_frequency', 'signals.manage_in_place.0']);
  });
});

describe('what is accepted', () => {
  it('"unknown" and an empty value both mean don\'t know on the matrix', () => {
    const text = exampleYaml.replace('exception_visibility: 3', 'exception_visibility:');
    expect(parseAnswers('a.yaml', text, bank).answers!.matrix.exception_visibility).toBe('unknown');
  });

  it('systems as one comma-separated line become a list', () => {
    const text = exampleYaml.replace('systems: [HubSpot, Gmail, NetSuite]', 'systems: HubSpot, Gmail , NetSuite');
    expect(parseAnswers('a.yaml', text, bank).answers!.context.systems).toEqual(['HubSpot', 'Gmail', 'NetSuite']);
  });

  it('a signal listed twice counts once', () => {
    const text = exampleYaml.replace('manage_in_place: [lightweight_controls,', 'manage_in_place: [lightweight_controls, lightweight_controls,');
    expect(parseAnswers('a.yaml', text, bank).answers!.signals.manage_in_place).toEqual(['lightweight_controls', 'no_downstream_errors', 'clear_ownership', 'volume_not_amplifying']);
  });

  it('an empty checklist means "none of these", a missing one means not answered', () => {
    const text = exampleYaml.replace(/  manage_in_place: .*\n/, '  manage_in_place: []\n').replace(/  remediation_sprint: \[.*\n/, '');
    const answers = parseAnswers('a.yaml', text, bank).answers!;
    expect(answers.signals.manage_in_place).toEqual([]);
    expect(answers.signals.remediation_sprint).toBeUndefined();
  });

  it('an unknown top-level field is a warning, not an error; a draft block is expected', () => {
    const load = parseAnswers('a.yaml', `${exampleYaml}client_ref: 42\ndraft:\n  position: failure_frequency\n`, bank);
    expect(load.errors).toEqual([]);
    expect(load.answers).toEqual(expectedExample);
    expect(load.warnings.map((w) => w.field)).toEqual(['client_ref']);
    expect(load.warnings[0]!.line).toBe(exampleYaml.split('\n').length);
  });
});

describe('warnings for missing answers', () => {
  it('missing axes are counted as unknown, and named', () => {
    const text = exampleYaml.replace('  lead_time_impact: 4\n', '').replace('  operational_confidence: unknown\n', '');
    const load = parseAnswers('a.yaml', text, bank);
    expect(load.errors).toEqual([]);
    expect(load.warnings).toEqual([{file: 'a.yaml', line: 8, field: 'matrix', message: 'no answer for lead_time_impact, operational_confidence: counted as unknown'}]);
    expect(load.answers!.matrix.lead_time_impact).toBeUndefined();
  });

  it('missing disqualifiers are counted as not applying, and named as a gap', () => {
    const text = exampleYaml.replace('  no_budget_path: false\n', '');
    const load = parseAnswers('a.yaml', text, bank);
    expect(load.errors).toEqual([]);
    expect(load.warnings.map((w) => w.message)).toEqual(['no answer for no_budget_path: counted as not applying, and listed as a gap to confirm']);
  });

  it('no matrix at all warns about every axis', () => {
    const text = exampleYaml.replace(/matrix:.*\n(  .*\n)+/, '');
    const load = parseAnswers('a.yaml', text, bank);
    expect(load.errors).toEqual([]);
    expect(load.warnings[0]!.message).toBe('no answer for failure_frequency, reconciliation_load, exception_visibility, lead_time_impact, operational_confidence: counted as unknown');
  });
});

describe('partial mode (drafts)', () => {
  const draft = 'version: 1\ncontext:\n  organisation: Acme Ltd\n  role: founder\nmatrix:\n  failure_frequency: 2\n  reconciliation_load: unknown\n';

  it('accepts a half-filled draft without errors or warnings', () => {
    const load = parseAnswers('draft.yaml', draft, bank, {partial: true});
    expect(load.errors).toEqual([]);
    expect(load.warnings).toEqual([]);
    expect(load.answers).toEqual({
      version: 1,
      context: {organisation: 'Acme Ltd', role: 'founder'},
      matrix: {failure_frequency: 2, reconciliation_load: 'unknown'},
      signals: {},
      disqualifiers: {},
      notes: {},
      certainty: {},
    });
  });

  it('the same draft is incomplete as an answers file', () => {
    const load = parseAnswers('draft.yaml', draft, bank);
    expect(load.answers).toBeUndefined();
    expect(load.errors.map((e) => e.field)).toEqual(['context.workflow', 'context.systems']);
  });

  it('still refuses invalid values', () => {
    const load = parseAnswers('draft.yaml', draft.replace('failure_frequency: 2', 'failure_frequency: 6'), bank, {partial: true});
    expect(load.answers).toBeUndefined();
    expect(load.errors[0]).toMatchObject({line: 6, field: 'matrix.failure_frequency'});
  });

  it('keeps a skipped optional text answer as "" (answered, skipped); a blank required one is still missing', () => {
    const text = 'version: 1\ncontext:\n  organisation: "  "\n  assessor: ""\n  workflow: ""\n';
    expect(parseAnswers('draft.yaml', text, bank, {partial: true}).answers!.context).toEqual({assessor: ''});
    // An answers file (or a report's embedded answers) reads it the same way.
    const full = parseAnswers('acme.yaml', exampleYaml.replace('assessor: Jo Smith', 'assessor: ""'), bank);
    expect(full.errors).toEqual([]);
    expect(full.answers!.context.assessor).toBe('');
  });

  it('accepts a draft with no context yet', () => {
    const load = parseAnswers('draft.yaml', 'version: 1\n', bank, {partial: true});
    expect(load.errors).toEqual([]);
    expect(load.answers!.context).toEqual({});
  });
});

describe('round trip: answersToYaml then parseAnswers', () => {
  it('the example comes back the same', () => {
    const text = answersToYaml(expectedExample);
    const load = parseAnswers('a.yaml', text, bank);
    expect(load.errors).toEqual([]);
    expect(load.warnings).toEqual([]);
    expect(load.answers).toEqual(expectedExample);
  });

  it('fields are written in the order of the contract', () => {
    const text = answersToYaml(expectedExample);
    const order = ['version', 'context', 'matrix', 'signals', 'disqualifiers', 'notes', 'certainty'].map((k) => text.indexOf(`\n${k}:`) + (k === 'version' ? 1 : 0));
    expect(text.startsWith('version: 1\n')).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.indexOf('organisation:')).toBeLessThan(text.indexOf('assessor:'));
  });

  it('text that looks like YAML syntax or other types survives', () => {
    const tricky = ['yes', 'no', 'null', '~', '123', '4', 'true', '- dash', 'a: b', '# hash', 'quote " and \' mix', '  padded', 'multi\nline\n\nnote', 'Ünïcødé ✓', '[bracket', '{brace}', '*star', '&amp', '@at', '`tick`', '%pct', '| pipe', '> gt', 'unknown'];
    const rand = prng(99);
    for (let i = 0; i < 200; i++) {
      const answers = randomProfile(rand, 0.3);
      const pick = () => tricky[Math.floor(rand() * tricky.length)]!;
      answers.context.organisation = `${pick()} Ltd`.trim();
      answers.context.workflow = `${pick()} handoff`.trim();
      answers.context.systems = [pick().trim() || 'x', 'NetSuite'];
      answers.context.assessor = rand() < 0.5 ? `${pick()} Smith`.trim() : undefined;
      if (answers.context.assessor === undefined) delete answers.context.assessor;
      answers.notes = {failure_frequency: pick(), no_budget_path: `${pick()}${pick()}`};
      answers.certainty = {lead_time_impact: 'estimated', organisation: 'verified'};
      if (rand() < 0.3) delete answers.signals.remediation_sprint;
      const text = answersToYaml(answers, {position: 'failure_frequency', saved: '2026-04-03T10:00:00.000Z'});
      const load = parseAnswers('draft.yaml', text, bank, {partial: true});
      expect(load.errors).toEqual([]);
      expect(load.answers).toEqual(answers);
    }
  });

  it('a blank draft comes back blank', () => {
    const empty: Answers = {version: 1, context: {}, matrix: {}, signals: {}, disqualifiers: {}, notes: {}, certainty: {}};
    expect(parseAnswers('d.yaml', answersToYaml(empty), bank, {partial: true}).answers).toEqual(empty);
  });

  it('a complete profile reads back as a complete answers file, not only as a draft', () => {
    const answers = profile({matrix: [5, 'unknown', 2, 4, 1], manage: ['clear_ownership'], remediate: [], disqualified: ['no_budget_path']});
    const load = parseAnswers('a.yaml', answersToYaml(answers), bank);
    expect(load.errors).toEqual([]);
    expect(load.warnings).toEqual([]);
    expect(load.answers).toEqual(answers);
  });
});

describe('questionIds', () => {
  it('lists every id a note or certainty may use', () => {
    const ids = questionIds(bank);
    expect(ids).toEqual(expect.arrayContaining(['organisation', 'systems', 'failure_frequency', 'manage_in_place', 'remediation_sprint', 'clear_ownership', 'exploratory_no_pain']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(5 + 5 + 2 + 8 + 4);
  });
});

describe('a custom bank decides the roles', () => {
  it('a role the bank adds is kept, not dropped', () => {
    const roleQuestion = bank.context.find((q) => q.id === 'role')!;
    const custom = {
      ...bank,
      context: bank.context.map((q) => (q.id === 'role' ? {...roleQuestion, choices: [...roleQuestion.choices!, {value: 'partner', label: 'Delivery partner'}]} : q)),
    };
    const load = parseAnswers('answers.yaml', withLine('role: consultant', 'role: partner').text, custom);
    expect(load.errors).toEqual([]);
    expect(load.answers!.context.role).toBe('partner');
  });
});
