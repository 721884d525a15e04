/**
 * The esbuild options of the shipped CLI, shared by scripts/build.mjs and the
 * benchmark (bench/run.mjs bundles its bare Ink peer and its harnesses the same way).
 */
import {fileURLToPath} from 'node:url';

const stub = (name) => fileURLToPath(new URL(`./stubs/${name}.js`, import.meta.url));

/**
 * CommonJS dependencies bundled into ESM still expect require (yaml, signal-exit
 * under Ink, cli-table3) and __filename (write-file-atomic names its temporary files with it).
 */
export const REQUIRE_BANNER = {
  js: "import{createRequire as __cr}from'node:module';import{fileURLToPath as __fu}from'node:url';import{dirname as __dn}from'node:path';const require=__cr(import.meta.url),__filename=__fu(import.meta.url),__dirname=__dn(__filename);",
};

/**
 * yoga-layout (Ink's layout engine) embeds its WebAssembly as a base64 data: URL and,
 * when a global fetch() exists, loads that URL through fetch(): on Node that first
 * loads the fetch implementation (undici), about 35 ms before Ink's first frame. Its
 * own fallback decodes the base64 directly; this makes it take that path at once.
 */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async ({path}) => {
      const {readFile} = await import('node:fs/promises');
      const source = await readFile(path, 'utf8');
      const patched = source.replaceAll('"function"!=typeof fetch', 'true');
      const warnings = patched === source ? [{text: 'yoga-without-fetch: the fetch test was not found; yoga-layout will load its wasm through fetch()'}] : [];
      return {contents: patched, loader: 'js', warnings};
    });
  },
};

/**
 * string-width (Ink's text measuring) tests every non-ASCII grapheme against
 * /^\p{RGI_Emoji}$/v; V8 compiles that regular expression (every emoji sequence)
 * on its first use: about 20 ms, paid by the wizard's first frame for its progress
 * bar and arrows. For a grapheme of one code point the answer is the same as
 * Emoji_Presentation and not Regional_Indicator (checked for every code point by
 * test/build/string-width-patch.test.ts), which compiles in 0.1 ms; longer
 * graphemes still use the full expression.
 */
export const STRING_WIDTH_FROM = 'if (rgiEmojiRegex.test(segment) ||';
export const STRING_WIDTH_TO =
  'if ((segment.length === 1 || (segment.length === 2 && segment.codePointAt(0) > 0xFFFF) ? /^\\p{Emoji_Presentation}$/u.test(segment) && !/^\\p{Regional_Indicator}$/u.test(segment) : rgiEmojiRegex.test(segment)) ||';
export const stringWidthOneCodePoint = {
  name: 'string-width-one-code-point',
  setup(build) {
    build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async ({path}) => {
      const {readFile} = await import('node:fs/promises');
      const source = await readFile(path, 'utf8');
      if (!source.includes('rgiEmojiRegex')) return undefined; // another major version (wrap-ansi's own copy uses emoji-regex)
      const patched = source.replace(STRING_WIDTH_FROM, STRING_WIDTH_TO);
      const warnings = patched === source ? [{text: 'string-width-one-code-point: the RGI_Emoji test was not found; the first non-ASCII text compiles it'}] : [];
      return {contents: patched, loader: 'js', warnings};
    });
  },
};

/** Node 20, ESM, minified, React's production build, the stubs below, the banner above. */
export const bundleOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
  // React's production build: smaller, and no development checks on every render.
  define: {'process.env.NODE_ENV': '"production"'},
  alias: {
    // Ink imports it only under DEV=true; not installed, and not wanted in the bundle.
    'react-devtools-core': stub('react-devtools-core'),
  },
  banner: REQUIRE_BANNER,
  plugins: [yogaWithoutFetch, stringWidthOneCodePoint],
};
