/**
 * Inputs the hardening tests once failed on, kept as files in
 * test/hardening/regressions/. Each goes through `main()` and the built
 * binary, and must end as the contract says, with the message given here.
 * Files named answers-* are answers files; bank-* are question bank folders.
 */
import {describe, expect, test} from '@jest/globals';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {breach, runCli, runInProcess} from './harness.js';

const DIR = fileURLToPath(new URL('./regressions', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/acme.yaml', import.meta.url));

/** What each regression must print (and its exit code). */
const EXPECTED: Record<string, {code: number; message: RegExp}> = {
  // yaml's composer recursed until V8 gave up: the user read "Maximum call stack size exceeded".
  'answers-deep-nesting.yaml': {code: 2, message: /nested too deeply/},
  // yaml's message named its own API: "please use YAML.parseAllDocuments()".
  'answers-two-documents.yaml': {code: 2, message: /more than one document/},
  // Refused before expanding (9^9 nodes), but the message was yaml's "resource exhaustion attack".
  'answers-alias-bomb.yaml': {code: 2, message: /aliases \(\*name\) too often/},
};

const files = readdirSync(DIR).sort();

describe('every regression input has an expectation', () => {
  test('no file without one, no expectation without a file', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe.each(files)('%s', (file) => {
  const path = join(DIR, file);
  const expected = EXPECTED[file]!;
  const args = file.startsWith('bank-') ? ['--questions', path, '--answers', EXAMPLE] : ['--answers', path];

  test('in-process: the expected exit code and message, nothing else', async () => {
    const run = await runInProcess(args, {input: file.startsWith('answers-') ? readFileSync(path) : undefined});
    expect(breach(run, file)).toBeUndefined();
    expect(run.code).toBe(expected.code);
    expect(run.stderr).toMatch(expected.message);
  });

  test('the built binary: the same', () => {
    const run = runCli(args);
    expect(breach({code: run.code, stderr: run.stderr}, file)).toBeUndefined();
    expect(run.code).toBe(expected.code);
    expect(run.stderr).toMatch(expected.message);
  });
});
