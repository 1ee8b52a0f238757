/**
 * The order of a token diff: highlighted claims (identity, organization, actor, scope) first,
 * then changes before additions, removals and unchanged claims, each by name.
 */
import type { TokenDiffView } from '../../../preload/contract';

export type DiffRow = TokenDiffView['claims'][number];

const CHANGE_ORDER: Readonly<Record<DiffRow['change'], number>> = {
  changed: 0,
  added: 1,
  removed: 2,
  same: 3,
};

export const CHANGE_LABELS: Readonly<Record<DiffRow['change'], string>> = {
  changed: 'Changed',
  added: 'Only in B',
  removed: 'Only in A',
  same: 'Same',
};

export function orderDiffRows(rows: readonly DiffRow[]): DiffRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.highlight) - Number(a.highlight) ||
      CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] ||
      a.claim.localeCompare(b.claim),
  );
}

/** A claim value for a cell: strings as they are, anything else as compact JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
