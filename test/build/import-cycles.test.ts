/**
 * No module of src/ imports itself back, through any chain of imports (static,
 * type-only or dynamic): a cycle means two rooms that cannot be read, tested or
 * loaded one without the other. The imports are read by TypeScript's own
 * pre-processor, so an import written in a comment or a string does not count.
 */
import {describe, expect, it} from '@jest/globals';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Each .ts/.tsx file below `root` and the files of that folder it imports by a relative path. */
function importGraph(root: string): Map<string, string[]> {
  const files = readdirSync(root, {recursive: true, encoding: 'utf8'})
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => resolve(root, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const {importedFiles} = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .flatMap((name) => {
        const base = resolve(dirname(file), name).replace(/\.js$/, '');
        return [`${base}.ts`, `${base}.tsx`].filter((candidate) => files.includes(candidate));
      });
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle a depth-first walk meets, as "a.ts -> b.ts -> a.ts" relative to `root`; empty when there is none. */
function cycles(root: string): string[] {
  const graph = importGraph(root);
  const done = new Set<string>();
  const path: string[] = [];
  const found: string[] = [];
  const visit = (file: string) => {
    path.push(file);
    for (const next of graph.get(file)!) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next].map((f) => relative(root, f)).join(' -> '));
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) if (!done.has(file)) visit(file);
  return found;
}

describe('import cycles', () => {
  it('src/ has none', () => {
    expect(cycles(SRC)).toEqual([]);
  });

  it('a cycle is found and named, through a type-only or a dynamic import too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'handoff-cycles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "// import {b} from './c.js' (a comment: not an import)\nimport type {B} from './b.js';\nexport type A = B;\n");
      writeFileSync(join(dir, 'b.ts'), "export type B = number;\nexport const load = () => import('./a.js');\n");
      writeFileSync(join(dir, 'c.ts'), "import {load} from './b.js';\nexport const c = load;\n");
      expect(cycles(dir)).toEqual(['a.ts -> b.ts -> a.ts']);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
