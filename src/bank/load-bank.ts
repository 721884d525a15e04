/**
 * Load and validate a question bank: schema first, then the rules a schema
 * cannot express. Every problem is collected (file, line, id), none thrown.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {z} from 'zod';
import type {Axis, Bank, ContextQuestion, Disqualifier, PathStep, Signal, SignalList} from '../engine/types.js';
import {
  bankExamples,
  bankFileSchema,
  contextFileSchema,
  disqualifiersFileSchema,
  matrixFileSchema,
  REQUIRED_CONTEXT,
  signalsFileSchema,
} from './bank-schema.js';
import {displayPath, packagePath} from '../files/paths.js';
import {issuesToProblems, type Describe} from './zod-problems.js';
import {parseYamlSource, type SourceProblem, type YamlSource} from '../yaml/yaml-source.js';

/** The files a bank folder holds, in the order they are read. */
export const BANK_FILES = ['bank.yaml', 'context.yaml', 'matrix.yaml', 'signals.yaml', 'disqualifiers.yaml'] as const;
export type BankFile = (typeof BANK_FILES)[number];

export interface BankLoad {
  bank?: Bank;
  errors: SourceProblem[];
}

/** The folder of the bundled bank. */
export function defaultBankDir(): string {
  return packagePath('questions');
}

/** Read a bank folder. Missing or unreadable files are problems, not exceptions. */
export function loadBankDir(dir: string = defaultBankDir()): BankLoad {
  const texts: Partial<Record<BankFile, string>> = {};
  const errors: SourceProblem[] = [];
  for (const name of BANK_FILES) {
    const file = displayPath(join(dir, name));
    try {
      texts[name] = readFileSync(join(dir, name), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({
        file,
        field: '(file)',
        message:
          code === 'ENOENT'
            ? `is missing: a question bank folder holds ${BANK_FILES.join(', ')}`
            : `could not be read (${code ?? (error as Error).message})`,
      });
    }
  }
  // Check the files that are there too, so one run reports every problem.
  const parsed = parseBank(texts, (name) => displayPath(join(dir, name)));
  return errors.length ? {errors: [...errors, ...parsed.errors]} : parsed;
}

type Parsed<S extends z.ZodType> = {source: YamlSource; data?: z.output<S>};

/**
 * Validate the bank's files, given as text. Pure. A file left out is not reported (the caller says
 * why it is missing) but no bank is returned; the files given are still checked.
 */
export function parseBank(texts: Partial<Record<BankFile, string>>, nameOf: (file: BankFile) => string = (f) => f): BankLoad {
  const errors: SourceProblem[] = [];
  const parse = <S extends z.ZodType>(name: BankFile, schema: S, describe: Describe): Parsed<S> => {
    const source = parseYamlSource(nameOf(name), texts[name] ?? '');
    if (texts[name] === undefined) return {source};
    if (source.problems.length) {
      errors.push(...source.problems);
      return {source};
    }
    const result = schema.safeParse(source.value);
    if (!result.success) {
      errors.push(...issuesToProblems(source, result.error.issues, bankExamples, describe));
      return {source};
    }
    return {source, data: result.data};
  };

  const itemNamed = (noun: string, listKey: string): Describe => (path, value) => {
    if (path[0] !== listKey || typeof path[1] !== 'number') return undefined;
    const item = (value as Record<string, unknown[]> | undefined)?.[listKey]?.[path[1]] as {id?: unknown} | undefined;
    return typeof item?.id === 'string' ? `${noun} "${item.id}"` : `${noun} ${path[1] + 1}`;
  };

  const meta = parse('bank.yaml', bankFileSchema, (path) => (path[0] === 'path' && typeof path[1] === 'number' ? `path step ${path[1] + 1}` : undefined));
  const context = parse('context.yaml', contextFileSchema, itemNamed('context question', 'questions'));
  const matrix = parse('matrix.yaml', matrixFileSchema, itemNamed('axis', 'axes'));
  const signals = parse('signals.yaml', signalsFileSchema, (path, value) => {
    const list = path[0];
    if (typeof list !== 'string' || typeof path[1] !== 'number') return undefined;
    const item = (value as Record<string, {id?: unknown}[]> | undefined)?.[list]?.[path[1]];
    return typeof item?.id === 'string' ? `signal "${item.id}"` : `signal ${path[1] + 1} of ${list}`;
  });
  const disq = parse('disqualifiers.yaml', disqualifiersFileSchema, itemNamed('disqualifier', 'disqualifiers'));

  // Rules beyond the schema, on every file that passed it, so a schema problem in one file
  // does not hide a broken rule in another.
  const seen = new Map<string, string>();
  const claim = (qid: string, file: YamlSource, path: (string | number)[], noun: string) => {
    const earlier = seen.get(qid);
    if (earlier) {
      errors.push({file: file.file, line: file.lineOf(path), field: path.join('.'), message: `${noun} "${qid}": the id is already used in ${earlier}; ids must be unique across the bank`});
    } else seen.set(qid, file.file);
  };
  for (const reserved of ['manage_in_place', 'remediation_sprint']) seen.set(reserved, 'the signal checklists (reserved id)');
  context.data?.questions.forEach((q, i) => {
    claim(q.id, context.source, ['questions', i, 'id'], 'context question');
    if (q.kind === 'choice' && !q.choices) {
      errors.push({file: context.source.file, line: context.source.lineOf(['questions', i]), field: `questions.${i}.choices`, message: `context question "${q.id}": a choice question needs "choices", e.g. choices: [{value: consultant, label: Consultant}]`});
    }
  });
  const expectedKind: Record<(typeof REQUIRED_CONTEXT)[number], string> = {organisation: 'text', role: 'choice', workflow: 'text', systems: 'list'};
  for (const rid of context.data ? REQUIRED_CONTEXT : []) {
    const index = context.data!.questions.findIndex((q) => q.id === rid);
    if (index < 0) {
      errors.push({file: context.source.file, line: context.source.lineOf(['questions']), field: 'questions', message: `context question "${rid}" is missing: the report needs it (kind: ${expectedKind[rid]})`});
    } else if (context.data!.questions[index]!.kind !== expectedKind[rid]) {
      errors.push({file: context.source.file, line: context.source.lineOf(['questions', index, 'kind']), field: `questions.${index}.kind`, message: `context question "${rid}": "kind" must be ${expectedKind[rid]}`});
    }
  }
  matrix.data?.axes.forEach((a, i) => {
    claim(a.id, matrix.source, ['axes', i, 'id'], 'axis');
    for (const key of ['recovery', 'failure_class'] as const) checkPlaceholders(a[key], matrix.source, ['axes', i, key], `axis "${a.id}"`, errors);
  });
  for (const list of ['manage_in_place', 'remediation_sprint'] as const) {
    signals.data?.[list].forEach((s, i) => {
      claim(s.id, signals.source, [list, i, 'id'], 'signal');
      if (s.failure_class) checkPlaceholders(s.failure_class, signals.source, [list, i, 'failure_class'], `signal "${s.id}"`, errors);
    });
  }
  disq.data?.disqualifiers.forEach((d, i) => claim(d.id, disq.source, ['disqualifiers', i, 'id'], 'disqualifier'));

  if (!meta.data) return {errors};
  const sc = meta.data.scoring;
  const points = [1, 2, 3, 4, 5].map((v) => sc.scale_points[v as 1]);
  if (points.some((p, i) => i > 0 && p < points[i - 1]!)) {
    errors.push({file: meta.source.file, line: meta.source.lineOf(['scoring', 'scale_points']), field: 'scoring.scale_points', message: `"scale_points" must not decrease from 1 to 5, e.g. scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}`});
  }
  if (sc.unknown_share_medium > sc.unknown_share_low) {
    errors.push({file: meta.source.file, line: meta.source.lineOf(['scoring', 'unknown_share_medium']), field: 'scoring.unknown_share_medium', message: `"unknown_share_medium" (${sc.unknown_share_medium}) must not exceed "unknown_share_low" (${sc.unknown_share_low})`});
  }
  const stepIds = meta.data.path.map((s) => s.id);
  for (const sid of ['map', 'boundaries', 'sprint', 'monitor'] as const) {
    if (!stepIds.includes(sid)) errors.push({file: meta.source.file, line: meta.source.lineOf(['path']), field: 'path', message: `path step "${sid}" is missing: the path has the steps map, boundaries, sprint and monitor, once each`});
  }
  if (errors.length || !context.data || !matrix.data || !signals.data || !disq.data) return {errors};

  const bank: Bank = {
    meta: {name: meta.data.name, version: meta.data.version, title: meta.data.title, description: meta.data.description.trim()},
    scoring: {
      scalePoints: sc.scale_points,
      remediationAt: sc.remediation_at,
      nearThreshold: sc.near_threshold,
      unknownShareMedium: sc.unknown_share_medium,
      unknownShareLow: sc.unknown_share_low,
      disagreementPoints: sc.disagreement_points,
      estimatedWeightAt: sc.estimated_weight_at,
    },
    path: (['map', 'boundaries', 'sprint', 'monitor'] as const).map((sid): PathStep => {
      const step = meta.data!.path.find((s) => s.id === sid)!;
      return {id: sid, title: step.title, summary: step.summary, lightSummary: step.light_summary, lightTitle: step.light_title};
    }),
    context: context.data.questions.map(
      (q): ContextQuestion => ({
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        label: q.label ?? labelFromId(q.id),
        why: q.why,
        required: q.required,
        placeholder: q.placeholder,
        choices: q.choices,
        maxLength: q.max_length,
      }),
    ),
    axes: matrix.data.axes.map(
      (a): Axis => ({
        id: a.id,
        title: a.title,
        prompt: a.prompt,
        manageInPlace: a.manage_in_place,
        remediationSprint: a.remediation_sprint,
        why: a.why.trim(),
        weight: a.weight,
        failureClass: a.failure_class,
        focus: a.focus,
        recovery: a.recovery,
        evidence: a.evidence,
      }),
    ),
    signals: (['manage_in_place', 'remediation_sprint'] as SignalList[]).flatMap((list) =>
      signals.data![list].map((s): Signal => ({id: s.id, list, text: s.text, why: s.why, weight: s.weight, failureClass: s.failure_class})),
    ),
    disqualifiers: disq.data.disqualifiers.map(
      (d): Disqualifier => ({
        id: d.id,
        title: d.title,
        prompt: d.prompt,
        explanation: d.explanation,
        why: (d.why ?? d.explanation).trim(),
        resolves: d.resolves,
        prepare: d.prepare,
      }),
    ),
  };
  return {bank, errors};
}

/** A context question's label when the bank gives none: its id in words, "systems_used" -> "Systems used". */
export function labelFromId(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PLACEHOLDERS = new Set(['workflow', 'systems']);

function checkPlaceholders(text: string, source: YamlSource, path: (string | number)[], owner: string, errors: SourceProblem[]) {
  for (const match of text.matchAll(/\{([^}]*)\}/g)) {
    if (!PLACEHOLDERS.has(match[1]!)) {
      errors.push({file: source.file, line: source.lineOf(path), field: path.join('.'), message: `${owner}: "{${match[1]}}" is not a placeholder; use {workflow} or {systems}`});
    }
  }
}
