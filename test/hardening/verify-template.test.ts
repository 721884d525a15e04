/**
 * `--verify` says "intact" only when the report text was rendered again from
 * its embedded answers, with the same bank and the same template content
 * (issue 12, item 6). The built binary as a black box.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bodyHash, canonicalJson, findBlock, sha256} from '../../src/report/embed.js';
import {ROOT, runCli} from './harness.js';

const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
const DEFAULT_TEMPLATE = readFileSync(join(ROOT, 'templates', 'report.md.liquid'), 'utf8');
/** Says the opposite of what the example's answers give (a remediation sprint). */
const LYING = '# Handoff assessment: {{ organisation }}\n\nRecommendation: Manage in place\n\nConfidence: high\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-verify-template-'));
});
afterAll(() => {
  rmSync(dir, {recursive: true, force: true});
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A report of the example, made with `template` (or the bundled one). */
function report(name: string, template?: string, format: 'md' | 'html' = 'md'): string {
  const out = join(dir, name);
  const run = runCli(['--answers', EXAMPLE, '--date', '2026-03-01', '-f', format, '-o', out, ...(template ? ['--template', template] : [])]);
  expect(run.stderr).toMatch(/^Written to /);
  expect(run.code).toBe(0);
  return out;
}

/** What an attacker does: edit the text, edit the block, recompute both hashes. */
function reseal(text: string, editBody: (body: string) => string, editData: (data: Record<string, any>) => void): string {
  const found = findBlock(text)!;
  const block = /^<!-- handoff-assess:data v1 [\w-]+ -->$/m;
  const body = editBody(text).replace(block, 'BLOCK');
  const data: Record<string, any> = {...found.data!};
  delete data.hash;
  editData(data);
  data.body = bodyHash(findBlock(body.replace('BLOCK', '<!-- handoff-assess:data v1 x -->'))!.body);
  const hash = sha256(canonicalJson(data));
  return body.replace('BLOCK', `<!-- handoff-assess:data v1 ${Buffer.from(JSON.stringify({...data, hash})).toString('base64url')} -->`);
}

const verify = (...args: string[]) => runCli(['--verify', ...args]);

describe('a report made with a custom template', () => {
  test('a template that lies about the verdict is not "intact" without --template (it was, exit 0)', () => {
    const lie = report('lie.md', file('lying.liquid', LYING));
    expect(readFileSync(lie, 'utf8')).toContain('Recommendation: Manage in place');
    const run = verify(lie);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/FAIL {2}Cannot confirm the report text: it was made with a custom template \(.*lying\.liquid, fingerprint [0-9a-f]{16}\); pass that template with --template FILE/);
    expect(run.stdout).toMatch(/lie\.md cannot be confirmed as generated: its text was not rendered again/);
    expect(run.stdout).not.toMatch(/lie\.md is intact/);
  });

  test('another template given with --template: cannot confirm, exit 3, both fingerprints named', () => {
    const lie = report('lie2.md', file('lying2.liquid', LYING));
    const run = verify(lie, '--template', file('other.liquid', `${LYING}\nOther.\n`));
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/FAIL {2}Cannot confirm the report text: .*other\.liquid given with --template is different content/);
  });

  test('the same template given with --template: rendered again, intact', () => {
    const template = file('honest.liquid', `${DEFAULT_TEMPLATE}\nPrepared by the handoff team.\n`);
    const made = report('honest.md', template);
    const run = verify(made, '--template', template);
    expect(run.stdout).toMatch(/ok {4}Rendering the answers again with .*honest\.liquid gives the same report\./);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/honest\.md is intact\./);
  });

  test('the same template, but the report text edited and resealed: the re-render catches it', () => {
    const template = file('honest2.liquid', `${DEFAULT_TEMPLATE}\nPrepared by the handoff team.\n`);
    const made = report('honest2.md', template);
    writeFileSync(made, reseal(readFileSync(made, 'utf8'), (t) => t.replace('Prepared by the handoff team.', 'Prepared by nobody.'), () => {}));
    const run = verify(made, '--template', template);
    expect(run.stdout).toMatch(/FAIL {2}Rendering the answers again gives a different report/);
    expect(run.code).toBe(3);
  });
});

describe('a report made with the bundled template', () => {
  test.each(['md', 'html'] as const)('an honest %s report still verifies, with or without an unrelated --template', (format) => {
    const made = report(`plain.${format}`, undefined, format);
    for (const run of [verify(made), verify(made, '--template', file('unrelated.liquid', LYING))]) {
      expect(run.stdout).not.toContain('FAIL');
      expect(run.stdout).toMatch(/ok {4}Rendering the answers again gives the same report\./);
      expect(run.code).toBe(0);
    }
  });

  /** A bundled-template report whose confidence line was raised, the block edited by `editData`, both hashes recomputed. */
  function forged(name: string, editData: (data: Record<string, any>) => void): ReturnType<typeof verify> {
    const made = report(name);
    const original = readFileSync(made, 'utf8');
    expect(original).toContain('**Confidence: medium.**');
    writeFileSync(made, reseal(original, (t) => t.replace('**Confidence: medium.**', '**Confidence: high.**'), editData));
    return verify(made);
  }

  test('edited text, the template path renamed in the block, hashes recomputed: not intact (it was, exit 0)', () => {
    const run = forged('renamed.md', (data) => {
      data.template.path = 'templates/custom.md.liquid';
    });
    expect(run.stdout).toMatch(/^ok {4}The embedded data is intact\./m);
    expect(run.stdout).toMatch(/^ok {4}The report text is as generated\./m);
    // The block still records the bundled template's fingerprint: the text is rendered again and compared.
    expect(run.stdout).toMatch(/FAIL {2}Rendering the answers again gives a different report/);
    expect(run.code).toBe(3);
  });

  test('the same, with the fingerprint changed too: cannot confirm, exit 3 (it was intact, exit 0)', () => {
    const run = forged('renamed2.md', (data) => {
      data.template = {path: 'templates/custom.md.liquid', fingerprint: '0123456789abcdef'};
    });
    expect(run.stdout).toMatch(/FAIL {2}Cannot confirm the report text: it was made with a custom template/);
    expect(run.code).toBe(3);
  });

  test('a block that names the default but records another fingerprint is still rendered again with the default', () => {
    const run = forged('default-other-fp.md', (data) => {
      data.template.fingerprint = '0123456789abcdef';
    });
    expect(run.stdout).toMatch(/FAIL {2}Rendering the answers again gives a different report/);
    expect(run.code).toBe(3);
  });

  test('a hand-made block without a template fingerprint: cannot confirm, unless it names the default and renders the same', () => {
    const made = report('no-template.md');
    const honest = reseal(readFileSync(made, 'utf8'), (t) => t, (data) => {
      delete data.template;
    });
    writeFileSync(made, honest);
    expect(verify(made).code).toBe(3); // no template named: cannot confirm
    const forged = reseal(honest, (t) => t, (data) => {
      data.template = {path: 'default'};
    });
    writeFileSync(made, forged);
    const run = verify(made);
    expect(run.stdout).toMatch(/ok {4}Rendering the answers again gives the same report\./);
    expect(run.code).toBe(0);
  });
});
