/**
 * Issue 5, item 7: no network. The report path (every format, --out, batch,
 * --verify, --compare) and the wizard path (Ink and plain, in tmux, to a saved
 * report) run with a preload hook (fixtures/net-spy.mjs) that records every
 * async resource the process creates, every connect() and fetch(), and the
 * built-in modules loaded. None may create a TCP, UDP, DNS, TLS or HTTP
 * resource, call connect() or fetch(), or load http, https, http2, tls, dns or
 * undici. (Node itself loads `net` and `dgram` for its stdio pipes and
 * terminals; they open no socket, which the resource list shows.)
 */
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sh, tmuxAvailable, TmuxSession} from '../e2e/tmux.js';
import {BIN, ROOT} from './harness.js';

const SPY = join(ROOT, 'test', 'hardening', 'fixtures', 'net-spy.mjs');
const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
const NETWORK_RESOURCES = /^(TCP\w*|UDP\w*|GETADDRINFOREQWRAP|GETNAMEINFOREQWRAP|QUERYWRAP|TLSWRAP|HTTP\w*|HTTPCLIENTREQUEST|HTTPINCOMINGMESSAGE|Http2\w*|QUIC\w*)$/;
const NETWORK_MODULES = /^(http|https|http2|_http_\w+|tls|_tls_\w+|dns|dns\/promises|internal\/deps\/undici\/undici|internal\/http2\/\w+)$/;

let work: string;
let n = 0;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'ha-nonet-'));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

type Spied = {types: string[]; calls: string[]; builtins: string[]};
const read = (log: string): Spied => JSON.parse(readFileSync(log, 'utf8'));

function assertOffline(spied: Spied) {
  expect(spied.types.filter((t) => NETWORK_RESOURCES.test(t))).toEqual([]);
  expect(spied.calls).toEqual([]);
  expect(spied.builtins.filter((m) => NETWORK_MODULES.test(m))).toEqual([]);
}

function spiedRun(args: string[], input?: string) {
  const log = join(work, `spy-${++n}.json`);
  const env = {...process.env, NET_SPY_LOG: log, NODE_OPTIONS: `--import ${SPY}`, NO_COLOR: '1'};
  const r = spawnSync(process.execPath, [BIN, ...args], {cwd: work, env, input: input ?? '', encoding: 'utf8', timeout: 20_000});
  return {code: r.status, stderr: r.stderr, spied: read(log)};
}

describe('the report path opens no connection', () => {
  test('the spy sees what it should: a real socket is recorded', () => {
    const log = join(work, 'control.json');
    const r = spawnSync(process.execPath, ['--import', SPY, '-e', "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"], {env: {...process.env, NET_SPY_LOG: log}, encoding: 'utf8'});
    expect(r.status).toBe(0);
    const spied = read(log);
    expect(spied.types.some((t) => NETWORK_RESOURCES.test(t))).toBe(true);
    expect(spied.calls.length).toBeGreaterThan(0);
  });

  test.each([
    ['markdown to stdout', ['--answers', EXAMPLE]],
    ['HTML to a file', ['--answers', EXAMPLE, '--format', 'html', '--out', 'r.html']],
    ['PDF to a file (pdfmake: URL and file access refused, nothing fetched)', ['--answers', EXAMPLE, '--format', 'pdf', '--out', 'r.pdf']],
    ['JSON from stdin', ['--answers', '-', '--format', 'json']],
    ['batch', ['--answers', join(ROOT, 'examples'), '--out-dir', 'batch']],
    ['--compare', ['--compare', EXAMPLE, EXAMPLE]],
    ['invalid input (exit 2)', ['--answers', join(ROOT, 'package.json')]],
  ])('%s', (_name, args) => {
    const input = args.includes('-') ? readFileSync(EXAMPLE, 'utf8') : undefined;
    const {code, spied} = spiedRun(args as string[], input);
    expect([0, 2]).toContain(code);
    assertOffline(spied);
  });

  test('--verify of a report just made', () => {
    expect(spiedRun(['--answers', EXAMPLE, '--out', 'v.md', '--force']).code).toBe(0);
    const {code, spied} = spiedRun(['--verify', join(work, 'v.md')]);
    expect(code).toBe(0);
    assertOffline(spied);
  });
});

const describeTmux = tmuxAvailable() ? describe : describe.skip;

describeTmux('the wizard path opens no connection (tmux)', () => {
  afterAll(() => TmuxSession.killServer());

  test('the Ink wizard, resumed at the review, to the result and a saved HTML report', async () => {
    const dir = join(work, 'ink');
    mkdirSync(dir);
    // A complete draft from the report path's example.
    const state = join(dir, 'state');
    mkdirSync(join(state, 'drafts'), {recursive: true});
    const draft = readFileSync(EXAMPLE, 'utf8') + 'draft:\n  position: review\n  saved: 2026-03-01T12:00:00.000Z\n';
    writeFileSync(join(state, 'drafts', 'acme.yaml'), draft, {mode: 0o600});
    const log = join(dir, 'spy.json');
    const t = new TmuxSession({command: `node --import ${sh(SPY)} ${sh(BIN)} --resume acme`, cwd: dir, env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color', NET_SPY_LOG: log}, width: 100, height: 30}).start();
    try {
      await t.waitFor('Press enter to continue.');
      t.key('Enter');
      await t.waitFor('See the result');
      t.key('r');
      await t.waitFor('Handoff risk assessment: Acme Ltd');
      t.key('h');
      await t.waitFor('Save the report as');
      t.key('Enter');
      await t.waitFor(/Saved\s+\/[\s\S]{0,200}?handoff-assessment-acme-ltd/); // the full path
      t.key('q');
      expect(await t.exitCode()).toBe(0);
    } finally {
      t.kill();
    }
    expect(existsSync(log)).toBe(true);
    assertOffline(read(log));
  }, 60_000);

  test('the plain mode (TERM=dumb) to the first question and Ctrl-C', async () => {
    const dir = join(work, 'plain');
    mkdirSync(dir);
    const log = join(dir, 'spy.json');
    const t = new TmuxSession({command: `node --import ${sh(SPY)} ${sh(BIN)}`, cwd: dir, env: {HANDOFF_ASSESS_STATE_DIR: join(dir, 'state'), TERM: 'dumb', NET_SPY_LOG: log}}).start();
    try {
      await t.waitFor('? Which organisation is this assessment for?');
      await t.type('Offline Ltd');
      t.key('Enter');
      await t.waitFor('? Who is running the assessment?');
      t.key('C-c');
      expect(await t.exitCode()).toBe(130);
    } finally {
      t.kill();
    }
    assertOffline(read(log));
  }, 60_000);
});
