/**
 * The handoff map's form (issue 10): the fields of one handoff in the order
 * they are asked, parsing and checking each as typed (the limits the answers
 * file sets), a handoff's one-line summary, and the map in words for the
 * review. Pure; both front ends and the session use it.
 */
import {HANDOFF_FIELDS, MAX_HANDOFFS, type Handoff, type HandoffField, type HandoffMapSpec} from './types.js';

/** The longest text in a handoff, in characters: the answers file allows no more. */
export const HANDOFF_TEXT_MAX = 120;
/** The most required fields a handoff names. */
export const MAX_REQUIRED_FIELDS = 30;
/** The largest failure count. */
export const MAX_FAILURES = 100_000;

/** How a field is typed: a line of text, a comma list, a whole number, yes or no. */
export type FieldKind = 'text' | 'list' | 'count' | 'yesno';

export interface FormField {
  field: HandoffField;
  kind: FieldKind;
  /** Blank is refused (from, to, record); any other field may be left blank. */
  required: boolean;
  /** The bank's question for it. */
  prompt: string;
  /** What may be typed, for the hint under the prompt. */
  hint: string;
}

const KINDS: Record<HandoffField, FieldKind> = {
  from: 'text',
  to: 'text',
  record: 'text',
  owner: 'text',
  required_fields: 'list',
  when_missing: 'text',
  failures: 'count',
  critical_path: 'yesno',
};

const HINTS: Record<HandoffField, string> = {
  from: 'A system or team, e.g. Shopify.',
  to: 'A system or team, e.g. NetSuite.',
  record: 'e.g. order, invoice, ticket.',
  owner: 'A role or a name, e.g. Finance ops.',
  required_fields: 'e.g. SKU, tax code, customer id.',
  when_missing: 'e.g. the order waits in an error queue until someone notices.',
  failures: 'A whole number, e.g. 9.',
  critical_path: 'yes or no; blank if not sure.',
};

/** The form's fields in the order they are asked, with the bank's wording. */
export function formFields(spec: HandoffMapSpec): FormField[] {
  return HANDOFF_FIELDS.map((field) => ({field, kind: KINDS[field], required: field === 'from' || field === 'to' || field === 'record', prompt: spec.fields[field], hint: HINTS[field]}));
}

/** A handoff being filled in: the fields given so far. */
export type HandoffDraft = Partial<Handoff>;

/** A field's value as parsed. */
export type FieldValue = string | string[] | number | boolean | undefined;

export type FieldInput = {ok: true; value: FieldValue} | {ok: false; message: string};

const YES = ['y', 'yes', 'true'];
const NO = ['n', 'no', 'false'];

/** Parse and check one field as typed. Text is trimmed; blank gives '' (text), [] (list) or undefined (count, yes/no). */
export function parseField(field: HandoffField, typed: string): FieldInput {
  const text = typed.trim();
  const kind = KINDS[field];
  const tooLong = (s: string) => `Please keep it to ${HANDOFF_TEXT_MAX} characters (now ${textLength(s)}).`;
  switch (kind) {
    case 'text':
      if (!text && (field === 'from' || field === 'to' || field === 'record')) return {ok: false, message: `This one is needed: ${HINTS[field]}`};
      if (textLength(text) > HANDOFF_TEXT_MAX) return {ok: false, message: tooLong(text)};
      return {ok: true, value: text};
    case 'list': {
      const names = text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (names.length > MAX_REQUIRED_FIELDS) return {ok: false, message: `Please name at most ${MAX_REQUIRED_FIELDS} fields (now ${names.length}).`};
      const long = names.find((n) => textLength(n) > HANDOFF_TEXT_MAX);
      if (long) return {ok: false, message: `Each field name must be at most ${HANDOFF_TEXT_MAX} characters.`};
      return {ok: true, value: [...new Set(names)]};
    }
    case 'count': {
      if (!text) return {ok: true, value: undefined};
      if (!/^\d+$/.test(text) || Number(text) > MAX_FAILURES) return {ok: false, message: `Type a whole number from 0 to ${MAX_FAILURES}, e.g. 9, or leave it blank.`};
      return {ok: true, value: Number(text)};
    }
    case 'yesno': {
      const lower = text.toLowerCase();
      if (!lower) return {ok: true, value: undefined};
      if (YES.includes(lower)) return {ok: true, value: true};
      if (NO.includes(lower)) return {ok: true, value: false};
      return {ok: false, message: 'Type yes or no, or leave it blank.'};
    }
  }
}

/** A field of a handoff as it is typed, to prefill the field when the handoff is changed. */
export function fieldText(draft: HandoffDraft, field: HandoffField): string {
  const value = draft[field];
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The draft with one field set (an optional count or yes/no left blank is removed). */
export function withField(draft: HandoffDraft, field: HandoffField, value: FieldValue): HandoffDraft {
  const next: HandoffDraft = {...draft};
  if (value === undefined) delete next[field];
  else (next as Record<string, FieldValue>)[field] = Array.isArray(value) ? [...value] : value;
  return next;
}

/** The finished handoff, every field in the answers file's shape. */
export function completeHandoff(draft: HandoffDraft): Handoff {
  const out: Handoff = {
    from: draft.from ?? '',
    to: draft.to ?? '',
    record: draft.record ?? '',
    owner: draft.owner ?? '',
    required_fields: [...(draft.required_fields ?? [])],
    when_missing: draft.when_missing ?? '',
  };
  if (draft.failures !== undefined) out.failures = draft.failures;
  if (draft.critical_path !== undefined) out.critical_path = draft.critical_path;
  return out;
}

/** Characters as a person counts them (code points), as interview.textLength counts them. */
const textLength = (s: string): number => [...s].length;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line for a handoff: "Shopify → NetSuite (order), owner: Finance ops, 3 fields, 9 failures, critical path". */
export function summarizeHandoff(h: Handoff): string {
  const parts = [`${h.from} → ${h.to} (${h.record})`];
  parts.push(h.owner ? `owner: ${h.owner}` : 'no owner');
  parts.push(h.required_fields.length ? plural(h.required_fields.length, 'field', 'fields') : 'no fields agreed');
  if (!h.when_missing) parts.push('no rule when missing');
  if (h.failures !== undefined) parts.push(plural(h.failures, 'failure', 'failures'));
  if (h.critical_path) parts.push('critical path');
  return parts.join(', ');
}

/** The map in words, for the review: "3 handoffs", "skipped", "not answered". */
export function describeHandoffs(handoffs: Handoff[] | undefined): string {
  if (handoffs === undefined) return 'not answered';
  if (!handoffs.length) return 'skipped';
  return plural(handoffs.length, 'handoff', 'handoffs');
}

/** The most handoffs a map may hold: the bank's number, never more than the answers file allows. */
export function maxHandoffs(spec: HandoffMapSpec): number {
  return Math.min(spec.max, MAX_HANDOFFS);
}
