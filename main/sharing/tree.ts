/**
 * Helpers over the org tree port: an in-memory tree, an overlay that adds the orgs a share
 * response names but the cached tree lacks, and subtree walks.
 */
import type { OrgNode, OrgTreeView } from './ports';
import type { SnapshotOrg } from '../../preload/contract/sharing-domain';

class MemoryTree implements OrgTreeView {
  private readonly nodes = new Map<string, OrgNode>();
  private readonly children = new Map<string, string[]>();

  constructor(
    readonly rootId: string,
    nodes: Iterable<OrgNode>,
    private readonly base?: OrgTreeView,
  ) {
    for (const node of nodes) {
      if (base?.get(node.id) !== undefined || this.nodes.has(node.id)) continue;
      this.nodes.set(node.id, node);
      if (node.parentId === null) continue;
      const siblings = this.children.get(node.parentId) ?? [];
      siblings.push(node.id);
      this.children.set(node.parentId, siblings);
    }
  }

  childrenListed(orgId: string): boolean {
    return this.base?.childrenListed?.(orgId) ?? true;
  }

  get(orgId: string): OrgNode | undefined {
    return this.base?.get(orgId) ?? this.nodes.get(orgId);
  }

  childrenOf(orgId: string): readonly string[] {
    const own = this.children.get(orgId) ?? [];
    const inherited = this.base?.childrenOf(orgId) ?? [];
    return own.length === 0 ? inherited : [...inherited, ...own];
  }
}

/** A tree from a flat node list; the root node itself may be among them. */
export function createTree(rootId: string, nodes: Iterable<OrgNode>): OrgTreeView {
  return new MemoryTree(rootId, nodes);
}

/** `tree` plus the orgs of a share response that it does not know yet. */
export function overlayTree(tree: OrgTreeView, orgs: readonly SnapshotOrg[]): OrgTreeView {
  const missing = orgs
    .filter((org) => tree.get(org.orgId) === undefined)
    .map((org) => ({
      id: org.orgId,
      name: org.orgName,
      parentId: org.parentOrgId,
      depth: org.depth,
    }));
  return missing.length === 0 ? tree : new MemoryTree(tree.rootId, missing, tree);
}

/** Every known org below `orgId` (not `orgId` itself). */
export function descendants(tree: OrgTreeView, orgId: string): string[] {
  const out: string[] = [];
  const stack = [...tree.childrenOf(orgId)];
  const seen = new Set<string>([orgId]);
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    stack.push(...tree.childrenOf(next));
  }
  return out;
}

/** Every known org except the calling org. */
export function allOrgs(tree: OrgTreeView): string[] {
  return descendants(tree, tree.rootId);
}

/** Ancestors of `orgId`, nearest first, stopping at the calling org (excluded). */
export function ancestors(tree: OrgTreeView, orgId: string): string[] {
  const out: string[] = [];
  let parent = tree.get(orgId)?.parentId ?? null;
  while (parent !== null && parent !== tree.rootId && out.length < 10_000) {
    out.push(parent);
    parent = tree.get(parent)?.parentId ?? null;
  }
  return out;
}

export function isImmediateChild(tree: OrgTreeView, orgId: string): boolean {
  return tree.get(orgId)?.parentId === tree.rootId;
}

/** The immediate child of the calling org that `orgId` lies under (itself if it is one). */
export function topLevelAncestor(tree: OrgTreeView, orgId: string): string | undefined {
  if (isImmediateChild(tree, orgId)) return orgId;
  const chain = ancestors(tree, orgId);
  const top = chain[chain.length - 1];
  return top !== undefined && isImmediateChild(tree, top) ? top : undefined;
}

export function orgName(tree: OrgTreeView, orgId: string): string {
  return tree.get(orgId)?.name ?? orgId;
}
