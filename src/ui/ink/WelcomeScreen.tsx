import {Box, Text} from 'ink';
import {SECTION_TITLES} from '../../engine/interview.js';
import type {Bank} from '../../engine/types.js';
import {WELCOME_KEYS} from './keymap.js';
import type {Frame} from './layout.js';
import {Paragraph} from './Paragraph.js';
import {useTheme} from './use-theme.js';

export interface WelcomeScreenProps {
  bank: Bank;
  total: number;
  answered: number;
  /** When resuming: the question the interview continues at ("Review" when all are answered). */
  resumeAt?: string;
  frame: Frame;
}

/** What the assessment does, how long it takes, and the keys. */
export function WelcomeScreen({bank, total, answered, resumeAt, frame}: WelcomeScreenProps) {
  const theme = useTheme();
  const gap = frame.short ? 0 : 1;
  const parts = [SECTION_TITLES.context, SECTION_TITLES.matrix, SECTION_TITLES.signals, SECTION_TITLES.disqualifiers].map((t) => t.toLowerCase());
  const keyWidth = Math.max(...WELCOME_KEYS.map((k) => k.keys.length)) + 2;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color.accent}>
        {bank.meta.title}
      </Text>
      <Paragraph>{bank.meta.description}</Paragraph>
      <Box marginTop={gap} flexDirection="column">
        <Paragraph>
          About 10 minutes: {total} questions in four parts ({parts.join(', ')}), then a review of every answer and the report.
        </Paragraph>
        <Paragraph color={theme.color.muted}>Each answer is saved as you go; ctrl+c pauses, and you can resume later.</Paragraph>
      </Box>
      {resumeAt ? (
        <Box marginTop={gap}>
          <Paragraph color={theme.color.success}>
            Welcome back: {answered} of {total} answered. Enter continues at “{resumeAt}”.
          </Paragraph>
        </Box>
      ) : null}
      <Box marginTop={gap} flexDirection="column">
        <Text bold>Keys</Text>
        {WELCOME_KEYS.map((k) => (
          <Box key={k.keys}>
            <Box width={keyWidth} flexShrink={0}>
              <Text bold>{k.keys}</Text>
            </Box>
            <Box flexShrink={1}>
              <Paragraph>{k.does}</Paragraph>
            </Box>
          </Box>
        ))}
      </Box>
      <Box marginTop={gap}>
        <Text bold color={theme.color.accent}>
          Press enter to {resumeAt ? 'continue' : 'start'}.
        </Text>
      </Box>
    </Box>
  );
}
