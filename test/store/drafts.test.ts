import {describe, expect, test, beforeEach, afterEach} from '@jest/globals';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {slug} from '../../src/store/file-names.js';
import {parseAnswers} from '../../src/answers/parse-answers.js';
import {emptyAnswers, type Answers, type Bank} from '../../src/engine/types.js';
import {
  deleteDraft,
  DraftInvalidError,
  DraftNotFoundError,
  draftsDir,
  latestDraft,
  listDrafts,
  loadDraft,
  newDraftId,
  saveDraft,
  stateDir,
} from '../../src/store/drafts.js';

const bank: Bank = loadBankDir().bank!;

let root: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ha-drafts-'));
  env = {HANDOFF_ASSESS_STATE_DIR: join(root, 'state')};
});
afterEach(() => rmSync(root, {recursive: true, force: true}));

function acme(): Answers {
  const a = emptyAnswers();
  a.context = {organisation: 'Acme Ltd.', role: 'consultant', workflow: 'Quote to cash', systems: ['HubSpot', 'NetSuite']};
  a.matrix = {failure_frequency: 4, reconciliation_load: 'unknown'};
  a.notes = {failure_frequency: 'Three escalations last week'};
  return a;
}

describe('where drafts live', () => {
  test('HANDOFF_ASSESS_STATE_DIR wins, then XDG_STATE_HOME/handoff-assess', () => {
    expect(draftsDir({env: {HANDOFF_ASSESS_STATE_DIR: '/x/state', XDG_STATE_HOME: '/y'}})).toBe('/x/state/drafts');
    expect(draftsDir({env: {XDG_STATE_HOME: '/y'}})).toBe('/y/handoff-assess/drafts');
  });
  test('without either, the platform state folder from env-paths', () => {
    const dir = stateDir({env: {}});
    expect(dir).toMatch(/handoff-assess$/);
    if (process.platform === 'linux') expect(dir).toContain(join('.local', 'state'));
  });
});

describe('draft ids', () => {
  test('organisation slug and local timestamp', () => {
    const at = new Date(2025, 0, 31, 14, 5, 9);
    expect(newDraftId(acme(), at, {env})).toBe('acme-ltd-20250131-140509');
    expect(newDraftId(emptyAnswers(), at, {env})).toBe('draft-20250131-140509');
  });
  test('slug drops accents and punctuation', () => {
    expect(slug('  Café Müller & Söhne GmbH ')).toBe('cafe-muller-sohne-gmbh');
    expect(slug('***')).toBe('');
  });
  test('an id already taken gets a suffix, so no draft is overwritten', () => {
    const at = new Date(2025, 0, 31, 14, 5, 9);
    const first = newDraftId(acme(), at, {env});
    saveDraft({id: first, answers: acme(), saved: at}, {env});
    const second = newDraftId(acme(), at, {env});
    expect(second).toBe(`${first}-2`);
  });
});

describe('saveDraft', () => {
  test('writes the answers-file format with a draft field, mode 0600 in a 0700 folder', () => {
    const saved = new Date('2025-01-31T14:05:09.000Z');
    const path = saveDraft({id: 'acme-ltd-20250131-140509', answers: acme(), position: 'exception_visibility', saved}, {env});
    expect(path).toBe(join(root, 'state', 'drafts', 'acme-ltd-20250131-140509.yaml'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(draftsDir({env})).mode & 0o777).toBe(0o700);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^version: 1\n/);
    expect(text).toContain('draft:\n  position: exception_visibility\n  saved: 2025-01-31T14:05:09.000Z');
    // The same file is a valid (partial) answers file.
    const load = parseAnswers(path, text, bank, {partial: true});
    expect(load.errors).toEqual([]);
    expect(load.answers).toEqual(acme());
  });

  test('a second save replaces the first whole and leaves no temp files', () => {
    const id = 'acme-ltd-20250131-140509';
    saveDraft({id, answers: acme(), saved: new Date(1000)}, {env});
    const more = {...acme(), matrix: {...acme().matrix, exception_visibility: 5 as const}};
    const path = saveDraft({id, answers: more, saved: new Date(2000)}, {env});
    expect(readdirSync(draftsDir({env}))).toEqual([`${id}.yaml`]);
    expect(readFileSync(path, 'utf8')).toContain('exception_visibility: 5');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  test('a loose folder mode is tightened to 0700', () => {
    mkdirSync(draftsDir({env}), {recursive: true, mode: 0o755});
    saveDraft({id: 'x-1', answers: acme(), saved: new Date()}, {env});
    expect(statSync(draftsDir({env})).mode & 0o777).toBe(0o700);
  });

  test('refuses an id that could escape the folder', () => {
    expect(() => saveDraft({id: '../evil', answers: acme(), saved: new Date()}, {env})).toThrow(/not a draft id/);
  });
});

describe('loadDraft', () => {
  test('by id and by path, with answers, position and saved time', () => {
    const saved = new Date('2025-01-31T14:05:09.000Z');
    const path = saveDraft({id: 'acme-ltd-20250131-140509', answers: acme(), position: 'lead_time_impact', saved}, {env});
    const byId = loadDraft('acme-ltd-20250131-140509', bank, {env});
    expect(byId).toMatchObject({id: 'acme-ltd-20250131-140509', path, inStore: true, position: 'lead_time_impact'});
    expect(byId.saved.toISOString()).toBe(saved.toISOString());
    expect(byId.answers.matrix).toEqual({failure_frequency: 4, reconciliation_load: 'unknown'});
    expect(byId.answers.notes).toEqual({failure_frequency: 'Three escalations last week'});
    const byPath = loadDraft(path, bank, {env});
    expect(byPath.answers).toEqual(byId.answers);
    expect(loadDraft('acme-ltd-20250131-140509.yaml', bank, {env, cwd: root}).path).toBe(path);
  });

  test('an answers file outside the store loads but is not in the store', () => {
    const file = join(root, 'acme.yaml');
    writeFileSync(file, 'version: 1\ncontext:\n  organisation: Acme\n');
    const d = loadDraft('acme.yaml', bank, {env, cwd: root});
    expect(d).toMatchObject({id: 'acme', path: file, inStore: false});
    expect(d.answers.context.organisation).toBe('Acme');
  });

  test('a missing draft is a DraftNotFoundError naming what was looked for', () => {
    expect(() => loadDraft('nope-20250101-000000', bank, {env})).toThrow(DraftNotFoundError);
    expect(() => loadDraft('nope-20250101-000000', bank, {env})).toThrow(/nope-20250101-000000\.yaml/);
  });

  test('an invalid draft is a DraftInvalidError naming the file, line and field', () => {
    mkdirSync(draftsDir({env}), {recursive: true});
    const path = join(draftsDir({env}), 'bad.yaml');
    writeFileSync(path, 'version: 1\nmatrix:\n  failure_frequency: 9\n');
    let error: unknown;
    try {
      loadDraft('bad', bank, {env});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DraftInvalidError);
    expect((error as DraftInvalidError).exitCode).toBe(2);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(/:3 matrix\.failure_frequency: .*must be 1, 2, 3, 4, 5 or unknown/);
  });
});

describe('listDrafts, latestDraft, deleteDraft', () => {
  test('newest first, with organisation, role and progress', () => {
    saveDraft({id: 'acme-ltd-20250131-140509', answers: acme(), saved: new Date('2025-01-31T14:05:09Z')}, {env});
    saveDraft({id: 'draft-20250201-090000', answers: emptyAnswers(), saved: new Date('2025-02-01T09:00:00Z')}, {env});
    saveDraft({id: 'beta-20250115-100000', answers: {...emptyAnswers(), context: {organisation: 'Beta', role: 'founder'}}, saved: new Date('2025-01-15T10:00:00Z')}, {env});
    const list = listDrafts({env, bank});
    expect(list.map((d) => d.id)).toEqual(['draft-20250201-090000', 'acme-ltd-20250131-140509', 'beta-20250115-100000']);
    expect(list[1]).toMatchObject({organisation: 'Acme Ltd.', role: 'consultant', answered: 6, total: 17});
    expect(list[0]).toMatchObject({answered: 0, total: 17});
    expect(list[0]!.organisation).toBeUndefined();
    expect(latestDraft({env})?.id).toBe('draft-20250201-090000');
  });

  test('an unreadable draft is still listed, with its problem', () => {
    mkdirSync(draftsDir({env}), {recursive: true});
    writeFileSync(join(draftsDir({env}), 'broken.yaml'), 'version: 1\ncontext:\n  organisation: Broken Co\nmatrix: [1, 2]\n');
    const [d] = listDrafts({env, bank});
    expect(d).toMatchObject({id: 'broken', organisation: 'Broken Co'});
    expect(d!.problem).toMatch(/matrix/);
  });

  test('no folder yet: no drafts', () => {
    expect(listDrafts({env, bank})).toEqual([]);
    expect(latestDraft({env})).toBeUndefined();
  });

  test('delete removes exactly one draft; an unknown id throws', () => {
    saveDraft({id: 'a-1', answers: acme(), saved: new Date(1)}, {env});
    saveDraft({id: 'b-2', answers: acme(), saved: new Date(2)}, {env});
    const removed = deleteDraft('a-1', {env});
    expect(removed).toBe(join(draftsDir({env}), 'a-1.yaml'));
    expect(listDrafts({env}).map((d) => d.id)).toEqual(['b-2']);
    expect(() => deleteDraft('a-1', {env})).toThrow(DraftNotFoundError);
    expect(() => deleteDraft('../b-2', {env})).toThrow(DraftNotFoundError);
    expect(listDrafts({env}).map((d) => d.id)).toEqual(['b-2']);
  });
});
