/**
 * Which row holds the tree's single tab stop, and where it goes when that row disappears:
 * to the ancestor whose branch collapsed, or, when the organization itself was removed, to the
 * next sibling, the previous sibling or the parent, in that order. Focus is never dropped.
 */
import { ancestorKeys, type TreeRow, type VisibleRows } from './treeModel';

export interface ActiveRow {
  readonly key: string;
  /** Where the row was, to find its neighbours once it is gone. */
  readonly index: number;
  /** Ancestor keys, nearest first, remembered while the row was visible. */
  readonly ancestors: readonly string[];
  readonly placeholder: boolean;
}

export function activeRowAt(rows: readonly TreeRow[], index: number): ActiveRow | null {
  const row = rows[index];
  if (!row) return null;
  return {
    key: row.key,
    index,
    ancestors: ancestorKeys(rows, index),
    placeholder: row.kind !== 'node',
  };
}

function nearestSibling(rows: readonly TreeRow[], oldIndex: number, parentIndex: number): number {
  const next = rows[oldIndex];
  if (next && next.parentIndex === parentIndex) return oldIndex;

  // Climb from the row just above to the child of `parentIndex` it belongs to: the previous
  // sibling, in O(depth) rather than a scan over that sibling's descendants.
  let candidate = Math.min(oldIndex, rows.length) - 1;
  while (candidate > parentIndex) {
    const row = rows[candidate] as TreeRow;
    if (row.parentIndex === parentIndex) return candidate;
    candidate = row.parentIndex;
  }
  return parentIndex >= 0 ? parentIndex : 0;
}

/** Index of the row that should hold focus now, or -1 when the tree has no rows. */
export function resolveActiveIndex(active: ActiveRow | null, visible: VisibleRows): number {
  const { rows, indexByKey } = visible;
  if (rows.length === 0) return -1;
  if (!active) return 0;

  const same = indexByKey.get(active.key);
  if (same !== undefined) return same;

  for (const ancestorKey of active.ancestors) {
    const index = indexByKey.get(ancestorKey);
    if (index === undefined) continue;
    const ancestor = rows[index] as TreeRow;
    const collapsed = ancestor.kind === 'node' && ancestor.expanded !== true;
    // A placeholder vanishes when its parent's children arrive: focus stays on the parent.
    if (collapsed || active.placeholder) return index;
    return nearestSibling(rows, active.index, index);
  }
  return nearestSibling(rows, active.index, -1);
}
