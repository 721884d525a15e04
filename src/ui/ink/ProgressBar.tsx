import {Text} from 'ink';
import {useTheme} from './use-theme.js';

export interface ProgressBarProps {
  /** 0..1 */
  fraction: number;
  /** Width in cells. */
  width: number;
}

/** A bar of full and empty cells: readable without colour too. */
export function ProgressBar({fraction, width}: ProgressBarProps) {
  const theme = useTheme();
  const cells = Math.max(1, Math.floor(width));
  const full = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
  return (
    <Text>
      <Text color={theme.color.accent}>{theme.symbol.barFull.repeat(full)}</Text>
      <Text color={theme.color.muted}>{theme.symbol.barEmpty.repeat(cells - full)}</Text>
    </Text>
  );
}
