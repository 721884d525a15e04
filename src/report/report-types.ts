/**
 * What the report code takes and throws, with nothing to load: src/cli.ts needs
 * the formats (for its --format choices) and TemplateError (for its exit codes)
 * on every run, the report code itself only when a report is made.
 */
import type {Answers, Bank} from '../engine/types.js';
import type {Brand} from './brand-types.js';

export type ReportFormat = 'md' | 'html' | 'json' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'html', 'json', 'pdf'];

export interface TemplateSource {
  /** The file as the user named it, for messages. */
  path: string;
  text: string;
}

export interface RenderInput {
  bank: Bank;
  answers: Answers;
  /** ISO date (YYYY-MM-DD) printed in the title; the caller owns the clock. */
  date: string;
  format: ReportFormat;
  /** The consultant's brand for HTML and PDF (issue 11; src/report/brand-types.ts). */
  brand?: Brand;
  /** A custom markdown template (--template); default templates/report.md.liquid. */
  template?: TemplateSource;
}

/** Markdown → the body of the HTML page (src/report/markdown-html.ts; it loads marked). */
export type HtmlConverter = (md: string) => string;

/** A template that does not parse or fails to render. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'TemplateError';
  }
}
