/**
 * What a plan changes, counted over existing orgs (who gains or loses the agent, whose roles
 * change) and future orgs (which stored policies hand the agent to orgs created later).
 */
import type { BlastRadius, FutureCoverage, OrgRef } from '../../preload/contract/sharing-plan';
import type { OrgTreeView } from './ports';
import type { RoleRef } from '../../preload/contract/sharing-domain';
import type { ShareCore } from './snapshot';
import { orgName } from './tree';
import { ALL_ORGS, WITH_CHILDREN } from '../../preload/contract/sharing-domain';

function ref(tree: OrgTreeView, orgId: string): OrgRef {
  return { orgId, orgName: orgName(tree, orgId) };
}

function byName(a: OrgRef, b: OrgRef): number {
  return a.orgName.localeCompare(b.orgName) || (a.orgId < b.orgId ? -1 : 1);
}

export function futureCoverage(core: ShareCore, tree: OrgTreeView): FutureCoverage {
  return {
    allOrgs: core.all?.policy === ALL_ORGS,
    subtrees: [...core.holders.keys()].map((orgId) => ref(tree, orgId)).sort(byName),
  };
}

function sameCoverage(a: FutureCoverage, b: FutureCoverage): boolean {
  return (
    a.allOrgs === b.allOrgs &&
    a.subtrees.map((org) => org.orgId).join() === b.subtrees.map((org) => org.orgId).join()
  );
}

/**
 * Whether the agent, as shared after the plan, reaches an org whose children were never
 * listed: then more orgs than the tree shows gain it. An "all orgs" share reaches the whole
 * tree; a subtree policy its holder's subtree.
 */
function reachesUnlisted(after: ShareCore, tree: OrgTreeView): boolean {
  const listed = tree.childrenListed?.bind(tree);
  if (listed === undefined) return false;
  const subtreeHolders = [...after.holders]
    .filter(([, held]) => held.policy === WITH_CHILDREN)
    .map(([orgId]) => orgId);
  const stack = after.all === null ? subtreeHolders : [tree.rootId];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const orgId = stack.pop()!;
    if (seen.has(orgId)) continue;
    seen.add(orgId);
    if (!listed(orgId)) return true;
    stack.push(...tree.childrenOf(orgId));
  }
  return false;
}

export function blastRadius(
  before: ShareCore,
  after: ShareCore,
  tree: OrgTreeView,
  roleOf: (key: string) => RoleRef,
): BlastRadius {
  const gained: OrgRef[] = [];
  const lost: OrgRef[] = [];
  const roleChanges: BlastRadius['roleChanges'] = [];

  for (const [orgId, roles] of after.shared) {
    const had = before.shared.get(orgId);
    if (had === undefined) {
      gained.push(ref(tree, orgId));
      continue;
    }
    const added = roles.filter((key) => !had.includes(key));
    const removed = had.filter((key) => !roles.includes(key));
    if (added.length + removed.length > 0) {
      roleChanges.push({
        ...ref(tree, orgId),
        added: added.map(roleOf),
        removed: removed.map(roleOf),
      });
    }
  }
  for (const orgId of before.shared.keys()) {
    if (!after.shared.has(orgId)) lost.push(ref(tree, orgId));
  }

  const futureBefore = futureCoverage(before, tree);
  const futureAfter = futureCoverage(after, tree);
  return {
    gained: gained.sort(byName),
    lost: lost.sort(byName),
    roleChanges: roleChanges.sort(byName),
    future: {
      before: futureBefore,
      after: futureAfter,
      changed: !sameCoverage(futureBefore, futureAfter),
    },
    ...(reachesUnlisted(after, tree) ? { partialTree: true } : {}),
  };
}
