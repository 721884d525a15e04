/**
 * scripts/bundle-options.mjs changes two dependencies in the bundle and leaves
 * react-devtools-core out. A patch that no longer matches its dependency fails
 * the build (it never ships the dependency unpatched with a warning), and
 * DEV=true gets Ink's own explanation that react-devtools-core is missing.
 */
import {describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build, type Plugin} from 'esbuild';
// @ts-expect-error: a plain .mjs build script without types
import {bundleOptions, stringWidthOneCodePoint, YOGA_FROM, yogaWithoutFetch} from '../../scripts/bundle-options.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function inTemp<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-patches-'));
  return run(dir).finally(() => rmSync(dir, {recursive: true, force: true}));
}

function write(dir: string, path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), {recursive: true});
  writeFileSync(join(dir, path), text);
}

const bundle = (dir: string, contents: string, plugin: Plugin) =>
  build({absWorkingDir: dir, stdin: {contents, resolveDir: dir, loader: 'js'}, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [plugin]});

describe('the bundle’s dependency patches', () => {
  it('fail the build when yoga-layout no longer has the fetch test', () =>
    inTemp(async (dir) => {
      write(dir, 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js', 'export default typeof fetch;\n');
      await expect(bundle(dir, "import y from './node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js'; console.log(y);", yogaWithoutFetch)).rejects.toThrow(/yoga-without-fetch: .* is no longer in/);
    }));

  it('fail the build when string-width 8 no longer has the RGI_Emoji test', () =>
    inTemp(async (dir) => {
      write(dir, 'node_modules/string-width/package.json', '{"name": "string-width", "version": "8.9.0", "type": "module", "main": "index.js"}\n');
      write(dir, 'node_modules/string-width/index.js', 'export default (text) => text.length;\n');
      await expect(bundle(dir, "import w from 'string-width'; console.log(w('x'));", stringWidthOneCodePoint)).rejects.toThrow(/string-width-one-code-point: .* is no longer in/);
    }));

  it('apply to the installed yoga-layout: the bundle has no fetch test left', async () => {
    const result = await build({absWorkingDir: ROOT, stdin: {contents: "export {default} from 'yoga-layout';", resolveDir: ROOT, loader: 'js'}, bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [yogaWithoutFetch]});
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]!.text).not.toContain(YOGA_FROM);
  });
});

describe('react-devtools-core, left out of the bundle', () => {
  it('with DEV=true, a bundled Ink app says the package is missing and still draws its frame', () =>
    inTemp(async (dir) => {
      // Ink reads its package.json from beside the bundle under DEV=true: give it one.
      write(dir, 'package.json', '{"name": "peer", "version": "0.0.0"}\n');
      await build({...bundleOptions, absWorkingDir: ROOT, entryPoints: ['bench/peers/ink-frame.mjs'], outfile: join(dir, 'bundle', 'peer.mjs'), logLevel: 'silent'});
      const run = spawnSync(process.execPath, [join(dir, 'bundle', 'peer.mjs')], {env: {...process.env, DEV: 'true', NODE_OPTIONS: ''}, encoding: 'utf8'});
      expect(run.stderr).toContain('Ink tried to import `react-devtools-core`');
      expect(run.stdout).toContain('drawn, then exit');
      expect(run.status).toBe(0);
    }));
});
