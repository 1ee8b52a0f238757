/**
 * Scenario 1 — full tree sync: the sync engine (real HTTP client, schemas, token management,
 * tree building) against the bare request loop over the same pages (goal ≤ 1.15×) and against
 * the Console's sequential walk (goal ≥ 10× faster); then again with 20 ms of latency injected
 * into every organization-list request, where parallelism matters most.
 *
 * The Console walk at 100 000 organizations with latency would take minutes per run (about
 * 9 500 requests one after another), so there it is estimated: its time measured without
 * latency plus 20 ms for each of its sequential requests, which is exactly what the injected
 * latency adds to a walk that never has two requests in flight.
 */
import { silentLogger } from '../../../main/log/logger';
import { syncTree } from '../../../main/orgs';
import { startHarness, type Harness } from '../lib/harness';
import { alternate, time, type Variant } from '../lib/measure';
import { row, type Row } from '../lib/report';
import { median } from '../lib/stats';
import { bareWalk, consoleWalk } from './sync-walks';
import type { BenchContext, Scenario } from './types';

/** Parents in flight in the bare loop: the sync engine's default, which the engine runs with. */
const CONCURRENCY = 12;
const PAGE_SIZE = 100;
const ROOT = { id: '', name: 'Root', orgHandle: 'carbon.super' };

interface SyncCase {
  orgs: number;
  latencyMs: number;
  reps: number;
  /** Unrecorded runs first: the engine's first runs in a process are markedly slower (JIT). */
  warmup: number;
  /** Recorded Console walks, or 'estimate' from the same tree's walk without latency. */
  console: number | 'estimate';
}

/** The Console walk measured on a tree without latency, for estimates with latency. */
interface ConsoleMeasure {
  samples: number[];
  requests: number;
}

function cases(quick: boolean): SyncCase[] {
  if (quick) {
    return [
      { orgs: 2_000, latencyMs: 0, reps: 2, warmup: 1, console: 1 },
      { orgs: 2_000, latencyMs: 20, reps: 1, warmup: 0, console: 1 },
    ];
  }
  return [
    { orgs: 10_000, latencyMs: 0, reps: 5, warmup: 2, console: 3 },
    { orgs: 10_000, latencyMs: 20, reps: 3, warmup: 1, console: 2 },
    { orgs: 100_000, latencyMs: 0, reps: 3, warmup: 1, console: 2 },
    { orgs: 100_000, latencyMs: 20, reps: 2, warmup: 1, console: 'estimate' },
  ];
}

function expectAll(what: string, seen: number, expected: number): void {
  if (seen !== expected) throw new Error(`${what} saw ${seen} organizations, expected ${expected}`);
}

function injectLatency(h: Harness, latencyMs: number): void {
  const rule = {
    kind: 'latency' as const,
    path: '/',
    pathRegex: '/api/server/v1/organizations',
    latencyMs,
  };
  h.sandbox.setFaults(latencyMs === 0 ? {} : { rules: [rule] });
}

async function runCase(
  h: Harness,
  c: SyncCase,
  context: BenchContext,
  unloaded: ConsoleMeasure | undefined,
): Promise<{ rows: Row[]; console: ConsoleMeasure | undefined }> {
  const expected = h.sandbox.state.orgs.size - 1;
  const token = await h.adminToken();
  // The engine's management token is fetched once up front, as the bare loop's is.
  await h.clients.organizations.listPage({ limit: 1 });
  injectLatency(h, c.latencyMs);

  const counts = { engine: 0, bare: 0, console: 0 };
  const variants: Variant[] = [
    {
      label: 'engine',
      run: () =>
        time(async () => {
          const result = await syncTree(ROOT, {
            source: h.clients.organizations,
            logger: silentLogger,
            pageSize: PAGE_SIZE,
          });
          expectAll('the sync engine', result.orgsSeen, expected);
          if (result.failures.length > 0) throw new Error('the sync reported failures');
          counts.engine = result.requests;
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
          counts.bare = result.requests;
        }),
    },
  ];
  if (c.console !== 'estimate') {
    variants.push({
      label: 'console',
      reps: c.console,
      warmup: 0,
      run: () =>
        time(async () => {
          const result = await consoleWalk(h.bare, token);
          expectAll('the Console walk', result.orgs, expected);
          counts.console = result.requests;
        }),
    });
  }
  const samples = await alternate(variants, { reps: c.reps, warmup: c.warmup });
  injectLatency(h, 0);

  const engine = samples.wall('engine');
  const bare = samples.wall('bare');
  const perRequestUs = ((median(engine) - median(bare)) * 1000) / Math.max(1, counts.engine);
  const label = `1 sync ${c.orgs.toLocaleString('en-US')}${c.latencyMs ? ` +${c.latencyMs}ms` : ''}`;
  context.log(
    `  ${label}: engine ${median(engine).toFixed(0)} ms, bare ${median(bare).toFixed(0)} ms`,
  );

  let consoleSamples = samples.wall('console');
  let consoleNote = `the Console walk sends ${counts.console} requests one after another`;
  if (c.console === 'estimate') {
    if (unloaded === undefined) throw new Error('no Console walk to estimate from');
    consoleSamples = unloaded.samples.map((ms) => ms + unloaded.requests * c.latencyMs);
    consoleNote =
      `estimated: the Console walk measured without latency plus ${c.latencyMs} ms for each ` +
      `of its ${unloaded.requests} sequential requests`;
  }
  const rows = [
    row({
      scenario: label,
      metric: 'engine vs bare loop',
      unit: 'ms',
      samples: engine,
      baseline: { label: 'bare undici loop', samples: bare },
      goal: { kind: 'at-most-times', target: 1.15 },
      note:
        `${counts.engine} requests each (bare loop ${counts.bare}); ` +
        `engine overhead ${perRequestUs.toFixed(0)} µs per request`,
    }),
    row({
      scenario: label,
      metric: 'engine vs bare loop, CPU time',
      unit: 'ms',
      samples: samples.cpu('engine'),
      baseline: { label: 'bare undici loop', samples: samples.cpu('bare') },
      goal: { kind: 'at-most-times', target: 1.15 },
      note: 'CPU time of the whole process (the in-process sandbox included)',
    }),
    row({
      scenario: label,
      metric: 'speed-up vs Console walk',
      unit: 'ms',
      samples: engine,
      baseline: { label: 'Console sequential walk', samples: consoleSamples },
      goal: { kind: 'at-least-times', target: 10 },
      note: consoleNote,
    }),
  ];
  const measured =
    c.console === 'estimate' || c.latencyMs !== 0
      ? undefined
      : { samples: consoleSamples, requests: counts.console };
  return { rows, console: measured };
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
        let unloaded: ConsoleMeasure | undefined;
        for (const c of list) {
          const result = await runCase(h, c, context, unloaded);
          unloaded ??= result.console;
          rows.push(...result.rows);
        }
      } finally {
        await h.stop();
      }
    }
    return rows;
  },
};
