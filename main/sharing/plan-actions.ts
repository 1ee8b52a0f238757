/**
 * The fewest API calls that move a share state to a desired one, in a safe order:
 *
 * 1. one `unshare` of the smallest set of subtrees that are shared but not wanted (a policy is
 *    only visible on a shared org) — such subtrees never contain a wanted org;
 * 2. one `share` (or `share-with-all`) when stored policies must change or wanted orgs are
 *    missing. A share call deletes every stored policy first, so it re-sends every "and
 *    children" policy to keep; re-sent policies also fix roles in their whole subtree;
 * 3. otherwise one `PATCH` for the remaining role differences.
 *
 * Removals go first so the agent never holds access that neither the old nor the new state
 * grants. `none` is one `unshare-with-all`, which also clears policies the read cannot show.
 *
 * Known gap: a policy stored for an org that no longer holds the agent is invisible to the share
 * read, so a plan from a state that looks empty sends nothing and such a policy stays.
 */
import { analyzeDesired, expectedCore } from './expected';
import type { RoleChangeOp, StepAction } from '../../preload/contract/sharing-plan';
import type { OrgTreeView } from './ports';
import { type RoleResolver, roleFromKey } from './roles';
import { simulateStep } from './simulate';
import { type ShareCore, isEmptyCore, sameOrg, samePolicies } from './snapshot';
import { ancestors } from './tree';
import {
  type DesiredSharing,
  type RoleRef,
  WITH_CHILDREN,
} from '../../preload/contract/sharing-domain';

export interface ActionInputs {
  current: ShareCore;
  desired: DesiredSharing;
  tree: OrgTreeView;
  roles: RoleResolver;
  /** Turns a role key back into the root role the API expects. */
  roleOf: (key: string) => RoleRef;
}

function unshareRoots(current: ShareCore, expected: ShareCore, tree: OrgTreeView): string[] {
  const unwanted = new Set<string>();
  for (const orgId of current.shared.keys()) {
    if (!expected.shared.has(orgId)) unwanted.add(orgId);
  }
  return [...unwanted]
    .filter((orgId) => !ancestors(tree, orgId).some((above) => unwanted.has(above)))
    .sort();
}

function roleOps(
  after: ShareCore,
  expected: ShareCore,
  roleOf: (key: string) => RoleRef,
): RoleChangeOp[] {
  const operations: RoleChangeOp[] = [];
  for (const [orgId, wanted] of [...expected.shared].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (sameOrg(after, expected, orgId)) continue;
    const have = after.shared.get(orgId) ?? [];
    operations.push({
      orgId,
      add: wanted.filter((key) => !have.includes(key)).map(roleOf),
      remove: have.filter((key) => !wanted.includes(key)).map(roleOf),
    });
  }
  return operations;
}

export function planActions(inputs: ActionInputs): StepAction[] {
  const { current, desired, tree, roles, roleOf } = inputs;
  const expected = expectedCore(desired, tree, roles);

  if (desired.mode === 'none' || (desired.mode === 'selected' && isEmptySelection(desired))) {
    return isEmptyCore(current) ? [] : [{ kind: 'unshare-with-all' }];
  }

  const actions: StepAction[] = [];
  const roots = unshareRoots(current, expected, tree);
  let after = current;
  if (roots.length > 0) {
    const unshare: StepAction = { kind: 'unshare', orgIds: roots };
    actions.push(unshare);
    after = simulateStep(after, unshare, tree, roles);
  }

  const missing = [...expected.shared.keys()].some((orgId) => !after.shared.has(orgId));
  if (!samePolicies(after, expected) || missing) {
    actions.push(shareAction(desired, after, expected, tree));
    return actions;
  }

  const operations = roleOps(after, expected, roleOf);
  if (operations.length > 0) actions.push({ kind: 'patch-roles', operations });
  return actions;
}

function isEmptySelection(desired: DesiredSharing & { mode: 'selected' }): boolean {
  return desired.organizations.length === 0;
}

function shareAction(
  desired: DesiredSharing,
  after: ShareCore,
  expected: ShareCore,
  tree: OrgTreeView,
): StepAction {
  if (desired.mode === 'all') return { kind: 'share-with-all', roles: desired.roles };
  const valid = analyzeDesired(desired, tree).valid;
  const needed = valid.filter(
    (entry) => entry.policy === WITH_CHILDREN || !sameOrg(after, expected, entry.orgId),
  );
  // Only a stale policy had to go: re-sending the (unchanged) selected orgs clears it.
  return { kind: 'share', organizations: needed.length > 0 ? needed : valid };
}

/** Maps role keys to root roles: the root list first, then the roles the user named. */
export function roleNamer(
  rootRoles: readonly RoleRef[] | undefined,
  named: readonly RoleRef[],
  rootOrgName: string,
  keyOf: (role: RoleRef) => string,
): (key: string) => RoleRef {
  const known = new Map<string, RoleRef>();
  for (const role of [...named, ...(rootRoles ?? [])]) known.set(keyOf(role), role);
  return (key) => known.get(key) ?? roleFromKey(key, rootOrgName);
}
