/**
 * Scenario 6 — memory of the main process with a large cached tree (goal ≤ 250 MB), measured
 * in child processes so the benchmark's own memory does not count: one that starts the org
 * service from the offline cache and builds the search index, and an idle one that loads the
 * same modules (the floor of a Node process running this code through tsx). The renderer's
 * heap is measured by the renderer scenario.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { generateOrgFixture, writeCachedTree } from '../lib/org-fixture';
import { row } from '../lib/report';
import type { Scenario } from './types';

const run = promisify(execFile);
const REPO = resolve(__dirname, '..', '..', '..');
const CHILD = join(__dirname, 'memory-child.ts');
const MB = 2 ** 20;

const usageSchema = z.object({
  orgCount: z.number(),
  rss: z.number(),
  heapUsed: z.number(),
  heapTotal: z.number(),
  external: z.number(),
  arrayBuffers: z.number(),
  maxRss: z.number(),
});
type Usage = z.infer<typeof usageSchema>;

async function measure(args: string[]): Promise<Usage> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: REPO,
    maxBuffer: 1024 * 1024,
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return usageSchema.parse(JSON.parse(last));
}

export const memoryScenario: Scenario = {
  id: 'memory',
  title: 'Memory',
  run: async (context) => {
    const size = context.quick ? 10_000 : 100_000;
    const reps = context.quick ? 1 : 3;
    const dir = await mkdtemp(join(tmpdir(), 'sharedesk-bench-cache-'));
    try {
      context.log(`  writing a cached tree of ${size.toLocaleString('en-US')} organizations…`);
      const file = await writeCachedTree(dir, 'bench', generateOrgFixture(size).tree);
      context.log(`  cache file: ${file}`);
      const loaded: Usage[] = [];
      const idle: Usage[] = [];
      for (let i = 0; i < reps; i += 1) {
        // Alternating order, as everywhere else.
        const pair = [
          async () => loaded.push(await measure(['--cache-dir', dir])),
          async () => idle.push(await measure(['--idle'])),
        ];
        for (const step of i % 2 === 0 ? pair : pair.reverse()) await step();
      }
      if (loaded.some((usage) => usage.orgCount !== size)) {
        throw new Error(`the child loaded ${loaded[0]?.orgCount} organizations, not ${size}`);
      }
      const scenario = `6 main process, ${size.toLocaleString('en-US')} cached`;
      const mb = (list: Usage[], key: keyof Usage): number[] => list.map((u) => u[key] / MB);
      const baseline = (key: keyof Usage) => ({ label: 'idle child', samples: mb(idle, key) });
      const goal = { kind: 'at-most' as const, target: 250 };
      return [
        row({
          scenario,
          metric: 'RSS after load + index',
          unit: 'MB',
          samples: mb(loaded, 'rss'),
          baseline: baseline('rss'),
          goal,
          note: 'the baseline is a child that loads the same modules and no tree (tsx included)',
        }),
        row({
          scenario,
          metric: 'peak RSS',
          unit: 'MB',
          samples: mb(loaded, 'maxRss'),
          baseline: baseline('maxRss'),
          goal,
          note: 'the peak includes reading and parsing the cache file',
        }),
        row({
          scenario,
          metric: 'JS heap used',
          unit: 'MB',
          samples: mb(loaded, 'heapUsed'),
          baseline: baseline('heapUsed'),
        }),
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
