/**
 * The sharing domain's data: roles, the desired sharing of one agent, and the normalized share
 * state read from the server. Each is a zod schema (user input and files on disk are parsed
 * with them) with its TypeScript type; every value is plain JSON so it can cross IPC.
 */
import { z } from 'zod';

export const SELECTED_ORG_ONLY = 'SELECTED_ORG_ONLY';
export const WITH_CHILDREN = 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN';
export const ALL_ORGS = 'ALL_EXISTING_AND_FUTURE_ORGS';

export const audienceTypeSchema = z.enum(['organization', 'application']);
export type AudienceType = z.infer<typeof audienceTypeSchema>;

/**
 * A role named the way the sharing API names it. For organization-audience roles the server
 * ignores `audienceDisplay` (the audience is always the calling org); for application roles it
 * is the application's name.
 */
export const roleRefSchema = z.object({
  displayName: z.string().min(1),
  audienceType: audienceTypeSchema,
  audienceDisplay: z.string(),
});
export type RoleRef = z.infer<typeof roleRefSchema>;

export const selectivePolicySchema = z.enum([SELECTED_ORG_ONLY, WITH_CHILDREN]);
export type SelectivePolicy = z.infer<typeof selectivePolicySchema>;

/** One selected organization: its policy and the roles to assign (empty = none). */
export const desiredOrgSchema = z.object({
  orgId: z.string().min(1),
  policy: selectivePolicySchema,
  roles: z.array(roleRefSchema),
});
export type DesiredOrg = z.infer<typeof desiredOrgSchema>;

/** What the administrator wants for one agent. */
export const desiredSharingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('all'), roles: z.array(roleRefSchema) }),
  z.object({ mode: z.literal('selected'), organizations: z.array(desiredOrgSchema) }),
]);
export type DesiredSharing = z.infer<typeof desiredSharingSchema>;

/** A stored policy as the share response shows it, with the root roles it asks for. */
export const policyViewSchema = z.object({
  policy: z.string(),
  roles: z.array(roleRefSchema),
});
export type PolicyView = z.infer<typeof policyViewSchema>;

export const snapshotOrgSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  parentOrgId: z.string().nullable(),
  depth: z.number().int().nonnegative(),
  /** The "and future children" policy this org holds, if any. */
  policy: policyViewSchema.nullable(),
  /** Roles actually assigned to the shared agent in this org. */
  roles: z.array(roleRefSchema),
});
export type SnapshotOrg = z.infer<typeof snapshotOrgSchema>;

/** One agent's share state as read from `GET /agents/{id}/share`, sorted by orgId. */
export const shareSnapshotSchema = z.object({
  agentId: z.string(),
  readAt: z.string(),
  /** The top-level policy (`ALL_EXISTING_AND_FUTURE_ORGS`), if any. */
  allOrgs: policyViewSchema.nullable(),
  organizations: z.array(snapshotOrgSchema),
});
export type ShareSnapshot = z.infer<typeof shareSnapshotSchema>;

/** Names the failing field of a zod error, e.g. `entries.2.plan.steps: Required`. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid value';
  const field = issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.');
  return `${field}: ${issue.message}`;
}
