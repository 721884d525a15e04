/** `--verify REPORT`: is the report as generated? Loaded only on that path; marked only for an HTML report. */
import {displayPath} from '../files/paths.js';
import {EXIT} from '../cli-errors.js';
import {stripControls} from '../report/escape.js';
import {findBlock} from '../report/embed.js';
import {verifyPdfReport, verifyReport} from '../report/verify.js';
import type {Io} from './io.js';
import {loadBank, loadTemplate} from './load-bank-and-template.js';
import type {Options} from './options.js';
import {readReport} from './read-input.js';
import {htmlConverter} from './report-io.js';

export async function runVerify(file: string, opts: Options, io: Io): Promise<number> {
  const bank = await loadBank(opts.questions);
  const content = readReport(file, 'report');
  const {intact, checks} =
    typeof content === 'string'
      ? verifyReport(displayPath(file), content, bank, loadTemplate(opts.template), await htmlConverter(findBlock(content)?.data?.format))
      : await verifyPdfReport(displayPath(file), content, bank, loadTemplate(opts.template));
  // A check quotes the report and the bank; the file name is the user's: all cleaned for the terminal.
  const say = (text: string) => io.stdout.write(stripControls(text));
  for (const check of checks) say(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.text}\n`);
  const failed = checks.filter((c) => !c.ok);
  if (intact) say(`${displayPath(file)} is intact.\n`);
  else if (failed.every((c) => c.unconfirmed)) say(`${displayPath(file)} cannot be confirmed as generated: its text was not rendered again (see above).\n`);
  else say(`${displayPath(file)} does not match what handoff-assess generated.\n`);
  return intact ? EXIT.ok : EXIT.verifyFailed;
}
