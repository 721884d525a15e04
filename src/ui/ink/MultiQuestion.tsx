import {Box, Text} from 'ink';
import type {Step} from '../../engine/interview.js';
import {OptionList} from './OptionList.js';
import {useTheme} from './use-theme.js';

export interface MultiQuestionProps {
  step: Step;
  cursor: number;
  selected: string[];
}

/** A signal checklist: space or a number ticks a statement, enter confirms; none ticked is an answer too. */
export function MultiQuestion({step, cursor, selected}: MultiQuestionProps) {
  const theme = useTheme();
  const options = step.options ?? [];
  const items = options.map((o, i) => ({key: String(i + 1), label: o.label, checked: selected.includes(o.value)}));
  return (
    <Box flexDirection="column">
      <OptionList items={items} cursor={cursor} />
      <Text color={theme.color.muted}>
        {selected.length ? `${selected.length} of ${options.length} ticked` : 'None ticked: enter confirms "none of these"'}
      </Text>
    </Box>
  );
}
