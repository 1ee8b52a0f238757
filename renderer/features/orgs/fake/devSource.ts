/**
 * The data source used when the renderer runs without the bridge (`npx vite renderer`): a
 * generated 100 000-organization tree with realistic latency, hostile and bidi names at the
 * top level, and one organization whose first load fails, to show the retry path.
 */
import type { OrgDataSource } from '../source';
import { EDGE_CASE_NAMES, generateOrgTree } from './fakeTree';
import { createMemorySource } from './memorySource';

export const DEV_TREE_SIZE = 100_000;

export function createDevOrgSource(): OrgDataSource {
  const nodes = generateOrgTree({ size: DEV_TREE_SIZE, seed: 7, edgeCaseNames: true });
  const source = createMemorySource(nodes, { latencyMs: 150, syncPageSize: 1000 });
  const flaky = nodes.find((node) => node.name === EDGE_CASE_NAMES[2]);
  if (flaky) source.failNextChildren(flaky.id, 'The server answered 503 Service Unavailable.');
  return source;
}
