/**
 * Words the wizard shows that are neither in the question bank nor in the
 * engine (the scale's points are the engine's: Step options): the verdicts,
 * the review's intro. Presentation only: no rule of the interview lives here.
 */
/** The key shown beside a scale option (the engine's `'1'`..`'5'`, `'unknown'`): its number, or `d` for "don't know". */
export function scaleKey(value: string): string {
  return value === 'unknown' ? 'd' : value;
}

export const FORMAT_NAMES = {md: 'Markdown', html: 'an HTML page', json: 'JSON'} as const;

export function saveTitle(format: keyof typeof FORMAT_NAMES): string {
  return `Save the report as ${FORMAT_NAMES[format]}: enter saves, esc cancels`;
}

export function overwriteQuestion(shownPath: string): string {
  return `${shownPath} already exists. Overwrite it? y/N (n lets you change the name)`;
}

export function reviewIntro(answered: number, total: number): string {
  return `${answered} of ${total} answered. Enter on a row changes it; n adds a note.`;
}
