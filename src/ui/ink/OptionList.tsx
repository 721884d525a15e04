import {Box, Text} from 'ink';
import {Paragraph} from './Paragraph.js';
import {useScrollFocus} from './ScrollArea.js';
import {useTheme} from './use-theme.js';

export interface OptionItem {
  /** The key that picks it, shown before the label ("1", "d"); may be empty. */
  key: string;
  label: string;
  /** For checklists: ticked or not. */
  checked?: boolean;
}

export interface OptionListProps {
  items: OptionItem[];
  /** The highlighted row. */
  cursor: number;
}

/** A vertical list: pointer on the highlighted row, labels wrapping under themselves. */
export function OptionList({items, cursor}: OptionListProps) {
  const theme = useTheme();
  const focus = useScrollFocus('option');
  const keyWidth = Math.max(0, ...items.map((i) => i.key.length));
  const checklist = items.some((i) => i.checked !== undefined);
  return (
    <Box flexDirection="column">
      {items.map((item, i) => {
        const on = i === cursor;
        const box = checklist ? `${item.checked ? theme.symbol.checked : theme.symbol.unchecked} ` : '';
        return (
          <Box key={`${i}-${item.key}`} ref={on ? focus : undefined}>
            <Box flexShrink={0}>
              <Text color={on ? theme.color.accent : undefined} bold={on}>
                {on ? theme.symbol.pointer : ' '} {box}
                {keyWidth ? `${item.key.padEnd(keyWidth)} ` : ''}
              </Text>
            </Box>
            <Box flexShrink={1}>
              <Paragraph color={on ? theme.color.accent : undefined} bold={on}>
                {item.label}
              </Paragraph>
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
