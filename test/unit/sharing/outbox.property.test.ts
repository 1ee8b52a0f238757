/**
 * Property of the outbox (security-tests §4.1–4.3): for random sequences of offline edits,
 * changes made by others, replays with lost answers and server errors, and crashes at random
 * points of the durable writes, no entry is lost, every entry ends applied or (after the user
 * resolves it) discarded, no step takes effect twice while nobody else touches the share (a
 * change by others may undo a step whose outcome was never confirmed; the step is then sent
 * again — see `resumePoint`), and entries of one agent are sent in enqueue order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import {
  type SharingService,
  createSharingService,
  memoryStateCache,
} from '../../../main/sharing/service';
import { openSharingStores } from '../../../main/sharing/stores';
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
} from '../../../preload/contract/sharing-domain';
import type { Fault } from './support/fake-api';
import { FakeSharingApi, fakeTime } from './support/fake-api';
import { admin, rolesEverywhere, tree, viewer } from './support/fixtures';
import { CrashError, MemoryDisk } from './support/memory-fs';
import { fixtureModel } from './support/world';

const AGENTS = ['agent-1', 'agent-2'];
const DESIRED: DesiredSharing[] = [
  { mode: 'none' },
  { mode: 'all', roles: [viewer] },
  {
    mode: 'selected',
    organizations: [{ orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] }],
  },
  {
    mode: 'selected',
    organizations: [
      { orgId: 'retail', policy: SELECTED_ORG_ONLY, roles: [admin] },
      { orgId: 'logistics', policy: SELECTED_ORG_ONLY, roles: [] },
    ],
  },
  {
    mode: 'selected',
    organizations: [
      { orgId: 'business', policy: SELECTED_ORG_ONLY, roles: [] },
      { orgId: 'retail', policy: WITH_CHILDREN, roles: [viewer] },
    ],
  },
];

type Op =
  | { kind: 'enqueue'; agent: number; desired: number }
  | { kind: 'external'; agent: number; change: number }
  | { kind: 'replay'; faults: Fault['kind'][]; crashIn: number | null }
  | { kind: 'resolve'; choice: 'rebase' | 'discard' };

const agentArb = fc.integer({ min: 0, max: AGENTS.length - 1 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('enqueue' as const),
      agent: agentArb,
      desired: fc.integer({ min: 0, max: DESIRED.length - 1 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('external' as const),
      agent: agentArb,
      change: fc.integer({ min: 0, max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('replay' as const),
      faults: fc.array(
        fc.constantFrom<Fault['kind']>('none', 'timeout-after-apply', 'server-error', 'reject'),
        { maxLength: 4 },
      ),
      crashIn: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('resolve' as const),
      choice: fc.constantFrom('rebase' as const, 'discard' as const),
    }),
  },
);

async function scenario(ops: Op[]): Promise<void> {
  const model = fixtureModel(AGENTS);
  const api = new FakeSharingApi(model);
  const time = fakeTime();
  const disk = new MemoryDisk();
  const cache = memoryStateCache();
  const lastSending = new Map<string, string>();
  const acted = new Map<string, number>();
  const firstSends: { agentId: string; planId: string }[] = [];
  const planEntry = new Map<string, string>();
  const enqueued: string[] = [];
  let externalChanges = 0;
  api.onWrite = (_method, input, didAct) => {
    const agentId = (input as { agentIds: string[] }).agentIds[0] ?? '';
    const key = `${lastSending.get(agentId) ?? 'unattributed'} (others' changes: ${externalChanges})`;
    if (didAct) acted.set(key, (acted.get(key) ?? 0) + 1);
  };
  let n = 0;

  const open = async (): Promise<SharingService> => {
    const stores = await openSharingStores({
      dir: '/data',
      logger: silentLogger,
      fs: disk.process(),
    });
    expect(stores.problems).toEqual([]);
    return createSharingService({
      profileId: 'p',
      baseUrl: 'https://x',
      api,
      tree: () => Promise.resolve(tree),
      roles: () => Promise.resolve(rolesEverywhere),
      outbox: stores.outbox,
      journal: stores.journal,
      logger: silentLogger,
      stateCache: cache,
      clock: time.clock,
      sleep: time.sleep,
      newId: () => `id-${++n}`,
      emit: (event) => {
        if (event.type !== 'step' || event.status !== 'sending') return;
        const key = `${event.planId}#${event.index}`;
        if (!firstSends.some((s) => s.planId === event.planId)) {
          firstSends.push({ agentId: event.agentId, planId: event.planId });
        }
        lastSending.set(event.agentId, key);
      },
      poll: { deadlineMs: 5_000, initialDelayMs: 100, maxDelayMs: 1_000 },
      reconcile: { deadlineMs: 2_000, initialDelayMs: 100, maxDelayMs: 500 },
      maxAttempts: 2,
    });
  };

  let service = await open();
  for (const agentId of AGENTS) await service.readState(agentId);
  const replay = async (): Promise<void> => {
    try {
      await service.replayOutbox();
    } catch (error) {
      if (!(error instanceof CrashError)) throw error;
      service = await open();
    }
  };
  const resolveFirst = async (choice: 'rebase' | 'discard'): Promise<void> => {
    const stuck = service
      .outboxEntries()
      .find((e) => e.status === 'conflict' || e.status === 'failed');
    if (stuck === undefined) return;
    const resolved = await service.resolveConflict(stuck.id, choice);
    planEntry.set(resolved.plan.id, resolved.id);
  };

  for (const op of ops) {
    switch (op.kind) {
      case 'enqueue': {
        const result = await service.queue([AGENTS[op.agent]!], DESIRED[op.desired]);
        for (const entry of result.entries) {
          enqueued.push(entry.id);
          planEntry.set(entry.plan.id, entry.id);
        }
        break;
      }
      case 'external': {
        externalChanges += 1;
        const agent = AGENTS[op.agent]!;
        if (op.change === 0) model.share([agent], [{ orgId: 'retail', policy: WITH_CHILDREN }]);
        if (op.change === 1) model.unshareWithAll([agent]);
        if (op.change === 2)
          model.share([agent], [{ orgId: 'business', policy: SELECTED_ORG_ONLY }]);
        break;
      }
      case 'replay':
        api.nextFaults = op.faults.map((kind): Fault => ({ kind }));
        disk.crashIn = op.crashIn ?? undefined;
        await replay();
        disk.crashIn = undefined;
        api.nextFaults = [];
        break;
      case 'resolve':
        await resolveFirst(op.choice);
        break;
    }
  }

  // Drain: no more faults; the user resolves whatever is stuck.
  for (let round = 0; round < 20; round++) {
    await replay();
    const open = service
      .outboxEntries()
      .filter((e) => !['applied', 'discarded'].includes(e.status));
    if (open.length === 0) break;
    await resolveFirst(round % 2 === 0 ? 'rebase' : 'discard');
  }

  service = await open();
  const entries = service.outboxEntries();
  expect(entries.map((e) => e.id).sort()).toEqual([...enqueued].sort());
  expect(entries.filter((e) => !['applied', 'discarded'].includes(e.status))).toEqual([]);
  for (const [key, count] of acted) expect(count, `step ${key} took effect ${count} times`).toBe(1);

  const seqOf = new Map(entries.map((e) => [e.id, e.seq]));
  for (const agentId of AGENTS) {
    const order = firstSends
      .filter((s) => s.agentId === agentId)
      .map((s) => seqOf.get(planEntry.get(s.planId) ?? '') ?? -1);
    expect(order, `send order of ${agentId}`).toEqual([...order].sort((a, b) => a - b));
  }
}

describe('outbox (property)', () => {
  it('loses nothing, applies nothing twice, keeps per-agent order across faults and crashes', async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 14 }), scenario), {
      numRuns: 150,
    });
  }, 120_000);
});
