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
