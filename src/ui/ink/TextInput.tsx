import {Box, Text} from 'ink';
import {graphemeAround, type TextBuffer} from './text-buffer.js';
import {useTheme} from './use-theme.js';

export interface TextInputProps {
  buffer: TextBuffer;
  /** Shown dimmed while the field is empty. */
  placeholder?: string;
}

/**
 * A one-line text field that wraps when long. The cursor is an inverse cell,
 * or a bar without colour (NO_COLOR turns every style off, inverse too).
 * Keys are handled by the reducer.
 */
export function TextInput({buffer, placeholder}: TextInputProps) {
  const theme = useTheme();
  const chars = [...buffer.value];
  const before = chars.slice(0, buffer.cursor).join('');
  // The cursor cell is the whole character under it (👍🏽 is two code points, one character).
  const end = graphemeAround(buffer.value, buffer.cursor).next;
  const at = chars.slice(buffer.cursor, end).join('') || ' ';
  const after = chars.slice(Math.max(end, buffer.cursor + 1)).join('');
  return (
    <Box>
      <Box flexShrink={0}>
        <Text color={theme.color.accent}>{'› '}</Text>
      </Box>
      <Box flexShrink={1}>
        {theme.noColor ? (
          <Text>
            {before}|{chars.slice(buffer.cursor).join('')}
            {chars.length === 0 && placeholder ? ` ${placeholder}` : ''}
          </Text>
        ) : chars.length === 0 && placeholder ? (
          <Text>
            <Text inverse> </Text>
            <Text color={theme.color.muted}>{placeholder}</Text>
          </Text>
        ) : (
          <Text>
            {before}
            <Text inverse>{at}</Text>
            {after}
          </Text>
        )}
      </Box>
    </Box>
  );
}
