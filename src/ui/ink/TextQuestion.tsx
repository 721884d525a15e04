import {Box, Text} from 'ink';
import {splitList, type Step} from '../../engine/interview.js';
import type {TextBuffer} from './text-buffer.js';
import {TextInput} from './TextInput.js';
import {useTheme} from './use-theme.js';

export interface TextQuestionProps {
  step: Step;
  buffer: TextBuffer;
}

/** A text or list (comma-separated) question. A list shows the names it has understood so far. */
export function TextQuestion({step, buffer}: TextQuestionProps) {
  const theme = useTheme();
  const items = step.kind === 'list' ? splitList(buffer.value) : [];
  return (
    <Box flexDirection="column">
      <TextInput buffer={buffer} placeholder={step.placeholder ? `e.g. ${step.placeholder}` : undefined} />
      {step.kind === 'list' && items.length > 0 ? (
        <Text color={theme.color.muted}>
          {items.length} {items.length === 1 ? 'name' : 'names'}: {items.join(' · ')}
        </Text>
      ) : null}
      {!step.required ? <Text color={theme.color.muted}>Optional: enter on an empty line skips it.</Text> : null}
    </Box>
  );
}
