/**
 * The report's markdown as terminal lines, drawn straight from marked's
 * lexer: headings, paragraphs, nested lists, tables, code blocks, quotes and
 * rules, with bold, italic and code as terminal styles (none when noColor).
 * HTML is dropped, so the report's hidden data comment never shows. Every
 * line fits the width (string-width); nothing is cut, only wrapped.
 * Loaded lazily by the result screen (use-markdown.ts).
 */
import {Lexer, type Token, type Tokens} from 'marked';
import {stripControls} from '../../report/escape.js';
import {cellWidth, hardWrap, wrapStyled} from './cells.js';

interface Style {
  noColor: boolean;
}

/** The terminal's attribute around `text`: `on` and `off` are SGR parameters. */
function sgr(style: Style, on: number, off: number, text: string): string {
  return style.noColor || !text ? text : `\u001B[${on}m${text}\u001B[${off}m`;
}

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0'};

/** The characters HTML entities in markdown text stand for (the report escapes & < > in user text), less any control character they spell. */
function decodeEntities(text: string): string {
  return stripControls(text).replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? stripControls(String.fromCodePoint(cp)) : whole;
  });
}

/** Inline tokens as one styled string; a hard line break is "\n". */
function inline(tokens: Token[] | undefined, style: Style): string {
  return (tokens ?? [])
    .map((token) => {
      switch (token.type) {
        case 'strong':
          return sgr(style, 1, 22, inline(token.tokens, style));
        case 'em':
          return sgr(style, 3, 23, inline(token.tokens, style));
        case 'del':
          return sgr(style, 9, 29, inline(token.tokens, style));
        case 'codespan':
          return sgr(style, 36, 39, decodeEntities(token.text));
        case 'br':
          return '\n';
        case 'link': {
          const text = inline(token.tokens, style);
          return token.href && stripControls(text) !== token.href ? `${text} (${token.href})` : text;
        }
        case 'image':
          return token.text;
        case 'html':
          return '';
        case 'text':
          return token.tokens ? inline(token.tokens, style) : decodeEntities(token.text);
        default:
          return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
      }
    })
    .join('');
}

/** A styled paragraph wrapped to the width. */
function paragraph(text: string, width: number): string[] {
  return stripControls(text) === '' ? [] : text.split('\n').flatMap((line) => wrapStyled(line, width, 0));
}

/** `lines` under a first-line prefix, the other lines indented as wide; a prefix that leaves too little room gets a line of its own. */
function prefixed(first: string, rest: string, render: (width: number) => string[], width: number): string[] {
  // The wider of the two prefixes: a continuation line may be indented further than the first (a label, then an indent).
  const indent = Math.max(cellWidth(first), cellWidth(rest));
  if (width - indent < Math.min(10, width)) return [first.trimEnd(), ...render(width)];
  const lines = render(width - indent);
  if (!lines.length) return [first.trimEnd()];
  return lines.map((line, i) => (i === 0 ? first : rest) + line);
}

function list(token: Tokens.List, width: number, style: Style): string[] {
  const start = typeof token.start === 'number' ? token.start : 1;
  const markers = token.items.map((item, i) => `${token.ordered ? `${start + i}.` : '•'} ${item.task ? (item.checked ? '[x] ' : '[ ] ') : ''}`);
  const markerWidth = Math.max(...markers.map(cellWidth));
  return token.items.flatMap((item, i) => {
    const marker = markers[i]!.padEnd(markerWidth);
    const lines = prefixed(marker, ' '.repeat(markerWidth), (w) => blocks(item.tokens, w, style, item.loose), width);
    return token.loose && i > 0 ? ['', ...lines] : lines;
  });
}

/**
 * Column widths that fit `width`: one cell at a time, the column with the most
 * room above its floor gives one up. A column's floor is its longest word (at
 * least 6 cells, or its whole width if less), so no word is ever split.
 * Undefined when even that is too wide.
 */
function fitColumns(table: string[][], width: number, gap: number): number[] | undefined {
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => cellWidth(row[c]!))));
  const floors = widths.map((w, c) => Math.min(w, Math.max(6, ...table.flatMap((row) => stripControls(row[c]!).split(/\s+/).map(cellWidth)))));
  let over = widths.reduce((sum, w) => sum + w, 0) + gap * (widths.length - 1) - width;
  while (over > 0) {
    const widest = widths.reduce((best, w, c) => (w - floors[c]! > widths[best]! - floors[best]! ? c : best), 0);
    if (widths[widest]! <= floors[widest]!) return undefined;
    widths[widest]!--;
    over--;
  }
  return widths;
}

/** A table as columns, cells wrapped within them; too wide for that, one block per row: its first cell, then "Header: cell". */
function table(token: Tokens.Table, width: number, style: Style): string[] {
  const cell = (c: Tokens.TableCell) => inline(c.tokens, style).replace(/\n/g, ' ');
  const head = token.header.map((c) => sgr(style, 1, 22, cell(c)));
  const rows = token.rows.map((row) => head.map((_, c) => (row[c] ? cell(row[c]) : '')));
  const gap = '  ';
  const widths = fitColumns([head, ...rows], width, gap.length);
  if (widths) {
    const line = (cells: string[]) => {
      const wrapped = cells.map((text, c) => wrapStyled(text, widths[c]!, 0));
      const height = Math.max(...wrapped.map((lines) => lines.length));
      return Array.from({length: height}, (_, i) =>
        wrapped
          .map((lines, c) => {
            const text = lines[i] ?? '';
            const space = ' '.repeat(Math.max(0, widths[c]! - cellWidth(text)));
            return token.align[c] === 'right' ? space + text : text + space;
          })
          .join(gap)
          .trimEnd(),
      );
    };
    const body = rows.map(line);
    // Rows of more than one line each get a blank line after them, so that one row reads as one.
    const spaced = body.some((lines) => lines.length > 1) ? body.flatMap((lines) => [...lines, '']).slice(0, -1) : body.flat();
    return [...line(head), '─'.repeat(widths.reduce((sum, w) => sum + w, 0) + gap.length * (widths.length - 1)), ...spaced];
  }
  // The first column's header once, as the title of the blocks (it tells two such tables apart).
  const title = paragraph(sgr(style, 4, 24, stripControls(head[0] ?? '')), width);
  const blocks = rows.flatMap((row) => {
    const [first = '', ...rest] = row;
    const lines = paragraph(sgr(style, 1, 22, first), width);
    rest.forEach((text, c) => lines.push(...prefixed('  ', '    ', (w) => paragraph(`${stripControls(head[c + 1]!)}: ${text}`, w), width)));
    return ['', ...lines];
  });
  return title.length ? [...title, ...blocks] : blocks.slice(1);
}

/** Block tokens as lines of at most `width` cells, a blank line between blocks (none in a tight list item). */
function blocks(tokens: Token[], width: number, style: Style, loose = true): string[] {
  const out: string[][] = [];
  for (const token of tokens) {
    const lines = block(token, width, style);
    if (lines) out.push(lines);
  }
  return out.flatMap((lines, i) => (i > 0 && loose ? ['', ...lines] : lines));
}

function block(token: Token, width: number, style: Style): string[] | undefined {
  switch (token.type) {
    case 'heading': {
      // The markdown's own "##" says the level (and, without styles, that it is a heading); bold with styles.
      const hashes = `${'#'.repeat(token.depth)} `;
      return prefixed(sgr(style, 1, 22, hashes), ' '.repeat(hashes.length), (w) => paragraph(sgr(style, 1, 22, inline(token.tokens, style)), w), width);
    }
    case 'paragraph':
      return paragraph(inline(token.tokens, style), width);
    case 'text':
      return paragraph(token.tokens ? inline(token.tokens, style) : decodeEntities(token.text), width);
    case 'list':
      return list(token as Tokens.List, width, style);
    case 'table':
      return table(token as Tokens.Table, width, style);
    case 'code': {
      // Indented plain text: no highlighter, nothing cut (long lines continue on the next line, indented too).
      const text = stripControls(token.text);
      // A blank line of the block stays blank (no indent left trailing on it).
      return prefixed('    ', '    ', (w) => text.split('\n').flatMap((line) => hardWrap(line, w)), width).map((line) => (line.trim() ? line : ''));
    }
    case 'blockquote':
      return prefixed('│ ', '│ ', (w) => blocks(token.tokens ?? [], w, style), width);
    case 'hr':
      return ['─'.repeat(Math.max(1, width))];
    default:
      // space, html (the report's data comment), def: nothing to show.
      return undefined;
  }
}

/** Render markdown for a terminal `width` columns wide, as lines that each fit the width. */
export function renderMarkdown(markdown: string, width: number, noColor: boolean): string[] {
  const columns = Math.max(1, Math.floor(width) || 1);
  return blocks(new Lexer().lex(stripControls(markdown)), columns, {noColor});
}
