/**
 * Child process of the memory scenario: starts the org service from a prepared offline cache
 * (as the main process does at launch), builds the search index with one search, collects
 * garbage and prints its memory use as one JSON line. With `--idle` it loads the same modules
 * and stops there, which gives the floor of a Node process running this code.
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { silentLogger } from '../../../main/log/logger';
import { createOrgService, createProfileCache } from '../../../main/orgs';

function collect(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'cache-dir': { type: 'string' },
      profile: { type: 'string', default: 'bench' },
      idle: { type: 'boolean', default: false },
    },
  });
  let orgCount = 0;
  // Held until the measurement so the collector cannot drop it.
  let service: ReturnType<typeof createOrgService> | undefined;
  if (!values.idle) {
    const dir = values['cache-dir'];
    if (dir === undefined) throw new Error('--cache-dir is required');
    service = createOrgService({
      source: { listPage: () => Promise.reject(new Error('offline')) },
      cache: createProfileCache({ dir, profileId: values.profile, logger: silentLogger }).tree,
      root: { id: '', name: 'Root', orgHandle: 'carbon.super' },
      logger: silentLogger,
    });
    const status = await service.start();
    if (status.source !== 'cache') throw new Error('the cached tree did not load');
    service.search('a');
    orgCount = status.orgCount;
  }
  collect();
  const usage = process.memoryUsage();
  const line = {
    orgCount: service === undefined ? 0 : orgCount,
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    // Kibibytes, by Node's convention for resourceUsage().
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
