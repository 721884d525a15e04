/**
 * Read "an assessment" from whatever the user has: an answers file (YAML or
 * JSON), a saved draft, or a markdown or HTML report carrying its data block.
 */
import {parseAnswers, validateAnswers, type AnswersLoad} from '../answers/parse-answers.js';
import {parseYamlSource, type SourceProblem} from '../yaml/yaml-source.js';
import type {Answers, Bank} from '../engine/types.js';
import {findBlock, findPdfBlock, isPdf, type EmbeddedData} from './embed.js';
import {describeSize, SIZE_CAPS} from '../files/read-text.js';

export interface AssessmentLoad extends AnswersLoad {
  /** Set when the text was a report: its embedded data (date, template, verdict). */
  embedded?: EmbeddedData;
}

/** `content` is text, or the bytes of a PDF report. */
export function readAssessment(file: string, content: string | Uint8Array, bank: Bank, options: {partial?: boolean} = {}): AssessmentLoad {
  if (typeof content !== 'string') return readPdfAssessment(file, content, bank);
  const text = content;
  const found = findBlock(text);
  if (!found) return parseAnswers(file, text, bank, options);
  const problem = (message: string): SourceProblem => ({file, field: '(report)', message});
  if (!found.data) return {errors: [problem(found.problem ?? 'the embedded data is not readable')], warnings: []};
  const {answers, problems} = embeddedAnswers(file, found.data, bank);
  if (!answers) return {errors: problems.map((p) => problem(`embedded answers: ${p}`)), warnings: []};
  return {answers, errors: [], warnings: [], embedded: found.data};
}

/** A PDF report: the answers of its data block (a PDF without one is not an answers file). */
function readPdfAssessment(file: string, bytes: Uint8Array, bank: Bank): AssessmentLoad {
  const problem = (message: string): SourceProblem => ({file, field: '(report)', message});
  const found = isPdf(bytes) ? findPdfBlock(bytes) : undefined;
  if (!found) return {errors: [problem('is a PDF without handoff-assess data: only a PDF report made by handoff-assess (--format pdf) can be read, and only as it was written')], warnings: []};
  if (!found.data) return {errors: [problem(found.problem ?? 'the embedded data is not readable')], warnings: []};
  const {answers, problems} = embeddedAnswers(file, found.data, bank);
  if (!answers) return {errors: problems.map((p) => problem(`embedded answers: ${p}`)), warnings: []};
  return {answers, errors: [], warnings: [], embedded: found.data};
}

/** Answers recorded in a report's block, validated against a bank. */
export function embeddedAnswers(file: string, data: EmbeddedData, bank: Bank): {answers?: Answers; problems: string[]} {
  const json = JSON.stringify(data.answers);
  // The cap of an answers file holds for the answers a report carries, before they are parsed.
  const bytes = Buffer.byteLength(json);
  if (bytes > SIZE_CAPS.answers) return {problems: [`they are ${describeSize(bytes)}; answers may be at most ${describeSize(SIZE_CAPS.answers)}`]};
  const source = parseYamlSource(`${file} (embedded answers)`, json);
  const {answers, errors} = validateAnswers(source, bank);
  return {answers, problems: errors.map((e) => `${e.field}: ${e.message}`)};
}
