/**
 * The answers file's schema, built from a bank: which fields there are, what
 * each allows, and the message when it is broken (the field, what is allowed,
 * an example). Validated with zod like the bank (src/bank/bank-schema.ts), in
 * its small form (zod/mini), because every --answers run loads it.
 *
 * Every message is final here: an issue's path is its field, its message is
 * what the user reads.
 */
import * as z from 'zod/mini';
import {MAX_LIST_ITEMS, MAX_NOTE_LENGTH, textLength} from '../engine/interview.js';
import {CERTAINTIES, SCALE_VALUES, SIGNAL_LISTS, type Bank, type ContextQuestion} from '../engine/types.js';

/** The answers' sections, in the order of the file. */
export const ANSWER_SECTIONS = ['version', 'context', 'matrix', 'signals', 'disqualifiers', 'notes', 'certainty'] as const;

export interface SchemaOptions {
  /** A draft may be incomplete: missing required answers are not errors. */
  partial?: boolean;
}

/** A field's message, from the value found (undefined when it is missing) and the field's path. */
type Message = (found: unknown, path: readonly PropertyKey[]) => string;

const error = (message: Message) => ({error: (issue: {input?: unknown; path?: PropertyKey[]}) => message(issue.input, issue.path ?? [])});

/**
 * zod reads a map's inherited keys too (a YAML !!binary value is a Buffer,
 * with enumerable methods) and passes over a key named "__proto__" (so that
 * it cannot replace the output's prototype). mapOf reads a copy of the map's
 * own keys, with "__proto__" renamed, so that it is refused like any other
 * unknown key; fieldPath names it back.
 */
const PROTO = '__proto__';
const PROTO_RENAMED = '\u0000__proto__';

/** An issue's path as the user wrote it. */
export const fieldPath = (path: readonly PropertyKey[]): (string | number)[] =>
  path.map((key) => (key === PROTO_RENAMED ? PROTO : typeof key === 'symbol' ? String(key) : key));

/** The field's own name: the last key of its path. */
const keyOf = (path: readonly PropertyKey[]) => String(fieldPath(path).at(-1));

function ownKeys(value: unknown): unknown {
  if (!isMap(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key === PROTO ? PROTO_RENAMED : key, v]));
}

/** `schema`, where `isNothing` values (null by default) count as no answer and are left out. */
function orNothing<S extends z.ZodMiniType>(schema: S, isNothing: (value: unknown) => boolean = (value) => value === null) {
  return z.pipe(
    z.transform((value: unknown) => (isNothing(value) ? undefined : value)),
    z.optional(schema),
  );
}

/**
 * A map of the given fields. Any other key is refused with `unknownKey`, and
 * a value that is not a map with `notAMap` (or "must be a map of fields").
 */
function mapOf(name: string, fields: Record<string, z.ZodMiniType>, unknownKey: Message, notAMap?: Message) {
  const mustBeMap: Message = (found) => `"${name}" must be a map of fields (found ${show(found)})`;
  return z.pipe(z.transform(ownKeys), z.catchall(z.object(fields, error(notAMap ?? mustBeMap)), z.custom(() => false, error(unknownKey))));
}

/** One field per id, each checked by `field(id)`. */
function fieldsFor(ids: readonly string[], field: (id: string) => z.ZodMiniType): Record<string, z.ZodMiniType> {
  return Object.fromEntries(ids.map((id) => [id, field(id)]));
}

/** Text, or a number read as text (any number: YAML's .nan and .inf too). */
const textOrNumber = (message: Message) => z.custom<string | number>((value) => typeof value === 'string' || typeof value === 'number', error(message));

/** Blank text, an empty list or no value: no answer. */
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && !value.trim());

function contextAnswer(q: ContextQuestion, options: SchemaOptions) {
  const example = q.kind === 'list' ? `[${q.placeholder ?? 'HubSpot, Gmail'}]` : q.choices ? q.choices[0]!.value : (q.placeholder ?? 'text');
  const missing = `"${q.id}" is missing: ${q.prompt.replace(/\?.*$/, '?')} e.g. ${q.id}: ${example}`;
  const answer = q.kind === 'list' ? listAnswer(q, missing) : textAnswer(q, missing);
  // A skipped optional text answer is kept as '' (answered: skipped), so a resumed draft counts it and a
  // report's embedded answers read back exactly as they were written.
  const skippable = q.kind === 'text' && !q.required;
  const given = (value: unknown) => (q.kind === 'list' ? listNames(value) : value);
  return z.pipe(
    z.transform((value: unknown) => (isBlank(given(value)) ? (skippable && typeof value === 'string' ? '' : undefined) : given(value))),
    q.required && !options.partial ? answer : z.optional(answer),
  );
}

/** A list, or one comma-separated line, as its names: blank names dropped, none left is no answer. Anything else is returned as it is, to be refused. */
function listNames(value: unknown): unknown {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : null;
  if (!items || items.some((i) => typeof i !== 'string' && typeof i !== 'number')) return value;
  const names = items.map((i) => String(i).trim()).filter(Boolean);
  return names.length ? names : undefined;
}

/** Text or a number, trimmed; at most maxLength characters; for a choice, one of its values. */
function textAnswer(q: ContextQuestion, missing: string) {
  const text = textOrNumber((found) => (found === undefined ? missing : `"${q.id}" must be text${q.placeholder ? `, e.g. ${q.id}: ${q.placeholder}` : ''}`));
  const trimmed = (value: string | number) => String(value).trim();
  const checked = text.check(
    z.refine((value) => textLength(trimmed(value)) <= q.maxLength, {
      ...error((found) => `"${q.id}" must be at most ${q.maxLength} characters (found ${textLength(trimmed(found as string))})`),
      abort: true,
    }),
    z.refine((value) => q.kind !== 'choice' || q.choices!.some((c) => c.value === trimmed(value)), error((found) => `"${q.id}" must be one of ${q.choices!.map((c) => c.value).join(', ')} (found ${show(found)})`)),
  );
  return z.pipe(checked, z.transform(trimmed));
}

/** Names (see listNames): at most MAX_LIST_ITEMS, each at most maxLength characters. */
function listAnswer(q: ContextQuestion, missing: string) {
  const list = z.custom<string[]>(
    (value) => Array.isArray(value) && value.every((i) => typeof i === 'string'),
    error((found) => (found === undefined ? missing : `"${q.id}" must be a list of names, e.g. ${q.id}: [HubSpot, Gmail, NetSuite]`)),
  );
  const long = (items: string[]) => items.find((n) => textLength(n) > q.maxLength);
  return list.check(
    z.refine((items) => items.length <= MAX_LIST_ITEMS, error((found) => `"${q.id}" lists ${(found as string[]).length} items; at most ${MAX_LIST_ITEMS} are allowed`)),
    z.refine((items) => !long(items), error((found) => `"${q.id}": each item must be at most ${q.maxLength} characters (one has ${textLength(long(found as string[])!)})`)),
  );
}

/** 1 to 5, or "unknown" (also written as no value). */
const axisAnswer = z.union(
  [z.literal('unknown'), z.pipe(z.null(), z.transform(() => 'unknown' as const)), z.union(SCALE_VALUES.map((v) => z.literal(v)))],
  error((found, path) => `"${keyOf(path)}" must be 1, 2, 3, 4, 5 or unknown (found ${show(found)}); 1 means the manage-in-place statement describes you, 5 the remediation-sprint statement`),
);

/** A checklist: the ids of the signals observed, each once. */
function signalList(bank: Bank, list: string) {
  const allowed = bank.signals.filter((s) => s.list === list).map((s) => s.id);
  const id = z.custom<string>((value) => typeof value === 'string' && allowed.includes(value), error((found) => `${show(found)} is not a ${list} signal; allowed: ${allowed.join(', ')}`));
  const ids = z.array(id, error(() => `"${list}" must be a list of signal ids, e.g. ${list}: [${allowed[0]}]; allowed: ${allowed.join(', ')}`));
  return orNothing(z.pipe(ids, z.transform((items: string[]) => [...new Set(items)])));
}

const disqualifierAnswer = orNothing(z.boolean(error((found, path) => `"${keyOf(path)}" must be true (the disqualifier applies) or false (found ${show(found)})`)));

const note = orNothing(
  z.pipe(
    textOrNumber((_found, path) => `the note on "${keyOf(path)}" must be text, e.g. ${keyOf(path)}: Three escalations last week`),
    z.transform(String),
  ).check(z.refine((text) => textLength(text) <= MAX_NOTE_LENGTH, error((found, path) => `the note on "${keyOf(path)}" must be at most ${MAX_NOTE_LENGTH} characters (found ${textLength(String(found))})`))),
  (value) => value === null || value === '',
);

const certainty = orNothing(z.enum(CERTAINTIES as readonly string[] as [string, ...string[]], error((found, path) => `the certainty of "${keyOf(path)}" must be one of ${CERTAINTIES.join(', ')} (found ${show(found)})`)));

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

const CONTEXT_MISSING =
  '"context" is missing: it names the organisation, role, workflow and systems, e.g.\ncontext:\n  organisation: Acme Ltd\n  role: consultant\n  workflow: Sales-to-operations handoff\n  systems: [HubSpot, Gmail, NetSuite]';

function contextSection(bank: Bank, options: SchemaOptions) {
  const ids = bank.context.map((q) => q.id);
  const context = mapOf(
    'context',
    Object.fromEntries(bank.context.map((q) => [q.id, contextAnswer(q, options)])),
    (_found, path) => `"${keyOf(path)}" is not a context question; allowed: ${ids.join(', ')}`,
    (found) => (found === undefined ? CONTEXT_MISSING : `"context" must be a map of fields (found ${show(found)})`),
  );
  // An empty "context:" is an empty map: its required questions are still missing.
  const section = z.pipe(z.transform((value: unknown): unknown => (value === null ? {} : value)), context);
  return options.partial ? z.optional(section) : section;
}

/** The schema of an answers file for `bank`; its output holds only the answers given. */
export function answersSchema(bank: Bank, options: SchemaOptions = {}) {
  const ids = questionIds(bank);
  const axisIds = bank.axes.map((a) => a.id);
  const disqualifierIds = bank.disqualifiers.map((d) => d.id);
  return z.object(
    {
      version: z.literal(1, error((found) => (found === undefined ? '"version" is missing: it must be 1, e.g. version: 1' : `"version" must be 1 (found ${show(found)})`))),
      context: contextSection(bank, options),
      matrix: orNothing(mapOf('matrix', fieldsFor(axisIds, () => z.optional(axisAnswer)), (_found, path) => `"${keyOf(path)}" is not a matrix axis; allowed: ${axisIds.join(', ')}`)),
      signals: orNothing(mapOf('signals', fieldsFor(SIGNAL_LISTS, (list) => signalList(bank, list)), (_found, path) => `"${keyOf(path)}" is not a signal checklist; allowed: ${SIGNAL_LISTS.join(', ')}`)),
      disqualifiers: orNothing(mapOf('disqualifiers', fieldsFor(disqualifierIds, () => disqualifierAnswer), (_found, path) => `"${keyOf(path)}" is not a disqualifier; allowed: ${disqualifierIds.join(', ')}`)),
      notes: orNothing(mapOf('notes', fieldsFor(ids, () => note), (_found, path) => `"${keyOf(path)}" is not a question id; a note belongs to one of: ${ids.join(', ')}`)),
      certainty: orNothing(mapOf('certainty', fieldsFor(ids, () => certainty), (_found, path) => `"${keyOf(path)}" is not a question id; certainty belongs to one of: ${ids.join(', ')}`)),
    },
    error(() => 'must be a map of fields, starting with "version: 1", e.g.\nversion: 1\ncontext:\n  organisation: Acme Ltd'),
  );
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value as it appears in a message, cut short. */
export function show(value: unknown): string {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? 'a list' : isMap(value) ? 'a map' : String(value);
  } catch {
    s = typeof value;
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
