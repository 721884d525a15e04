import {Box, Text} from 'ink';
import type {Result} from '../../engine/types.js';
import {confidenceLabel, verdictLabel} from './labels.js';
import {SaveDialog} from './SaveDialog.js';
import {useTheme} from './use-theme.js';
import type {Message, SaveDialog as SaveState} from './wizard-state.js';

export interface ResultScreenProps {
  result: Result;
  /** The rendered report, one entry a line; undefined while it is prepared. */
  lines?: string[];
  /** Why the report could not be rendered. */
  failure?: string;
  scroll: number;
  /** Lines of report visible. */
  height: number;
  save?: SaveState;
  message?: Message;
  cwd: string;
  /** Blank lines between the verdict and the report (0 on short terminals). */
  gap: number;
}

/** The verdict text, as the result screen shows it. */
export function verdictText(result: Result): string {
  return `${verdictLabel(result.recommendation, result.lean)} · ${confidenceLabel(result.confidence)}`;
}

/** The verdict, the report scrolling beneath it, and saving. */
export function ResultScreen({result, lines, failure, scroll, height, save, message, cwd, gap}: ResultScreenProps) {
  const theme = useTheme();
  const color =
    result.recommendation === 'not-yet-qualified' ? theme.color.warning : result.recommendation === 'remediation-sprint' ? theme.color.sprint : theme.color.manage;
  const total = lines?.length ?? 0;
  const first = Math.min(scroll, Math.max(0, total - height));
  const shown = lines?.slice(first, first + height) ?? [];
  const last = first + shown.length;
  return (
    <Box flexDirection="column">
      <Text bold color={color}>
        {verdictText(result)}
      </Text>
      <Box flexDirection="column" height={height} overflow="hidden" marginTop={gap}>
        {failure ? (
          <Text color={theme.color.error}>
            {theme.symbol.error} The report could not be shown: {failure}
          </Text>
        ) : lines ? (
          shown.map((line, i) => (
            <Text key={first + i} wrap="truncate-end">
              {line || ' '}
            </Text>
          ))
        ) : (
          <Text color={theme.color.muted}>Preparing the report…</Text>
        )}
      </Box>
      <Text color={theme.color.muted} wrap="truncate-end">
        {total ? `lines ${first + 1}-${last} of ${total}${last < total ? ' · ↓ more' : ' · end'}` : ' '}
      </Text>
      {save ? <SaveDialog save={save} cwd={cwd} /> : null}
      {!save && message ? (
        <Text color={message.tone === 'error' ? theme.color.error : message.tone === 'success' ? theme.color.success : theme.color.warning}>
          {message.tone === 'success' ? `${theme.symbol.success} ` : message.tone === 'error' ? `${theme.symbol.error} ` : ''}
          {message.text}
        </Text>
      ) : null}
    </Box>
  );
}
