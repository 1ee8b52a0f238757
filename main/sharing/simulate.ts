/**
 * What one step does to a share state under the server's rules (reference §5.8): share calls
 * first delete every stored policy of the agent, selective shares skip orgs that are not
 * immediate children, unshare takes the whole subtree, unresolvable roles are dropped. Used to
 * know what each step should leave behind, so apply and replay can tell how far a plan got.
 */
import { analyzeDesired, entryTargets } from './expected';
import type { StepAction } from '../../preload/contract/sharing-plan';
import type { OrgTreeView } from './ports';
import type { RoleResolver } from './roles';
import { type ShareCore, cloneCore, emptyCore, sameOrg, samePolicies } from './snapshot';
import { allOrgs, descendants } from './tree';
import { ALL_ORGS, WITH_CHILDREN } from '../../preload/contract/sharing-domain';

export function simulateStep(
  before: ShareCore,
  action: StepAction,
  tree: OrgTreeView,
  roles: RoleResolver,
): ShareCore {
  const after = cloneCore(before);
  switch (action.kind) {
    case 'unshare-with-all':
      return emptyCore();
    case 'share-with-all':
      after.holders.clear();
      after.all = { policy: ALL_ORGS, roles: roles.inRoot(action.roles) };
      for (const orgId of allOrgs(tree)) after.shared.set(orgId, roles.inOrg(action.roles, orgId));
      return after;
    case 'unshare':
      for (const orgId of action.orgIds) {
        after.holders.delete(orgId);
        for (const gone of [orgId, ...descendants(tree, orgId)]) after.shared.delete(gone);
      }
      return after;
    case 'share': {
      after.holders.clear();
      after.all = null;
      const desired = { mode: 'selected' as const, organizations: action.organizations };
      for (const entry of analyzeDesired(desired, tree).valid) {
        if (entry.policy === WITH_CHILDREN) {
          after.holders.set(entry.orgId, {
            policy: WITH_CHILDREN,
            roles: roles.inRoot(entry.roles),
          });
        }
        for (const orgId of entryTargets(entry, tree)) {
          after.shared.set(orgId, roles.inOrg(entry.roles, orgId));
        }
      }
      return after;
    }
    case 'patch-roles':
      for (const operation of action.operations) {
        const current = after.shared.get(operation.orgId);
        if (current === undefined) continue;
        const removed = new Set(roles.inRoot(operation.remove));
        const next = new Set(current.filter((key) => !removed.has(key)));
        for (const key of roles.inOrg(operation.add, operation.orgId)) next.add(key);
        after.shared.set(operation.orgId, [...next].sort());
      }
      return after;
  }
}

/** The state after each step: element 0 is `base`, element i the state after step i. */
export function simulatePlan(
  base: ShareCore,
  actions: readonly StepAction[],
  tree: OrgTreeView,
  roles: RoleResolver,
): ShareCore[] {
  const states = [base];
  for (const action of actions) {
    states.push(simulateStep(states[states.length - 1] as ShareCore, action, tree, roles));
  }
  return states;
}

/** The parts of the state a step can change; `null` orgs means every org. */
export interface Touched {
  orgs: Set<string> | null;
  policies: boolean;
}

export function touchedBy(actions: readonly StepAction[], tree: OrgTreeView): Touched {
  const touched: Touched = { orgs: new Set(), policies: false };
  for (const action of actions) {
    switch (action.kind) {
      case 'unshare-with-all':
      case 'share-with-all':
        return { orgs: null, policies: true };
      case 'unshare':
        touched.policies = true;
        for (const orgId of action.orgIds) {
          for (const org of [orgId, ...descendants(tree, orgId)]) touched.orgs?.add(org);
        }
        break;
      case 'share':
        touched.policies = true;
        for (const entry of action.organizations) {
          for (const org of entryTargets(entry, tree)) touched.orgs?.add(org);
        }
        break;
      case 'patch-roles':
        for (const operation of action.operations) touched.orgs?.add(operation.orgId);
        break;
    }
  }
  return touched;
}

/** Whether two states agree on the parts in `touched`. */
export function sameWithin(a: ShareCore, b: ShareCore, touched: Touched): boolean {
  if (touched.policies && !samePolicies(a, b)) return false;
  const orgs = touched.orgs ?? new Set([...a.shared.keys(), ...b.shared.keys()]);
  for (const orgId of orgs) {
    if (!sameOrg(a, b, orgId)) return false;
  }
  return true;
}
