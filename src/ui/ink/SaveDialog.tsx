import {Box, Text} from 'ink';
import {cellWidth, wrapText} from './cells.js';
import {overwriteQuestion, saveTitle} from './labels.js';
import type {Theme} from './theme.js';
import {TextInput} from './TextInput.js';
import {useTheme} from './use-theme.js';
import {displayPath} from '../../files/paths.js';
import type {SaveAsk} from '../../session/session.js';
import {textBuffer, type TextBuffer} from './text-buffer.js';

export interface SaveDialogProps {
  save: SaveAsk;
  /** The file name being typed. */
  name?: TextBuffer;
  cwd: string;
}

/** Lines the dialog takes at a width (the result screen sizes its viewport with it). */
export function saveDialogHeight(save: SaveAsk, name: TextBuffer | undefined, cwd: string, width: number, theme: Theme): number {
  if (save.stage === 'confirm') return wrapText(overwriteQuestion(displayPath(save.path ?? '', cwd)), width).length;
  const input = Math.ceil((cellWidth(name?.value ?? save.name) + 1) / Math.max(1, width - 2)) || 1;
  const error = save.error ? wrapText(`${theme.symbol.error} ${save.error}`, width).length : 0;
  const writing = save.writing ? wrapText(WRITING, width).length : 0;
  return wrapText(saveTitle(save.format), width).length + input + error + writing;
}

/** Shown while the report is made and written (a PDF takes a moment). */
const WRITING = 'Making the report...';

/** Ask for the file name (the default prefilled), then, if the file exists, whether to overwrite it. */
export function SaveDialog({save, name, cwd}: SaveDialogProps) {
  const theme = useTheme();
  if (save.stage === 'confirm') {
    return (
      <Text color={theme.color.warning} bold>
        {overwriteQuestion(displayPath(save.path ?? '', cwd))}
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>{saveTitle(save.format)}</Text>
      <TextInput buffer={name ?? textBuffer(save.name)} />
      {save.error ? (
        <Text color={theme.color.error}>
          {theme.symbol.error} {save.error}
        </Text>
      ) : null}
      {save.writing ? <Text dimColor>{WRITING}</Text> : null}
    </Box>
  );
}
