import {Paragraph} from './Paragraph.js';
import {useTheme} from './use-theme.js';

/** Why the last answer, figure or field was refused, in the error colour; nothing when nothing was. */
export function Refusal({message}: {message?: string}) {
  const theme = useTheme();
  if (!message) return null;
  return (
    <Paragraph color={theme.color.error}>
      {theme.symbol.error} {message}
    </Paragraph>
  );
}
