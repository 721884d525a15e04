/**
 * The shipped CLI: one minified ESM bundle, dist/cli.js, that bin/handoff-assess.js
 * loads (commander and the command line only: all --version and --help need), plus
 * lazily-loaded chunks in dist/chunks/ for what only some runs need: each command
 * (src/commands/: --answers, batches, --verify, --compare, the interview), the report
 * code, marked (HTML only), the Ink wizard, the plain mode, the report preview
 * (marked's lexer, src/ui/ink/render-markdown.ts) and `drafts`. Each dynamic import() in src/ is a chunk
 * boundary. `tsc --noEmit` typechecks; this only bundles.
 *
 * It also validates the bundled question bank once, with the full loader, and
 * writes it to dist/bank.json with a hash of every file (src/bank/bank-cache.ts):
 * a run on the default bank then parses no bank YAML and loads no bank schemas.
 * A bank that does not validate fails the build.
 *
 * The build is written to a folder of its own, then moved into dist/ file by
 * file (each rename atomic) and files of an older build removed: a test run that
 * is using dist/ meanwhile (two `npm test` at once) never finds it missing or
 * half written.
 *
 * It writes THIRD_PARTY_NOTICES.md beside package.json: the name, version, licence
 * and licence text of every package bundled (scripts/notices.mjs); the tarball ships it.
 *
 * `npm install` / `npm ci` run it (the `prepare` script), and so do a git install
 * (`npm install -g git+...`, npx) and `npm pack` before they pack.
 *
 * Usage: node scripts/build.mjs [--metafile]   (--metafile writes dist/meta.json for analysis)
 */
import {build} from 'esbuild';
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {bundleOptions, REQUIRE_BANNER} from './bundle-options.mjs';
import {writeNotices} from './notices.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(root, 'dist');
const out = join(root, `.dist-build-${process.pid}`);
rmSync(out, {recursive: true, force: true});

const result = await build({
  ...bundleOptions,
  absWorkingDir: root,
  entryPoints: {cli: 'src/cli.ts', 'compile-cache': 'src/compile-cache.ts'}, // compile-cache: loaded first by the bin (Node 22.1+)
  outdir: out,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  legalComments: 'linked',
  metafile: true,
});

if (process.argv.includes('--metafile')) writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));

// dist/manifest.json: the packages bundled into each file, so that a test can tell what a run loaded.
const manifest = {};
for (const [file, output] of Object.entries(result.metafile.outputs)) {
  if (!file.endsWith('.js')) continue;
  const packages = new Set(Object.keys(output.inputs).flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? []));
  manifest[relative(out, join(root, file))] = [...packages].sort();
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));

// The PDF report's font (src/report/pdf.ts reads dist/fonts/): Inter, four styles, copied as they are.
export const PDF_FONTS = ['400Regular/Inter_400Regular.ttf', '600SemiBold/Inter_600SemiBold.ttf', '400Regular_Italic/Inter_400Regular_Italic.ttf', '600SemiBold_Italic/Inter_600SemiBold_Italic.ttf'].map(
  (f) => `node_modules/@expo-google-fonts/inter/${f}`,
);
mkdirSync(join(out, 'fonts'), {recursive: true});
for (const font of PDF_FONTS) copyFileSync(join(root, font), join(out, 'fonts', font.split('/').pop()));

// THIRD_PARTY_NOTICES.md: the licences of every package bundled above (scripts/notices.mjs), and of the font.
writeNotices(root, {...result.metafile, inputs: {...result.metafile.inputs, ...Object.fromEntries(PDF_FONTS.map((f) => [f, {}]))}});

// The bank cache: the same loader the CLI uses, bundled to a temporary module and run here.
const loader = await build({
  absWorkingDir: root,
  stdin: {
    contents: `export {loadBankDir, BANK_FILES} from './src/bank/load-bank.ts';
      export {fileHash, BANK_CACHE_FILE, BANK_CACHE_FORMAT} from './src/bank/bank-cache.ts';
      export {formatProblem} from './src/yaml/yaml-source.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  banner: REQUIRE_BANNER,
  logLevel: 'warning',
});
const tmp = mkdtempSync(join(tmpdir(), 'handoff-build-'));
try {
  const file = join(tmp, 'bank-loader.mjs');
  writeFileSync(file, loader.outputFiles[0].contents);
  const {loadBankDir, BANK_FILES, fileHash, BANK_CACHE_FILE, BANK_CACHE_FORMAT, formatProblem} = await import(pathToFileURL(file).href);
  const dir = join(root, 'questions');
  const {readFileSync} = await import('node:fs');
  const files = Object.fromEntries(BANK_FILES.map((name) => [name, fileHash(readFileSync(join(dir, name)))]));
  const {bank, errors} = loadBankDir(dir);
  if (!bank) {
    console.error(`build: the bundled question bank in questions/ is not valid:\n${errors.map((e) => `  ${formatProblem(e)}`).join('\n')}`);
    rmSync(out, {recursive: true, force: true});
    process.exit(1);
  }
  writeFileSync(join(out, relative('dist', BANK_CACHE_FILE)), JSON.stringify({format: BANK_CACHE_FORMAT, files, bank}));
} finally {
  rmSync(tmp, {recursive: true, force: true});
}

// Publish: move each new file into dist/ (a rename replaces a file atomically), then drop what the new build does not have.
const built = readdirSync(out, {recursive: true, withFileTypes: true}).filter((e) => e.isFile()).map((e) => relative(out, join(e.parentPath, e.name)));
for (const file of built) {
  mkdirSync(dirname(join(DIST, file)), {recursive: true});
  renameSync(join(out, file), join(DIST, file));
}
const keep = new Set(built);
for (const e of readdirSync(DIST, {recursive: true, withFileTypes: true})) {
  const file = relative(DIST, join(e.parentPath, e.name));
  if (e.isFile() && !keep.has(file)) rmSync(join(DIST, file), {force: true});
}
rmSync(out, {recursive: true, force: true});
