/**
 * The node store behind the org tree: every organization loaded so far and, per parent, the
 * ordered list of its children once they have been loaded.
 *
 * The maps are shared between revisions and changed in place; each change returns a new
 * `OrgTreeData` object with a higher revision so that React and zustand see a new value.
 * Copying 100 000 entries on every lazy load would cost more than rendering the tree, and only
 * the latest revision is ever read.
 */
import type { OrgNode } from './source';

/** Key of the invisible top of the tree, whose children are the root-level organizations. */
export const ROOT_KEY = '\u0000root';

export type ParentKey = string;

export interface OrgTreeData {
  readonly nodes: ReadonlyMap<string, OrgNode>;
  /** Loaded children per parent key; a parent missing here has not been loaded yet. */
  readonly children: ReadonlyMap<ParentKey, readonly string[]>;
  readonly revision: number;
}

interface MutableTreeData extends OrgTreeData {
  readonly nodes: Map<string, OrgNode>;
  readonly children: Map<ParentKey, readonly string[]>;
}

export function parentKeyOf(parentId: string | null): ParentKey {
  return parentId ?? ROOT_KEY;
}

export function emptyTreeData(): OrgTreeData {
  return { nodes: new Map(), children: new Map(), revision: 0 };
}

function mutable(data: OrgTreeData): MutableTreeData {
  // Only this module creates OrgTreeData, always with real Maps.
  return data as MutableTreeData;
}

function removeSubtree(data: MutableTreeData, id: string): void {
  const pending = [id];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    const kids = data.children.get(current);
    if (kids) pending.push(...kids);
    data.children.delete(current);
    data.nodes.delete(current);
  }
}

/** Takes a moved organization out of its old parent's list so it never shows twice. */
function detach(data: MutableTreeData, node: OrgNode): void {
  const key = parentKeyOf(node.parentId);
  const siblings = data.children.get(key);
  if (siblings)
    data.children.set(
      key,
      siblings.filter((sibling) => sibling !== node.id),
    );
}

/** Replaces the children of one parent; children that disappeared lose their whole subtree. */
export function withChildren(
  data: OrgTreeData,
  parentId: string | null,
  nodes: readonly OrgNode[],
): OrgTreeData {
  const target = mutable(data);
  const key = parentKeyOf(parentId);
  const nextIds = new Set(nodes.map((node) => node.id));

  for (const oldId of target.children.get(key) ?? []) {
    if (!nextIds.has(oldId)) removeSubtree(target, oldId);
  }
  for (const node of nodes) {
    const previous = target.nodes.get(node.id);
    if (previous && parentKeyOf(previous.parentId) !== key) detach(target, previous);
    target.nodes.set(node.id, node);
  }
  target.children.set(key, [...nextIds]);

  return { nodes: target.nodes, children: target.children, revision: data.revision + 1 };
}

/** Removes one organization and everything under it, e.g. after it was deleted on the server. */
export function withoutNode(data: OrgTreeData, id: string): OrgTreeData {
  const target = mutable(data);
  const node = target.nodes.get(id);
  if (!node) return data;

  detach(target, node);
  removeSubtree(target, id);

  return { nodes: target.nodes, children: target.children, revision: data.revision + 1 };
}
