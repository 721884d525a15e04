import {Box, Text} from 'ink';
import {cellWidth} from './cells.js';
import type {Frame} from './layout.js';
import {ProgressBar} from './ProgressBar.js';
import {useTheme} from './use-theme.js';

export interface HeaderProps {
  /** Where the user is, e.g. "Decision matrix · 2 of 5". */
  title: string;
  answered: number;
  total: number;
  frame: Frame;
}

/** How many lines the header takes in a frame. */
export function headerHeight(frame: Frame): number {
  return frame.narrow ? 2 : 1;
}

/** Section and step, and a progress bar of the questions answered. Always on screen. */
export function Header({title, answered, total, frame}: HeaderProps) {
  const theme = useTheme();
  const count = ` ${answered}/${total}`;
  const fraction = total ? answered / total : 0;
  if (frame.narrow) {
    return (
      <Box flexDirection="column">
        <Text bold color={theme.color.accent} wrap="truncate-end">
          {title}
        </Text>
        <Text>
          <ProgressBar fraction={fraction} width={frame.width - count.length} />
          <Text color={theme.color.muted}>{count}</Text>
        </Text>
      </Box>
    );
  }
  const bar = Math.min(40, frame.width - cellWidth(title) - count.length - 3);
  return (
    <Box justifyContent="space-between" flexGrow={1}>
      <Text bold color={theme.color.accent} wrap="truncate-end">
        {title}
      </Text>
      <Text>
        <ProgressBar fraction={fraction} width={bar} />
        <Text color={theme.color.muted}>{count}</Text>
      </Text>
    </Box>
  );
}
