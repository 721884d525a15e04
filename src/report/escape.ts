/**
 * Escaping for user text where it lands. Every `{{ }}` in a report template
 * goes through `escapeMarkdown` (liquid's outputEscape), so a template cannot
 * forget it.
 */

/** Terminal escape sequences (CSI, OSC, single-character) and other control characters. */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides and isolates: they can reorder what a reader sees. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Remove what could recolour, retitle or reorder a terminal or a page; keep every visible character. */
export function stripControls(text: string): string {
  return text.replace(ANSI, '').replace(CONTROL, '').replace(BIDI, '');
}

/**
 * Make text safe inside a markdown paragraph, list item or table cell: no
 * HTML, no links, no emphasis, no table breaks, on one line.
 */
export function escapeMarkdown(value: unknown): string {
  const text = stripControls(value === undefined || value === null ? '' : String(value))
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // Inline markup: code, emphasis, links and images (brackets), tables, strikethrough.
  // Block markers only matter at the start of a line: headings, lists, rules, quotes.
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    // Leading blanks at the start of a line make an indented code block.
    .replace(/^\s+/, '')
    // `#` starts a heading (also `##`); `=` and `-` a setext underline or rule; `-` and `+` a list, but not a number (-18, +3).
    .replace(/^([#=]|[+-](?!\d))/, '\\$1')
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
