/**
 * The narrow interfaces the sharing services depend on. The WSO2 Agent Sharing client, the org
 * tree and the role lists satisfy them as they are (structurally); tests pass in-memory fakes.
 */
import type { AudienceType, RoleRef, SelectivePolicy } from '../../preload/contract/sharing-domain';

/** A role as the Agent Sharing API writes it on the wire. */
export interface WireRole {
  displayName: string;
  audience: { display: string; type: AudienceType };
}

export interface WireRoleAssignment {
  mode: 'NONE' | 'SELECTED';
  roles: WireRole[];
}

export interface SharingModeView {
  policy: string;
  roleAssignment?: { mode: string; roles: readonly WireRole[] };
}

export interface SharedOrgView {
  orgId: string;
  orgName: string;
  parentOrgId?: string | null;
  depthFromRoot: number;
  sharingMode?: SharingModeView;
  roles?: readonly WireRole[];
}

/** `GET /agents/{id}/share?attributes=roles,sharingMode`, every page merged. */
export interface AgentShareView {
  sharingMode?: SharingModeView;
  organizations: readonly SharedOrgView[];
}

/** The Agent Sharing API seen from the calling (root) organization. */
export interface SharingApi {
  share(input: {
    agentIds: string[];
    organizations: {
      orgId: string;
      policy: SelectivePolicy;
      roleAssignment?: WireRoleAssignment;
    }[];
  }): Promise<unknown>;
  shareWithAll(input: {
    agentIds: string[];
    roleAssignment?: WireRoleAssignment;
  }): Promise<unknown>;
  unshare(input: { agentIds: string[]; orgIds: string[] }): Promise<unknown>;
  unshareWithAll(input: { agentIds: string[] }): Promise<unknown>;
  patchRoles(input: {
    agentIds: string[];
    operations: { op: 'add' | 'remove'; orgId: string; roles: WireRole[] }[];
  }): Promise<unknown>;
  getShare(agentId: string): Promise<AgentShareView>;
}

export interface OrgNode {
  id: string;
  name: string;
  parentId: string | null;
  /** The calling (root) org is 0. */
  depth: number;
}

/** The organization tree as far as it is known; the calling org is `rootId`. */
export interface OrgTreeView {
  readonly rootId: string;
  /**
   * Whether all of the org's children are known: listed, or known to be none. Where they are
   * not, counts over its subtree are lower bounds. Left out, every org's children are known.
   */
  childrenListed?(orgId: string): boolean;
  get(orgId: string): OrgNode | undefined;
  childrenOf(orgId: string): readonly string[];
}

/**
 * Which roles exist where. A role the root org lacks is dropped by the server; one a target org
 * lacks is skipped there. `undefined` means "not known", which skips that check.
 */
export interface RoleContext {
  rootRoles?: readonly RoleRef[];
  rolesInOrg?: (orgId: string) => readonly RoleRef[] | undefined;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export type Sleep = (ms: number) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
