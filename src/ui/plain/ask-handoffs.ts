/**
 * The plain mode's handoff map (issue 10): the list with its choices (add,
 * change, remove, go on or skip), then a handoff's fields one prompt at a
 * time. Every field is checked by the engine (handoff-form.ts); what is
 * stored and where the interview goes is the session's.
 */
import {input, select, Separator} from '@inquirer/prompts';
import {fieldText, formFields, maxHandoffs, parseField, summarizeHandoff} from '../../engine/handoff-form.js';
import type {Step} from '../../engine/interview.js';
import type {Session} from '../../session/runner.js';
import type {SessionEvent, SessionState} from '../../session/session.js';
import {wrap, type PlainIo} from './plain-io.js';

type Send = (event: SessionEvent) => SessionState;

/** Typed alone in a field: back to the previous field (from the first, the form closes). */
const BACK = '<';
/** Typed alone in an optional field being changed: clears it (Enter alone keeps what is in brackets). */
const CLEAR = '-';

/** One turn on the map: the list and a choice, or, with the form open, one field. */
export async function askHandoffs(session: Session, step: Step, io: PlainIo, send: Send): Promise<'why' | undefined> {
  const state = session.state;
  if (state.handoffForm) {
    await askField(session, io, send);
    return undefined;
  }
  const spec = session.config.bank.handoffMap!;
  const list = state.interview.answers.handoffs ?? [];
  const max = maxHandoffs(spec);
  io.say('');
  io.say(wrap(step.prompt, io.columns));
  if (!list.length) {
    io.say(wrap(step.why, io.columns, '  '));
    io.say('No handoffs yet. The part is optional: "Skip this part" goes on without a map.');
  } else {
    io.say(`${list.length} of at most ${max} handoffs:`);
    list.forEach((h, i) => io.say(wrap(`${i + 1}. ${summarizeHandoff(h)}`, io.columns, '  ', '     ')));
  }
  const value = await io.ask((c) =>
    select<string>(
      {
        message: list.length ? 'Add, change or remove a handoff, or go on?' : 'Add a handoff, or skip this part?',
        choices: [
          ...(list.length < max ? [{value: 'add', name: list.length ? 'Add another handoff' : 'Add a handoff'}] : []),
          ...list.map((h, i) => ({value: `edit:${i}`, name: `Change ${i + 1}. ${h.from} → ${h.to} (${h.record})`})),
          ...list.map((h, i) => ({value: `remove:${i}`, name: `Remove ${i + 1}. ${h.from} → ${h.to} (${h.record})`})),
          {value: 'done', name: list.length ? 'Done: go on' : 'Skip this part'},
          new Separator(),
          {value: 'back', name: '< Back to the previous question'},
          {value: 'why', name: '? Why this matters'},
        ],
        default: list.length ? 'done' : 'add',
        pageSize: 14,
        loop: false,
      },
      c,
    ),
  );
  if (value === 'why') return 'why';
  const [kind, at] = value.split(':');
  const index = Number(at);
  const event: SessionEvent =
    kind === 'add'
      ? {type: 'handoff-add'}
      : kind === 'edit'
        ? {type: 'handoff-edit', index}
        : kind === 'remove'
          ? {type: 'handoff-remove', index}
          : kind === 'back'
            ? {type: 'back'}
            : {type: 'handoffs-done'};
  const next = send(event);
  if (next.error) io.say(wrap(next.error.message, io.columns));
  else if (kind === 'remove') io.say(`Removed: ${list[index]!.from} → ${list[index]!.to}.`);
  else if (kind === 'add' || kind === 'edit') io.say(wrap(`Type each field and Enter; ${BACK} alone goes back a field.${kind === 'edit' ? ` Enter alone keeps what is in brackets; ${CLEAR} clears an optional field.` : ''}`, io.columns));
  return undefined;
}

/** The open form's current field: typed, or for critical path chosen; sent to the session, which checks it again. */
async function askField(session: Session, io: PlainIo, send: Send): Promise<void> {
  const form = session.state.handoffForm!;
  const fields = formFields(session.config.bank.handoffMap!);
  const field = fields[form.field]!;
  const title = `${form.index === undefined ? 'New handoff' : `Handoff ${form.index + 1}`}, ${form.field + 1} of ${fields.length}`;
  const before = fieldText(form.draft, field.field);
  let text: string;
  if (field.kind === 'yesno') {
    text = await io.ask((c) =>
      select<string>(
        {
          message: `${title}: ${field.prompt}`,
          choices: [
            {value: 'yes', name: 'Yes'},
            {value: 'no', name: 'No'},
            {value: '', name: 'Not sure'},
            new Separator(),
            {value: BACK, name: '< Back to the previous field'},
          ],
          // Nothing chosen yet: "Not sure", so Enter alone claims nothing.
          default: before,
          loop: false,
        },
        c,
      ),
    );
  } else {
    io.say(wrap(field.hint, io.columns, '  '));
    const typed = await io.ask((c) =>
      input(
        {
          message: `${title}: ${field.prompt}`,
          default: before || undefined,
          validate: (value) => {
            const t = value.trim();
            if (t === BACK || (t === CLEAR && !field.required)) return true;
            const parsed = parseField(field.field, value);
            return parsed.ok ? true : parsed.message;
          },
        },
        c,
      ),
    );
    text = typed.trim() === CLEAR && !field.required ? '' : typed;
  }
  if (text.trim() === BACK) {
    send({type: 'handoff-back'});
    return;
  }
  const next = send({type: 'handoff-field', text});
  if (next.error) io.say(wrap(next.error.message, io.columns));
  else if (!next.handoffForm) {
    const list = next.interview.answers.handoffs ?? [];
    const stored = list[form.index ?? list.length - 1];
    if (stored) io.say(wrap(`${form.index === undefined ? 'Added' : 'Changed'}: ${summarizeHandoff(stored)}.`, io.columns));
  }
}
