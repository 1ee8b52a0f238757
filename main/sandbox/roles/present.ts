/**
 * SCIM2 role resources (Roles v2 and v3): `id`, `displayName`, `audience`, `meta`, and on
 * request `permissions`, `users` (and in v3 `agents`) — the identities holding the role.
 */
import type { Role } from '../model';
import type { SandboxState } from '../state';

export const ROLE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:2.0:Role';
export const ROLE_REQUEST_ONLY = [
  'permissions',
  'users',
  'groups',
  'agents',
  'associatedApplications',
];

export type RolesVersion = 'v2' | 'v3';

/** Identities (users and agents) holding each role of `orgId`. */
export function holdersByRole(state: SandboxState, orgId: string): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  const prefix = `${orgId}|`;
  for (const [key, roleIds] of state.roleAssignments) {
    if (!key.startsWith(prefix)) continue;
    const identityId = key.slice(prefix.length);
    for (const roleId of roleIds) holders.set(roleId, [...(holders.get(roleId) ?? []), identityId]);
  }
  return holders;
}

export function roleResource(
  state: SandboxState,
  role: Role,
  version: RolesVersion,
  scimBase: string,
  holders: readonly string[],
): Record<string, unknown> {
  const users = holders.flatMap((id) => {
    const user = state.users.get(id);
    return user
      ? [{ value: user.id, display: user.userName, $ref: `${scimBase}/Users/${user.id}` }]
      : [];
  });
  const agents = holders.flatMap((id) => {
    const agent = state.agents.get(id);
    return agent
      ? [{ value: agent.id, display: agent.userName, $ref: `${scimBase}/Agents/${agent.id}` }]
      : [];
  });
  return {
    schemas: [ROLE_SCHEMA],
    id: role.id,
    displayName: role.displayName,
    audience: { ...role.audience },
    meta: { location: `${scimBase}/${version}/Roles/${role.id}`, resourceType: 'Role' },
    permissions: role.permissions.map((scope) => ({ value: scope, display: scope })),
    users,
    groups: [],
    ...(version === 'v3' ? { agents } : {}),
  };
}
