/**
 * The plain mode: a renderer of the interview session, line by line with
 * @inquirer/prompts, for screen readers and simple terminals. It asks what
 * the session says to ask and sends back what was answered; every rule of
 * the flow is the session's (src/session/session.ts), every file write the
 * runner's.
 */
import {buildSteps, isAnswered, progress, type Step, type StepAnswer} from '../../engine/interview.js';
import type {Session} from '../../session/runner.js';
import {currentQuestion, isOver, onReview, type SessionEvent, type SessionState} from '../../session/session.js';
import {respondentText, resumeText, welcomeText} from '../../session/copy.js';
import type {FrontEndIo} from '../types.js';

/** The pick of a draft (`--resume` with several) comes with the plain mode: one module to load. */
export {pickDraftPlain} from './pick-draft.js';
import {askFigure} from './ask-figure.js';
import {askHandoffs} from './ask-handoffs.js';
import {askCertainty, askNote, askStep} from './ask-step.js';
import {isCancel, plainIo, wrap, type PlainIo} from './plain-io.js';
import {askReview, printReview} from './review.js';
import {askSave, printResult} from './result.js';

/** Run the session to its end. Ctrl-C (or the signal) ends it as cancelled, with the answers so far. */
export async function runPlain(session: Session, options: FrontEndIo): Promise<void> {
  const io = plainIo(options.stdin, options.stdout, options.signal);
  const send = sender(session, io);
  /** What is typed into an open note: kept on Ctrl-C, as the wizard keeps it. */
  const typing: Typing = {};
  try {
    welcome(session, io);
    send({type: 'start'});
    await interview(session, io, send, options.signal, typing);
  } catch (error) {
    if (!isCancel(error)) throw error;
    send({type: 'quit', typedNote: typing.note, typedFigure: typing.figure});
  }
}

type Send = (event: SessionEvent) => SessionState;

/** The text of the note prompt as it is being typed. */
interface Typing {
  note?: string;
  /** The figure being typed after a matrix answer. */
  figure?: string;
}

/** Dispatch an event; a draft that could not be saved (at every failed save), or is saved again, is said at once. */
function sender(session: Session, io: PlainIo): Send {
  return (event) => {
    const before = session.state.draftProblem;
    session.dispatch(event);
    const after = session.state.draftProblem;
    if (after !== undefined && after !== before) io.say(wrap(`The draft could not be saved: ${after.message}.`, io.columns));
    if (after === undefined && before !== undefined) io.say('The draft is saved again.');
    return session.state;
  };
}

async function interview(session: Session, io: PlainIo, send: Send, signal: AbortSignal | undefined, typing: Typing): Promise<void> {
  const {config} = session;
  let {pending, typedNote, shown}: Carry = {};
  for (;;) {
    const state = session.state;
    if (isOver(state)) return;
    if (signal?.aborted) {
      // A signal between two prompts: the same quit as ctrl+c (nothing is being typed by now).
      send({type: 'quit', typedNote: typing.note, typedFigure: typing.figure});
      return;
    }
    if (state.note) {
      await noteStage(session, io, send, typedNote, typing);
      typedNote = undefined;
      continue;
    }
    if (state.figure) {
      await askFigure(session, io, send, (text) => (typing.figure = text));
      continue;
    }
    if (state.stage === 'welcome') {
      // Back from the first question: there is nothing before it.
      io.say('This is the first question: there is nothing before it.');
      send({type: 'start'});
      continue;
    }
    if (state.stage === 'result') {
      printResult(state, io);
      await askSave(session, io, send);
      shown = undefined;
      continue;
    }
    if (onReview(config, state)) {
      printReview(config.bank, state.interview.answers, io);
      const choice = await askReview(config.bank, state.interview.answers, io);
      const next = send(choice.kind === 'back' ? {type: 'back'} : choice.kind === 'edit' ? {type: 'edit', id: choice.id} : {type: 'show-result'});
      if (next.error) io.say(next.error.message);
      shown = undefined;
      continue;
    }

    const asked = await questionStage(session, io, send, {pending, shown});
    ({pending, typedNote, shown} = asked);
  }
}

/** What the plain mode carries from one question to the next ask of it. */
interface Carry {
  /** Ticks kept across a command on a checklist. */
  pending?: StepAnswer;
  /** A note typed inline (:note text). */
  typedNote?: string;
  /** The question whose header was printed last: a command on it asks again without one. */
  shown?: string;
}

/** Ask the current question once and send what was answered or asked for. */
async function questionStage(session: Session, io: PlainIo, send: Send, carry: Carry): Promise<Carry> {
  const state = session.state;
  const step = currentQuestion(session.config, state)!;
  const where = `${state.interview.index}:${state.interview.returnToReview}`;
  if (carry.shown !== where) printHeader(session, step, io);
  if (step.kind === 'handoffs') {
    if ((await askHandoffs(session, step, io, send)) === 'why') printWhy(step, io);
    return {shown: where};
  }
  const action = await askStep(step, state.interview.answers, io, carry.pending);
  if (action.kind === 'answer') {
    const next = send({type: 'answer', value: action.value});
    if (next.error) io.say(wrap(next.error.message, io.columns));
    return {shown: where};
  }
  const kept: Carry = {shown: where, pending: action.pending};
  switch (action.command) {
    case 'back':
      send({type: 'back'});
      return {shown: where};
    case 'why':
      printWhy(step, io);
      return kept;
    case 'note':
      send({type: 'open-note', id: step.id});
      return {...kept, typedNote: action.text};
    case 'certainty': {
      const certainty = await askCertainty(step, state.interview.answers, io);
      if (certainty === null) return kept;
      send({type: 'certainty', id: step.id, mark: certainty});
      io.say(certainty ? `Marked as ${certainty}.` : 'Certainty mark removed.');
      return kept;
    }
  }
}

/** The note the session asks for: one the user opened, or evidence the engine asks for. */
async function noteStage(session: Session, io: PlainIo, send: Send, typed: string | undefined, typing: Typing): Promise<void> {
  const {note, interview} = session.state;
  const step = buildSteps(session.config.bank).find((s) => s.id === note!.id)!;
  const text = await askNote(step, interview.answers, io, typed, note!.evidence, (value) => (typing.note = value));
  typing.note = undefined;
  if (note!.evidence) {
    if (text?.trim()) {
      send({type: 'note', text});
      io.say('Evidence noted.');
    } else {
      send({type: 'close-note'});
      io.say('No evidence noted: the report lists it to bring.');
    }
    return;
  }
  if (text === null) {
    send({type: 'close-note'});
    return;
  }
  send({type: 'note', text});
  io.say(text.trim() ? 'Note saved.' : 'Note removed.');
}

function welcome(session: Session, io: PlainIo): void {
  const {config, state} = session;
  const steps = buildSteps(config.bank);
  const text = welcomeText(config.bank, steps);
  io.say(text.title);
  io.say(wrap(text.description, io.columns));
  io.say('');
  const answered = steps.filter((s) => isAnswered(state.interview.answers, s)).length;
  const context = state.interview.answers.context;
  const back = {organisation: context.organisation, workflow: context.workflow, respondent: context.assessor, saved: config.resumed && {at: config.resumed.saved, now: config.resumed.now}, answered, total: steps.length};
  const where = config.respondentOf
    ? `${respondentText({organisation: context.organisation, workflow: context.workflow, from: config.respondentOf.from})} ${text.saving}`
    : answered > 0
      ? resumeText(back, steps[state.interview.index])
      : `${text.length} ${text.saving}`;
  io.say(wrap(where, io.columns));
  io.say(
    wrap(
      'Lists: type the key or number shown, then Enter (arrow keys also move); nothing is chosen for you. Each list ends with Back, Why this matters, a note and how sure. ' +
        'Text answers: type < to go back, ? for why it matters, :note for a note. Ctrl-C pauses; resume later with --resume.',
      io.columns,
    ),
  );
}

function printHeader(session: Session, step: Step, io: PlainIo): void {
  const {interview} = session.state;
  const p = progress(session.config.bank, interview);
  io.say('');
  io.say(`${p.sectionTitle}, ${p.sectionStep} of ${p.sectionSize} (question ${p.step} of ${p.total}, ${p.answered} answered)${interview.returnToReview ? ': editing from the review' : ''}`);
  if (step.kind === 'scale' || step.kind === 'yesno' || step.kind === 'multi') io.say(step.title);
  if (step.kind === 'scale') io.say(wrap(step.prompt, io.columns));
  if (step.kind === 'yesno' && step.explanation) io.say(wrap(step.explanation, io.columns));
  if (interview.answers.notes[step.id]) io.say(wrap(`Note: ${interview.answers.notes[step.id]}`, io.columns));
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
