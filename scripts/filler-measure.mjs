/**
 * The filler measure of issue 10: the share of a report's prose lines before
 * the appendix that appear word for word in a report for another organisation
 * with another verdict. Pure: reports in, figures out. Used by
 * scripts/filler.mjs (on the built CLI) and test/report/filler.test.ts.
 */

/**
 * The prose lines before the first "## Appendix" heading: not headings, table rows, blank lines or fenced code.
 * `strict`: table rows (not the separator rows) and headings below the second level count too, so that
 * generic text moved into a table or turned into a heading is not hidden from the measure.
 */
export function proseLines(md, strict = false) {
  const out = [];
  let fenced = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('## Appendix')) break;
    if (/^(`{3,}|~{3,})/.test(line)) {
      fenced = !fenced;
      continue;
    }
    const t = line.trim();
    if (fenced || !t || t.startsWith('<!--')) continue;
    if (strict ? /^#{1,2} /.test(t) || /^\|[\s|:-]+\|$/.test(t) : t.startsWith('#') || t.startsWith('|')) continue;
    out.push(t);
  }
  return out;
}

/**
 * For every ordered pair of reports (a, b) whose organisations and verdicts both differ: the share of
 * a's prose lines (before the appendix) found verbatim anywhere in b. Each report: {name, organisation, verdict, md}.
 */
export function fillerPairs(reports, strict = false) {
  const pairs = [];
  for (const a of reports) {
    const prose = proseLines(a.md, strict);
    for (const b of reports) {
      if (a === b || a.organisation === b.organisation || a.verdict === b.verdict) continue;
      const other = new Set(b.md.split('\n').map((l) => l.trim()));
      const shared = prose.filter((l) => other.has(l));
      pairs.push({a: a.name, b: b.name, lines: prose.length, shared: shared.length, share: prose.length ? shared.length / prose.length : 0, sharedLines: shared});
    }
  }
  return pairs;
}
