/**
 * The bundle's string-width (scripts/bundle-options.mjs, stringWidthOneCodePoint)
 * answers a one-code-point grapheme without compiling /^\p{RGI_Emoji}$/v. Here:
 * the patch applies, and the patched string-width gives the same width as the
 * original for every code point and for mixed text.
 */
import {describe, expect, it} from '@jest/globals';
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import stringWidth from 'string-width';
// @ts-expect-error: a plain .mjs build script without types
import {stringWidthOneCodePoint} from '../../scripts/bundle-options.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The string-width module as the bundle patches it, written to `dir`; returns its path. */
async function buildPatched(dir: string): Promise<string> {
  const warnings: string[] = [];
  const result = await build({
    absWorkingDir: ROOT,
    stdin: {contents: "export {default} from 'string-width';", resolveDir: ROOT, loader: 'js'},
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
    plugins: [stringWidthOneCodePoint],
  });
  warnings.push(...result.warnings.map((w) => w.text));
  expect(warnings).toEqual([]);
  const source = result.outputFiles[0]!.text;
  expect(source).toContain('Emoji_Presentation'); // the patch applied
  const file = join(dir, 'string-width.mjs');
  writeFileSync(file, source);
  return file;
}

/** Run a node script to its exit; resolves with what it printed. */
function runNode(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const env = {...process.env};
    delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not needed there
    const child = spawn(process.execPath, args, {cwd: ROOT, env});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('close', (code) => resolve({code, stdout, stderr}));
  });
}

describe('the bundle’s string-width patch', () => {
  it('gives the same width as string-width for every code point, alone and in text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'string-width-'));
    try {
      const file = await buildPatched(dir);
      // The loops over all 1,114,112 code points run in a process of their own: fixtures/compare-widths.mjs.
      const run = await runNode([join(ROOT, 'test/build/fixtures/compare-widths.mjs'), file]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({differ: [], wrong: []});
      const patched = ((await import(pathToFileURL(file).href)) as {default: (text: string) => number}).default;
      const texts = ['░░░ 0/16', '↑↓  1-5', 'esc  ←', '❯ Yes · “quoted” …', 'é', 'e\u0301', '👍🏽', '🇬🇧', '👨‍👩‍👧', '1\uFE0F\u20E3', '✔\uFE0F', '한국어', '\u1100\u1161\u11A8', 'ｶﾞ', '\u{1F3FB}', '\u{1F1E6}', 'a\u200Db', '\uD800', 'タブ\tと改行'];
      for (const text of texts) expect(patched(text)).toBe(stringWidth(text));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
