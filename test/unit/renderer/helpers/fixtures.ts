/** Small org trees and a controllable data source for renderer tests. */
import type { OrgNode } from '../../../../renderer/features/orgs/source';

/** Builds nodes from `[id, name, parentId]` rows; `hasChildren` and `depth` are derived. */
export function orgs(rows: readonly (readonly [string, string, string | null])[]): OrgNode[] {
  const parents = new Set(rows.map(([, , parentId]) => parentId));
  const byId = new Map(rows.map((row) => [row[0], row]));
  const depthOf = (parentId: string | null): number => {
    let depth = 0;
    for (let at = parentId; at !== null; at = byId.get(at)?.[2] ?? null) depth += 1;
    return depth;
  };
  return rows.map(([id, name, parentId]) => ({
    id,
    name,
    orgHandle: id,
    parentId,
    hasChildren: parents.has(id),
    depth: depthOf(parentId),
  }));
}

/**
 * Acme        (acme)
 *   Alpha     (alpha)
 *   Beta      (beta)
 *     Bravo   (bravo)
 *     Blue    (blue)
 *   Gamma     (gamma)
 * Bolt        (bolt)
 *   Bolt One  (bolt-1)
 * Cobalt      (cobalt)
 */
export const SMALL_TREE = orgs([
  ['acme', 'Acme', null],
  ['alpha', 'Alpha', 'acme'],
  ['beta', 'Beta', 'acme'],
  ['bravo', 'Bravo', 'beta'],
  ['blue', 'Blue', 'beta'],
  ['gamma', 'Gamma', 'acme'],
  ['bolt', 'Bolt', null],
  ['bolt-1', 'Bolt One', 'bolt'],
  ['cobalt', 'Cobalt', null],
]);

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
