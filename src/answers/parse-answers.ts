/**
 * Read an answers file (YAML or JSON) against a bank. Pure: text in,
 * `{answers, errors, warnings}` out. Every problem names the file, the line,
 * the field and what is allowed: the schema (./answers-schema.ts) says what
 * is wrong; the warnings here say what is left out.
 */
import {emptyAnswers, type Answers, type Bank, type Handoff, type PlanAnswers} from '../engine/types.js';
import {parseYamlSource, problemAt, type SourceProblem, type YamlSource} from '../yaml/yaml-source.js';
import {ANSWER_SECTIONS, answersSchema, fieldPath, isMap, VERSION_2_SECTIONS, type SchemaOptions} from './answers-schema.js';

export {questionIds} from './answers-schema.js';

export interface AnswersLoad {
  answers?: Answers;
  errors: SourceProblem[];
  warnings: SourceProblem[];
}

export type ParseOptions = SchemaOptions;

/** Top-level fields that are known but not part of the answers themselves. */
const KNOWN_EXTRA = new Set(['draft', 'bank', 'generated']);

export function parseAnswers(file: string, text: string, bank: Bank, options: ParseOptions = {}): AnswersLoad {
  const source = parseYamlSource(file, text);
  if (source.problems.length) return {errors: source.problems, warnings: []};
  return validateAnswers(source, bank, options);
}

export function validateAnswers(source: YamlSource, bank: Bank, options: ParseOptions = {}): AnswersLoad {
  const at = (path: readonly PropertyKey[], message: string) => problemAt(source, fieldPath(path), message);
  const result = schemaFor(bank, options).safeParse(source.value);
  const errors = result.success ? [] : result.error.issues.map((issue) => at(issue.path, issue.message));
  // The sections issue 10 added need version 2, so a tool that reads only version 1 refuses the file instead of dropping them.
  if (isMap(source.value) && source.value.version === 1) {
    for (const key of VERSION_2_SECTIONS) {
      if (source.value[key] !== undefined && source.value[key] !== null) errors.push(at([key], `"${key}" needs version 2 of the answers file: change the first line to "version: 2"`));
    }
  }
  const warnings = isMap(source.value) ? missingAnswers(source.value, bank, options, errors).map(([path, message]) => at(path, message)) : [];
  if (!result.success || errors.length) return {errors, warnings};
  return {answers: toAnswers(result.data), errors, warnings};
}

/** One schema per bank and mode: a batch reads many files against the same bank. */
const schemas = new WeakMap<Bank, Partial<Record<'full' | 'partial', ReturnType<typeof answersSchema>>>>();

function schemaFor(bank: Bank, options: ParseOptions): ReturnType<typeof answersSchema> {
  const mode = options.partial ? 'partial' : 'full';
  const cached = schemas.get(bank) ?? {};
  schemas.set(bank, cached);
  return (cached[mode] ??= answersSchema(bank, options));
}

/** What the file leaves out, said but not refused: unknown top-level fields, and (in a full answers file) axes and disqualifiers not answered. */
function missingAnswers(root: Record<string, unknown>, bank: Bank, options: ParseOptions, errors: SourceProblem[]): [string[], string][] {
  const warnings: [string[], string][] = [];
  for (const key of Object.keys(root)) {
    if (!(ANSWER_SECTIONS as readonly string[]).includes(key) && !KNOWN_EXTRA.has(key)) {
      warnings.push([[key], `"${key}" is not a known field and is ignored; the fields are ${ANSWER_SECTIONS.slice(0, -1).join(', ')} and ${ANSWER_SECTIONS.at(-1)}`]);
    }
  }
  if (options.partial) return warnings;
  const matrix = isMap(root.matrix) ? root.matrix : undefined;
  const axes = bank.axes.filter((a) => !matrix || !(a.id in matrix));
  if (axes.length) warnings.push([['matrix'], `no answer for ${axes.map((a) => a.id).join(', ')}: counted as unknown`]);
  const disq = isMap(root.disqualifiers) ? root.disqualifiers : undefined;
  const unanswered = bank.disqualifiers.filter((d) => !disq || typeof disq[d.id] !== 'boolean');
  if (unanswered.length && !errors.some((e) => e.field.startsWith('disqualifiers'))) {
    warnings.push([['disqualifiers'], `no answer for ${unanswered.map((d) => d.id).join(', ')}: counted as not applying, and listed as a gap to confirm`]);
  }
  return warnings;
}

/** The schema's output as Answers: every section present, answers left out not listed. */
function toAnswers(data: Record<string, unknown>): Answers {
  const given = (section: unknown) => Object.fromEntries(Object.entries((section ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined));
  const maps = ['context', 'matrix', 'signals', 'disqualifiers', 'notes', 'certainty'] as const;
  const answers = {...emptyAnswers(), ...Object.fromEntries(maps.map((key) => [key, given(data[key])]))} as Answers;
  answers.version = data.version === 2 ? 2 : 1;
  const baselines = given(data.baselines);
  if (Object.keys(baselines).length) answers.baselines = baselines as Answers['baselines'];
  if (Array.isArray(data.handoffs)) answers.handoffs = (data.handoffs as Record<string, unknown>[]).map((h) => given(h) as unknown as Handoff);
  const plan = given(data.plan) as PlanAnswers;
  if (plan.start !== undefined || plan.owners !== undefined) answers.plan = {...plan, ...(plan.owners ? {owners: given(plan.owners) as Record<string, string>} : {})};
  return answers;
}
