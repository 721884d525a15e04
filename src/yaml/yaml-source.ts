/**
 * Parse YAML (or JSON, which YAML reads too) and keep enough of the document
 * to say on which line any value sits. Pure: text in, data out.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document} from 'yaml';

/** One problem found while loading a file. */
export interface SourceProblem {
  /** The file as the user named it. */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** Dotted path of the field, e.g. `matrix.failure_frequency`. */
  field: string;
  message: string;
}

export interface YamlSource {
  file: string;
  /** The parsed value (undefined when the text did not parse). */
  value: unknown;
  /** Syntax problems; empty when the text parsed. */
  problems: SourceProblem[];
  /** The 1-based line of the value at `path`, or of its nearest parent that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Limits that keep a hostile file from exhausting memory (alias bombs, huge documents). */
const MAX_ALIAS_COUNT = 100;

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed | undefined;
  const problems: SourceProblem[] = [];
  try {
    doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
  } catch (error) {
    problems.push({file, field: '(file)', message: `could not be read as YAML or JSON: ${plainMessage((error as Error).message)}`});
  }
  for (const error of doc?.errors ?? []) {
    const line = error.pos ? lineCounter.linePos(error.pos[0]).line : undefined;
    problems.push({file, line, field: '(file)', message: `is not valid YAML or JSON: ${plainMessage(error.message)}`});
  }
  let value: unknown;
  if (doc && problems.length === 0) {
    try {
      value = doc.toJS({maxAliasCount: MAX_ALIAS_COUNT});
    } catch (error) {
      problems.push({file, field: '(file)', message: `could not be read: ${plainMessage((error as Error).message)}`});
    }
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    if (!doc) return undefined;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
        // For a value in a map, point at its key's line when the value starts on a later line.
        return lineCounter.linePos(keyStart(doc, path.slice(0, depth)) ?? node.range[0]).line;
      }
    }
    return undefined;
  };
  return {file, value, problems, lineOf};
}

function keyStart(doc: Document.Parsed, path: readonly (string | number)[]): number | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isScalar(pair.key) && String(pair.key.value) === String(last) && pair.key.range) return pair.key.range[0];
    }
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last];
    if (item && typeof item === 'object' && 'range' in item && Array.isArray(item.range)) return item.range[0];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * The parser's message in the user's terms. A few of them speak of the
 * parser's own API or of the JavaScript engine (found by the fuzz tests in
 * test/hardening/): those are said in words about the file instead.
 */
function plainMessage(message: string): string {
  const line = firstLine(message);
  if (/Maximum call stack size exceeded|too much recursion/i.test(line)) return 'lists or maps are nested too deeply (hundreds of levels) to be read';
  if (/multiple documents/i.test(line)) return 'it holds more than one document (a second "---" line); an answers or bank file is a single document';
  if (/Excessive alias count/i.test(line)) return `it repeats YAML aliases (*name) too often (more than ${MAX_ALIAS_COUNT} expansions); write the values out instead`;
  return line;
}

/** A problem with the value at `path` in `source`: its line, and the path as the field's dotted name. */
export function problemAt(source: YamlSource, path: readonly (string | number)[], message: string): SourceProblem {
  return {file: source.file, line: source.lineOf(path), field: path.join('.') || '(top level)', message};
}

/** `file:line: message`, the one way problems are printed. */
export function formatProblem(problem: SourceProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.message}`;
}
