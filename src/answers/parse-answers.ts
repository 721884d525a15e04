/**
 * Read an answers file (YAML or JSON) against a bank. Pure: text in,
 * `{answers, errors, warnings}` out. Every problem names the file, the line,
 * the field and what is allowed.
 */
import {parseYamlSource, type SourceProblem, type YamlSource} from '../yaml/yaml-source.js';
import {MAX_LIST_ITEMS, MAX_NOTE_LENGTH, textLength} from '../engine/interview.js';
import {
  CERTAINTIES,
  emptyAnswers,
  SCALE_VALUES,
  SIGNAL_LISTS,
  type Answers,
  type Bank,
  type Certainty,
  type SignalList,
} from '../engine/types.js';

export interface AnswersLoad {
  answers?: Answers;
  errors: SourceProblem[];
  warnings: SourceProblem[];
}

export interface ParseOptions {
  /** A draft may be incomplete: missing required answers are not errors. */
  partial?: boolean;
}

/** Top-level fields that are known but not part of the answers themselves. */
const KNOWN_EXTRA = new Set(['draft', 'bank', 'generated']);

/** Every id a note or a certainty may be keyed by. */
export function questionIds(bank: Bank): string[] {
  return [
    ...bank.context.map((q) => q.id),
    ...bank.axes.map((a) => a.id),
    ...SIGNAL_LISTS,
    ...bank.signals.map((s) => s.id),
    ...bank.disqualifiers.map((d) => d.id),
  ];
}

export function parseAnswers(file: string, text: string, bank: Bank, options: ParseOptions = {}): AnswersLoad {
  const source = parseYamlSource(file, text);
  if (source.problems.length) return {errors: source.problems, warnings: []};
  return validateAnswers(source, bank, options);
}

export function validateAnswers(source: YamlSource, bank: Bank, options: ParseOptions = {}): AnswersLoad {
  const errors: SourceProblem[] = [];
  const warnings: SourceProblem[] = [];
  const at = (path: (string | number)[], message: string, into = errors) =>
    into.push({file: source.file, line: source.lineOf(path), field: path.join('.') || '(top level)', message});
  const answers = emptyAnswers();
  const root = source.value;

  if (!isMap(root)) {
    at([], 'must be a map of fields, starting with "version: 1", e.g.\nversion: 1\ncontext:\n  organisation: Acme Ltd');
    return {errors, warnings};
  }

  if (root.version !== 1) {
    at(['version'], root.version === undefined ? '"version" is missing: it must be 1, e.g. version: 1' : `"version" must be 1 (found ${show(root.version)})`);
  }
  for (const key of Object.keys(root)) {
    if (!['version', 'context', 'matrix', 'signals', 'disqualifiers', 'notes', 'certainty'].includes(key) && !KNOWN_EXTRA.has(key)) {
      at([key], `"${key}" is not a known field and is ignored; the fields are version, context, matrix, signals, disqualifiers, notes and certainty`, warnings);
    }
  }

  // context (an empty "context:" is an empty map: its required questions are still missing)
  const context = section(root, 'context', at) ?? (root.context === null ? {} : undefined);
  if (context) {
    for (const key of Object.keys(context)) {
      if (!bank.context.some((q) => q.id === key)) at(['context', key], `"${key}" is not a context question; allowed: ${bank.context.map((q) => q.id).join(', ')}`);
    }
    for (const q of bank.context) {
      const value = context[q.id];
      const path = ['context', q.id];
      // Blank text or an empty list is no answer: a required one is missing (except in a draft).
      const missing = () => {
        if (q.required && !options.partial) at(path, `"${q.id}" is missing: ${q.prompt.replace(/\?.*$/, '?')} e.g. ${q.id}: ${q.kind === 'list' ? `[${q.placeholder ?? 'HubSpot, Gmail'}]` : q.choices ? q.choices[0]!.value : q.placeholder ?? 'text'}`);
      };
      if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
        // A skipped optional text answer is kept as '' (answered: skipped), so a resumed draft counts it and a
        // report's embedded answers read back exactly as they were written.
        if (typeof value === 'string' && q.kind === 'text' && !q.required) (answers.context as Record<string, unknown>)[q.id] = '';
        else missing();
        continue;
      }
      if (q.kind === 'list') {
        const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
        if (!items || items.some((i) => typeof i !== 'string' && typeof i !== 'number')) {
          at(path, `"${q.id}" must be a list of names, e.g. ${q.id}: [HubSpot, Gmail, NetSuite]`);
          continue;
        }
        const names = items.map((i) => String(i).trim()).filter(Boolean);
        if (names.length === 0) {
          missing();
          continue;
        }
        if (names.length > MAX_LIST_ITEMS) at(path, `"${q.id}" lists ${names.length} items; at most ${MAX_LIST_ITEMS} are allowed`);
        const long = names.find((n) => textLength(n) > q.maxLength);
        if (long) at(path, `"${q.id}": each item must be at most ${q.maxLength} characters (one has ${textLength(long)})`);
        if (q.id === 'systems') answers.context.systems = names;
        else (answers.context as Record<string, unknown>)[q.id] = names;
        continue;
      }
      if (typeof value !== 'string' && typeof value !== 'number') {
        at(path, `"${q.id}" must be text${q.placeholder ? `, e.g. ${q.id}: ${q.placeholder}` : ''}`);
        continue;
      }
      const textValue = String(value).trim();
      if (textLength(textValue) > q.maxLength) {
        at(path, `"${q.id}" must be at most ${q.maxLength} characters (found ${textLength(textValue)})`);
        continue;
      }
      if (q.kind === 'choice' && !q.choices!.some((c) => c.value === textValue)) {
        at(path, `"${q.id}" must be one of ${q.choices!.map((c) => c.value).join(', ')} (found ${show(value)})`);
        continue;
      }
      (answers.context as Record<string, unknown>)[q.id] = textValue;
    }
  } else if (!options.partial && root.context === undefined) {
    at(['context'], '"context" is missing: it names the organisation, role, workflow and systems, e.g.\ncontext:\n  organisation: Acme Ltd\n  role: consultant\n  workflow: Sales-to-operations handoff\n  systems: [HubSpot, Gmail, NetSuite]');
  }

  // matrix
  const matrix = section(root, 'matrix', at);
  if (matrix) {
    for (const key of Object.keys(matrix)) {
      const path = ['matrix', key];
      if (!bank.axes.some((a) => a.id === key)) {
        at(path, `"${key}" is not a matrix axis; allowed: ${bank.axes.map((a) => a.id).join(', ')}`);
        continue;
      }
      const value = matrix[key];
      if (value === 'unknown' || value === null) answers.matrix[key] = 'unknown';
      else if (typeof value === 'number' && (SCALE_VALUES as readonly number[]).includes(value)) answers.matrix[key] = value as 1;
      else at(path, `"${key}" must be 1, 2, 3, 4, 5 or unknown (found ${show(value)}); 1 means the manage-in-place statement describes you, 5 the remediation-sprint statement`);
    }
  }
  if (!options.partial) {
    const missing = bank.axes.filter((a) => !matrix || !(a.id in matrix));
    if (missing.length) at(['matrix'], `no answer for ${missing.map((a) => a.id).join(', ')}: counted as unknown`, warnings);
  }

  // signals
  const signals = section(root, 'signals', at);
  if (signals) {
    for (const key of Object.keys(signals)) {
      if (!(SIGNAL_LISTS as readonly string[]).includes(key)) at(['signals', key], `"${key}" is not a signal checklist; allowed: ${SIGNAL_LISTS.join(', ')}`);
    }
    for (const listName of SIGNAL_LISTS) {
      const value = signals[listName];
      if (value === undefined || value === null) continue;
      const allowed = bank.signals.filter((s) => s.list === listName).map((s) => s.id);
      if (!Array.isArray(value)) {
        at(['signals', listName], `"${listName}" must be a list of signal ids, e.g. ${listName}: [${allowed[0]}]; allowed: ${allowed.join(', ')}`);
        continue;
      }
      const seen = new Set<string>();
      answers.signals[listName as SignalList] = [];
      value.forEach((id, i) => {
        if (typeof id !== 'string' || !allowed.includes(id)) {
          at(['signals', listName, i], `${show(id)} is not a ${listName} signal; allowed: ${allowed.join(', ')}`);
        } else if (!seen.has(id)) {
          seen.add(id);
          answers.signals[listName as SignalList]!.push(id);
        }
      });
    }
  }

  // disqualifiers
  const disq = section(root, 'disqualifiers', at);
  if (disq) {
    for (const key of Object.keys(disq)) {
      const path = ['disqualifiers', key];
      if (!bank.disqualifiers.some((d) => d.id === key)) {
        at(path, `"${key}" is not a disqualifier; allowed: ${bank.disqualifiers.map((d) => d.id).join(', ')}`);
        continue;
      }
      const value = disq[key];
      if (typeof value === 'boolean') answers.disqualifiers[key] = value;
      else if (value !== null) at(path, `"${key}" must be true (the disqualifier applies) or false (found ${show(value)})`);
    }
  }
  if (!options.partial) {
    const missing = bank.disqualifiers.filter((d) => !disq || typeof disq[d.id] !== 'boolean');
    if (missing.length && !errors.some((e) => e.field.startsWith('disqualifiers'))) {
      at(['disqualifiers'], `no answer for ${missing.map((d) => d.id).join(', ')}: counted as not applying, and listed as a gap to confirm`, warnings);
    }
  }

  // notes and certainty, keyed by any question id
  const ids = questionIds(bank);
  const notes = section(root, 'notes', at);
  if (notes) {
    for (const [key, value] of Object.entries(notes)) {
      if (!ids.includes(key)) at(['notes', key], `"${key}" is not a question id; a note belongs to one of: ${ids.join(', ')}`);
      else if (value === null || value === '') continue;
      else if (typeof value !== 'string' && typeof value !== 'number') at(['notes', key], `the note on "${key}" must be text, e.g. ${key}: Three escalations last week`);
      else if (textLength(String(value)) > MAX_NOTE_LENGTH) at(['notes', key], `the note on "${key}" must be at most ${MAX_NOTE_LENGTH} characters (found ${textLength(String(value))})`);
      else answers.notes[key] = String(value);
    }
  }
  const certainty = section(root, 'certainty', at);
  if (certainty) {
    for (const [key, value] of Object.entries(certainty)) {
      if (!ids.includes(key)) at(['certainty', key], `"${key}" is not a question id; certainty belongs to one of: ${ids.join(', ')}`);
      else if (value === null) continue;
      else if (!CERTAINTIES.includes(value as Certainty)) at(['certainty', key], `the certainty of "${key}" must be one of ${CERTAINTIES.join(', ')} (found ${show(value)})`);
      else answers.certainty[key] = value as Certainty;
    }
  }

  return errors.length ? {errors, warnings} : {answers, errors, warnings};
}

type At = (path: (string | number)[], message: string, into?: SourceProblem[]) => void;

function section(root: Record<string, unknown>, key: string, at: At): Record<string, unknown> | undefined {
  const value = root[key];
  if (value === undefined || value === null) return undefined;
  if (!isMap(value)) {
    at([key], `"${key}" must be a map of fields (found ${show(value)})`);
    return undefined;
  }
  return value;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value as it appears in a message, cut short. */
function show(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : isMap(value) ? 'a map' : String(value);
  } catch {
    s = typeof value;
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
