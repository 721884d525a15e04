import {Box, Text} from 'ink';
import {Paragraph} from './Paragraph.js';
import {useTheme} from './use-theme.js';

export interface WhyPanelProps {
  text: string;
  /** A second paragraph, e.g. the highlighted option's own reason. */
  detail?: string;
}

/** "Why this matters", set off by a bar on the left. */
export function WhyPanel({text, detail}: WhyPanelProps) {
  const theme = useTheme();
  return (
    <Box flexGrow={1} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderColor={theme.color.accent} paddingLeft={1} flexDirection="column">
      <Paragraph>
        <Text bold>Why this matters: </Text>
        {text}
      </Paragraph>
      {detail ? <Paragraph color={theme.color.muted}>{detail}</Paragraph> : null}
    </Box>
  );
}
