import {useEffect, useRef, type ReactNode} from 'react';
import {Box, measureElement, type DOMElement} from 'ink';

export interface ScrollAreaProps {
  /** Lines scrolled off the top. */
  offset: number;
  /** After each render: how many lines do not fit, and the visible height. */
  onMeasure(overflow: number, height: number): void;
  children: ReactNode;
}

/**
 * Fills the space between header and footer; content taller than that is
 * clipped, and can be scrolled by `offset`. The frame never grows past the
 * terminal, so Ink never falls back to clearing the screen on each key.
 */
export function ScrollArea({offset, onMeasure, children}: ScrollAreaProps) {
  const outer = useRef<DOMElement>(null);
  const inner = useRef<DOMElement>(null);
  useEffect(() => {
    if (!outer.current || !inner.current) return;
    const height = measureElement(outer.current).height;
    const content = measureElement(inner.current).height;
    onMeasure(Math.max(0, content - height), height);
  });
  return (
    <Box ref={outer} flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden">
      <Box ref={inner} flexDirection="column" flexShrink={0} marginTop={-offset}>
        {children}
      </Box>
    </Box>
  );
}
