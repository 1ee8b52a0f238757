/**
 * The Share editor's draft: what the administrator is composing, with the names the screen
 * shows beside each organization. It turns into the contract's `DesiredSharing` for a preview
 * and is derived from an agent's share state so editing starts from what the server holds.
 */
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
  type RoleRef,
  type SelectivePolicy,
  type ShareSnapshot,
} from '../../../preload/contract';

export type DraftMode = DesiredSharing['mode'];

export interface DraftOrg {
  orgId: string;
  name: string;
  /** Ancestors and the org itself, root-level first, e.g. "Business › Europe › Berlin". */
  path: string;
  policy: SelectivePolicy;
  roles: readonly RoleRef[];
}

export interface ShareDraft {
  mode: DraftMode;
  /** Roles for "all organizations". */
  allRoles: readonly RoleRef[];
  organizations: readonly DraftOrg[];
}

export const EMPTY_DRAFT: ShareDraft = { mode: 'none', allRoles: [], organizations: [] };

/**
 * Two role references name the same root role. For organization-audience roles the server
 * ignores the audience's display name (it is always the calling org, and a child org shows its
 * own name there), so only the name and type count.
 */
export function sameRole(a: RoleRef, b: RoleRef): boolean {
  if (a.displayName !== b.displayName || a.audienceType !== b.audienceType) return false;
  return a.audienceType === 'organization' || a.audienceDisplay === b.audienceDisplay;
}

export function hasRole(roles: readonly RoleRef[], role: RoleRef): boolean {
  return roles.some((candidate) => sameRole(candidate, role));
}

export function withRole(roles: readonly RoleRef[], role: RoleRef, on: boolean): RoleRef[] {
  const rest = roles.filter((candidate) => !sameRole(candidate, role));
  return on ? [...rest, role] : rest;
}

/** A role as people read it: "Org Viewer" or "Ticket Resolver (Helpdesk app)". */
export function roleLabel(role: RoleRef): string {
  return role.audienceType === 'application' && role.audienceDisplay
    ? `${role.displayName} (${role.audienceDisplay})`
    : role.displayName;
}

/**
 * The draft a share state stands for: "all orgs" with the stored policy's roles, else every
 * shared root-level organization with its policy (with children when it holds one) and roles.
 * Orgs deeper down are reached through their ancestor's policy, so they are not listed.
 */
export function draftFromSnapshot(snapshot: ShareSnapshot): ShareDraft {
  if (snapshot.allOrgs !== null) {
    return { mode: 'all', allRoles: snapshot.allOrgs.roles, organizations: [] };
  }
  const organizations = snapshot.organizations
    .filter((org) => org.depth === 1)
    .map((org): DraftOrg =>
      org.policy?.policy === WITH_CHILDREN
        ? {
            orgId: org.orgId,
            name: org.orgName,
            path: org.orgName,
            policy: WITH_CHILDREN,
            roles: org.policy.roles,
          }
        : {
            orgId: org.orgId,
            name: org.orgName,
            path: org.orgName,
            policy: SELECTED_ORG_ONLY,
            roles: org.roles,
          },
    );
  return organizations.length === 0
    ? EMPTY_DRAFT
    : { mode: 'selected', allRoles: [], organizations };
}

export function desiredFromDraft(draft: ShareDraft): DesiredSharing {
  switch (draft.mode) {
    case 'none':
      return { mode: 'none' };
    case 'all':
      return { mode: 'all', roles: [...draft.allRoles] };
    case 'selected':
      return {
        mode: 'selected',
        organizations: draft.organizations.map((org) => ({
          orgId: org.orgId,
          policy: org.policy,
          roles: [...org.roles],
        })),
      };
  }
}

export function withOrg(draft: ShareDraft, org: DraftOrg): ShareDraft {
  if (draft.organizations.some((known) => known.orgId === org.orgId)) return draft;
  return { ...draft, mode: 'selected', organizations: [...draft.organizations, org] };
}

export function withoutOrg(draft: ShareDraft, orgId: string): ShareDraft {
  return { ...draft, organizations: draft.organizations.filter((org) => org.orgId !== orgId) };
}

export function updateOrg(
  draft: ShareDraft,
  orgId: string,
  change: Partial<Pick<DraftOrg, 'policy' | 'roles'>>,
): ShareDraft {
  return {
    ...draft,
    organizations: draft.organizations.map((org) =>
      org.orgId === orgId ? { ...org, ...change } : org,
    ),
  };
}
