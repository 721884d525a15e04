/**
 * The bundle's string-width (scripts/bundle-options.mjs, stringWidthOneCodePoint)
 * answers a one-code-point grapheme without compiling /^\p{RGI_Emoji}$/v. Here:
 * the patch applies, and the patched string-width gives the same width as the
 * original for every code point and for mixed text.
 */
import {describe, expect, it} from '@jest/globals';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import stringWidth from 'string-width';
// @ts-expect-error: a plain .mjs build script without types
import {stringWidthOneCodePoint} from '../../scripts/bundle-options.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function patchedStringWidth(): Promise<(text: string) => number> {
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
  const dir = mkdtempSync(join(tmpdir(), 'string-width-'));
  try {
    writeFileSync(join(dir, 'string-width.mjs'), source);
    return ((await import(pathToFileURL(join(dir, 'string-width.mjs')).href)) as {default: (text: string) => number}).default;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

describe('the bundle’s string-width patch', () => {
  it('gives the same width as string-width for every code point, alone and in text', async () => {
    const patched = await patchedStringWidth();
    const differ: string[] = [];
    // Every code point of the BMP and of the emoji and tag blocks; every 31st elsewhere (the check below covers them all).
    const dense = (cp: number) => cp <= 0xffff || (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0xe0000 && cp <= 0xe007f);
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (!dense(cp) && cp % 31 !== 0) continue;
      const ch = String.fromCodePoint(cp);
      if (patched(ch) !== stringWidth(ch)) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
    // The patch's test itself, for every code point: the same answer as the expression it stands in for.
    const rgi = new RegExp('^\\p{RGI_Emoji}$', 'v'); // the v flag is newer than the TypeScript target
    const fast = (s: string) => /^\p{Emoji_Presentation}$/u.test(s) && !/^\p{Regional_Indicator}$/u.test(s);
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (rgi.test(ch) !== fast(ch)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    const texts = ['░░░ 0/16', '↑↓  1-5', 'esc  ←', '❯ Yes · “quoted” …', 'é', 'e\u0301', '👍🏽', '🇬🇧', '👨‍👩‍👧', '1\uFE0F\u20E3', '✔\uFE0F', '한국어', '\u1100\u1161\u11A8', 'ｶﾞ', '\u{1F3FB}', '\u{1F1E6}', 'a\u200Db', '\uD800', 'タブ\tと改行'];
    for (const text of texts) expect(patched(text)).toBe(stringWidth(text));
  });
});
