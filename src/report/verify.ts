/**
 * `--verify REPORT`: does a report still match its embedded answers and the
 * question bank? Each way it can fail is reported in words.
 */
import {combineAnswers, MAX_RESPONDENTS, MIN_RESPONDENTS, respondentsOf} from '../engine/combine.js';
import {score} from '../engine/score.js';
import type {Answers, Bank} from '../engine/types.js';
import {bankFingerprint, bodyHash, canonicalJson, dataHash, findBlock, findPdfBlock, pdfBodyHash, templateFingerprint, type EmbeddedData} from './embed.js';
import {answersToObject} from '../answers/serialize-answers.js';
import {embeddedAnswers} from './read-assessment.js';
import {combineTemplate, defaultTemplate, portfolioTemplateSource, renderCombined, renderPortfolio, renderReport} from './render-core.js';
import {buildPortfolioModel, type PortfolioSource} from '../engine/portfolio.js';
import type {HtmlConverter, TemplateSource} from './report-types.js';

import {brandOf} from './html-page.js';

export {embeddedAnswers} from './read-assessment.js';

export interface Verification {
  /** true when every check passed. */
  intact: boolean;
  /** One line per check, passed or failed; `unconfirmed` when it failed only for want of the template to render with. */
  checks: {ok: boolean; text: string; unconfirmed?: boolean}[];
  data?: EmbeddedData;
}

/**
 * Check a report. An HTML report is rendered again to compare, so it needs `toHtml`
 * (src/report/markdown-html.ts): the CLI loads it only when the report is HTML.
 */
export function verifyReport(file: string, text: string, bank: Bank, template?: TemplateSource, toHtml?: HtmlConverter): Verification {
  const checks: Verification['checks'] = [];
  const found = findBlock(text);
  if (!found) {
    return {intact: false, checks: [{ok: false, text: `${file} holds no handoff-assess data block: it is not a handoff-assess markdown or HTML report, or the block was removed`}]};
  }
  if (!found.data) return {intact: false, checks: [{ok: false, text: `${file}: ${found.problem}`}]};
  const data = found.data;
  if (data.format === 'pdf') return {intact: false, checks: [{ok: false, text: `${file} is a text file whose data block says it is a PDF: it is not as handoff-assess wrote it`}], data};
  if (data.kind === 'portfolio') return verifyPortfolio(file, found.body, data, bank, toHtml);

  const sealed = sealCheck(checks, data);

  const edited = bodyHash(found.body) !== data.body;
  checks.push(edited ? {ok: false, text: `The report text was edited after it was generated${firstEdit(found.body, data, bank, template, toHtml)}.`} : {ok: true, text: 'The report text is as generated.'});

  const sameBank = bankCheck(checks, data, bank);

  if (data.kind === 'combine') {
    checks.push(...combinedChecks(file, data, found.body, bank, {edited, sealed, sameBank}, toHtml));
    return {intact: checks.every((c) => c.ok), checks, data};
  }

  const answers = verdictCheck(checks, file, data, bank);
  if (answers && !edited && sealed && sameBank) {
    const choice = templateFor(data, template);
    if (choice.template === null) {
      checks.push({ok: false, text: choice.why, unconfirmed: true});
    } else {
      const again = renderReport({bank, answers, date: data.date, format: data.format, template: choice.template, brand: brandOf(data)}, toHtml);
      const same = findBlock(again)?.body.trimEnd() === found.body.trimEnd();
      checks.push(
        same
          ? {ok: true, text: `Rendering the answers again ${choice.template ? `with ${choice.template.path} ` : ''}gives the same report.`}
          : {ok: false, text: 'Rendering the answers again gives a different report (the tool or template changed since).'},
      );
    }
  }
  return {intact: checks.every((c) => c.ok), checks, data};
}

/**
 * Check a PDF report (src/report/pdf.ts): a single report, a combined one or a portfolio. Its
 * body hash covers the file's bytes without the data block's payload, so any change to a
 * page, a font or the metadata fails; the answers are checked as for the markdown of that
 * kind; and the PDF is drawn again from them (with `brand` when it was made with one) and
 * must come out byte for byte the same. Loads pdfmake only for that drawing.
 */
export async function verifyPdfReport(file: string, bytes: Uint8Array, bank: Bank, template?: TemplateSource): Promise<Verification> {
  const found = findPdfBlock(bytes);
  if (!found) {
    return {intact: false, checks: [{ok: false, text: `${file} holds no handoff-assess data: it is not a PDF report made by handoff-assess, or it was saved again by another program`}]};
  }
  if (!found.data) return {intact: false, checks: [{ok: false, text: `${file}: ${found.problem}`}]};
  const data = found.data;
  const checks: Verification['checks'] = [];
  const sealed = sealCheck(checks, data);
  const body = pdfBodyHash(bytes, found.at, found.length);
  const edited = body !== data.body;
  checks.push(edited ? {ok: false, text: 'The PDF was changed after it was generated (its bytes are not the ones written: edited, or saved again by another program).'} : {ok: true, text: 'The PDF is byte for byte as generated.'});
  const sameBank = bankCheck(checks, data, bank);
  const drawable = !edited && sealed && sameBank;
  /** The PDF drawn again must be these bytes. */
  const sameAs = (again: Buffer): boolean => {
    const fresh = findPdfBlock(again);
    return fresh !== undefined && pdfBodyHash(again, fresh.at, fresh.length) === body;
  };
  const pdf = () => import('./pdf.js');

  if (data.kind === 'combine') {
    const {checks: answerChecks, all} = combinedAnswerChecks(file, data, bank);
    checks.push(...answerChecks);
    if (all && drawable) {
      const unconfirmed = combinedTemplateCheck(data);
      if (unconfirmed) checks.push(unconfirmed);
      else {
        const again = await (await pdf()).renderCombinedPdf({bank, sources: all, date: data.date, brand: brandOf(data)});
        checks.push(
          sameAs(again)
            ? {ok: true, text: 'Combining and drawing the answers again gives the same PDF, byte for byte.'}
            : {ok: false, text: 'Combining and drawing the answers again gives a different PDF (the tool or the brand changed since, or the answers were changed and sealed again).'},
        );
      }
    }
  } else if (data.kind === 'portfolio') {
    const sources = portfolioSources(checks, file, data, bank);
    if (sources && drawable) {
      const again = await (await pdf()).renderPortfolioPdf(buildPortfolioModel(bank, sources, data.date), sources, bank, brandOf(data));
      checks.push(
        sameAs(again)
          ? {ok: true, text: `Drawing the ${sources.length} assessments again gives the same PDF, byte for byte.`}
          : {ok: false, text: `Drawing the ${sources.length} assessments again gives a different PDF (the tool, the template or the brand changed since, or the answers were changed and sealed again)${portfolioTemplateNote(data)}.`},
      );
    }
  } else {
    const answers = verdictCheck(checks, file, data, bank);
    if (answers && drawable) {
      const choice = templateFor(data, template);
      if (choice.template === null) checks.push({ok: false, text: choice.why, unconfirmed: true});
      else {
        const again = await (await pdf()).renderPdf({bank, answers, date: data.date, format: 'pdf', template: choice.template, brand: brandOf(data)});
        checks.push(
          sameAs(again)
            ? {ok: true, text: `Drawing the answers again ${choice.template ? `with ${choice.template.path} ` : ''}gives the same PDF, byte for byte.`}
            : {ok: false, text: 'Drawing the answers again gives a different PDF (the tool, the template or the brand changed since, or the PDF was forged with a recomputed seal).'},
        );
      }
    }
  }
  return {intact: checks.every((c) => c.ok), checks, data};
}

/** The seal check shared by every kind and format: does the data still hash to what it records? */
function sealCheck(checks: Verification['checks'], data: EmbeddedData): boolean {
  const {hash, ...rest} = data;
  const sealed = dataHash(rest) === hash;
  checks.push(sealed ? {ok: true, text: 'The embedded data is intact.'} : {ok: false, text: 'The embedded data was altered after the report was generated (its hash does not match).'});
  return sealed;
}

/** The bank check shared by every format; true when the bank is the report's. */
function bankCheck(checks: Verification['checks'], data: EmbeddedData, bank: Bank): boolean {
  const sameBank = data.bank.name === bank.meta.name && data.bank.version === bank.meta.version;
  if (!sameBank) {
    checks.push({ok: false, text: `The report was made with question bank ${data.bank.name} ${data.bank.version}; the bank here is ${bank.meta.name} ${bank.meta.version}.`});
  } else if (data.bank.fingerprint !== bankFingerprint(bank)) {
    checks.push({ok: false, text: `The question bank ${bank.meta.name} ${bank.meta.version} here differs from the one the report was made with (same version, different content).`});
  } else {
    checks.push({ok: true, text: `Made with question bank ${bank.meta.name} ${bank.meta.version}, the same as here.`});
  }
  return sameBank;
}

/** The answers and verdict check shared by every format; the answers when they fit the bank. */
function verdictCheck(checks: Verification['checks'], file: string, data: EmbeddedData, bank: Bank): Answers | undefined {
  const {answers, problems} = embeddedAnswers(file, data, bank);
  if (!answers) {
    checks.push({ok: false, text: `The embedded answers do not fit the bank here: ${problems.join('; ')}`});
    return undefined;
  }
  const result = score(bank, answers);
  const v = data.verdict;
  if (result.recommendation !== v.recommendation || result.confidence !== v.confidence) {
    checks.push({ok: false, text: `The verdict changed: the report says ${v.recommendation} (${v.confidence} confidence); its answers now give ${result.recommendation} (${result.confidence} confidence).`});
  } else {
    checks.push({ok: true, text: `The answers still give ${result.recommendation} (${result.confidence} confidence).`});
  }
  return answers;
}

/** Where an edited report first differs from a fresh rendering of its answers, when that can be told. */
function firstEdit(body: string, data: EmbeddedData, bank: Bank, template?: TemplateSource, toHtml?: HtmlConverter): string {
  try {
    const again = data.kind === 'combine' ? combinedAgain(data, bank, toHtml) : singleAgain(data, bank, template, toHtml);
    if (again === undefined) return '';
    return firstDifference(body, findBlock(again)!.body);
  } catch {
    return '';
  }
}

/** The single report rendered again from its embedded answers, when it can be. */
function singleAgain(data: EmbeddedData, bank: Bank, template?: TemplateSource, toHtml?: HtmlConverter): string | undefined {
  const {answers} = embeddedAnswers('', data, bank);
  const choice = templateFor(data, template);
  if (!answers || choice.template === null) return undefined;
  return renderReport({bank, answers, date: data.date, format: data.format, template: choice.template, brand: brandOf(data)}, toHtml);
}

/** A combined report rendered again from its respondents' answers, when they fit the bank. */
function combinedAgain(data: EmbeddedData, bank: Bank, toHtml?: HtmlConverter): string | undefined {
  const all = (data.sources ?? []).map((source) => embeddedAnswers('', {...data, answers: source?.answers ?? {}}, bank).answers);
  if (all.length < MIN_RESPONDENTS || all.some((a) => !a)) return undefined;
  return renderCombined({bank, sources: all as Answers[], date: data.date, format: data.format, brand: brandOf(data)}, toHtml);
}

/**
 * Which template to render the embedded answers with, to confirm the text:
 * undefined for the bundled one, the given one, or null (with why) when the
 * text cannot be confirmed. The recorded fingerprint decides, not the path:
 * - the bundled template's fingerprint: the bundled template;
 * - another fingerprint: the `--template` given, only when its content has
 *   that fingerprint; with none given, the bundled template when the block
 *   names it (an older version of it, or a forged fingerprint: the text must
 *   still render the same), else the text cannot be confirmed.
 * A block without a fingerprint (no release wrote one, but a hand-made block
 * can lack it) is rendered with the given template, or the bundled one when it
 * names that; the rendered text must match either way.
 */
function templateFor(data: EmbeddedData, given: TemplateSource | undefined): {template: TemplateSource | undefined} | {template: null; why: string} {
  const recorded = (data.template ?? {}) as Partial<EmbeddedData['template']>;
  const fingerprint = typeof recorded.fingerprint === 'string' ? recorded.fingerprint : undefined;
  const path = typeof recorded.path === 'string' ? recorded.path : undefined;
  const namesDefault = path === 'default';
  if (fingerprint !== undefined && fingerprint === templateFingerprint(defaultTemplate().text)) return {template: undefined};
  if (given) {
    if (fingerprint === undefined || templateFingerprint(given.text) === fingerprint) return {template: given};
    return {
      template: null,
      why: `Cannot confirm the report text: it was made with ${namesDefault ? 'another version of the bundled template' : `template ${path ?? '(unnamed)'}`} (fingerprint ${fingerprint}), and ${given.path} given with --template is different content (fingerprint ${templateFingerprint(given.text)}).`,
    };
  }
  if (namesDefault) return {template: undefined};
  return {
    template: null,
    why: `Cannot confirm the report text: it was made with a custom template (${path ?? 'unnamed'}${fingerprint ? `, fingerprint ${fingerprint}` : ''}); pass that template with --template FILE to render the answers again and compare.`,
  };
}

/**
 * A combined report (--combine), whatever its format: 2 to 20 respondents whose answers fit the
 * bank, combining them again gives the combined answers and the verdict recorded. `all`: their
 * answers, when they fit (to render or draw the report again).
 */
function combinedAnswerChecks(file: string, data: EmbeddedData, bank: Bank): {checks: Verification['checks']; all?: Answers[]} {
  const sources = Array.isArray(data.sources) ? data.sources : [];
  if (sources.length < MIN_RESPONDENTS || sources.length > MAX_RESPONDENTS) {
    return {checks: [{ok: false, text: `The report should carry ${MIN_RESPONDENTS} to ${MAX_RESPONDENTS} respondents' answers; it carries ${sources.length}.`}]};
  }
  const all: Answers[] = [];
  for (const [i, source] of sources.entries()) {
    const {answers, problems} = embeddedAnswers(file, {...data, answers: source?.answers ?? {}}, bank);
    if (!answers) return {checks: [{ok: false, text: `The answers of respondent ${i + 1} do not fit the bank here: ${problems.join('; ')}`}]};
    all.push(answers);
  }
  const checks: Verification['checks'] = [];
  const combined = combineAnswers(bank, all);
  const same = canonicalJson(answersToObject(combined.answers)) === canonicalJson(data.answers);
  checks.push(
    same
      ? {ok: true, text: `Combining the ${sources.length} respondents' answers again gives the combined answers recorded.`}
      : {ok: false, text: "Combining the respondents' answers again gives other combined answers than the report records (a respondent's answer or the combined answers were changed)."},
  );
  // The names a report shows come from the answers; a recorded name that is not theirs was put there by hand.
  const names = respondentsOf(bank, all).map((r) => r.label);
  const renamed = sources.findIndex((source, i) => source?.label !== names[i]);
  checks.push(
    renamed < 0
      ? {ok: true, text: "Each respondent's recorded name is the one their answers give."}
      : {ok: false, text: `Respondent ${renamed + 1} is recorded as "${String(sources[renamed]?.label)}", but their answers name "${names[renamed]}": the data was changed.`},
  );
  const r = combined.result;
  const v = data.verdict;
  checks.push(
    r.recommendation !== v.recommendation || r.confidence !== v.confidence
      ? {ok: false, text: `The verdict changed: the report says ${v.recommendation} (${v.confidence} confidence); the respondents' answers now give ${r.recommendation} (${r.confidence} confidence).`}
      : {ok: true, text: `The respondents' answers still give ${r.recommendation} (${r.confidence} confidence).`},
  );
  return {checks, all};
}

/** Why a combined report's text cannot be confirmed (made with another version of its template), or undefined. */
function combinedTemplateCheck(data: EmbeddedData): Verification['checks'][number] | undefined {
  if (data.template?.fingerprint === templateFingerprint(combineTemplate().text)) return undefined;
  return {ok: false, text: 'Cannot confirm the report text: it was made with another version of the combined report template.', unconfirmed: true};
}

/** A combined markdown or HTML report: its answers, and the text rendered again. */
function combinedChecks(
  file: string,
  data: EmbeddedData,
  body: string,
  bank: Bank,
  state: {edited: boolean; sealed: boolean; sameBank: boolean},
  toHtml?: HtmlConverter,
): Verification['checks'] {
  const {checks, all} = combinedAnswerChecks(file, data, bank);
  if (all && !state.edited && state.sealed && state.sameBank) {
    const unconfirmed = combinedTemplateCheck(data);
    if (unconfirmed) {
      checks.push(unconfirmed);
    } else {
      const again = renderCombined({bank, sources: all, date: data.date, format: data.format, brand: brandOf(data)}, toHtml);
      checks.push(
        findBlock(again)?.body.trimEnd() === body.trimEnd()
          ? {ok: true, text: 'Combining and rendering the answers again gives the same report.'}
          : {ok: false, text: 'Combining and rendering the answers again gives a different report (the tool changed since, or the answers were changed and sealed again).'},
      );
    }
  }
  return checks;
}

/**
 * A portfolio report (issue 14, `--portfolio`): the block, the text, the bank, every
 * assessment's answers against the bank, and the report rendered again from them.
 */
function verifyPortfolio(file: string, body: string, data: EmbeddedData, bank: Bank, toHtml?: HtmlConverter): Verification {
  const checks: Verification['checks'] = [];
  const sealed = sealCheck(checks, data);
  const sameBank = bankCheck(checks, data, bank);
  const sources = portfolioSources(checks, file, data, bank);
  let fresh: string | undefined;
  if (sources) {
    try {
      fresh = findBlock(renderPortfolio(buildPortfolioModel(bank, sources, data.date), sources, bank, data.format, toHtml, brandOf(data)))?.body;
    } catch (error) {
      checks.push({ok: false, text: `The assessments could not be rendered again: ${(error as Error).message}`});
    }
  }
  const edited = bodyHash(body) !== data.body;
  checks.push(edited ? {ok: false, text: `The report text was edited after it was generated${fresh ? firstDifference(body, fresh) : ''}.`} : {ok: true, text: 'The report text is as generated.'});
  if (fresh !== undefined && !edited && sealed && sameBank) {
    checks.push(
      fresh.trimEnd() === body.trimEnd()
        ? {ok: true, text: `Rendering the ${sources!.length} assessments again gives the same report.`}
        : {ok: false, text: `Rendering the ${sources!.length} assessments again gives a different report (the tool or template changed since)${portfolioTemplateNote(data)}.`},
    );
  }
  return {intact: checks.every((c) => c.ok), checks, data};
}

/** A portfolio's assessments (whatever its format), each against the bank: undefined, with the checks that failed, unless all fit and there are two or more. */
function portfolioSources(checks: Verification['checks'], file: string, data: EmbeddedData, bank: Bank): PortfolioSource[] | undefined {
  const sources: PortfolioSource[] = [];
  const given = Array.isArray(data.sources) ? data.sources : [];
  for (const [i, s] of given.entries()) {
    const {answers, problems} = embeddedAnswers(file, {...data, answers: s?.answers ?? {}}, bank);
    if (answers) sources.push({label: String(s.label), answers});
    else checks.push({ok: false, text: `The embedded answers of assessment ${i + 1} (${String(s?.label)}) do not fit the bank here: ${problems.join('; ')}`});
  }
  if (given.length < 2) checks.push({ok: false, text: 'The embedded data holds fewer than two assessments: it is not a whole portfolio.'});
  return sources.length === given.length && given.length >= 2 ? sources : undefined;
}

/** " (it was made with another version of the portfolio template)" when it was, else nothing. */
function portfolioTemplateNote(data: EmbeddedData): string {
  return data.template?.fingerprint === templateFingerprint(portfolioTemplateSource().text) ? '' : ' (it was made with another version of the portfolio template)';
}

/** " (first change at line N: "...")" between a report's text and a fresh rendering. */
function firstDifference(body: string, fresh: string): string {
  const lines = body.split('\n');
  const again = fresh.split('\n');
  for (let i = 0; i < Math.max(lines.length, again.length); i++) {
    if (lines[i] !== again[i]) {
      const shown = (lines[i] ?? '(the report ends here)').trim();
      return ` (first change at line ${i + 1}: "${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}")`;
    }
  }
  return '';
}
