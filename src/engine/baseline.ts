/**
 * The baseline figure asked after a matrix answer (issue 10): the format hint,
 * parsing a typed figure, and the figure in words for the review. Pure; both
 * front ends and the session use it, so the rules are written once.
 */
import type {Answers, Axis, Baseline, BaselineSpec, Bank} from './types.js';

/** The largest figure the answers file takes. */
export const MAX_FIGURE = 1_000_000;

/** Typed alone, this clears a figure given before (blank keeps it). */
export const CLEAR_FIGURE = '-';

/** What parsing a typed figure gives: a figure, nothing typed (skip), clear the one stored, or why it was refused. */
export type FigureInput = {kind: 'figure'; value: Baseline} | {kind: 'skip'} | {kind: 'clear'} | {kind: 'error'; message: string};

/** The axis's figure spec, when the bank asks one after its answer. */
export function baselineOf(bank: Bank, axisId: string): BaselineSpec | undefined {
  return bank.axes.find((a: Axis) => a.id === axisId)?.baseline;
}

/** Is a figure asked after this answer? Only after a known value (1-5), never after "don't know". */
export function asksFigure(bank: Bank, axisId: string, value: unknown): boolean {
  return baselineOf(bank, axisId) !== undefined && typeof value === 'number';
}

/** The format, said to the user under the prompt; `stored`: a figure was given before (blank keeps it). */
export function figureHint(spec: BaselineSpec, stored = false): string {
  const format = spec.kind === 'number' ? `One number (${spec.unit}), e.g. 14.` : `Now and before (${spec.unit}), e.g. 6, 2.`;
  return `${format} ${stored ? `Blank keeps it; ${CLEAR_FIGURE} clears it.` : 'Blank skips.'}`;
}

/** One number as typed: digits, an optional decimal point; thousands may be grouped with commas (1,200). */
function readNumber(text: string): number | undefined {
  const t = text.trim();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(t)) return undefined;
  return Number(t);
}

function outOfRange(n: number): boolean {
  return !Number.isFinite(n) || n < 0 || n > MAX_FIGURE;
}

/**
 * A typed figure: blank skips, `-` clears; `number`: one number from 0 to 1,000,000;
 * `change`: two numbers, now then before ("6, 2", "6 2", "now 6 before 2", "before 2 now 6").
 */
export function parseFigure(spec: BaselineSpec, text: string): FigureInput {
  const t = text.trim();
  if (!t) return {kind: 'skip'};
  if (t === CLEAR_FIGURE) return {kind: 'clear'};
  const range = `from 0 to ${MAX_FIGURE.toLocaleString('en-GB')}`;
  if (spec.kind === 'number') {
    const n = readNumber(t);
    if (n === undefined) return {kind: 'error', message: `"${t}" is not a number: type one number of ${spec.unit} ${range}, e.g. 14, or leave it blank.`};
    if (outOfRange(n)) return {kind: 'error', message: `${t} is too large: type a number of ${spec.unit} ${range}.`};
    return {kind: 'figure', value: n};
  }
  const example = `e.g. "6, 2" or "now 6 before 2"`;
  const refused: FigureInput = {kind: 'error', message: `Type two numbers of ${spec.unit}, now then before, ${example}, or leave it blank.`};
  const lower = t.toLowerCase();
  let now: number | undefined;
  let before: number | undefined;
  const named = /^(now|before)\s*:?\s*([\d.]+(?:,\d{3})*)\s*[,;]?\s*(now|before)\s*:?\s*([\d.]+(?:,\d{3})*)$/.exec(lower);
  if (named) {
    if (named[1] === named[3]) return refused;
    const first = readNumber(named[2]!);
    const second = readNumber(named[4]!);
    [now, before] = named[1] === 'now' ? [first, second] : [second, first];
  } else {
    const parts = lower.split(/\s*[,;/]\s*|\s+/).filter(Boolean);
    if (parts.length !== 2) return refused;
    [now, before] = parts.map(readNumber);
  }
  if (now === undefined || before === undefined) return refused;
  if (outOfRange(now) || outOfRange(before)) return {kind: 'error', message: `Each figure must be ${range} ${spec.unit}.`};
  return {kind: 'figure', value: {now, before}};
}

/** A number as a person writes it: 14, 7.5, 1,200. */
function show(n: number): string {
  return n.toLocaleString('en-GB', {maximumFractionDigits: 2});
}

/** A number with the bank's unit: "14 failures in four weeks", "1 failure in four weeks". */
export function quantity(spec: BaselineSpec, n: number): string {
  return `${show(n)} ${n === 1 ? spec.unitOne : spec.unit}`;
}

/**
 * The figure in words, with its unit: "14 failures in four weeks"; "6 days now, 2 days six months ago".
 * The one wording of a figure: the review, the report, the why and --compare all use it.
 */
export function describeFigure(spec: BaselineSpec, value: Baseline): string {
  if (typeof value === 'number') return quantity(spec, value);
  return `${quantity(spec, value.now)} now, ${quantity(spec, value.before)} ${spec.beforeLabel}`;
}

/** The figure as it is typed, to prefill the field when the answer is changed: "14", "6, 2". */
export function figureText(value: Baseline | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? String(value) : `${value.now}, ${value.before}`;
}

/** The stored figure of an axis in words, for the review; undefined when none is given. */
export function figureOf(bank: Bank, answers: Answers, axisId: string): string | undefined {
  const spec = baselineOf(bank, axisId);
  const value = answers.baselines?.[axisId];
  return spec && value !== undefined ? describeFigure(spec, value) : undefined;
}

/** Store (or with undefined, remove) an axis's figure. The map is left out once empty. */
export function setFigure(answers: Answers, axisId: string, value: Baseline | undefined): Answers {
  const baselines = {...answers.baselines};
  if (value === undefined) delete baselines[axisId];
  else baselines[axisId] = typeof value === 'number' ? value : {now: value.now, before: value.before};
  const next: Answers = {...answers, baselines};
  if (!Object.keys(baselines).length) delete next.baselines;
  return next;
}
