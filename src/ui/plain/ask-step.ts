/**
 * One question of the interview, asked with @inquirer/prompts. One way to
 * ask each question kind; every kind also offers back, why this matters, a
 * note and how sure you are. Checking an answer is the engine's job.
 */
import {styleText} from 'node:util';
import {checkbox, input, rawlist, select, Separator} from '@inquirer/prompts';
import type {EvidenceRequest} from '../../engine/evidence.js';
import {getAnswer, scaleAnswer, startingAnswer, validate, validateNote, type Step, type StepAnswer} from '../../engine/interview.js';
import type {Answers, Certainty} from '../../engine/types.js';
import {YESNO_LABELS} from '../../session/copy.js';
import {LIST_COMMANDS, parseTextCommand, textHint, type StepCommand} from './commands.js';
import {wrap, type PlainIo} from './plain-io.js';

/** What the user did on a question. */
export type StepAction =
  | {kind: 'answer'; value: StepAnswer}
  /** `pending` keeps ticks made before choosing the command (checklists), so asking again shows them. */
  | {kind: 'command'; command: StepCommand; text?: string; pending?: StepAnswer};

const CMD = 'cmd:';
type Value = string;

/** The command entries of a list, under the keys typed for them (a checkbox shows the key before the label). */
function commandChoices(answers: Answers, step: Step, keyed: boolean): {value: Value; name: string; key?: string}[] {
  const state = {note: answers.notes[step.id], certainty: answers.certainty[step.id]};
  return LIST_COMMANDS.map((c) => (keyed ? {value: `${CMD}${c.command}`, key: c.key, name: c.label(state)} : {value: `${CMD}${c.command}`, name: `${c.key} ${c.label(state)}`}));
}

function asCommand(value: Value, pending?: StepAnswer): StepAction | undefined {
  return value.startsWith(CMD) ? {kind: 'command', command: value.slice(CMD.length) as StepCommand, pending} : undefined;
}

/** The one-answer lists (scale, yes/no, choice): each answer under its key, and the keys that choose one. */
interface KeyedList {
  choices: {value: Value; name: string; key: string}[];
  /** How to choose, said under the list and again when Enter is pressed with nothing typed. */
  howTo: string;
}

function keyedList(step: Step): KeyedList {
  switch (step.kind) {
    case 'scale':
      return {choices: (step.options ?? []).map((o, i) => ({value: o.value, name: o.label, key: String(i + 1)})), howTo: "Type 1 to 5, or 6 for don't know, then Enter."};
    case 'yesno':
      return {
        choices: [
          {value: 'yes', name: YESNO_LABELS.yes, key: 'y'},
          {value: 'no', name: YESNO_LABELS.no, key: 'n'},
        ],
        howTo: 'Type y or n, then Enter.',
      };
    default: {
      const options = step.options ?? [];
      return {choices: options.map((o, i) => ({value: o.value, name: o.label, key: String(i + 1)})), howTo: `Type 1 to ${options.length}, then Enter.`};
    }
  }
}

const LIST_HINT = '↑↓ also move. < goes back, ? says why this matters, :note adds a note, :sure marks how sure you are.';

/**
 * A list with one answer: rawlist, where an answer is typed (its key, or its
 * number) or reached with ↑↓, and Enter alone with nothing chosen is refused
 * with how to choose. An answered question starts on its answer (Enter keeps
 * it); an unanswered one on nothing, so Enter never records an answer nobody chose.
 */
async function askKeyed(step: Step, message: string, start: string | undefined, answers: Answers, io: PlainIo): Promise<string> {
  const {choices, howTo} = keyedList(step);
  io.say(wrap(`${start === undefined ? 'Nothing is chosen yet. ' : 'Enter alone keeps the answer shown. '}${howTo} ${LIST_HINT}`, io.columns));
  return io.ask((c) =>
    rawlist<Value>(
      {
        message,
        choices: [...choices, new Separator(), ...commandChoices(answers, step, true)],
        default: start,
        loop: false,
        theme: {
          // rawlist's own words for an empty line or a key it does not know, followed by ours.
          style: {error: (text: string) => styleText('red', `> ${text === 'Please input a value' ? 'Nothing chosen yet.' : `${text}.`} ${howTo}`)},
        },
      },
      c,
    ),
  );
}

/**
 * Ask one step. `pending` replaces the stored answer as the starting point
 * (ticks kept after "why this matters").
 */
export async function askStep(step: Step, answers: Answers, io: PlainIo, pending?: StepAnswer): Promise<StepAction> {
  const current = pending ?? getAnswer(answers, step);
  // Where a list starts: the answer, else nothing (the engine offers no answer in advance).
  const start = pending ?? startingAnswer(answers, step);
  switch (step.kind) {
    case 'text':
    case 'list':
      return askText(step, current, io);
    case 'choice': {
      const value = await askKeyed(step, step.prompt, typeof start === 'string' ? start : undefined, answers, io);
      return asCommand(value) ?? {kind: 'answer', value};
    }
    case 'scale': {
      io.say(`  1 = ${step.poles!.manageInPlace}`);
      io.say(`  5 = ${step.poles!.remediationSprint}`);
      const value = await askKeyed(step, `${step.title}: 1 to 5?`, start === undefined ? undefined : String(start), answers, io);
      return asCommand(value) ?? {kind: 'answer', value: scaleAnswer(value)!};
    }
    case 'multi':
      return askMulti(step, current, answers, io);
    case 'yesno': {
      const value = await askKeyed(step, step.prompt, start === undefined ? undefined : start ? 'yes' : 'no', answers, io);
      return asCommand(value) ?? {kind: 'answer', value: value === 'yes'};
    }
    case 'handoffs':
      // The handoff map has its own list and form (ask-handoffs.ts); the interview loop sends it there.
      throw new Error('The handoff map is asked by askHandoffs.');
  }
}

async function askText(step: Step, current: StepAnswer | undefined, io: PlainIo): Promise<StepAction> {
  const previous = Array.isArray(current) ? current.join(', ') : current === undefined ? '' : String(current);
  io.say(wrap(`${step.placeholder ? `e.g. ${step.placeholder}. ` : ''}${textHint()}${previous ? ' · Enter alone keeps the answer in brackets, Tab edits it' : ''}`, io.columns));
  const line = await io.ask((c) =>
    input(
      {
        message: step.prompt,
        default: previous || undefined,
        validate: (value) => (parseTextCommand(value) ? true : validate(step, value) ?? true),
      },
      c,
    ),
  );
  const command = parseTextCommand(line);
  if (command) return {kind: 'command', ...command};
  return {kind: 'answer', value: line};
}

async function askMulti(step: Step, current: StepAnswer | undefined, answers: Answers, io: PlainIo): Promise<StepAction> {
  const ticked = new Set(Array.isArray(current) ? (current as string[]) : []);
  io.say(wrap('Space ticks a statement, Enter confirms (nothing ticked means none of these). To go back, see why this matters or add a note, tick that entry at the end of the list.', io.columns));
  const values = await io.ask((c) =>
    checkbox<Value>(
      {
        message: step.prompt,
        choices: [
          ...(step.options ?? []).map((o) => ({value: o.value, name: o.label, checked: ticked.has(o.value)})),
          new Separator(),
          ...commandChoices(answers, step, false),
        ],
        pageSize: 12,
        loop: false,
        shortcuts: {all: null, invert: null},
      },
      c,
    ),
  );
  const chosen = values.filter((v) => !v.startsWith(CMD));
  // Several commands ticked at once: the first in the list wins (back before why before note).
  const command = LIST_COMMANDS.find((c) => values.includes(`${CMD}${c.command}`));
  if (command) return {kind: 'command', command: command.command, pending: chosen};
  return {kind: 'answer', value: chosen};
}

/** Ask how sure the user is of an answer. Returns undefined to clear the mark, or null when left unchanged. */
export async function askCertainty(step: Step, answers: Answers, io: PlainIo): Promise<Certainty | undefined | null> {
  const now = answers.certainty[step.id];
  const value = await io.ask((c) =>
    select<string>(
      {
        message: `How sure are you of the answer to "${step.label}"?`,
        choices: [
          {value: 'verified', name: 'Verified: checked against records or data'},
          {value: 'estimated', name: 'Estimated: a best judgement'},
          {value: 'unknown', name: 'Unknown: a guess that needs checking'},
          {value: 'clear', name: 'Not marked'},
          new Separator(),
          {value: 'keep', name: '← Back to the question, no change'},
        ],
        default: now ?? 'clear',
        loop: false,
        theme: {indexMode: 'number'},
      },
      c,
    ),
  );
  if (value === 'keep') return null;
  return value === 'clear' ? undefined : (value as Certainty);
}

/**
 * Ask for the note on a question. Returns the new note ('' removes it), or null when left unchanged.
 * With `evidence` (the engine asked for the note as evidence), its question and an example come first.
 */
export async function askNote(
  step: Step,
  answers: Answers,
  io: PlainIo,
  typed?: string,
  evidence?: EvidenceRequest,
  /** Told the text at every key, so that a note being typed survives Ctrl-C. */
  onTyping?: (text: string) => void,
): Promise<string | null> {
  if (typed) {
    // A note typed inline (:note ...) is checked like one typed at the prompt; refused, the prompt asks for it.
    const problem = validateNote(typed);
    if (!problem) return typed;
    io.say(wrap(problem, io.columns));
  }
  const existing = answers.notes[step.id];
  if (evidence) {
    io.say(wrap(`${evidence.prompt} For example: ${evidence.example}`, io.columns));
    io.say(wrap('Enter alone goes on without it; the report then lists the evidence to bring.', io.columns));
  } else io.say(existing ? 'Enter alone keeps the note, Tab edits it, a single - removes it.' : 'Enter alone adds no note.');
  const text = await io.ask((c) =>
    input(
      {
        message: `${evidence ? 'Evidence' : 'Note'} on "${step.label}":`,
        default: existing,
        validate: (value) => validateNote(value) ?? true,
        transformer: (value) => {
          onTyping?.(value);
          return value;
        },
      },
      c,
    ),
  );
  if (text.trim() === '-') return '';
  if (text.trim() === (existing ?? '')) return null;
  return text.trim() ? text : null;
}
