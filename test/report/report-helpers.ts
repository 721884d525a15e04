/** Shared helpers for the report tests: the real bank, answer profiles for each outcome, and small markdown/HTML readers. */
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Marked, type Token, type Tokens} from 'marked';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {loadBankDir} from '../../src/bank/load-bank.js';
import type {Answers, AxisAnswer, Bank} from '../../src/engine/types.js';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const DATE = '2025-03-14';

let bank: Bank | undefined;
export function realBank(): Bank {
  if (bank) return bank;
  const load = loadBankDir(join(ROOT, 'questions'));
  if (!load.bank) throw new Error(`the bundled bank did not load: ${load.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ')}`);
  return (bank = load.bank);
}

/** Read an answers file (relative to the repository root or absolute) through the real parser. */
export function answersFile(path: string): Answers {
  const file = path.startsWith('/') ? path : join(ROOT, path);
  const load = parseAnswers(file, readFileSync(file, 'utf8'), realBank());
  if (!load.answers || load.errors.length) throw new Error(`${file} did not parse: ${load.errors.map((e) => `${e.line}: ${e.field}: ${e.message}`).join('; ')}`);
  return load.answers;
}

export const AXES = ['failure_frequency', 'reconciliation_load', 'exception_visibility', 'lead_time_impact', 'operational_confidence'] as const;
export type AxisId = (typeof AXES)[number];
export const DISQUALIFIERS = ['no_tradeoff_owner', 'no_budget_path', 'broad_redesign_expected', 'exploratory_no_pain'] as const;

export interface Spec {
  matrix: Partial<Record<AxisId, AxisAnswer>>;
  manage?: string[];
  remediate?: string[];
  disqualified?: string[];
  notes?: Record<string, string>;
  context?: Partial<Answers['context']>;
}

export function answers(spec: Spec): Answers {
  return {
    version: 1,
    context: {organisation: 'Beta Foods', role: 'founder', workflow: 'Order to cash', systems: ['Shopify', 'Xero', 'ShipStation'], ...spec.context},
    matrix: {...spec.matrix},
    signals: {manage_in_place: spec.manage ?? [], remediation_sprint: spec.remediate ?? []},
    disqualifiers: Object.fromEntries(DISQUALIFIERS.map((d) => [d, spec.disqualified?.includes(d) ?? false])),
    notes: spec.notes ?? {},
    certainty: {},
  };
}

/** A clear remediation sprint: reconciliation and failure frequency worst, lead time answered 1. */
export const SPRINT = answers({
  matrix: {failure_frequency: 4, reconciliation_load: 5, exception_visibility: 4, lead_time_impact: 1, operational_confidence: 'unknown'},
  remediate: ['recurring_sync_failures', 'workarounds_outpacing'],
  notes: {failure_frequency: 'Two escalations a week'},
});

/** A clear manage in place: only exception visibility sits on the remediation side. */
export const MANAGE = answers({
  matrix: {failure_frequency: 1, reconciliation_load: 2, exception_visibility: 4, lead_time_impact: 1, operational_confidence: 2},
  manage: ['lightweight_controls', 'clear_ownership'],
  remediate: ['fragmented_status'],
  notes: {exception_visibility: 'Exceptions are found at month end'},
});

/** Not yet qualified (two disqualifiers), leaning toward a remediation sprint, with an unknown axis. */
export const NOT_QUALIFIED = answers({
  matrix: {failure_frequency: 5, reconciliation_load: 4, exception_visibility: 'unknown', lead_time_impact: 5, operational_confidence: 1},
  remediate: ['unforecastable_delivery'],
  disqualified: ['no_budget_path', 'exploratory_no_pain'],
  notes: {no_budget_path: 'Budget is frozen until Q3'},
});

/** Not enough evidence: two thirds of the matrix weight "don't know", leaning toward a sprint on what is known. */
export const INSUFFICIENT = answers({
  matrix: {failure_frequency: 'unknown', reconciliation_load: 5, exception_visibility: 3, lead_time_impact: 'unknown', operational_confidence: 'unknown'},
  remediate: ['fragmented_status'],
  notes: {reconciliation_load: 'Reception re-types every referral'},
});

export const OUTCOMES = [
  ['remediation-sprint', SPRINT],
  ['manage-in-place', MANAGE],
  ['not-yet-qualified', NOT_QUALIFIED],
  ['insufficient-evidence', INSUFFICIENT],
] as const;

// ---------------------------------------------------------------------------
// Markdown reading
// ---------------------------------------------------------------------------

const marked = new Marked({gfm: true});

export function lex(md: string): Token[] {
  return marked.lexer(md);
}

/** Every token, depth first. */
export function allTokens(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const walk = (list: Token[]) => {
    for (const t of list) {
      out.push(t);
      const any = t as Token & {tokens?: Token[]; items?: Token[]; header?: Tokens.TableCell[]; rows?: Tokens.TableCell[][]};
      if (any.tokens) walk(any.tokens);
      if (any.items) walk(any.items);
      if (any.header) for (const c of any.header) walk(c.tokens);
      if (any.rows) for (const r of any.rows) for (const c of r) walk(c.tokens);
    }
  };
  walk(tokens);
  return out;
}

/** The level-2 headings of a markdown document, as text. */
export function h2s(md: string): string[] {
  return lex(md)
    .filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 2)
    .map((t) => t.text);
}

/** The markdown between a level-2 heading that starts with `title` and the next level-2 heading. */
export function section(md: string, title: string): string {
  const lines = md.split('\n');
  // An exact heading first ("Answers" is not "Answers that disagree"), else the first that starts with it.
  const exact = lines.indexOf(`## ${title}`);
  const start = exact >= 0 ? exact : lines.findIndex((l) => l.startsWith(`## ${title}`));
  if (start < 0) throw new Error(`no section "## ${title}" in:\n${md}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** The markdown of the action plan's step `n`, from its heading to the next step or section. */
export function step(md: string, n: number): string {
  const path = section(md, 'Action plan');
  const parts = path.split(/\n(?=### )/);
  const found = parts.find((p) => p.startsWith(`### ${n}. `));
  if (!found) throw new Error(`no step ${n} in:\n${path}`);
  return found;
}

/**
 * Split a GFM table row into cells the way GFM does: a pipe preceded by an
 * odd number of backslashes is part of the cell, any other pipe separates.
 */
export function cells(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, '');
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (c === '|') {
      let backslashes = 0;
      for (let j = i - 1; j >= 0 && trimmed[j] === '\\'; j--) backslashes++;
      if (backslashes % 2 === 0) {
        out.push(cell);
        cell = '';
        continue;
      }
    }
    cell += c;
  }
  if (cell.trim()) out.push(cell);
  return out.map((c) => c.trim());
}

/** Tables as blocks of consecutive lines starting with `|`. */
export function tableBlocks(md: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  let fenced = false;
  for (const line of md.split('\n')) {
    if (/^(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (!fenced && line.startsWith('|')) (current ??= []).push(line);
    else if (current) {
      blocks.push(current);
      current = undefined;
    }
  }
  if (current) blocks.push(current);
  return blocks;
}

// ---------------------------------------------------------------------------
// HTML reading
// ---------------------------------------------------------------------------

/** Every start tag in an HTML string: name and raw attribute text. */
export function tags(html: string): {name: string; attrs: string}[] {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({name: m[1]!.toLowerCase(), attrs: m[2]!}));
}

/** The text of an HTML fragment, tags dropped and the common entities decoded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
