/**
 * The report's markdown as terminal text (marked + marked-terminal). Loaded
 * lazily by the result screen: marked-terminal costs about half a second to
 * import, which the questions never need.
 */
import {Marked} from 'marked';
import {markedTerminal, type TerminalRendererOptions} from 'marked-terminal';
import {wrapStyledLines} from './cells.js';

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
  const text = (marked.parse(markdown, {async: false}) as string).replace(/\s+$/, '');
  return wrapStyledLines(text, width);
}
