#!/usr/bin/env node
// Node 22.1 and later: V8's compiled code of dist/ is kept in the user's cache folder
// (dist/compile-cache.js; off with NODE_DISABLE_COMPILE_CACHE=1). It is turned on before
// the CLI is loaded, so that the CLI's own code is cached too.
import module from 'node:module';

if (typeof module.enableCompileCache === 'function') await import('../dist/compile-cache.js');
const {main} = await import('../dist/cli.js');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
