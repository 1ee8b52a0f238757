/**
 * Scenario 1 — full tree sync: the sync engine (real HTTP client, schemas, token management,
 * tree building) against the bare request loop over the same pages (goal ≤ 1.15×) and against
 * the Console's sequential walk (goal ≥ 10× faster); then again with 20 ms of latency injected
 * into every organization-list request, where parallelism matters most.
 */
import { silentLogger } from '../../../main/log/logger';
import { syncTree } from '../../../main/orgs';
import { startHarness, type Harness } from '../lib/harness';
import { alternate, time } from '../lib/measure';
import { row, type Row } from '../lib/report';
import { median } from '../lib/stats';
import { bareWalk, consoleWalk } from './sync-walks';
import type { BenchContext, Scenario } from './types';

const CONCURRENCY = 8;
const PAGE_SIZE = 100;
const ROOT = { id: '', name: 'Root', orgHandle: 'carbon.super' };

interface SyncCase {
  orgs: number;
  latencyMs: number;
  reps: number;
  consoleReps: number;
  /** Unrecorded runs first: the engine's first runs in a process are markedly slower (JIT). */
  warmup: number;
}

function cases(quick: boolean): SyncCase[] {
  if (quick) {
    return [
      { orgs: 2_000, latencyMs: 0, reps: 2, consoleReps: 1, warmup: 1 },
      { orgs: 2_000, latencyMs: 20, reps: 1, consoleReps: 1, warmup: 0 },
    ];
  }
  return [
    { orgs: 10_000, latencyMs: 0, reps: 5, consoleReps: 3, warmup: 2 },
    { orgs: 10_000, latencyMs: 20, reps: 3, consoleReps: 2, warmup: 1 },
    { orgs: 100_000, latencyMs: 0, reps: 3, consoleReps: 2, warmup: 1 },
  ];
}

function expectAll(what: string, seen: number, expected: number): void {
  if (seen !== expected) throw new Error(`${what} saw ${seen} organizations, expected ${expected}`);
}

async function runCase(h: Harness, c: SyncCase, context: BenchContext): Promise<Row[]> {
  const expected = h.sandbox.state.orgs.size - 1;
  const token = await h.adminToken();
  // The engine's management token is fetched once up front, as the bare loop's is.
  await h.clients.organizations.listPage({ limit: 1 });
  h.sandbox.setFaults(
    c.latencyMs === 0
      ? {}
      : {
          rules: [
            {
              kind: 'latency',
              path: '/',
              pathRegex: '/api/server/v1/organizations',
              latencyMs: c.latencyMs,
            },
          ],
        },
  );

  let engineRequests = 0;
  let bareRequests = 0;
  let consoleRequests = 0;
  const samples = await alternate(
    [
      {
        label: 'engine',
        run: () =>
          time(async () => {
            const result = await syncTree(ROOT, {
              source: h.clients.organizations,
              logger: silentLogger,
              concurrency: CONCURRENCY,
              pageSize: PAGE_SIZE,
            });
            expectAll('the sync engine', result.orgsSeen, expected);
            if (result.failures.length > 0) throw new Error('the sync reported failures');
            engineRequests = result.requests;
          }),
      },
      {
        label: 'bare',
        run: () =>
          time(async () => {
            const result = await bareWalk(h.bare, token, {
              concurrency: CONCURRENCY,
              pageSize: PAGE_SIZE,
            });
            expectAll('the bare loop', result.orgs, expected);
            bareRequests = result.requests;
          }),
      },
      {
        label: 'console',
        reps: c.consoleReps,
        warmup: 0,
        run: () =>
          time(async () => {
            const result = await consoleWalk(h.bare, token);
            expectAll('the Console walk', result.orgs, expected);
            consoleRequests = result.requests;
          }),
      },
    ],
    { reps: c.reps, warmup: c.warmup },
  );
  h.sandbox.setFaults({});

  const engine = samples.get('engine')!;
  const bare = samples.get('bare')!;
  const perRequestUs = ((median(engine) - median(bare)) * 1000) / Math.max(1, engineRequests);
  const label = `1 sync ${c.orgs.toLocaleString('en-US')}${c.latencyMs ? ` +${c.latencyMs}ms` : ''}`;
  context.log(
    `  ${label}: engine ${median(engine).toFixed(0)} ms, bare ${median(bare).toFixed(0)} ms`,
  );
  return [
    row({
      scenario: label,
      metric: 'engine vs bare loop',
      unit: 'ms',
      samples: engine,
      baseline: { label: 'bare undici loop', samples: bare },
      goal: { kind: 'at-most-times', target: 1.15 },
      note:
        `${engineRequests} requests each (bare loop ${bareRequests}); ` +
        `engine overhead ${perRequestUs.toFixed(0)} µs per request`,
    }),
    row({
      scenario: label,
      metric: 'speed-up vs Console walk',
      unit: 'ms',
      samples: engine,
      baseline: { label: 'Console sequential walk', samples: samples.get('console')! },
      goal: { kind: 'at-least-times', target: 10 },
      note: `the Console walk sends ${consoleRequests} requests one after another`,
    }),
  ];
}

export const syncScenario: Scenario = {
  id: 'sync',
  title: 'Full tree sync',
  run: async (context) => {
    const rows: Row[] = [];
    const byTree = new Map<number, SyncCase[]>();
    for (const c of cases(context.quick)) byTree.set(c.orgs, [...(byTree.get(c.orgs) ?? []), c]);
    for (const [orgs, list] of byTree) {
      context.log(`  generating a ${orgs.toLocaleString('en-US')}-organization sandbox…`);
      const h = await startHarness({ data: { orgs, depth: 4, seed: 11 } });
      try {
        for (const c of list) rows.push(...(await runCase(h, c, context)));
      } finally {
        await h.stop();
      }
    }
    return rows;
  },
};
