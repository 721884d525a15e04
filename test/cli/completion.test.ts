/**
 * `handoff-assess completion bash|zsh|fish`: every flag the help shows is in
 * every script, --format completes to the report formats, and the bash script,
 * sourced in a real bash, completes flags, formats, files, commands and the
 * ids of saved interviews (asked of the tool itself, through a
 * `handoff-assess` on PATH, as an installed one would be). zsh and fish are
 * checked for syntax when they are installed; otherwise their scripts are
 * checked for the same flags only.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {REPORT_FORMATS} from '../../src/report/report-types.js';
import {BIN, runCli, runInProcess} from './run-cli.js';

let work: string;
let state: string;
let shim: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'handoff-completion-'));
  state = join(work, 'state');
  mkdirSync(join(state, 'drafts'), {recursive: true});
  // Two saved interviews, and what is not one: a hidden file, a lock, another extension.
  for (const name of ['acme-ltd-20261201-0930.yaml', 'globex-20261130-1700.yaml', '.partial.yaml', 'acme-ltd-20261201-0930.lock', 'notes.txt']) writeFileSync(join(state, 'drafts', name), 'organisation: x\n');
  // An installed `handoff-assess`: the scripts call back into it for draft ids.
  shim = join(work, 'bin');
  mkdirSync(shim);
  writeFileSync(join(shim, 'handoff-assess'), `#!/bin/sh\nunset NODE_OPTIONS\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(shim, 'handoff-assess'), 0o755);
  mkdirSync(join(work, 'cwd', 'reports'), {recursive: true});
  writeFileSync(join(work, 'cwd', 'answers-acme.yaml'), '');
  writeFileSync(join(work, 'cwd', 'answers-globex.json'), '');
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

const env = () => ({HANDOFF_ASSESS_STATE_DIR: state});

async function script(shell: string): Promise<string> {
  const run = await runInProcess(['completion', shell], {env: env()});
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

/** The flags `--help` shows a user: ["-a", "--answers", ...]. */
async function helpFlags(args: string[]): Promise<string[]> {
  const {stdout} = await runInProcess([...args, '--help'], {env: env()});
  return [...stdout.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)].flatMap((m) => (m[1] ? [m[1], m[2]] : [m[2]]));
}

describe('the scripts cover the command line', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: every flag of the program and of drafts, the commands, the formats and the draft-id call', async (shell) => {
    const text = await script(shell);
    const rootFlags = await helpFlags([]);
    const draftsFlags = await helpFlags(['drafts']);
    expect(rootFlags).toEqual(expect.arrayContaining(['--plain', '--resume', '-a', '--answers', '-f', '--format', '-o', '--out', '--out-dir', '--compare', '--verify', '--questions', '--template', '--version', '--help']));
    expect(draftsFlags).toContain('--delete');
    // As each shell spells a flag: bash and zsh as typed, fish as -s X / -l NAME.
    const spelled = (flag: string) => (shell !== 'fish' ? flag : flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`);
    for (const flag of [...rootFlags, ...draftsFlags]) expect(text).toMatch(new RegExp(`(^|[\\s'{,])${spelled(flag)}([\\s'},\\[]|$)`, 'm'));
    for (const command of ['drafts', 'completion', 'help']) expect(text).toContain(command);
    expect(text).toContain(REPORT_FORMATS.join(' '));
    expect(text).toContain('handoff-assess completion --list-drafts');
    // The hidden flags stay hidden.
    expect(text).not.toMatch(/-s V\b|[\s'{,]-V[\s'},]/);
    expect(text.split('\n').filter((l) => /list-drafts/.test(l) && !/handoff-assess completion --list-drafts/.test(l))).toEqual([]);
  });

  it.each([
    ['zsh', ['-n']],
    ['fish', ['--no-execute']],
    ['bash', ['-n']],
  ])('%s parses its script when it is installed', async (shell, flags) => {
    const text = await script(shell);
    const file = join(work, `completion.${shell}`);
    writeFileSync(file, text);
    const found = spawnSync(shell, ['-c', 'exit 0']);
    if (found.error) {
      console.log(`${shell} is not installed: its script is checked for the flags only (above)`);
      return;
    }
    const run = spawnSync(shell, [...flags, file], {encoding: 'utf8'});
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('bash completes for real', () => {
  let file: string;
  beforeAll(async () => {
    file = join(work, 'handoff-assess.bash');
    writeFileSync(file, await script('bash'));
  });

  /** What bash offers for the words typed so far (the last one being completed). */
  function complete(...words: string[]): string[] {
    const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
    const program = `source '${file}'\nCOMP_WORDS=(handoff-assess ${quoted}); COMP_CWORD=${words.length}\n_handoff_assess\nprintf '%s\\n' "\${COMPREPLY[@]}"\n`;
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
      cwd: join(work, 'cwd'),
      encoding: 'utf8',
      env: {PATH: `${shim}:${process.env.PATH}`, HOME: work, HANDOFF_ASSESS_STATE_DIR: state},
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout.split('\n').filter(Boolean).sort();
  }

  it('--format and -f: the report formats', () => {
    expect(complete('--format', '')).toEqual([...REPORT_FORMATS].sort());
    expect(complete('-a', 'x.yaml', '-f', 'h')).toEqual(['html']);
    expect(complete('--format', '=', '')).toEqual([...REPORT_FORMATS].sort()); // --format=<tab>
  });

  it('--resume and drafts --delete: the ids in the drafts folder, nothing else in it', () => {
    expect(complete('--resume', '')).toEqual(['acme-ltd-20261201-0930', 'globex-20261130-1700']);
    expect(complete('--resume', 'gl')).toEqual(['globex-20261130-1700']);
    expect(complete('drafts', '--delete', 'a')).toEqual(['acme-ltd-20261201-0930']);
    // --resume takes its id optionally: a flag after it is completed as a flag.
    expect(complete('--resume', '--pl')).toEqual(['--plain']);
  });

  it('flags, commands and their arguments', () => {
    expect(complete('--fo')).toEqual(['--force', '--format']);
    expect(complete('')).toEqual(['completion', 'drafts', 'help']);
    expect(complete('drafts', '--')).toEqual(['--delete', '--help']);
    expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
    expect(complete('help', 'dr')).toEqual(['drafts']);
    // After a flag's value, flags again.
    expect(complete('--answers', 'answers-acme.yaml', '--ou')).toEqual(['--out', '--out-dir']);
  });

  it('file flags complete files; folder flags folders; --compare both of its files; --date nothing', () => {
    expect(complete('--answers', 'answers-')).toEqual(['answers-acme.yaml', 'answers-globex.json']);
    expect(complete('--compare', 'answers-acme.yaml', 'answers-g')).toEqual(['answers-globex.json']);
    expect(complete('--out-dir', '')).toEqual(['reports']);
    expect(complete('--date', '')).toEqual([]);
  });
});

describe('completion as a command', () => {
  it('--list-drafts prints the ids, one a line; no drafts folder: nothing, exit 0', () => {
    const listed = runCli(['completion', '--list-drafts'], {env: env()});
    expect(listed).toMatchObject({code: 0, stdout: 'acme-ltd-20261201-0930\nglobex-20261130-1700\n', stderr: ''});
    const none = runCli(['completion', '--list-drafts'], {env: {HANDOFF_ASSESS_STATE_DIR: join(work, 'no-such-state')}});
    expect(none).toMatchObject({code: 0, stdout: '', stderr: ''});
  });

  it('an unknown shell, none, or two: exit 2 naming the shells, nothing on stdout', async () => {
    const unknown = await runInProcess(['completion', 'powershell'], {env: env()});
    expect(unknown).toMatchObject({code: 2, stdout: ''});
    expect(unknown.stderr).toBe("handoff-assess: no completion for the shell 'powershell': the shells are bash, zsh or fish; see handoff-assess completion --help\n");
    const none = await runInProcess(['completion'], {env: env()});
    expect(none).toMatchObject({code: 2, stdout: ''});
    expect(none.stderr).toMatch(/^handoff-assess: completion needs a shell, bash, zsh or fish: e\.g\. handoff-assess completion bash/);
    const two = await runInProcess(['completion', 'bash', 'zsh'], {env: env()});
    expect(two).toMatchObject({code: 2, stdout: ''});
  });

  it('is listed in the help; --list-drafts is not', async () => {
    const {stdout} = await runInProcess(['--help'], {env: env()});
    expect(stdout).toMatch(/^ {2}completion .*shell completion script/m);
    const own = await runInProcess(['help', 'completion'], {env: env()});
    expect(own.stdout).toContain('bash, zsh or fish');
    expect(own.stdout).not.toContain('list-drafts');
  });
});
