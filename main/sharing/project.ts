/**
 * The share state a plan should leave behind, as a snapshot. Plans queued one after another
 * for the same agent are each drafted on the state the previous one leads to.
 */
import type { SharePlan } from '../../preload/contract/sharing-plan';
import type { OrgTreeView, RoleContext } from './ports';
import { planningView } from './plan';
import { simulatePlan } from './simulate';
import type { ShareCore } from './snapshot';
import { orgName } from './tree';
import type { ShareSnapshot } from '../../preload/contract/sharing-domain';

export function projectSnapshot(
  sharePlan: SharePlan,
  context: { tree: OrgTreeView; roles: RoleContext },
  readAt: string,
): ShareSnapshot {
  const view = planningView(sharePlan.base, sharePlan.desired, context);
  const actions = sharePlan.steps.map((step) => step.action);
  const states = simulatePlan(view.current, actions, view.tree, view.roles);
  const final = states[states.length - 1] as ShareCore;
  const policy = (core: { policy: string; roles: string[] } | null | undefined) =>
    core === null || core === undefined
      ? null
      : { policy: core.policy, roles: core.roles.map(view.roleOf) };

  return {
    agentId: sharePlan.agentId,
    readAt,
    allOrgs: policy(final.all),
    organizations: [...final.shared.keys()].sort().map((orgId) => {
      const node = view.tree.get(orgId);
      return {
        orgId,
        orgName: orgName(view.tree, orgId),
        parentOrgId: node?.parentId ?? null,
        depth: node?.depth ?? 1,
        policy: policy(final.holders.get(orgId)),
        roles: (final.shared.get(orgId) ?? []).map(view.roleOf),
      };
    }),
  };
}
