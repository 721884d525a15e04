/**
 * fast-check generators of answers files (valid, near-valid, garbage) and
 * question banks, for the hardening tests. Every generator is pure: the same
 * seed gives the same inputs.
 */
import fc from 'fast-check';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse as parseYaml, stringify as toYaml} from 'yaml';
import {ROOT} from '../cli/run-cli.js';

const BANK_DIR = join(ROOT, 'questions');
export const BANK_FILES = ['bank.yaml', 'context.yaml', 'matrix.yaml', 'signals.yaml', 'disqualifiers.yaml'] as const;
export type BankFiles = Record<(typeof BANK_FILES)[number], unknown>;
/** The bundled bank, each file as data. */
export const REAL_BANK = Object.fromEntries(BANK_FILES.map((f) => [f, parseYaml(readFileSync(join(BANK_DIR, f), 'utf8'))])) as BankFiles;

const ctx = REAL_BANK['context.yaml'] as {questions: {id: string; kind: string; required: boolean; max_length: number; choices?: {value: string}[]}[]};
const axes = (REAL_BANK['matrix.yaml'] as {axes: {id: string}[]}).axes.map((a) => a.id);
const signals = REAL_BANK['signals.yaml'] as Record<'manage_in_place' | 'remediation_sprint', {id: string}[]>;
const disqualifiers = (REAL_BANK['disqualifiers.yaml'] as {disqualifiers: {id: string}[]}).disqualifiers.map((d) => d.id);
export const QUESTION_IDS = [...ctx.questions.map((q) => q.id), ...axes, 'manage_in_place', 'remediation_sprint', ...signals.manage_in_place.map((s) => s.id), ...signals.remediation_sprint.map((s) => s.id), ...disqualifiers];

/** Text people type, and text meant to break things: markup, escapes, bidi, emoji, controls. */
const HOSTILE_BITS = ['|', '`', '```', '#', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '\n', '\r\n', '\u202e', '\u2066', '\u200f', '\u001b[31m', '\u001b]0;pwned\u0007', '\u001b]8;;http://evil.example\u001b\\', '\u009b2J', '\u0000', '&amp;', '{{ 7*7 }}', '{% raw %}', '--- ', '*', '_', '~', '\\', '🚀', '中文', 'é', ': ', '- ', '&a', '*a', '!!js/function', '%', '@', '"', "'"];
const word = fc.oneof(
  {weight: 5, arbitrary: fc.string({minLength: 1, maxLength: 12})},
  {weight: 2, arbitrary: fc.constantFrom(...HOSTILE_BITS)},
  {weight: 1, arbitrary: fc.string({unit: 'binary', minLength: 1, maxLength: 6})},
);
/** Free text of at most `max` characters (after trimming) with something visible in it. */
export const freeText = (max: number) =>
  fc
    .array(word, {minLength: 1, maxLength: 12})
    .map((ws) => ws.join(' ').trim().slice(0, max).trim())
    .filter((s) => s.length > 0 && s.trim().length > 0);

const subset = <T>(items: readonly T[]) => fc.subarray([...items]);

/** A valid answers object for the bundled bank (as an answers file holds it). */
export const validAnswers = fc
  .record({
    organisation: freeText(120),
    assessor: fc.option(freeText(120), {nil: undefined}),
    role: fc.constantFrom(...ctx.questions.find((q) => q.id === 'role')!.choices!.map((c) => c.value)),
    workflow: freeText(160),
    systems: fc.oneof(fc.array(freeText(80), {minLength: 1, maxLength: 8}), freeText(80).filter((s) => !s.includes(',')).map((s) => s)),
    matrix: fc.dictionary(fc.constantFrom(...axes), fc.constantFrom<unknown>(1, 2, 3, 4, 5, 'unknown', null), {maxKeys: 5}),
    mip: fc.option(subset(signals.manage_in_place.map((s) => s.id)), {nil: undefined}),
    rs: fc.option(subset(signals.remediation_sprint.map((s) => s.id)), {nil: undefined}),
    disq: fc.dictionary(fc.constantFrom(...disqualifiers), fc.boolean(), {maxKeys: 4}),
    notes: fc.dictionary(fc.constantFrom(...QUESTION_IDS), fc.oneof(freeText(4000), fc.integer()), {maxKeys: 6}),
    certainty: fc.dictionary(fc.constantFrom(...QUESTION_IDS), fc.constantFrom('verified', 'estimated', 'unknown'), {maxKeys: 6}),
    extra: fc.boolean(),
  })
  .map((r) => {
    const doc: Record<string, unknown> = {
      version: 1,
      context: {organisation: r.organisation, ...(r.assessor === undefined ? {} : {assessor: r.assessor}), role: r.role, workflow: r.workflow, systems: r.systems},
      matrix: r.matrix,
      signals: {...(r.mip ? {manage_in_place: r.mip} : {}), ...(r.rs ? {remediation_sprint: r.rs} : {})},
      disqualifiers: r.disq,
      notes: r.notes,
      certainty: r.certainty,
    };
    if (r.extra) doc.generated = {by: 'fuzz', at: '2026-03-01'};
    return doc;
  });

/** YAML or JSON text of a value (JSON for very deep values, which a YAML writer would recurse into). */
export const serialise = (value: unknown, json: boolean): string => (json ? JSON.stringify(value, null, 1) : toYaml(value, {lineWidth: 0}));

/** Every path into a value (maps and lists), for picking one to break. */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = prefix.length ? [prefix] : [];
  if (prefix.length > 20) return out;
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

/** The field a message about `path` should name: its last key (a list index names its list). */
export function fieldName(path: (string | number)[]): string | undefined {
  return [...path].reverse().find((p): p is string => typeof p === 'string');
}

const deep = (depth: number, leaf: unknown, asMap: boolean): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asMap ? {a: v} : [v];
  return v;
};

/** A value of the wrong kind, or of the right kind but far too big. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({maxLength: 20}),
  fc.array(fc.string({maxLength: 5}), {maxLength: 4}),
  fc.dictionary(fc.string({maxLength: 5}), fc.integer(), {maxKeys: 3}),
  fc.integer({min: 5000, max: 200_000}).map((n) => 'x'.repeat(n)),
  fc.integer({min: 50, max: 3000}).chain((d) => fc.boolean().map((m) => deep(d, 'leaf', m))),
  fc.array(fc.string({maxLength: 3}), {minLength: 51, maxLength: 80}),
  fc.constantFrom('unknown', 'verified', '1', 6, 0, -1, 2.5, 'true', 'yes', 'consultant'),
);

export type Mutation = {kind: 'replace' | 'delete' | 'add'; path: (string | number)[]; value?: unknown; key?: string; original?: unknown};

/** Every map key inside a value. */
export function keysIn(value: unknown): string[] {
  return paths(value).map((p) => p[p.length - 1]).filter((k): k is string => typeof k === 'string');
}

/** A valid answers object with one thing broken, and which field that is. */
export const nearValid = validAnswers.chain((doc) => {
  const all = paths(doc);
  return fc
    .record({
      pick: fc.nat({max: all.length - 1}),
      kind: fc.constantFrom<'replace' | 'delete' | 'add'>('replace', 'replace', 'delete', 'add'),
      value: wrongValue,
      key: fc.oneof(fc.string({minLength: 1, maxLength: 10}), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'organisation', 'failure_frequency', 'draft')),
      json: fc.boolean(),
    })
    .map(({pick, kind: picked, value, key, json}) => {
      let kind = picked;
      const path = all[pick]!;
      const copy = structuredClone(doc);
      const parent = path.slice(0, -1).reduce<any>((node, k) => node[k], copy);
      const last = path[path.length - 1]!;
      const original = parent[last];
      if (kind === 'replace') parent[last] = value;
      else if (kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
      else {
        const target = parent[last];
        if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, key, {value, enumerable: true, configurable: true, writable: true});
        else {
          parent[last] = value;
          kind = 'replace';
        }
      }
      const deepValue = typeof value === 'object' && value !== null && JSON.stringify(value).length > 200 && /^[[{]/.test(JSON.stringify(value));
      const mutation: Mutation = {kind, path, value, key, original};
      return {text: serialise(copy, json || deepValue), mutation};
    });
});

/** A billion-laughs document: `levels` anchors, each a list of `width` aliases to the one before. */
export const aliasBomb = fc.record({levels: fc.integer({min: 2, max: 12}), width: fc.integer({min: 2, max: 12}), where: fc.constantFrom('top', 'note', 'organisation', 'systems', 'matrix')}).map(({levels, width, where}) => {
  const lines = ['version: 1', `a0: &a0 ["lol", "lol"]`];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({length: width}, () => `*a${i - 1}`).join(', ')}]`);
  const top = `*a${levels}`;
  const body: Record<string, string> = {
    top: `bomb: ${top}`,
    note: `notes:\n  failure_frequency: ${top}`,
    organisation: `context:\n  organisation: ${top}`,
    systems: `context:\n  systems: ${top}`,
    matrix: `matrix: ${top}`,
  };
  return `${lines.join('\n')}\n${body[where]}\n`;
});

/** Text nested thousands of levels deep, in flow or block style. */
export const deepText = fc.record({depth: fc.integer({min: 100, max: 20_000}), style: fc.constantFrom('flow-seq', 'flow-map', 'block', 'json-in-note')}).map(({depth, style}) => {
  switch (style) {
    case 'flow-seq':
      return `version: 1\nmatrix: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
    case 'flow-map':
      return `${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`;
    case 'block':
      return Array.from({length: Math.min(depth, 3000)}, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    default:
      return JSON.stringify({version: 1, notes: {failure_frequency: '['.repeat(depth)}});
  }
});

/** YAML features an answers file should never need: tags for code, binaries, sets; merges; several documents. */
const YAML_TRICKS = [
  '!!js/function "function () { globalThis.PWNED = true }"',
  '!!js/undefined ""',
  '!!js/regexp /a+$/',
  '!!python/object/apply:os.system ["touch /tmp/pwned"]',
  '!!binary aGVsbG8=',
  '!!set {a, b}',
  '!!omap [{a: 1}, {b: 2}]',
  '!!timestamp 2001-12-14t21:59:43.10-05:00',
  '!custom 1',
  '!<tag:yaml.org,2002:str> 5',
  '!!float .nan',
  '.inf',
  '-.inf',
  '0x10',
  '0o17',
  '1e400',
  '9007199254740993',
  '~',
  '"\\x00\\u001b]0;t\\u0007"',
  '&anchor 3',
  '*undefined_alias',
  '<<: {a: 1}',
  '{<<: [{x: 1}, {y: 2}]}',
  '? [complex, key]\n  : value',
  '|\n  block\n  text',
];

/** A valid document with one field's YAML text swapped for a trick. */
export const trickText = fc.record({doc: validAnswers, pick: fc.nat(), trick: fc.constantFrom(...YAML_TRICKS)}).map(({doc, pick, trick}) => {
  const lines = toYaml(doc, {lineWidth: 0}).split('\n');
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w-]+: \S/.test(l));
  if (!candidates.length) return `${lines.join('\n')}\nextra: ${trick}\n`;
  const [line, i] = candidates[pick % candidates.length]!;
  lines[i] = line.replace(/: .*$/, `: ${trick.includes('\n') ? trick.replace(/\n/g, `\n${' '.repeat(line.search(/\S/) + 2)}`) : trick}`);
  return lines.join('\n');
});

/** Anything at all: random text, random bytes, random data, and the shapes above. */
export const garbage: fc.Arbitrary<{bytes: Buffer; what: string}> = fc.oneof(
  fc.string({unit: 'binary', maxLength: 3000}).map((s) => ({bytes: Buffer.from(s), what: 'random text'})),
  fc.uint8Array({maxLength: 3000}).map((b) => ({bytes: Buffer.from(b), what: 'random bytes'})),
  fc.tuple(validAnswers, fc.uint8Array({minLength: 1, maxLength: 40}), fc.nat()).map(([doc, junk, at]) => {
    const text = Buffer.from(toYaml(doc));
    const i = at % (text.length + 1);
    return {bytes: Buffer.concat([text.subarray(0, i), Buffer.from(junk), text.subarray(i)]), what: 'invalid UTF-8 inside a valid file'};
  }),
  fc.tuple(fc.jsonValue({maxDepth: 6}), fc.boolean()).map(([v, json]) => ({bytes: Buffer.from(serialise(v, json)), what: 'random data'})),
  fc.tuple(fc.anything({maxDepth: 4, withNullPrototype: true, withBoxedValues: true, withSparseArray: true}), fc.boolean()).map(([v]) => {
    let text: string;
    try {
      text = toYaml(v) ?? String(v);
    } catch {
      text = String(v);
    }
    return {bytes: Buffer.from(text), what: 'random YAML'};
  }),
  aliasBomb.map((t) => ({bytes: Buffer.from(t), what: 'alias bomb'})),
  deepText.map((t) => ({bytes: Buffer.from(t), what: 'deep nesting'})),
  trickText.map((t) => ({bytes: Buffer.from(t), what: 'YAML trick'})),
  fc.constantFrom('', ' ', '\n', '~', 'null', '[]', '{}', '---\n---\n', '\uFEFF', '\u0000', 'version: 1', 'version: 1\ncontext:', '%YAML 1.1\n---\nversion: 1', 'version: 1\nversion: 1').map((t) => ({bytes: Buffer.from(t), what: 'edge'})),
  validAnswers.map((doc) => ({bytes: Buffer.from(`\uFEFF${toYaml(doc).replace(/\n/g, '\r\n')}`), what: 'BOM and CRLF'})),
  fc.tuple(validAnswers, validAnswers).map(([a, b]) => ({bytes: Buffer.from(`${toYaml(a)}---\n${toYaml(b)}`), what: 'two documents'})),
);

// ---------------------------------------------------------------------------
// Question banks
// ---------------------------------------------------------------------------

type BankDoc = {file: (typeof BANK_FILES)[number]; value: unknown};
const bankId = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/).filter((id) => !QUESTION_IDS.includes(id) && !['manage_in_place', 'remediation_sprint'].includes(id));

/** The bundled bank with its wording, weights and thresholds changed, and questions added: still valid. */
export const validBank = fc
  .record({
    texts: fc.array(fc.tuple(fc.nat(), freeText(300).map((t) => t.replace(/[{}]/g, '()'))), {maxLength: 12}),
    weights: fc.array(fc.tuple(fc.nat(), fc.double({min: 0.01, max: 100, noNaN: true})), {maxLength: 6}),
    points: fc.array(fc.double({min: -50, max: 50, noNaN: true}), {minLength: 5, maxLength: 5}).map((p) => p.sort((a, b) => a - b)),
    remediationAt: fc.double({min: -1000, max: 1000, noNaN: true}),
    extraAxes: fc.uniqueArray(bankId, {maxLength: 3}),
    manyAxes: fc.oneof({weight: 9, arbitrary: fc.constant(0)}, {weight: 1, arbitrary: fc.integer({min: 20, max: 120})}),
  })
  .map((r) => {
    const bank = structuredClone(REAL_BANK) as any;
    const textPaths = BANK_FILES.flatMap((file) => paths(bank[file]).filter((p) => typeof p.reduce((n: any, k) => n?.[k], bank[file]) === 'string' && /^(title|prompt|why|text|summary|explanation|resolves|prepare|focus|evidence|failure_class|manage_in_place|remediation_sprint|description|placeholder)$/.test(String(p[p.length - 1]))).map((p) => [file, p] as const));
    for (const [n, text] of r.texts) {
      const [file, p] = textPaths[n % textPaths.length]!;
      const parent = p.slice(0, -1).reduce((node: any, k) => node[k], bank[file]);
      parent[p[p.length - 1]!] = text;
    }
    const axesList = bank['matrix.yaml'].axes;
    for (const [n, w] of r.weights) axesList[n % axesList.length].weight = w;
    bank['bank.yaml'].scoring.scale_points = Object.fromEntries(r.points.map((p, i) => [i + 1, p]));
    bank['bank.yaml'].scoring.remediation_at = r.remediationAt;
    const extra = [...r.extraAxes, ...Array.from({length: r.manyAxes}, (_, i) => `extra_axis_${i}`)];
    for (const id of extra) axesList.push({...structuredClone(axesList[0]), id, title: `Axis ${id}`});
    return {files: BANK_FILES.map((file): BankDoc => ({file, value: bank[file]})), what: r.manyAxes ? `valid, ${axesList.length} axes` : 'valid'};
  });

/** The bundled bank with one field broken. */
export const brokenBank = fc
  .record({
    file: fc.constantFrom(...BANK_FILES),
    pick: fc.nat(),
    kind: fc.constantFrom('replace', 'replace', 'delete', 'add', 'duplicate-id', 'placeholder', 'decreasing'),
    value: wrongValue,
    key: fc.oneof(fc.string({minLength: 1, maxLength: 10}), fc.constantFrom('__proto__', 'constructor', 'id', 'weight')),
  })
  .map(({file, pick, kind, value, key}) => {
    const bank = structuredClone(REAL_BANK) as any;
    const all = paths(bank[file]);
    const path = all[pick % all.length]!;
    const parent = path.slice(0, -1).reduce((node: any, k) => node[k], bank[file]);
    const last = path[path.length - 1]!;
    const original = parent[last];
    let names: string[] = [fieldName(path) ?? file, ...keysIn(original).slice(0, 20)];
    if (kind === 'replace') {
      parent[last] = value;
      names.push(...keysIn(value).slice(0, 3));
    } else if (kind === 'delete') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
    else if (kind === 'add' && original && typeof original === 'object' && !Array.isArray(original)) {
      Object.defineProperty(original, key, {value, enumerable: true, configurable: true, writable: true});
      names = [key];
    } else if (kind === 'duplicate-id') {
      const axes = bank['matrix.yaml'].axes;
      axes[1].id = axes[0].id;
      names = [axes[0].id];
      return {files: BANK_FILES.map((f): BankDoc => ({file: f, value: bank[f]})), names, what: 'duplicate id'};
    } else if (kind === 'placeholder') {
      bank['matrix.yaml'].axes[pick % 5].recovery += ' {organisation} {constructor} {__proto__}';
      return {files: BANK_FILES.map((f): BankDoc => ({file: f, value: bank[f]})), names: ['organisation', 'recovery'], what: 'unknown placeholder'};
    } else if (kind === 'decreasing') {
      bank['bank.yaml'].scoring.scale_points = {1: 2, 2: 1, 3: 0, 4: -1, 5: -2};
      return {files: BANK_FILES.map((f): BankDoc => ({file: f, value: bank[f]})), names: ['scale_points'], what: 'decreasing scale'};
    } else parent[last] = value;
    return {files: BANK_FILES.map((f): BankDoc => ({file: f, value: bank[f]})), names, what: `${kind} ${file}:${path.join('.')}`};
  });

/** The bundled bank with one file missing, empty, a folder, or garbage. */
export const wreckedBank = fc
  .record({file: fc.constantFrom(...BANK_FILES), how: fc.constantFrom('missing', 'empty', 'folder', 'garbage', 'garbage', 'garbage'), junk: garbage})
  .map(({file, how, junk}) => ({
    files: BANK_FILES.map((f): BankDoc | {file: string; raw: Buffer | 'missing' | 'folder'} => (f !== file ? {file: f, value: REAL_BANK[f]} : {file: f, raw: how === 'missing' ? 'missing' : how === 'folder' ? 'folder' : how === 'empty' ? Buffer.alloc(0) : junk.bytes})),
    names: [file],
    what: `${file} ${how === 'garbage' ? junk.what : how}`,
  }));
