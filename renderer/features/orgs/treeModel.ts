/**
 * The org tree as the flat list of rows a screen shows: a depth-first walk over the expanded
 * part of the node store. Each row carries its ARIA position (level, set size, position in set)
 * computed from the data, so virtualization never has to look at the DOM.
 *
 * Cost is O(visible rows) per change: collapsed subtrees are never visited, however large.
 */
import { ROOT_KEY, type OrgTreeData, type ParentKey } from './orgIndex';
import type { OrgNode } from './source';

export type ChildLoad = { status: 'loading' } | { status: 'error'; message: string };

interface RowBase {
  readonly key: string;
  /** 1 for root-level organizations. */
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  /** Index of the parent row in the same list, or -1 at the top level. */
  readonly parentIndex: number;
}

export interface NodeRow extends RowBase {
  readonly kind: 'node';
  readonly node: OrgNode;
  /** Null for a leaf, which has no expanded state at all. */
  readonly expanded: boolean | null;
}

/** Stands in for the children of `parentId` while they load, or after loading them failed. */
export interface PlaceholderRow extends RowBase {
  readonly kind: 'loading' | 'error';
  readonly parentId: string | null;
  readonly message: string;
}

export type TreeRow = NodeRow | PlaceholderRow;

export interface VisibleRows {
  readonly rows: readonly TreeRow[];
  readonly indexByKey: ReadonlyMap<string, number>;
}

export function placeholderKey(parentKey: ParentKey): string {
  return `\u0000placeholder:${parentKey}`;
}

interface Frame {
  readonly nodes: readonly OrgNode[];
  next: number;
  readonly level: number;
  readonly parentIndex: number;
}

export function flattenVisible(
  data: OrgTreeData,
  expanded: ReadonlySet<string>,
  loads: ReadonlyMap<ParentKey, ChildLoad>,
): VisibleRows {
  const rows: TreeRow[] = [];
  const indexByKey = new Map<string, number>();
  // An explicit stack, so a 100 000-level chain cannot overflow the call stack.
  const stack: Frame[] = [];

  const open = (parentKey: ParentKey, parentIndex: number, level: number): void => {
    const ids = data.children.get(parentKey);
    if (ids === undefined) {
      const load = loads.get(parentKey);
      if (!load) return;
      const key = placeholderKey(parentKey);
      indexByKey.set(key, rows.length);
      rows.push({
        kind: load.status,
        key,
        parentId: parentKey === ROOT_KEY ? null : parentKey,
        message: load.status === 'error' ? load.message : 'Loading…',
        level,
        setSize: 1,
        posInSet: 1,
        parentIndex,
      });
      return;
    }
    const nodes: OrgNode[] = [];
    for (const id of ids) {
      const node = data.nodes.get(id);
      if (node) nodes.push(node);
    }
    if (nodes.length > 0) stack.push({ nodes, next: 0, level, parentIndex });
  };

  open(ROOT_KEY, -1, 1);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const node = frame.nodes[frame.next];
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next += 1;

    const loaded = data.children.get(node.id);
    const expandable = loaded ? loaded.length > 0 : node.hasChildren;
    const isExpanded = expandable && expanded.has(node.id);
    const index = rows.length;
    indexByKey.set(node.id, index);
    rows.push({
      kind: 'node',
      key: node.id,
      node,
      expanded: expandable ? isExpanded : null,
      level: frame.level,
      setSize: frame.nodes.length,
      posInSet: frame.next,
      parentIndex: frame.parentIndex,
    });
    if (isExpanded) open(node.id, index, frame.level + 1);
  }

  return { rows, indexByKey };
}

/** Keys of the row's ancestors, nearest first. */
export function ancestorKeys(rows: readonly TreeRow[], index: number): string[] {
  const keys: string[] = [];
  let parent = rows[index]?.parentIndex ?? -1;
  while (parent >= 0) {
    const row = rows[parent];
    if (!row) break;
    keys.push(row.key);
    parent = row.parentIndex;
  }
  return keys;
}
