/**
 * `--portfolio` through the CLI (issue 14): four workflows of one organisation in, one
 * decision out (md, html, json, pdf), sealed and checked by --verify; and the inputs it refuses.
 */
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {expectRemadeByteForByte, ROOT, runInProcess, runOnTerminal} from './run-cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/portfolio');
const fixture = (name: string) => join(FIXTURES, name);
const FOUR = ['order-to-cash.yaml', 'support-escalation.yaml', 'invoice-approvals.yaml', 'returns.yaml'].map(fixture);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-portfolio-'));
});
afterEach(() => {
  rmSync(dir, {recursive: true, force: true});
});

const cli = (args: string[]) => runInProcess(args, {cwd: ROOT, timeoutMs: 60_000});

describe('--portfolio', () => {
  it('names each assessment by its file name, never by where it sits on this machine, in every format', async () => {
    const copies = FOUR.map((f, i) => {
      const to = join(dir, `workflow-${i}.yaml`);
      cpSync(f, to);
      return to;
    });
    for (const format of ['md', 'html', 'json']) {
      const run = await cli(['--portfolio', ...copies, '-f', format, '--date', '2026-12-01']);
      expect(run.code).toBe(0);
      const text = format === 'json' ? run.stdout : run.stdout.replace(/<!-- handoff-assess:data v1 ([A-Za-z0-9_-]+) -->/, (_m, b64: string) => Buffer.from(b64, 'base64url').toString('utf8'));
      expect(text).toContain('workflow-0.yaml');
      expect(text).not.toContain(dir);
    }
  });

  it('two files of one name in different folders: each keeps its folder in the report, and the sealed answers are the first-ranked one', async () => {
    const [first, second] = ['q1', 'q2'].map((d) => join(dir, d, 'assessment.yaml'));
    mkdirSync(join(dir, 'q1'));
    mkdirSync(join(dir, 'q2'));
    cpSync(fixture('returns.yaml'), first!);
    cpSync(fixture('order-to-cash.yaml'), second!);
    const run = await cli(['--portfolio', first!, second!, '--date', '2026-12-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| q1/assessment.yaml |');
    expect(run.stdout).toContain('| q2/assessment.yaml |');
    const b64 = /<!-- handoff-assess:data v1 ([A-Za-z0-9_-]+) -->/.exec(run.stdout)![1]!;
    const data = JSON.parse(Buffer.from(b64, 'base64url').toString('utf8'));
    expect(data.answers.context.workflow).toBe('Order to cash');
    expect(data.verdict.recommendation).toBe('remediation-sprint');
  });

  it('ranks the four workflows and names the one to run the sprint on first, in markdown', async () => {
    const run = await cli(['--portfolio', ...FOUR, '--date', '2026-12-01']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const md = run.stdout;
    expect(md).toContain('# Workflow portfolio: Harbour & Pine Outfitters');
    expect(md).toContain('## Run the sprint on Order to cash first');
    expect(md).toMatch(/\| 1 \| Order to cash \| Remediation sprint \| high \| 21 \(\+17\) \| 2 \| 18 failures in four weeks \|/);
    expect(md).toMatch(/\| 2 \| Invoice approvals \| Not yet qualified \(leans to a sprint\) \|/);
    expect(md).toMatch(/\| 4 \| Support escalation \| Manage in place \|/);
    // The manage-in-place triggers, the qualification gap and the broad-redesign sentence.
    expect(md).toContain('## Manage in place, and when to look again');
    expect(md).toContain('- Re-assess if failure frequency passes 5 failures in four weeks (today: 3 failures in four weeks).');
    expect(md).toContain('- **Resolve: broad redesign expected without priorities:** Pick the one workflow whose handoffs matter most');
    expect(md).toContain('This ranking is the prioritised target list that answers it');
    // The chart: a text rendition between the markers, the threshold on it.
    expect(md).toMatch(/<!-- handoff-assess:chart portfolio -->\n```text\nscore from -32 \(manage in place\) to 32 \(remediation sprint\); \| is the threshold, 4\n1\. Order to cash +-+\|-+o-+ {2}21 remediation sprint\n/);
    expect(md).toContain('<!-- /handoff-assess:chart -->');
  });

  it('reads a folder as the same list, in the same order of urgency', async () => {
    const listed = await cli(['--portfolio', ...FOUR, '--date', '2026-12-01', '-f', 'json']);
    const folder = await cli(['--portfolio', FIXTURES, '--date', '2026-12-01', '-f', 'json']);
    expect(folder.code).toBe(0);
    const rank = (text: string) => JSON.parse(text).workflows.map((w: {workflow: string}) => w.workflow);
    expect(rank(folder.stdout)).toEqual(['Order to cash', 'Invoice approvals', 'Returns and credit notes', 'Support escalation']);
    expect(rank(listed.stdout)).toEqual(rank(folder.stdout));
  });

  it('writes the documented JSON shape', async () => {
    const run = await cli(['--portfolio', FIXTURES, '--date', '2026-12-01', '-f', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({format: 'handoff-assess-portfolio', formatVersion: 1, organisation: 'Harbour & Pine Outfitters', threshold: 4, first: {workflow: 'Order to cash', rank: 1}});
    expect(json.rule.order).toEqual(['verdict', 'margin', 'heavy_axes', 'confidence', 'failures']);
    expect(json.redesign.workflows).toEqual(['Invoice approvals']);
    expect(json.workflows[3]).toMatchObject({workflow: 'Support escalation', recommendation: 'manage-in-place', failures: 3});
    expect(json.workflows[3].triggers).toHaveLength(4);
    expect(json.assessments).toHaveLength(4);
  });

  it('draws the chart as SVG in HTML, and the HTML report verifies', async () => {
    const out = join(dir, 'portfolio.html');
    expect((await cli(['--portfolio', FIXTURES, '--date', '2026-12-01', '-o', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<figure class="chart"><svg [^>]*aria-label="The workflows on the score scale from -32 to 32, threshold 4: Order to cash 21, Invoice approvals 10/);
    expect(html).not.toContain('handoff-assess:chart portfolio');
    expect(html).not.toContain('HANDOFFASSESSPORTFOLIOCHART');
    const verify = await cli(['--verify', out]);
    expect(verify.stdout).toContain('Rendering the 4 assessments again gives the same report.');
    expect(verify.code).toBe(0);
  });

  it('seals the markdown: --verify passes, an edited report fails with the line, and the report makes the portfolio again', async () => {
    const out = join(dir, 'portfolio.md');
    expect((await cli(['--portfolio', ...FOUR, '--date', '2026-12-01', '-o', out])).code).toBe(0);
    const intact = await cli(['--verify', out]);
    expect(intact.stdout).toContain(`${out} is intact.`);
    expect(intact.code).toBe(0);

    const again = await cli(['--portfolio', out, '-f', 'json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({date: '2026-12-01', first: {workflow: 'Order to cash'}});

    writeFileSync(out, readFileSync(out, 'utf8').replace('## Run the sprint on Order to cash first', '## Run the sprint on Invoice approvals first'));
    const edited = await cli(['--verify', out]);
    expect(edited.code).toBe(3);
    expect(edited.stdout).toMatch(/FAIL {2}The report text was edited after it was generated \(first change at line \d+: "## Run the sprint on Invoice approvals first"\)\./);
  });
});

describe('--portfolio as a PDF', () => {
  it('-o portfolio.pdf writes a PDF that --portfolio re-makes byte for byte (and as the same JSON) and --verify finds intact', async () => {
    const out = join(dir, 'portfolio.pdf');
    const run = await cli(['--portfolio', ...FOUR, '--date', '2026-12-01', '-o', out]);
    expect(run.stderr).toBe(`Written to ${out}\n`);
    expect(run.code).toBe(0);
    await expectRemadeByteForByte(out, '--portfolio', {kind: 'portfolio', date: '2026-12-01'});
    const json = await cli(['--portfolio', out, '-f', 'json']);
    expect(json.stdout).toBe((await cli(['--portfolio', ...FOUR, '--date', '2026-12-01', '-f', 'json'])).stdout);
    const verify = await cli(['--verify', out]);
    expect(verify.stdout).not.toContain('FAIL');
    expect(verify.stdout).toContain('ok    Drawing the 4 assessments again gives the same PDF, byte for byte.');
    expect(verify.code).toBe(0);
  });

  it('-f pdf to a terminal is refused before any work (exit 2)', async () => {
    const {code, stdout, stderr} = await runOnTerminal(['--portfolio', ...FOUR, '-f', 'pdf'], {cwd: ROOT});
    expect(code).toBe(2);
    expect(stderr).toMatch(/^handoff-assess: a PDF report is binary and standard output is a terminal/);
    expect(stdout).toBe('');
  });
});

describe('--portfolio with saved drafts', () => {
  it('takes drafts by id beside files, labelled as drafts', async () => {
    const env = {HANDOFF_ASSESS_STATE_DIR: join(dir, 'state')};
    const {parseAnswers} = await import('../../src/answers/parse-answers.js');
    const {saveDraft} = await import('../../src/store/drafts.js');
    const {realBank} = await import('../engine/profiles.js');
    const answers = parseAnswers('returns.yaml', readFileSync(fixture('returns.yaml'), 'utf8'), realBank()).answers!;
    saveDraft({id: 'returns-sam', answers, saved: new Date(Date.UTC(2026, 10, 30))}, {env});
    const run = await runInProcess(['--portfolio', fixture('order-to-cash.yaml'), 'returns-sam', '-f', 'json', '--date', '2026-12-01'], {cwd: ROOT, env, timeoutMs: 60_000});
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout);
    expect(json.workflows.map((w: {workflow: string; source: string}) => [w.workflow, w.source])).toEqual([
      ['Order to cash', 'order-to-cash.yaml'],
      ['Returns and credit notes', 'draft returns-sam'],
    ]);
  });
});

describe('--portfolio refuses', () => {
  async function refused(args: string[]): Promise<string> {
    const run = await cli(args);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(2);
    return run.stderr;
  }

  it('a portfolio report given where one assessment is expected (--answers, --compare): it names --portfolio, and no report is made of one workflow it picked', async () => {
    const out = join(dir, 'portfolio.md');
    expect((await cli(['--portfolio', ...FOUR, '--date', '2026-12-01', '-o', out])).code).toBe(0);
    expect(await refused(['--answers', out])).toContain(`is a portfolio report (several workflows): --portfolio`);
    expect(await refused(['--compare', out, fixture('returns.yaml')])).toContain('is a portfolio report (several workflows)');
  });

  it('one assessment', async () => {
    expect(await refused(['--portfolio', fixture('order-to-cash.yaml')])).toContain('handoff-assess: --portfolio takes 2 to 20 assessments, one per workflow of one organisation (got 1)');
  });

  it('two organisations, naming each file and organisation', async () => {
    const other = join(ROOT, 'test/fixtures/profiles/saas-manage.yaml');
    const err = await refused(['--portfolio', fixture('order-to-cash.yaml'), other]);
    expect(err).toContain('handoff-assess: --portfolio ranks the workflows of one organisation, and these assessments name 2 different organisations');
    expect(err).toContain('order-to-cash.yaml: Harbour & Pine Outfitters');
    expect(err).toContain('saas-manage.yaml: Lumora Analytics');
  });

  it('the same workflow twice, pointing to --combine', async () => {
    const copy = join(dir, 'order-to-cash-finance.yaml');
    writeFileSync(copy, readFileSync(fixture('order-to-cash.yaml'), 'utf8').replace('workflow: Order to cash', 'workflow: "order to  cash "'));
    const err = await refused(['--portfolio', fixture('order-to-cash.yaml'), copy, fixture('returns.yaml')]);
    expect(err).toContain('are both the workflow "order to  cash": a portfolio takes one assessment per workflow. Several respondents on one workflow go together with --combine');
  });

  it('a report made with another question bank', async () => {
    const custom = join(dir, 'bank');
    cpSync(join(ROOT, 'questions'), custom, {recursive: true});
    writeFileSync(join(custom, 'bank.yaml'), readFileSync(join(custom, 'bank.yaml'), 'utf8').replace('version: 2.1.0', 'version: 2.2.0-harbour'));
    const report = join(dir, 'returns.md');
    expect((await cli(['--questions', custom, '--answers', fixture('returns.yaml'), '-o', report])).code).toBe(0);
    const err = await refused(['--portfolio', fixture('order-to-cash.yaml'), report]);
    expect(err).toContain('returns.md was made with question bank handoff-assess-core 2.2.0-harbour; the bank here is handoff-assess-core 2.1.0. A portfolio compares workflows on one bank');
  });

  it('more than 20, and with --answers', async () => {
    const many = Array.from({length: 21}, (_, i) => {
      const file = join(dir, `w${String(i).padStart(2, '0')}.yaml`);
      writeFileSync(file, readFileSync(fixture('returns.yaml'), 'utf8').replace('workflow: Returns and credit notes', `workflow: Workflow ${i}`));
      return file;
    });
    expect(await refused(['--portfolio', dir])).toContain('--portfolio takes 2 to 20 assessments, one per workflow of one organisation (got 21 in');
    expect(many).toHaveLength(21);
    expect(await refused(['--portfolio', ...FOUR, '--answers', FOUR[0]!])).toContain('--portfolio and --answers cannot go together');
    expect(existsSync(join(dir, 'portfolio.md'))).toBe(false);
  });
});
