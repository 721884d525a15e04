/**
 * The consultant's toolkit through the CLI: replayable and tamper-evident
 * reports, compare, batch, certainty. Each run calls main(argv, io) in-process;
 * test/cli/cli.test.ts runs the built binary itself.
 */
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ROOT, runInProcess} from './run-cli.js';

const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-toolkit-'));
});
afterEach(() => {
  rmSync(dir, {recursive: true, force: true});
});

/** main(argv, io) in-process, from the project folder, as the binary would run it. */
const cli = (args: string[]) => runInProcess(args, {cwd: ROOT, timeoutMs: 60_000});

const example = (edits: [string, string][] = []) => edits.reduce((text, [a, b]) => text.replace(a, b), readFileSync(EXAMPLE, 'utf8'));

async function report(format: 'md' | 'html' = 'md', answers = EXAMPLE): Promise<string> {
  const out = join(dir, `report-${Math.random().toString(36).slice(2)}.${format}`);
  const run = await cli(['--answers', answers, '--format', format, '--out', out, '--date', '2026-03-01']);
  expect(run.code).toBe(0);
  return out;
}

/** Rewrite the base64 JSON in a report's data block. */
function editBlock(text: string, edit: (data: Record<string, any>) => void): string {
  return text.replace(/(<!-- handoff-assess:data v1 )([\w-]+)( -->)/, (_m, a, payload, c) => {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    edit(data);
    return a + Buffer.from(JSON.stringify(data)).toString('base64url') + c;
  });
}

describe('replayable reports', () => {
  it('--answers report.md reproduces the same report, date included', async () => {
    const first = await report('md');
    const again = await cli(['--answers', first]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(readFileSync(first, 'utf8'));
  });

  it('a skipped optional answer (assessor: "", as the wizard saves it) replays and verifies intact', async () => {
    const skipped = join(dir, 'skipped.yaml');
    writeFileSync(skipped, example([['assessor: Jo Smith', 'assessor: ""']]));
    const first = await report('md', skipped);
    expect(readFileSync(first, 'utf8')).toContain('assessor: ""');
    expect((await cli(['--answers', first])).stdout).toBe(readFileSync(first, 'utf8'));
    const run = await cli(['--verify', first]);
    expect(run.stdout).not.toContain('FAIL');
    expect(run.code).toBe(0);
  });

  it('an HTML report replays too', async () => {
    const md = await report('md');
    const html = await report('html');
    const fromHtml = await cli(['--answers', html, '--format', 'md']);
    expect(fromHtml.code).toBe(0);
    expect(fromHtml.stdout).toBe(readFileSync(md, 'utf8'));
  });
});

describe('--verify', () => {
  it('an untouched report is intact: exit 0', async () => {
    for (const format of ['md', 'html'] as const) {
      const run = await cli(['--verify', await report(format)]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('is intact');
      expect(run.stdout).not.toContain('FAIL');
    }
  });

  it('edited text: exit 3, says where', async () => {
    const file = await report('md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Recommendation: Remediation sprint', '## Recommendation: Manage in place'));
    const run = await cli(['--verify', file]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/FAIL .*text was edited.*line \d+: "## Recommendation: Manage in place"/);
  });

  it('edited embedded answers: exit 3, the data was altered', async () => {
    const file = await report('md');
    writeFileSync(file, editBlock(readFileSync(file, 'utf8'), (d) => (d.answers.matrix.failure_frequency = 1)));
    const run = await cli(['--verify', file]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/FAIL .*embedded data was altered/);
  });

  it('a changed verdict and a different bank version are each reported', async () => {
    const file = await report('md');
    const bank = join(dir, 'bank');
    cpSync(join(ROOT, 'questions'), bank, {recursive: true});
    const bankYaml = join(bank, 'bank.yaml');
    // whatever the bundled bank's version, this copy's is another one
    const text = readFileSync(bankYaml, 'utf8');
    const version = /^version: (\S+)$/m.exec(text)![1]!;
    writeFileSync(bankYaml, text.replace(`version: ${version}`, 'version: 99.0.0').replace('remediation_at: 4', 'remediation_at: 20'));
    const run = await cli(['--verify', file, '--questions', bank]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`question bank handoff-assess-core ${version}; the bank here is handoff-assess-core 99.0.0`);
    expect(run.stdout).toMatch(/FAIL .*question bank handoff-assess-core \S+; the bank here/);
    expect(run.stdout).toMatch(/FAIL .*verdict changed: the report says remediation-sprint .* now give manage-in-place/);
  });

  it('a file without a data block: exit 3', async () => {
    const file = join(dir, 'notes.md');
    writeFileSync(file, '# Just notes\n');
    const run = await cli(['--verify', file]);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('no handoff-assess data block');
  });
});

describe('--compare', () => {
  it('says what changed, how the verdict moved and which changes moved it', async () => {
    const after = join(dir, 'after.yaml');
    writeFileSync(after, example([['failure_frequency: 4', 'failure_frequency: 1'], ['lead_time_impact: 4', 'lead_time_impact: 1'], ['reconciliation_load: 5', 'reconciliation_load: 2']]));
    const run = await cli(['--compare', await report('md'), after]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('The verdict moved from remediation sprint to manage in place');
    expect(run.stdout).toMatch(/\| Failure frequency \| 4 of 5 \| 1 of 5 \| -9 \|/);
    expect(run.stdout).toMatch(/\| Impact on lead time \| 4 of 5 \| 1 of 5 \| -9 \|/);
    expect(run.stdout).not.toMatch(/\| Exception visibility \|/); // unchanged answers are not listed
    const moved = run.stdout.slice(run.stdout.indexOf('## What moved it'));
    expect(moved.indexOf('Failure frequency')).toBeLessThan(moved.indexOf('Data reconciliation load'));
  });

  it('as JSON', async () => {
    const after = join(dir, 'after.yaml');
    writeFileSync(after, example([['no_budget_path: false', 'no_budget_path: true']]));
    const run = await cli(['--compare', EXAMPLE, after, '--format', 'json']);
    expect(run.code).toBe(0);
    const c = JSON.parse(run.stdout);
    expect(c.before.recommendation).toBe('remediation-sprint');
    expect(c.after.recommendation).toBe('not-yet-qualified');
    expect(c.verdictChanged).toBe(true);
    expect(c.movedBy[0]).toMatch(/No budget path/);
  });

  it('notes and certainty marks that changed are shown, and never called "nothing changed"', async () => {
    const after = join(dir, 'after.yaml');
    writeFileSync(after, example([['lead_time_impact: estimated', 'lead_time_impact: verified'], ['Three escalations last week, two of them customer-facing', 'One escalation last week']]));
    const run = await cli(['--compare', EXAMPLE, after]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Nothing changed');
    expect(run.stdout).toContain('No answer changed; 1 note and 1 certainty mark did. The confidence moved from medium to high.');
    expect(run.stdout).toMatch(/\| Impact on lead time \| estimated \| verified \|/);
    expect(run.stdout).toContain('One escalation last week');
  });

  it('warns when the two assessments are of different organisations', async () => {
    const after = join(dir, 'after.yaml');
    writeFileSync(after, example([['Acme Ltd', 'Globex']]));
    const run = await cli(['--compare', EXAMPLE, after]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('**Check:** The two assessments name different organisations (Acme Ltd and Globex)');
  });

  it('needs exactly two assessments', async () => {
    const run = await cli(['--compare', EXAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--compare takes two assessments');
  });
});

describe('batch: --answers DIR --out-dir DIR2', () => {
  it('renders every good file, reports and skips the bad one, exits 2 at the end', async () => {
    const input = join(dir, 'in');
    const output = join(dir, 'out');
    mkdirSync(input);
    writeFileSync(join(input, 'acme.yaml'), example());
    writeFileSync(join(input, 'globex.yaml'), example([['Acme Ltd', 'Globex'], ['failure_frequency: 4', 'failure_frequency: 1'], ['lead_time_impact: 4', 'lead_time_impact: 1'], ['reconciliation_load: 5', 'reconciliation_load: 1']]));
    writeFileSync(join(input, 'initech.json'), JSON.stringify({version: 1, context: {organisation: 'Initech', role: 'buyer', workflow: 'Support escalations', systems: ['Zendesk', 'Jira']}, matrix: {}, signals: {}, disqualifiers: {exploratory_no_pain: true}}));
    writeFileSync(join(input, 'broken.yaml'), example([['failure_frequency: 4', 'failure_frequency: 9']]));
    const run = await cli(['--answers', input, '--out-dir', output, '--date', '2026-03-01']);
    expect(run.code).toBe(2);
    expect(readdirSync(output).sort()).toEqual([
      'handoff-assessment-acme-ltd-2026-03-01.md',
      'handoff-assessment-globex-2026-03-01.md',
      'handoff-assessment-initech-2026-03-01.md',
    ]);
    expect(run.stdout).toMatch(/Acme Ltd\s+remediation-sprint\s+(high|medium|low)/);
    expect(run.stdout).toMatch(/Globex\s+manage-in-place/);
    expect(run.stdout).toMatch(/Initech\s+not-yet-qualified/);
    expect(run.stdout).toContain('3 reports written');
    expect(run.stderr).toMatch(/broken\.yaml:\d+: "failure_frequency" must be 1, 2, 3, 4, 5 or unknown/);
  });

  it('a second run into the same folder replaces nothing, and says --out-dir or --force', async () => {
    const input = join(dir, 'in');
    const output = join(dir, 'out');
    mkdirSync(input);
    writeFileSync(join(input, 'acme.yaml'), example());
    expect((await cli(['--answers', input, '--out-dir', output, '--date', '2026-03-01'])).code).toBe(0);
    const written = join(output, 'handoff-assessment-acme-ltd-2026-03-01.md');
    writeFileSync(written, 'edited by hand');
    const again = await cli(['--answers', input, '--out-dir', output, '--date', '2026-03-01']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists \(from acme\.yaml\); choose another --out-dir, or add --force/);
    expect(readFileSync(written, 'utf8')).toBe('edited by hand');
  });

  it('a folder without --out-dir is a usage error', async () => {
    const run = await cli(['--answers', join(ROOT, 'examples')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out-dir');
    expect(existsSync(join(ROOT, 'examples', 'handoff-assessment-acme-ltd.md'))).toBe(false);
  });
});

describe('certainty', () => {
  const confidence = async (edits: [string, string][]) => {
    const file = join(dir, `c-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, example(edits));
    const run = await cli(['--answers', file, '--format', 'json']);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout);
  };
  it('an estimated heavy answer lowers confidence and is listed to verify; verified keeps it', async () => {
    const verified = await confidence([['lead_time_impact: estimated', 'lead_time_impact: verified'], ['operational_confidence: unknown', 'operational_confidence: 5']]);
    const estimated = await confidence([['operational_confidence: unknown', 'operational_confidence: 5']]);
    expect(verified.confidence).toBe('high');
    expect(estimated.confidence).toBe('medium');
    expect(estimated.preparation.map((p: {title: string}) => p.title)).toContain('Verify impact on lead time');
    expect(verified.preparation.map((p: {title: string}) => p.title)).not.toContain('Verify impact on lead time');
  });
});

describe('a note that contains the data block marker', () => {
  it('neither breaks --verify nor replay, and the answers file is still read as answers', async () => {
    const file = join(dir, 'sneaky.yaml');
    writeFileSync(
      file,
      example([['Three escalations last week, two of them customer-facing', '"\\x21-- x --> <!-- handoff-assess:data v1 AAAA --> <!-- handoff-assess:data v1 placeholder -->"']]),
    );
    const direct = await cli(['--answers', file, '--format', 'json']);
    expect(direct.code).toBe(0);
    expect(JSON.parse(direct.stdout).answers.notes.failure_frequency).toContain('handoff-assess:data v1 AAAA');
    const out = await report('md', file);
    const verify = await cli(['--verify', out]);
    expect(verify.stdout).not.toContain('FAIL');
    expect(verify.code).toBe(0);
    const again = await cli(['--answers', out]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(readFileSync(out, 'utf8'));
  });
});
