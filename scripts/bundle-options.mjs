/**
 * The esbuild options of the shipped CLI, shared by scripts/build.mjs and the
 * benchmark (bench/run.mjs bundles its bare Ink peer and its harnesses the same way).
 */
/**
 * CommonJS dependencies bundled into ESM still expect require (yaml, signal-exit
 * under Ink, cli-table3), and may read __filename and __dirname.
 */
export const REQUIRE_BANNER = {
  js: "import{createRequire as __cr}from'node:module';import{fileURLToPath as __fu}from'node:url';import{dirname as __dn}from'node:path';const require=__cr(import.meta.url),__filename=__fu(import.meta.url),__dirname=__dn(__filename);",
};

/**
 * A dependency's module with `from` replaced by `to`, or a build error when
 * `from` is not in it (the dependency changed): a patch that no longer applies
 * fails the build instead of shipping the dependency unpatched.
 */
async function patchOrFail(plugin, path, from, to) {
  const {readFile} = await import('node:fs/promises');
  const source = await readFile(path, 'utf8');
  if (!source.includes(from)) return {errors: [{text: `${plugin}: ${JSON.stringify(from)} is no longer in ${path}; update or remove the patch in scripts/bundle-options.mjs`}]};
  return {contents: source.replaceAll(from, to), loader: 'js'};
}

/**
 * yoga-layout (Ink's layout engine) embeds its WebAssembly as a base64 data: URL and,
 * when a global fetch() exists, loads that URL through fetch(): on Node that first
 * loads the fetch implementation (undici) before Ink's first frame (its cost is in
 * bench/README.md). Its own fallback decodes the base64 directly; this makes it take that
 * path at once. The build fails if the test is not found (test/build/bundle-patches.test.ts).
 */
export const YOGA_FROM = '"function"!=typeof fetch';
export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, ({path}) => patchOrFail('yoga-without-fetch', path, YOGA_FROM, 'true'));
  },
};

/**
 * string-width 8 (Ink's text measuring, and cells.ts's) tests every non-ASCII grapheme
 * against /^\p{RGI_Emoji}$/v; V8 compiles that regular expression (every emoji sequence)
 * on its first use, which the wizard's first frame pays for its progress bar and
 * arrows. For a grapheme of one code point the answer is the same as
 * Emoji_Presentation and not Regional_Indicator (checked for every code point by
 * test/build/string-width-patch.test.ts), which compiles at once; longer
 * graphemes still use the full expression. Other major versions (wrap-ansi's own
 * string-width 7) are left alone; in version 8 a missing test fails the build.
 */
export const STRING_WIDTH_FROM = 'if (rgiEmojiRegex.test(segment) ||';
export const STRING_WIDTH_TO =
  'if ((segment.length === 1 || (segment.length === 2 && segment.codePointAt(0) > 0xFFFF) ? /^\\p{Emoji_Presentation}$/u.test(segment) && !/^\\p{Regional_Indicator}$/u.test(segment) : rgiEmojiRegex.test(segment)) ||';
export const stringWidthOneCodePoint = {
  name: 'string-width-one-code-point',
  setup(build) {
    build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async ({path}) => {
      const {readFile} = await import('node:fs/promises');
      const {join, dirname} = await import('node:path');
      const {version} = JSON.parse(await readFile(join(dirname(path), 'package.json'), 'utf8'));
      if (!version.startsWith('8.')) return undefined;
      return patchOrFail('string-width-one-code-point', path, STRING_WIDTH_FROM, STRING_WIDTH_TO);
    });
  },
};

/**
 * react-devtools-core: Ink imports it only when DEV=true, to connect React DevTools.
 * It is not installed and not bundled. Importing it fails as a missing package does
 * (ERR_MODULE_NOT_FOUND), which Ink catches and explains on stderr ("...it was not
 * installed") before it goes on. (Ink then reads its own package.json from beside the
 * bundle, which handoff-assess's dist/ does not have, so DEV=true still stops there.)
 * Not `external`: a bundle without code splitting (the benchmark's bare Ink app)
 * would hoist that import and fail to start whatever DEV is.
 */
export const devtoolsNotBundled = {
  name: 'react-devtools-core-not-bundled',
  setup(build) {
    build.onResolve({filter: /^react-devtools-core$/}, ({path}) => ({path, namespace: 'not-bundled'}));
    build.onLoad({filter: /.*/, namespace: 'not-bundled'}, ({path}) => ({
      contents: `const error = new Error(${JSON.stringify(`Cannot find package '${path}': handoff-assess does not bundle it`)}); error.code = 'ERR_MODULE_NOT_FOUND'; throw error;`,
      loader: 'js',
    }));
  },
};

/** Node 20, ESM, minified, React's production build, the plugins above, the banner above. */
export const bundleOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  // React's production build: smaller, and no development checks on every render.
  define: {'process.env.NODE_ENV': '"production"'},
  banner: REQUIRE_BANNER,
  plugins: [devtoolsNotBundled, yogaWithoutFetch, stringWidthOneCodePoint],
};
