/** The plain mode's pick of a saved interview (`--resume` with several): a numbered list, one line each. */
import {rawlist} from '@inquirer/prompts';
import {commandLine} from '../../invocation.js';
import {resumePickText} from '../../session/copy.js';
import type {DraftPicker} from '../types.js';
import {isCancel, plainIo, wrap} from './plain-io.js';

export const pickDraftPlain: DraftPicker = async (pick, options) => {
  const io = plainIo(options.stdin, options.stdout, options.signal);
  const text = resumePickText(pick.choices.length, pick.more, commandLine('drafts', options.env));
  if (text.more) io.say(wrap(text.more, io.columns));
  // The last entry: another respondent on one of these workflows, then which (issue 14).
  const RESPONDENT = '\0respondent';
  const drafts = pick.choices.map((choice) => ({name: choice.label, value: choice.path}));
  try {
    const path = await io.ask((c) => rawlist<string>({message: wrap(text.title, io.columns), choices: [...drafts, {name: text.respondent, value: RESPONDENT}], loop: false}, c));
    if (path !== RESPONDENT) return {path, as: 'resume'};
    const of = await io.ask((c) => rawlist<string>({message: wrap(text.respondentTitle, io.columns), choices: drafts, loop: false}, c));
    return {path: of, as: 'respondent'};
  } catch (error) {
    if (isCancel(error)) return undefined;
    throw error;
  }
};
