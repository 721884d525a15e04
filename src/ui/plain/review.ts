/** The review: every answer with its note, and a list to change any of them. */
import {select, Separator} from '@inquirer/prompts';
import {figureOf} from '../../engine/baseline.js';
import {describeCertainty} from '../../engine/evidence.js';
import {reviewContradictions, reviewRows, SECTION_TITLES, type SectionId} from '../../engine/interview.js';
import type {Answers, Bank} from '../../engine/types.js';
import {wrap, type PlainIo} from './plain-io.js';

export type ReviewChoice = {kind: 'result'} | {kind: 'edit'; id: string} | {kind: 'back'};

/** Print every answer, grouped by section, with notes and certainty; then the answers that disagree. */
export function printReview(bank: Bank, answers: Answers, io: PlainIo): void {
  const rows = reviewRows(bank, answers);
  io.say('');
  io.say(`${SECTION_TITLES.review}: ${rows.filter((r) => r.answered).length} of ${rows.length} questions answered`);
  let section: SectionId | undefined;
  rows.forEach((row, i) => {
    if (row.step.section !== section) {
      section = row.step.section;
      io.say('');
      io.say(SECTION_TITLES[section]);
    }
    const sure = describeCertainty(answers, row.step.id);
    const figure = figureOf(bank, answers, row.step.id);
    io.say(wrap(`${i + 1}. ${row.step.label}: ${row.answer}${figure ? `, ${figure}` : ''}${sure ? ` (${sure})` : ''}`, io.columns, '  ', '      '));
    if (row.note) io.say(wrap(`Note: ${row.note}`, io.columns, '      '));
  });
  const disagree = reviewContradictions(bank, answers);
  if (disagree.length) {
    io.say('');
    io.say('Answers that disagree');
    for (const {contradiction, revisit} of disagree) {
      io.say(wrap(`- ${contradiction.text}`, io.columns, '  ', '    '));
      io.say(wrap(`To settle it: ${contradiction.question} (revisit "${revisit.label}")`, io.columns, '    '));
    }
    io.say(wrap('You can revisit each from the list below, or go on: the report lists them too.', io.columns));
  }
  io.say(`Type a question's number and Enter to change it, or Enter to see the result.`);
}

/**
 * Ask what to do from the review: see the result, change an answer, revisit
 * an answer that disagrees (it opens the first question involved), or go back
 * to the last question.
 */
export async function askReview(bank: Bank, answers: Answers, io: PlainIo): Promise<ReviewChoice> {
  const rows = reviewRows(bank, answers);
  const disagree = reviewContradictions(bank, answers);
  const n = rows.length + disagree.length;
  const value = await io.ask((c) =>
    select<string>(
      {
        message: 'Is everything right?',
        // Questions first, so the number typed is the question's number in the review.
        choices: [
          ...rows.map((row, i) => ({value: `edit:${row.step.id}`, name: `${i + 1}. Change: ${row.step.label}`, description: `Now: ${row.answer}`})),
          new Separator(),
          // The answers that disagree come before the result.
          ...disagree.map(({contradiction, revisit}, i) => ({
            value: `edit:${revisit.id}`,
            name: `${rows.length + i + 1}. Revisit "${revisit.label}": ${contradiction.text}`,
          })),
          {value: 'result', name: `${n + 1}. ${disagree.length ? 'Show the result as it is (the report lists the answers that disagree)' : 'Yes, all correct: show the result'}`},
          {value: 'back', name: `${n + 2}. < Back to the last question`},
        ],
        default: 'result',
        pageSize: 12,
        loop: false,
      },
      c,
    ),
  );
  if (value === 'result') return {kind: 'result'};
  if (value === 'back') return {kind: 'back'};
  return {kind: 'edit', id: value.slice('edit:'.length)};
}
