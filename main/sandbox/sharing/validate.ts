/**
 * Turns bound request bodies into engine commands, raising WSO2's client errors in the order
 * WSO2 checks them: the REST layer first (`ASM-`), then the agent service (`OAS-`).
 */
import { isUuid, type ReplyError } from '../http';
import type {
  GeneralShareCommand,
  GeneralUnshareCommand,
  OrgShareInput,
  PatchCommand,
  RoleAssignmentInput,
  RoleRef,
  RolePatchOperation,
  SelectiveShareCommand,
  SelectiveUnshareCommand,
} from './commands';
import type {
  AgentCriteriaBody,
  GeneralShareBody,
  GeneralUnshareBody,
  PatchBody,
  RoleAssignmentBody,
  RoleBody,
  SelectiveShareBody,
  SelectiveUnshareBody,
} from './bodies';
import { sharingError, type SharingErrorKey } from './errors';
import { parsePolicy } from './policy';

type Fail = (key: SharingErrorKey) => ReplyError;

const PATCH_PATH_PREFIX = 'organizations[orgId eq ';
const PATCH_PATH_SUFFIX = '].roles';

export function selectiveShareCommand(
  body: SelectiveShareBody | null,
  traceId: string,
): SelectiveShareCommand {
  const fail: Fail = (key) => sharingError(key, traceId);
  if (body === null) throw fail('selectiveShareBody');
  const agentIds = agentIdsOf(body.agentCriteria, fail);
  // A missing list counts as empty; null entries are dropped (the REST layer does both).
  const entries = (body.organizations ?? []).filter((org) => org !== null);
  // REST layer: the policy of every entry. Service: then org id and roles, entry by entry.
  const parsed = entries.map((org) => {
    const policy = parsePolicy(org.policy);
    if (!policy) throw fail('unsupportedPolicy');
    return {
      orgId: org.orgId,
      policy,
      roles: keptRoles(org.roleAssignment),
      mode: modeOf(org.roleAssignment),
    };
  });
  const organizations: OrgShareInput[] = parsed.map((org) => {
    if (org.orgId === null || org.orgId === undefined) throw fail('orgIdNull');
    return {
      orgId: org.orgId,
      policy: org.policy,
      roleAssignment: { mode: org.mode, roles: checkedRoles(org.roles, fail) },
    };
  });
  return { agentIds, organizations };
}

export function generalShareCommand(
  body: GeneralShareBody | null,
  traceId: string,
): GeneralShareCommand {
  const fail: Fail = (key) => sharingError(key, traceId);
  if (body === null) throw fail('generalShareBody');
  const agentIds = agentIdsOf(body.agentCriteria, fail);
  const policy = parsePolicy(body.policy);
  if (!policy) throw fail('unsupportedPolicy');
  const roleAssignment: RoleAssignmentInput = {
    mode: modeOf(body.roleAssignment),
    roles: checkedRoles(keptRoles(body.roleAssignment), fail),
  };
  return { agentIds, policy, roleAssignment };
}

export function selectiveUnshareCommand(
  body: SelectiveUnshareBody | null,
  traceId: string,
): SelectiveUnshareCommand {
  const fail: Fail = (key) => sharingError(key, traceId);
  if (body === null) throw fail('selectiveUnshareBody');
  const agentIds = agentIdsOf(body.agentCriteria, fail);
  if (body.orgIds === null || body.orgIds === undefined) throw fail('organizationsNull');
  const orgIds = body.orgIds.map((orgId) => {
    if (orgId === null) throw fail('orgIdNull');
    return orgId;
  });
  return { agentIds, orgIds };
}

export function generalUnshareCommand(
  body: GeneralUnshareBody | null,
  traceId: string,
): GeneralUnshareCommand {
  const fail: Fail = (key) => sharingError(key, traceId);
  if (body === null) throw fail('generalUnshareBody');
  return { agentIds: agentIdsOf(body.agentCriteria, fail) };
}

export function patchCommand(body: PatchBody | null, traceId: string): PatchCommand {
  const fail: Fail = (key) => sharingError(key, traceId);
  if (body === null) throw fail('patchBody');
  const agentIds = agentIdsOf(body.agentCriteria, fail);
  const entries = (body.Operations ?? []).filter((operation) => operation !== null);
  // REST layer: the operation name, then a non-empty path that ends in `.roles`.
  const parsed = entries.map((operation) => {
    const op = patchOperationName(operation.op);
    if (!op) throw fail('unsupportedPatchOperation');
    const path = operation.path ?? '';
    if (path === '') throw fail('emptyPatchPath');
    if (!path.trim().endsWith('.roles')) throw fail('unsupportedPatchPath');
    return { op, path: path.trim(), roles: (operation.value ?? []).filter(hasAudience) };
  });
  // Service layer: the exact `organizations[orgId eq <uuid>].roles` form, then the roles.
  const operations: RolePatchOperation[] = parsed.map((operation) => {
    const { path } = operation;
    if (!path.startsWith(PATCH_PATH_PREFIX) || !path.endsWith(PATCH_PATH_SUFFIX)) {
      throw fail('patchPathUnsupported');
    }
    const orgId = path
      .slice(PATCH_PATH_PREFIX.length, path.length - PATCH_PATH_SUFFIX.length)
      .trim();
    if (orgId === '') throw fail('orgIdNull');
    if (!isUuid(orgId)) throw fail('orgIdFormat');
    return { op: operation.op, orgId, roles: checkedRoles(operation.roles, fail) };
  });
  return { agentIds, operations };
}

/** `add` / `remove`, trimmed and in any case, as WSO2's `AgentSharePatchOperation` reads it. */
function patchOperationName(op: string | null | undefined): RolePatchOperation['op'] | undefined {
  const name = op?.trim().toLowerCase();
  return name === 'add' || name === 'remove' ? name : undefined;
}

/** `agentCriteria` or `agentIds` missing ⇒ ASM-60006; an empty list ⇒ ASM-60013. */
function agentIdsOf(criteria: AgentCriteriaBody, fail: Fail): string[] {
  const ids = criteria?.agentIds;
  if (ids === null || ids === undefined) throw fail('missingCriteria');
  if (ids.length === 0) throw fail('emptyAgentIds');
  // A null entry cannot name an agent; WSO2 skips it like any unknown id.
  return ids.filter((id) => id !== null);
}

/** No assignment ⇒ NONE; an assignment without `mode` ⇒ SELECTED; `mode: null` ⇒ NONE. */
function modeOf(assignment: RoleAssignmentBody): RoleAssignmentInput['mode'] {
  if (assignment === null || assignment === undefined) return 'NONE';
  if (assignment.mode === undefined) return 'SELECTED';
  return assignment.mode ?? 'NONE';
}

/** The REST layer drops null roles and roles without an audience before validation. */
function keptRoles(assignment: RoleAssignmentBody): NonNullable<RoleBody>[] {
  return (assignment?.roles ?? []).filter(hasAudience);
}

function hasAudience(role: RoleBody): role is NonNullable<RoleBody> {
  return role !== null && role.audience !== null && role.audience !== undefined;
}

function checkedRoles(roles: NonNullable<RoleBody>[], fail: Fail): RoleRef[] {
  return roles.map((role) => {
    if (role.displayName === null || role.displayName === undefined) throw fail('roleNameNull');
    const display = role.audience?.display;
    if (display === null || display === undefined) throw fail('audienceNameNull');
    const type = role.audience?.type;
    if (type === null || type === undefined) throw fail('audienceTypeNull');
    return { displayName: role.displayName, audienceDisplay: display, audienceType: type };
  });
}
