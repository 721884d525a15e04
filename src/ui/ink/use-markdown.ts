import {useEffect, useMemo, useState} from 'react';

type Renderer = typeof import('./render-markdown.js');
let loading: Promise<Renderer> | undefined;
let loaded: Renderer | undefined;

/** Start loading the preview renderer (marked's lexer) before the result screen needs it. */
export function preloadMarkdown(): Promise<Renderer> {
  loading ??= import('./render-markdown.js').then((m) => (loaded = m));
  return loading;
}

/** Markdown rendered for the terminal as lines of `width`, once the renderer has loaded. */
export function useMarkdown(markdown: string | undefined, width: number, noColor: boolean): {lines?: string[]; failure?: string} {
  const [renderer, setRenderer] = useState<Renderer | undefined>(loaded);
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    if (renderer || markdown === undefined) return;
    let live = true;
    preloadMarkdown().then(
      (m) => live && setRenderer(() => m),
      (error: Error) => live && setFailure(error.message),
    );
    return () => {
      live = false;
    };
  }, [renderer, markdown]);
  return useMemo(() => {
    if (failure) return {failure};
    if (!renderer || markdown === undefined) return {};
    try {
      return {lines: renderer.renderMarkdown(markdown, width, noColor)};
    } catch (error) {
      return {failure: (error as Error).message};
    }
  }, [renderer, markdown, width, noColor, failure]);
}
