/**
 * The one runner of a session: it holds the state, applies events through
 * the session's rules (src/session/session.ts) and runs the effects they ask
 * for (the draft, the report) through the services it is given. Front ends
 * read `state`, send events with `dispatch` and redraw when told; they do no
 * file IO of their own.
 */
import type {InterviewState} from '../engine/interview.js';
import type {Answers} from '../engine/types.js';
import type {ReportFormat} from '../report/report-types.js';
import {displayPath} from '../files/paths.js';
import {findBlock} from '../report/embed.js';
import {startSession, transition, type SessionConfig, type SessionEffect, type SessionEvent, type SessionState} from './session.js';

/** What the runner does to the world. The real ones are in src/session/services.ts; tests give their own. */
export interface SessionServices {
  /** Save the draft of the interview. Throws an Error whose message says why, for the user. */
  saveDraft(interview: InterviewState): void;
  /**
   * The report for these answers in one format: text, or (a PDF, made asynchronously) a promise
   * of its bytes. Throws (or rejects) when it cannot be made.
   */
  renderReport(answers: Answers, format: ReportFormat): string | Promise<string | Uint8Array>;
  /** Write a report file whole. `exists`: the file was there and `overwrite` was false; nothing was written. */
  writeReport(path: string, content: string | Uint8Array, overwrite: boolean): 'written' | 'exists';
}

/** A running session, as a front end sees it. */
export interface Session {
  readonly config: SessionConfig;
  readonly state: SessionState;
  /** Apply an event now, with every effect it causes; listeners are told once it has all settled. */
  dispatch(event: SessionEvent): void;
  /** Called after every dispatch that changed the state (the end of the session included). Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Settles once no effect is still running (a PDF being made and written); its outcome is dispatched by then. */
  idle(): Promise<void>;
}

export function createSession(config: SessionConfig, initial: InterviewState, services: SessionServices): Session {
  let state = startSession(initial);
  const listeners = new Set<() => void>();
  const queue: SessionEvent[] = [];
  let running = false;
  /** Effects still running (a PDF): their outcome is dispatched when they settle. */
  const pending = new Set<Promise<void>>();

  const dispatch = (event: SessionEvent): void => {
    queue.push(event);
    if (running) return; // an effect's result: applied after the event that caused it
    running = true;
    const before = state;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const t = transition(config, state, next);
        state = t.state;
        for (const effect of t.effects) {
          const outcome = runEffect(effect, services, config.cwd);
          if (!(outcome instanceof Promise)) {
            queue.push(outcome);
            continue;
          }
          const done: Promise<void> = outcome.then((event) => {
            pending.delete(done);
            dispatch(event);
          });
          pending.add(done);
        }
      }
    } finally {
      running = false;
    }
    if (state !== before) for (const listener of [...listeners]) listener();
  };

  return {
    config,
    get state() {
      return state;
    },
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

/** Run one effect through the services; its outcome comes back as an event. */
function runEffect(effect: SessionEffect, services: SessionServices, cwd: string): SessionEvent | Promise<SessionEvent> {
  switch (effect.type) {
    case 'save-draft':
      try {
        services.saveDraft(effect.interview);
        return {type: 'draft-saved'};
      } catch (error) {
        return {type: 'draft-failed', message: (error as Error).message};
      }
    case 'prepare-report':
      try {
        return {type: 'report-ready', markdown: forReading(services.renderReport(effect.answers, 'md') as string)};
      } catch (error) {
        return {type: 'report-failed', message: (error as Error).message};
      }
    case 'write-report':
      return writeReport(effect, services, cwd);
  }
}

/** Render the report in its format and write it; the outcome as an event (a promise of it while a PDF is made). */
function writeReport(effect: Extract<SessionEffect, {type: 'write-report'}>, services: SessionServices, cwd: string): SessionEvent | Promise<SessionEvent> {
  const unmade = (error: unknown): SessionEvent => ({type: 'report-unmade', message: `The ${effect.format} report could not be made: ${(error as Error).message}`});
  let made: string | Promise<string | Uint8Array>;
  try {
    made = services.renderReport(effect.answers, effect.format);
  } catch (error) {
    return unmade(error);
  }
  if (made instanceof Promise) return made.then((content) => write(effect, services, cwd, content), unmade);
  return write(effect, services, cwd, made);
}

function write(effect: Extract<SessionEffect, {type: 'write-report'}>, services: SessionServices, cwd: string, content: string | Uint8Array): SessionEvent {
  try {
    const done = services.writeReport(effect.path, content, effect.overwrite);
    return done === 'exists' ? {type: 'report-exists', path: effect.path} : {type: 'report-written', path: effect.path};
  } catch (error) {
    const why = (error as {why?: string}).why ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {type: 'write-failed', message: `Could not save ${displayPath(effect.path, cwd)}: ${why}. Choose another name.`};
  }
}

/** The markdown report as a person reads it on screen: without the machine-readable data block at its end. */
function forReading(markdown: string): string {
  return findBlock(markdown)?.body ?? markdown;
}
