/**
 * The machine-readable block every markdown and HTML report carries: the
 * answers, the question bank's name, version and fingerprint, the template's
 * fingerprint, the verdict, a hash of the report text, and a hash over all of
 * it. It is what makes a report replayable (`--answers report.md`) and
 * tamper-evident (`--verify report.md`).
 *
 * It is one HTML comment holding base64url JSON, so no answer text can end
 * the comment, and markdown viewers do not show it.
 */
import {createHash} from 'node:crypto';
import type {Bank, Confidence, Direction, Recommendation} from '../engine/types.js';
import type {Brand} from './brand-types.js';

export const BLOCK_PREFIX = '<!-- handoff-assess:data ';
/**
 * The block stands alone at the start of a line; the last such line counts.
 * The same text inside an answer (quoted or indented in the answers block)
 * is never taken for it.
 */
const BLOCK_RE = /^<!-- handoff-assess:data (v\d+) ([A-Za-z0-9_-]+) -->$/gm;

export interface EmbeddedData {
  v: 1;
  /** The tool and version that wrote the report. */
  tool: string;
  date: string;
  format: 'md' | 'html' | 'pdf';
  bank: {name: string; version: string; fingerprint: string};
  template: {path: string; fingerprint: string};
  answers: Record<string, unknown>;
  /**
   * Issue 14: a report made of several assessments. Absent for a single assessment; 'combine'
   * (several respondents, one workflow) or 'portfolio' (several workflows, one organisation),
   * with every assessment's answers in `sources`. For 'combine', `answers` holds the combined
   * answers (what `--answers report.md` reads; `--combine report.md` and `--verify` read `sources`);
   * for 'portfolio', the first assessment's, for readers of v1 that know only it.
   */
  kind?: 'combine' | 'portfolio';
  sources?: {label: string; answers: Record<string, unknown>}[];
  /** Issue 11: the consultant's brand an HTML or PDF report was made with (the logo without its file name), so that --verify renders or draws it again the same. */
  brand?: Brand;
  verdict: {recommendation: Recommendation; lean: Direction; confidence: Confidence; score: number};
  /**
   * sha256 of the report text without the block (line endings normalised); for a PDF, of the
   * file's bytes without the block's payload (`pdfBodyHash`).
   */
  body: string;
  /** sha256 over every field above, in canonical form. */
  hash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with keys sorted at every level: the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function bankFingerprint(bank: Bank): string {
  return sha256(canonicalJson(bank)).slice(0, 16);
}

/** The fingerprint the data block records for a template's content (the first 64 bits of its sha256). */
export function templateFingerprint(text: string): string {
  return sha256(text).slice(0, 16);
}

export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The hash over the data, excluding the hash itself. */
export function dataHash(data: Omit<EmbeddedData, 'hash'>): string {
  return sha256(canonicalJson(data));
}

export function encodeBlock(data: Omit<EmbeddedData, 'hash'>): string {
  return `${BLOCK_PREFIX}v1 ${encodePayload(data)} -->`;
}

/** The sealed data as base64url JSON (the hash added): what the block of every format carries. */
export function encodePayload(data: Omit<EmbeddedData, 'hash'>): string {
  const full: EmbeddedData = {...data, hash: dataHash(data)};
  return Buffer.from(JSON.stringify(full), 'utf8').toString('base64url');
}

/** The payload decoded, or why it cannot be. */
function decodePayload(version: string, payload: string): {data?: EmbeddedData; problem?: string} {
  if (version !== 'v1') return {problem: `the embedded data is version ${version}; this handoff-assess reads v1`};
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as EmbeddedData;
    if (!data || typeof data !== 'object' || typeof data.hash !== 'string' || !data.answers) return {problem: 'the embedded data is incomplete'};
    return {data};
  } catch {
    return {problem: 'the embedded data is not readable (it was cut or edited)'};
  }
}

/** Stands where the block will go while the report text is hashed. */
export const BLOCK_PLACEHOLDER = `${BLOCK_PREFIX}v1 placeholder -->`;

/** The hash of a report's text without its block, as `findBlock` returns it. */
export function bodyHash(body: string): string {
  return sha256(normaliseText(body).trimEnd());
}

/**
 * Put the block into a report that holds BLOCK_PLACEHOLDER, hashing the text
 * exactly as `findBlock` will cut it out again.
 */
export function sealReport(text: string, data: Omit<EmbeddedData, 'hash' | 'body'>): string {
  const found = findBlock(text);
  if (!found) throw new Error('the report template lost the data block placeholder');
  const at = text.lastIndexOf(BLOCK_PLACEHOLDER); // the template's, after any copy in the answers
  return text.slice(0, at) + encodeBlock({...data, body: bodyHash(found.body)}) + text.slice(at + BLOCK_PLACEHOLDER.length);
}

export interface FoundBlock {
  /** The parsed data, or undefined when the block is there but unreadable. */
  data?: EmbeddedData;
  /** The report text with the block (and the line it stood on) removed. */
  body: string;
  /** Why the block could not be read. */
  problem?: string;
}

/** Find the block in a report's text. Undefined when the text has none. */
export function findBlock(text: string): FoundBlock | undefined {
  const normal = normaliseText(text);
  const match = [...normal.matchAll(BLOCK_RE)].at(-1);
  if (!match) return undefined;
  const body = normal.slice(0, match.index).replace(/\n$/, '') + normal.slice(match.index + match[0].length).replace(/^\n/, '');
  return {body, ...decodePayload(match[1]!, match[2]!)};
}

/*
 * The block in a PDF (src/report/pdf.ts writes it). It is a custom entry of the document
 * information dictionary, `/HandoffAssessData N 0 R`, whose object is the literal string
 * `(handoff-assess:data v1 BASE64URL)`: ASCII without parentheses or backslashes, so the PDF
 * writer stores it as is (no escape, no hex, outside any compressed stream) and it is found
 * again in the file's bytes without a PDF library.
 */
export const PDF_INFO_KEY = 'HandoffAssessData';
export const PDF_BLOCK_PREFIX = 'handoff-assess:data ';

/** True when the bytes are a PDF file (they start with %PDF-). */
export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

export interface FoundPdfBlock {
  data?: EmbeddedData;
  problem?: string;
  /** Where the payload (the base64url) starts in the bytes, and its length: what the body hash leaves out. */
  at: number;
  length: number;
}

/**
 * The block in a PDF's bytes, or undefined when it has none. The object the information
 * dictionary's key names wins; without that key (a file rewritten by another program that
 * kept the object), the last such string in the file.
 */
export function findPdfBlock(bytes: Uint8Array): FoundPdfBlock | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const strings = [...text.matchAll(/(?<!\\)\(handoff-assess:data (v\d+) ([A-Za-z0-9_-]+)\)/g)];
  if (!strings.length) return undefined;
  const ref = [...text.matchAll(new RegExp(`/${PDF_INFO_KEY}\\s+(\\d+)\\s+0\\s+R`, 'g'))].at(-1);
  const object = ref ? new RegExp(`(?:^|[\\r\\n])${ref[1]}\\s+0\\s+obj\\s*\\(handoff-assess:data `, 'g') : undefined;
  let match = strings.at(-1)!;
  if (object) {
    const found = [...text.matchAll(object)].at(-1);
    const named = found && strings.find((m) => m.index === found.index! + found[0].length - PDF_BLOCK_PREFIX.length - 1);
    if (named) match = named;
  }
  const at = match.index! + 1 + PDF_BLOCK_PREFIX.length + match[1]!.length + 1;
  return {...decodePayload(match[1]!, match[2]!), at, length: match[2]!.length};
}

/** The hash a PDF's block records: sha256 of the file's bytes without the payload. */
export function pdfBodyHash(bytes: Uint8Array, at: number, length: number): string {
  return createHash('sha256').update(bytes.subarray(0, at)).update(bytes.subarray(at + length)).digest('hex');
}
