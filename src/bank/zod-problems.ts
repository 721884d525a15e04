/**
 * Turn schema issues into problems a person can act on: the file and line,
 * the field, what is allowed, and an example of valid input.
 */
import type {z} from 'zod';
import type {SourceProblem, YamlSource} from '../yaml/yaml-source.js';

/** Examples of valid input, by field name, appended to messages. */
export type Examples = Record<string, string>;

/** Describes the thing at `path` for a message, e.g. `axis "lead_time_impact"`. */
export type Describe = (path: readonly PropertyKey[], value: unknown) => string | undefined;

export function issuesToProblems(
  source: YamlSource,
  issues: readonly z.core.$ZodIssue[],
  examples: Examples,
  describe: Describe,
): SourceProblem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = path.length ? path.join('.') : '(top level)';
    const leaf = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
    const owner = describe(path, source.value);
    const prefix = owner ? `${owner}: ` : '';
    const example = examples[leaf] ? `, e.g. ${examples[leaf]}` : '';
    let message: string;
    switch (issue.code) {
      case 'invalid_type': {
        const missing = valueAt(source.value, path) === undefined;
        message = missing
          ? `"${leaf || field}" is missing: it must be ${article(issue.expected)}${example}`
          : `"${leaf || field}" must be ${article(issue.expected)}${example}`;
        break;
      }
      case 'unrecognized_keys':
        // Whose field: a named map ("of "scoring""), an item already named by the owner prefix
        // (axis "lead_time_impact": ...), or an unnamed item of a list ("of an item in "choices"").
        const last = path[path.length - 1];
        const of = typeof last === 'string' ? ` of "${leaf}"` : typeof last === 'number' && !(owner && path.length === 2) ? ` of an item in "${leaf}"` : '';
        message = `${issue.keys.map((k) => `"${k}"`).join(', ')} ${issue.keys.length > 1 ? 'are' : 'is'} not a known field${of}`;
        return {file: source.file, line: source.lineOf([...path, issue.keys[0]!]), field: path.concat(issue.keys[0]!).join('.'), message: prefix + message};
      case 'invalid_value':
        message = `"${leaf}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'too_small':
        message = `"${leaf}" ${issue.origin === 'string' ? 'must not be empty' : issue.origin === 'array' ? `needs at least ${issue.minimum} item(s)` : `must be at least ${issue.minimum}`}${example}`;
        break;
      case 'too_big':
        message = `"${leaf}" ${issue.origin === 'string' ? `must be at most ${issue.maximum} characters` : issue.origin === 'array' ? `allows at most ${issue.maximum} item(s)` : `must be at most ${issue.maximum}${example}`}`;
        break;
      case 'invalid_format':
        message = `"${leaf}" ${issue.message}${example}`;
        break;
      default:
        message = `"${leaf || field}": ${issue.message}${example}`;
    }
    return {file: source.file, line: source.lineOf(path), field, message: prefix + message};
  });
}

function article(type: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map of fields',
  };
  return words[type] ?? type;
}

export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
