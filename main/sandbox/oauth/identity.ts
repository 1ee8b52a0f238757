/**
 * Who a token speaks for, where that identity lives, and what its roles allow in an
 * organization (WSO2's RBAC for API scopes).
 */
import type { AuthenticatedType } from '../auth';
import type { Application } from '../model';
import type { SandboxState } from '../state';

export type IdentityKind = 'application' | 'user' | 'agent';

export interface Identity {
  kind: IdentityKind;
  /** User id, agent id, or the client id of an application token. */
  id: string;
  /** `username` in introspection: `alice`, `AGENT/<id>`, or the client id. */
  userName: string;
  /** The organization the user or agent is resident in; the app's org for applications. */
  residentOrgId: string;
}

/** OIDC scopes: granted whenever a user or agent asks, never part of API authorization. */
export const OIDC_SCOPES: ReadonlySet<string> = new Set([
  'openid',
  'profile',
  'email',
  'address',
  'phone',
]);

export function autOf(identity: Identity): AuthenticatedType {
  if (identity.kind === 'agent') return 'AGENT';
  if (identity.kind === 'application') return 'APPLICATION';
  return 'APPLICATION_USER';
}

export function applicationIdentity(app: Application): Identity {
  return {
    kind: 'application',
    id: app.clientId,
    userName: app.clientId,
    residentOrgId: app.orgId,
  };
}

export function splitScopes(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(' ').filter((s) => s.length > 0))];
}

/**
 * The id under which an identity exists in an organization: itself when resident there, the
 * shared copy's id for a shared agent, else undefined.
 */
export function identityIdInOrg(
  state: SandboxState,
  identity: Identity,
  orgId: string,
): string | undefined {
  if (identity.kind === 'application') return identity.id;
  if (identity.residentOrgId === orgId) return identity.id;
  if (identity.kind === 'agent') {
    for (const association of state.shareAssociations.values()) {
      if (association.agentId === identity.id && association.orgId === orgId) {
        return association.sharedAgentId;
      }
    }
    return undefined;
  }
  // INFERRED: the sandbox models no user shares, so a role assignment of a root user in the
  // target org stands for the user having been shared there.
  return state.roleAssignments.has(state.assignmentKey(orgId, identity.id))
    ? identity.id
    : undefined;
}

/** Union of the permissions of the roles assigned to `identityId` in `orgId`. */
export function permissionsInOrg(
  state: SandboxState,
  orgId: string,
  identityId: string,
): Set<string> {
  const permissions = new Set<string>();
  for (const roleId of state.roleAssignments.get(state.assignmentKey(orgId, identityId)) ?? []) {
    for (const permission of state.roles.get(roleId)?.permissions ?? [])
      permissions.add(permission);
  }
  return permissions;
}

/**
 * Scopes granted in `orgId`: for application tokens the requested scopes the app is authorized
 * for; for users and agents also only those their roles in that org permit (OIDC scopes pass).
 */
export function grantScopes(
  state: SandboxState,
  app: Application,
  identity: Identity,
  orgId: string,
  requested: readonly string[],
): string[] {
  const authorized = new Set(app.authorizedScopes);
  if (identity.kind === 'application') {
    // OIDC scopes mean nothing without a user; WSO2 drops `openid` for application tokens.
    return requested.filter((s) => !OIDC_SCOPES.has(s) && authorized.has(s));
  }
  const idInOrg = identityIdInOrg(state, identity, orgId);
  const permitted =
    idInOrg === undefined ? new Set<string>() : permissionsInOrg(state, orgId, idInOrg);
  return requested.filter((s) => OIDC_SCOPES.has(s) || (authorized.has(s) && permitted.has(s)));
}
