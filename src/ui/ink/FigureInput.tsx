import {Box} from 'ink';
import {figureHint} from '../../engine/baseline.js';
import type {BaselineSpec} from '../../engine/types.js';
import {Paragraph} from './Paragraph.js';
import {Refusal} from './Refusal.js';
import {useScrollFocus} from './ScrollArea.js';
import type {TextBuffer} from './text-buffer.js';
import {TextInput} from './TextInput.js';
import {useTheme} from './use-theme.js';

export interface FigureInputProps {
  /** The axis's figure: its question, unit and format. */
  spec: BaselineSpec;
  buffer: TextBuffer;
  /** Why the last figure typed was refused. */
  error?: string;
  /** A figure was given before: blank keeps it. */
  stored: boolean;
}

/** The optional baseline figure asked after a matrix answer: the bank's question, the format, the field. */
export function FigureInput({spec, buffer, error, stored}: FigureInputProps) {
  const theme = useTheme();
  const focus = useScrollFocus('note');
  return (
    <Box ref={focus} flexDirection="column" flexGrow={1} borderStyle="round" borderColor={theme.color.accent} paddingX={1}>
      <Paragraph bold>{spec.prompt}</Paragraph>
      <Paragraph color={theme.color.muted}>{figureHint(spec, stored)}</Paragraph>
      <TextInput buffer={buffer} placeholder={spec.kind === 'change' ? `now, before (${spec.unit})` : spec.unit} />
      <Refusal message={error} />
    </Box>
  );
}
