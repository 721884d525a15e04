/** The package's version (package.json), read once, on first use. */
import {readFileSync} from 'node:fs';
import {packagePath} from './files/paths.js';

let version: string | undefined;
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {version: string}).version;
  return version;
}
