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
  try {
    return await io.ask((c) =>
      rawlist<string>(
        {
          message: wrap(text.title, io.columns),
          choices: pick.choices.map((choice) => ({name: choice.label, value: choice.path})),
          loop: false,
        },
        c,
      ),
    );
  } catch (error) {
    if (isCancel(error)) return undefined;
    throw error;
  }
};
