/**
 * The report in any format, synchronously: src/report/render-core.ts with the
 * HTML converter bound. It loads marked; the CLI's report paths use
 * render-core.ts and load src/report/markdown-html.ts only for HTML.
 */
import type {Comparison} from '../engine/compare.js';
import {markdownToHtml} from './markdown-html.js';
import {renderComparison as renderComparisonWith, renderReport as renderReportWith} from './render-core.js';
import type {RenderInput, ReportFormat} from './report-types.js';

export * from './render-core.js';
export {markdownToHtml} from './markdown-html.js';

/** The report for `input`, in its format (markdown, HTML or JSON). */
export function renderReport(input: RenderInput): string {
  return renderReportWith(input, markdownToHtml);
}

/** A comparison of two assessments as markdown, HTML or JSON. */
export function renderComparison(comparison: Comparison, format: ReportFormat): string {
  return renderComparisonWith(comparison, format, markdownToHtml);
}
