/**
 * Agent sharing: effective state, plan → preview → apply → verify, the offline outbox with
 * conflicts, the journal with undo, and drift. Inputs are parsed here; results are produced by
 * the main process in the shapes of `sharing-views`, `sharing-records` and `sharing-plan`.
 */
import { z } from 'zod';
import { call } from './define';
import { profileId } from './profiles';
import { desiredSharingSchema, type ShareSnapshot } from './sharing-domain';
import type { LoadProblem } from './sharing-views';
import { journalFilterSchema, type JournalEntry, type OutboxEntry } from './sharing-records';
import type {
  BulkReport,
  DriftResult,
  EffectiveSharing,
  JournalExport,
  PlanBatch,
  QueueResult,
  ReplayReport,
  SharingEvent,
} from './sharing-views';

const agentId = z.string().min(1).max(64);
const agentIds = z.array(agentId).min(1, 'pick at least one agent').max(500);
const recordId = z.string().min(1).max(128);

/** A result made only by the main process; its type is checked where it is produced. */
const produced = <T>() => z.custom<T>(() => true);

export const sharingCalls = {
  getEffectiveSharing: call(
    z.object({ profileId, agentId }).strict(),
    produced<{ snapshot: ShareSnapshot; effective: EffectiveSharing }>(),
  ),
  previewSharing: call(
    z.object({ profileId, agentIds, desired: desiredSharingSchema }).strict(),
    produced<PlanBatch>(),
  ),
  /** Applies a previewed batch, or one plan of it, by id. */
  applySharing: call(z.object({ profileId, id: recordId }).strict(), produced<BulkReport>()),
  queueSharing: call(
    z.object({ profileId, agentIds, desired: desiredSharingSchema }).strict(),
    produced<QueueResult>(),
  ),
  listOutbox: call(z.object({ profileId }).strict(), produced<OutboxEntry[]>()),
  replayOutbox: call(z.object({ profileId }).strict(), produced<ReplayReport>()),
  resolveConflict: call(
    z
      .object({ profileId, entryId: recordId, choice: z.enum(['rebase', 'force', 'discard']) })
      .strict(),
    produced<OutboxEntry>(),
  ),
  listJournal: call(
    z.object({ profileId, filter: journalFilterSchema.optional() }).strict(),
    produced<JournalEntry[]>(),
  ),
  exportJournal: call(
    z
      .object({
        profileId,
        format: z.enum(['json', 'csv']),
        filter: journalFilterSchema.optional(),
      })
      .strict(),
    produced<JournalExport>(),
  ),
  /** Builds the inverse plan of a journal entry; apply it with `applySharing`. */
  undoJournalEntry: call(
    z.object({ profileId, journalId: recordId }).strict(),
    produced<PlanBatch>(),
  ),
  checkDrift: call(z.object({ profileId, agentId }).strict(), produced<DriftResult>()),
  sharingStorageProblems: call(z.object({ profileId }).strict(), produced<LoadProblem[]>()),
};

export const sharingEvents = {
  sharingProgress: produced<SharingEvent & { profileId: string }>(),
};
