import {useCallback, useEffect, useReducer, useRef} from 'react';
import {useInput, type Key} from 'ink';
import type {Session} from '../../session/runner.js';
import {follow, initialView, measured, onKey, scrolled, type Measure, type WizardView} from './wizard-state.js';

/**
 * The wizard's latest view, kept where code outside React can read it at any moment: what
 * run-wizard.tsx reads when a signal ends the interview, to keep what is being typed.
 */
export interface LiveView {
  view?: WizardView;
}

export interface Wizard {
  view: WizardView;
  /** New sizes from the last layout (an effect, after the render that measured them). */
  measure(measure: Measure): void;
  /** Scroll the welcome or question screen to an offset, e.g. to keep the highlighted option in view. */
  scrollTo(offset: number): void;
}

/**
 * The wizard's view state beside the session: each key is read against the
 * latest view and session state (kept in a ref, not a closure, so keys that
 * arrive faster than React re-renders are not lost), turned into session
 * events, and the view follows where the session went.
 */
export function useWizard(session: Session, {onlyQuit = false, live}: {onlyQuit?: boolean; live?: LiveView} = {}): Wizard {
  const viewRef = useRef<WizardView | undefined>(undefined);
  // While the screen cannot be seen (a terminal too small), no key may act on it but ctrl+c.
  const onlyQuitRef = useRef(onlyQuit);
  onlyQuitRef.current = onlyQuit;
  viewRef.current ??= initialView(session.config, session.state);
  if (live) live.view = viewRef.current;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => session.subscribe(rerender), [session]);

  const set = (next: WizardView): void => {
    if (next === viewRef.current) return;
    viewRef.current = next;
    if (live) live.view = next;
    rerender();
  };
  const onInput = useCallback(
    (input: string, key: Key) => {
      if (onlyQuitRef.current && !(key.ctrl && input === 'c')) return;
      const before = session.state;
      const {view, events} = onKey(viewRef.current!, before, session.config, input, key);
      for (const event of events) session.dispatch(event);
      set(follow(view, before, session.state, session.config));
    },
    [session],
  );
  useInput(onInput);
  return {
    view: viewRef.current,
    measure: (m) => {
      const now = viewRef.current!.measure;
      if (Object.keys(m).some((k) => m[k as keyof Measure] !== now[k as keyof Measure])) set(measured(viewRef.current!, m));
    },
    scrollTo: (offset) => set(scrolled(viewRef.current!, offset)),
  };
}
