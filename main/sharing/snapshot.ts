/**
 * Normalizes a share response into a `ShareSnapshot` (sorted, roles as refs) and reduces a
 * snapshot to its comparable core: which orgs hold the agent with which role keys, and which
 * policies are stored.
 */
import type { AgentShareView, SharingModeView } from './ports';
import { fromWire, sortedKeys } from './roles';
import type { PolicyView, ShareSnapshot } from '../../preload/contract/sharing-domain';

function policyOf(mode: SharingModeView | undefined): PolicyView | null {
  if (mode === undefined) return null;
  return { policy: mode.policy, roles: (mode.roleAssignment?.roles ?? []).map(fromWire) };
}

export function toSnapshot(agentId: string, view: AgentShareView, readAt: Date): ShareSnapshot {
  const organizations = view.organizations
    .map((org) => ({
      orgId: org.orgId,
      orgName: org.orgName,
      parentOrgId: org.parentOrgId ?? null,
      depth: org.depthFromRoot,
      policy: policyOf(org.sharingMode),
      roles: (org.roles ?? []).map(fromWire),
    }))
    .sort((a, b) => (a.orgId < b.orgId ? -1 : a.orgId > b.orgId ? 1 : 0));
  return {
    agentId,
    readAt: readAt.toISOString(),
    allOrgs: policyOf(view.sharingMode),
    organizations,
  };
}

export function emptySnapshot(agentId: string, readAt: Date): ShareSnapshot {
  return { agentId, readAt: readAt.toISOString(), allOrgs: null, organizations: [] };
}

export interface PolicyCore {
  policy: string;
  /** Sorted role keys. */
  roles: string[];
}

/** The comparable part of a share state. */
export interface ShareCore {
  all: PolicyCore | null;
  /** Policy-holding org → its policy. */
  holders: Map<string, PolicyCore>;
  /** Org holding the agent → sorted keys of the roles assigned there. */
  shared: Map<string, string[]>;
}

export function emptyCore(): ShareCore {
  return { all: null, holders: new Map(), shared: new Map() };
}

function policyCore(policy: PolicyView | null): PolicyCore | null {
  return policy === null ? null : { policy: policy.policy, roles: sortedKeys(policy.roles) };
}

export function coreOf(snapshot: ShareSnapshot): ShareCore {
  const core = emptyCore();
  core.all = policyCore(snapshot.allOrgs);
  for (const org of snapshot.organizations) {
    core.shared.set(org.orgId, sortedKeys(org.roles));
    const held = policyCore(org.policy);
    if (held !== null) core.holders.set(org.orgId, held);
  }
  return core;
}

export function cloneCore(core: ShareCore): ShareCore {
  return {
    all: core.all,
    holders: new Map(core.holders),
    shared: new Map(core.shared),
  };
}

export function samePolicy(a: PolicyCore | null | undefined, b: PolicyCore | null | undefined) {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  return a.policy === b.policy && a.roles.join('\n') === b.roles.join('\n');
}

export function samePolicies(a: ShareCore, b: ShareCore): boolean {
  if (!samePolicy(a.all, b.all) || a.holders.size !== b.holders.size) return false;
  for (const [orgId, policy] of a.holders) {
    if (!samePolicy(policy, b.holders.get(orgId))) return false;
  }
  return true;
}

/** Same presence and same role keys for one org. */
export function sameOrg(a: ShareCore, b: ShareCore, orgId: string): boolean {
  const left = a.shared.get(orgId);
  const right = b.shared.get(orgId);
  if (left === undefined || right === undefined) return left === right;
  return left.join('\n') === right.join('\n');
}

export function sameCore(a: ShareCore, b: ShareCore): boolean {
  if (!samePolicies(a, b) || a.shared.size !== b.shared.size) return false;
  for (const orgId of a.shared.keys()) {
    if (!sameOrg(a, b, orgId)) return false;
  }
  return true;
}

export function isEmptyCore(core: ShareCore): boolean {
  return core.all === null && core.holders.size === 0 && core.shared.size === 0;
}
