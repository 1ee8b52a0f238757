import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import type { CacheLoad, CacheSection, CachedTree, CachedValue } from '../../../main/orgs/cache';
import { SyncInProgressError, createOrgService } from '../../../main/orgs/service';
import { fakeSource, generateOrgs } from './support';

const ROOT = { id: '', name: 'Root', orgHandle: 'carbon.super' };

/** An in-memory cache section that keeps every saved entry. */
function memoryCache(initial: CacheLoad<CachedTree> = { status: 'missing' }) {
  const saved: CachedValue<CachedTree>[] = [];
  let current = initial;
  const section: CacheSection<CachedTree> = {
    file: 'memory',
    load: () => Promise.resolve(current),
    save: (entry) => {
      saved.push(entry);
      current = { status: 'loaded', entry };
      return Promise.resolve();
    },
  };
  return { section, saved };
}

describe('organization service', () => {
  it('syncs, persists, and starts the next run offline from the cache with its age', async () => {
    const orgs = generateOrgs(800);
    const cache = memoryCache();
    let now = 10_000;
    const online = createOrgService({
      source: fakeSource(orgs),
      cache: cache.section,
      root: ROOT,
      logger: silentLogger,
      clock: () => now,
    });
    await online.start();
    const outcome = await online.fullSync();
    expect(outcome).toMatchObject({
      status: 'completed',
      fetched: 800,
      syncedAt: 10_000,
      failures: [],
    });
    expect(cache.saved).toHaveLength(1);

    const offlineSource = fakeSource([]);
    const offline = createOrgService({
      source: offlineSource,
      cache: cache.section,
      root: ROOT,
      logger: silentLogger,
      clock: () => now,
    });
    now = 70_000;
    const status = await offline.start();
    expect(status).toMatchObject({
      orgCount: 800,
      source: 'cache',
      syncedAt: 10_000,
      ageMs: 60_000,
      cacheProblem: null,
    });
    const first = orgs.find((o) => o.parentId === null)!;
    expect((await offline.children(null)).map((n) => n.id)).toContain(first.id);
    expect(offline.search(first.name).hits[0]!.node.id).toBe(first.id);
    expect(offlineSource.requests).toHaveLength(0);
  });

  it('reports a quarantined cache at start', async () => {
    const cache = memoryCache({
      status: 'quarantined',
      movedTo: '/x/org-tree.json.corrupt-1',
      reason: 'not valid JSON',
    });
    const service = createOrgService({
      source: fakeSource([]),
      cache: cache.section,
      root: ROOT,
      logger: silentLogger,
    });
    expect(await service.start()).toMatchObject({
      orgCount: 0,
      source: 'none',
      cacheProblem: { movedTo: '/x/org-tree.json.corrupt-1', reason: 'not valid JSON' },
    });
  });

  it('loads children lazily once, with every page, and caches the partial tree', async () => {
    const orgs = generateOrgs(300);
    const source = fakeSource(orgs);
    const cache = memoryCache();
    const service = createOrgService({
      source,
      cache: cache.section,
      root: ROOT,
      logger: silentLogger,
      pageSize: 5,
    });
    await service.start();
    const top = await service.children(null);
    expect(top.map((n) => n.id)).toEqual(orgs.filter((o) => o.parentId === null).map((o) => o.id));
    const parent = top.find((n) => n.hasChildren)!;
    const kids = await service.children(parent.id);
    expect(kids.map((n) => n.id)).toEqual(
      orgs.filter((o) => o.parentId === parent.id).map((o) => o.id),
    );
    const made = source.requests.length;
    await service.children(parent.id);
    expect(source.requests.length).toBe(made);
    await service.children(parent.id, { refresh: true });
    expect(source.requests.length).toBeGreaterThan(made);
    expect(service.status()).toMatchObject({ syncedAt: null, source: 'server' });
    await Promise.resolve();
    expect(cache.saved.at(-1)!.value.complete).toBe(false);
  });

  it('keeps the previous tree when a sync is cancelled, and refuses a second sync at once', async () => {
    const cache = memoryCache();
    const small = generateOrgs(50);
    let source = fakeSource(small);
    const service = createOrgService({
      source: { listPage: (o) => source.listPage(o) },
      cache: cache.section,
      root: ROOT,
      logger: silentLogger,
    });
    await service.fullSync();
    source = fakeSource(generateOrgs(3_000, 9), { delayMs: 1 });
    const controller = new AbortController();
    const running = service.fullSync({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.orgsSeen > 100) controller.abort();
      },
    });
    await expect(service.fullSync()).rejects.toBeInstanceOf(SyncInProgressError);
    expect(service.status().syncing).toBe(true);
    await expect(running).resolves.toMatchObject({ status: 'cancelled' });
    expect(service.tree().size).toBe(50);
    expect(cache.saved).toHaveLength(1);
  });

  it('refreshes one subtree and saves the result', async () => {
    const orgs = generateOrgs(200);
    const cache = memoryCache();
    let source = fakeSource(orgs);
    const service = createOrgService({
      source: { listPage: (o) => source.listPage(o) },
      cache: cache.section,
      root: ROOT,
      logger: silentLogger,
    });
    await service.fullSync();
    const parent = orgs.find((o) => o.parentId === null && orgs.some((c) => c.parentId === o.id))!;
    source = fakeSource(orgs.filter((o) => o.parentId !== parent.id));
    const outcome = await service.refreshSubtree(parent.id);
    expect(outcome.status).toBe('completed');
    expect(service.tree().children(parent.id)).toEqual([]);
    expect(cache.saved).toHaveLength(2);
  });
});
