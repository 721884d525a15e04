/**
 * The plain mode refuses a note one character over the engine's limit, typed
 * in full at both places a note is typed. Here rather than in
 * test/ui/plain/run-plain.test.ts because @inquirer/prompts redraws the whole
 * line on every key: 4,001 keys take tens of seconds of wrapping.
 */
import {afterEach, beforeEach, expect, test} from '@jest/globals';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadBankDir} from '../../src/bank/load-bank.js';
import {MAX_NOTE_LENGTH} from '../../src/engine/interview.js';
import {runPlain} from '../../src/ui/plain/run-plain.js';
import {outcomeOf, testSession} from '../session/helpers.js';
import {FakeTerminal, KEY} from '../ui/plain/fake-terminal.js';

const bank = loadBankDir().bank!;
let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'ha-long-note-'));
});
afterEach(() => rmSync(cwd, {recursive: true, force: true}));

test('a note longer than the engine allows is refused with its message and asked for again; nothing is stored', async () => {
  const term = new FakeTerminal();
  const {session, changes} = testSession({bank, cwd, renderReport: () => ''});
  const outcome = runPlain(session, {stdin: term.input as unknown as NodeJS.ReadStream, stdout: term.output as unknown as NodeJS.WriteStream}).then(
    () => outcomeOf(session)!,
  );
  await term.waitFor('? Which organisation is this assessment for?');
  await term.line(`:note ${'x'.repeat(MAX_NOTE_LENGTH + 1)}`);
  await term.waitFor(`Please keep the note to at most ${MAX_NOTE_LENGTH} characters (now ${MAX_NOTE_LENGTH + 1}).`);
  await term.waitFor('? Note on');
  expect(changes).toHaveLength(0);
  // The note prompt checks it too.
  await term.line('y'.repeat(MAX_NOTE_LENGTH + 1));
  await term.waitFor(`Please keep the note to at most ${MAX_NOTE_LENGTH} characters`);
  await term.press(KEY.ctrlU);
  await term.line('Call back on Tuesday');
  await term.waitFor('Note saved.');
  await term.press(KEY.ctrlC);
  const end = await outcome;
  expect(end.state.answers.notes).toEqual({organisation: 'Call back on Tuesday'});
});
