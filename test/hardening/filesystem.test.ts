/**
 * Writes and the filesystem (issue 12, items 1, 7 and 8): every write
 * completes or fails loudly and leaves the old file; only regular files are
 * replaced; no foreseeable failure of the filesystem or of stdout ends in a
 * stack trace. The built CLI as a black box; a full, read-only or forbidden
 * disk is simulated by a preload hook (fixtures/fs-faults.mjs) for one folder,
 * since a test cannot count on mounting a small tmpfs.
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {chmodSync, chownSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {BIN, crashSigns, ROOT, runCli} from './harness.js';

const FAULTS = fileURLToPath(new URL('./fixtures/fs-faults.mjs', import.meta.url));
const SPY = fileURLToPath(new URL('./fixtures/fsync-spy.mjs', import.meta.url));
const ACME = join(ROOT, 'examples', 'acme.yaml');
const OLD = 'the report as it was before\n';

let work: string;
let n = 0;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ha-fs-'));
});
afterAll(() => {
  rmSync(work, {recursive: true, force: true});
});

/** A fresh folder of its own for one case. */
function folder(): string {
  const dir = join(work, `case-${++n}`);
  mkdirSync(dir);
  return dir;
}

/** The CLI with a simulated fault for files inside `dir`. */
function runWithFault(dir: string, fault: {write?: 'short'; open?: string}, args: string[]) {
  return runCli(args, {env: {NODE_OPTIONS: `--import ${FAULTS}`, FS_FAULT_DIR: dir, FS_FAULT_WRITE: fault.write ?? '', FS_FAULT_OPEN: fault.open ?? ''}});
}

/** A failure the user can read: one line on stderr, no stack trace, nothing else. */
function expectOneLine(stderr: string, ...words: (string | RegExp)[]): void {
  expect(crashSigns(stderr)).toBeUndefined();
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  for (const w of words) expect(lines[0]).toMatch(w);
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp') || /\.\d+$/.test(f));

describe('a full disk', () => {
  test('a new report that does not fit is not written at all: exit 1, one line naming the file and the cause, no temporary file', () => {
    const dir = folder();
    const out = join(dir, 'r.md');
    const r = runWithFault(dir, {write: 'short'}, ['-a', ACME, '-o', out]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, out, /no space left/i);
    expect(r.stderr).not.toMatch(/Written to/);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('with --force, an existing report keeps its old content when the new one does not fit', () => {
    const dir = folder();
    const out = join(dir, 'r.md');
    writeFileSync(out, OLD);
    const r = runWithFault(dir, {write: 'short'}, ['-a', ACME, '-o', out, '--force']);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, out, /no space left/i);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(leftovers(dir)).toEqual([]);
  });

  test('the same write with room to spare is whole (the fault hook is the only difference)', () => {
    const dir = folder();
    const out = join(dir, 'r.md');
    const r = runCli(['-a', ACME, '-o', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['-a', ACME]).stdout);
  });
});

describe.each([
  ['EACCES', /permission denied/i],
  ['EROFS', /read-only/i],
  ['EDQUOT', /quota/i],
  ['ENOSPC', /no space left/i],
])('a folder that refuses writes with %s', (code, cause) => {
  test.each([false, true])('the old report stays, exit 1, one line naming the file and the cause (--force: %s)', (force) => {
    const dir = folder();
    const out = join(dir, 'r.md');
    writeFileSync(out, OLD);
    const r = runWithFault(dir, {open: code}, ['-a', ACME, '-o', force ? out : join(dir, 'new.md'), ...(force ? ['--force'] : [])]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, force ? out : join(dir, 'new.md'), cause);
    expect(readFileSync(out, 'utf8')).toBe(OLD);
    expect(readdirSync(dir)).toEqual(['r.md']);
  });
});

/** What the program asked of the file system inside `dir` (fixtures/fsync-spy.mjs), in order. */
interface FsCall {
  call: 'open' | 'fsync' | 'rename' | 'link' | 'unlink';
  path: string;
  to?: string;
  folder?: boolean;
}
const spyEnv = (dir: string, log: string, failFolder = '') => ({FSYNC_SPY_DIR: dir, FSYNC_SPY_LOG: log, FSYNC_SPY_FOLDER_FAIL: failFolder});
const spyLog = (log: string): FsCall[] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as FsCall) : []);

/** The calls after the file was renamed or linked to `target`: the folder must be opened and fsynced there, after the rename. */
function expectFolderSyncedAfter(calls: FsCall[], target: string, dir: string): void {
  const placed = calls.findIndex((c) => (c.call === 'rename' || c.call === 'link') && c.to === target);
  expect(placed).toBeGreaterThanOrEqual(0);
  // The file's own bytes were fsynced before it was put in place.
  expect(calls.slice(0, placed).some((c) => c.call === 'fsync' && !c.folder)).toBe(true);
  const after = calls.slice(placed + 1);
  expect(after).toContainEqual(expect.objectContaining({call: 'fsync', path: dir, folder: true}));
  expect(after.findIndex((c) => c.call === 'open' && c.path === dir && c.folder)).toBeLessThan(after.findIndex((c) => c.call === 'fsync' && c.folder));
}

describe('the folder is fsynced after the rename (a power cut cannot undo a write that said it was done)', () => {
  const runSpied = (dir: string, args: string[], failFolder = '') => {
    const log = join(work, `spy-${++n}.log`);
    const r = runCli(args, {env: {NODE_OPTIONS: `--import ${SPY}`, ...spyEnv(dir, log, failFolder)}});
    return {...r, calls: spyLog(log)};
  };

  test.each([false, true])('a report: written to a temporary file, fsynced, put in place, then its folder opened and fsynced (--force: %s)', (force) => {
    const dir = folder();
    const out = join(dir, 'r.md');
    if (force) writeFileSync(out, OLD);
    const r = runSpied(dir, ['-a', ACME, '-o', out, ...(force ? ['--force'] : [])]);
    expect(r.code).toBe(0);
    expect(r.calls.some((c) => c.call === (force ? 'rename' : 'link'))).toBe(true);
    expectFolderSyncedAfter(r.calls, out, dir);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['-a', ACME]).stdout);
  });

  test.each(['EINVAL', 'EPERM', 'EBADF', 'EISDIR'])('a file system that cannot fsync a folder (%s): the write stands, exit 0, nothing said', (code) => {
    const dir = folder();
    const out = join(dir, 'r.md');
    const r = runSpied(dir, ['-a', ACME, '-o', out], code);
    expect(r.calls).toContainEqual(expect.objectContaining({call: 'fsync', folder: true}));
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/could not|flushed/);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['-a', ACME]).stdout);
    expect(leftovers(dir)).toEqual([]);
  });

  test('a folder fsync that fails with an input/output error (EIO) is said in one line: written, but may not survive a power cut; exit 1', () => {
    const dir = folder();
    const out = join(dir, 'r.md');
    const r = runSpied(dir, ['-a', ACME, '-o', out], 'EIO');
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, out, /was written, but its folder could not be flushed to the disk: an input\/output error on the device \(EIO\)/);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['-a', ACME]).stdout);
  });
});

describe('paths that are not a regular file', () => {
  test('-o into a folder that does not exist: exit 1, one line naming the path', () => {
    const dir = folder();
    const out = join(dir, 'missing', 'r.md');
    const r = runCli(['-a', ACME, '-o', out]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, out, /does not exist/);
  });

  test('-o through a file as if it were a folder: exit 1, one line', () => {
    const dir = folder();
    writeFileSync(join(dir, 'file'), OLD);
    const out = join(dir, 'file', 'r.md');
    const r = runCli(['-a', ACME, '-o', out]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, out, /not a folder/);
    expect(readFileSync(join(dir, 'file'), 'utf8')).toBe(OLD);
  });

  test.each([false, true])('-o a folder is refused (--force: %s): exit 2, the folder untouched', (force) => {
    const dir = folder();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'keep.md'), OLD);
    const r = runCli(['-a', ACME, '-o', join(dir, 'reports'), ...(force ? ['--force'] : [])]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, join(dir, 'reports'), /is a folder/);
    expect(statSync(join(dir, 'reports')).isDirectory()).toBe(true);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['keep.md']);
  });

  // A device node of the test's own (the same device as /dev/null), never /dev/null itself:
  // a build without the fix would replace it with a regular file, and the machine with it.
  const nullDevice = (): string | undefined => {
    const path = join(folder(), 'null');
    return spawnSync('mknod', ['-m', '666', path, 'c', '1', '3']).status === 0 ? path : undefined;
  };
  test.each([false, true])('-o a character device (like /dev/null) is refused (--force: %s): exit 2, it stays a device', (force) => {
    const device = nullDevice();
    if (device === undefined) return; // mknod needs root; the FIFO and socket cases hold the same check
    const r = runCli(['-a', ACME, '-o', device, ...(force ? ['--force'] : [])]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, device, /character device/);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  test.each([false, true])('-o a FIFO is refused at once (--force: %s): exit 2, no hang, still a FIFO', (force) => {
    const dir = folder();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = runCli(['-a', ACME, '-o', fifo, ...(force ? ['--force'] : [])]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, fifo, /FIFO/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  describe('a socket', () => {
    let server: Server;
    let socket: string;
    beforeAll(async () => {
      socket = join(folder(), 'sock');
      server = createServer();
      await new Promise<void>((resolve) => server.listen(socket, resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });
    test('-o a socket with --force is refused: exit 2, still a socket', () => {
      const r = runCli(['-a', ACME, '-o', socket, '--force']);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, socket, /socket/);
      expect(lstatSync(socket).isSocket()).toBe(true);
    });
  });

  test('--out-dir that is a file: one line naming it, the file untouched', () => {
    const dir = folder();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'acme.yaml'), readFileSync(ACME));
    writeFileSync(join(dir, 'out'), OLD);
    const r = runCli(['-a', join(dir, 'in'), '--out-dir', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, join(dir, 'out'), /is a file, not a folder/);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe(OLD);
  });
});

describe('the state folder', () => {
  test('a state folder that is a file: `drafts` says so in one line, exit 1', () => {
    const dir = folder();
    writeFileSync(join(dir, 'state'), OLD);
    const r = runCli(['drafts'], {env: {HANDOFF_ASSESS_STATE_DIR: join(dir, 'state')}});
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, join(dir, 'state'), /not a folder/);
  });

  test('`drafts --delete` of an id that is a folder: exit 2, one line, the folder and what is in it kept', () => {
    const dir = folder();
    mkdirSync(join(dir, 'drafts', 'x.yaml'), {recursive: true});
    writeFileSync(join(dir, 'drafts', 'x.yaml', 'keep'), OLD);
    const r = runCli(['drafts', '--delete', 'x'], {env: {HANDOFF_ASSESS_STATE_DIR: dir}});
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, join(dir, 'drafts', 'x.yaml'), /folder/);
    expect(readFileSync(join(dir, 'drafts', 'x.yaml', 'keep'), 'utf8')).toBe(OLD);
  });
});

describe('standard output', () => {
  test.each([
    ['a report', ['-a', ACME]],
    ['--verify', ['--verify', 'REPORT']],
    ['drafts', ['drafts']],
    ['--help', ['--help']],
  ])('stdout to a full device (/dev/full), %s: exit 1, one line on stderr, no stack trace', (_name, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', HANDOFF_ASSESS_STATE_DIR: folder()};
      delete env.NODE_OPTIONS;
      const report = join(folder(), 'r.md');
      if (args.includes('REPORT')) expect(runCli(['-a', ACME, '-o', report]).code).toBe(0);
      const r = spawnSync(process.execPath, [BIN, ...args.map((a) => (a === 'REPORT' ? report : a))], {cwd: ROOT, env, stdio: ['ignore', full, 'pipe'], encoding: 'utf8'});
      expect(r.status).toBe(1);
      expectOneLine(r.stderr, /standard output/, /no space left/i);
    } finally {
      closeSync(full);
    }
  });

  test('stdout to /dev/null on purpose (> /dev/null, opened write-only) still works: exit 0', () => {
    const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
    delete env.NODE_OPTIONS;
    const r = spawnSync('sh', ['-c', 'exec "$0" "$1" -a "$2" >/dev/null', process.execPath, BIN, ACME], {cwd: ROOT, env, encoding: 'utf8'});
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  // A closed stdout (>&-) is, to Node, /dev/null opened read-write (Node opens it in place of the closed descriptor
  // before any of our code runs), the very descriptor spawn's 'ignore' gives; a shell's > /dev/null opens it
  // write-only. So a read-write /dev/null on fd 1 means the report would be lost unasked: refused, exit 1 (Linux).
  test('a closed stdout (>&-) or an ignored one: the report is refused with one line, exit 1; with -o FILE it is written whole', () => {
    const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
    delete env.NODE_OPTIONS;
    if (existsSync('/proc/self/fdinfo')) {
      const look = "const fs=require('fs');process.stderr.write(fs.readlinkSync('/proc/self/fd/1')+' '+/flags:\\s*(\\d+)/.exec(fs.readFileSync('/proc/self/fdinfo/1','utf8'))[1])";
      const closedFd = spawnSync('sh', ['-c', 'exec "$0" -e "$1" >&-', process.execPath, look], {env, encoding: 'utf8'});
      const ignoredFd = spawnSync(process.execPath, ['-e', look], {env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'});
      expect(closedFd.stderr).toMatch(/^\/dev\/null \d+$/);
      expect(closedFd.stderr).toBe(ignoredFd.stderr);
      const lost = /^handoff-assess: could not write to standard output: it is closed or discarded \(>&-, or started with its output ignored\), so the report would be lost; write it to a file with -o FILE, or redirect it \(> report\.md\)\n$/;
      const closed = spawnSync('sh', ['-c', 'exec "$0" "$1" -a "$2" >&-', process.execPath, BIN, ACME], {cwd: ROOT, env, encoding: 'utf8'});
      expect([closed.status, closed.stderr]).toEqual([1, expect.stringMatching(lost)]);
      const ignored = spawnSync(process.execPath, [BIN, '-a', ACME], {cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'});
      expect([ignored.status, ignored.stderr]).toEqual([1, expect.stringMatching(lost)]);
      const compare = spawnSync('sh', ['-c', 'exec "$0" "$1" --compare "$2" "$2" >&-', process.execPath, BIN, ACME], {cwd: ROOT, env, encoding: 'utf8'});
      expect(compare.status).toBe(1);
    }
    const out = join(folder(), 'r.md');
    const r = spawnSync('sh', ['-c', 'exec "$0" "$1" -a "$2" -o "$3" >&-', process.execPath, BIN, ACME, out], {cwd: ROOT, env, encoding: 'utf8'});
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(runCli(['-a', ACME]).stdout);
  });

  test('DEBUG=handoff-assess shows where a failure came from', () => {
    const dir = folder();
    const r = runWithFault(dir, {open: 'EIO'}, ['-a', ACME, '-o', join(dir, 'r.md')]);
    expect(r.code).toBe(1);
    expectOneLine(r.stderr, join(dir, 'r.md'));
    const debug = runCli(['-a', ACME, '-o', join(dir, 'r.md')], {env: {NODE_OPTIONS: `--import ${FAULTS}`, FS_FAULT_DIR: dir, FS_FAULT_OPEN: 'EIO', DEBUG: 'handoff-assess'}});
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});

// Drafts: the store's own functions, in process, with the same faults.
describe('drafts', () => {
  const run = (script: string, env: NodeJS.ProcessEnv) => {
    const base = {...process.env};
    delete base.NODE_OPTIONS;
    return spawnSync(process.execPath, ['--import', FAULTS, DRIVER, ...script.split(' ')], {env: {...base, ...env}, encoding: 'utf8'});
  };
  let DRIVER: string;
  beforeAll(async () => {
    const {build} = await import('esbuild');
    DRIVER = join(work, 'draft-driver.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./fixtures/draft-driver.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: DRIVER,
      banner: {js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);const __filename=new URL(import.meta.url).pathname;"},
      logLevel: 'warning',
    });
  });

  test('a draft that does not fit is not saved: the error names the file and the cause, the last whole save stays and is listed as it was', () => {
    const state = folder();
    expect(run('save 1 small', {HANDOFF_ASSESS_STATE_DIR: state}).status).toBe(0);
    const path = join(state, 'drafts', 'd.yaml');
    const before = readFileSync(path, 'utf8');
    const r = run('save 2 big', {HANDOFF_ASSESS_STATE_DIR: state, FS_FAULT_DIR: join(state, 'drafts'), FS_FAULT_WRITE: 'short'});
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, path, /no space left/i);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(join(state, 'drafts'))).toEqual(['d.yaml']);
    expect(run('list', {HANDOFF_ASSESS_STATE_DIR: state}).stdout).toBe('d Org 1\n');
  });

  test('a draft save fsyncs the drafts folder after the rename', () => {
    const state = folder();
    expect(run('save 1 small', {HANDOFF_ASSESS_STATE_DIR: state}).status).toBe(0);
    const drafts = join(state, 'drafts');
    const log = join(work, `spy-${++n}.log`);
    const base = {...process.env};
    delete base.NODE_OPTIONS;
    const r = spawnSync(process.execPath, ['--import', SPY, DRIVER, 'save', '2', 'small'], {env: {...base, HANDOFF_ASSESS_STATE_DIR: state, ...spyEnv(drafts, log)}, encoding: 'utf8'});
    expect(r.status).toBe(0);
    expectFolderSyncedAfter(spyLog(log), join(drafts, 'd.yaml'), drafts);
  });

  test('a draft that is a symlink inside the drafts folder is never written through', () => {
    const state = folder();
    mkdirSync(join(state, 'drafts'), {mode: 0o700});
    const elsewhere = join(folder(), 'precious.txt');
    writeFileSync(elsewhere, OLD, {mode: 0o644});
    symlinkSync(elsewhere, join(state, 'drafts', 'd.yaml'));
    expect(run('save 1 small', {HANDOFF_ASSESS_STATE_DIR: state}).status).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe(OLD);
    expect(statSync(elsewhere).mode & 0o777).toBe(0o644);
    expect(lstatSync(join(state, 'drafts', 'd.yaml')).isFile()).toBe(true);
  });

  test('a world-writable state folder (no sticky bit) is refused with a message; nothing in it is chmodded', () => {
    const state = folder();
    chmodSync(state, 0o777);
    const other = folder();
    chmodSync(other, 0o755);
    symlinkSync(other, join(state, 'drafts'));
    const r = run('save 1 small', {HANDOFF_ASSESS_STATE_DIR: state});
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, state, /writable by everyone/);
    expect(statSync(other).mode & 0o777).toBe(0o755);
    expect(readdirSync(other)).toEqual([]);
  });

  test('a state folder owned by someone else is refused with a message, never chmodded', () => {
    if (process.getuid?.() !== 0) return; // only root can give a folder away
    const state = folder();
    mkdirSync(join(state, 'drafts'), {mode: 0o755});
    chownSync(state, 65534, 65534);
    const r = run('save 1 small', {HANDOFF_ASSESS_STATE_DIR: state});
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, state, /owned by someone else/);
    expect(statSync(join(state, 'drafts')).mode & 0o777).toBe(0o755);
    expect(existsSync(join(state, 'drafts', 'd.yaml'))).toBe(false);
  });

  test('a world-writable folder with the sticky bit (like /tmp) is accepted', () => {
    const state = folder();
    chmodSync(state, 0o1777);
    expect(run('save 1 small', {HANDOFF_ASSESS_STATE_DIR: state}).status).toBe(0);
    expect(statSync(join(state, 'drafts')).mode & 0o777).toBe(0o700);
  });
});

// The wizard's save dialog: the same writer, in process (test/session/helpers.ts).
describe('saving from the wizard', () => {
  test('a name that is a folder, or a folder that does not exist: the dialog stays open and says why in words, nothing written', async () => {
    const {loadBankDir} = await import('../../src/bank/load-bank.js');
    const {parseAnswers} = await import('../../src/answers/parse-answers.js');
    const {buildSteps, startInterview} = await import('../../src/engine/interview.js');
    const {testSession} = await import('../session/helpers.js');
    const bank = loadBankDir().bank!;
    const answers = parseAnswers(ACME, readFileSync(ACME, 'utf8'), bank).answers!;
    const cwd = folder();
    mkdirSync(join(cwd, 'reports'));
    const t = testSession({bank, cwd, initial: {...startInterview(bank, answers), index: buildSteps(bank).length}});
    t.session.dispatch({type: 'start'});
    t.session.dispatch({type: 'show-result'});
    t.session.dispatch({type: 'save', format: 'md'});
    t.session.dispatch({type: 'save-as', name: 'reports'});
    expect(t.session.state.save).toMatchObject({stage: 'name', error: `Could not save reports: it is a folder, not a regular file. Choose another name.`});
    t.session.dispatch({type: 'save-as', name: 'missing/r.md'});
    expect(t.session.state.save?.error).toBe(`Could not save missing/r.md: the folder ${join(cwd, 'missing')} does not exist (ENOENT); nothing was written. Choose another name.`);
    expect(readdirSync(cwd)).toEqual(['reports']);
    expect(readdirSync(join(cwd, 'reports'))).toEqual([]);
  });
});
