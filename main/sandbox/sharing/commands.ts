/**
 * Validated Agent Sharing requests, as the engine receives them. The routes build these from
 * request bodies; the engine never sees raw JSON.
 */
import type { PolicyName } from './policy';

/** A role named the way the API names it: display name plus audience. */
export interface RoleRef {
  displayName: string;
  audienceType: string;
  /** Ignored for organization audiences (the calling org is the audience). */
  audienceDisplay: string;
}

export interface RoleAssignmentInput {
  mode: 'NONE' | 'SELECTED';
  roles: RoleRef[];
}

export interface OrgShareInput {
  orgId: string;
  policy: PolicyName;
  roleAssignment: RoleAssignmentInput;
}

export interface SelectiveShareCommand {
  agentIds: string[];
  organizations: OrgShareInput[];
}

export interface GeneralShareCommand {
  agentIds: string[];
  policy: PolicyName;
  roleAssignment: RoleAssignmentInput;
}

export interface SelectiveUnshareCommand {
  agentIds: string[];
  orgIds: string[];
}

export interface GeneralUnshareCommand {
  agentIds: string[];
}

export interface RolePatchOperation {
  op: 'add' | 'remove';
  orgId: string;
  roles: RoleRef[];
}

export interface PatchCommand {
  agentIds: string[];
  operations: RolePatchOperation[];
}

/** Work accepted now and applied later, after the 202 has been sent. */
export type DeferredWork = () => void;
