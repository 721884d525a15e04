// Stands in for cli-highlight (highlight.js and about 190 language grammars,
// registered at import time) in the bundle. marked-terminal imports it eagerly
// for code blocks; handoff-assess draws code blocks itself as plain indented
// text (src/ui/ink/render-markdown.ts), so it is never called. Were it called,
// the code comes back as it is: plain text.
export function highlight(code) {
  return code;
}
export default {highlight};
