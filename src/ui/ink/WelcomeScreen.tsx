import {Box, Text} from 'ink';
import type {Step} from '../../engine/interview.js';
import {respondentText, resumeText, welcomeText} from '../../session/copy.js';
import type {Answers, Bank} from '../../engine/types.js';
import {WELCOME_KEYS} from './keymap.js';
import type {Frame} from './layout.js';
import {Paragraph} from './Paragraph.js';
import {useTheme} from './use-theme.js';

export interface WelcomeScreenProps {
  bank: Bank;
  steps: readonly Step[];
  answered: number;
  /** The answers so far: a resumed interview is named by its organisation and workflow. */
  answers: Answers;
  /** A resumed draft: when it was saved, and now. */
  saved?: {at: Date; now: Date};
  /** When resuming: the question the interview continues at (null: the review). */
  resumeAt?: Step | null;
  /** A second respondent (issue 14): where the context came from; the answers are theirs to give. */
  respondentOf?: {from: string};
  frame: Frame;
}

/** What the assessment does, how long it takes, and the keys. */
export function WelcomeScreen({bank, steps, answered, answers, saved, resumeAt, respondentOf, frame}: WelcomeScreenProps) {
  const theme = useTheme();
  const gap = frame.short ? 0 : 1;
  const text = welcomeText(bank, steps);
  const resuming = resumeAt !== undefined && !respondentOf;
  const keyWidth = Math.max(...WELCOME_KEYS.map((k) => k.keys.length)) + 2;
  return (
    <Box flexDirection="column">
      <Text bold color={theme.color.accent}>
        {text.title}
      </Text>
      <Paragraph>{text.description}</Paragraph>
      <Box marginTop={gap} flexDirection="column">
        <Paragraph>{text.length}</Paragraph>
        <Paragraph color={theme.color.muted}>{text.saving}</Paragraph>
      </Box>
      {resuming ? (
        <Box marginTop={gap}>
          <Paragraph color={theme.color.success}>{resumeText({organisation: answers.context.organisation, workflow: answers.context.workflow, respondent: answers.context.assessor, saved, answered, total: steps.length}, resumeAt ?? undefined)}</Paragraph>
        </Box>
      ) : null}
      {respondentOf ? (
        <Box marginTop={gap}>
          <Paragraph color={theme.color.success}>{respondentText({organisation: answers.context.organisation, workflow: answers.context.workflow, from: respondentOf.from})}</Paragraph>
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
          Press enter to {resuming ? 'continue' : 'start'}.
        </Text>
      </Box>
    </Box>
  );
}
