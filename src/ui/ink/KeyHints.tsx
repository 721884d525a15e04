import {Box, Text} from 'ink';
import {HINT_SEPARATOR, type Hint} from './layout.js';
import {useTheme} from './use-theme.js';

export interface KeyHintsProps {
  /** Hints already packed into lines (layout.packHints). */
  lines: Hint[][];
}

/** The key-hint footer: the key in bold, what it does dimmed. */
export function KeyHints({lines}: KeyHintsProps) {
  const theme = useTheme();
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.map((h, j) => (
            <Text key={h.keys + h.hint}>
              {j > 0 ? HINT_SEPARATOR : ''}
              <Text bold>{h.keys}</Text>
              <Text color={theme.color.muted}> {h.hint}</Text>
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
