/**
 * The report's pictures (issue 11): the five axes between their poles and the score on
 * its scale with the threshold. One contract for every format:
 *
 * - the markdown carries a text rendition between a start marker and END_MARKER (what a
 *   markdown viewer and the terminal preview show);
 * - the HTML and the PDF swap that whole region for `chartSvg(kind, model)`.
 *
 * This first version is deliberately plain; the report work refines the drawing.
 */
import type {ReportModel} from '../engine/report-model.js';

export type ChartKind = 'axes' | 'score';
export const CHART_KINDS: readonly ChartKind[] = ['axes', 'score'];

export function startMarker(kind: ChartKind): string {
  return `<!-- handoff-assess:chart ${kind} -->`;
}
export const END_MARKER = '<!-- /handoff-assess:chart -->';
/** A chart region in markdown: group 1 is the kind. */
export const CHART_REGION = /^<!-- handoff-assess:chart (axes|score) -->\n[\s\S]*?\n<!-- \/handoff-assess:chart -->$/gm;

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained SVG (no script, no external reference) for the HTML page and the PDF. */
export function chartSvg(kind: ChartKind, model: ReportModel): string {
  if (kind === 'score') {
    const {min, max} = model.range;
    const x = (v: number): number => 20 + ((v - min) / (max - min || 1)) * 560;
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 60" width="600" height="60" role="img" aria-label="${esc(`Score ${model.score}, threshold ${model.threshold}`)}"><line x1="20" y1="30" x2="580" y2="30" stroke="#555" stroke-width="2"/><line x1="${x(model.threshold)}" y1="15" x2="${x(model.threshold)}" y2="45" stroke="#000" stroke-dasharray="4 3"/><circle cx="${x(model.score)}" cy="30" r="7" fill="#000"/></svg>`;
  }
  const rows = model.matrix;
  const h = 30 * rows.length + 10;
  const marks = rows
    .map((r, i) => {
      const y = 20 + i * 30;
      const dot = typeof r.value === 'number' ? `<circle cx="${250 + (r.value - 1) * 70}" cy="${y}" r="7" fill="#000"/>` : `<text x="390" y="${y + 4}" font-size="12" text-anchor="middle">${esc(r.answer)}</text>`;
      return `<text x="0" y="${y + 4}" font-size="12">${esc(r.title)}</text><line x1="250" y1="${y}" x2="530" y2="${y}" stroke="#999"/>${dot}`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 ${h}" width="600" height="${h}" role="img" aria-label="The five axes">${marks}</svg>`;
}

/** The text rendition the markdown carries (a fenced block between the markers). */
export function chartText(kind: ChartKind, model: ReportModel): string {
  const lines =
    kind === 'score'
      ? [`score ${model.score}, threshold ${model.threshold} (range ${model.range.min} to ${model.range.max})`]
      : model.matrix.map((r) => `${r.title}: ${r.answer}`);
  return `${startMarker(kind)}\n\`\`\`text\n${lines.join('\n')}\n\`\`\`\n${END_MARKER}`;
}
