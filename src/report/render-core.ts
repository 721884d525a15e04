/**
 * Report model → markdown (a liquid template), HTML (one self-contained page)
 * or JSON. Reading templates/ is src/bank's job for the questions and this
 * module's for the bundled templates.
 *
 * Everything but marked: the HTML body comes from an HtmlConverter passed in
 * (src/report/markdown-html.ts), so that markdown and JSON runs never load
 * marked. src/report/render-report.ts binds it for synchronous callers.
 */
import {readFileSync} from 'node:fs';
import {Liquid, type Template} from 'liquidjs';
import {answersToYaml, answersToObject} from '../answers/serialize-answers.js';
import {packagePath} from '../files/paths.js';
import type {Comparison} from '../engine/compare.js';
import {buildReportModel, type ReportModel} from '../engine/report-model.js';
import {signed} from '../engine/phrases.js';
import {score} from '../engine/score.js';
import type {Answers, Bank} from '../engine/types.js';
import {BLOCK_PLACEHOLDER, bankFingerprint, sealReport, templateFingerprint, type EmbeddedData} from './embed.js';
import {escapeHtml, escapeMarkdown, fence, stripControls} from './escape.js';
import {TemplateError, type HtmlConverter, type RenderInput, type ReportFormat, type TemplateSource} from './report-types.js';
import {toolVersion} from '../version.js';

export {REPORT_FORMATS, TemplateError, type HtmlConverter, type RenderInput, type ReportFormat, type TemplateSource} from './report-types.js';
export {toolVersion} from '../version.js';

const DEFAULT_TEMPLATE = 'templates/report.md.liquid';
const HTML_PAGE = 'templates/report.html.liquid';
const COMPARE_TEMPLATE = 'templates/compare.md.liquid';

/** A liquid engine that can read no file and cannot loop forever. */
function liquid(escape: (value: unknown) => string): Liquid {
  const engine = new Liquid({
    outputEscape: escape,
    strictFilters: true,
    relativeReference: false,
    parseLimit: 1e6,
    renderLimit: 2000,
    memoryLimit: 64e6,
    // Given, so that liquidjs does not ask Intl for the default (which starts ICU on every run).
    locale: localeFromEnv(),
    fs: {
      // "exists" so that the lookup reaches readFile, which refuses with a message that says why.
      exists: async () => true,
      existsSync: () => true,
      readFile: async (file: string) => refuseFile(file),
      readFileSync: (file: string) => refuseFile(file),
      resolve: (_root: string, file: string) => file,
    },
  });
  engine.registerFilter('signed', (n: unknown) => (typeof n === 'number' ? signed(n) : n));
  return engine;
}

/** The user's locale for liquid's date filter, as a BCP 47 tag read from LC_ALL, LC_TIME or LANG (e.g. en_GB.UTF-8 -> en-GB); else en-US. */
function localeFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.LC_ALL || env.LC_TIME || env.LANG || '';
  const m = /^([a-z]{2,3})(?:_([A-Z]{2}))?(?:[.@]|$)/.exec(raw);
  return m ? (m[2] ? `${m[1]}-${m[2]}` : m[1]!) : 'en-US';
}

function refuseFile(file: string): never {
  throw new Error(`templates cannot include other files ("${file}")`);
}

let defaultTemplateText: string | undefined;
const compiled = new Map<string, Template[]>();

export function defaultTemplate(): TemplateSource {
  defaultTemplateText ??= readFileSync(packagePath(DEFAULT_TEMPLATE), 'utf8');
  return {path: DEFAULT_TEMPLATE, text: defaultTemplateText};
}

let mdLiquid: Liquid | undefined;
/** The markdown engine, made on first use (not at import: `--version` and `--help` never render). */
function mdEngine(): Liquid {
  return (mdLiquid ??= liquid(escapeMarkdown));
}

/** Parse a template once; a syntax error names the file and line. */
export function compileTemplate(source: TemplateSource): Template[] {
  const key = `${source.path}\0${source.text}`;
  let parsed = compiled.get(key);
  if (!parsed) {
    try {
      parsed = mdEngine().parse(source.text);
    } catch (error) {
      throw templateError(source.path, error);
    }
    compiled.set(key, parsed);
  }
  return parsed;
}

function templateError(file: string, error: unknown): TemplateError {
  const e = error as {message?: string; token?: {getPosition?: () => [number, number]}};
  const line = e.token?.getPosition?.()[0];
  const detail = (e.message ?? String(error)).split('\n')[0]!.replace(/, line:\d+, col:\d+$/, '');
  return new TemplateError(file, line, `template error: ${detail}`);
}

/** The model plus the fields only templates need. */
function templateScope(model: ReportModel, answers: Answers): Record<string, unknown> {
  const {result: _result, ...rest} = model;
  return {...rest, answersBlock: fence(answersToYaml(answers), 'yaml')};
}

export function renderMarkdown(bank: Bank, answers: Answers, date: string, template: TemplateSource = defaultTemplate()): string {
  const model = buildReportModel(bank, answers, date);
  const parsed = compileTemplate(template);
  try {
    return normaliseBlankLines(mdEngine().renderSync(parsed, templateScope(model, answers)) as string);
  } catch (error) {
    throw templateError(template.path, error);
  }
}

function normaliseBlankLines(md: string): string {
  return `${md.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

let htmlPage: Template[] | undefined;

/** HTML needs marked; a caller that has not loaded it has a bug, not the user. */
function needHtml(toHtml: HtmlConverter | undefined): HtmlConverter {
  if (!toHtml) throw new Error('internal: an HTML report needs the markdown-to-HTML converter (src/report/markdown-html.ts)');
  return toHtml;
}

export function renderHtml(bank: Bank, answers: Answers, date: string, template: TemplateSource | undefined, toHtml: HtmlConverter): string {
  const md = renderMarkdown(bank, answers, date, template);
  const model = buildReportModel(bank, answers, date);
  const engine = liquid((v) => escapeHtml(stripControls(String(v ?? ''))));
  htmlPage ??= engine.parse(readFileSync(packagePath(HTML_PAGE), 'utf8'));
  return engine.renderSync(htmlPage, {title: model.title, lang: 'en', body: toHtml(md), recommendation: model.recommendation, block: BLOCK_PLACEHOLDER}) as string;
}

/**
 * The JSON report: a stable, documented shape (docs/report.md, "JSON report"). Every
 * string meant to be read has terminal escape sequences and control
 * characters removed; `answers` is data and keeps the text exactly as given.
 */
export function reportJson(bank: Bank, answers: Answers, date: string): Record<string, unknown> {
  const m = buildReportModel(bank, answers, date);
  const shown = cleanStrings({
    format: 'handoff-assess-report',
    formatVersion: 2,
    date: m.date,
    bank: m.bank,
    organisation: m.organisation,
    workflow: m.workflow,
    systems: m.systems,
    recommendation: m.recommendation,
    confidence: m.confidence,
    confidenceReasons: m.confidenceReasons,
    lean: m.lean,
    why: m.why,
    counterEvidence: m.result.counterEvidence ?? null,
    decisive: m.result.decisive,
    score: m.score,
    threshold: m.threshold,
    margin: m.margin,
    range: m.range,
    unknownShare: m.result.unknownShare,
    drivers: m.drivers,
    contradictions: m.contradictions,
    flips: m.result.flips,
    disqualifiers: m.disqualifiers.map(({id, title, status, resolves, owner, weeks}) => ({id, title, status, applies: status === 'applies', resolves, owner, weeks})),
    matrix: m.matrix.map(({id, title, value, leaning, points, weight, certainty}) => ({id, title, value, leaning, points, weight, certainty: certainty ?? null})),
    baselines: m.baselines.map(({axis, title, unit, text, now, before}) => ({axis, title, unit, text, now, before})),
    signals: {
      manage_in_place: m.signals.manageInPlace.map(({id, text, observed}) => ({id, text, observed})),
      remediation_sprint: m.signals.remediationSprint.map(({id, text, observed}) => ({id, text, observed})),
    },
    plan: m.plan.map(planStepJson),
    containmentPath: m.path.map((s) => ({...planStepJson(s), failureClasses: s.classes})),
    failureClasses: m.failureClasses,
    handoffRegister: m.register ? {handoffs: m.register.rows, flags: m.register.flags} : null,
    evidencePlan: m.evidencePlan,
    preparation: m.preparation,
    notes: m.notes,
    method: m.method,
  });
  return {...shown, answers: answersToObject(answers)};
}

/** One plan step in the JSON report. */
function planStepJson(s: ReportModel['plan'][number]): Record<string, unknown> {
  return {
    step: s.number,
    id: s.id,
    title: s.title,
    summary: s.summary,
    owner: s.owner,
    ownerIsRole: s.ownerIsRole,
    weeks: s.weeks,
    fromWeek: s.fromWeek,
    toWeek: s.toWeek,
    dates: s.dates ?? null,
    when: s.when,
    deliverable: s.deliverable,
    exit: s.exit,
    needsBudget: s.needsBudget,
    conditional: s.conditional,
    actions: s.actions,
    criteria: s.criteria,
  };
}

function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T;
  return value;
}

/** Characters JSON.stringify writes raw that a terminal or a viewer could act on: C1 controls, bidi overrides, line separators. */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text holding no raw control or bidi character, whatever the strings inside (the parsed value is unchanged). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The report in `input.format`; HTML needs `toHtml` (src/report/render-report.ts passes it for you). */
export function renderReport(input: RenderInput, toHtml?: HtmlConverter): string {
  switch (input.format) {
    case 'md':
      return sealReport(`${renderMarkdown(input.bank, input.answers, input.date, input.template)}\n${BLOCK_PLACEHOLDER}\n`, embeddedData(input, 'md'));
    case 'html':
      return sealReport(renderHtml(input.bank, input.answers, input.date, input.template, needHtml(toHtml)), embeddedData(input, 'html'));
    case 'json':
      return `${safeJson(reportJson(input.bank, input.answers, input.date))}\n`;
    case 'pdf':
      throw new Error('internal: a PDF report is bytes, made by renderPdf (src/report/pdf.ts)');
  }
}

/** What the report's data block records (all but the body hash and the hash itself). */
export function embeddedData(input: RenderInput, format: EmbeddedData['format']): Omit<EmbeddedData, 'hash' | 'body'> {
  const template = input.template ?? defaultTemplate();
  const result = score(input.bank, input.answers); // what the report model's result is, without building the model again
  return {
    v: 1,
    tool: `handoff-assess@${toolVersion()}`,
    date: input.date,
    format,
    bank: {name: input.bank.meta.name, version: input.bank.meta.version, fingerprint: bankFingerprint(input.bank)},
    template: {path: input.template ? template.path : 'default', fingerprint: templateFingerprint(template.text)},
    answers: answersToObject(input.answers),
    verdict: {recommendation: result.recommendation, lean: result.lean, confidence: result.confidence, score: result.score},
  };
}

let compareTemplate: Template[] | undefined;

/** A comparison of two assessments as markdown, HTML (needs `toHtml`) or JSON. */
export function renderComparison(comparison: Comparison, format: ReportFormat, toHtml?: HtmlConverter): string {
  if (format === 'pdf') throw new Error('internal: a PDF comparison is bytes, made by renderComparisonPdf (src/report/pdf.ts)');
  if (format === 'json') return `${safeJson({format: 'handoff-assess-comparison', formatVersion: 1, ...comparison})}\n`;
  compareTemplate ??= mdEngine().parse(readFileSync(packagePath(COMPARE_TEMPLATE), 'utf8'));
  const md = normaliseBlankLines(mdEngine().renderSync(compareTemplate, {...comparison}) as string);
  if (format === 'md') return md;
  const engine = liquid((v) => escapeHtml(stripControls(String(v ?? ''))));
  htmlPage ??= engine.parse(readFileSync(packagePath(HTML_PAGE), 'utf8'));
  return engine.renderSync(htmlPage, {title: `Re-assessment: ${comparison.after.organisation}`, lang: 'en', body: needHtml(toHtml)(md), recommendation: comparison.after.recommendation, block: ''}) as string;
}
