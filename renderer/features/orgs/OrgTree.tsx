/**
 * The virtualized organization tree, per the WAI-ARIA APG tree pattern: one flat list of
 * treeitems carrying aria-level, aria-setsize and aria-posinset from the row model, a roving
 * tab stop, the APG keys and type-ahead, and focus that survives rows disappearing.
 *
 * Only the rows in view (plus overscan, plus the focused row wherever it is) are in the DOM.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { OrgTreeRow } from './OrgTreeRow';
import { markFirstRow, measureScrollFrame } from './perfMarks';
import type { OrgNode } from './source';
import { commandForKey, type TreeCommand } from './treeKeyboard';
import type { VisibleRows } from './treeModel';
import { useActiveRow, type FocusRequest } from './useActiveRow';
import { useTreeFocusKeeper } from './useTreeFocusKeeper';
import { useTypeAhead } from './useTypeAhead';
import './orgTree.css';

export interface OrgTreeProps {
  /** Accessible name of the tree. */
  label: string;
  visible: VisibleRows;
  selectedId: string | null;
  onExpandedChange: (id: string, expanded: boolean) => void;
  /** `*`: expand every sibling of this organization. */
  onExpandSiblings: (id: string) => void;
  onSelect: (id: string) => void;
  onRetry: (parentId: string | null) => void;
  /** Moves focus to an organization, e.g. a chosen search hit, once its row is visible. */
  focusRequest?: FocusRequest | null;
  /** Organizations to highlight, e.g. the path to the last search hit. */
  highlighted?: ReadonlySet<string>;
  /** Extra content after the name: the selected agent's sharing and roles. Keep it stable. */
  decorate?: (node: OrgNode) => ReactNode;
  rowHeight?: number;
  /** Viewport height assumed before layout measures it (layout-less tests rely on it). */
  initialHeight?: number;
}

const NO_HIGHLIGHT: ReadonlySet<string> = new Set();

export function OrgTree({
  label,
  visible,
  selectedId,
  onExpandedChange,
  onExpandSiblings,
  onSelect,
  onRetry,
  focusRequest,
  highlighted = NO_HIGHLIGHT,
  decorate,
  rowHeight = 32,
  initialHeight = 600,
}: OrgTreeProps): React.JSX.Element {
  const { rows } = visible;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { activeIndex, requestSeq, activate } = useActiveRow(visible, focusRequest);
  const activeKey = rows[activeIndex]?.key ?? null;
  const focusKeeper = useTreeFocusKeeper(activeKey);

  // The focused row is always rendered, even when scrolled out of view, so the tab stop exists.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < 0 || indexes.includes(activeIndex)) return indexes;
      return [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );

  // The virtualizer is mutable by design, so the compiler cannot memoize around it; this
  // component relies on it re-rendering, not on memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    initialRect: { width: 0, height: initialHeight },
    rangeExtractor,
  });

  const moveTo = (index: number): void => {
    const row = rows[index];
    if (!row) return;
    activate(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    focusKeeper.focusRow(row.key);
  };

  useLayoutEffect(() => {
    const row = rows[activeIndex];
    if (requestSeq === 0 || !row) return;
    virtualizer.scrollToIndex(activeIndex, { align: 'center' });
    focusKeeper.focusRow(row.key);
    // Only a new request scrolls; later renders must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestSeq]);

  useLayoutEffect(() => {
    if (rows.some((row) => row.kind === 'node')) markFirstRow();
  }, [rows]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    // From the scroll event's dispatch to the next frame, by which the rows have re-rendered
    // (`event.timeStamp` is set a frame earlier in Chromium and would overstate the work).
    let started: number | undefined;
    let frame = 0;
    const onScroll = (): void => {
      if (started !== undefined) return;
      started = performance.now();
      frame = requestAnimationFrame(() => {
        if (started !== undefined) measureScrollFrame(started);
        started = undefined;
      });
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  const typeAhead = useTypeAhead(rows, activeIndex, moveTo);

  const run = (command: TreeCommand): void => {
    switch (command.type) {
      case 'focus':
        return moveTo(command.index);
      case 'expand':
        return onExpandedChange(command.id, true);
      case 'collapse':
        return onExpandedChange(command.id, false);
      case 'select':
        return onSelect(command.id);
      case 'retry':
        return onRetry(command.parentId);
      case 'expandSiblings':
        return onExpandSiblings(command.id);
      case 'none':
        return;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const command = commandForKey(rows, activeIndex, event.key);
    if (command.type !== 'none') {
      event.preventDefault();
      run(command);
    } else if (typeAhead.handles(event)) {
      event.preventDefault();
      typeAhead.type(event.key);
    }
  };

  // Focus can reach a row without our keys (a click, a screen reader's cursor): follow it.
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    focusKeeper.onFocus();
    const row = event.target.closest<HTMLElement>('[role="treeitem"]');
    const index = Number(row?.dataset.index ?? -1);
    if (index >= 0 && index !== activeIndex) activate(index);
  };

  const onRowClick = useCallback(
    (index: number) => {
      // The click itself focuses the row (tabindex -1 is focusable by pointer).
      activate(index);
      const row = rows[index];
      if (row?.kind === 'node') onSelect(row.node.id);
    },
    [activate, rows, onSelect],
  );

  return (
    <div ref={scrollRef} className="org-tree-scroll">
      <div
        role="tree"
        aria-label={label}
        className="org-tree"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={focusKeeper.onBlur}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <OrgTreeRow
              key={row.key}
              row={row}
              index={item.index}
              top={item.start}
              height={rowHeight}
              tabbable={item.index === activeIndex}
              selected={row.kind === 'node' && row.key === selectedId}
              onPath={highlighted.has(row.key)}
              decorate={decorate}
              onRowClick={onRowClick}
              onToggle={onExpandedChange}
              onRetry={onRetry}
              setElement={focusKeeper.setElement}
            />
          );
        })}
      </div>
    </div>
  );
}
