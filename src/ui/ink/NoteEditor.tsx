import {Box, Text} from 'ink';
import type {TextBuffer} from './text-buffer.js';
import {TextInput} from './TextInput.js';
import {useScrollFocus} from './ScrollArea.js';
import {useTheme} from './use-theme.js';

export interface NoteEditorProps {
  /** What the note is on, e.g. "Failure frequency". */
  label: string;
  buffer: TextBuffer;
}

/** Add or change the note on a question: enter saves, esc cancels, an empty note removes it. */
export function NoteEditor({label, buffer}: NoteEditorProps) {
  const theme = useTheme();
  const focus = useScrollFocus('note');
  return (
    <Box ref={focus} flexDirection="column" flexGrow={1} borderStyle="round" borderColor={theme.color.accent} paddingX={1}>
      <Text bold>
        {theme.symbol.note} Note on “{label}”
      </Text>
      <TextInput buffer={buffer} placeholder="what the client said, a number, a follow-up…" />
    </Box>
  );
}
