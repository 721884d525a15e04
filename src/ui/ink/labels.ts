/**
 * Words the wizard shows that are neither in the question bank nor in the
 * engine (the scale's points are the engine's: Step options): the verdicts,
 * the review's intro. Presentation only: no rule of the interview lives here.
 */
import type {Step} from '../../engine/interview.js';

/** The key shown beside a scale option (the engine's `'1'`..`'5'`, `'unknown'`): its number, or `d` for "don't know". */
export function scaleKey(value: string): string {
  return value === 'unknown' ? 'd' : value;
}

/** What Enter with nothing chosen says (nothing is recorded): the keys that choose on this kind of question. */
export function chooseHint(step: Step): string {
  switch (step.kind) {
    case 'scale':
      return "Nothing chosen yet: press 1-5, or d for don't know (or ↑↓ then enter).";
    case 'yesno':
      return 'Nothing chosen yet: press 1 for yes or 2 for no (or ↑↓ then enter).';
    default:
      return `Nothing chosen yet: press 1-${step.options?.length ?? 1} (or ↑↓ then enter).`;
  }
}

export const FORMAT_NAMES = {md: 'Markdown', html: 'an HTML page', json: 'JSON', pdf: 'a PDF (A4)'} as const;

export function saveTitle(format: keyof typeof FORMAT_NAMES): string {
  return `Save the report as ${FORMAT_NAMES[format]}: enter saves, esc cancels`;
}

export function overwriteQuestion(shownPath: string): string {
  return `${shownPath} already exists. Overwrite it? y/N (n lets you change the name)`;
}

export function reviewIntro(answered: number, total: number, disagree = 0): string {
  const intro = `${answered} of ${total} answered. Enter on a row changes it; n adds a note.`;
  if (!disagree) return intro;
  return `${intro} ${disagree === 1 ? 'One answer disagrees' : `${disagree} answers disagree`} with another: see below, before the result.`;
}
