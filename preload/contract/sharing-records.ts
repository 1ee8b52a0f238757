/**
 * The durable records of sharing: outbox entries (plans waiting to be sent) and journal entries
 * (plans applied). They are stored on disk by the main process and shown by the renderer, so
 * their schemas are shared.
 */
import { z } from 'zod';
import { desiredSharingSchema, shareSnapshotSchema } from './sharing-domain';
import { sharePlanSchema } from './sharing-plan';
import { applyOutcomeSchema, stepResultSchema, verificationResultSchema } from './sharing-results';

export const OUTBOX_STATUSES = [
  'queued',
  'applying',
  'conflict',
  'applied',
  'failed',
  'discarded',
] as const;

export const outboxEntrySchema = z.object({
  id: z.string(),
  /** Enqueue order; entries of one agent are applied in this order. */
  seq: z.number().int().nonnegative(),
  profileId: z.string(),
  agentId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  desired: desiredSharingSchema,
  /** The share state the plan was drafted on. */
  base: shareSnapshotSchema,
  plan: sharePlanSchema,
  status: z.enum(OUTBOX_STATUSES),
  /** Apply even though the server no longer matches `base` (the user chose "force"). */
  forced: z.boolean(),
  /** The state read when sending started; the reference for resuming after a crash. */
  startedFrom: shareSnapshotSchema.nullable(),
  /** Steps whose request may have left (recorded before sending). */
  sentSteps: z.array(z.number().int().nonnegative()),
  /** Steps the server answered 202 for (or that a read showed had taken effect). */
  acceptedSteps: z.array(z.number().int().nonnegative()),
  conflict: z.object({ detectedAt: z.string(), server: shareSnapshotSchema }).nullable(),
  result: z
    .object({ outcome: applyOutcomeSchema, finishedAt: z.string(), error: z.string().nullable() })
    .nullable(),
  journalId: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export type OutboxStatus = OutboxEntry['status'];

export const journalEntrySchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  profileId: z.string(),
  agentId: z.string(),
  /** How the plan came to be applied. */
  source: z.enum(['direct', 'outbox', 'undo', 'repair']),
  /** The journal entry this one undoes. */
  undoOf: z.string().nullable(),
  desired: desiredSharingSchema,
  /** The share state read right before the first step (what undo restores). */
  before: shareSnapshotSchema.nullable(),
  plan: sharePlanSchema,
  steps: z.array(stepResultSchema),
  verification: verificationResultSchema.nullable(),
  outcome: applyOutcomeSchema,
  error: z.string().nullable(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalFilterSchema = z.object({
  agentId: z.string().optional(),
  /** Inclusive ISO times on `startedAt`. */
  from: z.string().optional(),
  to: z.string().optional(),
  outcomes: z.array(applyOutcomeSchema).optional(),
});
export type JournalFilter = z.infer<typeof journalFilterSchema>;
