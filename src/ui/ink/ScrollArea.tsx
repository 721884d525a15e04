import {createContext, useContext, useEffect, useRef, type ReactNode, type RefObject} from 'react';
import {Box, measureElement, type DOMElement} from 'ink';

export interface ScrollAreaProps {
  /** Lines scrolled off the top. */
  offset: number;
  /** After each render: how many lines do not fit, and the visible height. */
  onMeasure(overflow: number, height: number): void;
  /** When this changes, the element registered with useScrollFocus(focusOn) is scrolled into view. */
  followKey?: string;
  /** Which kind of element to keep in view: the highlighted option, or the note editor. */
  focusOn?: FocusKind;
  /** Asked to scroll to an offset that shows the focused element. */
  onFollow?(offset: number): void;
  children: ReactNode;
}

export type FocusKind = 'option' | 'note';

const FocusContext = createContext<{ref: RefObject<DOMElement | null>; on: FocusKind} | undefined>(undefined);

/** Inside a ScrollArea, the ref to attach to an element of this kind so that it is kept in view; undefined when another kind has the focus. */
export function useScrollFocus(kind: FocusKind): RefObject<DOMElement | null> | undefined {
  const focus = useContext(FocusContext);
  return focus?.on === kind ? focus.ref : undefined;
}

/**
 * Fills the space between header and footer; content taller than that is
 * clipped, and can be scrolled by `offset`. The frame never grows past the
 * terminal, so Ink never falls back to clearing the screen on each key.
 */
export function ScrollArea({offset, onMeasure, followKey, focusOn = 'option', onFollow, children}: ScrollAreaProps) {
  const outer = useRef<DOMElement>(null);
  const inner = useRef<DOMElement>(null);
  const focus = useRef<DOMElement>(null);
  const followed = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!outer.current || !inner.current) return;
    const height = measureElement(outer.current).height;
    const content = measureElement(inner.current).height;
    onMeasure(Math.max(0, content - height), height);
    if (followKey === followed.current || !focus.current?.yogaNode || !onFollow) return;
    followed.current = followKey;
    const top = topWithin(focus.current, inner.current);
    const bottom = top + measureElement(focus.current).height;
    if (top < offset) onFollow(top);
    else if (bottom > offset + height) onFollow(Math.min(top, bottom - height));
  });
  return (
    <FocusContext.Provider value={{ref: focus, on: focusOn}}>
      <Box ref={outer} flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
        <Box ref={inner} flexDirection="column" flexShrink={0} marginTop={-offset}>
          {children}
        </Box>
      </Box>
    </FocusContext.Provider>
  );
}

/** An element's top edge measured from an ancestor's. */
function topWithin(node: DOMElement, ancestor: DOMElement): number {
  let top = 0;
  for (let n: DOMElement | undefined = node; n && n !== ancestor; n = n.parentNode) top += n.yogaNode?.getComputedTop() ?? 0;
  return top;
}
