/** The build's cache of the bundled bank: used only when every file is unchanged. */
import {describe, expect, it} from '@jest/globals';
import {cpSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BANK_CACHE_FORMAT, cachedBank, fileHash} from '../../src/bank/bank-cache.js';
import {BANK_FILES, defaultBankDir, loadBankDir} from '../../src/bank/load-bank.js';
import {bankFingerprint} from '../../src/report/embed.js';

/** A copy of the bundled bank and a cache of it, as the build writes one. */
function fixture() {
  const work = mkdtempSync(join(tmpdir(), 'bank-cache-'));
  const dir = join(work, 'questions');
  cpSync(defaultBankDir(), dir, {recursive: true});
  const {bank} = loadBankDir(dir);
  const files = Object.fromEntries(BANK_FILES.map((name) => [name, fileHash(readFileSync(join(dir, name)))]));
  const cache = join(work, 'bank.json');
  writeFileSync(cache, JSON.stringify({format: BANK_CACHE_FORMAT, files, bank}));
  return {dir, cache, bank: bank!};
}

describe('cachedBank', () => {
  it('returns the bank the loader makes, to the same fingerprint, while no file has changed', () => {
    const {dir, cache, bank} = fixture();
    const cached = cachedBank(dir, cache);
    expect(cached).toEqual(bank);
    expect(bankFingerprint(cached!)).toBe(bankFingerprint(bank));
  });

  it('returns nothing once a file differs, so the folder is loaded and validated again', () => {
    const {dir, cache} = fixture();
    appendFileSync(join(dir, 'matrix.yaml'), '\n# edited\n');
    expect(cachedBank(dir, cache)).toBeUndefined();
  });

  it('returns nothing without a cache, or with one of another format', () => {
    const {dir, cache} = fixture();
    expect(cachedBank(dir, join(dir, 'no-such-cache.json'))).toBeUndefined();
    const other = JSON.parse(readFileSync(cache, 'utf8'));
    writeFileSync(cache, JSON.stringify({...other, format: 99}));
    expect(cachedBank(dir, cache)).toBeUndefined();
  });
});
