/**
 * The consultant's brand file (docs/report.md, "Your brand on the report"): read,
 * validated and its logo checked, for the HTML and PDF reports. Given with
 * `--brand FILE`, else `brand.yaml` in the user's config folder:
 *
 *   $HANDOFF_ASSESS_CONFIG_DIR/brand.yaml     (tests, or to move it)
 *   $XDG_CONFIG_HOME/handoff-assess/brand.yaml
 *   ~/.config/handoff-assess/brand.yaml       (Linux default, via env-paths)
 *
 *   name: Northwind Advisory
 *   logo: northwind.svg          # PNG or SVG, relative to this file
 *   accent: "#0b6e4f"
 *   contact: hello@northwind.example · +44 20 7946 0000
 *   disclaimer: Prepared from the client's answers; not an audit.
 *
 * Everything in it is untrusted input: the texts are shown escaped, the colour
 * must be #rrggbb, and the logo must be what it says by its bytes. An SVG logo
 * that could run or load anything (script, foreignObject, event attributes, a
 * reference to another file or address, DTD entities) is refused, not cleaned:
 * the message says what was found. Problems are a BrandError (exit 2) naming the
 * file, the field and what is allowed.
 */
import {existsSync} from 'node:fs';
import {dirname, isAbsolute, resolve} from 'node:path';
import {defaultBrandPath} from '../store/state-dir.js';
import {parseDocument} from 'yaml';
import {z} from 'zod';
import {displayPath} from '../files/paths.js';
import {decodeUtf8, describeSize, readFileBytes, ReadTextError} from '../files/read-text.js';
import type {Brand, BrandLogo} from './brand-types.js';


/** Limits of a brand file and its logo (docs/report.md). */
export const BRAND_LIMITS = {
  file: 64 * 1024,
  logo: 512 * 1024,
  name: 80,
  contact: 200,
  disclaimer: 600,
} as const;

/** A brand file that cannot be used. Exit 2, like every bad input. */
export class BrandError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'BrandError';
  }
}

/**
 * The brand for a run: the file given (relative to `cwd`), else the config
 * folder's brand.yaml when there is one, else none.
 */
export function findBrand(given: string | undefined, {env = process.env, cwd = process.cwd()}: {env?: NodeJS.ProcessEnv; cwd?: string} = {}): Brand | undefined {
  if (given !== undefined) return loadBrand(isAbsolute(given) ? given : resolve(cwd, given));
  const fallback = defaultBrandPath(env);
  return existsSync(fallback) ? loadBrand(fallback) : undefined;
}

// Printable text: no control characters, no bidi overrides (a brand is printed on a client's document).
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const text = (field: keyof typeof BRAND_LIMITS, example: string) =>
  z.string().refine((v) => v.trim().length > 0 && [...v].length <= BRAND_LIMITS[field] && !UNPRINTABLE.test(v.trim()), {
    message: `must be one line of text, 1 to ${BRAND_LIMITS[field]} characters, e.g. ${field}: ${example}`,
  });

const FIELDS = {
  name: 'the consultancy or person, one line of text (required), e.g. name: Northwind Advisory',
  logo: 'a PNG or SVG file, relative to the brand file, e.g. logo: northwind.svg',
  accent: 'a colour as "#rrggbb" (quoted: # starts a YAML comment), e.g. accent: "#0b6e4f"',
  contact: 'one line: e-mail, phone, web address, e.g. contact: hello@northwind.example',
  disclaimer: 'one short paragraph for the footer',
} as const;

const brandSchema = z
  .object({
    name: text('name', 'Northwind Advisory'),
    logo: z.string().min(1).optional(),
    accent: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
    contact: text('contact', 'hello@northwind.example').optional(),
    disclaimer: z
      .string()
      .refine((v) => v.trim().length > 0 && [...v].length <= BRAND_LIMITS.disclaimer && !UNPRINTABLE.test(v.trim().replace(/\r?\n/g, ' ')), {
        message: `must be text of 1 to ${BRAND_LIMITS.disclaimer} characters`,
      })
      .optional(),
  })
  .strict();

/** Read and check a brand file; its logo is read from beside it. Throws BrandError. */
export function loadBrand(path: string): Brand {
  const name = displayPath(path);
  const raw = readBytes(path, name, BRAND_LIMITS.file, 'brand file');
  let source: string;
  try {
    source = decodeUtf8(raw);
  } catch (error) {
    throw new BrandError(`${name}${(error as ReadTextError).line ? `:${(error as ReadTextError).line}` : ''}: ${(error as Error).message}`);
  }
  const doc = parseDocument(source, {uniqueKeys: true, prettyErrors: true});
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0].line;
    throw new BrandError(`${name}${line ? `:${line}` : ''}: not valid YAML (${e.message.split('\n')[0]})`);
  }
  let data: unknown;
  try {
    data = doc.toJS({maxAliasCount: 20});
  } catch (error) {
    throw new BrandError(`${name}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new BrandError(`${name}: a brand file is a YAML mapping with the fields ${Object.keys(FIELDS).join(', ')}; e.g. name: Northwind Advisory`);
  }
  const parsed = brandSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, data as Record<string, unknown>));
    throw new BrandError(`${name}: ${problems.join('; ')}`);
  }
  const value = parsed.data;
  return {
    name: value.name.trim(),
    ...(value.logo !== undefined ? {logo: loadLogo(resolve(dirname(path), value.logo), value.logo, name)} : {}),
    ...(value.accent !== undefined ? {accent: value.accent.toLowerCase()} : {}),
    ...(value.contact !== undefined ? {contact: value.contact.trim()} : {}),
    ...(value.disclaimer !== undefined ? {disclaimer: value.disclaimer.trim().replace(/\s*\r?\n\s*/g, ' ')} : {}),
  };
}

function describeIssue(issue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys') {
    return `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length === 1 ? 'is not a brand field' : 'are not brand fields'}; allowed: ${Object.keys(FIELDS).join(', ')}`;
  }
  const field = String(issue.path[0] ?? '');
  const found = data[field];
  const rule = field in FIELDS ? FIELDS[field as keyof typeof FIELDS] : issue.message;
  if (found === undefined) return `"${field}" is missing: ${rule}`;
  const shown = typeof found === 'string' ? `"${found.length > 40 ? `${found.slice(0, 37)}...` : found}"` : Array.isArray(found) ? 'a list' : typeof found === 'object' && found ? 'a mapping' : String(found);
  const detail = issue.code === 'custom' ? issue.message : rule;
  return `"${field}" ${issue.code === 'custom' ? detail : `must be ${rule}`} (found ${shown})`;
}

function readBytes(path: string, name: string, cap: number, what: string): Buffer {
  try {
    return readFileBytes(path, cap);
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    if (error.code === 'ENOENT') throw new BrandError(`${name}: no such ${what}`);
    if (error.code === 'EFBIG') throw new BrandError(`${name}: ${error.message.replace(/;.*$/, '')}; a ${what} may be at most ${describeSize(cap)}`);
    throw new BrandError(`${name}: ${error.message}`);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The logo, checked by its bytes: a PNG (signature and header chunk) or a safe SVG. Throws BrandError. */
export function loadLogo(path: string, given: string, brandFile: string): BrandLogo {
  const name = `${brandFile}: logo ${given}`;
  const bytes = readBytes(path, name, BRAND_LIMITS.logo, 'logo file');
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    if (bytes.length < 33 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new BrandError(`${name}: starts like a PNG but has no image header (IHDR): the file is damaged`);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    if (width === 0 || height === 0 || width > 4000 || height > 4000) throw new BrandError(`${name}: a PNG of ${width} x ${height} pixels; a logo may be at most 4000 x 4000`);
    return {mime: 'image/png', base64: bytes.toString('base64'), file: given};
  }
  const svg = svgText(bytes);
  if (svg === undefined) throw new BrandError(`${name}: is not a PNG or SVG image (by its content, whatever its name); a logo must be a PNG or an SVG file`);
  const unsafe = unsafeSvg(svg);
  if (unsafe) throw new BrandError(`${name}: the SVG holds ${unsafe}; such a logo is refused, not cleaned: save it without that (a plain vector logo needs none)`);
  return {mime: 'image/svg+xml', base64: Buffer.from(svg, 'utf8').toString('base64'), file: given};
}

/** The text of an SVG document (an optional XML declaration, comments and doctype, then <svg ... </svg>), or undefined. */
function svgText(bytes: Buffer): string | undefined {
  let text: string;
  try {
    text = decodeUtf8(bytes).replace(/^\ufeff/, '');
  } catch {
    return undefined;
  }
  const prolog = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*<svg[\s>]/i;
  if (!prolog.test(text)) return undefined;
  if (!/<\/svg>\s*(?:<!--[\s\S]*?-->\s*)*$/i.test(text)) return undefined;
  return text;
}

/** What makes an SVG unsafe to show, in words; undefined when nothing does. */
export function unsafeSvg(svg: string): string | undefined {
  const checks: [RegExp, string][] = [
    [/<!ENTITY/i, 'an entity declaration (<!ENTITY)'],
    [/<script[\s>/]/i, 'a <script> element'],
    [/<foreignObject[\s>/]/i, 'a <foreignObject> element'],
    [/<(?:iframe|embed|object|image|feImage|a)[\s>/]/i, 'an element that shows or links to other content (<image>, <a>, <iframe>...)'],
    [/\son[a-z]+\s*=/i, 'an event attribute (onload=, onclick=...)'],
    [/(?:xlink:)?href\s*=\s*(?!["']?\s*#)/i, 'a reference to another file or address (href)'],
    [/url\(\s*(?!["']?\s*#)/i, 'a url() that is not a reference inside the logo'],
    [/@import/i, 'a style @import'],
    [/javascript:/i, 'a javascript: address'],
  ];
  return checks.find(([pattern]) => pattern.test(svg))?.[1];
}

export {configDir} from '../store/state-dir.js';
