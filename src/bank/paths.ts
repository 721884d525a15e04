/** Where the package's own files are, and how to show a path to the user. */
import {isAbsolute, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The package root: two levels above this module, whether run from src/ or dist/. */
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export function packagePath(...parts: string[]): string {
  return resolve(ROOT, ...parts);
}

/** A path relative to the working folder when it lies inside it, else absolute. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
