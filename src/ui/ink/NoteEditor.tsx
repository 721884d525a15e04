import {Box, Text} from 'ink';
import type {EvidenceRequest} from '../../engine/evidence.js';
import {Paragraph} from './Paragraph.js';
import type {TextBuffer} from './text-buffer.js';
import {TextInput} from './TextInput.js';
import {useScrollFocus} from './ScrollArea.js';
import {useTheme} from './use-theme.js';

export interface NoteEditorProps {
  /** What the note is on, e.g. "Failure frequency". */
  label: string;
  buffer: TextBuffer;
  /** Set when the engine asked for this note as evidence: its question and an example replace the plain title. */
  evidence?: EvidenceRequest;
}

/** Add or change the note on a question: enter saves, esc cancels, an empty note removes it. */
export function NoteEditor({label, buffer, evidence}: NoteEditorProps) {
  const theme = useTheme();
  const focus = useScrollFocus('note');
  return (
    <Box ref={focus} flexDirection="column" flexGrow={1} borderStyle="round" borderColor={theme.color.accent} paddingX={1}>
      {evidence ? (
        <>
          <Paragraph bold>
            {theme.symbol.note} {evidence.prompt}
          </Paragraph>
          <Paragraph color={theme.color.muted}>e.g. {evidence.example}</Paragraph>
          <Paragraph color={theme.color.muted}>Esc goes on without it; the report then lists the evidence to bring.</Paragraph>
        </>
      ) : (
        <Text bold>
          {theme.symbol.note} Note on “{label}”
        </Text>
      )}
      <TextInput buffer={buffer} placeholder={evidence ? 'what shows it, where it is recorded…' : 'what the client said, a number, a follow-up…'} />
    </Box>
  );
}
