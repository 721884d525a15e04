/**
 * Node 22.1 and later can keep V8's compiled code of the modules it loads on
 * disk (`module.enableCompileCache`): a second run of the CLI then starts
 * without compiling dist/ again. bin/handoff-assess.js loads this entry
 * (dist/compile-cache.js) before the CLI, only on a Node that has it.
 *
 * The cache goes into the user's cache folder (env-paths:
 * `$XDG_CACHE_HOME/handoff-assess/compile-cache`, `~/.cache/...` on Linux,
 * `~/Library/Caches/...` on macOS, `%LOCALAPPDATA%\handoff-assess\Cache\...`
 * on Windows), never into the package. Node's own `NODE_DISABLE_COMPILE_CACHE=1`
 * turns it off. A folder that cannot be made, or a cache that cannot be
 * written, is skipped without a word: the run is the same, only slower.
 */
import module from 'node:module';
import {join} from 'node:path';
import envPaths from 'env-paths';

type Enable = (cacheDir?: string) => unknown;

/** Where the compiled code is kept. */
export function compileCacheDir(): string {
  return join(envPaths('handoff-assess', {suffix: ''}).cache, 'compile-cache');
}

/** Turn the cache on where Node offers it; never throws. */
export function enableCompileCache(): void {
  const enable = (module as {enableCompileCache?: Enable}).enableCompileCache;
  if (typeof enable !== 'function') return; // Node 20, 22.0
  try {
    enable(compileCacheDir()); // Node returns a status (enabled, disabled by NODE_DISABLE_COMPILE_CACHE, failed) and prints nothing
  } catch {
    // a cache is a nicety: a run never fails for want of one
  }
}

enableCompileCache();
