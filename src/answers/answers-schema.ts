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
import {CERTAINTIES, MAX_HANDOFFS, SCALE_VALUES, SIGNAL_LISTS, type Bank, type ContextQuestion} from '../engine/types.js';

/** The answers' sections, in the order of the file. */
export const ANSWER_SECTIONS = ['version', 'context', 'matrix', 'signals', 'disqualifiers', 'notes', 'certainty', 'handoffs', 'baselines', 'plan'] as const;

/** The sections a version 1 file cannot hold (issue 10): a file with any of them says version: 2. */
export const VERSION_2_SECTIONS = ['handoffs', 'baselines', 'plan'] as const;

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

/** Short text in a handoff: at most 120 characters; a number is read as text. */
const HANDOFF_TEXT_MAX = 120;
function handoffText(field: string, required: boolean) {
  const text = z.pipe(
    textOrNumber((found, path) => (found === undefined ? `handoff ${handoffNumber(path)}: "${field}" is missing, e.g. ${field}: ${HANDOFF_EXAMPLE[field]}` : `handoff ${handoffNumber(path)}: "${field}" must be text, e.g. ${field}: ${HANDOFF_EXAMPLE[field]}`)),
    z.transform((v: string | number) => String(v).trim()),
  ).check(
    z.refine((v: string) => textLength(v) <= HANDOFF_TEXT_MAX, error((found, path) => `handoff ${handoffNumber(path)}: "${field}" must be at most ${HANDOFF_TEXT_MAX} characters (found ${textLength(String(found))})`)),
    z.refine((v: string) => !required || v.length > 0, error((_found, path) => `handoff ${handoffNumber(path)}: "${field}" must not be blank, e.g. ${field}: ${HANDOFF_EXAMPLE[field]}`)),
  );
  return required ? text : z.pipe(z.transform((v: unknown) => (v === null || v === undefined ? '' : v)), text);
}

const HANDOFF_EXAMPLE: Record<string, string> = {
  from: 'Shopify',
  to: 'NetSuite',
  record: 'order',
  owner: 'Finance operations',
  required_fields: '[SKU, tax code, customer id]',
  when_missing: 'Order waits in an error queue until someone notices',
  failures: '14',
  critical_path: 'true',
};

/** "3" for the third handoff, from an issue's path (handoffs, 2, field). */
function handoffNumber(path: readonly PropertyKey[]): string {
  const i = fieldPath(path)[1];
  return typeof i === 'number' ? String(i + 1) : '?';
}

const HANDOFF_FIELD_NAMES = Object.keys(HANDOFF_EXAMPLE);

const handoff = mapOf(
  'handoff',
  {
    from: handoffText('from', true),
    to: handoffText('to', true),
    record: handoffText('record', true),
    owner: handoffText('owner', false),
    required_fields: z.pipe(
      // An empty list (none agreed) stays an empty list: a draft writes `required_fields: []`.
      z.transform((value: unknown) => (value === null || value === undefined ? [] : (listNames(value) ?? []))),
      z.custom<string[]>(
        (value) => Array.isArray(value) && value.length <= 30 && value.every((v) => typeof v === 'string' && textLength(v) <= HANDOFF_TEXT_MAX),
        error((_found, path) => `handoff ${handoffNumber(path)}: "required_fields" must be a list of at most 30 field names, e.g. required_fields: ${HANDOFF_EXAMPLE.required_fields}`),
      ),
    ),
    when_missing: handoffText('when_missing', false),
    failures: orNothing(
      z.number(error((found, path) => `handoff ${handoffNumber(path)}: "failures" must be a whole number from 0 to 100000, the failures in the last four weeks (found ${show(found)})`)).check(
        z.refine((n: number) => Number.isInteger(n) && n >= 0 && n <= 100_000, error((found, path) => `handoff ${handoffNumber(path)}: "failures" must be a whole number from 0 to 100000, the failures in the last four weeks (found ${show(found)})`)),
      ),
    ),
    critical_path: orNothing(z.boolean(error((found, path) => `handoff ${handoffNumber(path)}: "critical_path" must be true or false (found ${show(found)})`))),
  },
  (_found, path) => `handoff ${handoffNumber(path)}: "${keyOf(path)}" is not a handoff field; allowed: ${HANDOFF_FIELD_NAMES.join(', ')}`,
  (_found, path) => `handoff ${handoffNumber(path)} must be a map of fields, e.g. {from: Shopify, to: NetSuite, record: order, owner: Finance operations}`,
);

const handoffs = orNothing(
  z.array(handoff, error(() => `"handoffs" must be a list of handoffs, e.g.\nhandoffs:\n  - {from: Shopify, to: NetSuite, record: order, owner: Finance operations, required_fields: [SKU, tax code]}`)).check(
    z.refine((items) => items.length <= MAX_HANDOFFS, error((found) => `"handoffs" lists ${(found as unknown[]).length} handoffs; at most ${MAX_HANDOFFS} are allowed`)),
  ),
);

/** A baseline figure: a number from 0 to 1,000,000 (change axes: {now, before}). */
const MAX_FIGURE = 1_000_000;
const figure = (message: Message) => z.number(error(message)).check(z.refine((n: number) => Number.isFinite(n) && n >= 0 && n <= MAX_FIGURE, error(message)));

function baselinesSection(bank: Bank) {
  const withFigure = bank.axes.filter((a) => a.baseline);
  const fields = Object.fromEntries(
    withFigure.map((a) => {
      const b = a.baseline!;
      const numberMessage: Message = (found) => `"${a.id}" must be a number from 0 to ${MAX_FIGURE} (${b.unit}) (found ${show(found)}), e.g. ${a.id}: 12`;
      if (b.kind === 'number') return [a.id, orNothing(figure(numberMessage))];
      const part = (key: string): Message => (found) => `"${a.id}.${key}" must be a number of ${b.unit} from 0 to ${MAX_FIGURE} (found ${show(found)}), e.g. ${a.id}: {now: 6, before: 2}`;
      return [
        a.id,
        orNothing(
          mapOf(a.id, {now: figure(part('now')), before: figure(part('before'))}, (_found, path) => `"${a.id}.${keyOf(path)}" is not allowed; give {now, before}, e.g. ${a.id}: {now: 6, before: 2}`, (found) => `"${a.id}" must be {now, before} (${b.unit}) (found ${show(found)}), e.g. ${a.id}: {now: 6, before: 2}`),
        ),
      ];
    }),
  );
  const ids = withFigure.map((a) => a.id);
  return orNothing(mapOf('baselines', fields, (_found, path) => `"${keyOf(path)}" takes no baseline figure; allowed: ${ids.join(', ') || 'none in this bank'}`));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function planSection(bank: Bank) {
  const stepIds = [...new Set([...bank.path.map((s) => s.id), ...bank.plans.manageInPlace.map((s) => s.id), ...bank.plans.insufficientEvidence.map((s) => s.id), ...bank.plans.notYetQualified.map((s) => s.id), ...bank.disqualifiers.map((d) => d.id)])];
  const owner = orNothing(
    z.pipe(
      textOrNumber((_found, path) => `the owner of plan step "${keyOf(path)}" must be a name, e.g. ${keyOf(path)}: Dana Ruiz (RevOps)`),
      z.transform((v: string | number) => String(v).trim()),
    ).check(z.refine((v: string) => textLength(v) <= 120, error((_found, path) => `the owner of plan step "${keyOf(path)}" must be at most 120 characters`))),
    (v) => v === null || v === '',
  );
  return orNothing(
    mapOf(
      'plan',
      {
        // A YAML date (2027-01-11 unquoted) is read as text by the loader; a Date is taken too.
        start: orNothing(
          z.pipe(
            z.transform((v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v)),
            z.custom<string>(isIsoDate, error((found) => `"plan.start" must be a date written YYYY-MM-DD, e.g. start: 2027-01-11 (found ${show(found)})`)),
          ),
        ),
        owners: orNothing(mapOf('owners', fieldsFor(stepIds, () => owner), (_found, path) => `"${keyOf(path)}" is not a plan step; allowed: ${stepIds.join(', ')}`)),
      },
      (_found, path) => `"plan.${keyOf(path)}" is not allowed; the plan takes start and owners, e.g.\nplan:\n  start: 2027-01-11\n  owners: {map: Dana Ruiz}`,
    ),
  );
}

/** The schema of an answers file for `bank`; its output holds only the answers given. */
export function answersSchema(bank: Bank, options: SchemaOptions = {}) {
  const ids = questionIds(bank);
  const axisIds = bank.axes.map((a) => a.id);
  const disqualifierIds = bank.disqualifiers.map((d) => d.id);
  return z.object(
    {
      version: z.union([z.literal(1), z.literal(2)], error((found) => (found === undefined ? '"version" is missing: it must be 1 or 2, e.g. version: 2' : `"version" must be 1 or 2 (found ${show(found)})`))),
      context: contextSection(bank, options),
      matrix: orNothing(mapOf('matrix', fieldsFor(axisIds, () => z.optional(axisAnswer)), (_found, path) => `"${keyOf(path)}" is not a matrix axis; allowed: ${axisIds.join(', ')}`)),
      signals: orNothing(mapOf('signals', fieldsFor(SIGNAL_LISTS, (list) => signalList(bank, list)), (_found, path) => `"${keyOf(path)}" is not a signal checklist; allowed: ${SIGNAL_LISTS.join(', ')}`)),
      disqualifiers: orNothing(mapOf('disqualifiers', fieldsFor(disqualifierIds, () => disqualifierAnswer), (_found, path) => `"${keyOf(path)}" is not a disqualifier; allowed: ${disqualifierIds.join(', ')}`)),
      notes: orNothing(mapOf('notes', fieldsFor(ids, () => note), (_found, path) => `"${keyOf(path)}" is not a question id; a note belongs to one of: ${ids.join(', ')}`)),
      certainty: orNothing(mapOf('certainty', fieldsFor(ids, () => certainty), (_found, path) => `"${keyOf(path)}" is not a question id; certainty belongs to one of: ${ids.join(', ')}`)),
      handoffs,
      baselines: baselinesSection(bank),
      plan: planSection(bank),
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
