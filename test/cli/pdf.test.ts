/**
 * `--format pdf` through the CLI (main(argv, io) in-process): the format from -o's
 * extension, a conflicting -f refused, a PDF never to a terminal, replay and verify from
 * a PDF, a batch of PDFs.
 */
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Writable} from 'node:stream';
import {main, type Io} from '../../src/cli.js';
import {findPdfBlock} from '../../src/report/embed.js';
import {ROOT, runInProcess} from './run-cli.js';

const EXAMPLE = join(ROOT, 'examples', 'acme.yaml');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'handoff-pdf-'));
});
afterEach(() => {
  rmSync(dir, {recursive: true, force: true});
});

const cli = (args: string[]) => runInProcess(args, {cwd: ROOT, timeoutMs: 60_000});

describe('--format pdf', () => {
  it('-o report.pdf writes a PDF (the format from the extension); --answers report.pdf replays it to the same markdown; --verify passes', async () => {
    const out = join(dir, 'report.pdf');
    const run = await cli(['--answers', EXAMPLE, '-o', out, '--date', '2026-03-01']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Written to ${out}`);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(findPdfBlock(bytes)?.data?.date).toBe('2026-03-01');

    const replay = await cli(['--answers', out]);
    const direct = await cli(['--answers', EXAMPLE, '--date', '2026-03-01']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(direct.stdout);

    const verify = await cli(['--verify', out]);
    expect(verify.stdout).not.toContain('FAIL');
    expect(verify.stdout).toContain('report.pdf is intact.');
    expect(verify.code).toBe(0);
  });

  it('--verify on a PDF whose page was edited fails with the exit code of an edited markdown report (3)', async () => {
    const out = join(dir, 'report.pdf');
    expect((await cli(['--answers', EXAMPLE, '-o', out, '--date', '2026-03-01'])).code).toBe(0);
    const bytes = readFileSync(out);
    const at = bytes.indexOf('stream\n') + 30;
    bytes[at] = bytes[at]! ^ 0x20;
    writeFileSync(out, bytes);
    const verify = await cli(['--verify', out]);
    expect(verify.code).toBe(3);
    expect(verify.stdout).toMatch(/FAIL {2}The PDF was changed after it was generated/);
    expect(verify.stdout).toContain('does not match what handoff-assess generated');
  });

  it('-o x.pdf with -f html is refused (exit 2), nothing written', async () => {
    const out = join(dir, 'x.pdf');
    const run = await cli(['--answers', EXAMPLE, '-o', out, '-f', 'html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^handoff-assess: -f html and --out .*x\.pdf disagree: the file name says pdf/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('to a terminal a PDF is refused with the ways that work; to a pipe it is written', async () => {
    const chunks: Buffer[] = [];
    const stdout = Object.assign(
      new Writable({
        write(chunk: Buffer, _e, cb) {
          chunks.push(Buffer.from(chunk));
          cb();
        },
      }),
      {isTTY: true},
    );
    const stderr = {text: '', write(t: string) {
      this.text += t;
      return true;
    }};
    const io = {stdin: process.stdin, stdout, stderr, cwd: ROOT, env: {NO_COLOR: '1'}, now: () => new Date(2026, 2, 1)} as unknown as Io;
    const code = await main(['--answers', EXAMPLE, '-f', 'pdf'], io);
    process.exitCode = undefined;
    expect(code).toBe(2);
    expect(stderr.text).toMatch(/^handoff-assess: a PDF report is binary and standard output is a terminal: write it to a file with -o report\.pdf/);
    expect(chunks).toEqual([]);

    stdout.isTTY = false;
    expect(await main(['--answers', EXAMPLE, '-f', 'pdf', '-o', '-', '--date', '2026-03-01'], io)).toBe(0);
    process.exitCode = undefined;
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a batch with --format pdf writes a PDF for each answers file, and reads PDF reports back in', async () => {
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    copyFileSync(EXAMPLE, join(inDir, 'acme.yaml'));
    copyFileSync(join(ROOT, 'test/fixtures/profiles/saas-manage.yaml'), join(inDir, 'saas.yaml'));
    const outDir = join(dir, 'out');
    const run = await cli(['--answers', inDir, '--out-dir', outDir, '--format', 'pdf', '--date', '2026-03-01']);
    expect(run.code).toBe(0);
    const written = readdirSync(outDir).sort();
    expect(written).toHaveLength(2);
    for (const f of written) {
      expect(f).toMatch(/\.pdf$/);
      expect(readFileSync(join(outDir, f)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // The PDFs as the input of a markdown batch: their answers replayed.
    const again = await cli(['--answers', outDir, '--out-dir', join(dir, 'md'), '--format', 'md']);
    expect(again.code).toBe(0);
    expect(readdirSync(join(dir, 'md'))).toHaveLength(2);
  });
});
