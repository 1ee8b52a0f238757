/**
 * The types of the sharing service facade: its dependencies, the results it returns (plain,
 * JSON-safe data that crosses IPC) and its error.
 */
import type { Logger } from '../log/logger';
import type { BulkReport } from './bulk';
import type { LoadProblem } from './durable-file';
import type { EffectiveSharing } from './effective';
import type { SharingEmitter } from './events';
import type { Journal, JournalEntry } from './journal';
import type { Outbox, OutboxEntry } from './outbox';
import type { ReplayReport } from './outbox-replay';
import type { Clock, OrgTreeView, RoleContext, SharingApi, Sleep } from './ports';
import type { ShareSnapshot } from '../../preload/contract/sharing-domain';
import type { PollOptions } from './verify';
import type {
  BatchSource,
  PlanBatch,
  QueueResult,
  JournalExport,
  DriftResult,
} from '../../preload/contract/sharing-views';
export type { BatchSource, PlanBatch, QueueResult, JournalExport, DriftResult };

export type SharingErrorCode = 'invalid-input' | 'not-found' | 'no-known-state' | 'unavailable';

export class SharingServiceError extends Error {
  constructor(
    readonly code: SharingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SharingServiceError';
  }
}

/** The last share state read per agent, so plans can be drafted while offline. */
export interface ShareStateCache {
  get(agentId: string): ShareSnapshot | undefined;
  put(snapshot: ShareSnapshot): void;
}

/** Known shortcoming: this cache lives for the session only; the app may pass a durable one. */
export function memoryStateCache(): ShareStateCache {
  const states = new Map<string, ShareSnapshot>();
  return { get: (agentId) => states.get(agentId), put: (s) => void states.set(s.agentId, s) };
}

export interface SharingServiceDeps {
  profileId: string;
  /** API base of the profile, e.g. `https://host/t/carbon.super` (for curl previews). */
  baseUrl: string;
  api: SharingApi;
  tree: () => Promise<OrgTreeView>;
  roles: () => Promise<RoleContext>;
  outbox: Outbox;
  journal: Journal;
  logger: Logger;
  emit?: SharingEmitter;
  clock?: Clock;
  sleep?: Sleep;
  newId?: () => string;
  agentLabel?: (agentId: string) => string | undefined;
  stateCache?: ShareStateCache;
  concurrency?: number;
  poll?: PollOptions;
  reconcile?: PollOptions;
  maxAttempts?: number;
  /** Problems found when the outbox and journal files were opened, shown to the user. */
  storageProblems?: readonly LoadProblem[];
}

export interface SharingService {
  readState(agentId: unknown): Promise<{ snapshot: ShareSnapshot; effective: EffectiveSharing }>;
  preview(agentIds: unknown, desired: unknown): Promise<PlanBatch>;
  /** Applies a previewed batch, or one plan of it by the plan's id. */
  apply(id: unknown): Promise<BulkReport>;
  queue(agentIds: unknown, desired: unknown): Promise<QueueResult>;
  outboxEntries(): OutboxEntry[];
  replayOutbox(): Promise<ReplayReport>;
  resolveConflict(entryId: unknown, choice: unknown): Promise<OutboxEntry>;
  journal(filter?: unknown): JournalEntry[];
  exportJournal(format: unknown, filter?: unknown): JournalExport;
  undo(journalId: unknown): Promise<PlanBatch>;
  drift(agentId: unknown): Promise<DriftResult>;
  /** Problems of the outbox and journal files (quarantined, restored from backup). */
  storageProblems(): LoadProblem[];
}
