/** The result: the verdict, the report as plain markdown, and saving it as md, html or json. */
import {confirm, input, select, Separator} from '@inquirer/prompts';
import {displayPath} from '../../files/paths.js';
import {words} from '../../engine/flips.js';
import type {Session} from '../../session/runner.js';
import type {SessionEvent, SessionState} from '../../session/session.js';
import type {ReportFormat} from '../../report/report-types.js';
import type {PlainIo} from './plain-io.js';

const FORMATS: {format: ReportFormat; label: string}[] = [
  {format: 'md', label: 'Markdown'},
  {format: 'html', label: 'HTML (printable page)'},
  {format: 'json', label: 'JSON (for a CRM)'},
  {format: 'pdf', label: 'PDF (A4, for the client)'},
];

/** The verdict in words, then the markdown report as it is. */
export function printResult(state: SessionState, io: PlainIo): void {
  const report = state.report!;
  const {result} = report;
  const verdict = words(result.recommendation);
  io.say('');
  io.say(`Result: ${verdict.charAt(0).toUpperCase()}${verdict.slice(1)}, ${result.confidence} confidence.`);
  if (result.recommendation === 'not-yet-qualified' || result.recommendation === 'insufficient-evidence') io.say(`The answers lean toward ${words(result.lean)}.`);
  io.say('');
  if (report.markdown !== undefined) io.raw(`${report.markdown.trimEnd()}\n\n`);
  else io.say(`The report could not be made: ${report.failure ?? 'unknown error'}`);
}

/** Offer to save the report until the user finishes or goes back to the review. */
export async function askSave(session: Session, io: PlainIo, send: (event: SessionEvent) => SessionState): Promise<void> {
  const done = new Set<ReportFormat>();
  while (session.state.stage === 'result') {
    const value = await io.ask((c) =>
      select<string>(
        {
          message: 'Save the report?',
          choices: [
            ...FORMATS.map((f) => ({value: f.format, name: `Save as ${f.label}${done.has(f.format) ? ' (saved)' : ''}`})),
            new Separator(),
            {value: 'finish', name: 'Finish'},
            {value: 'review', name: '← Back to the review to change an answer'},
          ],
          default: done.size ? 'finish' : 'md',
          loop: false,
          theme: {indexMode: 'number'},
        },
        c,
      ),
    );
    if (value === 'review') {
      send({type: 'back'});
      return;
    }
    if (value === 'finish') {
      const next = send({type: 'finish'});
      if (next.notice?.kind === 'finish-unsaved') io.say(`${next.notice.text} Choose Finish again to finish without one.`);
      continue;
    }
    send({type: 'save', format: value as ReportFormat});
    if (await saveDialog(session, io, send)) done.add(value as ReportFormat);
  }
}

/** Wait for a report being written (a PDF takes a moment), saying so. */
async function settled(session: Session, io: PlainIo): Promise<void> {
  if (!session.state.save?.writing) return;
  io.say('Making the PDF...');
  await session.idle();
}

/** Ask for the file name (the offered one first) until the report is written or the user goes back; true once written. */
async function saveDialog(session: Session, io: PlainIo, send: (event: SessionEvent) => SessionState): Promise<boolean> {
  const {cwd} = session.config;
  for (let save = session.state.save; save; save = session.state.save) {
    if (save.stage === 'confirm') {
      const replace = await io.ask((c) => confirm({message: `${displayPath(save!.path!, cwd)} already exists. Replace it?`, default: false}, c));
      if (!replace) io.say('Kept the existing file. Choose another name.');
      send({type: 'overwrite', replace});
      await settled(session, io);
      continue;
    }
    if (save.error) io.say(save.error);
    io.say('Enter keeps the name in brackets, Tab edits it; < goes back without saving.');
    const typed = (await io.ask((c) => input({message: 'Save as:', default: save!.name, validate: (v) => (v.trim() ? true : 'Type a file name, e.g. report.md')}, c))).trim();
    if (typed === '<') {
      send({type: 'cancel-save'});
      return false;
    }
    send({type: 'save-as', name: typed});
    await settled(session, io);
  }
  const notice = session.state.notice;
  if (notice) io.say(notice.text);
  return notice?.kind === 'saved';
}
