import {useCallback, useReducer, useRef} from 'react';
import {useInput, type Key} from 'ink';
import type {InterviewState} from '../../engine/interview.js';
import type {Answers} from '../../engine/types.js';
import {FileExistsError, writeFileSafely} from '../../store/atomic-write.js';
import type {ReportFormat} from '../types.js';
import {initialState, reduce, type Effect, type WizardAction, type WizardEnv, type WizardState} from './wizard-state.js';

export interface WizardHandlers {
  /** Called synchronously whenever the engine state changes (answer, note, back, edit). */
  onChange(state: InterviewState): void;
  renderReport(answers: Answers, format: ReportFormat): string;
}

/**
 * Runs the wizard reducer. The state lives in a ref, not in a closure: each
 * key is reduced against the latest state even when keys arrive faster than
 * React re-renders (NOTES.md: stale closures in useInput drop keys).
 */
export function useWizard(env: WizardEnv, initial: InterviewState, handlers: WizardHandlers): {state: WizardState; dispatch: (action: WizardAction) => void} {
  const envRef = useRef(env);
  envRef.current = env;
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const stateRef = useRef<WizardState | undefined>(undefined);
  stateRef.current ??= initialState(env, initial);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const dispatch = useCallback((action: WizardAction): void => {
    const previous = stateRef.current!;
    const {state, effects} = reduce(previous, action, envRef.current);
    stateRef.current = state;
    if (state.interview !== previous.interview) {
      try {
        handlersRef.current.onChange(state.interview);
        if (state.message) dispatch({type: 'draft-saved'});
      } catch (error) {
        dispatch({type: 'draft-failed', message: (error as Error).message});
      }
    }
    for (const effect of effects) run(effect, state, dispatch);
    if (stateRef.current !== previous) rerender();
  }, []);

  const run = (effect: Effect, state: WizardState, send: (action: WizardAction) => void): void => {
    try {
      const text = handlersRef.current.renderReport(state.interview.answers, effect.format);
      writeFileSafely(effect.path, text, {overwrite: effect.overwrite});
      send({type: 'saved', path: effect.path});
    } catch (error) {
      if (error instanceof FileExistsError) send({type: 'exists', path: effect.path});
      else send({type: 'save-failed', message: `Could not save: ${(error as Error).message}`});
    }
  };

  const onInput = useCallback((input: string, key: Key) => dispatch({type: 'key', input, key}), [dispatch]);
  useInput(onInput);
  return {state: stateRef.current, dispatch};
}
