/**
 * The PDF report (src/report/pdf.ts): a PDF for every profile, the same bytes for the same
 * input, the answers read back from it (the same markdown again), and `--verify`'s checks
 * on a PDF as written and as edited.
 */
import {describe, expect, test} from '@jest/globals';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {encodePayload, findPdfBlock, type EmbeddedData} from '../../src/report/embed.js';
import {markdownToPdf, renderPdf} from '../../src/report/pdf.js';
import {readAssessment} from '../../src/report/read-assessment.js';
import {renderMarkdown} from '../../src/report/render-core.js';
import {verifyPdfReport} from '../../src/report/verify.js';
import {answersFile, realBank, ROOT} from './report-helpers.js';

const DATE = '2026-11-30';
const PROFILES = readdirSync(join(ROOT, 'test/fixtures/profiles')).filter((f) => f.endsWith('.yaml'));

function pdfFor(file: string): Promise<Buffer> {
  return renderPdf({bank: realBank(), answers: answersFile(file), date: DATE, format: 'pdf'});
}

/** The PDF with its payload replaced (offsets after it shift when the length changes: the bytes are what a hand edit leaves). */
function withPayload(bytes: Buffer, payload: string): Buffer {
  const found = findPdfBlock(bytes)!;
  return Buffer.concat([bytes.subarray(0, found.at), Buffer.from(payload, 'latin1'), bytes.subarray(found.at + found.length)]);
}

describe('a PDF of each profile', () => {
  test.each(PROFILES)('%s: a PDF that carries its answers: read back, they give the same markdown report', async (profile) => {
    const file = `test/fixtures/profiles/${profile}`;
    const bytes = await pdfFor(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const load = readAssessment('report.pdf', bytes, realBank());
    expect(load.errors).toEqual([]);
    expect(load.embedded?.format).toBe('pdf');
    expect(renderMarkdown(realBank(), load.answers!, DATE)).toBe(renderMarkdown(realBank(), answersFile(file), DATE));
  });
});

describe('the same input', () => {
  test('gives the same bytes twice (fixed dates, no random id), and another date other bytes', async () => {
    const [a, b] = [await pdfFor('examples/acme.yaml'), await pdfFor('examples/acme.yaml')];
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20261130000000Z)');
    const other = await renderPdf({bank: realBank(), answers: answersFile('examples/acme.yaml'), date: '2026-12-01', format: 'pdf'});
    expect(other.equals(a)).toBe(false);
  });
});

describe('--verify on a PDF', () => {
  test('a PDF as written is intact, drawn again byte for byte', async () => {
    const bytes = await pdfFor('test/fixtures/profiles/saas-manage.yaml');
    const v = await verifyPdfReport('report.pdf', bytes, realBank());
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    expect(v.intact).toBe(true);
    expect(v.checks.map((c) => c.text)).toContain('Drawing the answers again gives the same PDF, byte for byte.');
  });

  test('an embedded answer edited, the seal recomputed: the PDF drawn from it differs, and it fails', async () => {
    const bytes = await pdfFor('examples/acme.yaml');
    const data = findPdfBlock(bytes)!.data!;
    const {hash: _hash, ...rest} = data;
    const answers = structuredClone(rest.answers) as {context: {organisation: string}};
    answers.context.organisation = 'Someone Else Ltd';
    const forged = withPayload(bytes, encodePayload({...rest, answers} as Omit<EmbeddedData, 'hash'>));
    const v = await verifyPdfReport('report.pdf', forged, realBank());
    expect(v.intact).toBe(false);
    expect(v.checks.find((c) => !c.ok)?.text).toMatch(/Drawing the answers again gives a different PDF/);
  });

  test('an embedded answer edited without the seal: the data is said to be altered', async () => {
    const bytes = await pdfFor('examples/acme.yaml');
    const data = findPdfBlock(bytes)!.data!;
    const edited = {...data, answers: {...data.answers, version: 1, context: {organisation: 'Someone Else Ltd'}}};
    const v = await verifyPdfReport('report.pdf', withPayload(bytes, Buffer.from(JSON.stringify(edited)).toString('base64url')), realBank());
    expect(v.intact).toBe(false);
    expect(v.checks[0]).toEqual({ok: false, text: expect.stringMatching(/altered/)});
  });

  test('a byte of a page changed: the PDF is not as generated', async () => {
    const bytes = Buffer.from(await pdfFor('examples/acme.yaml'));
    const at = bytes.indexOf('stream\n') + 20; // inside the first content stream
    bytes[at] = bytes[at]! ^ 0x01;
    const v = await verifyPdfReport('report.pdf', bytes, realBank());
    expect(v.intact).toBe(false);
    expect(v.checks[1]).toEqual({ok: false, text: expect.stringMatching(/changed after it was generated/)});
  });

  test('a PDF handoff-assess did not write holds no data', async () => {
    const bytes = await markdownToPdf({md: '# Not a report\n', title: 'x', organisation: 'x', date: DATE});
    expect(findPdfBlock(bytes)).toBeUndefined();
    expect((await verifyPdfReport('other.pdf', bytes, realBank())).checks[0]!.text).toMatch(/holds no handoff-assess data/);
    expect(readAssessment('other.pdf', bytes, realBank()).errors[0]!.message).toMatch(/a PDF without handoff-assess data/);
  });
});

describe('the converter', () => {
  test('report text cannot make it fetch or read anything: an image, a link and raw HTML are drawn as text', async () => {
    const md = '# T\n\n![secret](/etc/passwd) [site](https://example.com/x.png) <img src="https://example.com/a.png">\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n';
    const bytes = await markdownToPdf({md, title: 'T', organisation: 'Org', date: DATE});
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  test('a chart region asks for its drawing by kind', async () => {
    const md = '# T\n\n<!-- handoff-assess:chart score -->\n```text\nTEXT RENDITION\n```\n<!-- /handoff-assess:chart -->\n\nAfter.\n';
    let asked = '';
    await markdownToPdf({md, title: 'T', organisation: 'Org', date: DATE, chart: (kind) => ((asked = kind), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>')});
    expect(asked).toBe('score');
  });
});

describe('a branded PDF', () => {
  const logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" width="20" height="10"><rect width="20" height="10" fill="#123456"/><image href="/etc/passwd" width="5" height="5"/></svg>').toString('base64');
  const brand = {name: 'Northwind Advisory', accent: '#7a1f5c', contact: 'hello@northwind.example', disclaimer: 'Not advice to anyone else.', logo: {mime: 'image/svg+xml' as const, base64: logo, file: 'logo.svg'}};

  test('records its brand (the logo without its file name); --verify draws it again with that brand, and a brand swapped in the seal fails', async () => {
    const bytes = await renderPdf({bank: realBank(), answers: answersFile('examples/acme.yaml'), date: DATE, format: 'pdf', brand});
    expect(findPdfBlock(bytes)!.data!.brand).toEqual({...brand, logo: {...brand.logo, file: 'logo'}});
    expect((await verifyPdfReport('b.pdf', bytes, realBank())).intact).toBe(true);
    const {hash: _hash, ...rest} = findPdfBlock(bytes)!.data!;
    const swapped = withPayload(bytes, encodePayload({...rest, brand: {...brand, accent: '#000000'}} as Omit<EmbeddedData, 'hash'>));
    const v = await verifyPdfReport('b.pdf', swapped, realBank());
    expect(v.intact).toBe(false);
    expect(v.checks.find((c) => !c.ok)?.text).toMatch(/Drawing the answers again gives a different PDF/);
  });
});
