/**
 * Role identity and resolution as the server does it. Organization-audience roles are matched
 * by name alone (the server ignores their audience display, and a child org shows its own name
 * there); application roles by application name and role name.
 */
import type { RoleContext, WireRole } from './ports';
import type { RoleRef } from '../../preload/contract/sharing-domain';

/** A stable key: two refs with the same key name the same role for the server. */
export function roleKey(role: RoleRef): string {
  return role.audienceType === 'organization'
    ? JSON.stringify(['organization', role.displayName])
    : JSON.stringify(['application', role.audienceDisplay, role.displayName]);
}

/** Rebuilds a root-org role ref from its key (organization roles get the root org's name). */
export function roleFromKey(key: string, rootOrgName: string): RoleRef {
  const parts: unknown = JSON.parse(key);
  if (Array.isArray(parts) && parts[0] === 'organization' && typeof parts[1] === 'string') {
    return { displayName: parts[1], audienceType: 'organization', audienceDisplay: rootOrgName };
  }
  if (
    Array.isArray(parts) &&
    parts[0] === 'application' &&
    typeof parts[1] === 'string' &&
    typeof parts[2] === 'string'
  ) {
    return { displayName: parts[2], audienceType: 'application', audienceDisplay: parts[1] };
  }
  throw new Error(`not a role key: ${key}`);
}

export function roleLabel(role: RoleRef): string {
  return role.audienceType === 'organization'
    ? role.displayName
    : `${role.displayName} (${role.audienceDisplay})`;
}

export function sortedKeys(roles: readonly RoleRef[]): string[] {
  return [...new Set(roles.map(roleKey))].sort();
}

export function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}

export function fromWire(role: WireRole): RoleRef {
  return {
    displayName: role.displayName,
    audienceType: role.audience.type,
    audienceDisplay: role.audience.display,
  };
}

export function toWire(role: RoleRef): WireRole {
  return {
    displayName: role.displayName,
    audience: { display: role.audienceDisplay, type: role.audienceType },
  };
}

function keySet(roles: readonly RoleRef[] | undefined): Set<string> | undefined {
  return roles === undefined ? undefined : new Set(roles.map(roleKey));
}

/** Resolves role lists once per call site; lookups per org are cached. */
export class RoleResolver {
  private readonly root: Set<string> | undefined;
  private readonly perOrg = new Map<string, Set<string> | undefined>();

  constructor(private readonly context: RoleContext) {
    this.root = keySet(context.rootRoles);
  }

  /** False only when the root role list is known and lacks the role. */
  existsInRoot(role: RoleRef): boolean {
    return this.root === undefined || this.root.has(roleKey(role));
  }

  /** `undefined` when the org's role list is not known. */
  existsInOrg(role: RoleRef, orgId: string): boolean | undefined {
    if (!this.perOrg.has(orgId)) this.perOrg.set(orgId, keySet(this.context.rolesInOrg?.(orgId)));
    const available = this.perOrg.get(orgId);
    return available === undefined ? undefined : available.has(roleKey(role));
  }

  /** The keys the server would store in a policy: roles the root org can resolve. */
  inRoot(roles: readonly RoleRef[]): string[] {
    return sortedKeys(roles.filter((role) => this.existsInRoot(role)));
  }

  /** The keys the server would assign in `orgId`: resolvable in root and present there. */
  inOrg(roles: readonly RoleRef[], orgId: string): string[] {
    return sortedKeys(
      roles.filter((role) => this.existsInRoot(role) && this.existsInOrg(role, orgId) !== false),
    );
  }
}
