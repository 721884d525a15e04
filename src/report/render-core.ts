/**
 * Report model → markdown (a liquid template), HTML (one self-contained page)
 * or JSON. Reading templates/ is src/bank's job for the questions and this
 * module's for the bundled templates.
 *
 * Everything but marked: the HTML body comes from an HtmlConverter passed in
 * (src/report/markdown-html.ts), so that markdown and JSON runs never load
 * marked. src/report/render-report.ts binds it for synchronous callers.
 */
import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {Liquid, type Template} from 'liquidjs';
import {answersToYaml, answersToObject} from '../answers/serialize-answers.js';
import {packagePath} from '../files/paths.js';
import {buildCombinedView, type CombinedView} from '../engine/combine.js';
import type {Comparison} from '../engine/compare.js';
import type {PortfolioModel, PortfolioSource} from '../engine/portfolio.js';
import {buildReportModel, type ReportModel} from '../engine/report-model.js';
import {signed} from '../engine/phrases.js';
import {score} from '../engine/score.js';
import type {Answers, Bank, Result} from '../engine/types.js';
import {BLOCK_PLACEHOLDER, bankFingerprint, sealReport, templateFingerprint, type EmbeddedData} from './embed.js';
import {CHART_KINDS, CHART_REGION, chartSvg, chartText, type ChartKind} from './charts.js';
import {escapeHtml, escapeMarkdown, fence, stripControls} from './escape.js';
import type {Brand} from './brand-types.js';
import {arrangeBody, embeddedBrand, pageFields, type CardRule} from './html-page.js';
import {TemplateError, type HtmlConverter, type RenderInput, type ReportFormat, type TemplateSource} from './report-types.js';
import {toolVersion} from '../version.js';
import {portfolioSvg, portfolioText} from './portfolio-chart.js';

export {REPORT_FORMATS, TemplateError, type HtmlConverter, type RenderInput, type ReportFormat, type TemplateSource} from './report-types.js';
export {toolVersion} from '../version.js';

const DEFAULT_TEMPLATE = 'templates/report.md.liquid';
const HTML_PAGE = 'templates/report.html.liquid';
const COMPARE_TEMPLATE = 'templates/compare.md.liquid';
const COMBINE_TEMPLATE = 'templates/combine.md.liquid';
const PORTFOLIO_TEMPLATE = 'templates/portfolio.md.liquid';

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
  return {...rest, answersBlock: fence(answersToYaml(answers), 'yaml'), charts: {axes: chartText('axes', model), score: chartText('score', model)}};
}

export function renderMarkdown(bank: Bank, answers: Answers, date: string, template: TemplateSource = defaultTemplate()): string {
  return markdownOf(buildReportModel(bank, answers, date), answers, template);
}

/** The markdown of a report model already built (HTML and PDF build it once, for the charts too). */
export function markdownOf(model: ReportModel, answers: Answers, template: TemplateSource = defaultTemplate()): string {
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

/**
 * The one HTML page every report kind is laid out on (templates/report.html.liquid): the body
 * from marked, arranged (src/report/html-page.ts: the verdict card, the appendix, the phone
 * cards), the organisation in the print header and the brand, if any.
 */
let htmlLiquid: Liquid | undefined;
function htmlPageText(page: {title: string; body: string; bodyClass: string; organisation: string; card: CardRule; brand?: Brand; block: string}): string {
  const engine = (htmlLiquid ??= liquid((v) => escapeHtml(stripControls(String(v ?? '')))));
  htmlPage ??= engine.parse(readFileSync(packagePath(HTML_PAGE), 'utf8'));
  return engine.renderSync(htmlPage, {...pageFields(page.organisation, page.brand), title: page.title, lang: 'en', body: arrangeBody(page.body, page.card), recommendation: page.bodyClass, block: page.block}) as string;
}

export function renderHtml(bank: Bank, answers: Answers, date: string, template: TemplateSource | undefined, toHtml: HtmlConverter, brand?: Brand): string {
  const model = buildReportModel(bank, answers, date);
  const {md, swap} = chartPlaceholders(markdownOf(model, answers, template), (kind) => reportFigure(kind, model));
  return htmlPageText({title: model.title, body: swap(toHtml(md)), bodyClass: model.recommendation, organisation: model.organisation, card: 'first-h2', brand, block: BLOCK_PLACEHOLDER});
}

/**
 * The chart regions of the markdown (src/report/charts.ts) as placeholders the HTML
 * converter passes through as a paragraph, and the swap that puts each chart's figure
 * (`figureFor(kind)`) in its place; a region with no figure keeps its text. A placeholder
 * holds a random token made for this render, so that no text a user typed can stand for
 * one; only the report's own regions become pictures.
 */
function chartPlaceholders(markdown: string, figureFor: (kind: string) => string | undefined): {md: string; swap: (html: string) => string} {
  const token = `chart${randomUUID().replaceAll('-', '')}`;
  const figures = new Map<string, string>();
  const md = markdown.replace(CHART_REGION, (region, kind: string) => {
    const figure = figures.get(kind) ?? figureFor(kind);
    if (figure === undefined) return region;
    figures.set(kind, figure);
    return `${token}${kind}`;
  });
  const swap = (html: string) => html.replace(new RegExp(`<p>${token}([a-z][a-z-]*)</p>`, 'g'), (p, kind: string) => figures.get(kind) ?? p);
  return {md, swap};
}

/** A report's own chart (axes, score) as the HTML figure. */
function reportFigure(kind: string, model: ReportModel): string | undefined {
  if (!(CHART_KINDS as readonly string[]).includes(kind)) return undefined;
  return `<figure class="chart chart-${kind}">${chartSvg(kind as ChartKind, model).replace('<svg ', '<svg style="max-width:100%;height:auto" ')}</figure>`;
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
    summary: m.summary,
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
      return sealReport(renderHtml(input.bank, input.answers, input.date, input.template, needHtml(toHtml), input.brand), embeddedData(input, 'html'));
    case 'json':
      return `${safeJson(reportJson(input.bank, input.answers, input.date))}\n`;
    case 'pdf':
      throw new Error('internal: a PDF report is bytes, made by renderPdf (src/report/pdf.ts)');
  }
}

/** One data block's fields, in one order (a PDF's bytes follow the data's): what every report kind's block records but the body hash and the hash. */
function dataBlock(p: {bank: Bank; date: string; format: EmbeddedData['format']; templateText: string; templatePath?: string; answers: Answers; verdictOf: Result; brand?: Brand; several?: {kind: 'combine' | 'portfolio'; sources: {label: string; answers: Answers}[]}}): Omit<EmbeddedData, 'hash' | 'body'> {
  const r = p.verdictOf;
  return {
    v: 1,
    tool: `handoff-assess@${toolVersion()}`,
    date: p.date,
    format: p.format,
    bank: {name: p.bank.meta.name, version: p.bank.meta.version, fingerprint: bankFingerprint(p.bank)},
    template: {path: p.templatePath ?? 'default', fingerprint: templateFingerprint(p.templateText)},
    answers: answersToObject(p.answers),
    ...(p.several ? {kind: p.several.kind, sources: p.several.sources.map((s) => ({label: s.label, answers: answersToObject(s.answers)}))} : {}),
    ...(p.format !== 'md' && p.brand ? {brand: embeddedBrand(p.brand)} : {}),
    verdict: {recommendation: r.recommendation, lean: r.lean, confidence: r.confidence, score: r.score},
  };
}

/** What the report's data block records (all but the body hash and the hash itself). */
export function embeddedData(input: RenderInput, format: EmbeddedData['format']): Omit<EmbeddedData, 'hash' | 'body'> {
  const template = input.template ?? defaultTemplate();
  // score(): what the report model's result is, without building the model again
  return dataBlock({bank: input.bank, date: input.date, format, templateText: template.text, templatePath: input.template ? template.path : undefined, answers: input.answers, verdictOf: score(input.bank, input.answers), brand: input.brand});
}

let compareTemplate: Template[] | undefined;

/** A comparison of two assessments as markdown, HTML (needs `toHtml`; `brand` applies to it) or JSON. */
export function renderComparison(comparison: Comparison, format: ReportFormat, toHtml?: HtmlConverter, brand?: Brand): string {
  if (format === 'pdf') throw new Error('internal: a PDF comparison is bytes, made by renderComparisonPdf (src/report/pdf.ts)');
  if (format === 'json') return `${safeJson({format: 'handoff-assess-comparison', formatVersion: 1, ...comparison})}\n`;
  compareTemplate ??= mdEngine().parse(readFileSync(packagePath(COMPARE_TEMPLATE), 'utf8'));
  const md = normaliseBlankLines(mdEngine().renderSync(compareTemplate, {...comparison}) as string);
  if (format === 'md') return md;
  return htmlPageText({title: `Re-assessment: ${comparison.after.organisation}`, body: needHtml(toHtml)(md), bodyClass: comparison.after.recommendation, organisation: comparison.after.organisation, card: 'first-h2', brand, block: ''});
}

let combineTemplateText: string | undefined;

/** The combined report's template (templates/combine.md.liquid; not replaceable by --template). */
export function combineTemplate(): TemplateSource {
  combineTemplateText ??= readFileSync(packagePath(COMBINE_TEMPLATE), 'utf8');
  return {path: COMBINE_TEMPLATE, text: combineTemplateText};
}

/** What a combined report is made of: the respondents' answers, in order. */
export interface CombinedInput {
  bank: Bank;
  sources: Answers[];
  date: string;
  format: ReportFormat;
  /** The consultant's brand, for HTML and PDF. */
  brand?: Brand;
}

/**
 * Several respondents on one workflow (--combine) as markdown or HTML (both sealed with the
 * respondents' answers, so `--combine report.md` re-makes it and `--verify` checks it), or JSON.
 */
export function renderCombined(input: CombinedInput, toHtml?: HtmlConverter): string {
  const view = buildCombinedView(input.bank, input.sources, input.date);
  if (input.format === 'json') return `${safeJson(combinedJson(view, input.sources))}\n`;
  const text = renderCombinedMarkdown(input.bank, view);
  if (input.format === 'md') return sealReport(`${text}\n${BLOCK_PLACEHOLDER}\n`, combinedData(input, view, 'md'));
  if (input.format !== 'html') throw new Error('internal: a combined PDF is bytes, made by renderCombinedPdf (src/report/pdf.ts)');
  const body = needHtml(toHtml)(text);
  // The card is the combined verdict, not the disagreements that open the page.
  const page = htmlPageText({title: view.title, body, bodyClass: view.recommendation, organisation: view.organisation, card: 'verdict-h2', brand: input.brand, block: BLOCK_PLACEHOLDER});
  return sealReport(page, combinedData(input, view, 'html'));
}

/** The combined report's markdown (without its data block): what the HTML and the PDF are drawn from. */
export function renderCombinedMarkdown(bank: Bank, view: CombinedView): string {
  const template = combineTemplate();
  const parsed = compileTemplate(template);
  const {result: _result, ...rest} = view;
  const scope = {...rest, disagreementAt: bank.combine.disagreementAt, answersBlock: fence(answersToYaml(view.answers), 'yaml')};
  try {
    return normaliseBlankLines(mdEngine().renderSync(parsed, scope) as string);
  } catch (error) {
    throw templateError(template.path, error);
  }
}

/** The combined report's data block: the combined answers, and every respondent's as a source. */
export function combinedData(input: CombinedInput, view: CombinedView, format: EmbeddedData['format']): Omit<EmbeddedData, 'hash' | 'body'> {
  const sources = input.sources.map((answers, i) => ({label: view.respondents[i]!.label, answers}));
  return dataBlock({bank: input.bank, date: input.date, format, templateText: combineTemplate().text, answers: view.answers, verdictOf: view.result, brand: input.brand, several: {kind: 'combine', sources}});
}

/** The combined JSON report (docs/report.md, "Combined JSON report"). */
function combinedJson(v: CombinedView, sources: Answers[]): Record<string, unknown> {
  const shown = cleanStrings({
    format: 'handoff-assess-combined',
    formatVersion: 1,
    date: v.date,
    bank: v.bank,
    organisation: v.organisation,
    workflow: v.workflow,
    systems: v.systems,
    respondents: v.respondents.map(({label, assessor, role}) => ({label, assessor: assessor ?? null, role: role ?? null})),
    recommendation: v.recommendation,
    confidence: v.confidence,
    confidenceLowered: v.confidenceLowered,
    confidenceReasons: v.confidenceReasons,
    lean: v.result.lean,
    why: v.why,
    score: v.score,
    threshold: v.threshold,
    margin: v.result.margin,
    drivers: v.drivers,
    flips: v.result.flips,
    disagreements: v.disagreements,
    matrix: v.matrix.map(({id, title, weight, heavy, answers, spread, combined, certainty, disagreement, lowersConfidence}) => ({
      id,
      title,
      weight,
      heavy,
      answers: answers.map(({respondent, value, certainty: mark, note}) => ({respondent, value, certainty: mark, note})),
      spread,
      combined,
      certainty,
      disagreement,
      lowersConfidence,
    })),
    signals: v.signals,
    disqualifiers: v.disqualifiers,
    baselines: v.baselines,
    handoffs: v.handoffs,
    method: v.method,
  });
  return {...shown, answers: answersToObject(v.answers), sources: sources.map((answers, i) => ({label: v.respondents[i]!.label, answers: answersToObject(answers)}))};
}

let portfolioTemplateText: string | undefined;
let portfolioTemplate: Template[] | undefined;

/** The bundled portfolio template (its fingerprint goes into the sealed block). */
export function portfolioTemplateSource(): TemplateSource {
  portfolioTemplateText ??= readFileSync(packagePath(PORTFOLIO_TEMPLATE), 'utf8');
  return {path: PORTFOLIO_TEMPLATE, text: portfolioTemplateText};
}

/**
 * Several workflows of one organisation (issue 14, `--portfolio`): markdown and HTML sealed
 * with every assessment's answers (`kind: 'portfolio'`, replayable and checked by --verify),
 * or JSON (`handoff-assess-portfolio`, docs/report.md).
 */
export function renderPortfolio(model: PortfolioModel, sources: PortfolioSource[], bank: Bank, format: ReportFormat, toHtml?: HtmlConverter, brand?: Brand): string {
  if (format === 'json') return `${safeJson(portfolioJson(model, sources))}\n`;
  if (format === 'pdf') throw new Error('internal: a portfolio PDF is bytes, made by renderPortfolioPdf (src/report/pdf.ts)');
  const md = portfolioMarkdown(model);
  const data = portfolioData(model, sources, bank, format, brand);
  if (format === 'md') return sealReport(`${md}\n${BLOCK_PLACEHOLDER}\n`, data);
  const {md: text, swap} = chartPlaceholders(md, (kind) => (kind === 'portfolio' ? `<figure class="chart">${portfolioSvg(model)}</figure>` : undefined));
  const body = swap(needHtml(toHtml)(text));
  return sealReport(htmlPageText({title: model.title, body, bodyClass: model.entries[0]!.recommendation, organisation: model.organisation, card: 'first-h2', brand, block: BLOCK_PLACEHOLDER}), data);
}

/** The portfolio's markdown (without its data block), the chart as its text rendition: what the HTML and the PDF are drawn from. */
export function portfolioMarkdown(model: PortfolioModel): string {
  portfolioTemplate ??= mdEngine().parse(portfolioTemplateSource().text);
  return normaliseBlankLines(mdEngine().renderSync(portfolioTemplate, {...model, chart: portfolioText(model)}) as string);
}

/** The portfolio's data block: every assessment's answers (`kind: 'portfolio'`), the first-ranked one's as `answers` and verdict. */
export function portfolioData(model: PortfolioModel, sources: PortfolioSource[], bank: Bank, format: EmbeddedData['format'], brand?: Brand): Omit<EmbeddedData, 'hash' | 'body'> {
  const source = sources[model.entries[0]!.source]!;
  return dataBlock({bank, date: model.date, format, templateText: portfolioTemplateSource().text, answers: source.answers, verdictOf: score(bank, source.answers), brand, several: {kind: 'portfolio', sources}});
}

/** The JSON portfolio: a stable, documented shape (docs/report.md, "JSON portfolio"). */
function portfolioJson(m: PortfolioModel, sources: PortfolioSource[]): Record<string, unknown> {
  const shown = cleanStrings({
    format: 'handoff-assess-portfolio',
    formatVersion: 1,
    date: m.date,
    bank: m.bank,
    organisation: m.organisation,
    threshold: m.threshold,
    range: m.range,
    headline: m.headline,
    first: m.first ? {workflow: m.first.workflow, rank: m.first.rank, source: m.first.label} : null,
    firstWhy: m.firstWhy,
    redesign: m.redesign,
    rule: m.rule,
    workflows: m.entries.map((e) => ({
      rank: e.rank,
      workflow: e.workflow,
      source: e.label,
      systems: e.systemsText,
      respondent: e.respondent,
      recommendation: e.recommendation,
      lean: e.lean,
      confidence: e.confidence,
      score: e.score,
      margin: e.margin,
      heavyAxes: e.heavyAxes,
      failures: e.failures,
      failuresText: e.failuresText,
      why: e.why,
      ahead: e.ahead,
      triggers: e.triggers,
      gaps: e.gaps,
      redesign: e.redesign,
    })),
  });
  return {...shown, assessments: sources.map((s) => ({source: s.label, answers: answersToObject(s.answers)}))};
}
