/**
 * Combined (--combine) and portfolio (--portfolio) reports as PDFs (src/report/pdf.ts
 * renderCombinedPdf, renderPortfolioPdf): drawn from the markdown their HTML is made of,
 * the same bytes for the same input, sealed with the data their markdown carries, read back
 * by the readers a markdown report goes through, and checked by verifyPdfReport: intact as
 * written, failing when a respondent's or a workflow's answer is changed and the seal
 * recomputed, or when the brand in the seal is swapped.
 */
import {describe, expect, test} from '@jest/globals';
import {buildPortfolioModel, type PortfolioSource} from '../../src/engine/portfolio.js';
import {encodePayload, findBlock, findPdfBlock, type EmbeddedData} from '../../src/report/embed.js';
import {markdownToPdfContent, renderCombinedPdf, renderPortfolioPdf} from '../../src/report/pdf.js';
import {portfolioSvg} from '../../src/report/portfolio-chart.js';
import {readAssessment} from '../../src/report/read-assessment.js';
import {portfolioMarkdown, renderCombined, renderPortfolio} from '../../src/report/render-core.js';
import {verifyPdfReport} from '../../src/report/verify.js';
import {answersFile, realBank} from './report-helpers.js';

const DATE = '2026-12-01';
const RESPONDENTS = ['ops-lead', 'finance', 'sales'].map((f) => answersFile(`test/fixtures/combine/${f}.yaml`));
const WORKFLOWS: PortfolioSource[] = ['order-to-cash', 'support-escalation', 'invoice-approvals', 'returns'].map((f) => ({label: `${f}.yaml`, answers: answersFile(`test/fixtures/portfolio/${f}.yaml`)}));
const BRAND = {name: 'Northwind Advisory', accent: '#7a1f5c', contact: 'hello@northwind.example'};

const combinedPdf = (brand?: typeof BRAND) => renderCombinedPdf({bank: realBank(), sources: RESPONDENTS, date: DATE, brand});
const portfolioPdf = (brand?: typeof BRAND) => renderPortfolioPdf(buildPortfolioModel(realBank(), WORKFLOWS, DATE), WORKFLOWS, realBank(), brand);

/** The PDF with its data block's payload replaced (as a forger with the seal's recipe would). */
function forged(bytes: Buffer, edit: (data: Record<string, any>) => void): Buffer {
  const found = findPdfBlock(bytes)!;
  const {hash: _hash, ...data} = structuredClone(found.data!) as Record<string, any>;
  edit(data);
  const payload = encodePayload(data as Omit<EmbeddedData, 'hash'>);
  return Buffer.concat([bytes.subarray(0, found.at), Buffer.from(payload, 'latin1'), bytes.subarray(found.at + found.length)]);
}

const failed = (v: {checks: {ok: boolean; text: string}[]}) => v.checks.filter((c) => !c.ok).map((c) => c.text);

/**
 * `bytes` verify intact, `drawnAgain` among the checks; the same PDF with `edit` made to its data
 * and the seal recomputed keeps a sound seal: what failed is returned.
 */
async function intactThenForged(bytes: Buffer, drawnAgain: string, edit: (data: Record<string, any>) => void): Promise<string[]> {
  const ok = await verifyPdfReport('report.pdf', bytes, realBank());
  expect(failed(ok)).toEqual([]);
  expect(ok.checks.map((c) => c.text)).toContain(drawnAgain);
  const v = await verifyPdfReport('report.pdf', forged(bytes, edit), realBank());
  expect(v.intact).toBe(false);
  expect(v.checks[0]).toEqual({ok: true, text: 'The embedded data is intact.'});
  return failed(v);
}

/**
 * `make` gives a PDF (%PDF), the same bytes twice, sealed with the data the markdown `md` is
 * sealed with but for the format (and the hashes): that data is returned.
 */
async function sealedAsMarkdown(make: () => Promise<Buffer>, md: string): Promise<Omit<EmbeddedData, 'hash' | 'body' | 'format'>> {
  const bytes = await make();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((await make()).equals(bytes)).toBe(true);
  const {body: _b, hash: _h, format, ...sealed} = findPdfBlock(bytes)!.data!;
  const {body: _mb, hash: _mh, format: mdFormat, ...fromMarkdown} = findBlock(md)!.data!;
  expect([format, mdFormat]).toEqual(['pdf', 'md']);
  expect(sealed).toEqual(fromMarkdown);
  return sealed;
}

describe('a combined report as a PDF', () => {
  test('is a PDF, the same bytes each time, sealed with what the markdown records (format pdf)', async () => {
    const sealed = await sealedAsMarkdown(() => combinedPdf(), renderCombined({bank: realBank(), sources: RESPONDENTS, date: DATE, format: 'md'}));
    expect(sealed.kind).toBe('combine');
    expect(sealed.sources!.map((s) => s.label)).toEqual(['Dana Ruiz (Operations leader)', 'Priya Shah, Finance (Buyer)', 'Marcus Lee, Sales (Buyer)']);
  });

  test('reads back as a combined report (its respondents and date) through the reader of any report', async () => {
    const load = readAssessment('combined.pdf', await combinedPdf(), realBank());
    expect(load.errors).toEqual([]);
    expect(load.embedded?.kind).toBe('combine');
    expect(load.embedded?.date).toBe(DATE);
    expect(load.embedded?.sources).toHaveLength(3);
  });

  test('verifies intact; a respondent answer changed with the seal recomputed fails, naming the combined answers', async () => {
    const edit = (d: Record<string, any>) => (d.sources[2].answers.matrix.failure_frequency = 5);
    expect(await intactThenForged(await combinedPdf(), 'Combining and drawing the answers again gives the same PDF, byte for byte.', edit)).toContain("Combining the respondents' answers again gives other combined answers than the report records (a respondent's answer or the combined answers were changed).");
  });

  test('a respondent’s note changed with the seal recomputed fails too: drawn again, the PDF differs', async () => {
    const v = await verifyPdfReport('combined.pdf', forged(await combinedPdf(), (d) => (d.sources[2].answers.notes.failure_frequency = 'Never')), realBank());
    expect(failed(v)).toContainEqual(expect.stringMatching(/^Combining and drawing the answers again gives a different PDF/));
  });

  test('branded: the brand is sealed and drawn again; a brand swapped in the seal fails', async () => {
    const bytes = await combinedPdf(BRAND);
    expect(bytes.equals(await combinedPdf())).toBe(false);
    expect(findPdfBlock(bytes)!.data!.brand).toEqual(BRAND);
    expect((await verifyPdfReport('combined.pdf', bytes, realBank())).intact).toBe(true);
    const swapped = await verifyPdfReport('combined.pdf', forged(bytes, (d) => (d.brand.accent = '#000000')), realBank());
    expect(failed(swapped)).toEqual([expect.stringMatching(/^Combining and drawing the answers again gives a different PDF/)]);
  });
});

describe('a portfolio as a PDF', () => {
  test('is a PDF, the same bytes each time, sealed with what the markdown records (format pdf)', async () => {
    const model = buildPortfolioModel(realBank(), WORKFLOWS, DATE);
    const sealed = await sealedAsMarkdown(() => portfolioPdf(), renderPortfolio(model, WORKFLOWS, realBank(), 'md'));
    expect(sealed.kind).toBe('portfolio');
  });

  test('its chart region is drawn as the portfolio SVG, not as the text rendition; a single report’s callback leaves that region as text', () => {
    const model = buildPortfolioModel(realBank(), WORKFLOWS, DATE);
    const md = portfolioMarkdown(model);
    const drawn = markdownToPdfContent(md, {accent: '#000000', chart: (kind) => (kind === 'portfolio' ? portfolioSvg(model) : undefined)});
    expect(drawn.filter((n) => n.svg)).toEqual([expect.objectContaining({svg: portfolioSvg(model)})]);
    const asText = markdownToPdfContent(md, {accent: '#000000', chart: () => undefined});
    expect(asText.filter((n) => n.svg)).toEqual([]);
    expect(JSON.stringify(asText)).toContain('| is the threshold');
    expect(JSON.stringify(drawn)).not.toContain('| is the threshold');
  });

  test('verifies intact; a workflow answer changed with the seal recomputed fails', async () => {
    const edit = (d: Record<string, any>) => (d.sources[1].answers.matrix.failure_frequency = 5);
    expect(await intactThenForged(await portfolioPdf(), 'Drawing the 4 assessments again gives the same PDF, byte for byte.', edit)).toEqual([expect.stringMatching(/^Drawing the 4 assessments again gives a different PDF/)]);
  });

  test('branded: the brand is sealed, and verifies intact', async () => {
    const bytes = await portfolioPdf(BRAND);
    expect(findPdfBlock(bytes)!.data!.brand).toEqual(BRAND);
    expect((await verifyPdfReport('portfolio.pdf', bytes, realBank())).intact).toBe(true);
  });
});
