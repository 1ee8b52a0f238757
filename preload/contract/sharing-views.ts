/**
 * The sharing results as the renderer receives them: effective sharing, plan batches, apply
 * reports, outbox replays, drift and progress events. Plain data produced by the main process.
 */
import type { PolicyView, RoleRef, DesiredSharing } from './sharing-domain';
import type { PlanIssue, SharePlan, StepKind } from './sharing-plan';
import type { OutboxEntry } from './sharing-records';
import type { ApplyOutcome, ApplyResult } from './sharing-results';

// effective.ts

export type ShareVia = 'direct' | 'inherited' | 'all-orgs' | 'outside-policy' | 'not-shared';

export interface EffectiveOrg {
  orgId: string;
  orgName: string;
  parentId: string | null;
  depth: number;
  shared: boolean;
  via: ShareVia;
  /** The org whose stored policy covers this one (the calling org for "all orgs"). */
  policyOrgId: string | null;
  holdsPolicy: boolean;
  /** Roles the covering policy asks for that this org can hold; null without a policy. */
  expectedRoles: RoleRef[] | null;
  assignedRoles: RoleRef[];
  missingRoles: RoleRef[];
  unexpectedRoles: RoleRef[];
  /** Covered by a policy but not shared: e.g. a future child that never received the agent. */
  missingShare: boolean;
}

export interface EffectiveSharing {
  agentId: string;
  mode: 'not-shared' | 'all-orgs' | 'selected';
  allOrgsPolicy: PolicyView | null;
  /** Orgs that hold the agent or should; every other org is not shared. */
  orgs: EffectiveOrg[];
  counts: { shared: number; missingShare: number; roleMismatch: number; outsidePolicy: number };
}

// drift.ts

export type DriftKind = 'missing-roles' | 'unexpected-roles' | 'missing-share' | 'outside-policy';

export interface DriftFinding {
  kind: DriftKind;
  orgId: string;
  orgName: string;
  /** The org whose policy sets the expectation (null when none does). */
  policyOrgId: string | null;
  roles: RoleRef[];
  message: string;
}

export interface DriftReport {
  agentId: string;
  checkedAt: string;
  findings: DriftFinding[];
  /** A plan back to what the policies imply; null when there is no drift. */
  repair: SharePlan | null;
}

// bulk.ts

export interface AgentReport {
  agentId: string;
  planId: string;
  outcome: ApplyOutcome;
  failedSteps: { index: number; kind: string; error: string | null }[];
  /** Orgs that did not end as planned, with what the last read showed. */
  failedOrgs: { orgId: string; orgName: string; status: 'pending' | 'diverged' }[];
  error: string | null;
}

export interface BulkReport {
  id: string;
  startedAt: string;
  finishedAt: string;
  total: number;
  counts: Partial<Record<ApplyOutcome, number>>;
  /** One per agent, in input order. */
  agents: AgentReport[];
  results: ApplyResult[];
}

// outbox-replay.ts

export type ReplayItemOutcome = 'applied' | 'conflict' | 'failed' | 'held-back' | 'unreachable';

export interface ReplayItem {
  entryId: string;
  agentId: string;
  outcome: ReplayItemOutcome;
  applyOutcome: ApplyOutcome | null;
  error: string | null;
}

export interface ReplayReport {
  startedAt: string;
  finishedAt: string;
  items: ReplayItem[];
}

export type ConflictChoice = 'rebase' | 'force' | 'discard';

// service-types.ts

export type BatchSource = 'direct' | 'undo' | 'repair';

export interface PlanBatch {
  id: string;
  createdAt: string;
  source: BatchSource;
  undoOf: string | null;
  desired: DesiredSharing;
  plans: SharePlan[];
  /** Agents whose share state could not be read (no plan for them). */
  unreadable: { agentId: string; error: string }[];
  totals: { agents: number; calls: number; blocked: number; gained: number; lost: number };
}

export interface QueueResult {
  entries: OutboxEntry[];
  refused: { agentId: string; reason: string; issues: PlanIssue[] }[];
}

export interface JournalExport {
  format: ExportFormat;
  fileName: string;
  content: string;
}

export interface DriftResult extends DriftReport {
  /** Apply the repair with `apply(repairBatchId)`. */
  repairBatchId: string | null;
}

// events.ts

export type StepStatus = 'sending' | 'accepted' | 'reconciling' | 'retrying' | 'settled' | 'failed';

export type SharingEvent =
  | {
      type: 'step';
      planId: string;
      agentId: string;
      index: number;
      count: number;
      kind: StepKind;
      status: StepStatus;
      message: string | null;
    }
  | {
      type: 'verify';
      planId: string;
      agentId: string;
      attempt: number;
      done: number;
      total: number;
    }
  | { type: 'bulk'; batchId: string; finished: number; total: number; failed: number }
  | {
      type: 'outbox';
      entryId: string;
      agentId: string;
      status: string;
    };

// journal.ts

export type ExportFormat = 'json' | 'csv';

// durable-file.ts

export interface LoadProblem {
  kind: 'corrupt' | 'restored-from-backup' | 'unrecoverable';
  file: string;
  /** Where the damaged file was moved; it is kept for inspection. */
  quarantinedTo: string | null;
  detail: string;
}
