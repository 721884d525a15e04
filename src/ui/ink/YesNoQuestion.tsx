import {Box} from 'ink';
import type {Step} from '../../engine/interview.js';
import {YESNO_LABELS} from '../../session/copy.js';
import {OptionList} from './OptionList.js';
import {YESNO_OPTIONS} from './question-draft.js';
import {Paragraph} from './Paragraph.js';
import {useTheme} from './use-theme.js';

export interface YesNoQuestionProps {
  step: Step;
  cursor: number;
  /** Show the one-line explanation (default true). */
  explain?: boolean;
}

/** A disqualifier: its one-line explanation, then yes or no (nothing highlighted until one is chosen). */
export function YesNoQuestion({step, cursor, explain = true}: YesNoQuestionProps) {
  const theme = useTheme();
  // The answer to the question as asked; the number is the key that gives it.
  const items = YESNO_OPTIONS.map((v, i) => ({key: String(i + 1), label: v ? YESNO_LABELS.yes : YESNO_LABELS.no}));
  return (
    <Box flexDirection="column">
      {explain && step.explanation ? <Paragraph color={theme.color.muted}>{step.explanation}</Paragraph> : null}
      <Box marginTop={explain && step.explanation ? 1 : 0}>
        <OptionList items={items} cursor={cursor} />
      </Box>
    </Box>
  );
}
