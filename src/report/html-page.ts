/**
 * The HTML page around a report's or a comparison's body (templates/report.html.liquid):
 * the verdict card, the appendix on a page of its own in print, column names on the
 * cells of wide tables (a phone shows them as cards), the print header and the
 * consultant's brand (src/report/brand-types.ts). Pure: no file is read here.
 */
import type {Brand} from './brand-types.js';
import {stripControlsOnOneLine} from './escape.js';

/** The rule under headings when no brand gives an accent colour. */
export const DEFAULT_ACCENT = '#c4ccd8';
const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** What the page template reads besides the title, the body and the block. */
export interface PageFields {
  accent: string;
  /** CSS strings (cssString) for the print header's left and right. */
  printHeader: string;
  printBrand: string;
  brand?: {name: string; logo?: string; contact?: string; disclaimer?: string};
}

/** The page's fields: `organisation` in the print header, the brand (if any) on the page. */
export function pageFields(organisation: string, brand: Brand | undefined): PageFields {
  const accent = brand?.accent && HEX_COLOUR.test(brand.accent) ? brand.accent.toLowerCase() : DEFAULT_ACCENT;
  return {
    accent,
    printHeader: cssString(organisation),
    printBrand: cssString(brand?.name ?? ''),
    brand: brand
      ? {
          name: brand.name,
          logo: brand.logo ? `data:${brand.logo.mime};base64,${brand.logo.base64}` : undefined,
          contact: brand.contact || undefined,
          disclaimer: brand.disclaimer || undefined,
        }
      : undefined,
  };
}

/**
 * Text as a CSS string literal, safe inside a <style> element: every character
 * but ASCII letters, digits and spaces becomes a hex escape (so no quote, no
 * backslash, no "</style>" and no line break survives as itself).
 */
export function cssString(text: string): string {
  const clean = stripControlsOnOneLine(text).trim().slice(0, 200);
  let out = '"';
  for (const ch of clean) out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  return `${out}"`;
}

/**
 * marked's HTML laid out for the page:
 * - the first section (from the first h2 to the next, for a report; from the
 *   title to the first h2, for a comparison) in a verdict card;
 * - the "Appendix" h2 and all after it in a section that starts a new printed page;
 * - each cell of a table of three or more columns labelled with its column's
 *   name (data-label), the table marked `cards`: on a narrow screen each row is a card.
 * marked escapes every tag a report's text could hold, so the tags found here are its own.
 */
/** Which part of the page is the verdict card: the first h2's section (a report, a comparison, a portfolio), or the h2 starting "Combined verdict" (a combined report opens with its disagreements). */
export type CardRule = 'first-h2' | 'verdict-h2';

export function arrangeBody(html: string, kind: CardRule): string {
  let body = labelTables(html);
  const appendix = /<h2>Appendix\b/.exec(body);
  if (appendix) body = `${body.slice(0, appendix.index)}<section class="appendix">\n${body.slice(appendix.index)}</section>\n`;
  const card = firstH2Section(body, kind === 'verdict-h2' ? '<h2>Combined verdict' : '<h2>');
  if (card) body = `${body.slice(0, card.start)}<section class="verdict">\n${body.slice(card.start, card.end)}</section>\n${body.slice(card.end)}`;
  return body;
}

function firstH2Section(body: string, opening: string): {start: number; end: number} | undefined {
  const start = body.indexOf(opening);
  if (start < 0) return undefined;
  return {start, end: sectionEnd(body, body.indexOf('</h2>', start))};
}

/** Where the section that goes on from `from` ends: the next h2 or section, else the end. */
function sectionEnd(body: string, from: number): number {
  const next = [body.indexOf('<h2>', from + 1), body.indexOf('<section', from + 1)].filter((i) => i >= 0);
  return next.length ? Math.min(...next) : body.length;
}

/** Tables of three or more columns: class "cards" and each cell's column name in data-label. */
function labelTables(html: string): string {
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (table, inner: string) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(inner);
    if (!head) return table;
    const names = [...head[1]!.matchAll(/<th(?: [^>]*)?>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1]!));
    if (names.length < 3) return table;
    const labelled = inner.replace(/<tr>([\s\S]*?)<\/tr>/g, (row, cells: string) => {
      let i = 0;
      const out = cells.replace(/<td((?: [^>]*)?)>/g, (_td, attrs: string) => {
        const name = names[i++] ?? '';
        return name ? `<td${attrs} data-label="${name}">` : `<td${attrs}>`;
      });
      return row === `<tr>${cells}</tr>` ? `<tr>${out}</tr>` : row;
    });
    return `<table class="cards">${labelled}</table>`;
  });
}

/** A header cell's text, still escaped as marked wrote it, without its tags and quotes. */
function textOf(cellHtml: string): string {
  return cellHtml
    .replace(/<[^>]*>/g, '')
    .replace(/"/g, '&quot;')
    .trim();
}

/**
 * The brand as a report's data block records it: the logo without the name of its file (a
 * local path stays local), the fields always in one order (a PDF's bytes follow the data's).
 */
export function embeddedBrand(brand: Brand): Brand {
  return brandOf({brand})!;
}

/**
 * The brand recorded in a report's data block, for rendering it again (--verify),
 * when it has the shape a brand has; else none (and the report then renders differently).
 */
export function brandOf(data: {brand?: unknown}): Brand | undefined {
  const b = data.brand as Partial<Brand> | undefined;
  if (!b || typeof b !== 'object' || typeof b.name !== 'string') return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const logo = b.logo && typeof b.logo === 'object' && (b.logo.mime === 'image/png' || b.logo.mime === 'image/svg+xml') && typeof b.logo.base64 === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(b.logo.base64) ? b.logo : undefined;
  return {
    name: b.name,
    ...(logo ? {logo: {mime: logo.mime, base64: logo.base64, file: 'logo'}} : {}),
    ...(str(b.accent) && HEX_COLOUR.test(b.accent!) ? {accent: b.accent} : {}),
    ...(str(b.contact) ? {contact: b.contact} : {}),
    ...(str(b.disclaimer) ? {disclaimer: b.disclaimer} : {}),
  };
}
