/**
 * The report's pictures (issue 11): the five axes between their poles and the score on
 * its scale with the threshold. One contract for every format:
 *
 * - the markdown carries a text rendition between a start marker and END_MARKER (what a
 *   markdown viewer and the terminal preview show);
 * - the HTML and the PDF swap that whole region for `chartSvg(kind, model)`.
 *
 * Both say everything in words and shapes, never by colour alone: an answer is a filled
 * dot (a hollow, dashed one when estimated), an unknown axis has no dot and says "not
 * known", and the status is written beside each axis. The text rendition fits a
 * 40-column terminal (36 columns of code once the preview indents it).
 *
 * The SVG is drawn for svg-to-pdfkit (pdfmake) as much as for browsers: only svg, line,
 * rect, circle, text and title, presentation attributes (no CSS class or style), fonts by
 * generic family, no script, no external reference; every user string is escaped.
 */
import {signed} from '../engine/phrases.js';
import type {ReportModel} from '../engine/report-model.js';
import {escapeHtml, fence, stripControls} from './escape.js';

export type ChartKind = 'axes' | 'score';
export const CHART_KINDS: readonly ChartKind[] = ['axes', 'score'];

/** The line that opens a chart region in markdown (a report's axes or score, a portfolio's workflows). */
export function startMarker(kind: string): string {
  return `<!-- handoff-assess:chart ${kind} -->`;
}
export const END_MARKER = '<!-- /handoff-assess:chart -->';
/** A chart region's first and last lines, on their own (the PDF reads markdown token by token). */
export const CHART_START = /^<!-- handoff-assess:chart ([a-z][a-z-]*) -->\s*$/;
export const CHART_END = /^<!-- \/handoff-assess:chart -->\s*$/;
/** A whole chart region in markdown, of any kind: group 1 is the kind. */
export const CHART_REGION = /^<!-- handoff-assess:chart ([a-z][a-z-]*) -->\n[\s\S]*?\n<!-- \/handoff-assess:chart -->$/gm;

/** Text inside an SVG: control and bidi characters removed, markup characters escaped. */
export const svgText = (s: string): string => escapeHtml(stripControls(s));

const FONT = 'font-family="sans-serif"';
const INK = '#1d2330';
const MUTED = '#5b6474';

/** How an axis answer is marked: its words and how sure. */
function status(row: ReportModel['matrix'][number]): {known: boolean; estimated: boolean; words: string} {
  const known = typeof row.value === 'number';
  const estimated = known && (row.certainty === 'estimated' || row.certainty === 'unknown');
  const words = !known ? (row.value === 'unknown' ? 'not known' : 'not answered') : `${row.answer}${row.certainty ? `, ${row.certainty}` : ''}`;
  return {known, estimated, words};
}


function svg(width: number, height: number, label: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${svgText(label)}"><title>${svgText(label)}</title>${body}</svg>`;
}

/** The drawings are 360 wide: whole at 1280, on a phone and on an A4 page, with text no smaller than 10 units. */
const WIDTH = 360;

function scoreSvg(model: ReportModel): string {
  const {min, max} = model.range;
  const left = 16;
  const right = WIDTH - 16;
  const x = (v: number): number => Math.round((left + ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * (right - left)) * 10) / 10;
  const tx = x(model.threshold);
  const sx = x(model.score);
  const y = 44;
  const label = `Score ${signed(model.score)} on a scale from ${min} to ${signed(max)}; a remediation sprint from ${signed(model.threshold)} up`;
  const anchor = (at: number) => (at > right - 40 ? 'end' : at < left + 40 ? 'start' : 'middle');
  // The sprint side is a thick bar, the manage-in-place side a thin line: the two sides differ in shape, not only in colour.
  const body = [
    `<text x="${left}" y="12" font-size="11" ${FONT} fill="${MUTED}">manage in place</text>`,
    `<text x="${right}" y="12" font-size="11" ${FONT} fill="${MUTED}" text-anchor="end">remediation sprint</text>`,
    `<line x1="${left}" y1="${y}" x2="${tx}" y2="${y}" stroke="${MUTED}" stroke-width="2"/>`,
    `<rect x="${tx}" y="${y - 4}" width="${Math.max(0, right - tx)}" height="8" fill="#c9ced8" stroke="${MUTED}" stroke-width="1"/>`,
    `<line x1="${tx}" y1="${y - 10}" x2="${tx}" y2="${y + 14}" stroke="${INK}" stroke-width="2" stroke-dasharray="3 2"/>`,
    `<text x="${tx}" y="${y + 27}" font-size="11" ${FONT} fill="${INK}" text-anchor="${anchor(tx)}">threshold ${signed(model.threshold)}</text>`,
    `<circle cx="${sx}" cy="${y}" r="7" fill="${INK}" stroke="#ffffff" stroke-width="2"/>`,
    `<text x="${sx}" y="${y - 13}" font-size="12" font-weight="bold" ${FONT} fill="${INK}" text-anchor="${anchor(sx)}">score ${signed(model.score)}</text>`,
    `<text x="${left}" y="${y + 40}" font-size="10" ${FONT} fill="${MUTED}">${min}</text>`,
    `<text x="${right}" y="${y + 40}" font-size="10" ${FONT} fill="${MUTED}" text-anchor="end">${signed(max)}</text>`,
  ].join('');
  return svg(WIDTH, y + 46, label, body);
}

function axesSvg(model: ReportModel): string {
  const rows = model.matrix;
  const left = 14;
  const right = WIDTH - 14;
  const step = (right - left) / 4;
  const top = 24;
  const rowH = 56;
  const parts = [
    `<text x="0" y="11" font-size="11" ${FONT} fill="${MUTED}">1: manage in place</text>`,
    `<text x="${WIDTH}" y="11" font-size="11" ${FONT} fill="${MUTED}" text-anchor="end">5: remediation sprint</text>`,
  ];
  rows.forEach((row, i) => {
    const head = top + i * rowH + 12;
    const y = head + 16;
    const s = status(row);
    // The axis, and its answer in words at the right: what the mark shows is also written.
    parts.push(`<text x="0" y="${head}" font-size="12" font-weight="bold" ${FONT} fill="${INK}">${svgText(row.title)}</text>`);
    parts.push(`<text x="${WIDTH}" y="${head}" font-size="11" ${FONT} fill="${s.known ? INK : MUTED}" text-anchor="end">${svgText(s.words)}</text>`);
    // The scale: a solid line with five ticks when answered; dotted, with "? not known" in the middle, when not.
    parts.push(`<line x1="${left}" y1="${y}" x2="${right}" y2="${y}" stroke="${MUTED}" stroke-width="1.5"${s.known ? '' : ' stroke-dasharray="2 4"'}/>`);
    for (let v = 1; v <= 5; v++) {
      const x = left + (v - 1) * step;
      parts.push(`<line x1="${x}" y1="${y - 4}" x2="${x}" y2="${y + 4}" stroke="${MUTED}" stroke-width="1"/>`);
      parts.push(`<text x="${x}" y="${y + 17}" font-size="10" ${FONT} fill="${MUTED}" text-anchor="middle">${v}</text>`);
    }
    if (typeof row.value === 'number') {
      const x = left + (row.value - 1) * step;
      parts.push(
        s.estimated
          ? `<circle cx="${x}" cy="${y}" r="7" fill="#ffffff" stroke="${INK}" stroke-width="2" stroke-dasharray="3 2"/>`
          : `<circle cx="${x}" cy="${y}" r="7" fill="${INK}" stroke="${INK}" stroke-width="1"/>`,
      );
    } else {
      const x = (left + right) / 2;
      parts.push(`<rect x="${x - 36}" y="${y - 8}" width="72" height="16" fill="#ffffff" stroke="${MUTED}" stroke-width="1" stroke-dasharray="2 2"/>`);
      parts.push(`<text x="${x}" y="${y + 4}" font-size="11" ${FONT} fill="${INK}" text-anchor="middle">? not known</text>`);
    }
  });
  const legendY = top + rows.length * rowH + 10;
  parts.push(`<circle cx="5" cy="${legendY - 4}" r="5" fill="${INK}"/>`);
  parts.push(`<text x="14" y="${legendY}" font-size="10" ${FONT} fill="${MUTED}">answer</text>`);
  parts.push(`<circle cx="66" cy="${legendY - 4}" r="5" fill="#ffffff" stroke="${INK}" stroke-width="1.5" stroke-dasharray="2 1.5"/>`);
  parts.push(`<text x="75" y="${legendY}" font-size="10" ${FONT} fill="${MUTED}">estimated</text>`);
  parts.push(`<text x="138" y="${legendY}" font-size="10" ${FONT} fill="${MUTED}">? not known: nothing to place</text>`);
  const label = `The five axes, each from 1 (manage in place) to 5 (remediation sprint): ${rows.map((r) => `${r.title} ${status(r).words}`).join('; ')}`;
  return svg(WIDTH, legendY + 6, label, parts.join(''));
}

/** A self-contained SVG (no script, no external reference) for the HTML page and the PDF. */
export function chartSvg(kind: ChartKind, model: ReportModel): string {
  return kind === 'score' ? scoreSvg(model) : axesSvg(model);
}

/** The widest line of the text charts: 36 columns, so that a 40-column terminal shows them whole once the preview indents code by 4. */
export const TEXT_WIDTH = 36;

/** One axis on a text scale: "1───2───3──[4]──5"; (4) when estimated; no mark when not known. */
function textScale(value: number | 'unknown' | null, estimated: boolean): string {
  const marks = [1, 2, 3, 4, 5].map((v) => (v === value ? (estimated ? `(${v})` : `[${v}]`) : ` ${v} `));
  return marks.join('──');
}

/** The certainty of a placed answer in one word ('' when not marked). */
const SURE_WORD: Record<string, string> = {verified: 'verified', estimated: 'estimated', unknown: 'unsure'};

function axesText(model: ReportModel): string[] {
  const lines = ['1 = manage in place, 5 = sprint', '[n] answer (n) estimated ? unknown'];
  for (const row of model.matrix) {
    const s = status(row);
    lines.push('', row.title);
    const word = row.certainty ? (SURE_WORD[row.certainty] ?? row.certainty) : '';
    lines.push(s.known ? `  ${textScale(row.value, s.estimated)}${word ? `  ${word}` : ''}` : `  ?  ${s.words}`);
  }
  return lines;
}

function scoreText(model: ReportModel): string[] {
  const {min, max} = model.range;
  const lo = String(min);
  const hi = signed(max);
  const width = TEXT_WIDTH - lo.length - hi.length - 2;
  const at = (v: number): number => Math.round(((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * (width - 1));
  const t = at(model.threshold);
  const sc = at(model.score);
  // Thin on the manage-in-place side, heavy on the sprint side: the two sides differ without colour.
  const bar = Array.from({length: width}, (_, i) => (i === sc ? '●' : i === t ? '┃' : i > t ? '━' : '─')).join('');
  // The labels under the bar: the threshold's and the score's, each under its mark (side by side when they would touch).
  const tl = signed(model.threshold);
  const sl = signed(model.score);
  const under = Array.from({length: width + 8}, () => ' ');
  const put = (pos: number, text: string): void => {
    const start = Math.max(0, Math.min(pos - Math.floor(text.length / 2), under.length - text.length));
    for (let i = 0; i < text.length; i++) under[start + i] = text[i]!;
  };
  if (model.score === model.threshold) {
    put(t, `${sl}: at the threshold`);
  } else if (Math.abs(sc - t) >= Math.max(tl.length, sl.length) + 1) {
    put(t, tl);
    put(sc, sl);
  } else {
    put(Math.min(t, sc), sc < t ? `${sl} ${tl}` : `${tl} ${sl}`);
  }
  const pad = ' '.repeat(lo.length + 1);
  return [
    `Score ${sl}; a sprint from ${tl} up`,
    `${lo} ${bar} ${hi}`,
    `${pad}${under.join('').trimEnd()}`,
    `${pad}● score ┃ threshold ━ sprint`,
  ];
}

/** The text rendition the markdown carries (a fenced block between the markers). */
export function chartText(kind: ChartKind, model: ReportModel): string {
  const lines = kind === 'score' ? scoreText(model) : axesText(model);
  return `${startMarker(kind)}\n${fence(lines.map((l) => l.trimEnd()).join('\n'), 'text')}\n${END_MARKER}`;
}
