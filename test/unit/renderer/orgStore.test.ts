/** The org slices with fake sources: parsing at the boundary, stale answers, reveal, sync. */
import { describe, expect, it } from 'vitest';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import { ROOT_KEY } from '../../../renderer/features/orgs/orgIndex';
import type { OrgDataSource, SearchHit } from '../../../renderer/features/orgs/source';
import { createAppStore } from '../../../renderer/store/createAppStore';
import { deferred, SMALL_TREE } from './helpers/fixtures';

function storeWith(source: OrgDataSource) {
  return createAppStore({ orgSource: source, now: () => 1_000 });
}

describe('org tree slice', () => {
  it('rejects malformed children and names the failing field in the error row', async () => {
    const memory = createMemorySource(SMALL_TREE);
    const store = storeWith({
      ...memory,
      children: () => Promise.resolve([{ ...SMALL_TREE[0], parentId: 42 }]),
    });

    await store.getState().loadChildren(null);

    const load = store.getState().childLoads.get(ROOT_KEY);
    expect(load).toEqual({
      status: 'error',
      message: expect.stringContaining('[0].parentId'),
    });
    expect(store.getState().orgTree.nodes.size).toBe(0);
  });

  it('asks the source once for children requested twice while loading', async () => {
    const memory = createMemorySource(SMALL_TREE);
    const store = storeWith(memory);

    await Promise.all([store.getState().loadChildren(null), store.getState().loadChildren(null)]);

    expect(memory.calls.children).toEqual([null]);
  });

  it('drops children that arrive for a parent removed meanwhile', async () => {
    const memory = createMemorySource(SMALL_TREE);
    const gate = deferred<void>();
    const store = storeWith({
      ...memory,
      children: async (parentId) => {
        if (parentId === 'beta') await gate.promise;
        return memory.children(parentId);
      },
    });
    await store.getState().loadChildren(null);
    await store.getState().loadChildren('acme');
    const loading = store.getState().loadChildren('beta');

    store.getState().removeOrg('beta');
    gate.resolve();
    await loading;

    expect(store.getState().orgTree.nodes.has('bravo')).toBe(false);
    expect(store.getState().orgTree.children.has('beta')).toBe(false);
  });

  it('tells the user when a chosen search hit is no longer in the tree', async () => {
    const store = storeWith(createMemorySource(SMALL_TREE));
    const ghost: SearchHit = {
      node: {
        id: 'ghost',
        name: 'Ghost',
        orgHandle: 'ghost',
        parentId: 'acme',
        hasChildren: false,
        depth: 1,
      },
      path: [{ id: 'acme', name: 'Acme' }],
    };

    await store.getState().revealOrg(ghost);

    expect(store.getState().treeFocusRequest).toBeNull();
    expect(store.getState().toasts.at(-1)?.text).toMatch(
      /Ghost is no longer where the search found it/,
    );
  });
});

describe('org search slice', () => {
  it('keeps only the latest query’s answer when an older one arrives late', async () => {
    const memory = createMemorySource(SMALL_TREE);
    const slow = deferred<void>();
    const store = storeWith({
      ...memory,
      search: async (query, options) => {
        if (query === 'a') await slow.promise;
        return memory.search(query, options);
      },
    });

    const first = store.getState().searchOrgs('a');
    await store.getState().searchOrgs('bolt');
    slow.resolve();
    await first;

    expect(store.getState().searchQuery).toBe('bolt');
    expect(store.getState().searchHits.map((hit) => hit.node.id)).toEqual(['bolt', 'bolt-1']);
  });

  it('reports a malformed answer with the failing field', async () => {
    const memory = createMemorySource(SMALL_TREE);
    const store = storeWith({ ...memory, search: () => Promise.resolve([{ node: {}, path: [] }]) });

    await store.getState().searchOrgs('x');

    expect(store.getState().searchStatus).toBe('failed');
    expect(store.getState().searchError).toContain('[0].node.id');
  });
});

describe('org sync slice', () => {
  it('records progress, completes, refreshes the cache status and tells the user', async () => {
    const memory = createMemorySource(SMALL_TREE, { syncPageSize: 4, now: () => 5_000 });
    const store = storeWith(memory);
    const seen: number[] = [];
    store.subscribe((state) => {
      if (state.syncRun.status === 'running') seen.push(state.syncRun.fetched);
    });

    await store.getState().startSync();

    expect(seen).toEqual(expect.arrayContaining([0, 4, 8, 9]));
    expect(store.getState().syncRun).toMatchObject({ status: 'completed', fetched: 9, total: 9 });
    expect(store.getState().cacheStatus).toEqual({ online: true, syncedAt: 5_000 });
    expect(store.getState().toasts.at(-1)).toMatchObject({ tone: 'success' });
    expect(store.getState().toasts.at(-1)?.text).toContain('9 organizations');
  });

  it('cancels a running sync', async () => {
    const memory = createMemorySource(SMALL_TREE, { syncPageSize: 1 });
    const store = storeWith({
      ...memory,
      sync: (options) => {
        options.onProgress({ fetched: 1, total: 9 });
        return new Promise((resolve) => {
          options.signal.addEventListener('abort', () =>
            resolve({ status: 'cancelled', fetched: 1, syncedAt: 0 }),
          );
        });
      },
    });

    const running = store.getState().startSync();
    expect(store.getState().syncRun).toMatchObject({ status: 'running', fetched: 1, total: 9 });
    store.getState().cancelSync();
    await running;

    expect(store.getState().syncRun.status).toBe('cancelled');
    expect(store.getState().toasts.at(-1)?.text).toMatch(/cancelled/);
  });

  it('reports a failed sync as an error that stays', async () => {
    const memory = createMemorySource(SMALL_TREE);
    memory.setOnline(false);
    const store = storeWith(memory);

    await store.getState().startSync();

    expect(store.getState().syncRun.status).toBe('failed');
    expect(store.getState().toasts.at(-1)).toMatchObject({ tone: 'error' });
  });
});
