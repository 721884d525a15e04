/** Numbers and lists as they read in a sentence: "+4", "2.5", "a, b and c". */

/** A number with its sign: "+4", "-2.5", "0". */
export function signed(n: number): string {
  return n > 0 ? `+${fmt(n)}` : fmt(n);
}

/** A number without trailing zeros: at most two decimals. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

/** "a, b and c" (or "a, b or c") */
export function list(items: string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** A share (0..1) as a whole percentage: "67%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A count in words up to twelve ("four"), in digits beyond. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/**
 * A client's note shortened for a sentence: whitespace collapsed, cut at a word boundary so it
 * holds at most `max` characters (an ellipsis marks the cut).
 */
export function shorten(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  const head = space > max / 2 ? cut.slice(0, space) : cut.slice(0, max - 1);
  return `${head.replace(/[\s,;:.\-–—]+$/, '')}…`;
}

/** The first letter in lower case, unless the first word is an acronym ("CRM", "ERP"). */
export function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
