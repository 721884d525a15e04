// Stands in for node-emoji (and emojilib's 200 KB table) in the bundle. marked-terminal
// imports it eagerly but only calls get() with its `emoji` option on; handoff-assess
// turns that option off (src/ui/ink/render-markdown.ts). Were it called, ":name:" stays as typed.
export function get() {
  return undefined;
}
