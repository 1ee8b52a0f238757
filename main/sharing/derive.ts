/**
 * The desired sharing a share state stands for: "all orgs" with the stored policy's roles, or
 * each shared immediate child with its policy ("and children" when it holds one) and roles.
 * Undo uses it to turn a before-state back into a plan; the drift check uses it as what the
 * stored policies imply. Whatever that desired sharing cannot reproduce — orgs shared outside
 * any policy, roles changed in one org of a policy's subtree — is returned as warnings.
 */
import { expectedCore } from './expected';
import type { PlanIssue } from '../../preload/contract/sharing-plan';
import type { OrgTreeView, RoleContext } from './ports';
import { RoleResolver } from './roles';
import { coreOf, sameOrg, samePolicies } from './snapshot';
import { isImmediateChild, orgName, overlayTree } from './tree';
import {
  ALL_ORGS,
  type DesiredOrg,
  type DesiredSharing,
  type RoleRef,
  SELECTED_ORG_ONLY,
  type ShareSnapshot,
  WITH_CHILDREN,
} from '../../preload/contract/sharing-domain';

export interface DerivedSharing {
  desired: DesiredSharing;
  /** What `desired` would not bring back exactly. */
  gaps: PlanIssue[];
}

export function desiredFromState(
  snapshot: ShareSnapshot,
  baseTree: OrgTreeView,
  roleContext: RoleContext,
): DerivedSharing {
  const tree = overlayTree(baseTree, snapshot.organizations);
  const rootName = orgName(tree, tree.rootId);
  // Share requests name root roles; a child org shows its own name as the audience.
  const asRoot = (role: RoleRef): RoleRef =>
    role.audienceType === 'organization' ? { ...role, audienceDisplay: rootName } : role;

  let desired: DesiredSharing;
  if (snapshot.allOrgs?.policy === ALL_ORGS) {
    desired = { mode: 'all', roles: snapshot.allOrgs.roles.map(asRoot) };
  } else {
    const organizations: DesiredOrg[] = snapshot.organizations
      .filter((org) => isImmediateChild(tree, org.orgId))
      .map((org) =>
        org.policy?.policy === WITH_CHILDREN
          ? { orgId: org.orgId, policy: WITH_CHILDREN, roles: org.policy.roles.map(asRoot) }
          : { orgId: org.orgId, policy: SELECTED_ORG_ONLY, roles: org.roles.map(asRoot) },
      );
    desired = organizations.length === 0 ? { mode: 'none' } : { mode: 'selected', organizations };
  }

  const actual = coreOf(snapshot);
  const expected = expectedCore(desired, tree, new RoleResolver(roleContext));
  const gaps: PlanIssue[] = [];
  const orgs = new Set([...actual.shared.keys(), ...expected.shared.keys()]);
  for (const orgId of [...orgs].sort()) {
    if (sameOrg(actual, expected, orgId)) continue;
    const why = !actual.shared.has(orgId)
      ? 'is not shared although a stored policy covers it'
      : !expected.shared.has(orgId)
        ? 'is shared outside any policy'
        : 'has roles that differ from its policy';
    gaps.push({
      severity: 'warning',
      code: 'not-restorable',
      message: `${orgName(tree, orgId)} ${why}; the sharing API cannot reproduce that exactly.`,
      orgId,
      suggestion: null,
    });
  }
  if (
    !samePolicies(actual, expected) &&
    snapshot.allOrgs !== null &&
    snapshot.allOrgs.policy !== ALL_ORGS
  ) {
    gaps.push({
      severity: 'warning',
      code: 'not-restorable',
      message: `The top-level policy ${snapshot.allOrgs.policy} cannot be set through the documented API.`,
      orgId: null,
      suggestion: null,
    });
  }
  return { desired, gaps };
}
