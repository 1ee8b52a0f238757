/**
 * Type-ahead for the tree: printable keys typed in quick succession form a prefix, and focus
 * jumps to the next visible organization whose name starts with it. Repeating one character
 * cycles through the names that start with that character, as the APG describes.
 */
import type { TreeRow } from './treeModel';

/** Keys typed further apart than this start a new prefix. */
export const TYPE_AHEAD_RESET_MS = 500;

const NOT_TYPE_AHEAD = new Set(['*', ' ', '/', '?']);

export function isTypeAheadKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  // `*` expands siblings and space selects; `/` and `?` are app-wide shortcuts.
  return (
    event.key.length === 1 &&
    !NOT_TYPE_AHEAD.has(event.key) &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey
  );
}

function startsWith(row: TreeRow, prefix: string): boolean {
  return row.kind === 'node' && row.node.name.trimStart().toLocaleLowerCase().startsWith(prefix);
}

/**
 * Index of the row to focus for `typed` (all characters typed so far), searching from the row
 * after `from` and wrapping around; -1 when nothing matches.
 */
export function findTypeAheadMatch(rows: readonly TreeRow[], from: number, typed: string): number {
  const lowered = typed.toLocaleLowerCase();
  const repeated = [...lowered].every((char) => char === lowered[0]);
  const prefix = repeated ? (lowered[0] ?? '') : lowered;
  // A longer prefix may still match the current row; a single character moves on.
  const start = prefix.length > 1 ? from : from + 1;

  for (let offset = 0; offset < rows.length; offset += 1) {
    const index = (start + offset) % rows.length;
    const row = rows[index];
    if (row && startsWith(row, prefix)) return index;
  }
  return -1;
}
