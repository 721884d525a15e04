import {useRef} from 'react';
import {Box, Text} from 'ink';
import {reviewIntro} from './labels.js';
import {GUTTER, rowHeight, rowsThatFit, windowTop, type Line, type ReviewRow, type Tone} from './review-rows.js';
import type {Theme} from './theme.js';
import {useTheme} from './use-theme.js';

export interface ReviewScreenProps {
  rows: ReviewRow[];
  cursor: number;
  /** Lines available to the list. */
  height: number;
  answered: number;
  total: number;
  /** How many answers disagree (their rows come before the result). */
  disagree: number;
}

/** Every answer and note, then the answers that disagree; enter opens one for a change (or to revisit), the last row goes on to the result. */
export function ReviewScreen({rows, cursor, height, answered, total, disagree}: ReviewScreenProps) {
  const theme = useTheme();
  const topRef = useRef(0);
  const all = rows.reduce((n, r) => n + rowHeight(r), 0);
  const scrolling = all > height;
  const visible = scrolling ? Math.max(1, height - 2) : height;
  const top = scrolling ? windowTop(rows, cursor, topRef.current, visible) : 0;
  topRef.current = top;

  const lines: {line: Line; pointer: boolean; key: string}[] = [];
  for (let r = top; r < rows.length && lines.length < visible; r++) {
    const row = rows[r]!;
    row.heading.forEach((line, i) => lines.push({line, pointer: false, key: `${r}h${i}`}));
    row.body.forEach((line, i) => lines.push({line, pointer: i === 0 && r === cursor, key: `${r}b${i}`}));
  }
  const shown = lines.slice(0, visible);
  const above = top > 0;
  const below = top + rowsThatFit(rows, top, visible) < rows.length;

  return (
    <Box flexDirection="column">
      <Text color={answered < total || disagree ? theme.color.warning : theme.color.success}>
        {reviewIntro(answered, total, disagree)}
      </Text>
      {scrolling ? <Text color={theme.color.muted}>{above ? '↑ more above' : ' '}</Text> : null}
      {shown.map(({line, pointer, key}) => (
        <Text key={key} wrap="truncate-end">
          <Text color={theme.color.accent} bold>
            {pointer ? `${theme.symbol.pointer} ` : line[0]?.tone === 'heading' ? '' : ' '.repeat(GUTTER)}
          </Text>
          {line.map((seg, i) => (
            <Text key={i} {...style(seg.tone, pointer, theme)}>
              {seg.text}
            </Text>
          ))}
        </Text>
      ))}
      {scrolling ? <Text color={theme.color.muted}>{below ? '↓ more below' : ' '}</Text> : null}
    </Box>
  );
}

function style(tone: Tone, selected: boolean, theme: Theme): {color?: string; bold?: boolean; dimColor?: boolean} {
  switch (tone) {
    case 'heading':
      return {bold: true, color: theme.color.accent};
    case 'label':
      return {bold: selected, color: selected ? theme.color.accent : undefined};
    case 'missing':
      return {color: theme.color.warning};
    case 'note':
      return {color: theme.color.muted};
    case 'action':
      return {bold: true, color: selected ? theme.color.accent : undefined};
    default:
      return {color: selected ? theme.color.accent : undefined};
  }
}
