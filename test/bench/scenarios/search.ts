/**
 * Scenario 2 — search across the tree: the app's search index against a linear scan, per
 * query over a fixed set (names, handles, ids, 1–3 character prefixes, misses). Goal: p95 ≤
 * 16 ms, one frame. Both must find the same number of organizations for every query.
 */
import { performance } from 'node:perf_hooks';
import { OrgSearchIndex } from '../../../main/orgs';
import { collectGarbage } from '../lib/measure';
import { generateOrgFixture } from '../lib/org-fixture';
import { row, type Row } from '../lib/report';
import { linearScan, querySet } from './search-queries';
import type { BenchContext, Scenario } from './types';

const LIMIT = 50;

function runSearch(context: BenchContext): Row[] {
  const size = context.quick ? 10_000 : 100_000;
  const rounds = context.quick ? 3 : 10;
  context.log(`  generating ${size.toLocaleString('en-US')} organizations…`);
  const { tree, orgs } = generateOrgFixture(size);
  const queries = querySet(orgs, context.quick ? 5 : 20);
  const scan = linearScan(orgs);

  const builds: number[] = [];
  let index = new OrgSearchIndex(tree);
  for (let i = 0; i < 3; i += 1) {
    collectGarbage();
    index = new OrgSearchIndex(tree);
    const started = performance.now();
    index.prepare();
    builds.push(performance.now() - started);
  }

  for (const query of queries) {
    const own = index.search(query.text, LIMIT).total;
    const expected = scan.search(query.text, LIMIT).total;
    if (own !== expected) {
      throw new Error(`"${query.text}" (${query.kind}): index found ${own}, scan ${expected}`);
    }
  }

  const indexed: number[] = [];
  const scanned: number[] = [];
  const timed = (work: () => unknown, into: number[]): void => {
    const started = performance.now();
    work();
    into.push(performance.now() - started);
  };
  for (let round = 0; round < rounds; round += 1) {
    collectGarbage();
    queries.forEach((query, i) => {
      const subject = (): void => timed(() => index.search(query.text, LIMIT), indexed);
      const baseline = (): void => timed(() => scan.search(query.text, LIMIT), scanned);
      if ((round + i) % 2 === 0) {
        subject();
        baseline();
      } else {
        baseline();
        subject();
      }
    });
  }

  const scenario = `2 search ${size.toLocaleString('en-US')}`;
  const baseline = { label: 'linear scan with includes', samples: scanned };
  const note = `${queries.length} queries × ${rounds} rounds, up to ${LIMIT} hits with paths`;
  return [
    row({ scenario, metric: 'query p50', unit: 'ms', samples: indexed, baseline, note }),
    row({
      scenario,
      metric: 'query p95',
      unit: 'ms',
      statistic: 'p95',
      samples: indexed,
      baseline,
      goal: { kind: 'at-most', target: 16 },
    }),
    row({
      scenario,
      metric: 'index build',
      unit: 'ms',
      samples: builds,
      note: 'built once after a sync and whenever the tree changes',
    }),
  ];
}

export const searchScenario: Scenario = {
  id: 'search',
  title: 'Search',
  // Synchronous by nature: the index answers in the calling thread.
  run: (context) => Promise.resolve(runSearch(context)),
};
