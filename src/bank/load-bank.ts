/**
 * Load and validate a question bank: schema first, then the rules a schema
 * cannot express. Every problem is collected (file, line, id), none thrown.
 */
import {join} from 'node:path';
import {list} from '../engine/phrases.js';
import type {z} from 'zod';
import {SIGNAL_LISTS, type Axis, type Bank, type CombineRules, type Condition, type ContextQuestion, type Disqualifier, type PathStep, type PlanStep, type Signal} from '../engine/types.js';
import {
  bankExamples,
  bankFileSchema,
  consistencyFileSchema,
  contextFileSchema,
  disqualifiersFileSchema,
  matrixFileSchema,
  REQUIRED_CONTEXT,
  RESERVED_IDS,
  signalsFileSchema,
} from './bank-schema.js';
import {displayPath, packagePath} from '../files/paths.js';
import {readTextFile, ReadTextError, SIZE_CAPS} from '../files/read-text.js';
import {issuesToProblems, type Describe} from './zod-problems.js';
import {parseYamlSource, problemAt, type SourceProblem, type YamlSource} from '../yaml/yaml-source.js';

/** The files a bank folder holds, in the order they are read. */
export const BANK_FILES = ['bank.yaml', 'context.yaml', 'matrix.yaml', 'signals.yaml', 'disqualifiers.yaml'] as const;
/** Files a bank folder may hold: without them the bank has no consistency rules. */
export const OPTIONAL_BANK_FILES = ['consistency.yaml'] as const;
export type BankFile = (typeof BANK_FILES)[number] | (typeof OPTIONAL_BANK_FILES)[number];

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
      texts[name] = readTextFile(join(dir, name), SIZE_CAPS.bankFile);
    } catch (error) {
      if (!(error instanceof ReadTextError)) throw error;
      errors.push({
        file,
        line: error.line,
        field: '(file)',
        message: error.code === 'ENOENT' ? `is missing: a question bank folder holds ${BANK_FILES.join(', ')}` : error.message,
      });
    }
  }
  for (const name of OPTIONAL_BANK_FILES) {
    const path = join(dir, name);
    try {
      texts[name] = readTextFile(path, SIZE_CAPS.bankFile);
    } catch (error) {
      if (!(error instanceof ReadTextError)) throw error;
      if (error.code !== 'ENOENT') errors.push({file: displayPath(path), line: error.line, field: '(file)', message: error.message});
    }
  }
  // Check the files that are there too, so one run reports every problem.
  const parsed = parseBank(texts, (name) => displayPath(join(dir, name)));
  return errors.length ? {errors: [...errors, ...parsed.errors]} : parsed;
}

type Parsed<S extends z.ZodType> = {source: YamlSource; data?: z.output<S>};

/** The bank's files, each parsed and checked against its schema; `data` only when it passed. */
interface BankFiles {
  meta: Parsed<typeof bankFileSchema>;
  context: Parsed<typeof contextFileSchema>;
  matrix: Parsed<typeof matrixFileSchema>;
  signals: Parsed<typeof signalsFileSchema>;
  disq: Parsed<typeof disqualifiersFileSchema>;
  /** Optional: `present` false when the folder has no consistency.yaml. */
  consistency: Parsed<typeof consistencyFileSchema> & {present: boolean};
}

/**
 * Validate the bank's files, given as text. Pure. A file left out is not reported (the caller says
 * why it is missing) but no bank is returned; the files given are still checked.
 */
export function parseBank(texts: Partial<Record<BankFile, string>>, nameOf: (file: BankFile) => string = (f) => f): BankLoad {
  const errors: SourceProblem[] = [];
  const files = parseBankFiles(texts, nameOf, errors);
  // Rules beyond the schema, on every file that passed it, so a schema problem in one file
  // does not hide a broken rule in another.
  checkUniqueIds(files, errors);
  checkContextQuestions(files.context, errors);
  checkPlaceholders(files, errors);
  checkConditions(files, errors);
  if (files.meta.data) checkScoringAndPath(files.meta.source, files.meta.data, errors);
  checkPortfolioAxis(files, errors);
  const {meta, context, matrix, signals, disq, consistency} = files;
  if (errors.length || !meta.data || !context.data || !matrix.data || !signals.data || !disq.data) return {errors};
  if (consistency.present && !consistency.data) return {errors};
  return {bank: toBank(meta.data, context.data, matrix.data, signals.data, disq.data, consistency.data), errors};
}

/** Each file read as YAML and checked against its schema; every problem goes to `errors`. */
function parseBankFiles(texts: Partial<Record<BankFile, string>>, nameOf: (file: BankFile) => string, errors: SourceProblem[]): BankFiles {
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

  return {
    meta: parse('bank.yaml', bankFileSchema, (path) =>
      path[0] === 'path' && typeof path[1] === 'number' ? `path step ${path[1] + 1}` : path[1] === 'scale_points' && path.length > 2 ? 'scale_points' : undefined,
    ),
    context: parse('context.yaml', contextFileSchema, itemNamed('context question', 'questions')),
    matrix: parse('matrix.yaml', matrixFileSchema, itemNamed('axis', 'axes')),
    signals: parse('signals.yaml', signalsFileSchema, (path, value) => {
      const list = path[0];
      if (typeof list !== 'string' || typeof path[1] !== 'number') return undefined;
      const item = (value as Record<string, {id?: unknown}[]> | undefined)?.[list]?.[path[1]];
      return typeof item?.id === 'string' ? `signal "${item.id}"` : `signal ${path[1] + 1} of ${list}`;
    }),
    disq: parse('disqualifiers.yaml', disqualifiersFileSchema, itemNamed('disqualifier', 'disqualifiers')),
    consistency: {...parse('consistency.yaml', consistencyFileSchema, itemNamed('consistency rule', 'rules')), present: texts['consistency.yaml'] !== undefined},
  };
}

/**
 * Every id (question, axis, signal, disqualifier) is used once across the bank; the checklists' names are taken,
 * and so are the names every JavaScript object has (`constructor`): answers are kept in maps by id.
 */
function checkUniqueIds({context, matrix, signals, disq}: BankFiles, errors: SourceProblem[]): void {
  const seen = new Map<string, string>();
  const claim = (qid: string, file: YamlSource, path: (string | number)[], noun: string) => {
    const earlier = seen.get(qid);
    if (RESERVED_IDS.has(qid)) errors.push(problemAt(file, path, `${noun} "${qid}": "${qid}" is a name every JavaScript object already has, so it cannot be an id; choose another, e.g. id: failure_frequency`));
    else if (earlier) errors.push(problemAt(file, path, `${noun} "${qid}": the id is already used in ${earlier}; ids must be unique across the bank`));
    else seen.set(qid, file.file);
  };
  for (const reserved of ['manage_in_place', 'remediation_sprint']) seen.set(reserved, 'the signal checklists (reserved id)');
  context.data?.questions.forEach((q, i) => claim(q.id, context.source, ['questions', i, 'id'], 'context question'));
  matrix.data?.axes.forEach((a, i) => claim(a.id, matrix.source, ['axes', i, 'id'], 'axis'));
  for (const list of SIGNAL_LISTS) signals.data?.[list].forEach((s, i) => claim(s.id, signals.source, [list, i, 'id'], 'signal'));
  disq.data?.disqualifiers.forEach((d, i) => claim(d.id, disq.source, ['disqualifiers', i, 'id'], 'disqualifier'));
}

/** A choice question has choices; the context questions the report relies on are there, of their kind. */
function checkContextQuestions(context: BankFiles['context'], errors: SourceProblem[]): void {
  if (!context.data) return;
  const {source, data} = context;
  data.questions.forEach((q, i) => {
    if (q.kind === 'choice' && !q.choices) {
      const message = `context question "${q.id}": a choice question needs "choices", e.g. choices: [{value: consultant, label: Consultant}]`;
      errors.push({file: source.file, line: source.lineOf(['questions', i]), field: `questions.${i}.choices`, message});
    }
  });
  const expectedKind: Record<(typeof REQUIRED_CONTEXT)[number], string> = {organisation: 'text', role: 'choice', workflow: 'text', systems: 'list'};
  for (const rid of REQUIRED_CONTEXT) {
    const index = data.questions.findIndex((q) => q.id === rid);
    if (index < 0) errors.push(problemAt(source, ['questions'], `context question "${rid}" is missing: the report needs it (kind: ${expectedKind[rid]})`));
    else if (data.questions[index]!.kind !== expectedKind[rid]) errors.push(problemAt(source, ['questions', index, 'kind'], `context question "${rid}": "kind" must be ${expectedKind[rid]}`));
  }
}

/** Scale points that rise from 1 to 5, unknown-share limits in order, and the four path steps. */
function checkScoringAndPath(source: YamlSource, meta: z.output<typeof bankFileSchema>, errors: SourceProblem[]): void {
  const sc = meta.scoring;
  const points = [1, 2, 3, 4, 5].map((v) => sc.scale_points[v as 1]);
  if (points.some((p, i) => i > 0 && p < points[i - 1]!)) {
    errors.push(problemAt(source, ['scoring', 'scale_points'], `"scale_points" must not decrease from 1 to 5, e.g. scale_points: {1: -2, 2: -1, 3: 0, 4: 1, 5: 2}`));
  }
  if (sc.unknown_share_medium > sc.unknown_share_low) {
    errors.push(problemAt(source, ['scoring', 'unknown_share_medium'], `"unknown_share_medium" (${sc.unknown_share_medium}) must not exceed "unknown_share_low" (${sc.unknown_share_low})`));
  }
  const stepIds = meta.path.map((s) => s.id);
  for (const sid of PATH_STEPS) {
    if (!stepIds.includes(sid)) errors.push(problemAt(source, ['path'], `path step "${sid}" is missing: the path has the steps map, boundaries, sprint and monitor, once each`));
  }
}

const PATH_STEPS = ['map', 'boundaries', 'sprint', 'monitor'] as const;

/** The portfolio's `failures_axis` names an axis of the matrix that asks a figure. */
function checkPortfolioAxis({meta, matrix}: BankFiles, errors: SourceProblem[]): void {
  const axisId = meta.data?.portfolio?.failures_axis;
  if (axisId === undefined || !matrix.data) return;
  const axis = matrix.data.axes.find((a) => a.id === axisId);
  if (!axis) errors.push(problemAt(meta.source, ['portfolio', 'failures_axis'], `"failures_axis" names no axis of the matrix ("${axisId}"); use one of ${matrix.data.axes.map((a) => a.id).join(', ')}`));
  else if (!axis.baseline) errors.push(problemAt(meta.source, ['portfolio', 'failures_axis'], `"failures_axis": axis "${axisId}" asks no baseline figure, so it counts no failures; name an axis with a baseline, e.g. failures_axis: failure_frequency`));
}

/** The validated files as the engine's Bank: camelCase fields, defaults filled in. */
function toBank(
  meta: z.output<typeof bankFileSchema>,
  context: z.output<typeof contextFileSchema>,
  matrix: z.output<typeof matrixFileSchema>,
  signals: z.output<typeof signalsFileSchema>,
  disq: z.output<typeof disqualifiersFileSchema>,
  consistency: z.output<typeof consistencyFileSchema> | undefined,
): Bank {
  const sc = meta.scoring;
  return {
    meta: {name: meta.name, version: meta.version, title: meta.title, description: meta.description.trim()},
    scoring: {
      scalePoints: sc.scale_points,
      remediationAt: sc.remediation_at,
      nearThreshold: sc.near_threshold,
      unknownShareMedium: sc.unknown_share_medium,
      unknownShareLow: sc.unknown_share_low,
      disagreementPoints: sc.disagreement_points,
      estimatedWeightAt: sc.estimated_weight_at,
      insufficientEvidenceAt: sc.insufficient_evidence_at,
      estimatedHeavyLow: sc.estimated_heavy_low,
      estimatedShareLow: sc.estimated_share_low,
      contradictionLevels: sc.contradiction_levels,
      counterEvidenceAt: sc.counter_evidence_at,
    },
    path: PATH_STEPS.map((sid): PathStep => {
      const {light_summary, light_title, needs_budget, ...step} = meta.path.find((s) => s.id === sid)!;
      return {...step, id: sid, lightSummary: light_summary, lightTitle: light_title, needsBudget: needs_budget};
    }),
    plans: {
      manageInPlace: meta.plans.manage_in_place.map(toPlanStep),
      insufficientEvidence: meta.plans.insufficient_evidence.map(toPlanStep),
      notYetQualified: meta.plans.not_yet_qualified.map(toPlanStep),
    },
    consistency: (consistency?.rules ?? []).map((r) => ({...r, when: r.when.map(toCondition)})),
    handoffMap: meta.handoff_map && {...meta.handoff_map, why: meta.handoff_map.why.trim()},
    combine: toCombine(meta.combine),
    ...(meta.portfolio && {
      portfolio: {
        order: meta.portfolio.order,
        verdicts: meta.portfolio.verdicts,
        heavyWeightAt: meta.portfolio.heavy_weight_at,
        heavyAnswerAt: meta.portfolio.heavy_answer_at,
        ...(meta.portfolio.failures_axis !== undefined && {failuresAxis: meta.portfolio.failures_axis}),
      },
    }),
    context: context.questions.map(toContextQuestion),
    axes: matrix.axes.map(toAxis),
    signals: SIGNAL_LISTS.flatMap((list) =>
      signals[list].map((s): Signal => ({id: s.id, list, text: s.text, why: s.why, weight: s.weight, failureClass: s.failure_class})),
    ),
    disqualifiers: disq.disqualifiers.map(toDisqualifier),
  };
}

function toCombine({disagreement_at, confidence_levels, baseline_spread, questions, ...rules}: z.output<typeof bankFileSchema>['combine']): CombineRules {
  const trimmed = {axis: questions.axis.trim(), signal: questions.signal.trim(), disqualifier: questions.disqualifier.trim()};
  return {...rules, disagreementAt: disagreement_at, confidenceLevels: confidence_levels, baselineSpread: baseline_spread, questions: trimmed};
}

function toContextQuestion({label, max_length, ...q}: z.output<typeof contextFileSchema>['questions'][number]): ContextQuestion {
  return {...q, label: label ?? labelFromId(q.id), maxLength: max_length};
}

function toAxis({manage_in_place, remediation_sprint, failure_class, why, baseline, ...a}: z.output<typeof matrixFileSchema>['axes'][number]): Axis {
  const axis: Axis = {...a, manageInPlace: manage_in_place, remediationSprint: remediation_sprint, failureClass: failure_class, why: why.trim()};
  if (baseline) {
    const {within_weeks, trigger_floor, unit_one, before_label, ...b} = baseline;
    axis.baseline = {...b, withinWeeks: within_weeks, triggerFloor: trigger_floor, unitOne: unit_one ?? b.unit, beforeLabel: before_label ?? 'before'};
  }
  return axis;
}

function toDisqualifier({applies_when, ...d}: z.output<typeof disqualifiersFileSchema>['disqualifiers'][number]): Disqualifier {
  return {...d, why: (d.why ?? d.explanation).trim(), appliesWhen: applies_when === 'yes'};
}

function toPlanStep({needs_budget, summary, ...s}: z.output<typeof bankFileSchema>['plans']['manage_in_place'][number]): PlanStep {
  return {...s, summary: summary.trim(), needsBudget: needs_budget};
}

function toCondition(c: z.output<typeof consistencyFileSchema>['rules'][number]['when'][number]): Condition {
  if ('axis' in c) return {axis: c.axis, atLeast: c.at_least, atMost: c.at_most};
  return c;
}

/** Every condition names an axis, signal or disqualifier the bank has. */
function checkConditions({matrix, signals, disq, consistency}: BankFiles, errors: SourceProblem[]): void {
  if (!consistency.data) return;
  const axes = new Set(matrix.data?.axes.map((a) => a.id));
  const sigs = new Set(SIGNAL_LISTS.flatMap((l) => signals.data?.[l].map((s) => s.id) ?? []));
  const dqs = new Set(disq.data?.disqualifiers.map((d) => d.id));
  consistency.data.rules.forEach((rule, i) => {
    rule.when.forEach((c, j) => {
      const at = ['rules', i, 'when', j];
      if ('axis' in c && matrix.data && !axes.has(c.axis)) errors.push(problemAt(consistency.source, at, `consistency rule "${rule.id}": "${c.axis}" is not an axis; allowed: ${[...axes].join(', ')}`));
      if ('signal' in c && signals.data && !sigs.has(c.signal)) errors.push(problemAt(consistency.source, at, `consistency rule "${rule.id}": "${c.signal}" is not a signal; allowed: ${[...sigs].join(', ')}`));
      if ('disqualifier' in c && disq.data && !dqs.has(c.disqualifier)) errors.push(problemAt(consistency.source, at, `consistency rule "${rule.id}": "${c.disqualifier}" is not a disqualifier; allowed: ${[...dqs].join(', ')}`));
      if ('checklists' in c && c.checklists === c.matrix) errors.push(problemAt(consistency.source, at, `consistency rule "${rule.id}": "checklists" and "matrix" must lean opposite ways, e.g. {checklists: manage-in-place, matrix: remediation-sprint}`));
    });
  });
}

/** A context question's label when the bank gives none: its id in words, "systems_used" -> "Systems used". */
export function labelFromId(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PLACEHOLDERS = new Set(['workflow', 'systems']);
/** A plan step's texts may also use its time box and the map's size. */
const PLAN_PLACEHOLDERS = new Set([...PLACEHOLDERS, 'weeks', 'handoffs']);

/** What each question put to the room may use (src/engine/combine.ts fills them). */
const COMBINE_PLACEHOLDERS = {
  axis: new Set(['title', 'low', 'high', 'workflow', 'manage_in_place', 'remediation_sprint', 'evidence']),
  signal: new Set(['text', 'count', 'workflow']),
  disqualifier: new Set(['title', 'count', 'prompt', 'prepare', 'workflow']),
};

/** The texts the report fills in ({workflow}, {systems}) name only placeholders that exist. */
function checkPlaceholders({matrix, signals, meta}: BankFiles, errors: SourceProblem[]): void {
  const check = (text: string, source: YamlSource, path: (string | number)[], owner: string, allowed = PLACEHOLDERS) => {
    for (const match of text.matchAll(/\{([^}]*)\}/g)) {
      if (!allowed.has(match[1]!)) errors.push(problemAt(source, path, `${owner}: "{${match[1]}}" is not a placeholder; use ${list([...allowed].map((p) => `{${p}}`), 'or')}`));
    }
  };
  const planKeys = ['owner', 'deliverable', 'exit', 'title', 'summary'] as const;
  meta.data?.path.forEach((step, i) => {
    for (const key of planKeys) check(step[key], meta.source, ['path', i, key], `path step "${step.id}"`, PLAN_PLACEHOLDERS);
  });
  for (const [list, steps] of Object.entries(meta.data?.plans ?? {})) {
    steps.forEach((step, i) => {
      for (const key of planKeys) check(step[key], meta.source, ['plans', list, i, key], `plan step "${step.id}"`, PLAN_PLACEHOLDERS);
    });
  }
  matrix.data?.axes.forEach((a, i) => {
    for (const key of ['recovery', 'failure_class'] as const) check(a[key], matrix.source, ['axes', i, key], `axis "${a.id}"`);
  });
  const questions = meta.data?.combine.questions;
  for (const kind of ['axis', 'signal', 'disqualifier'] as const) {
    if (questions) check(questions[kind], meta.source, ['combine', 'questions', kind], `combine question "${kind}"`, COMBINE_PLACEHOLDERS[kind]);
  }
  for (const list of SIGNAL_LISTS) {
    signals.data?.[list].forEach((s, i) => {
      if (s.failure_class) check(s.failure_class, signals.source, [list, i, 'failure_class'], `signal "${s.id}"`);
    });
  }
}
