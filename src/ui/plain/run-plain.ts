/**
 * The plain mode: the interview line by line with @inquirer/prompts, for
 * screen readers and simple terminals. It drives src/engine/interview.ts and
 * holds no rule of its own: the engine decides what comes next, what is
 * valid and where back and edit lead.
 */
import {
  back,
  buildSteps,
  currentStep,
  edit,
  isAnswered,
  isReview,
  missingMessage,
  missingRequired,
  progress,
  setCertainty,
  setNote,
  answer as answerStep,
  type InterviewState,
  type Step,
  type StepAnswer,
} from '../../engine/interview.js';
import {evidenceToAsk, type EvidenceRequest} from '../../engine/evidence.js';
import type {Bank} from '../../engine/types.js';
import type {WizardContext, WizardOutcome} from '../types.js';
import {askCertainty, askNote, askStep} from './ask-step.js';
import {isCancel, plainIo, wrap, type PlainIo} from './plain-io.js';
import {askReview, printReview} from './review.js';
import {askSave, printResult} from './result.js';

export interface PlainOptions {
  /** Aborting it ends the interview as if Ctrl-C were pressed (SIGINT, SIGTERM). */
  signal?: AbortSignal;
}

/** Run the interview from `ctx.initial` to the result. Ctrl-C (or the signal) gives a cancelled outcome with the state so far. */
export async function runPlain(ctx: WizardContext, options: PlainOptions = {}): Promise<WizardOutcome> {
  const io = plainIo(ctx.stdin ?? process.stdin, ctx.stdout ?? process.stdout, options.signal);
  const {bank} = ctx;
  let state = ctx.initial;
  /** The last save failed: the user was told, and is told again once a save works. */
  let draftFailing = false;
  const update = (next: InterviewState) => {
    state = next;
    try {
      ctx.onChange(state);
      if (draftFailing) io.say('The draft is saved again.');
      draftFailing = false;
    } catch (error) {
      draftFailing = true;
      io.say(wrap(`The draft could not be saved: ${(error as Error).message}.`, io.columns));
    }
  };
  const saved: string[] = [];
  /** The engine asked for a note as evidence (a disqualifier cleared as verified): ask for it now. */
  const askEvidence = async (evidence: EvidenceRequest | undefined, step: Step): Promise<void> => {
    if (!evidence) return;
    const note = await askNote(step, state.answers, io, undefined, evidence);
    if (note?.trim()) {
      update({...state, answers: setNote(state.answers, step.id, note)});
      io.say('Evidence noted.');
    } else io.say('No evidence noted: the report lists it to bring.');
  };
  try {
    welcome(bank, state, io);
    let pending: StepAnswer | undefined;
    let header = true;
    for (;;) {
      if (options.signal?.aborted) return {kind: 'cancelled', state};
      if (isReview(bank, state)) {
        printReview(bank, state.answers, io);
        const choice = await askReview(bank, state.answers, io);
        if (choice.kind === 'back') update(back(bank, state));
        else if (choice.kind === 'edit') update(edit(bank, state, choice.id));
        else {
          const missing = missingRequired(bank, state.answers);
          if (missing.length) {
            io.say(missingMessage(missing));
            update(edit(bank, state, missing[0]!.id));
          } else {
            printResult(ctx, state.answers, io);
            const next = await askSave(ctx, state.answers, io, saved);
            if (next.kind === 'finish') return {kind: 'done', state, savedReports: saved};
          }
        }
        header = true;
        continue;
      }

      const step = currentStep(bank, state)!;
      if (header) printHeader(bank, state, step, io);
      header = false;
      const action = await askStep(step, state.answers, io, pending);
      pending = undefined;
      if (action.kind === 'answer') {
        const before = state.answers;
        update(answerStep(bank, state, action.value));
        await askEvidence(evidenceToAsk(bank, before, state.answers, step.id), step);
        header = true;
        continue;
      }
      switch (action.command) {
        case 'back': {
          if (state.index === 0 && !state.returnToReview) {
            io.say('This is the first question: there is nothing before it.');
            break;
          }
          update(back(bank, state)); // from a question opened in the review, back returns to the review
          header = true;
          break;
        }
        case 'why':
          printWhy(step, io);
          pending = action.pending;
          break;
        case 'note': {
          const note = await askNote(step, state.answers, io, action.text);
          if (note !== null) {
            update({...state, answers: setNote(state.answers, step.id, note)});
            io.say(note.trim() ? 'Note saved.' : 'Note removed.');
          }
          pending = action.pending;
          break;
        }
        case 'certainty': {
          const certainty = await askCertainty(step, state.answers, io);
          if (certainty !== null) {
            const before = state.answers;
            update({...state, answers: setCertainty(state.answers, step.id, certainty)});
            io.say(certainty ? `Marked as ${certainty}.` : 'Certainty mark removed.');
            await askEvidence(evidenceToAsk(bank, before, state.answers, step.id), step);
          }
          pending = action.pending;
          break;
        }
      }
    }
  } catch (error) {
    if (isCancel(error)) return {kind: 'cancelled', state};
    throw error;
  }
}

function welcome(bank: Bank, state: InterviewState, io: PlainIo): void {
  const steps = buildSteps(bank);
  io.say(bank.meta.title);
  io.say(wrap(bank.meta.description, io.columns));
  io.say('');
  const answered = steps.filter((s) => isAnswered(state.answers, s)).length;
  if (answered > 0) {
    const at = steps[state.index];
    io.say(`Resuming: ${answered} of ${steps.length} questions answered. ${at ? `Continuing at "${at.title}".` : 'Continuing at the review.'}`);
  } else {
    io.say(`${steps.length} questions in 4 parts, about 10 minutes. Every answer is saved as you go.`);
  }
  io.say(
    wrap(
      'Lists: arrow keys or the number, then Enter; each list ends with Back, Why this matters and a note. ' +
        'Text answers: type < to go back, ? for why it matters, :note for a note. Ctrl-C pauses; resume later with --resume.',
      io.columns,
    ),
  );
}

function printHeader(bank: Bank, state: InterviewState, step: Step, io: PlainIo): void {
  const p = progress(bank, state);
  io.say('');
  io.say(`${p.sectionTitle}, ${p.sectionStep} of ${p.sectionSize} (question ${p.step} of ${p.total}, ${p.answered} answered)${state.returnToReview ? ': editing from the review' : ''}`);
  if (step.kind === 'scale' || step.kind === 'yesno' || step.kind === 'multi') io.say(step.title);
  if (step.kind === 'scale') io.say(wrap(step.prompt, io.columns));
  if (step.kind === 'yesno' && step.explanation) io.say(wrap(step.explanation, io.columns));
  if (state.answers.notes[step.id]) io.say(wrap(`Note: ${state.answers.notes[step.id]}`, io.columns));
}

function printWhy(step: Step, io: PlainIo): void {
  io.say('');
  io.say(`Why this matters: ${step.title}`);
  io.say(wrap(step.why, io.columns, '  '));
  if (step.kind === 'multi') {
    for (const option of step.options ?? []) if (option.why) io.say(wrap(`- ${option.label} ${option.why}`, io.columns, '  '));
  }
  io.say('');
}
