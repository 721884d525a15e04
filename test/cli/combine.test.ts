/**
 * `--combine A B C...` through the CLI: three respondents at Northwind Tiles (test/fixtures/combine/)
 * make one combined report (md, html, json, pdf) that replays and verifies like a single report; what
 * cannot be combined is refused with exit 2 and a message naming the files.
 */
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import {chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {dataHash, encodePayload, findPdfBlock, type EmbeddedData} from '../../src/report/embed.js';
import {expectRemadeByteForByte, ROOT, runInProcess, runOnTerminal} from './run-cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'combine');
const OPS = join(FIXTURES, 'ops-lead.yaml');
const FINANCE = join(FIXTURES, 'finance.yaml');
const SALES = join(FIXTURES, 'sales.yaml');
const THREE = [OPS, FINANCE, SALES];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-combine-'));
});
afterEach(() => {
  rmSync(dir, {recursive: true, force: true});
});

const cli = (args: string[]) => runInProcess(args, {cwd: ROOT, timeoutMs: 60_000});

async function combined(format: 'md' | 'html' | 'json' | 'pdf' = 'md', files = THREE): Promise<string> {
  const out = join(dir, `combined-${Math.random().toString(36).slice(2)}.${format}`);
  const run = await cli(['--combine', ...files, '--out', out, '--date', '2026-12-01']);
  expect(run.stderr).toBe(`Written to ${out}\n`);
  expect(run.code).toBe(0);
  return out;
}

/** Rewrite the JSON in a report's data block; `reseal` recomputes its hash as a forger would. */
function editBlock(text: string, edit: (data: Record<string, any>) => void, reseal = false): string {
  return text.replace(/(<!-- handoff-assess:data v1 )([\w-]+)( -->)/, (_m, a, payload, c) => {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    edit(data);
    if (reseal) {
      const {hash: _hash, ...rest} = data;
      data.hash = dataHash(rest);
    }
    return a + Buffer.from(JSON.stringify(data)).toString('base64url') + c;
  });
}

const withContext = (file: string, from: string, to: string) => {
  const path = join(dir, `edited-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, readFileSync(file, 'utf8').replace(from, to));
  return path;
};

describe('the combined report', () => {
  it('opens with the disagreements to settle: who said what, their notes, the question for the room', async () => {
    const md = readFileSync(await combined('md'), 'utf8');
    const settle = md.indexOf('## The disagreements to settle');
    expect(settle).toBeGreaterThan(0);
    expect(settle).toBeLessThan(md.indexOf('## Combined verdict: Remediation sprint'));
    expect(md).toContain('**Respondents:** Dana Ruiz (Operations leader); Priya Shah, Finance (Buyer); Marcus Lee, Sales (Buyer)');
    expect(md).toContain('### 1. Failure frequency (weight 3, heavy)');
    expect(md).toContain('| Marcus Lee, Sales (Buyer) | 2 of 5 | Maybe one a week, and the deal desk fixes it the same day |');
    expect(md).toContain('**Question for the room:** Failure frequency: the answers run from 2 to 5 of 5.');
    expect(md).toContain('### 2. Data reconciliation load (weight 2)');
    expect(md).toContain('### 3. It is clear who owns each system and who steps in when something falls back.');
    expect(md).not.toContain('### 4.');
  });

  it('shows the verdict on the combined answers with the confidence lowered, the matrix per respondent, the counts and the merged map', async () => {
    const md = readFileSync(await combined('md'), 'utf8');
    expect(md).toContain('**Confidence: medium.**');
    expect(md).toMatch(/- The respondents disagree by 2 points or more on failure frequency \(2–5 \(3 points\)\), which weighs heavily: lowered from high/);
    expect(md).toContain('| Failure frequency | 3 (heavy) | 5 of 5 (verified) | 4 of 5 | 2 of 5 | 2–5 (3 points) **to settle** | 4 of 5 |');
    expect(md).toContain('| It is clear who owns each system and who steps in when something falls back. | 1 of 3 (Marcus Lee, Sales (Buyer)) | not ticked |');
    expect(md).toMatch(/\| Sync failures keep recurring .* \| 3 of 3 \| ticked \|/);
    expect(md).toContain('| HubSpot → NetSuite (deal) (critical path) | 3 of 3 | **not agreed** |');
    expect(md).toContain('- Owner not agreed on HubSpot → NetSuite (deal): Dana Ruiz (Operations leader) says Sales ops; Priya Shah, Finance (Buyer) says Finance ops.');
    expect(md).toContain('| Failure frequency | 14 failures in four weeks | 12 failures in four weeks | 3 failures in four weeks | 12 failures in four weeks **far apart: check the source** |');
  });

  it('JSON: format handoff-assess-combined, with the disagreements, the combined answers and every respondent’s', async () => {
    const json = JSON.parse(readFileSync(await combined('json'), 'utf8'));
    expect(json.format).toBe('handoff-assess-combined');
    expect(json.formatVersion).toBe(1);
    expect([json.recommendation, json.confidence, json.confidenceLowered]).toEqual(['remediation-sprint', 'medium', true]);
    expect(json.respondents.map((r: {label: string}) => r.label)).toEqual(['Dana Ruiz (Operations leader)', 'Priya Shah, Finance (Buyer)', 'Marcus Lee, Sales (Buyer)']);
    expect(json.disagreements.map((d: {id: string}) => d.id)).toEqual(['failure_frequency', 'reconciliation_load', 'clear_ownership']);
    expect(json.matrix[0]).toMatchObject({id: 'failure_frequency', spread: {min: 2, max: 5, range: 3}, combined: 4, disagreement: true, lowersConfidence: true});
    expect(json.answers.matrix.failure_frequency).toBe(4);
    expect(json.sources).toHaveLength(3);
    expect(json.sources[2].answers.matrix.failure_frequency).toBe(2);
  });

  it('HTML: the same report in the page shell, sealed', async () => {
    const html = readFileSync(await combined('html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<title>Combined assessment: Northwind Tiles Ltd</title>');
    expect(html).toContain('<h2>The disagreements to settle</h2>');
    expect(html).toContain('<!-- handoff-assess:data v1 ');
  });
});

describe('inputs', () => {
  it('a saved draft by its id, as --compare takes it', async () => {
    const state = join(dir, 'state');
    mkdirSync(join(state, 'drafts'), {recursive: true, mode: 0o700});
    const draft = join(state, 'drafts', 'northwind-tiles-ltd-20261201-101500.yaml');
    writeFileSync(draft, readFileSync(SALES, 'utf8'), {mode: 0o600});
    chmodSync(draft, 0o600);
    const run = await runInProcess(['--combine', OPS, 'northwind-tiles-ltd-20261201-101500', '-f', 'json'], {cwd: dir, env: {HANDOFF_ASSESS_STATE_DIR: state}, timeoutMs: 60_000});
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).respondents.map((r: {label: string}) => r.label)).toEqual(['Dana Ruiz (Operations leader)', 'Marcus Lee, Sales (Buyer)']);
  });

  it('a respondent’s note cannot break the table or the page', async () => {
    const hostile = withContext(SALES, 'Maybe one a week, and the deal desk fixes it the same day', '"a | b <script>alert(1)</script> **x**"');
    const md = await cli(['--combine', OPS, hostile]);
    expect(md.stdout).toContain('| Marcus Lee, Sales (Buyer) | 2 of 5 | a \\| b &lt;script>alert(1)&lt;/script> \\*\\*x\\*\\* |');
    const html = await cli(['--combine', OPS, hostile, '-f', 'html']);
    expect(html.stdout).not.toContain('<script>');
  });
});

describe('replay and verify', () => {
  it('--combine combined.md re-makes it byte for byte (its date kept); md and html verify intact', async () => {
    const md = await combined('md');
    const again = await cli(['--combine', md]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(readFileSync(md, 'utf8'));
    for (const file of [md, await combined('html')]) {
      const run = await cli(['--verify', file]);
      expect(run.stdout).not.toContain('FAIL');
      expect(run.stdout).toContain("Combining the 3 respondents' answers again gives the combined answers recorded.");
      expect(run.code).toBe(0);
    }
  });

  it('a combined report and one more assessment: a fourth respondent', async () => {
    const fourth = withContext(SALES, 'assessor: Marcus Lee, Sales', 'assessor: Ana Costa, Support');
    const run = await cli(['--combine', await combined('md'), fourth, '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).respondents.map((r: {label: string}) => r.label).at(-1)).toBe('Ana Costa, Support (Buyer)');
  });

  it('an edited respondent answer fails --verify (exit 3), sealed again or not', async () => {
    const text = readFileSync(await combined('md'), 'utf8');
    const edit = (data: Record<string, any>) => (data.sources[2].answers.matrix.failure_frequency = 5);
    const plain = join(dir, 'edited.md');
    writeFileSync(plain, editBlock(text, edit));
    const run = await cli(['--verify', plain]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('FAIL  The embedded data was altered after the report was generated');
    const forged = join(dir, 'forged.md');
    writeFileSync(forged, editBlock(text, edit, true));
    const again = await cli(['--verify', forged]);
    expect(again.code).toBe(3);
    expect(again.stdout).toContain('ok    The embedded data is intact.');
    expect(again.stdout).toContain("FAIL  Combining the respondents' answers again gives other combined answers than the report records");
  });

  it("a respondent's recorded name changed and the seal recomputed fails --verify (exit 3): names come from the answers", async () => {
    const text = readFileSync(await combined('md'), 'utf8');
    const forged = join(dir, 'renamed.md');
    writeFileSync(forged, editBlock(text, (data) => (data.sources[1].label = 'The CFO'), true));
    const run = await cli(['--verify', forged]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('ok    The embedded data is intact.');
    expect(run.stdout).toMatch(/FAIL  Respondent 2 is recorded as "The CFO", but their answers name ".+": the data was changed\./);
  });

  it('-o combined.pdf writes a PDF that --combine re-makes byte for byte (and as the same markdown) and --verify finds intact', async () => {
    const pdf = await combined('pdf');
    await expectRemadeByteForByte(pdf, '--combine', {kind: 'combine', date: '2026-12-01'});
    const md = await cli(['--combine', pdf, '-f', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(readFileSync(await combined('md'), 'utf8'));
    const run = await cli(['--verify', pdf]);
    expect(run.stdout).not.toContain('FAIL');
    expect(run.stdout).toContain('ok    Combining and drawing the answers again gives the same PDF, byte for byte.');
    expect(run.stdout).toContain(`${pdf} is intact.`);
    expect(run.code).toBe(0);
  });

  it('a combined PDF with a respondent answer changed and the seal recomputed fails --verify (exit 3)', async () => {
    const bytes = readFileSync(await combined('pdf'));
    const found = findPdfBlock(bytes)!;
    const {hash: _hash, ...data} = found.data! as Record<string, any>;
    data.sources[2].answers.matrix.failure_frequency = 5;
    const forged = join(dir, 'forged.pdf');
    writeFileSync(forged, Buffer.concat([bytes.subarray(0, found.at), Buffer.from(encodePayload(data as Omit<EmbeddedData, 'hash'>), 'latin1'), bytes.subarray(found.at + found.length)]));
    const run = await cli(['--verify', forged]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('ok    The embedded data is intact.');
    expect(run.stdout).toContain("FAIL  Combining the respondents' answers again gives other combined answers than the report records");
    expect(run.stdout).toContain('does not match what handoff-assess generated');
  });

  it('-f pdf to a terminal is refused before any work (exit 2), nothing written', async () => {
    const {code, stdout, stderr} = await runOnTerminal(['--combine', ...THREE, '-f', 'pdf'], {cwd: ROOT});
    expect(code).toBe(2);
    expect(stderr).toMatch(/^handoff-assess: a PDF report is binary and standard output is a terminal: write it to a file with -o report\.pdf/);
    expect(stdout).toBe('');
  });

  it('edited text fails --verify and says where', async () => {
    const file = await combined('md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Maybe one a week', 'Maybe two a week'));
    const run = await cli(['--verify', file]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/FAIL  The report text was edited after it was generated \(first change at line \d+: "\| Marcus Lee, Sales \(Buyer\) \| 2 of 5 \| Maybe two a week/);
  });
});

describe('refusals: exit 2, a message naming the files, nothing written', () => {
  const refused = async (args: string[], message: RegExp) => {
    const out = join(dir, 'never.md');
    const run = await cli([...args, '--out', out]);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^handoff-assess: /);
    expect(run.code).toBe(2);
    expect(() => readFileSync(out)).toThrow();
  };

  it('one assessment, or more than twenty', async () => {
    await refused(['--combine', OPS], /--combine takes 2 to 20 assessments of one workflow .* \(got 1\)/);
    await refused(['--combine', ...Array.from({length: 21}, () => OPS)], /--combine takes 2 to 20 assessments .* \(got 21\)/);
  });

  it('another organisation, or another workflow', async () => {
    const other = withContext(SALES, 'organisation: Northwind Tiles Ltd', 'organisation: Southwind Tiles');
    await refused(['--combine', OPS, FINANCE, other], /one workflow of one organisation: .*ops-lead\.yaml names the organisation "Northwind Tiles Ltd", .*edited-\w+\.yaml "Southwind Tiles"/);
    const workflow = withContext(FINANCE, 'workflow: Quote to cash', 'workflow: Order to delivery');
    await refused(['--combine', OPS, workflow], /ops-lead\.yaml names the workflow "Quote to cash", .*edited-\w+\.yaml "Order to delivery"/);
  });

  it('a report made with another question bank', async () => {
    const bank = join(dir, 'bank');
    cpSync(join(ROOT, 'questions'), bank, {recursive: true});
    writeFileSync(join(bank, 'bank.yaml'), readFileSync(join(bank, 'bank.yaml'), 'utf8').replace('version: 2.1.0', 'version: 2.2.0'));
    const report = join(dir, 'other-bank.md');
    expect((await cli(['--answers', FINANCE, '--questions', bank, '--out', report])).code).toBe(0);
    await refused(['--combine', OPS, report], /same question bank: .*other-bank\.md was made with handoff-assess-core 2\.2\.0, the bank here with handoff-assess-core 2\.1\.0/);
  });

  it('--template, and --combine with --answers', async () => {
    await refused(['--combine', OPS, FINANCE, '--template', join(ROOT, 'templates', 'report.md.liquid')], /--template is for the single report/);
    await refused(['--combine', OPS, FINANCE, '--answers', SALES], /--combine and --answers cannot go together/);
  });
});
