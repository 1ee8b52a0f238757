/**
 * Effective sharing of one agent per org, from the org tree and the share state: shared
 * directly (the org holds a policy, or was selected on its own), through an ancestor's "and
 * future children" policy, through "all orgs", outside any policy (a leftover, e.g. after its
 * policy was replaced), or not shared — plus the roles the covering policy asks for against the
 * roles actually assigned, and the orgs a policy covers that never received the agent.
 */
import type { OrgTreeView, RoleContext } from './ports';
import { RoleResolver, roleFromKey, roleKey } from './roles';
import { ancestors, allOrgs, isImmediateChild, orgName, overlayTree } from './tree';
import type { PolicyView, ShareSnapshot } from '../../preload/contract/sharing-domain';
import type {
  ShareVia,
  EffectiveOrg,
  EffectiveSharing,
} from '../../preload/contract/sharing-views';
export type { ShareVia, EffectiveOrg, EffectiveSharing };

interface Coverage {
  policyOrgId: string;
  policy: PolicyView;
  via: 'direct' | 'inherited' | 'all-orgs';
}

/** Immediate-only policy names reach one level below their holder. */
function reaches(policy: string, distance: number): boolean {
  return policy.includes('IMMEDIATE') ? distance <= 1 : true;
}

function coverageOf(
  orgId: string,
  tree: OrgTreeView,
  holders: Map<string, PolicyView>,
  allPolicy: PolicyView | null,
): Coverage | undefined {
  const own = holders.get(orgId);
  if (own !== undefined) return { policyOrgId: orgId, policy: own, via: 'direct' };
  const chain = ancestors(tree, orgId);
  for (const [index, above] of chain.entries()) {
    const held = holders.get(above);
    if (held !== undefined && reaches(held.policy, index + 1)) {
      return { policyOrgId: above, policy: held, via: 'inherited' };
    }
  }
  if (allPolicy !== null && reaches(allPolicy.policy, chain.length + 1)) {
    return { policyOrgId: tree.rootId, policy: allPolicy, via: 'all-orgs' };
  }
  return undefined;
}

export function effectiveSharing(
  snapshot: ShareSnapshot,
  baseTree: OrgTreeView,
  roleContext: RoleContext,
  options: { includeNotShared?: boolean } = {},
): EffectiveSharing {
  const tree = overlayTree(baseTree, snapshot.organizations);
  const roles = new RoleResolver(roleContext);
  const rootName = orgName(tree, tree.rootId);
  const byOrg = new Map(snapshot.organizations.map((org) => [org.orgId, org]));
  const holders = new Map(
    snapshot.organizations.flatMap((org) =>
      org.policy === null ? [] : [[org.orgId, org.policy] as const],
    ),
  );
  const orgIds = new Set([...allOrgs(tree), ...byOrg.keys()]);

  const orgs: EffectiveOrg[] = [];
  for (const orgId of orgIds) {
    const entry = byOrg.get(orgId);
    const coverage = coverageOf(orgId, tree, holders, snapshot.allOrgs);
    if (entry === undefined && coverage === undefined && options.includeNotShared !== true) {
      continue;
    }
    const node = tree.get(orgId);
    const assigned = entry?.roles ?? [];
    const expectedKeys = coverage === undefined ? null : roles.inOrg(coverage.policy.roles, orgId);
    const assignedKeys = new Set(assigned.map(roleKey));
    const via: ShareVia =
      entry === undefined
        ? 'not-shared'
        : (coverage?.via ?? (isImmediateChild(tree, orgId) ? 'direct' : 'outside-policy'));
    orgs.push({
      orgId,
      orgName: node?.name ?? entry?.orgName ?? orgId,
      parentId: node?.parentId ?? entry?.parentOrgId ?? null,
      depth: node?.depth ?? entry?.depth ?? 0,
      shared: entry !== undefined,
      via,
      policyOrgId: coverage?.policyOrgId ?? null,
      holdsPolicy: holders.has(orgId),
      expectedRoles: expectedKeys?.map((key) => roleFromKey(key, rootName)) ?? null,
      assignedRoles: assigned,
      missingRoles:
        entry === undefined || expectedKeys === null
          ? []
          : expectedKeys
              .filter((key) => !assignedKeys.has(key))
              .map((k) => roleFromKey(k, rootName)),
      unexpectedRoles:
        expectedKeys === null
          ? []
          : assigned.filter((role) => !expectedKeys.includes(roleKey(role))),
      missingShare: entry === undefined && coverage !== undefined,
    });
  }
  orgs.sort((a, b) => a.depth - b.depth || a.orgName.localeCompare(b.orgName));

  const shared = orgs.filter((org) => org.shared);
  return {
    agentId: snapshot.agentId,
    mode: snapshot.allOrgs !== null ? 'all-orgs' : shared.length > 0 ? 'selected' : 'not-shared',
    allOrgsPolicy: snapshot.allOrgs,
    orgs,
    counts: {
      shared: shared.length,
      missingShare: orgs.filter((org) => org.missingShare).length,
      roleMismatch: shared.filter((org) => org.missingRoles.length + org.unexpectedRoles.length > 0)
        .length,
      outsidePolicy: orgs.filter((org) => org.via === 'outside-policy').length,
    },
  };
}
