/**
 * What applying a plan produced: per-step results, the verification per org, and the overall
 * outcome. Stored in the journal and the outbox, so each part has a schema.
 */
import { z } from 'zod';
import { stepKindSchema } from './sharing-plan';
import { roleRefSchema, shareSnapshotSchema } from './sharing-domain';

export const orgStatusSchema = z.enum(['done', 'pending', 'diverged']);
export type OrgStatus = z.infer<typeof orgStatusSchema>;

export const orgVerificationSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  status: orgStatusSchema,
  /** Roles expected there; null = the agent should not be shared there. */
  expectedRoles: z.array(roleRefSchema).nullable(),
  /** What the server shows; null = not shared. */
  observedRoles: z.array(roleRefSchema).nullable(),
});
export type OrgVerification = z.infer<typeof orgVerificationSchema>;

export const verificationResultSchema = z.object({
  outcome: z.enum(['verified', 'pending', 'diverged']),
  attempts: z.number().int().nonnegative(),
  checkedAt: z.string(),
  policies: orgStatusSchema,
  counts: z.object({ done: z.number(), pending: z.number(), diverged: z.number() }),
  /** Every touched org that is expected, observed or was shared before. */
  orgs: z.array(orgVerificationSchema),
  /** The last share state read, or null when no read succeeded. */
  observed: shareSnapshotSchema.nullable(),
  /** The last read failure, if reads failed. */
  readError: z.string().nullable(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

export const stepResultSchema = z.object({
  index: z.number().int().nonnegative(),
  kind: stepKindSchema,
  /**
   * accepted: the server answered 202; reconciled: the answer was lost but a read showed the
   * step took effect; failed: not done (see error); not-sent: never sent.
   */
  status: z.enum(['accepted', 'reconciled', 'failed', 'not-sent']),
  attempts: z.number().int().nonnegative(),
  error: z.string().nullable(),
});
export type StepResult = z.infer<typeof stepResultSchema>;

export const APPLY_OUTCOMES = [
  'verified',
  'pending',
  'diverged',
  'failed',
  'blocked',
  'conflict',
  'unreachable',
  /** Sending stopped because the credentials were refused; nothing after that was sent. */
  'interrupted',
] as const;
export const applyOutcomeSchema = z.enum(APPLY_OUTCOMES);
export type ApplyOutcome = z.infer<typeof applyOutcomeSchema>;

export const applyResultSchema = z.object({
  planId: z.string(),
  agentId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: applyOutcomeSchema,
  steps: z.array(stepResultSchema),
  verification: verificationResultSchema.nullable(),
  /** The share state read right before the first step was sent. */
  before: shareSnapshotSchema.nullable(),
  error: z.string().nullable(),
});
export type ApplyResult = z.infer<typeof applyResultSchema>;
