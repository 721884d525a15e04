/**
 * Escaping for user text where it lands. Every `{{ }}` in a report template
 * goes through `escapeMarkdown` (liquid's outputEscape), so a template cannot
 * forget it.
 */

/**
 * One terminal escape sequence (ECMA-48): CSI in its 7-bit (ESC [) or 8-bit
 * (U+009B) form, OSC up to BEL or ST (or the end of the text), or an escape
 * with intermediates (ESC ( B, ESC c, ESC 7). Node's util.stripVTControlCharacters
 * is narrower: it leaves "y title" of an OSC title with a space and ":5:1m"
 * of a colour with colon parameters on screen, so the grammar is spelled out here.
 */
// eslint-disable-next-line no-control-regex
export const TERMINAL_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]|\u009b[0-?]*[ -/]*[@-~]/g;
/**
 * Control characters other than tab and line breaks (C0, DEL, C1), and the
 * bidirectional embeddings, overrides and isolates that can reorder what a reader sees.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Remove what could recolour, retitle or reorder a terminal or a page; keep
 * every visible character. The one function for this in the project: the
 * report, the wizard's text measuring, pasted input and the drafts listing use it.
 */
export function stripControls(text: string): string {
  return text.replace(TERMINAL_SEQUENCE, '').replace(INVISIBLE, '');
}

/** `stripControls` for text shown on one line: each line break or tab becomes a space first. */
export function stripControlsOnOneLine(text: string): string {
  return stripControls(text.replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' '));
}

/**
 * Make text safe inside a markdown paragraph, list item or table cell: no
 * HTML, no links, no emphasis, no table breaks, on one line. What the user typed
 * stays readable in the raw markdown: `->`, `R&D` and `5 < 7` are left as they
 * are; only a `<` that could open a tag, a comment or an autolink (before a
 * letter, `/`, `!` or `?`, or at the end, where the next value may continue it),
 * an `&` that spells an entity (`&amp;`, `&#60;`) and a `>` that would start a
 * quote become entities (`&lt;`, `&amp;`, `&gt;`): every markdown reader, old
 * ones too, shows those as the character.
 */
export function escapeMarkdown(value: unknown): string {
  const text = stripControls(value === undefined || value === null ? '' : String(value)).replace(/\r\n?|\n|\u2028|\u2029/g, ' ');
  // Inline markup: code, emphasis, links and images (brackets), tables, strikethrough; HTML and entities.
  // Block markers only matter at the start of a line: headings, lists, rules, quotes.
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?]|$)/g, '&lt;')
    // Leading blanks at the start of a line make an indented code block.
    .replace(/^\s+/, '')
    // `#` starts a heading (also `##`); `=` and `-` a setext underline or rule; `-` and `+` a list, but not a number (-18, +3); `>` a quote.
    .replace(/^([#=]|[+-](?!\d))/, '\\$1')
    .replace(/^>/, '&gt;')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A fenced code block that no backtick run inside the content can close. */
export function fence(content: string, info = ''): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const bar = '`'.repeat(longest + 1);
  return `${bar}${info}\n${stripControls(content).replace(/\n$/, '')}\n${bar}`;
}
