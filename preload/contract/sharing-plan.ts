/**
 * The shape of a sharing plan: its steps (each one API call, with the exact request and a curl
 * form), the issues found by validation, and the blast radius. Plans are stored in the outbox
 * and the journal, so each part has a schema.
 */
import { z } from 'zod';
import {
  desiredOrgSchema,
  desiredSharingSchema,
  roleRefSchema,
  shareSnapshotSchema,
} from './sharing-domain';

export const roleChangeOpSchema = z.object({
  orgId: z.string(),
  add: z.array(roleRefSchema),
  remove: z.array(roleRefSchema),
});
export type RoleChangeOp = z.infer<typeof roleChangeOpSchema>;

/** What one API call does, in domain terms. */
export const stepActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unshare-with-all') }),
  z.object({ kind: z.literal('share-with-all'), roles: z.array(roleRefSchema) }),
  z.object({ kind: z.literal('unshare'), orgIds: z.array(z.string()).min(1) }),
  z.object({ kind: z.literal('share'), organizations: z.array(desiredOrgSchema).min(1) }),
  z.object({ kind: z.literal('patch-roles'), operations: z.array(roleChangeOpSchema).min(1) }),
]);
export type StepAction = z.infer<typeof stepActionSchema>;

export const stepKindSchema = z.enum([
  'unshare-with-all',
  'share-with-all',
  'unshare',
  'share',
  'patch-roles',
]);
export type StepKind = z.infer<typeof stepKindSchema>;

export const httpRequestSchema = z.object({
  method: z.enum(['POST', 'PATCH']),
  /** Relative to the profile's base URL, e.g. `/api/server/v1/agents/share`. */
  path: z.string(),
  body: z.json(),
});
export type HttpRequestPreview = z.infer<typeof httpRequestSchema>;

export const planStepSchema = z.object({
  index: z.number().int().nonnegative(),
  action: stepActionSchema,
  summary: z.string(),
  request: httpRequestSchema,
  /** The same request as a curl command; the bearer token appears as `$TOKEN`. */
  curl: z.string(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const ISSUE_CODES = [
  'unknown-org',
  'not-immediate-child',
  'duplicate-org',
  'role-not-in-root',
  'role-missing-in-org',
  'role-not-removable',
  'policy-replaced',
  'policy-resent',
  'subtree-unshare',
  'share-with-all',
  'empty-selection',
  'not-restorable',
] as const;
export const planIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.enum(ISSUE_CODES),
  message: z.string(),
  orgId: z.string().nullable(),
  suggestion: z.string().nullable(),
});
export type PlanIssue = z.infer<typeof planIssueSchema>;
export type IssueCode = PlanIssue['code'];

export const orgRefSchema = z.object({ orgId: z.string(), orgName: z.string() });
export type OrgRef = z.infer<typeof orgRefSchema>;

/** Which orgs created later would receive the agent. */
export const futureCoverageSchema = z.object({
  allOrgs: z.boolean(),
  /** Orgs whose future children receive the agent. */
  subtrees: z.array(orgRefSchema),
});
export type FutureCoverage = z.infer<typeof futureCoverageSchema>;

export const blastRadiusSchema = z.object({
  gained: z.array(orgRefSchema),
  lost: z.array(orgRefSchema),
  roleChanges: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      added: z.array(roleRefSchema),
      removed: z.array(roleRefSchema),
    }),
  ),
  future: z.object({
    before: futureCoverageSchema,
    after: futureCoverageSchema,
    changed: z.boolean(),
  }),
  /**
   * True when the counts cover only the organizations loaded so far (no complete full sync):
   * more may gain the agent. Absent in plans made before this was recorded.
   */
  partialTree: z.boolean().optional(),
});
export type BlastRadius = z.infer<typeof blastRadiusSchema>;

export const sharePlanSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  createdAt: z.string(),
  desired: desiredSharingSchema,
  /** The share state the plan was computed from. */
  base: shareSnapshotSchema,
  steps: z.array(planStepSchema),
  issues: z.array(planIssueSchema),
  blastRadius: blastRadiusSchema,
  summary: z.array(z.string()),
  /** True when an issue is an error: such a plan is never sent. */
  blocked: z.boolean(),
});
export type SharePlan = z.infer<typeof sharePlanSchema>;
