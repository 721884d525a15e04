/**
 * Read an answers file (YAML or JSON) against a bank. Pure: text in,
 * `{answers, errors, warnings}` out. Every problem names the file, the line,
 * the field and what is allowed: the schema (./answers-schema.ts) says what
 * is wrong; the warnings here say what is left out.
 */
import {emptyAnswers, type Answers, type Bank} from '../engine/types.js';
import {parseYamlSource, problemAt, type SourceProblem, type YamlSource} from '../yaml/yaml-source.js';
import {ANSWER_SECTIONS, answersSchema, fieldPath, isMap, type SchemaOptions} from './answers-schema.js';

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
  const warnings = isMap(source.value) ? missingAnswers(source.value, bank, options, errors).map(([path, message]) => at(path, message)) : [];
  if (!result.success) return {errors, warnings};
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
      warnings.push([[key], `"${key}" is not a known field and is ignored; the fields are version, context, matrix, signals, disqualifiers, notes and certainty`]);
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
  const sections = ANSWER_SECTIONS.filter((key) => key !== 'version').map((key) => [key, given(data[key])]);
  return {...emptyAnswers(), ...Object.fromEntries(sections)} as Answers;
}
