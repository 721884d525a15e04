import {Box, Text} from 'ink';
import type {Step} from '../../engine/interview.js';
import {scaleKey} from './labels.js';
import type {Frame} from './layout.js';
import {OptionList} from './OptionList.js';
import {Paragraph} from './Paragraph.js';
import {useTheme} from './use-theme.js';

export interface ScaleQuestionProps {
  step: Step;
  cursor: number;
  frame: Frame;
}

/**
 * A matrix axis: the two poles side by side (stacked when narrow), then the
 * scale 1-5 and "don't know", as a list when there is room, else on one line.
 */
export function ScaleQuestion({step, cursor, frame}: ScaleQuestionProps) {
  const theme = useTheme();
  const poles = step.poles!;
  const points = step.options ?? [];
  const left = (
    <Box flexDirection="column" width={frame.narrow ? undefined : '50%'} paddingRight={frame.narrow ? 0 : 2}>
      <Text bold color={theme.color.manage}>
        1 · Manage in place
      </Text>
      <Paragraph>{poles.manageInPlace}</Paragraph>
    </Box>
  );
  const right = (
    <Box flexDirection="column" width={frame.narrow ? undefined : '50%'}>
      <Text bold color={theme.color.sprint}>
        5 · Remediation sprint
      </Text>
      <Paragraph>{poles.remediationSprint}</Paragraph>
    </Box>
  );
  return (
    <Box flexDirection="column">
      <Box flexDirection={frame.narrow ? 'column' : 'row'}>
        {left}
        {right}
      </Box>
      <Box marginTop={frame.short ? 0 : 1} flexDirection="column">
        {frame.narrow ? <ScaleLine points={points} cursor={cursor} /> : <OptionList items={points.map((p) => ({key: scaleKey(p.value), label: p.label}))} cursor={cursor} />}
      </Box>
    </Box>
  );
}

/** The scale on one line, the highlighted point in words below it (nothing chosen yet: how to choose). */
function ScaleLine({points, cursor}: {points: NonNullable<Step['options']>; cursor: number}) {
  const theme = useTheme();
  const current = points[cursor];
  return (
    <Box flexDirection="column">
      <Text>
        {points.map((p, i) => {
          const on = i === cursor;
          return (
            <Text key={p.value} color={on ? theme.color.accent : undefined} bold={on} inverse={on}>
              {on ? `[${scaleKey(p.value)}]` : ` ${scaleKey(p.value)} `}
            </Text>
          );
        })}
      </Text>
      {current ? (
        <Text color={theme.color.accent}>
          {theme.symbol.pointer} {scaleKey(current.value)}: {current.label}
        </Text>
      ) : (
        <Text color={theme.color.muted}>Nothing chosen yet.</Text>
      )}
    </Box>
  );
}
