/**
 * The WAI-ARIA APG tree keyboard model as a pure function: a key on the focused row becomes
 * one command, which the view carries out. Type-ahead lives in typeAhead.ts.
 */
import type { TreeRow } from './treeModel';

export type TreeCommand =
  | { type: 'focus'; index: number }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'select'; id: string }
  | { type: 'retry'; parentId: string | null }
  | { type: 'expandSiblings'; id: string }
  | { type: 'none' };

const NONE: TreeCommand = { type: 'none' };

function activate(row: TreeRow): TreeCommand {
  switch (row.kind) {
    case 'node':
      return { type: 'select', id: row.node.id };
    case 'error':
      return { type: 'retry', parentId: row.parentId };
    case 'loading':
      return NONE;
  }
}

function right(rows: readonly TreeRow[], index: number, row: TreeRow): TreeCommand {
  if (row.kind !== 'node' || row.expanded === null) return NONE;
  if (!row.expanded) return { type: 'expand', id: row.node.id };
  const child = rows[index + 1];
  return child && child.parentIndex === index ? { type: 'focus', index: index + 1 } : NONE;
}

function left(row: TreeRow): TreeCommand {
  if (row.kind === 'node' && row.expanded === true) return { type: 'collapse', id: row.node.id };
  return row.parentIndex >= 0 ? { type: 'focus', index: row.parentIndex } : NONE;
}

export function commandForKey(rows: readonly TreeRow[], index: number, key: string): TreeCommand {
  const row = rows[index];
  if (!row) return NONE;
  const last = rows.length - 1;

  switch (key) {
    case 'ArrowDown':
      return index < last ? { type: 'focus', index: index + 1 } : NONE;
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : NONE;
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: last };
    case 'ArrowRight':
      return right(rows, index, row);
    case 'ArrowLeft':
      return left(row);
    case 'Enter':
    case ' ':
      return activate(row);
    case '*':
      return row.kind === 'node' ? { type: 'expandSiblings', id: row.node.id } : NONE;
    default:
      return NONE;
  }
}
