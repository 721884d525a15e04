/**
 * What the user can do on a question besides answering it, as data: the
 * words typed in a text answer, and the extra entries of a list. Both the
 * hints and the parsing are derived from these tables.
 */

/** Something other than an answer. */
export type StepCommand = 'back' | 'why' | 'note' | 'certainty';

export interface TextCommand {
  command: StepCommand;
  /** What may be typed (case-insensitive, alone on the line). */
  aliases: string[];
  /** The hint shown under a text question. */
  hint: string;
}

/** Typed in place of a text answer. */
export const TEXT_COMMANDS: readonly TextCommand[] = [
  {command: 'back', aliases: ['<', ':back', ':b'], hint: '< or :back goes back'},
  {command: 'why', aliases: ['?', ':why'], hint: '? says why this matters'},
  {command: 'note', aliases: [':note', ':n'], hint: ':note adds a note'},
  {command: 'certainty', aliases: [':sure', ':certainty'], hint: ':sure marks how sure you are'},
];

/**
 * The entries added after the answers of a list question (rawlist or
 * checkbox), each under the key that is typed for it: the same words as in a
 * text answer, so typing `<`, `?`, `:note` or `:sure` and Enter does what it
 * does there (a checkbox shows the key before the label instead).
 */
export const LIST_COMMANDS: readonly {command: StepCommand; key: string; label: (state: {note?: string; certainty?: string}) => string}[] = [
  {command: 'back', key: '<', label: () => 'Back to the previous question'},
  {command: 'why', key: '?', label: () => 'Why this matters'},
  {command: 'note', key: ':note', label: ({note}) => (note ? 'Edit the note' : 'Add a note')},
  {command: 'certainty', key: ':sure', label: ({certainty}) => `How sure are you?${certainty ? ` (now: ${certainty})` : ''}`},
];

/** A typed line as a command, or undefined when it is an answer. `:note text` carries its text. */
export function parseTextCommand(line: string): {command: StepCommand; text?: string} | undefined {
  const trimmed = line.trim();
  const lower = trimmed.toLowerCase();
  for (const c of TEXT_COMMANDS) {
    if (c.aliases.includes(lower)) return {command: c.command};
    if (c.command === 'note') {
      const alias = c.aliases.find((a) => lower.startsWith(`${a} `));
      if (alias) return {command: 'note', text: trimmed.slice(alias.length).trim()};
    }
  }
  return undefined;
}

/** The hint line of a text question. */
export function textHint(): string {
  return `Enter confirms · ${TEXT_COMMANDS.map((c) => c.hint).join(' · ')}`;
}
