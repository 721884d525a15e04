/** The result: the verdict, the report as plain markdown, and saving it as md, html or json. */
import {existsSync} from 'node:fs';
import {relative, resolve} from 'node:path';
import {confirm, input, select, Separator} from '@inquirer/prompts';
import {words} from '../../engine/flips.js';
import {score} from '../../engine/score.js';
import type {Answers, Bank} from '../../engine/types.js';
import {FileExistsError, writeFileSafely} from '../../store/atomic-write.js';
import type {ReportFormat, WizardContext} from '../types.js';
import type {PlainIo} from './plain-io.js';

const FORMATS: {format: ReportFormat; label: string}[] = [
  {format: 'md', label: 'Markdown'},
  {format: 'html', label: 'HTML (printable page)'},
  {format: 'json', label: 'JSON (for a CRM)'},
];

/** The verdict in words, then the markdown report as it is. */
export function printResult(ctx: WizardContext, answers: Answers, io: PlainIo): void {
  const result = score(ctx.bank, answers);
  const verdict = words(result.recommendation);
  io.say('');
  io.say(`Result: ${verdict.charAt(0).toUpperCase()}${verdict.slice(1)}, ${result.confidence} confidence.`);
  if (result.recommendation === 'not-yet-qualified') io.say(`The answers lean toward ${words(result.lean)}.`);
  io.say('');
  io.raw(`${ctx.renderReport(answers, 'md').trimEnd()}\n\n`);
}

export type ResultChoice = {kind: 'finish'} | {kind: 'review'};

/** Offer to save the report until the user finishes or goes back to the review. Saved paths are pushed to `saved`. */
export async function askSave(ctx: WizardContext, answers: Answers, io: PlainIo, saved: string[]): Promise<ResultChoice> {
  const done = new Set<ReportFormat>();
  for (;;) {
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
    if (value === 'finish') return {kind: 'finish'};
    if (value === 'review') return {kind: 'review'};
    const path = await saveReport(ctx, answers, value as ReportFormat, io);
    if (path) {
      done.add(value as ReportFormat);
      saved.push(path);
    }
  }
}

/** Ask for a file name (the default one first) and write the report there, never replacing a file without asking. */
async function saveReport(ctx: WizardContext, answers: Answers, format: ReportFormat, io: PlainIo): Promise<string | undefined> {
  let text: string;
  try {
    text = ctx.renderReport(answers, format);
  } catch (error) {
    io.say(`The ${format} report could not be made: ${(error as Error).message}`);
    return undefined;
  }
  let name = ctx.defaultFileName(answers, format);
  for (;;) {
    io.say('Enter keeps the name in brackets, Tab edits it; < goes back without saving.');
    const typed = (await io.ask((c) => input({message: 'Save as:', default: name, validate: (v) => (v.trim() ? true : 'Type a file name, e.g. report.md')}, c))).trim();
    if (typed === '<') return undefined;
    const path = resolve(ctx.cwd, typed);
    const shown = relative(ctx.cwd, path).startsWith('..') ? path : relative(ctx.cwd, path);
    let overwrite = false;
    if (existsSync(path)) {
      overwrite = await io.ask((c) => confirm({message: `${shown} already exists. Replace it?`, default: false}, c));
      if (!overwrite) {
        io.say('Kept the existing file. Choose another name.');
        name = typed;
        continue;
      }
    }
    try {
      writeFileSafely(path, text, {overwrite});
      io.say(`Saved ${shown}`);
      return path;
    } catch (error) {
      if (error instanceof FileExistsError) {
        io.say(`${shown} appeared while saving; it was not replaced.`);
      } else {
        io.say(`Could not save ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose another name.`);
      }
      name = typed;
    }
  }
}
