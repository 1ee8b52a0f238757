/**
 * A small fixed org tree and helpers to write share states compactly in table tests.
 *
 *   Acme (root)
 *   ├── Business ── Europe ── Berlin
 *   │            └─ Asia
 *   ├── Retail ──── Stores
 *   └── Logistics
 */
import type { OrgNode, RoleContext } from '../../../../main/sharing/ports';
import { createTree } from '../../../../main/sharing/tree';
import type {
  PolicyView,
  RoleRef,
  ShareSnapshot,
} from '../../../../preload/contract/sharing-domain';
import { ALL_ORGS, WITH_CHILDREN } from '../../../../preload/contract/sharing-domain';

export const ORGS: OrgNode[] = [
  { id: 'acme', name: 'Acme', parentId: null, depth: 0 },
  { id: 'business', name: 'Business', parentId: 'acme', depth: 1 },
  { id: 'europe', name: 'Europe', parentId: 'business', depth: 2 },
  { id: 'berlin', name: 'Berlin', parentId: 'europe', depth: 3 },
  { id: 'asia', name: 'Asia', parentId: 'business', depth: 2 },
  { id: 'retail', name: 'Retail', parentId: 'acme', depth: 1 },
  { id: 'stores', name: 'Stores', parentId: 'retail', depth: 2 },
  { id: 'logistics', name: 'Logistics', parentId: 'acme', depth: 1 },
];

export const tree = createTree('acme', ORGS);

export const viewer: RoleRef = {
  displayName: 'Viewer',
  audienceType: 'organization',
  audienceDisplay: 'Acme',
};
export const admin: RoleRef = {
  displayName: 'Admin',
  audienceType: 'organization',
  audienceDisplay: 'Acme',
};
export const editor: RoleRef = {
  displayName: 'Editor',
  audienceType: 'application',
  audienceDisplay: 'Portal',
};
export const ghost: RoleRef = {
  displayName: 'Ghost',
  audienceType: 'organization',
  audienceDisplay: 'Acme',
};

/** The same org role as a child org shows it (audience display = the child's name). */
export function inOrg(role: RoleRef, orgId: string): RoleRef {
  if (role.audienceType !== 'organization') return role;
  return { ...role, audienceDisplay: ORGS.find((org) => org.id === orgId)?.name ?? orgId };
}

export const rolesEverywhere: RoleContext = {
  rootRoles: [viewer, admin, editor],
  rolesInOrg: () => [viewer, admin, editor],
};

export interface OrgState {
  roles?: RoleRef[];
  /** Holds an "and future children" policy with these roles. */
  policyRoles?: RoleRef[];
}

export function snapshot(
  orgs: Record<string, OrgState>,
  options: { allRoles?: RoleRef[]; agentId?: string } = {},
): ShareSnapshot {
  const policy = (roles: RoleRef[] | undefined, name: string): PolicyView | null =>
    roles === undefined ? null : { policy: name, roles };
  return {
    agentId: options.agentId ?? 'agent-1',
    readAt: '2026-01-01T00:00:00.000Z',
    allOrgs: policy(options.allRoles, ALL_ORGS),
    organizations: Object.entries(orgs)
      .map(([orgId, state]) => {
        const node = ORGS.find((org) => org.id === orgId);
        return {
          orgId,
          orgName: node?.name ?? orgId,
          parentOrgId: node?.parentId ?? null,
          depth: node?.depth ?? 1,
          policy: policy(state.policyRoles, WITH_CHILDREN),
          roles: (state.roles ?? []).map((role) => inOrg(role, orgId)),
        };
      })
      .sort((a, b) => (a.orgId < b.orgId ? -1 : 1)),
  };
}

export const planContext = {
  tree,
  roles: rolesEverywhere,
  baseUrl: 'https://is.example.com/t/acme',
  now: () => new Date('2026-01-02T00:00:00.000Z'),
  newId: (() => {
    let n = 0;
    return () => `plan-${++n}`;
  })(),
};
