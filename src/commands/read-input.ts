/** Reading what the user named: a file (any problem an InputError naming it), or all of stdin. */
import {readFileSync, statSync} from 'node:fs';
import {InputError} from '../cli-errors.js';
import {displayPath} from '../files/paths.js';

/** Read a file the user named; a problem becomes an InputError naming it. */
export function readInput(path: string, what: string): string {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${displayPath(path)}: is a folder; --${what === 'template' ? 'template' : 'answers'} takes a file`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`${displayPath(path)}: ${code === 'ENOENT' ? `no such ${what} file` : `cannot read the ${what} file (${code})`}`);
  }
}

export async function readStdin(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
