/**
 * The bundled question bank, validated at build time. `npm run build` loads
 * questions/ through the full loader (YAML, schema, rules) and writes the
 * result to dist/bank.json with a SHA-256 of every file it read. At run
 * time, when every file still has its recorded hash, that bank is used as it
 * is, so the default path parses no bank YAML and never loads the bank's
 * schemas. Any difference (an edited file, no build, a cache of another
 * format) returns undefined and the caller loads the folder as usual.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Bank} from '../engine/types.js';
import {packagePath} from '../files/paths.js';
import {readFileBytes, SIZE_CAPS} from '../files/read-text.js';

/** Where the build writes the cache, relative to the package root. */
export const BANK_CACHE_FILE = 'dist/bank.json';
export const BANK_CACHE_FORMAT = 1;

export interface BankCache {
  format: typeof BANK_CACHE_FORMAT;
  /** SHA-256 (hex) of each file of the bank folder, by file name. */
  files: Record<string, string>;
  bank: Bank;
}

export function fileHash(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The bank in `dir` from the build's cache, if the cache is there and every file is unchanged. */
export function cachedBank(dir: string, cacheFile: string = packagePath(BANK_CACHE_FILE)): Bank | undefined {
  try {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as BankCache;
    if (cache.format !== BANK_CACHE_FORMAT || !cache.bank || !cache.files || Object.keys(cache.files).length === 0) return undefined;
    for (const [name, hash] of Object.entries(cache.files)) {
      if (fileHash(readFileBytes(join(dir, name), SIZE_CAPS.bankFile)) !== hash) return undefined;
    }
    return cache.bank;
  } catch {
    return undefined;
  }
}
