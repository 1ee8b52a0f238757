/**
 * The sharing service the UI contract calls: preview → apply → verify for one or many agents,
 * the offline outbox, the journal with undo, and the drift check. Every argument arrives as
 * `unknown` and is parsed here; every result is plain JSON-safe data.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type ApplyDeps, readSnapshot } from './apply';
import { applyBulk, mapLimit } from './bulk';
import { desiredFromState } from './derive';
import { driftReport } from './drift';
import { effectiveSharing } from './effective';
import { ignoreEvents } from './events';
import { describeError } from './failures';
import { type JournalEntry, journalFilterSchema } from './journal';
import { replayOutbox, resolveEntry } from './outbox-replay';
import { type PlanContext, plan } from './plan';
import type { PlanIssue, SharePlan } from '../../preload/contract/sharing-plan';
import { realSleep, systemClock } from './ports';
import { projectSnapshot } from './project';
import type { ApplyResult } from '../../preload/contract/sharing-results';
import {
  type BatchSource,
  type PlanBatch,
  type QueueResult,
  type SharingService,
  type SharingServiceDeps,
  SharingServiceError,
  memoryStateCache,
} from './service-types';
import {
  type DesiredSharing,
  type ShareSnapshot,
  desiredSharingSchema,
  describeSchemaError,
} from '../../preload/contract/sharing-domain';

export * from './service-types';

const agentIdSchema = z.string().min(1).max(200);
const agentIdsSchema = z.array(agentIdSchema).min(1).max(5000);
const choiceSchema = z.enum(['rebase', 'force', 'discard']);
const formatSchema = z.enum(['json', 'csv']);
/** Previews kept for `apply`; older ones are dropped. */
const MAX_BATCHES = 50;

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new SharingServiceError('invalid-input', `${what}: ${describeSchemaError(result.error)}`);
}

export function createSharingService(deps: SharingServiceDeps): SharingService {
  const clock = deps.clock ?? systemClock;
  const newId = deps.newId ?? randomUUID;
  const cache = deps.stateCache ?? memoryStateCache();
  const batches = new Map<string, PlanBatch>();
  const applyDeps: ApplyDeps = {
    api: deps.api,
    clock,
    sleep: deps.sleep ?? realSleep,
    logger: deps.logger,
    emit: deps.emit ?? ignoreEvents,
    ...(deps.poll === undefined ? {} : { poll: deps.poll }),
    ...(deps.reconcile === undefined ? {} : { reconcile: deps.reconcile }),
    ...(deps.maxAttempts === undefined ? {} : { maxAttempts: deps.maxAttempts }),
  };

  const planContext = async (agentId: string): Promise<PlanContext> => {
    const label = deps.agentLabel?.(agentId);
    return {
      tree: await deps.tree(),
      roles: await deps.roles(),
      baseUrl: deps.baseUrl,
      now: () => new Date(clock.now()),
      newId,
      ...(label === undefined ? {} : { agentLabel: label }),
    };
  };

  const read = async (agentId: string): Promise<ShareSnapshot> => {
    const snapshot = await readSnapshot(deps.api, agentId, clock);
    cache.put(snapshot);
    return snapshot;
  };

  const record = async (
    result: ApplyResult,
    sharePlan: SharePlan,
    source: JournalEntry['source'],
    undoOf: string | null,
  ): Promise<string | null> => {
    if (result.verification?.observed) cache.put(result.verification.observed);
    if (result.steps.every((step) => step.status === 'not-sent')) return null;
    const entry = await deps.journal.record({
      id: newId(),
      startedAt: result.startedAt,
      finishedAt: result.finishedAt,
      profileId: deps.profileId,
      agentId: result.agentId,
      source,
      undoOf,
      desired: sharePlan.desired,
      before: result.before,
      plan: sharePlan,
      steps: result.steps,
      verification: result.verification,
      outcome: result.outcome,
      error: result.error,
    });
    return entry.id;
  };

  const makeBatch = async (
    agentIds: readonly string[],
    desired: DesiredSharing,
    source: BatchSource,
    undoOf: string | null,
    extraIssues: (agentId: string) => PlanIssue[] = () => [],
  ): Promise<PlanBatch> => {
    const unreadable: PlanBatch['unreadable'] = [];
    const plans = (
      await mapLimit(agentIds, deps.concurrency ?? 4, async (agentId) => {
        try {
          const current = await read(agentId);
          const drafted = plan(current, desired, await planContext(agentId));
          return { ...drafted, issues: [...drafted.issues, ...extraIssues(agentId)] };
        } catch (error) {
          unreadable.push({ agentId, error: describeError(error) });
          return undefined;
        }
      })
    ).filter((drafted): drafted is SharePlan => drafted !== undefined);
    const batch: PlanBatch = {
      id: newId(),
      createdAt: new Date(clock.now()).toISOString(),
      source,
      undoOf,
      desired,
      plans,
      unreadable,
      totals: {
        agents: plans.length,
        calls: plans.reduce((sum, p) => sum + p.steps.length, 0),
        blocked: plans.filter((p) => p.blocked).length,
        gained: plans.reduce((sum, p) => sum + p.blastRadius.gained.length, 0),
        lost: plans.reduce((sum, p) => sum + p.blastRadius.lost.length, 0),
      },
    };
    batches.set(batch.id, structuredClone(batch));
    for (const old of [...batches.keys()].slice(0, Math.max(0, batches.size - MAX_BATCHES))) {
      batches.delete(old);
    }
    return batch;
  };

  /**
   * Takes a whole batch, or one plan of a batch, out of the previews before anything is sent,
   * so the same plan can never be applied twice.
   */
  const takePlans = (id: string): PlanBatch => {
    const batch = batches.get(id);
    if (batch !== undefined) {
      batches.delete(id);
      return batch;
    }
    for (const candidate of batches.values()) {
      const one = candidate.plans.find((p) => p.id === id);
      if (one === undefined) continue;
      const remaining = candidate.plans.filter((p) => p.id !== id);
      if (remaining.length === 0) batches.delete(candidate.id);
      else batches.set(candidate.id, { ...candidate, plans: remaining });
      return { ...candidate, plans: [one] };
    }
    throw new SharingServiceError('not-found', `No preview ${id} (already applied or expired).`);
  };

  const baseFor = async (agentId: string): Promise<ShareSnapshot> => {
    const pending = deps.outbox.openFor(agentId).at(-1);
    if (pending !== undefined) {
      return projectSnapshot(pending.plan, await planContext(agentId), pending.createdAt);
    }
    const cached = cache.get(agentId);
    if (cached !== undefined) return cached;
    try {
      return await read(agentId);
    } catch (error) {
      throw new SharingServiceError(
        'no-known-state',
        `No share state of ${agentId} is known and the server cannot be read: ${describeError(error)}`,
      );
    }
  };

  return {
    async readState(agentIdInput) {
      const agentId = parse(agentIdSchema, agentIdInput, 'agentId');
      const snapshot = await read(agentId);
      const effective = effectiveSharing(snapshot, await deps.tree(), await deps.roles());
      return { snapshot, effective };
    },

    async preview(agentIdsInput, desiredInput) {
      const agentIds = parse(agentIdsSchema, agentIdsInput, 'agentIds');
      const desired = parse(desiredSharingSchema, desiredInput, 'desired');
      return makeBatch([...new Set(agentIds)], desired, 'direct', null);
    },

    async apply(idInput) {
      const id = parse(z.string().min(1), idInput, 'id');
      const batch = takePlans(id);
      const [tree, roles] = [await deps.tree(), await deps.roles()];
      const byPlan = new Map(batch.plans.map((p) => [p.id, p]));
      return applyBulk(
        batch.id,
        batch.plans.map((p) => ({ plan: p, tree, roles })),
        applyDeps,
        {
          concurrency: deps.concurrency ?? 4,
          onResult: async (result) => {
            const sharePlan = byPlan.get(result.planId);
            if (sharePlan === undefined) return;
            await record(result, sharePlan, batch.source, batch.undoOf);
          },
        },
      );
    },

    async queue(agentIdsInput, desiredInput) {
      const agentIds = parse(agentIdsSchema, agentIdsInput, 'agentIds');
      const desired = parse(desiredSharingSchema, desiredInput, 'desired');
      const result: QueueResult = { entries: [], refused: [] };
      for (const agentId of new Set(agentIds)) {
        const base = await baseFor(agentId);
        const drafted = plan(base, desired, await planContext(agentId));
        if (drafted.blocked) {
          const issues = drafted.issues.filter((i) => i.severity === 'error');
          result.refused.push({ agentId, reason: 'The plan has errors.', issues });
          continue;
        }
        const entry = await deps.outbox.add({
          id: newId(),
          profileId: deps.profileId,
          agentId,
          desired,
          base,
          plan: drafted,
        });
        result.entries.push(entry);
      }
      return result;
    },

    outboxEntries: () => deps.outbox.entries(),

    async replayOutbox() {
      return replayOutbox(deps.outbox, {
        ...applyDeps,
        tree: await deps.tree(),
        roles: await deps.roles(),
        concurrency: deps.concurrency ?? 4,
        onApplied: (entry, result) => record(result, entry.plan, 'outbox', null),
      });
    },

    async resolveConflict(entryIdInput, choiceInput) {
      const entryId = parse(z.string().min(1), entryIdInput, 'entryId');
      const choice = parse(choiceSchema, choiceInput, 'choice');
      const entry = deps.outbox.get(entryId);
      if (entry === undefined)
        throw new SharingServiceError('not-found', `No outbox entry ${entryId}.`);
      return resolveEntry(deps.outbox, entryId, choice, {
        ...applyDeps,
        ...(await planContext(entry.agentId)),
      });
    },

    journal(filterInput) {
      return deps.journal.list(parse(journalFilterSchema, filterInput ?? {}, 'filter'));
    },

    exportJournal(formatInput, filterInput) {
      const format = parse(formatSchema, formatInput, 'format');
      const filter = parse(journalFilterSchema, filterInput ?? {}, 'filter');
      const day = new Date(clock.now()).toISOString().slice(0, 10);
      return {
        format,
        fileName: `sharedesk-journal-${day}.${format}`,
        content: deps.journal.export(format, filter),
      };
    },

    async undo(journalIdInput) {
      const journalId = parse(z.string().min(1), journalIdInput, 'journalId');
      const entry = deps.journal.get(journalId);
      if (entry === undefined)
        throw new SharingServiceError('not-found', `No journal entry ${journalId}.`);
      if (entry.before === null) {
        throw new SharingServiceError('not-found', 'That entry has no recorded before-state.');
      }
      const derived = desiredFromState(entry.before, await deps.tree(), await deps.roles());
      return makeBatch([entry.agentId], derived.desired, 'undo', journalId, () => derived.gaps);
    },

    storageProblems: () => [...(deps.storageProblems ?? [])],

    async drift(agentIdInput) {
      const agentId = parse(agentIdSchema, agentIdInput, 'agentId');
      let current: ShareSnapshot;
      try {
        current = await read(agentId);
      } catch (error) {
        throw new SharingServiceError(
          'unavailable',
          `Cannot read the share state: ${describeError(error)}`,
        );
      }
      const report = driftReport(current, await planContext(agentId));
      if (report.repair === null) return { ...report, repairBatchId: null };
      const batch: PlanBatch = {
        id: newId(),
        createdAt: report.checkedAt,
        source: 'repair',
        undoOf: null,
        desired: report.repair.desired,
        plans: [report.repair],
        unreadable: [],
        totals: {
          agents: 1,
          calls: report.repair.steps.length,
          blocked: report.repair.blocked ? 1 : 0,
          gained: report.repair.blastRadius.gained.length,
          lost: report.repair.blastRadius.lost.length,
        },
      };
      batches.set(batch.id, structuredClone(batch));
      return { ...report, repairBatchId: batch.id };
    },
  };
}
