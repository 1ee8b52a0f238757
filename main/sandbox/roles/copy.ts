/**
 * Role copies in child organizations. A new organization receives copies of the root's
 * organization-audience roles and of the roles of applications shared with every
 * organization; sharing later maps root roles to these copies (and silently drops roles a
 * child lacks). Copies carry the `/o/` variants of management scopes.
 */
import { orgVariantOf } from '../data/scopes';
import type { Org, Role } from '../model';
import type { SandboxState } from '../state';

/** Root roles that new organizations inherit. */
export function inheritableRoles(state: SandboxState): Role[] {
  return state.rolesInOrg(state.rootOrgId).filter((role) => {
    if (role.audience.type === 'organization') return true;
    const app = state.applications.get(role.audience.value);
    return app !== undefined && app.sharedWithAll;
  });
}

/** Copies share one permission list per source role: 100 000 organizations make many copies. */
const orgPermissions = new WeakMap<readonly string[], string[]>();

function orgPermissionsOf(permissions: readonly string[]): string[] {
  let mapped = orgPermissions.get(permissions);
  if (!mapped) {
    mapped = permissions.map(orgVariantOf);
    orgPermissions.set(permissions, mapped);
  }
  return mapped;
}

export function copyRole(role: Role, org: Org, id: string): Role {
  const audience =
    role.audience.type === 'organization'
      ? { type: role.audience.type, value: org.id, display: org.name }
      : { ...role.audience };
  return {
    id,
    displayName: role.displayName,
    orgId: org.id,
    audience,
    sharedFromRoleId: role.sharedFromRoleId ?? role.id,
    permissions: orgPermissionsOf(role.permissions),
  };
}

/** Adds copies of `roles` to `org` and returns them. */
export function copyRolesInto(
  state: SandboxState,
  org: Org,
  roles: readonly Role[],
  newId: (source: Role) => string,
): Role[] {
  const copies = roles.map((role) => copyRole(role, org, newId(role)));
  for (const copy of copies) state.roles.set(copy.id, copy);
  return copies;
}

/** The copy of a root role inside `orgId`, if that organization has one. */
export function roleCopyIn(
  state: SandboxState,
  rootRoleId: string,
  orgId: string,
): Role | undefined {
  for (const role of state.roles.values()) {
    if (role.orgId === orgId && role.sharedFromRoleId === rootRoleId) return role;
  }
  return undefined;
}
