/** Where the package's own files are, and how to show a path to the user. */
import {existsSync} from 'node:fs';
import {dirname, isAbsolute, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

let root: string | undefined;

/**
 * The package root: the nearest folder above this module that holds the
 * package's package.json and questions/. This module is src/files/paths.ts
 * under jest, and part of dist/cli.js or a chunk in dist/chunks/ in the
 * bundle, so the depth is not fixed. Found once, on first use.
 */
function packageRoot(): string {
  if (root !== undefined) return root;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'questions'))) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`handoff-assess: cannot find its package folder (package.json and questions/) above ${start}`);
  }
}

export function packagePath(...parts: string[]): string {
  return resolve(packageRoot(), ...parts);
}

/** A path relative to the working folder when it lies inside it, else absolute. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
