/**
 * The report's markdown as terminal text (marked + marked-terminal). Loaded
 * lazily by the result screen: marked-terminal costs about half a second to
 * import, which the questions never need.
 *
 * Code blocks (the report's answers block) are drawn here as plain indented
 * text, never through marked-terminal's syntax highlighter, cli-highlight
 * (highlight.js and its grammars, most of marked-terminal's import time): the
 * bundle replaces cli-highlight with a stub (scripts/stubs/), and emoji
 * shortcodes are off, so node-emoji is stubbed too.
 */
import {Marked, type Tokens} from 'marked';
import {markedTerminal, type TerminalRendererOptions} from 'marked-terminal';
import {stripControls} from '../../report/escape.js';
import {cellWidth, wrapStyledLines} from './cells.js';

const plain = (text: string) => text;
const NO_STYLES: TerminalRendererOptions = {
  code: plain,
  blockquote: plain,
  html: plain,
  heading: plain,
  firstHeading: plain,
  hr: plain,
  listitem: plain,
  table: plain,
  paragraph: plain,
  strong: plain,
  em: plain,
  codespan: plain,
  del: plain,
  link: plain,
  href: plain,
};

/** Render markdown for a terminal `width` columns wide, as lines that each fit the width. */
export function renderMarkdown(markdown: string, width: number, noColor: boolean): string[] {
  const strong = noColor ? plain : (text: string) => `\u001B[1m${text}\u001B[22m`;
  const marked = new Marked();
  marked.use(
    markedTerminal({
      width,
      reflowText: true,
      emoji: false,
      ...(noColor ? NO_STYLES : {}),
      // cli-table3 colours the header and borders itself unless told not to.
      tableOptions: noColor ? {style: {head: [], border: []}} : {},
    }),
  );
  marked.use({
    renderer: {
      // Plain text indented by four spaces, as marked-terminal draws code without colour; no highlighter is loaded.
      code(token: Tokens.Code): string {
        const text = stripControls(token.text);
        return `${text ? `    ${text.split('\n').join('\n    ')}` : ''}\n\n`;
      },
      // A table wider than the terminal becomes one block per row ("Header: cell"): nothing cut, nothing wrapped mid-cell.
      table(token: Tokens.Table): string | false {
        const inline = (cell: Tokens.TableCell) => this.parser.parseInline(cell.tokens);
        const natural = token.header.reduce((sum, _, c) => {
          const widest = Math.max(cellWidth(token.header[c]!.text), ...token.rows.map((r) => cellWidth(r[c]?.text ?? '')));
          return sum + widest + 3;
        }, 1);
        if (natural <= width) return false;
        const blocks = token.rows.map((row) => {
          const [first, ...rest] = row;
          const lines = [`${strong(first ? inline(first) : '')}`];
          rest.forEach((cell, c) => lines.push(`  ${inline(token.header[c + 1]!)}: ${inline(cell)}`));
          return lines.join('\n');
        });
        return `${blocks.join('\n\n')}\n\n`;
      },
    },
  });
  const text = (marked.parse(markdown, {async: false}) as string).replace(/\s+$/, '');
  return wrapStyledLines(text, width);
}
