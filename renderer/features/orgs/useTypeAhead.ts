/** Type-ahead state for the tree: the characters typed so far, reset after a pause. */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { TreeRow } from './treeModel';
import { findTypeAheadMatch, isTypeAheadKey, TYPE_AHEAD_RESET_MS } from './typeAhead';

export interface TypeAhead {
  handles: (event: KeyboardEvent) => boolean;
  type: (key: string) => void;
}

export function useTypeAhead(
  rows: readonly TreeRow[],
  activeIndex: number,
  moveTo: (index: number) => void,
): TypeAhead {
  const typed = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return {
    handles: (event) => isTypeAheadKey(event),
    type: (key) => {
      typed.current += key;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        typed.current = '';
      }, TYPE_AHEAD_RESET_MS);
      const match = findTypeAheadMatch(rows, activeIndex, typed.current);
      if (match >= 0) moveTo(match);
    },
  };
}
