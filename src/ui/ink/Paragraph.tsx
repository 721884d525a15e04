import {Text, Transform, type TextProps} from 'ink';

/**
 * Ink wraps text without trimming, so a line that breaks at a space starts
 * the next line with it. Prose goes through here to drop that one space.
 */
export function Paragraph(props: TextProps) {
  return (
    <Transform transform={trimContinuation}>
      <Text {...props} />
    </Transform>
  );
}

/** Drop the space a wrap carried to the start of a continuation line (after any colour codes). */
export function trimContinuation(line: string, index: number): string {
  return index > 0 ? line.replace(/^((?:\u001B\[[0-9;]*m)*) /, '$1') : line;
}
