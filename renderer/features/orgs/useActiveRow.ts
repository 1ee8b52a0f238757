/**
 * The tree's roving tab stop. The active row is kept as a key plus enough context (index,
 * ancestors) to find the nearest remaining row when that key disappears; it is re-resolved
 * during render whenever the visible rows change, so it is never stale for a frame.
 */
import { useCallback, useState } from 'react';
import { activeRowAt, resolveActiveIndex, type ActiveRow } from './activeRow';
import type { VisibleRows } from './treeModel';

export interface FocusRequest {
  readonly id: string;
  readonly seq: number;
}

export interface ActiveRowState {
  /** -1 when there are no rows. */
  readonly activeIndex: number;
  /** Bumped each time an outside request moved the active row, to trigger scroll and focus. */
  readonly requestSeq: number;
  readonly activate: (index: number) => void;
}

export function useActiveRow(
  visible: VisibleRows,
  focusRequest: FocusRequest | null | undefined,
): ActiveRowState {
  const [active, setActive] = useState<ActiveRow | null>(null);
  const [requestSeq, setRequestSeq] = useState(0);

  let activeIndex = resolveActiveIndex(active, visible);
  const requested = focusRequest ? visible.indexByKey.get(focusRequest.id) : undefined;
  if (focusRequest && requested !== undefined && focusRequest.seq !== requestSeq) {
    activeIndex = requested;
    setRequestSeq(focusRequest.seq);
  }

  // Adjusting state while rendering (rather than in an effect) keeps the tab stop and the
  // remembered ancestors in step with the rows before anything is committed.
  const row = visible.rows[activeIndex];
  if (row && (row.key !== active?.key || activeIndex !== active.index)) {
    setActive(activeRowAt(visible.rows, activeIndex));
  }

  const activate = useCallback(
    (index: number) => setActive(activeRowAt(visible.rows, index)),
    [visible.rows],
  );
  return { activeIndex, requestSeq, activate };
}
