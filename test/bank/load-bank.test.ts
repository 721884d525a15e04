import {afterAll, describe, expect, it} from '@jest/globals';
import {cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BANK_FILES, defaultBankDir, loadBankDir, parseBank, type BankFile} from '../../src/bank/load-bank.js';
import {displayPath} from '../../src/files/paths.js';
import {formatProblem, type SourceProblem} from '../../src/yaml/yaml-source.js';

const QUESTIONS = defaultBankDir();
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, {recursive: true, force: true});
});

/** Copy the bundled bank to a temporary folder and apply edits: file -> (text -> text). */
function brokenBank(edits: Partial<Record<BankFile, (text: string) => string>>, remove: BankFile[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-bank-'));
  made.push(dir);
  cpSync(QUESTIONS, dir, {recursive: true});
  for (const [file, edit] of Object.entries(edits) as [BankFile, (t: string) => string][]) {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${file} changed nothing`);
    writeFileSync(path, after);
  }
  for (const file of remove) unlinkSync(join(dir, file));
  return dir;
}

/** Replace the first `find` at or after the line matching `anchor`. */
function replaceAfter(anchor: string, find: string, replacement: string) {
  return (text: string) => {
    const start = text.indexOf(anchor);
    if (start < 0) throw new Error(`anchor ${anchor} not found`);
    const at = text.indexOf(find, start);
    if (at < 0) throw new Error(`${find} not found after ${anchor}`);
    return text.slice(0, at) + replacement + text.slice(at + find.length);
  };
}

/** 1-based line of the first line containing `needle` (after `anchor`, if given). */
function lineOf(dir: string, file: BankFile, needle: string, anchor = ''): number {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const from = anchor ? lines.findIndex((l) => l.includes(anchor)) : 0;
  const i = lines.findIndex((l, n) => n >= from && l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

function messages(errors: SourceProblem[]): string[] {
  return errors.map(formatProblem);
}

describe('the bundled bank', () => {
  const load = loadBankDir();
  const bank = load.bank!;

  it('loads with no errors', () => {
    expect(messages(load.errors)).toEqual([]);
    expect(bank).toBeDefined();
  });

  it('holds five axes, eight signals in two lists of four, four disqualifiers and the context questions', () => {
    expect(bank.axes.map((a) => a.id)).toEqual(['failure_frequency', 'reconciliation_load', 'exception_visibility', 'lead_time_impact', 'operational_confidence']);
    expect(bank.signals).toHaveLength(8);
    expect(bank.signals.filter((s) => s.list === 'manage_in_place')).toHaveLength(4);
    expect(bank.signals.filter((s) => s.list === 'remediation_sprint')).toHaveLength(4);
    expect(bank.disqualifiers.map((d) => d.id)).toEqual(['no_tradeoff_owner', 'no_budget_path', 'broad_redesign_expected', 'exploratory_no_pain']);
    expect(bank.context.map((q) => q.id)).toEqual(['organisation', 'assessor', 'role', 'workflow', 'systems']);
  });

  it('maps snake_case data to the engine types, numbers as numbers', () => {
    const lead = bank.axes.find((a) => a.id === 'lead_time_impact')!;
    expect(lead.weight).toBe(3);
    expect(lead.remediationSprint).toMatch(/slows our core work/);
    expect(lead.recovery).toContain('{workflow}');
    expect(bank.scoring).toEqual({
      scalePoints: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2},
      remediationAt: 4,
      nearThreshold: 5,
      unknownShareMedium: 0.2,
      unknownShareLow: 0.5,
      disagreementPoints: 4,
      estimatedWeightAt: 3,
      insufficientEvidenceAt: 0.5,
      estimatedHeavyLow: 2,
      estimatedShareLow: 0.5,
      contradictionLevels: 1,
      counterEvidenceAt: 4,
    });
    // Plain disqualifier questions: which answer means it applies is data.
    expect(bank.disqualifiers.every((d) => d.appliesWhen === false && !/\b(no|nobody)\b/i.test(d.prompt.split(' ').slice(0, 3).join(' ')))).toBe(true);
    expect(bank.axes.every((a) => a.baseline && a.baseline.unit && a.baseline.measure)).toBe(true);
    expect(bank.consistency.map((r) => r.id)).toContain('ownership_vs_exceptions');
    expect(bank.plans.manageInPlace.map((s) => s.id)).toEqual(['keep_controls', 'reassess']);
    expect(bank.path.map((s) => s.id)).toEqual(['map', 'boundaries', 'sprint', 'monitor']);
    expect(bank.path.find((s) => s.id === 'sprint')!.lightSummary).toMatch(/hardening/);
    expect(bank.context.find((q) => q.id === 'systems')).toMatchObject({kind: 'list', required: true, maxLength: 80});
    expect(bank.context.find((q) => q.id === 'assessor')!.required).toBe(false);
    // Folded YAML text arrives without a trailing newline.
    expect(bank.axes.every((a) => !a.why.endsWith('\n'))).toBe(true);
    expect(bank.signals.filter((s) => s.list === 'remediation_sprint').every((s) => s.failureClass)).toBe(true);
  });

  it('every disqualifier says what resolves it and what to prepare', () => {
    for (const d of bank.disqualifiers) {
      expect(d.resolves.length).toBeGreaterThan(20);
      expect(d.prepare.length).toBeGreaterThan(20);
    }
  });

  it('every context question has a short label, and every disqualifier a why of its own', () => {
    expect(bank.context.map((q) => q.label)).toEqual(['Organisation', 'Assessor', 'Role', 'Critical workflow', 'Systems involved']);
    for (const q of bank.context) expect(q.label.length).toBeLessThan(q.prompt.length);
    for (const d of bank.disqualifiers) {
      expect(d.why.length).toBeGreaterThan(d.explanation.length);
      expect(d.why).not.toContain(d.explanation);
      expect(d.why.endsWith('\n')).toBe(false);
    }
  });

  it('loads from a folder named relative to the working folder', () => {
    const relative = loadBankDir(displayPath(QUESTIONS));
    expect(relative.errors).toEqual([]);
    expect(relative.bank!.axes).toHaveLength(5);
  });
});

describe('optional fields a custom bank may leave out', () => {
  it('a context question without a label is named from its id; a disqualifier without a why uses its explanation', () => {
    const dir = brokenBank({
      'context.yaml': (t) => t.replace(/^    label: .*\n/gm, '').replace('  - id: systems', '  - id: systems_used\n    kind: list\n    prompt: Anything else?\n    why: Extra.\n    max_length: 80\n  - id: systems'),
      'disqualifiers.yaml': (t) => t.replace(/^    why: >-\n(      .*\n)+/gm, ''),
    });
    const load = loadBankDir(dir);
    expect(messages(load.errors)).toEqual([]);
    expect(load.bank!.context.map((q) => q.label)).toEqual(['Organisation', 'Assessor', 'Role', 'Workflow', 'Systems used', 'Systems']);
    for (const d of load.bank!.disqualifiers) expect(d.why).toBe(d.explanation);
  });

  it('a blank label is refused, with its line', () => {
    const dir = brokenBank({'context.yaml': (t) => t.replace('    label: Role\n', '    label: ""\n')});
    const errors = loadBankDir(dir).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({field: 'questions.2.label'});
    expect(errors[0]!.line).toBe(readFileSync(join(dir, 'context.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('label: ""')) + 1);
  });
});

describe('broken banks: one problem each, with file, line and an example', () => {
  it('a non-numeric weight (committed fixture): the exact message a user sees', () => {
    const dir = join('test', 'bank', 'fixtures', 'bad-weight');
    const load = loadBankDir(dir);
    expect(load.bank).toBeUndefined();
    expect(messages(load.errors)).toEqual([`${join(dir, 'matrix.yaml')}:53: axis "lead_time_impact": "weight" must be a number, e.g. weight: 2`]);
    expect(load.errors[0]).toMatchObject({line: 53, field: 'axes.3.weight'});
  });

  it('a non-numeric weight on a signal names the signal', () => {
    const dir = brokenBank({'signals.yaml': replaceAfter('id: fragmented_status', 'weight: 2', 'weight: "2"')});
    const load = loadBankDir(dir);
    expect(messages(load.errors)).toEqual([
      `${displayPath(join(dir, 'signals.yaml'))}:${lineOf(dir, 'signals.yaml', 'weight: "2"')}: signal "fragmented_status": "weight" must be a number, e.g. weight: 2`,
    ]);
  });

  it('a negative weight says what is allowed', () => {
    const dir = brokenBank({'matrix.yaml': replaceAfter('id: exception_visibility', 'weight: 2', 'weight: -1')});
    const [problem] = loadBankDir(dir).errors;
    expect(problem!.line).toBe(lineOf(dir, 'matrix.yaml', 'weight: -1'));
    expect(problem!.message).toMatch(/^axis "exception_visibility": "weight" must be (at least|greater than) 0/);
  });

  it('a missing required field says it is missing', () => {
    const dir = brokenBank({'matrix.yaml': replaceAfter('id: reconciliation_load', '    weight: 2\n', '')});
    const load = loadBankDir(dir);
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]!.message).toBe('axis "reconciliation_load": "weight" is missing: it must be a number, e.g. weight: 2');
    expect(load.errors[0]!.line).toBe(lineOf(dir, 'matrix.yaml', 'id: reconciliation_load'));
  });

  it('an id used twice in the bank, across files', () => {
    const dir = brokenBank({'signals.yaml': replaceAfter('manage_in_place:', 'id: clear_ownership', 'id: failure_frequency')});
    const load = loadBankDir(dir);
    expect(load.bank).toBeUndefined();
    expect(messages(load.errors)).toEqual([
      `${displayPath(join(dir, 'signals.yaml'))}:${lineOf(dir, 'signals.yaml', 'id: failure_frequency')}: signal "failure_frequency": the id is already used in ${displayPath(join(dir, 'matrix.yaml'))}; ids must be unique across the bank`,
      // The consistency rule that named the renamed signal no longer finds it: said too, with its line.
      `${displayPath(join(dir, 'consistency.yaml'))}:${lineOf(dir, 'consistency.yaml', '{signal: clear_ownership}')}: consistency rule "ownership_vs_exceptions": "clear_ownership" is not a signal; allowed: lightweight_controls, no_downstream_errors, failure_frequency, volume_not_amplifying, recurring_sync_failures, fragmented_status, workarounds_outpacing, unforecastable_delivery`,
    ]);
  });

  it('an id used twice in one file', () => {
    const dir = brokenBank({'disqualifiers.yaml': replaceAfter('disqualifiers:', 'id: no_budget_path', 'id: no_tradeoff_owner')});
    const load = loadBankDir(dir);
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]!.line).toBe(lineOf(dir, 'disqualifiers.yaml', 'id: no_tradeoff_owner', 'prepare: The name and role'));
    expect(load.errors[0]!.message).toMatch(/^disqualifier "no_tradeoff_owner": the id is already used in .*disqualifiers\.yaml; ids must be unique/);
  });

  it('an id that clashes with a signal checklist name is refused', () => {
    const dir = brokenBank({'disqualifiers.yaml': replaceAfter('disqualifiers:', 'id: no_budget_path', 'id: manage_in_place')});
    expect(loadBankDir(dir).errors[0]!.message).toMatch(/"manage_in_place": the id is already used in the signal checklists \(reserved id\)/);
  });

  it('an unknown field names the field and its line', () => {
    const dir = brokenBank({'matrix.yaml': replaceAfter('id: operational_confidence', '    weight: 2\n', '    weight: 2\n    colour: red\n')});
    const load = loadBankDir(dir);
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]!.line).toBe(lineOf(dir, 'matrix.yaml', 'colour: red'));
    expect(load.errors[0]!.message).toMatch(/^axis "operational_confidence": "colour" is not a known field/);
  });

  it('an unknown field in a named map says which map', () => {
    const dir = brokenBank({'bank.yaml': replaceAfter('scoring:', '  remediation_at: 4\n', '  remediation_at: 4\n  remediation_below: 2\n')});
    const [problem] = loadBankDir(dir).errors;
    expect(problem!.message).toBe('"remediation_below" is not a known field of "scoring"');
    expect(problem!.line).toBe(lineOf(dir, 'bank.yaml', 'remediation_below'));
  });

  it('an unknown field in an unnamed list item says it is in that list', () => {
    const dir = brokenBank({'context.yaml': (t) => t.replace('{value: founder, label: Founder assessing their own business}', '{value: founder, label: Founder, colour: red}')});
    const [problem] = loadBankDir(dir).errors;
    expect(problem!.message).toBe('context question "role": "colour" is not a known field of an item in "choices"');
    expect(problem!.line).toBe(lineOf(dir, 'context.yaml', 'colour: red'));
  });

  it('an unknown top-level field', () => {
    const dir = brokenBank({'bank.yaml': (t) => `${t}\nthreshold: 3\n`});
    const load = loadBankDir(dir);
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]!.line).toBe(lineOf(dir, 'bank.yaml', 'threshold: 3'));
    expect(load.errors[0]!.message).toBe('"threshold" is not a known field');
  });

  it('a missing file', () => {
    const dir = brokenBank({}, ['signals.yaml']);
    const load = loadBankDir(dir);
    expect(messages(load.errors)).toEqual([
      `${displayPath(join(dir, 'signals.yaml'))}: is missing: a question bank folder holds bank.yaml, context.yaml, matrix.yaml, signals.yaml, disqualifiers.yaml`,
    ]);
  });

  it('a folder that does not exist reports every file missing', () => {
    const load = loadBankDir(join(tmpdir(), 'no-such-bank-folder-here'));
    expect(load.errors).toHaveLength(BANK_FILES.length);
    expect(load.errors.every((e) => e.message.startsWith('is missing'))).toBe(true);
  });

  it('bad YAML says so, with the line', () => {
    const dir = brokenBank({'context.yaml': replaceAfter('id: workflow', 'required: true', 'required: [true')});
    const load = loadBankDir(dir);
    expect(load.errors.length).toBeGreaterThan(0);
    expect(load.errors[0]!.file).toBe(displayPath(join(dir, 'context.yaml')));
    expect(load.errors[0]!.message).toMatch(/^is not valid YAML or JSON: /);
    expect(load.errors[0]!.line).toBeGreaterThanOrEqual(lineOf(dir, 'context.yaml', 'required: [true'));
  });

  it('a key written twice in one map is bad YAML', () => {
    const dir = brokenBank({'bank.yaml': replaceAfter('scoring:', '  remediation_at: 4\n', '  remediation_at: 4\n  remediation_at: 6\n')});
    const load = loadBankDir(dir);
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]!.line).toBe(lineOf(dir, 'bank.yaml', 'remediation_at: 6'));
    expect(load.errors[0]!.message).toMatch(/not valid YAML.*unique/i);
  });

  it('a missing required context question', () => {
    const dir = brokenBank({'context.yaml': (t) => t.replace(/  - id: workflow\n(    .*\n|      .*\n)*/, '')});
    const load = loadBankDir(dir);
    expect(messages(load.errors)).toEqual([
      `${displayPath(join(dir, 'context.yaml'))}:${lineOf(dir, 'context.yaml', 'questions:')}: context question "workflow" is missing: the report needs it (kind: text)`,
    ]);
  });

  it('a required context question of the wrong kind', () => {
    const dir = brokenBank({'context.yaml': replaceAfter('id: systems', 'kind: list', 'kind: text')});
    const [problem] = loadBankDir(dir).errors;
    expect(problem!.message).toBe('context question "systems": "kind" must be list');
    expect(problem!.line).toBe(lineOf(dir, 'context.yaml', 'kind: text', 'id: systems'));
  });

  it('a kind that does not exist lists the kinds', () => {
    const dir = brokenBank({'context.yaml': replaceAfter('id: assessor', 'kind: text', 'kind: essay')});
    const [problem] = loadBankDir(dir).errors;
    expect(problem!.message).toBe('context question "assessor": "kind" must be one of "text", "list", "choice"');
  });

  it('scale points that decrease', () => {
    const dir = brokenBank({'bank.yaml': (t) => t.replace('{1: -2, 2: -1, 3: 0, 4: 1, 5: 2}', '{1: 2, 2: 1, 3: 0, 4: -1, 5: -2}')});
    const [problem] = loadBankDir(dir).errors;
    expect(problem!.message).toMatch(/"scale_points" must not decrease from 1 to 5, e\.g\. scale_points: \{1: -2/);
    expect(problem!.line).toBe(lineOf(dir, 'bank.yaml', 'scale_points:'));
  });

  it('a placeholder that does not exist', () => {
    const dir = brokenBank({'matrix.yaml': (t) => t.replace('Handoff failures on {workflow}', 'Handoff failures on {workflw}')});
    const [problem] = loadBankDir(dir).errors;
    expect(problem!.message).toBe('axis "failure_frequency": "{workflw}" is not a placeholder; use {workflow} or {systems}');
  });

  it('a path step missing', () => {
    const dir = brokenBank({'bank.yaml': replaceAfter('path:', '  - id: monitor', '  - id: map')});
    const load = loadBankDir(dir);
    expect(load.errors.map((e) => e.message)).toEqual(['path step "monitor" is missing: the path has the steps map, boundaries, sprint and monitor, once each']);
  });

  it('unknown_share_medium above unknown_share_low', () => {
    const dir = brokenBank({'bank.yaml': (t) => t.replace('unknown_share_medium: 0.2', 'unknown_share_medium: 0.7')});
    expect(loadBankDir(dir).errors.map((e) => e.message)).toEqual(['"unknown_share_medium" (0.7) must not exceed "unknown_share_low" (0.5)']);
  });
});

describe('several problems at once are all reported', () => {
  it('two schema problems in one file and one in another', () => {
    const dir = brokenBank({
      'matrix.yaml': (t) => replaceAfter('id: operational_confidence', 'weight: 2', 'weight: high')(replaceAfter('id: lead_time_impact', 'weight: 3', 'weight: three')(t)),
      'disqualifiers.yaml': replaceAfter('id: no_budget_path', 'title: No budget path', 'titel: No budget path'),
    });
    const load = loadBankDir(dir);
    const where = (e: SourceProblem) => `${e.file.split(/[\\/]/).pop()}:${e.line}: ${e.message}`;
    expect(load.errors.map(where).sort()).toEqual([
      `disqualifiers.yaml:${lineOf(dir, 'disqualifiers.yaml', 'id: no_budget_path')}: disqualifier "no_budget_path": "title" is missing: it must be text, e.g. title: Failure frequency`,
      `disqualifiers.yaml:${lineOf(dir, 'disqualifiers.yaml', 'titel:')}: disqualifier "no_budget_path": "titel" is not a known field`,
      `matrix.yaml:${lineOf(dir, 'matrix.yaml', 'weight: three')}: axis "lead_time_impact": "weight" must be a number, e.g. weight: 2`,
      `matrix.yaml:${lineOf(dir, 'matrix.yaml', 'weight: high')}: axis "operational_confidence": "weight" must be a number, e.g. weight: 2`,
    ].sort());
  });

  it('a schema problem in one file does not hide a rule broken in another', () => {
    const dir = brokenBank({
      'matrix.yaml': replaceAfter('id: lead_time_impact', 'weight: 3', 'weight: three'),
      'context.yaml': replaceAfter('id: systems', 'kind: list', 'kind: text'),
      'signals.yaml': replaceAfter('manage_in_place:', 'id: clear_ownership', 'id: lightweight_controls'),
    });
    const messagesOnly = loadBankDir(dir).errors.map((e) => e.message);
    expect(messagesOnly).toEqual(
      expect.arrayContaining([
        'axis "lead_time_impact": "weight" must be a number, e.g. weight: 2',
        'context question "systems": "kind" must be list',
        expect.stringMatching(/^signal "lightweight_controls": the id is already used/),
      ]),
    );
  });

  it('a missing file does not hide problems in the files that are there', () => {
    const dir = brokenBank({'matrix.yaml': replaceAfter('id: lead_time_impact', 'weight: 3', 'weight: three')}, ['disqualifiers.yaml']);
    const messagesOnly = loadBankDir(dir).errors.map((e) => e.message);
    expect(messagesOnly).toEqual(expect.arrayContaining([expect.stringMatching(/^is missing/), 'axis "lead_time_impact": "weight" must be a number, e.g. weight: 2']));
  });
});

describe('parseBank (pure)', () => {
  const texts = Object.fromEntries(BANK_FILES.map((f) => [f, readFileSync(join(QUESTIONS, f), 'utf8')])) as Record<BankFile, string>;

  it('reads the bank from text, naming files as it is told', () => {
    const load = parseBank(texts, (f) => `custom/${f}`);
    expect(load.errors).toEqual([]);
    expect(load.bank!.signals).toHaveLength(8);
    const broken = parseBank({...texts, 'matrix.yaml': texts['matrix.yaml'].replace('weight: 3', 'weight: x')}, (f) => `custom/${f}`);
    expect(broken.errors[0]!.file).toBe('custom/matrix.yaml');
  });

  it('an empty file says what it must hold', () => {
    const load = parseBank({...texts, 'signals.yaml': ''});
    expect(load.errors).toHaveLength(1);
    expect(load.errors[0]!.file).toBe('signals.yaml');
    expect(load.errors[0]!.message).toMatch(/must be a map of fields/);
  });

  it('a YAML alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`), 'manage_in_place: *j'].join('\n');
    const load = parseBank({...texts, 'signals.yaml': bomb});
    expect(load.bank).toBeUndefined();
    expect(load.errors.length).toBeGreaterThan(0);
  });
});
