/**
 * What a key means on issue 10's two interview parts in the wizard: the
 * baseline figure asked after a matrix answer, and the handoff map (its list
 * and its form). Like wizard-state.ts, a key in, the next view and the
 * session events out; every rule (what is stored, what is refused, where
 * the interview goes) is the session's.
 */
import type {Key} from 'ink';
import {figureText} from '../../engine/baseline.js';
import {fieldText, formFields} from '../../engine/handoff-form.js';
import type {Handoff} from '../../engine/types.js';
import {currentQuestion, type SessionConfig, type SessionEvent, type SessionState} from '../../session/session.js';
import type {Action} from './keymap.js';
import {editText, textBuffer, type TextBuffer} from './text-buffer.js';

/** The wizard's view of the two parts (part of WizardView). */
export interface PartsView {
  /** The figure being typed after a matrix answer. */
  figure?: TextBuffer;
  /** The handoff field being typed in the map's form. */
  field?: TextBuffer;
  /** The highlighted row of the map: a handoff, then "add", then "go on". */
  handoffCursor?: number;
}

export interface PartsResult<V extends PartsView> {
  view: V;
  events: SessionEvent[];
}

/** The rows of the map's list: each handoff, then the add row, then the go-on row. */
export function handoffRows(handoffs: readonly Handoff[] | undefined): {add: number; done: number; count: number} {
  const n = handoffs?.length ?? 0;
  return {add: n, done: n + 1, count: n + 2};
}

/** A key while the figure is asked: enter gives what is typed, esc goes on without it. */
export function onFigureKey<V extends PartsView>(view: V, act: Action | undefined, input: string, key: Key): PartsResult<V> {
  if (act === 'next') return {view, events: [{type: 'figure', text: view.figure?.value ?? ''}]};
  if (act === 'cancel') return {view, events: [{type: 'skip-figure'}]};
  const buffer = view.figure && editText(view.figure, input, key, 40);
  return {view: buffer ? {...view, figure: buffer} : view, events: []};
}

/** A key on the handoff map: in its form, the field being typed; else the list. */
export function onHandoffsKey<V extends PartsView & {why: boolean}>(view: V, session: SessionState, act: Action | undefined, input: string, key: Key): PartsResult<V> {
  const send = (...events: SessionEvent[]): PartsResult<V> => ({view, events});
  if (session.handoffForm) {
    if (act === 'next') return send({type: 'handoff-field', text: view.field?.value ?? ''});
    if (act === 'back') return send({type: 'handoff-back'});
    const buffer = view.field && editText(view.field, input, key, 200);
    return {view: buffer ? {...view, field: buffer} : view, events: []};
  }
  const rows = handoffRows(session.interview.answers.handoffs);
  const cursor = Math.min(view.handoffCursor ?? rows.add, rows.count - 1);
  switch (act) {
    case 'up':
      return {view: {...view, handoffCursor: (cursor - 1 + rows.count) % rows.count}, events: []};
    case 'down':
      return {view: {...view, handoffCursor: (cursor + 1) % rows.count}, events: []};
    case 'add':
      return send({type: 'handoff-add'});
    case 'remove':
      return cursor < rows.add ? send({type: 'handoff-remove', index: cursor}) : {view, events: []};
    case 'skip':
      return send({type: 'handoffs-done'});
    case 'next':
      if (cursor < rows.add) return send({type: 'handoff-edit', index: cursor});
      return send(cursor === rows.add ? {type: 'handoff-add'} : {type: 'handoffs-done'});
    case 'back':
      return send({type: 'back'});
    case 'why':
      return {view: {...view, why: !view.why}, events: []};
    default:
      return {view, events: []};
  }
}

/**
 * The view after the session moved: the figure's field opens with the stored figure, a form field
 * with the value it holds, and the map's highlight lands on "add" on arrival and after a handoff is stored.
 */
export function followParts<V extends PartsView>(view: V, before: SessionState | undefined, after: SessionState, config: SessionConfig): V {
  let next = view;
  if (after.figure && after.figure.id !== before?.figure?.id) next = {...next, figure: textBuffer(figureText(after.interview.answers.baselines?.[after.figure.id]))};
  if (!after.figure && next.figure) next = {...next, figure: undefined};
  const form = after.handoffForm;
  const spec = config.bank.handoffMap;
  if (form && spec && (form.field !== before?.handoffForm?.field || form.index !== before?.handoffForm?.index || !before?.handoffForm)) {
    next = {...next, field: textBuffer(fieldText(form.draft, formFields(spec)[form.field]!.field))};
  }
  if (!form && next.field) next = {...next, field: undefined};
  const onMap = currentQuestion(config, after)?.kind === 'handoffs';
  const wasOnMap = before !== undefined && currentQuestion(config, before)?.kind === 'handoffs' && before.interview.index === after.interview.index;
  const rows = handoffRows(after.interview.answers.handoffs);
  if (onMap && (!wasOnMap || (before?.handoffForm && !form))) next = {...next, handoffCursor: rows.add};
  else if (onMap) next = {...next, handoffCursor: Math.min(next.handoffCursor ?? rows.add, rows.count - 1)};
  return next;
}
