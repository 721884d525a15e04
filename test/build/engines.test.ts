/**
 * `engines` is honest: the oldest Node of each range it names (20.17.0, 22.13.0,
 * 24.0.0) is one that every package bundled into dist/ supports (their own
 * `engines`, every version of them package-lock.json holds), and one that every
 * tool the build and the tests run on supports (the direct devDependencies).
 * A dependency moved to a major that drops a Node we claim fails here, named.
 */
import {describe, expect, it} from '@jest/globals';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import semver from 'semver';
import {ROOT} from '../cli/run-cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {engines: {node: string}; devDependencies: Record<string, string>};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {packages: Record<string, {version?: string; engines?: {node?: string} | string[]}>};
const manifest = JSON.parse(readFileSync(join(ROOT, 'dist', 'manifest.json'), 'utf8')) as Record<string, string[]>;
const bundled = new Set(Object.values(manifest).flat());

/** The oldest version of each range of `engines`: 20.17.0, 22.13.0, 24.0.0. */
const oldest = pkg.engines.node.split('||').map((range) => semver.minVersion(range)!.version);

/** Every version of a package in the lock file whose name is in `names` (nested copies too), with its Node range. */
function ranges(names: Set<string>, topLevelOnly = false): {name: string; version: string; node: string}[] {
  return Object.entries(lock.packages).flatMap(([path, entry]) => {
    const name = path.replace(/^.*node_modules\//, '');
    if (!path || !names.has(name) || (topLevelOnly && path !== `node_modules/${name}`)) return [];
    const node = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
    return node ? [{name, version: entry.version ?? '?', node}] : [];
  });
}

describe('engines', () => {
  it('names the Node majors CI tests, each from the version its libraries need', () => {
    expect(oldest.map((v) => semver.major(v))).toEqual([20, 22, 24]);
  });

  it('every bundled package supports the oldest Node of each range', () => {
    expect(bundled.size).toBeGreaterThan(20);
    const refused = ranges(bundled).flatMap(({name, version, node}) => oldest.filter((v) => !semver.satisfies(v, node)).map((v) => `${name}@${version} needs Node ${node}, not ${v}`));
    expect(refused).toEqual([]);
  });

  it('every tool of the build and the tests does too', () => {
    const refused = ranges(new Set(Object.keys(pkg.devDependencies)), true).flatMap(({name, version, node}) => oldest.filter((v) => !semver.satisfies(v, node)).map((v) => `${name}@${version} needs Node ${node}, not ${v}`));
    expect(refused).toEqual([]);
  });
});
