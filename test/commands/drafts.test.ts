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
    names.forEach((assessor, i) =>
      saveDraft({id: `org-${i}-20250101-09000${i}`, answers: {...emptyAnswers(), context: {organisation: `Org ${i}`, assessor, role: 'buyer' as const}}, saved: new Date(2025, 0, 1, 9, i)}, {env}),
    );
    const {io: streams, text} = io(env);
    expect(draftsCommand({}, streams)).toBe(0);
    const rows = text.out.split('\n').filter((l) => l.startsWith('org-') && names.some((n) => l.includes(n)));
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
    expect(lines[0]).toBe('2 saved interviews, by organisation and workflow (2 workflows), newest first:');
    const header = lines.findIndex((l) => l.startsWith('ID'));
    expect(lines[header - 1]).toBe('Beta Inc · (workflow not yet named): 1 interview');
    expect(lines[header]).toMatch(/^ID\s+RESPONDENT\s+ROLE\s+PROGRESS\s+LAST SAVED$/);
    expect(lines[header + 1]).toMatch(/^beta-inc-20250102-100000\s+\(not named\)\s+founder\s+3\/17 review\s+2025-01-02 10:30$/);
    expect(lines[header + 2]).toBe(`  ${draftPath('beta-inc-20250102-100000', {env})}`);
    expect(lines[header + 4]).toBe('Acme Ltd · (workflow not yet named): 1 interview');
    expect(lines[header + 6]).toMatch(/^acme-ltd-20250101-090000\s+\(not named\)\s+consultant\s+2\/17\s+2025-01-01 09:00$/);
    expect(text.out).toContain('handoff-assess --resume ID');
  });

  test('groups the interviews by organisation and workflow, so a consultant sees who has been interviewed on each', () => {
    const ctx = (assessor: string, role: 'consultant' | 'operations-leader' | 'buyer', workflow: string, organisation = 'Harbour & Pine Outfitters') => ({
      ...emptyAnswers(),
      context: {organisation, assessor, role, workflow, systems: ['NetSuite']},
    });
    saveDraft({id: 'otc-ops', answers: {...ctx('Sam Okoye', 'operations-leader', 'Order to cash'), matrix: {failure_frequency: 4 as const}}, saved: new Date(2025, 2, 3, 9, 0)}, {env});
    saveDraft({id: 'returns-priya', answers: ctx('Priya Nair', 'consultant', 'Returns'), saved: new Date(2025, 2, 2, 9, 0)}, {env});
    saveDraft({id: 'otc-finance', answers: ctx('Lena Ford', 'buyer', ' order to  Cash'), saved: new Date(2025, 2, 1, 16, 45)}, {env});
    saveDraft({id: 'other-org', answers: ctx('Tom Becker', 'buyer', 'Order to cash', 'Lumora Analytics'), saved: new Date(2025, 1, 1, 9, 0)}, {env});
    const {io: streams, text} = io(env);
    expect(draftsCommand({}, streams)).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toBe('4 saved interviews, by organisation and workflow (3 workflows), newest first:');
    const heading = (title: string) => lines.indexOf(title);
    const otc = heading('Harbour & Pine Outfitters · Order to cash: 2 interviews (Sam Okoye, Lena Ford)');
    const returns = heading('Harbour & Pine Outfitters · Returns: 1 interview (Priya Nair)');
    const lumora = heading('Lumora Analytics · Order to cash: 1 interview (Tom Becker)');
    expect([otc, returns, lumora].every((i) => i > 0)).toBe(true);
    expect(otc).toBeLessThan(returns);
    expect(returns).toBeLessThan(lumora);
    expect(lines[otc + 2]).toMatch(/^otc-ops\s+Sam Okoye\s+operations-leader\s+\d+\/17\s+2025-03-03 09:00$/);
    expect(lines[otc + 4]).toMatch(/^otc-finance\s+Lena Ford\s+buyer\s+\d+\/17\s+2025-03-01 16:45$/);
    expect(text.out).toContain('handoff-assess --respondent-of ID');
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
