/**
 * Drift: where an agent's actual sharing differs from what its stored policies imply — roles a
 * policy asks for but the org lacks, orgs a policy covers that never received the agent,
 * orgs shared outside any policy — with a repair plan that brings it back to the policies.
 */
import { desiredFromState } from './derive';
import { effectiveSharing } from './effective';
import { type PlanContext, plan } from './plan';
import { roleLabel } from './roles';
import type { ShareSnapshot } from '../../preload/contract/sharing-domain';
import type { DriftKind, DriftFinding, DriftReport } from '../../preload/contract/sharing-views';
export type { DriftKind, DriftFinding, DriftReport };

export function driftReport(snapshot: ShareSnapshot, context: PlanContext): DriftReport {
  const effective = effectiveSharing(snapshot, context.tree, context.roles);
  const findings: DriftFinding[] = [];
  for (const org of effective.orgs) {
    const base = { orgId: org.orgId, orgName: org.orgName, policyOrgId: org.policyOrgId };
    if (org.missingShare) {
      findings.push({
        ...base,
        kind: 'missing-share',
        roles: [],
        message: `${org.orgName} is covered by a stored policy but never received the agent.`,
      });
    }
    if (org.via === 'outside-policy') {
      findings.push({
        ...base,
        kind: 'outside-policy',
        roles: [],
        message: `${org.orgName} holds the agent outside any stored policy.`,
      });
    }
    if (org.shared && org.missingRoles.length > 0) {
      findings.push({
        ...base,
        kind: 'missing-roles',
        roles: org.missingRoles,
        message: `${org.orgName} lacks ${org.missingRoles.map(roleLabel).join(', ')} that its policy asks for.`,
      });
    }
    if (org.shared && org.unexpectedRoles.length > 0) {
      findings.push({
        ...base,
        kind: 'unexpected-roles',
        roles: org.unexpectedRoles,
        message: `${org.orgName} has ${org.unexpectedRoles.map(roleLabel).join(', ')} that its policy does not ask for.`,
      });
    }
  }

  const repair =
    findings.length === 0
      ? null
      : plan(snapshot, desiredFromState(snapshot, context.tree, context.roles).desired, context);
  return {
    agentId: snapshot.agentId,
    checkedAt: context.now().toISOString(),
    findings,
    repair,
  };
}
