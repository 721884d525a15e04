/**
 * Issue 13: the published package has no runtime dependencies (dist/ bundles every
 * package it uses), and THIRD_PARTY_NOTICES.md, written by the build, carries the
 * licence of each bundled package. These read the build `npm test` has just made
 * (pretest); the packed and installed package is tested by `npm run test:install`.
 */
import {describe, expect, test} from '@jest/globals';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
// @ts-expect-error: a plain .mjs build script without types
import {bundledPackageDirs, bundledPackages} from '../../scripts/notices.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {dependencies?: Record<string, string>; devDependencies: Record<string, string>; files: string[]; license: string};
const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8')) as Record<string, string[]>;
const notices = readFileSync(join(ROOT, 'THIRD_PARTY_NOTICES.md'), 'utf8');
const bundled = [...new Set(Object.values(manifest).flat())].sort();

describe('the package needs nothing installed beside it', () => {
  test('no runtime dependencies; the packages the bundle is built from are devDependencies', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    for (const direct of ['ink', 'react', '@inquirer/prompts', 'commander', 'liquidjs', 'marked', 'yaml', 'zod', 'env-paths', 'string-width']) {
      expect(bundled).toContain(direct);
      expect(Object.keys(pkg.devDependencies)).toContain(direct);
    }
  });

  test('the licence is MIT and the tarball lists the licence, the notices and the changelog', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the handoff-assess authors\n/);
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist', 'questions', 'templates', 'examples', 'CHANGELOG.md', 'THIRD_PARTY_NOTICES.md']));
  });
});

describe('THIRD_PARTY_NOTICES.md', () => {
  test('names every package bundled into dist/ with its version, licence and licence text', () => {
    expect(bundled.length).toBeGreaterThan(20);
    for (const name of bundled) {
      const section = new RegExp(`^## ${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\d+\\.\\d+\\.\\d+\\S*\\n\\nLicence: \\S+[^]*?\`\`\`text\\n[^]*?(Permission|licen[cs]e|Licen[cs]e|LICEN[CS]E)[^]*?\\n\`\`\``, 'm');
      expect({name, found: section.test(notices)}).toEqual({name, found: true});
    }
  });

  test('a package with no licence file gets the text from its known copyright line (yoga-layout), not an empty section', () => {
    expect(notices).toMatch(/## yoga-layout [\d.]+\n\nLicence: MIT[^]*?```text\nMIT License\n\nCopyright \(c\) Meta Platforms, Inc\. and affiliates\.\n\nPermission is hereby granted/);
  });

  test('each copy of a package the bundle holds in two versions is listed, nested ones included', () => {
    expect(bundledPackageDirs({inputs: {'node_modules/a/index.js': {}, 'node_modules/a/node_modules/@s/b/x.js': {}, 'src/cli.ts': {}}})).toEqual(['node_modules/a', 'node_modules/a/node_modules/@s/b']);
  });

  test('a bundled package whose package.json names no licence fails the build, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notices-'));
    try {
      mkdirSync(join(dir, 'node_modules', 'nolicence'), {recursive: true});
      writeFileSync(join(dir, 'node_modules', 'nolicence', 'package.json'), JSON.stringify({name: 'nolicence', version: '1.0.0'}));
      expect(() => bundledPackages(dir, {inputs: {'node_modules/nolicence/index.js': {}}})).toThrow(/nolicence@1\.0\.0 .*names no licence/);
      writeFileSync(join(dir, 'node_modules', 'nolicence', 'package.json'), JSON.stringify({name: 'nolicence', version: '1.0.0', license: 'MIT'}));
      expect(() => bundledPackages(dir, {inputs: {'node_modules/nolicence/index.js': {}}})).toThrow(/nolicence@1\.0\.0 .*holds no licence file/);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
