/**
 * Keeps DOM focus on the tree's active row. When the focused row leaves the DOM (its branch
 * collapsed, the organization was removed, a refresh replaced it) the browser drops focus to
 * <body>; after that commit this hook puts it on the row that took over the tab stop.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, type FocusEvent } from 'react';

export interface TreeFocusKeeper {
  /** Ref callback target: the DOM element of each rendered row, by row key. */
  setElement: (key: string, element: HTMLDivElement | null) => void;
  /** Focuses the row now, or as soon as it is rendered. */
  focusRow: (key: string) => void;
  onFocus: () => void;
  onBlur: (event: FocusEvent<HTMLElement>) => void;
}

export function useTreeFocusKeeper(activeKey: string | null): TreeFocusKeeper {
  const elements = useRef(new Map<string, HTMLDivElement>());
  const hasFocus = useRef(false);
  const pending = useRef<string | null>(null);

  // Runs after every commit: a map lookup and two comparisons.
  useLayoutEffect(() => {
    if (pending.current !== null) {
      const wanted = elements.current.get(pending.current);
      // Not rendered yet: wait for the next commit, unless the tab stop has moved elsewhere.
      if (!wanted && pending.current === activeKey) return;
      pending.current = null;
      wanted?.focus({ preventScroll: true });
      return;
    }
    const element = activeKey === null ? undefined : elements.current.get(activeKey);
    const current = document.activeElement;
    const dropped = current === null || current === document.body;
    if (element && hasFocus.current && dropped) element.focus({ preventScroll: true });
  });

  const setElement = useCallback((key: string, element: HTMLDivElement | null) => {
    if (element) elements.current.set(key, element);
    else elements.current.delete(key);
  }, []);

  const focusRow = useCallback((key: string) => {
    const element = elements.current.get(key);
    if (element) {
      pending.current = null;
      element.focus({ preventScroll: true });
    } else {
      pending.current = key;
    }
  }, []);

  const onFocus = useCallback(() => {
    hasFocus.current = true;
  }, []);

  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    const tree = event.currentTarget;
    const next = event.relatedTarget;
    if (next instanceof Node && tree.contains(next)) return;
    pending.current = null;
    if (next !== null) {
      hasFocus.current = false;
      return;
    }
    // No new target: the user clicked outside, the window lost focus, or the row was removed.
    // Only the first means the tree gave focus up; a removed row is handled by the effect.
    const left = event.target;
    setTimeout(() => {
      const current = document.activeElement;
      if (left.isConnected && !(current !== null && tree.contains(current))) {
        hasFocus.current = false;
      }
    }, 0);
  }, []);

  return useMemo(
    () => ({ setElement, focusRow, onFocus, onBlur }),
    [setElement, focusRow, onFocus, onBlur],
  );
}
