/**
 * The portfolio's chart: every workflow on the score scale, with the threshold. The
 * contract of src/report/charts.ts: the markdown carries a text rendition between
 * startMarker('portfolio') and END_MARKER; the HTML and the PDF swap that region for `portfolioSvg`.
 */
import type {PortfolioModel} from '../engine/portfolio.js';
import type {Recommendation} from '../engine/types.js';
import {END_MARKER, startMarker, svgText} from './charts.js';
import {fence, stripControlsOnOneLine} from './escape.js';


const COLOURS: Record<Recommendation, string> = {
  'remediation-sprint': '#8a2a0a',
  'not-yet-qualified': '#7a5a00',
  'insufficient-evidence': '#4a4f8a',
  'manage-in-place': '#1f6b35',
};

/** A self-contained SVG (no script, no external reference): one row per workflow, most urgent first. */
export function portfolioSvg(model: PortfolioModel): string {
  const {min, max} = model.range;
  const left = 210;
  const right = 620;
  const x = (v: number): number => Math.round((left + ((v - min) / (max - min || 1)) * (right - left)) * 10) / 10;
  const rowH = 28;
  const top = 30;
  const h = top + rowH * model.entries.length + 30;
  const t = x(model.threshold);
  const rows = model.entries
    .map((e, i) => {
      const y = top + 14 + i * rowH;
      const name = e.workflow.length > 30 ? `${e.workflow.slice(0, 29)}…` : e.workflow;
      return (
        `<text x="0" y="${y + 4}" font-size="12">${svgText(`${e.rank}. ${name}`)}</text>` +
        `<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="#ccc"/>` +
        `<circle cx="${x(e.score)}" cy="${y}" r="7" fill="${COLOURS[e.recommendation]}"><title>${svgText(`${e.workflow}: ${e.score}, ${e.recommendationLabel}`)}</title></circle>` +
        `<text x="${right + 10}" y="${y + 4}" font-size="11" fill="${COLOURS[e.recommendation]}">${svgText(`${e.score} ${e.recommendationLabel.toLowerCase()}`)}</text>`
      );
    })
    .join('');
  const axis =
    `<line x1="${t}" y1="${top - 8}" x2="${t}" y2="${h - 24}" stroke="#000" stroke-dasharray="4 3"/>` +
    `<text x="${t}" y="${top - 12}" font-size="11" text-anchor="middle">${svgText(`threshold ${model.threshold}`)}</text>` +
    `<text x="${left}" y="${h - 8}" font-size="11" text-anchor="start">${svgText(`${min} manage in place`)}</text>` +
    `<text x="${right}" y="${h - 8}" font-size="11" text-anchor="end">${svgText(`remediation sprint ${max}`)}</text>`;
  const label = `The workflows on the score scale from ${min} to ${max}, threshold ${model.threshold}: ${model.entries.map((e) => `${e.workflow} ${e.score}`).join(', ')}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 ${h}" width="800" height="${h}" role="img" aria-label="${svgText(label)}" style="max-width:100%;height:auto">${axis}${rows}</svg>`;
}

/** The text rendition: one line per workflow, its score marked on a bar with the threshold. */
export function portfolioText(model: PortfolioModel): string {
  const {min, max} = model.range;
  const width = 41;
  const at = (v: number): number => Math.max(0, Math.min(width - 1, Math.round(((v - min) / (max - min || 1)) * (width - 1))));
  const names = model.entries.map((e) => {
    const name = stripControlsOnOneLine(e.workflow);
    return `${e.rank}. ${name.length > 28 ? `${name.slice(0, 27)}…` : name}`;
  });
  const pad = Math.max(...names.map((n) => n.length));
  const t = at(model.threshold);
  const lines = model.entries.map((e, i) => {
    const bar: string[] = Array.from({length: width}, (_, k) => (k === t ? '|' : '-'));
    bar[at(e.score)] = 'o';
    return `${names[i]!.padEnd(pad)}  ${bar.join('')}  ${e.score} ${e.recommendationLabel.toLowerCase()}`;
  });
  const scale = `${' '.repeat(pad)}  ${String(min).padEnd(t)}|${String(max).padStart(width - t - 1)}`;
  const head = `score from ${min} (manage in place) to ${max} (remediation sprint); | is the threshold, ${model.threshold}`;
  return `${startMarker('portfolio')}\n${fence(`${head}\n${lines.join('\n')}\n${scale}`, 'text')}\n${END_MARKER}`;
}
