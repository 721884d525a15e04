/** `--resume` with several saved interviews: the newest, one line each, to pick the one to continue. */
import {Box, Text, useApp, useInput} from 'ink';
import {useRef, useState} from 'react';
import {resumePickText} from '../../session/copy.js';
import type {DraftPick, PickedDraft} from '../../session/resume-pick.js';
import {isEnter} from './keymap.js';
import {OptionList} from './OptionList.js';
import {Paragraph} from './Paragraph.js';
import {useTheme} from './use-theme.js';

export interface DraftPickerProps {
  pick: DraftPick;
  /** The command that lists every draft, for the line about older ones. */
  listCommand: string;
  /** Called once: the draft picked and what to do with it (enter or a number: continue; r: another respondent on its workflow), or undefined (esc, ctrl+c). */
  onDone(picked: PickedDraft | undefined): void;
}

export function DraftPicker({pick, listCommand, onDone}: DraftPickerProps) {
  const theme = useTheme();
  const {exit} = useApp();
  // The cursor the keys act on lives in a ref: keys that arrive together (down, then enter)
  // are handled before React renders again, and a handler reading state would still see
  // the old cursor and continue another interview than the one highlighted.
  const at = useRef(0);
  const [cursor, setCursor] = useState(0);
  const move = (to: number) => setCursor((at.current = to));
  const text = resumePickText(pick.choices.length, pick.more, listCommand);
  const n = pick.choices.length;
  const done = (picked: PickedDraft | undefined) => {
    onDone(picked);
    exit();
  };
  const resume = (i: number): PickedDraft => ({path: pick.choices[i]!.path, as: 'resume'});
  useInput((input, key) => {
    if ((key.ctrl && input === 'c') || key.escape || input === 'q') return done(undefined);
    if (key.upArrow || input === 'k') return move((at.current + n - 1) % n);
    if (key.downArrow || input === 'j') return move((at.current + 1) % n);
    if (isEnter(input, key)) return done(resume(at.current));
    if (input === 'r') return done({path: pick.choices[at.current]!.path, as: 'respondent'});
    const number = Number(input);
    if (Number.isInteger(number) && number >= 1 && number <= n) return done(resume(number - 1));
  });
  return (
    <Box flexDirection="column">
      <Paragraph bold color={theme.color.accent}>
        {text.title}
      </Paragraph>
      <Box marginTop={1}>
        <OptionList items={pick.choices.map((c, i) => ({key: String(i + 1), label: c.label}))} cursor={cursor} />
      </Box>
      {text.more ? (
        <Box marginTop={1}>
          <Paragraph color={theme.color.muted}>{text.more}</Paragraph>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text color={theme.color.muted}>↑↓ move · enter continue · 1-{n} pick · r another respondent on its workflow · esc quit</Text>
      </Box>
    </Box>
  );
}
