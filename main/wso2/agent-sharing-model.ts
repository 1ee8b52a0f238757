/**
 * Wire model of the Agent Sharing API v1 (`/api/server/v1/agents/…`, reference §5): request
 * bodies, the share-state response and the 202 acknowledgement, as zod schemas with their
 * TypeScript types, plus builders that turn validated inputs into exact wire bodies (kept
 * separate from sending so plans can preview and journal the bodies they will send).
 */
import { z } from 'zod';
import { InvalidInputError } from './errors';
import { uuidSchema } from './ids';
import { linkSchema } from './paging';

/** Per-organization policies accepted by `POST /agents/share`. */
export const SELECTED_ORG_POLICIES = [
  'SELECTED_ORG_ONLY',
  'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
] as const;
export const selectedOrgPolicySchema = z.enum(SELECTED_ORG_POLICIES);
export type SelectedOrgPolicy = z.infer<typeof selectedOrgPolicySchema>;

/** The only policy documented for `POST /agents/share-with-all`. */
export const ALL_ORGS_POLICY = 'ALL_EXISTING_AND_FUTURE_ORGS' as const;
export type AllOrgsPolicy = typeof ALL_ORGS_POLICY;

/**
 * Every policy name the server's parser knows (reference §5.8-5). Responses may carry any of
 * them (`IMMEDIATE_EXISTING_AND_FUTURE_ORGS` is mapped into `sharingMode` too); requests are
 * limited to the three documented ones above.
 */
export const SHARING_POLICIES = [
  ...SELECTED_ORG_POLICIES,
  ALL_ORGS_POLICY,
  'ALL_EXISTING_ORGS_ONLY',
  'IMMEDIATE_EXISTING_ORGS_ONLY',
  'IMMEDIATE_EXISTING_AND_FUTURE_ORGS',
  'SELECTED_ORG_WITH_ALL_EXISTING_CHILDREN_ONLY',
  'SELECTED_ORG_WITH_EXISTING_IMMEDIATE_CHILDREN_ONLY',
  'SELECTED_ORG_WITH_EXISTING_IMMEDIATE_AND_FUTURE_CHILDREN',
  'NO_SHARING',
] as const;
export const sharingPolicySchema = z.enum(SHARING_POLICIES);
export type SharingPolicy = z.infer<typeof sharingPolicySchema>;

export const ROLE_AUDIENCE_TYPES = ['organization', 'application'] as const;
export type RoleAudienceType = (typeof ROLE_AUDIENCE_TYPES)[number];

/** A root-organization role named for sharing (identified by name and audience). */
export const roleShareConfigSchema = z.object({
  displayName: z.string().min(1),
  audience: z.object({
    display: z.string(),
    type: z.enum(ROLE_AUDIENCE_TYPES),
  }),
});
export type RoleShareConfig = z.infer<typeof roleShareConfigSchema>;

export const ROLE_ASSIGNMENT_MODES = ['NONE', 'SELECTED'] as const;
export type RoleAssignmentMode = (typeof ROLE_ASSIGNMENT_MODES)[number];

/** Request form: `roles` is required with SELECTED and must be empty with NONE. */
export const roleAssignmentSchema = z
  .object({
    mode: z.enum(ROLE_ASSIGNMENT_MODES),
    roles: z.array(roleShareConfigSchema),
  })
  .refine((value) => value.mode === 'SELECTED' || value.roles.length === 0, {
    message: 'roles must be empty when mode is NONE',
    path: ['roles'],
  });
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

/** Response form: the server's model defaults `mode` to SELECTED and `roles` may be absent. */
export const roleAssignmentResponseSchema = z.object({
  mode: z.enum(ROLE_ASSIGNMENT_MODES).default('SELECTED'),
  roles: z.array(roleShareConfigSchema).default([]),
});

export const agentCriteriaSchema = z.object({ agentIds: z.array(uuidSchema).min(1) });
export type AgentCriteria = z.infer<typeof agentCriteriaSchema>;

// ---- request inputs (what callers pass) ----

export const orgShareConfigSchema = z.object({
  orgId: uuidSchema,
  policy: selectedOrgPolicySchema,
  roleAssignment: roleAssignmentSchema.optional(),
});
export type OrgShareConfig = z.infer<typeof orgShareConfigSchema>;

export const selectiveShareInputSchema = z.object({
  agentIds: z.array(uuidSchema).min(1),
  organizations: z.array(orgShareConfigSchema).min(1),
});
export type SelectiveShareInput = z.infer<typeof selectiveShareInputSchema>;

export const shareWithAllInputSchema = z.object({
  agentIds: z.array(uuidSchema).min(1),
  roleAssignment: roleAssignmentSchema.optional(),
});
export type ShareWithAllInput = z.infer<typeof shareWithAllInputSchema>;

export const unshareInputSchema = z.object({
  agentIds: z.array(uuidSchema).min(1),
  orgIds: z.array(uuidSchema).min(1),
});
export type UnshareInput = z.infer<typeof unshareInputSchema>;

export const unshareWithAllInputSchema = z.object({ agentIds: z.array(uuidSchema).min(1) });
export type UnshareWithAllInput = z.infer<typeof unshareWithAllInputSchema>;

export const rolePatchOperationInputSchema = z.object({
  op: z.enum(['add', 'remove']),
  orgId: uuidSchema,
  roles: z.array(roleShareConfigSchema).min(1),
});
export type RolePatchOperationInput = z.infer<typeof rolePatchOperationInputSchema>;

export const rolesPatchInputSchema = z.object({
  agentIds: z.array(uuidSchema).min(1),
  operations: z.array(rolePatchOperationInputSchema).min(1),
});
export type RolesPatchInput = z.infer<typeof rolesPatchInputSchema>;

// ---- wire bodies (what is sent) ----

export interface SelectiveShareBody {
  agentCriteria: AgentCriteria;
  organizations: OrgShareConfig[];
}
export interface ShareWithAllBody {
  agentCriteria: AgentCriteria;
  policy: AllOrgsPolicy;
  roleAssignment?: RoleAssignment;
}
export interface UnshareBody {
  agentCriteria: AgentCriteria;
  orgIds: string[];
}
export interface UnshareWithAllBody {
  agentCriteria: AgentCriteria;
}
export interface RolesPatchOperation {
  op: 'add' | 'remove';
  /** `organizations[orgId eq <uuid>].roles`, the id unquoted (see `rolesPath`). */
  path: string;
  value: RoleShareConfig[];
}
/** Note the capital `Operations`, as the API names it. */
export interface RolesPatchBody {
  agentCriteria: AgentCriteria;
  Operations: RolesPatchOperation[];
}

/** Parses a caller's input, turning a zod failure into `InvalidInputError` naming the field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue === undefined ? '' : issue.path.map(String).join('.');
  throw new InvalidInputError(path === '' ? what : `${what}.${path}`, issue?.message ?? 'invalid');
}

/**
 * The PATCH path for one organization's roles. The id goes in unquoted: the server strips the
 * fixed prefix and suffix and validates the rest as a UUID, so quotes would fail that check.
 */
export function rolesPath(orgId: string): string {
  const id = parseInput(uuidSchema, orgId, 'orgId');
  return `organizations[orgId eq ${id}].roles`;
}

export function selectiveShareBody(input: SelectiveShareInput): SelectiveShareBody {
  const valid = parseInput(selectiveShareInputSchema, input, 'share');
  return { agentCriteria: { agentIds: valid.agentIds }, organizations: valid.organizations };
}

export function shareWithAllBody(input: ShareWithAllInput): ShareWithAllBody {
  const valid = parseInput(shareWithAllInputSchema, input, 'shareWithAll');
  return {
    agentCriteria: { agentIds: valid.agentIds },
    policy: ALL_ORGS_POLICY,
    ...(valid.roleAssignment === undefined ? {} : { roleAssignment: valid.roleAssignment }),
  };
}

export function unshareBody(input: UnshareInput): UnshareBody {
  const valid = parseInput(unshareInputSchema, input, 'unshare');
  return { agentCriteria: { agentIds: valid.agentIds }, orgIds: valid.orgIds };
}

export function unshareWithAllBody(input: UnshareWithAllInput): UnshareWithAllBody {
  const valid = parseInput(unshareWithAllInputSchema, input, 'unshareWithAll');
  return { agentCriteria: { agentIds: valid.agentIds } };
}

export function rolesPatchBody(input: RolesPatchInput): RolesPatchBody {
  const valid = parseInput(rolesPatchInputSchema, input, 'patchRoles');
  return {
    agentCriteria: { agentIds: valid.agentIds },
    Operations: valid.operations.map((operation) => ({
      op: operation.op,
      path: rolesPath(operation.orgId),
      value: operation.roles,
    })),
  };
}

// ---- responses ----

/** `202 {"status":"Processing","details":"…"}` of every write. */
export const processSuccessResponseSchema = z.object({
  status: z.string(),
  details: z.string().optional(),
});
export type ProcessSuccessResponse = z.infer<typeof processSuccessResponseSchema>;

export const sharingModeSchema = z.object({
  policy: sharingPolicySchema,
  roleAssignment: roleAssignmentResponseSchema,
});
export type SharingMode = z.infer<typeof sharingModeSchema>;

export const agentSharedOrganizationSchema = z.object({
  orgId: uuidSchema,
  orgName: z.string(),
  orgHandle: z.string(),
  orgStatus: z.string(),
  orgRef: z.string().optional(),
  hasChildren: z.boolean(),
  /** Root is 0. */
  depthFromRoot: z.number().int().nonnegative(),
  parentOrgId: uuidSchema.nullable().optional(),
  parentAgentId: z.string(),
  sharedAgentId: z.string(),
  sharedType: z.string(),
  /** Only on the org holding a SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN policy. */
  sharingMode: sharingModeSchema.optional(),
  /** Roles actually assigned in that org (audience display = the child org's name). */
  roles: z.array(roleShareConfigSchema).optional(),
});
export type AgentSharedOrganization = z.infer<typeof agentSharedOrganizationSchema>;

/** One page of `GET /agents/{id}/share`; an unshared agent may come back as `{}`. */
export const agentSharedOrganizationsResponseSchema = z.object({
  links: z.array(linkSchema).optional(),
  sharingMode: sharingModeSchema.optional(),
  organizations: z.array(agentSharedOrganizationSchema).optional(),
});
export type AgentSharedOrganizationsResponse = z.infer<
  typeof agentSharedOrganizationsResponseSchema
>;

/** The share state of one agent seen from the calling org, with every page merged. */
export interface AgentShareState {
  agentId: string;
  /** Present when the agent is shared with ALL_EXISTING_AND_FUTURE_ORGS (top level). */
  sharingMode?: SharingMode | undefined;
  organizations: AgentSharedOrganization[];
  /** Requests made to read it (one per page). */
  pages: number;
}

/** `AgentShareState` as stored (offline cache) and read back. */
export const agentShareStateSchema = z.object({
  agentId: uuidSchema,
  sharingMode: sharingModeSchema.optional(),
  organizations: z.array(agentSharedOrganizationSchema),
  pages: z.number().int().nonnegative(),
});
