/**
 * The PDF report (`--format pdf`), made with pdfmake. Only that format loads this module
 * (the CLI imports it dynamically), so markdown, HTML and JSON runs never load pdfmake,
 * pdfkit or the fonts.
 *
 * The PDF says what the HTML page says, in the same order: it is drawn from the same
 * markdown (render-core's renderMarkdown), walked token by token (marked's lexer) into
 * pdfmake's nodes. The converter knows markdown, not this report, so a comparison (and any
 * report made of markdown) gets a PDF the same way. A chart region (src/report/charts.ts)
 * becomes its SVG drawing.
 *
 * Nothing is fetched and no file is read because of what a report holds: pdfmake's URL
 * policy refuses every URL and its local-file policy every path; the fonts are handed over
 * as bytes; the only pictures are the charts and a brand logo, both given as data; an SVG's
 * <image> may only be a data: URL (anything else is drawn as nothing). Links are shown as
 * their text.
 *
 * The answers and the seal (src/report/embed.ts) are in the document information
 * dictionary (PDF_INFO_KEY); the body hash covers the file's bytes without that payload,
 * so a PDF can be checked byte for byte by `--verify` (src/report/verify.ts).
 */
import {existsSync, readFileSync} from 'node:fs';
import {Lexer, type Token, type Tokens} from 'marked';
import pdfmake from 'pdfmake';
import type {Comparison} from '../engine/compare.js';
import {buildReportModel} from '../engine/report-model.js';
import {packagePath} from '../files/paths.js';
import type {Brand} from './brand-types.js';
import {CHART_END, CHART_KINDS, CHART_START, chartSvg, type ChartKind} from './charts.js';
import {encodePayload, findPdfBlock, pdfBodyHash, PDF_BLOCK_PREFIX, PDF_INFO_KEY, type EmbeddedData} from './embed.js';
import {stripControls} from './escape.js';
import {buildCombinedView} from '../engine/combine.js';
import type {PortfolioModel, PortfolioSource} from '../engine/portfolio.js';
import type {Bank} from '../engine/types.js';
import {portfolioSvg} from './portfolio-chart.js';
import {combinedData, embeddedData, portfolioData, portfolioMarkdown, renderCombinedMarkdown, markdownOf, renderComparison, toolVersion, type CombinedInput} from './render-core.js';
import type {RenderInput} from './report-types.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Node = Record<string, any>;
type Inline = Node | string;

/** The font: Inter (SIL Open Font License), whose glyphs cover what reports use (→ · “ ” – ≥ ✓). */
const FONT = 'Inter';
const FONT_FILES = {
  normal: '400Regular/Inter_400Regular.ttf',
  bold: '600SemiBold/Inter_600SemiBold.ttf',
  italics: '400Regular_Italic/Inter_400Regular_Italic.ttf',
  bolditalics: '600SemiBold_Italic/Inter_600SemiBold_Italic.ttf',
} as const;
/** Where scripts/build.mjs copies the font files (by their base names) in the package. */
export const PDF_FONT_DIR = 'dist/fonts';

/** A4 in points, and the margins: left, top, right, bottom. */
const PAGE = {width: 595.28, height: 841.89};
const MARGINS = [50, 62, 50, 66] as const;
const CONTENT_WIDTH = PAGE.width - MARGINS[0] - MARGINS[2];
const DEFAULT_ACCENT = '#1f3a5f';
const MUTED = '#555555';

function fontBytes(file: string): Buffer {
  const built = packagePath(PDF_FONT_DIR, file.split('/').pop()!);
  return readFileSync(existsSync(built) ? built : packagePath('node_modules', '@expo-google-fonts', 'inter', file));
}

let ready = false;
/** pdfmake is one shared instance: its policies and fonts are set once. */
function setUp(): void {
  if (ready) return;
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const names = {} as Record<keyof typeof FONT_FILES, string>;
  for (const [style, file] of Object.entries(FONT_FILES) as [keyof typeof FONT_FILES, string][]) {
    names[style] = `${FONT}-${style}.ttf`;
    pdfmake.virtualfs.writeFileSync(names[style], fontBytes(file));
  }
  pdfmake.setFonts({[FONT]: names});
  pdfmake.setTableLayouts({
    report: {
      hLineWidth: (i: number, node: Node) => (i === 0 || i === node.table.body.length ? 0.8 : i === 1 ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? '#333333' : '#bbbbbb'),
      paddingLeft: (i: number) => (i === 0 ? 0 : 5),
      paddingRight: () => 5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    code: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      fillColor: () => '#f3f3f3',
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  });
  ready = true;
}

/* ---------- markdown → pdfmake nodes ---------- */

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

/** The text of a markdown token with its character references decoded (the markdown escapes & < > as &amp; &lt; &gt;). */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

interface Style {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  strike?: boolean;
}

function run(text: string, style: Style): Inline {
  const node: Node = {text: stripControls(text)};
  if (style.bold) node.bold = true;
  if (style.italics) node.italics = true;
  if (style.code) node.style = 'code';
  if (style.strike) node.decoration = 'lineThrough';
  return node;
}

/** Inline tokens → pdfmake text runs. */
function inline(tokens: Token[] | undefined, style: Style = {}): Inline[] {
  const out: Inline[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inline((t as Tokens.Strong).tokens, {...style, bold: true}));
        break;
      case 'em':
        out.push(...inline((t as Tokens.Em).tokens, {...style, italics: true}));
        break;
      case 'del':
        out.push(...inline((t as Tokens.Del).tokens, {...style, strike: true}));
        break;
      case 'codespan':
        out.push(run(decode((t as Tokens.Codespan).text), {...style, code: true}));
        break;
      case 'br':
        out.push('\n');
        break;
      case 'link':
        // Shown as its text: a PDF handed to a client opens nothing by itself.
        out.push(...inline((t as Tokens.Link).tokens, style));
        break;
      case 'image':
        out.push(run(decode((t as Tokens.Image).text), style));
        break;
      case 'html':
        // An inline comment is invisible, as in the HTML; other raw HTML is shown as text, as there.
        if (!/^<!--/.test((t as Tokens.HTML).text)) out.push(run(decode((t as Tokens.HTML).text), style));
        break;
      case 'text':
      case 'escape': {
        const tt = t as Tokens.Text;
        if (tt.tokens?.length) out.push(...inline(tt.tokens, style));
        else out.push(run(decode(tt.text), style));
        break;
      }
      default:
        if ('text' in t && typeof t.text === 'string') out.push(run(decode(t.text), style));
        else if (typeof t.raw === 'string') out.push(run(t.raw, style));
    }
  }
  return out;
}

/** The plain text of inline tokens (for measuring table columns). */
function plain(tokens: Token[] | undefined): string {
  return inline(tokens)
    .map((r) => (typeof r === 'string' ? r : String(r.text)))
    .join('');
}

export interface ConvertOptions {
  /**
   * The SVG for a chart region `<!-- handoff-assess:chart KIND -->` (charts.ts's axes and score, the
   * portfolio's chart): the caller decides which kinds it draws; without a drawing the region's text
   * rendition is kept.
   */
  chart?: (kind: string) => string | undefined;
  accent: string;
}


/** Markdown → pdfmake content. */
export function markdownToPdfContent(md: string, options: ConvertOptions): Node[] {
  return blocks(new Lexer({gfm: true}).lex(md), options);
}

function blocks(tokens: Token[], options: ConvertOptions): Node[] {
  const out: Node[] = [];
  let inChart = false;
  for (const t of tokens) {
    if (inChart) {
      if (t.type === 'html' && CHART_END.test((t as Tokens.HTML).text.trim())) inChart = false;
      continue;
    }
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        out.push({text: inline(h.tokens), style: `h${Math.min(h.depth, 4)}`, headlineLevel: h.depth, color: h.depth <= 2 ? options.accent : undefined});
        break;
      }
      case 'paragraph':
        out.push({text: inline((t as Tokens.Paragraph).tokens), style: 'p'});
        break;
      case 'text': {
        const tt = t as Tokens.Text;
        out.push({text: tt.tokens?.length ? inline(tt.tokens) : decode(tt.text), style: 'p'});
        break;
      }
      case 'list':
        out.push(list(t as Tokens.List, options));
        break;
      case 'table':
        out.push(table(t as Tokens.Table));
        break;
      case 'code':
        out.push({
          table: {widths: ['*'], body: [[{text: stripControls((t as Tokens.Code).text), style: 'pre', preserveLeadingSpaces: true}]]},
          layout: 'code',
          style: 'block',
        });
        break;
      case 'blockquote':
        out.push({table: {widths: ['*'], body: [[{stack: blocks((t as Tokens.Blockquote).tokens, options)}]], dontBreakRows: true}, layout: {...CARD, vLineColor: () => options.accent}, style: 'block'});
        break;
      case 'hr':
        out.push({canvas: [{type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: '#999999'}], margin: [0, 6, 0, 10]});
        break;
      case 'html': {
        const html = (t as Tokens.HTML).text.trim();
        const chart = CHART_START.exec(html);
        if (chart) {
          inChart = true;
          const svg = options.chart?.(chart[1]!);
          if (svg) out.push(svgNode(svg, chartWidth(svg)));
          else inChart = false; // no drawing: the text rendition that follows stays
        } else if (!html.startsWith('<!--')) {
          out.push({text: decode(html), style: 'p'});
        }
        break;
      }
      default:
        // space, def: nothing to show
        break;
    }
  }
  return out;
}

const CARD = {
  hLineWidth: () => 0,
  vLineWidth: (i: number) => (i === 0 ? 3 : 0),
  fillColor: () => '#f2f4f7',
  paddingLeft: () => 10,
  paddingRight: () => 8,
  paddingTop: () => 6,
  paddingBottom: () => 2,
};

function list(l: Tokens.List, options: ConvertOptions): Node {
  const items = l.items.map((item) => {
    const content = blocks(item.tokens, options).map((n) => (n.style === 'p' ? {...n, style: 'li'} : n));
    if (item.task) content.unshift({text: item.checked ? '☑' : '☐'});
    return content.length === 1 ? content[0]! : {stack: content};
  });
  return l.ordered ? {ol: items, start: typeof l.start === 'number' ? l.start : 1, style: 'list'} : {ul: items, style: 'list'};
}

/** A table: the header row repeated on each page, no row split across pages, columns sized to their text. */
function table(t: Tokens.Table): Node {
  const align = (i: number) => (t.align[i] === 'right' ? 'right' : t.align[i] === 'center' ? 'center' : 'left');
  // A column of short entries ("weeks 1–2", "+3") takes the width of its longest entry, each on one line; the others share the rest.
  const longest = t.header.map((h, i) => Math.max(...[plain(h.tokens), ...t.rows.map((r) => plain(r[i]?.tokens))].map((c) => c.length)));
  const short = longest.map((n) => n <= 18);
  // Kept on one line only while those columns together surely fit (about 4.8 pt a character at 8.5 pt, 10 pt of padding).
  const oneLine = longest.reduce((sum, n, i) => sum + (short[i] ? n * 4.8 + 10 : 0), 0) <= CONTENT_WIDTH * 0.7;
  const header = t.header.map((c, i) => ({text: inline(c.tokens), style: 'th', alignment: align(i)}));
  const rows = t.rows.map((r) => r.map((c, i) => ({text: inline(c.tokens), alignment: align(i), ...(short[i] && oneLine ? {noWrap: true} : {})})));
  const widths = short.map((s) => (s ? 'auto' : '*'));
  return {table: {headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths, body: [header, ...rows]}, layout: 'report', style: 'table'};
}

/**
 * How wide a chart is drawn: its own width in CSS pixels at 0.8 pt each (the axes chart, 360 px,
 * comes out about 10 cm wide, as the HTML prints it), never wider than the text column.
 */
function chartWidth(svg: string): number {
  const px = Number(/<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1]);
  return Number.isFinite(px) && px > 0 ? Math.min(CONTENT_WIDTH, px * 0.8) : CONTENT_WIDTH;
}

/** Only data: URLs of raster images inside an SVG; anything else (a file, a URL) is drawn as nothing. */
const BLANK_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
function svgNode(svg: string, width: number, height?: number): Node {
  return {
    svg,
    ...(height ? {fit: [width, height]} : {width}),
    font: FONT,
    options: {
      imageCallback: (link: string) => (/^data:image\/(png|jpeg);base64,/i.test(link.trim()) ? link.replace(/\s+/g, '') : BLANK_PNG),
      warningCallback: () => undefined,
    },
    style: 'chart',
  };
}

/* ---------- the document ---------- */

export interface PdfDocumentInput {
  md: string;
  /** The document's title (its information dictionary). */
  title: string;
  /** In every page's header. */
  organisation: string;
  /** YYYY-MM-DD: the document's creation date, so that the same input gives the same bytes. */
  date: string;
  brand?: Brand;
  chart?: ConvertOptions['chart'];
  /** The data block to seal in; none for a comparison. */
  data?: Omit<EmbeddedData, 'hash' | 'body'>;
}

function logoNode(brand: Brand): Node | undefined {
  const logo = brand.logo;
  if (!logo) return undefined;
  if (logo.mime === 'image/svg+xml') return svgNode(Buffer.from(logo.base64, 'base64').toString('utf8'), 90, 26);
  return {image: `data:image/png;base64,${logo.base64}`, fit: [90, 26]};
}

function documentDefinition(input: PdfDocumentInput): Node {
  const accent = input.brand?.accent ?? DEFAULT_ACCENT;
  const brand = input.brand;
  const logo = brand ? logoNode(brand) : undefined;
  const who = brand?.name ? stripControls(brand.name) : '';
  const headerRight: Node = logo ?? {text: who, alignment: 'right', bold: true, color: accent};
  return {
    pageSize: 'A4',
    pageMargins: [...MARGINS],
    language: 'en',
    compress: true,
    info: {
      title: stripControls(input.title),
      author: who || 'handoff-assess',
      subject: `Workflow handoff risk assessment: ${stripControls(input.organisation)}`,
      creator: `handoff-assess ${toolVersion()}`,
      producer: `handoff-assess ${toolVersion()} (pdfmake)`,
      creationDate: new Date(`${input.date}T00:00:00Z`),
      modDate: new Date(`${input.date}T00:00:00Z`),
    },
    header: () => ({
      margin: [MARGINS[0], 24, MARGINS[2], 0],
      columns: [
        {text: stripControls(input.organisation), bold: true, fontSize: 9, color: MUTED, width: '*'},
        {...headerRight, width: logo ? 90 : 'auto', fontSize: 9},
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [MARGINS[0], 14, MARGINS[2], 0],
      columns: [
        {
          stack: [
            ...(brand?.contact || who ? [{text: stripControls([who, brand?.contact].filter(Boolean).join(' · ')), fontSize: 7.5, color: MUTED}] : []),
            ...(brand?.disclaimer ? [{text: stripControls(brand.disclaimer), fontSize: 6.5, color: MUTED}] : []),
          ],
          width: '*',
        },
        {text: `Page ${page} of ${pages}`, alignment: 'right', fontSize: 8, color: MUTED, width: 'auto', margin: [10, 0, 0, 0]},
      ],
    }),
    content: markdownToPdfContent(input.md, {chart: input.chart, accent}),
    // A heading is never the last thing on a page: it goes over with what follows it.
    pageBreakBefore: (node: Node, nodes: {getFollowingNodesOnPage(): Node[]}) =>
      Boolean(node.headlineLevel) && (node.startPosition.verticalRatio > 0.86 || nodes.getFollowingNodesOnPage().length === 0),
    defaultStyle: {font: FONT, fontSize: 9.5, lineHeight: 1.2, color: '#1a1a1a'},
    styles: {
      h1: {fontSize: 18, bold: true, margin: [0, 0, 0, 8]},
      h2: {fontSize: 14, bold: true, margin: [0, 12, 0, 6]},
      h3: {fontSize: 11.5, bold: true, margin: [0, 10, 0, 4]},
      h4: {fontSize: 10, bold: true, margin: [0, 8, 0, 3]},
      p: {margin: [0, 0, 0, 6]},
      li: {margin: [0, 0, 0, 2]},
      list: {margin: [0, 0, 0, 6]},
      th: {bold: true, fontSize: 8.5},
      table: {fontSize: 8.5, margin: [0, 2, 0, 10]},
      code: {color: '#333333', background: '#f0f0f0'},
      pre: {fontSize: 7.5, lineHeight: 1.1},
      block: {margin: [0, 2, 0, 8]},
      chart: {margin: [0, 4, 0, 10]},
    },
  };
}

async function build(doc: Node): Promise<Buffer> {
  setUp();
  return pdfmake.createPdf(doc).getBuffer();
}

/**
 * The PDF, with the data block sealed in: drawn once with a placeholder payload of the
 * final payload's length (the two hashes are hex of fixed length), the body hash taken
 * over the bytes without it, then the real payload written over the placeholder. Nothing
 * else moves, so the file's cross-reference offsets stay right.
 */
export async function markdownToPdf(input: PdfDocumentInput): Promise<Buffer> {
  const doc = documentDefinition(input);
  if (!input.data) return build(doc);
  const zeros = '0'.repeat(64);
  const placeholder = Buffer.from(JSON.stringify({...input.data, body: zeros, hash: zeros}), 'utf8').toString('base64url');
  doc.info[PDF_INFO_KEY] = `${PDF_BLOCK_PREFIX}v1 ${placeholder}`;
  const bytes = await build(doc);
  const found = findPdfBlock(bytes);
  if (!found || found.length !== placeholder.length) throw new Error('internal: the PDF lost its data block placeholder');
  const payload = encodePayload({...input.data, body: pdfBodyHash(bytes, found.at, found.length)});
  if (payload.length !== placeholder.length) throw new Error('internal: the sealed data block changed length');
  bytes.write(payload, found.at, 'latin1');
  return bytes;
}

/** The report as a PDF: the markdown report drawn, with the charts, the brand, and the sealed data block. */
export async function renderPdf(input: RenderInput): Promise<Buffer> {
  const model = buildReportModel(input.bank, input.answers, input.date);
  const md = markdownOf(model, input.answers, input.template);
  const data = embeddedData(input, 'pdf'); // the brand with it (the logo without its file name): --verify draws it again
  const chart = (kind: string) => ((CHART_KINDS as readonly string[]).includes(kind) ? chartSvg(kind as ChartKind, model) : undefined);
  return markdownToPdf({md, title: model.title, organisation: model.organisation, date: input.date, brand: input.brand, chart, data});
}

/** A comparison of two assessments as a PDF (no data block: a comparison is not replayed). */
export async function renderComparisonPdf(comparison: Comparison, options: {brand?: Brand; date: string}): Promise<Buffer> {
  const md = renderComparison(comparison, 'md');
  const organisation = comparison.after.organisation;
  return markdownToPdf({md, title: `Re-assessment: ${organisation}`, organisation, date: options.date, brand: options.brand});
}

/**
 * Several respondents on one workflow (--combine) as a PDF: the combined report's markdown
 * drawn, sealed with every respondent's answers (`kind: 'combine'`), so that `--combine
 * combined.pdf` re-makes it and `--verify` draws it again.
 */
export async function renderCombinedPdf(input: Omit<CombinedInput, 'format'>): Promise<Buffer> {
  const view = buildCombinedView(input.bank, input.sources, input.date);
  const data = combinedData({...input, format: 'pdf'}, view, 'pdf');
  return markdownToPdf({md: renderCombinedMarkdown(input.bank, view), title: view.title, organisation: view.organisation, date: input.date, brand: input.brand, data});
}

/** Several workflows of one organisation (--portfolio) as a PDF: its chart drawn, sealed with every assessment's answers. */
export async function renderPortfolioPdf(model: PortfolioModel, sources: PortfolioSource[], bank: Bank, brand?: Brand): Promise<Buffer> {
  const chart = (kind: string) => (kind === 'portfolio' ? portfolioSvg(model) : undefined);
  const data = portfolioData(model, sources, bank, 'pdf', brand);
  return markdownToPdf({md: portfolioMarkdown(model), title: model.title, organisation: model.organisation, date: model.date, brand, chart, data});
}
