import {describe, expect, test, beforeEach, afterEach} from '@jest/globals';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import stringWidth from 'string-width';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {emptyAnswers, type Bank} from '../../src/engine/types.js';
import {draftsCommand} from '../../src/commands/drafts.js';
import {lockDraft, lockPath} from '../../src/store/draft-lock.js';
import {draftPath, saveDraft} from '../../src/store/drafts.js';

const bank: Bank = loadBankDir().bank!;

function io(env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = {out: '', err: ''};
  stdout.on('data', (c) => (text.out += String(c)));
  stderr.on('data', (c) => (text.err += String(c)));
  return {io: {stdout, stderr, bank, env}, text};
}

let root: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ha-drafts-cmd-'));
  env = {HANDOFF_ASSESS_STATE_DIR: root};
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

describe('handoff-assess drafts', () => {
  test('no drafts: says so, exit 0', () => {
    const {io: streams, text} = io(env);
    expect(draftsCommand({}, streams)).toBe(0);
    expect(text.out).toContain(`No saved interviews in ${join(root, 'drafts')}`);
  });

  test('columns line up by what the terminal shows: a name in 漢字 or with an emoji takes two cells a character', () => {
    const names = ['Beta 漢字 Co', 'Delta 👨‍👩‍👧 AG', 'Plain Co'];
    names.forEach((organisation, i) =>
      saveDraft({id: `org-${i}-20250101-09000${i}`, answers: {...emptyAnswers(), context: {organisation, role: 'buyer' as const}}, saved: new Date(2025, 0, 1, 9, i)}, {env}),
    );
    const {io: streams, text} = io(env);
    expect(draftsCommand({}, streams)).toBe(0);
    const rows = text.out.split('\n').filter((l) => names.some((n) => l.includes(n)));
    expect(rows).toHaveLength(3);
    // The role column starts at the same screen column on every row.
    const columnOf = (row: string) => stringWidth(row.slice(0, row.indexOf('buyer')));
    expect(new Set(rows.map(columnOf)).size).toBe(1);
  });

  test('lists newest first with organisation, role, progress, last saved and path', () => {
    const a = {...emptyAnswers(), context: {organisation: 'Acme Ltd', role: 'consultant' as const}};
    const b = {...emptyAnswers(), context: {organisation: 'Beta\nInc', role: 'founder' as const}, matrix: {failure_frequency: 3 as const}};
    saveDraft({id: 'acme-ltd-20250101-090000', answers: a, position: 'workflow', saved: new Date(2025, 0, 1, 9, 0)}, {env});
    saveDraft({id: 'beta-inc-20250102-100000', answers: b, position: 'review', saved: new Date(2025, 0, 2, 10, 30)}, {env});
    const {io: streams, text} = io(env);
    expect(draftsCommand({}, streams)).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toBe('2 saved interviews, newest first:');
    const header = lines.findIndex((l) => l.startsWith('ID'));
    expect(lines[header]).toMatch(/^ID\s+ORGANISATION\s+ROLE\s+PROGRESS\s+LAST SAVED$/);
    expect(lines[header + 1]).toMatch(/^beta-inc-20250102-100000\s+Beta Inc\s+founder\s+3\/17 review\s+2025-01-02 10:30$/);
    expect(lines[header + 2]).toBe(`  ${draftPath('beta-inc-20250102-100000', {env})}`);
    expect(lines[header + 3]).toMatch(/^acme-ltd-20250101-090000\s+Acme Ltd\s+consultant\s+2\/17\s+2025-01-01 09:00$/);
    expect(text.out).toContain('handoff-assess --resume ID');
  });

  test('a draft open in a running wizard is listed as in use, with its process; a stale lock is not', () => {
    saveDraft({id: 'open-1', answers: emptyAnswers(), saved: new Date(2)}, {env});
    saveDraft({id: 'closed-1', answers: emptyAnswers(), saved: new Date(1)}, {env});
    const lock = lockDraft('open-1', {env});
    writeFileSync(lockPath('closed-1', {env}), '999999999\n');
    try {
      const {io: streams, text} = io(env);
      expect(draftsCommand({}, streams)).toBe(0);
      expect(text.out).toContain(`  ${draftPath('open-1', {env})}\n  in use: open in a running wizard, process ${process.pid}\n`);
      expect(text.out.match(/in use/g)).toHaveLength(1);
    } finally {
      lock.release();
    }
  });

  test('--delete ID removes that draft only', () => {
    saveDraft({id: 'one-1', answers: emptyAnswers(), saved: new Date(1)}, {env});
    saveDraft({id: 'two-2', answers: emptyAnswers(), saved: new Date(2)}, {env});
    const {io: streams, text} = io(env);
    expect(draftsCommand({delete: 'one-1'}, streams)).toBe(0);
    expect(text.out).toContain('Deleted the saved interview one-1');
    expect(existsSync(draftPath('one-1', {env}))).toBe(false);
    expect(existsSync(draftPath('two-2', {env}))).toBe(true);
  });

  test('--delete with an unknown id: exit 2, nothing removed', () => {
    saveDraft({id: 'two-2', answers: emptyAnswers(), saved: new Date(2)}, {env});
    const {io: streams, text} = io(env);
    expect(draftsCommand({delete: 'nope'}, streams)).toBe(2);
    expect(text.err).toContain('no saved interview with id "nope"');
    expect(existsSync(draftPath('two-2', {env}))).toBe(true);
  });
});
