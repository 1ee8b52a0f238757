/**
 * Replaying the outbox once the server is reachable. Per agent, entries run in enqueue order
 * and a conflicted or failed entry holds back the later ones. A queued entry is applied only if
 * the parts of the share state its plan touches still equal the base it was drafted on;
 * otherwise it becomes a conflict (base, server now, plan) for the user to rebase, force or
 * discard. An entry found mid-send (a crash, or a lost answer) is first matched against the
 * states its steps lead through, by reading, and resumed from there — never resent blindly.
 */
import { type ApplyDeps, DEFAULT_RECONCILE, applyPlan, readSnapshot } from './apply';
import { mapLimit } from './bulk';
import { describeError } from './failures';
import { OPEN_STATUSES, type Outbox, type OutboxEntry } from './outbox';
import { type PlanContext, plan, planningView } from './plan';
import type { OrgTreeView, RoleContext } from './ports';
import type { ApplyOutcome, ApplyResult } from '../../preload/contract/sharing-results';
import { sameWithin, simulatePlan, touchedBy } from './simulate';
import { type ShareCore, coreOf } from './snapshot';
import type { ShareSnapshot } from '../../preload/contract/sharing-domain';
import type {
  ReplayItemOutcome,
  ReplayItem,
  ReplayReport,
  ConflictChoice,
} from '../../preload/contract/sharing-views';
export type { ReplayItemOutcome, ReplayItem, ReplayReport, ConflictChoice };

export interface ReplayDeps extends ApplyDeps {
  tree: OrgTreeView;
  roles: RoleContext;
  /** Called for every run that sent something; returns the journal id to keep on the entry. */
  onApplied?: (entry: OutboxEntry, result: ApplyResult) => Promise<string | null>;
  concurrency?: number;
}

function item(
  entry: OutboxEntry,
  outcome: ReplayItemOutcome,
  applyOutcome: ApplyOutcome | null = null,
  error: string | null = null,
): ReplayItem {
  return { entryId: entry.id, agentId: entry.agentId, outcome, applyOutcome, error };
}

export async function replayOutbox(
  outbox: Outbox,
  deps: ReplayDeps,
  options: { agentIds?: readonly string[] } = {},
): Promise<ReplayReport> {
  const startedAt = new Date(deps.clock.now()).toISOString();
  const open = outbox.entries().filter((entry) => OPEN_STATUSES.includes(entry.status));
  const agents = [...new Set(open.map((entry) => entry.agentId))].filter(
    (agentId) => options.agentIds === undefined || options.agentIds.includes(agentId),
  );
  const perAgent = await mapLimit(agents, deps.concurrency ?? 4, (agentId) =>
    replayAgent(outbox, agentId, deps),
  );
  return {
    startedAt,
    finishedAt: new Date(deps.clock.now()).toISOString(),
    items: perAgent.flat(),
  };
}

async function replayAgent(
  outbox: Outbox,
  agentId: string,
  deps: ReplayDeps,
): Promise<ReplayItem[]> {
  const items: ReplayItem[] = [];
  let holding: string | null = null;
  for (const entry of outbox.openFor(agentId)) {
    if (holding !== null) {
      items.push(item(entry, 'held-back', null, `waiting for entry ${holding}`));
      continue;
    }
    if (entry.status === 'conflict' || entry.status === 'failed') {
      holding = entry.id;
      items.push(
        item(entry, entry.status, entry.result?.outcome ?? null, entry.result?.error ?? null),
      );
      continue;
    }
    const done = await replayEntry(outbox, entry, deps);
    items.push(done);
    deps.emit({ type: 'outbox', entryId: entry.id, agentId, status: done.outcome });
    if (done.outcome !== 'applied') holding = entry.id;
  }
  return items;
}

async function replayEntry(
  outbox: Outbox,
  entry: OutboxEntry,
  deps: ReplayDeps,
): Promise<ReplayItem> {
  let current: ShareSnapshot;
  try {
    current = await readSnapshot(deps.api, entry.agentId, deps.clock);
  } catch (error) {
    return item(entry, 'unreachable', null, describeError(error));
  }

  let fromStep = 0;
  let force = entry.forced;
  if (entry.status === 'applying') {
    const resumed = await resumePoint(entry, current, deps);
    if (resumed === undefined) return toConflict(outbox, entry, current);
    fromStep = resumed.step;
    current = resumed.observed;
    force = true;
  }

  const result = await applyPlan(
    {
      plan: entry.plan,
      tree: deps.tree,
      roles: deps.roles,
      force,
      fromStep,
      current,
      hooks: {
        beforeSend: async (index, before) => {
          await outbox.update(entry.id, (e) => ({
            ...e,
            status: 'applying',
            startedFrom: e.startedFrom ?? before,
            sentSteps: e.sentSteps.includes(index) ? e.sentSteps : [...e.sentSteps, index],
          }));
        },
        afterAccepted: async (index) => {
          await outbox.update(entry.id, (e) => ({
            ...e,
            acceptedSteps: e.acceptedSteps.includes(index)
              ? e.acceptedSteps
              : [...e.acceptedSteps, index],
          }));
        },
      },
    },
    deps,
  );
  return settle(outbox, entry, result, deps);
}

async function toConflict(
  outbox: Outbox,
  entry: OutboxEntry,
  server: ShareSnapshot,
): Promise<ReplayItem> {
  await outbox.update(entry.id, (e) => ({
    ...e,
    status: 'conflict',
    conflict: { detectedAt: server.readAt, server },
  }));
  return item(entry, 'conflict', 'conflict', 'The share state changed since the plan was drafted.');
}

async function settle(
  outbox: Outbox,
  entry: OutboxEntry,
  result: ApplyResult,
  deps: ReplayDeps,
): Promise<ReplayItem> {
  switch (result.outcome) {
    case 'conflict':
      return toConflict(outbox, entry, result.before ?? entry.base);
    case 'unreachable':
    case 'interrupted':
      // The entry keeps its place (and its record of what may have been sent) for the next replay.
      return item(entry, 'unreachable', result.outcome, result.error);
    case 'blocked':
    case 'failed': {
      const journalId = await journal(entry, result, deps);
      await outbox.update(entry.id, (e) => ({
        ...e,
        status: 'failed',
        result: { outcome: result.outcome, finishedAt: result.finishedAt, error: result.error },
        journalId: journalId ?? e.journalId,
      }));
      return item(entry, 'failed', result.outcome, result.error);
    }
    case 'verified':
    case 'pending':
    case 'diverged': {
      const journalId = await journal(entry, result, deps);
      await outbox.update(entry.id, (e) => ({
        ...e,
        status: 'applied',
        result: { outcome: result.outcome, finishedAt: result.finishedAt, error: result.error },
        journalId: journalId ?? e.journalId,
      }));
      return item(entry, 'applied', result.outcome, result.error);
    }
  }
}

async function journal(entry: OutboxEntry, result: ApplyResult, deps: ReplayDeps) {
  const sent = result.steps.some((step) => step.status !== 'not-sent');
  return sent || entry.sentSteps.length > 0
    ? ((await deps.onApplied?.(entry, result)) ?? null)
    : null;
}

/**
 * Where an interrupted entry stands: reads until the state shows the last step that may have
 * been sent, or the reconcile window ends, then picks the furthest step whose resulting state
 * the server shows. `undefined` (a conflict) when the server matches none of them, or when a
 * step known to have taken effect no longer shows (someone changed the share since).
 *
 * Known limit: a step recorded as sent but never confirmed, whose effect does not show, is sent
 * again; had another client reverted it in between, that revert is overwritten — a read cannot
 * tell "never arrived" from "arrived and reverted".
 */
async function resumePoint(
  entry: OutboxEntry,
  first: ShareSnapshot,
  deps: ReplayDeps,
): Promise<{ step: number; observed: ShareSnapshot } | undefined> {
  const from = entry.startedFrom ?? entry.base;
  const view = planningView(from, entry.desired, deps);
  const actions = entry.plan.steps.map((step) => step.action);
  const states = simulatePlan(coreOf(from), actions, view.tree, view.roles);
  const touched = touchedBy(actions, view.tree);
  const lastSent = Math.max(-1, ...entry.sentSteps);
  const match = (snapshot: ShareSnapshot): number | undefined => {
    const core = coreOf(snapshot);
    for (let step = states.length - 1; step >= 0; step--) {
      if (sameWithin(core, states[step] as ShareCore, touched)) return step;
    }
    return undefined;
  };

  const window = deps.reconcile ?? DEFAULT_RECONCILE;
  const started = deps.clock.now();
  let delay = window.initialDelayMs;
  let observed = first;
  let step = match(observed);
  while (
    (step === undefined || step <= lastSent) &&
    deps.clock.now() - started + delay <= window.deadlineMs
  ) {
    await deps.sleep(delay);
    delay = Math.min(delay * 2, window.maxDelayMs);
    try {
      observed = await readSnapshot(deps.api, entry.agentId, deps.clock);
      step = match(observed);
    } catch (error) {
      deps.logger.warn('share state read failed while resuming', { error: describeError(error) });
    }
  }
  if (step === undefined) return undefined;
  const revertedSinceConfirmed = entry.acceptedSteps.some((accepted) => accepted >= step);
  return revertedSinceConfirmed ? undefined : { step, observed };
}

/** The user's answer to a conflict (or a failed entry). */
export async function resolveEntry(
  outbox: Outbox,
  entryId: string,
  choice: ConflictChoice,
  deps: ApplyDeps & Omit<PlanContext, 'agentLabel'>,
): Promise<OutboxEntry> {
  const entry = outbox.get(entryId);
  if (entry === undefined) throw new Error(`no outbox entry ${entryId}`);
  if (entry.status !== 'conflict' && entry.status !== 'failed') {
    throw new Error(`outbox entry ${entryId} is ${entry.status}, not a conflict`);
  }
  const reopen = (e: OutboxEntry): OutboxEntry => ({
    ...e,
    status: 'queued',
    conflict: null,
    result: null,
    startedFrom: null,
    sentSteps: [],
    acceptedSteps: [],
  });
  switch (choice) {
    case 'discard':
      return outbox.update(entryId, (e) => ({ ...e, status: 'discarded' }));
    case 'force':
      return outbox.update(entryId, (e) => ({ ...reopen(e), forced: true }));
    case 'rebase': {
      const current = await readSnapshot(deps.api, entry.agentId, deps.clock);
      const rebased = plan(current, entry.desired, deps);
      return outbox.update(entryId, (e) => ({
        ...reopen(e),
        forced: false,
        base: current,
        plan: rebased,
      }));
    }
  }
}
