/**
 * Issue 12, item 3: drafts are never shared by accident.
 *
 * - Two interviews for one organisation that start in the same second get
 *   two draft ids (an exclusive create reserves the id as it is chosen), in
 *   one process and in two real wizards started at once; both drafts survive.
 * - A draft open in one wizard is locked (`<id>.lock` with its process id):
 *   a second `--resume` of it exits 2, naming the draft and the process, and
 *   says how to continue a copy; a stale lock (its process gone) is taken
 *   over; the lock is removed on ctrl+c and on SIGTERM.
 * - `drafts --delete` honours the lock: a draft open in a running wizard is
 *   refused (exit 2, the process named, the draft kept); a stale lock does not
 *   stop it. `--answers DRAFT` reads a locked draft (a read changes nothing).
 */
import {describe, expect, test} from '@jest/globals';
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse as parseYaml} from 'yaml';
import {answersToYaml} from '../../src/answers/serialize-answers.js';
import {emptyAnswers, type Answers} from '../../src/engine/types.js';
import {startInterview} from '../../src/engine/interview.js';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {draftKeeper} from '../../src/session/services.js';
import {lockDraft, lockPath} from '../../src/store/draft-lock.js';
import {newDraftId} from '../../src/store/drafts.js';
import {sh, TmuxSession, tmuxWorkspace} from '../e2e/tmux.js';
import {BIN, ROOT, runCli} from './harness.js';

const {haveTmux: HAVE_TMUX, describeTmux, work} = tmuxWorkspace('test/hardening/draft-sharing.test.ts', 'ha-sharing-');

let n = 0;
function stateFolder(): {state: string; drafts: string; env: NodeJS.ProcessEnv} {
  const state = join(work(), `case-${++n}`, 'state');
  const drafts = join(state, 'drafts');
  mkdirSync(drafts, {recursive: true, mode: 0o700});
  return {state, drafts, env: {HANDOFF_ASSESS_STATE_DIR: state}};
}

function acme(assessor: string): Answers {
  const a = emptyAnswers();
  a.context.organisation = 'Acme Ltd';
  a.context.assessor = assessor;
  return a;
}

const draftFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort();

/** A process id that is not running: a child that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
  return Number(child.stdout);
}

describe('a new draft id is created exclusively', () => {
  const second = new Date(2025, 0, 31, 14, 5, 9);

  test('two ids chosen for one organisation in one second, before either is saved, differ (it was one id)', () => {
    const {drafts, env} = stateFolder();
    const a = newDraftId(acme('A'), second, {env});
    const b = newDraftId(acme('B'), second, {env});
    expect(a).toBe('acme-ltd-20250131-140509');
    expect(b).toBe('acme-ltd-20250131-140509-2');
    // Reserved at once: the files exist before any save.
    expect(draftFiles(drafts)).toEqual([`${a}.yaml`, `${b}.yaml`].sort());
  });

  test('two draft keepers on one clock second: two drafts, both answers kept, each locked until released', () => {
    const {drafts, env} = stateFolder();
    const bank = loadBankDir().bank!;
    const keepers = ['Ann', 'Bob'].map((who) => ({who, keeper: draftKeeper({bank, store: {env}, now: () => second})}));
    for (const {who, keeper} of keepers) {
      const state = startInterview(bank);
      keeper.save({...state, answers: acme(who)});
    }
    const [ann, bob] = keepers.map((k) => k.keeper);
    expect(ann!.id).not.toBe(bob!.id);
    expect(draftFiles(drafts)).toHaveLength(2);
    expect(parseYaml(readFileSync(ann!.path!, 'utf8')).context.assessor).toBe('Ann');
    expect(parseYaml(readFileSync(bob!.path!, 'utf8')).context.assessor).toBe('Bob');
    expect(readFileSync(lockPath(ann!.id!, {env}), 'utf8').trim()).toBe(String(process.pid));
    ann!.release();
    bob!.release();
    expect(readdirSync(drafts).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });

  test('a lock held by a running process refuses; a stale one (process gone, or no pid) is taken over', () => {
    const {env} = stateFolder();
    const sleeper = spawn('sleep', ['30'], {stdio: 'ignore'});
    const live = sleeper.pid!;
    try {
      writeFileSync(lockPath('held', {env}), `${live}\n`);
      expect(() => lockDraft('held', {env})).toThrow(new RegExp(`held .*process ${live}`));
      writeFileSync(lockPath('stale', {env}), `${deadPid()}\n`);
      const stale = lockDraft('stale', {env});
      expect(readFileSync(stale.path, 'utf8').trim()).toBe(String(process.pid));
      stale.release();
      expect(existsSync(stale.path)).toBe(false);
      writeFileSync(lockPath('empty', {env}), '');
      lockDraft('empty', {env}).release();
    } finally {
      sleeper.kill();
    }
  });
});

describe('every draft command honours the lock', () => {
  test('drafts --delete of a draft a running process holds: exit 2, the process and what to do named, the draft and the lock kept', () => {
    const {drafts, env} = stateFolder();
    const id = 'acme-ltd-20250131-140511';
    const path = seedDraft(drafts, id);
    const sleeper = spawn('sleep', ['30'], {stdio: 'ignore'});
    const live = sleeper.pid!;
    try {
      const lock = lockPath(id, {env});
      writeFileSync(lock, `${live}\n`);
      const r = runCli(['drafts', '--delete', id], {env});
      expect(r.code).toBe(2);
      const said = r.stderr.replace(/\n/g, ' ');
      expect(said).toContain(`saved interview ${id} (${path}) is open in a running handoff-assess, process ${live}, so it was not deleted`);
      expect(said).toContain('pause it there (ctrl+c)');
      expect(said).toContain(`remove ${lock}`);
      expect(r.stdout).not.toMatch(/Deleted/);
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(lock, 'utf8').trim()).toBe(String(live));
      // With the ".yaml" the listing shows, too.
      expect(runCli(['drafts', '--delete', `${id}.yaml`], {env}).code).toBe(2);
      expect(existsSync(path)).toBe(true);
    } finally {
      sleeper.kill();
    }
  });

  test('drafts --delete of a draft whose lock is stale (its process gone): deleted, the lock removed with it', () => {
    const {drafts, env} = stateFolder();
    const id = 'acme-ltd-20250131-140512';
    const path = seedDraft(drafts, id);
    const lock = lockPath(id, {env});
    writeFileSync(lock, `${deadPid()}\n`);
    const r = runCli(['drafts', '--delete', id], {env});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Deleted the saved interview ${id}`);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(lock)).toBe(false);
  });

  test('--answers of a draft a running process holds reads it (exit 0, the report); the lock is left alone', () => {
    const {drafts, env} = stateFolder();
    const id = 'acme-ltd-20250131-140513';
    const path = join(drafts, `${id}.yaml`);
    writeFileSync(path, readFileSync(join(ROOT, 'examples', 'acme.yaml')), {mode: 0o600});
    const sleeper = spawn('sleep', ['30'], {stdio: 'ignore'});
    try {
      const lock = lockPath(id, {env});
      writeFileSync(lock, `${sleeper.pid}\n`);
      const r = runCli(['--answers', path], {env});
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Acme Ltd');
      expect(readFileSync(lock, 'utf8').trim()).toBe(String(sleeper.pid));
      expect(existsSync(path)).toBe(true);
    } finally {
      sleeper.kill();
    }
  });
});

function wizard(state: string, cwd: string, ...args: string[]): TmuxSession {
  return new TmuxSession({
    command: ['node', sh(BIN), ...args.map(sh)].join(' '),
    cwd,
    env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color'},
    width: 100,
    height: 30,
  }).start();
}

/** A draft in the drafts folder, saved at the role question. */
function seedDraft(drafts: string, id: string): string {
  const a = acme('Jo Smith');
  const path = join(drafts, `${id}.yaml`);
  writeFileSync(path, answersToYaml(a, {position: 'role', saved: '2025-01-31T14:05:09.000Z'}), {mode: 0o600});
  return path;
}

describeTmux('two wizards in real terminals', () => {
  test('two new interviews for one organisation started at once: two drafts, both kept', async () => {
    const {state, drafts} = stateFolder();
    const cwd = join(state, '..');
    const [one, two] = [wizard(state, cwd), wizard(state, cwd)];
    try {
      for (const t of [one, two]) {
        await t.waitFor(/Press enter to start\./);
        t.key('Enter');
        await t.waitFor('Which organisation is this assessment for?');
      }
      await one.type('Acme Ltd');
      await two.type('Acme Ltd');
      await one.waitFor('Acme Ltd');
      await two.waitFor('Acme Ltd');
      // Enter to both at once: each names its draft on this first save.
      one.key('Enter');
      two.key('Enter');
      for (const t of [one, two]) await t.waitFor('Who is running the assessment?');
      one.key('C-c');
      two.key('C-c');
      const shown = [await one.waitFor(/EXIT=\d+/), await two.waitFor(/EXIT=\d+/)];
      const paths = shown.map((s) => /saved in (\S+\.yaml)/.exec(s.replace(/\n/g, ''))?.[1]);
      expect(paths[0]).toBeDefined();
      expect(paths[1]).toBeDefined();
      expect(paths[0]).not.toBe(paths[1]);
      expect(draftFiles(drafts)).toHaveLength(2);
      for (const name of draftFiles(drafts)) expect(parseYaml(readFileSync(join(drafts, name), 'utf8')).context.organisation).toBe('Acme Ltd');
      expect(readdirSync(drafts).filter((name) => name.endsWith('.lock'))).toEqual([]);
    } finally {
      one.kill();
      two.kill();
    }
  });

  test('a second --resume of an open draft exits 2 naming the draft and the process; ctrl+c in the first removes the lock', async () => {
    const {state, drafts} = stateFolder();
    const cwd = join(state, '..');
    const id = 'acme-ltd-20250131-140509';
    const path = seedDraft(drafts, id);
    const first = wizard(state, cwd, '--resume', id);
    let second: TmuxSession | undefined;
    let third: TmuxSession | undefined;
    try {
      await first.waitFor('Press enter to continue.');
      const lock = join(drafts, `${id}.lock`);
      expect(existsSync(lock)).toBe(true);
      const holder = readFileSync(lock, 'utf8').trim();

      second = wizard(state, cwd, '--resume', id);
      expect(await second.exitCode()).toBe(2);
      const refused = second.screen().replace(/\n/g, ' ');
      expect(refused).toContain(`saved interview ${id}`);
      expect(refused).toContain(`process ${holder}`);
      expect(refused).toContain('handoff-assess --resume');
      expect(refused).toContain('copy');
      // The refused wizard left the lock and the draft alone.
      expect(readFileSync(lock, 'utf8').trim()).toBe(holder);

      first.key('C-c');
      expect(await first.exitCode()).toBe(130);
      expect(existsSync(lock)).toBe(false);
      expect(existsSync(path)).toBe(true);

      // Free again: a new --resume opens it.
      third = wizard(state, cwd, '--resume', id);
      await third.waitFor('Press enter to continue.');
      third.key('C-c');
      expect(await third.exitCode()).toBe(130);
      expect(existsSync(lock)).toBe(false);
    } finally {
      first.kill();
      second?.kill();
      third?.kill();
    }
  });

  test('drafts --delete of a draft open in a wizard is refused while it runs; once it is paused, the delete goes through', async () => {
    const {state, drafts} = stateFolder();
    const cwd = join(state, '..');
    const env = {HANDOFF_ASSESS_STATE_DIR: state};
    const id = 'acme-ltd-20250131-140514';
    const path = seedDraft(drafts, id);
    const t = wizard(state, cwd, '--resume', id);
    try {
      await t.waitFor('Press enter to continue.');
      const holder = readFileSync(join(drafts, `${id}.lock`), 'utf8').trim();
      const refused = runCli(['drafts', '--delete', id], {env});
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`process ${holder}, so it was not deleted`);
      expect(existsSync(path)).toBe(true);
      t.key('C-c');
      expect(await t.exitCode()).toBe(130);
      const deleted = runCli(['drafts', '--delete', id], {env});
      expect(deleted.code).toBe(0);
      expect(existsSync(path)).toBe(false);
      expect(readdirSync(drafts)).toEqual([]);
    } finally {
      t.kill();
    }
  });

  test('a stale lock (its process gone) is taken over; SIGTERM removes the lock too', async () => {
    const {state, drafts} = stateFolder();
    const cwd = join(state, '..');
    const id = 'acme-ltd-20250131-140510';
    seedDraft(drafts, id);
    const lock = join(drafts, `${id}.lock`);
    const dead = deadPid();
    writeFileSync(lock, `${dead}\n`);
    const t = wizard(state, cwd, '--resume', id);
    try {
      await t.waitFor('Press enter to continue.');
      const holder = Number(readFileSync(lock, 'utf8').trim());
      expect(holder).not.toBe(dead);
      process.kill(holder, 'SIGTERM');
      expect(await t.exitCode()).toBe(143);
      expect(t.screen()).toContain('Interview paused');
      expect(existsSync(lock)).toBe(false);
    } finally {
      t.kill();
    }
  });
});
