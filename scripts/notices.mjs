/**
 * THIRD_PARTY_NOTICES.md: the licences of the code bundled into dist/. dist/ is
 * one esbuild bundle with every package inside it (the published package has no
 * runtime dependencies), so the licences of those packages ship beside it, in the
 * tarball. Written by scripts/build.mjs from the build's metafile: every package
 * folder an input file of the bundle lies in, with its name, version, licence
 * (package.json) and licence text (its LICENSE/LICENCE/COPYING file).
 *
 * A bundled package with no licence in its package.json, or no licence text, fails
 * the build: its code cannot be shipped before someone has looked.
 *
 * The file is generated, not kept in git (.gitignore): it always matches the bundle
 * it ships beside. `files` in package.json puts it in the tarball.
 *
 * Usage: node scripts/notices.mjs   (rewrites the file from dist/meta.json, written by
 *                                     `node scripts/build.mjs --metafile`; builds nothing)
 */
import {existsSync, readdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.md';

/** The package folders (relative to root) the metafile's inputs lie in: the deepest node_modules/<name> of each path. */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
    if (match) dirs.add(match[1]);
  }
  return [...dirs];
}

/** Bundled packages whose package.json names no licence, read from their licence file (checked by hand). */
const LICENCE_FROM_FILE = {
  'png-js': 'MIT', // the PDF report's PNG logo decoder (pdfkit's); its LICENSE file is the MIT licence
};

const LICENCE_FILE = /^(licen[sc]e|copying)(\b|[._-]|$)/i;

/**
 * Copyright lines of bundled MIT packages that ship no licence file (their source
 * headers say "licensed under the MIT license found in the LICENSE file in the
 * root directory of this source tree", a file their npm package leaves out).
 */
const COPYRIGHT_WITHOUT_FILE = {
  'yoga-layout': 'Copyright (c) Meta Platforms, Inc. and affiliates.',
  // The PDF report's font code (pdfkit's): their package.json files name Devon Govett, MIT.
  fontkit: 'Copyright (c) Devon Govett',
  dfa: 'Copyright (c) Devon Govett',
  brotli: 'Copyright (c) Devon Govett',
};

export const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

/** One entry per package (name@version), sorted by name; throws when a package has no licence field. */
export function bundledPackages(root, metafile) {
  const byKey = new Map();
  for (const dir of bundledPackageDirs(metafile)) {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const license = (typeof pkg.license === 'string' ? pkg.license : pkg.license?.type) ?? LICENCE_FROM_FILE[pkg.name];
    if (!license) throw new Error(`notices: ${pkg.name}@${pkg.version} (${dir}) is bundled into dist/ but its package.json names no licence`);
    const files = readdirSync(join(root, dir)).filter((f) => LICENCE_FILE.test(f)).sort();
    let text = files.map((f) => readFileSync(join(root, dir, f), 'utf8').replace(/\r\n/g, '\n').trim()).join('\n\n');
    if (!text && license === 'MIT' && COPYRIGHT_WITHOUT_FILE[pkg.name]) text = `MIT License\n\n${COPYRIGHT_WITHOUT_FILE[pkg.name]}\n\n${MIT_TEXT}`;
    if (!text) throw new Error(`notices: ${pkg.name}@${pkg.version} (${dir}) is bundled into dist/ but holds no licence file; add its copyright line to COPYRIGHT_WITHOUT_FILE in scripts/notices.mjs`);
    byKey.set(`${pkg.name}@${pkg.version}`, {name: pkg.name, version: pkg.version, license, text, repository: repositoryUrl(pkg)});
  }
  return [...byKey.values()].sort((a, b) => (a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1));
}

function repositoryUrl(pkg) {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return repo ?? pkg.homepage ?? '';
}

export function renderNotices(packages) {
  const lines = [
    '# Third-party notices',
    '',
    'handoff-assess ships as one bundle (`dist/`) that contains the code of the packages below;',
    'it installs no runtime dependencies. Their licences follow. This file is generated by',
    '`scripts/build.mjs` (scripts/notices.mjs) from the packages the bundle was built from.',
    '',
    '| Package | Version | Licence |',
    '| --- | --- | --- |',
    ...packages.map((p) => `| ${p.name} | ${p.version} | ${p.license} |`),
    '',
  ];
  for (const p of packages) {
    lines.push(`## ${p.name} ${p.version}`, '', `Licence: ${p.license}${p.repository ? `  \nSource: ${p.repository}` : ''}`, '');
    lines.push('```text', p.text.replace(/```/g, "'''"), '```', '');
  }
  return lines.join('\n');
}

/** Writes the file atomically (a temporary file renamed over it): two builds at once never leave it half written. */
export function writeNotices(root, metafile, file = join(root, NOTICES_FILE)) {
  const packages = bundledPackages(root, metafile);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, renderNotices(packages));
  renameSync(tmp, file);
  return packages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const meta = join(root, 'dist', 'meta.json');
  if (!existsSync(meta)) {
    console.error('notices: dist/meta.json is missing; run node scripts/build.mjs --metafile first');
    process.exit(1);
  }
  const packages = writeNotices(root, JSON.parse(readFileSync(meta, 'utf8')));
  console.log(`${NOTICES_FILE}: ${packages.length} packages`);
}
