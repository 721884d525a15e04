import {Box, Text} from 'ink';
import type {Result} from '../../engine/types.js';
import {verdictText} from '../../session/copy.js';
import type {Notice, SaveAsk} from '../../session/session.js';
import type {TextBuffer} from './text-buffer.js';
import {SaveDialog} from './SaveDialog.js';
import {useTheme} from './use-theme.js';

export interface ResultScreenProps {
  result: Result;
  /** The rendered report, one entry a line; undefined while it is prepared. */
  lines?: string[];
  /** Why the report could not be rendered. */
  failure?: string;
  scroll: number;
  /** Lines of report visible. */
  height: number;
  save?: SaveAsk;
  /** The file name being typed. */
  saveName?: TextBuffer;
  notice?: {tone: Notice['tone']; text: string};
  cwd: string;
  /** Blank lines between the verdict and the report (0 on short terminals). */
  gap: number;
}

/** The verdict, the report scrolling beneath it, and saving. */
export function ResultScreen({result, lines, failure, scroll, height, save, saveName, notice, cwd, gap}: ResultScreenProps) {
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
      {save ? <SaveDialog save={save} name={saveName} cwd={cwd} /> : null}
      {!save && notice ? (
        <Text color={notice.tone === 'error' ? theme.color.error : notice.tone === 'success' ? theme.color.success : theme.color.warning}>
          {notice.tone === 'success' ? `${theme.symbol.success} ` : notice.tone === 'error' ? `${theme.symbol.error} ` : ''}
          {notice.text}
        </Text>
      ) : null}
    </Box>
  );
}
