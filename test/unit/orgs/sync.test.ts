import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import {
  type SyncProgress,
  SyncCancelledError,
  SyncFailedError,
  refreshSubtree,
  syncTree,
} from '../../../main/orgs/sync';
import type { OrgTree } from '../../../main/orgs/tree';
import { WSO2ApiError } from '../../../main/wso2/errors';
import { type GeneratedOrg, fakeSource, generateOrgs } from './support';

const ROOT = { id: '', name: 'Root', orgHandle: 'carbon.super' };

function expectSameTree(tree: OrgTree, orgs: GeneratedOrg[]): void {
  expect(tree.size).toBe(orgs.length);
  for (const org of orgs) {
    const node = tree.get(org.id);
    expect(node, org.id).toBeDefined();
    expect(node!.parentId).toBe(org.parentId);
    expect(node!.name).toBe(org.name);
    expect(node!.status).toBe(org.status);
  }
}

describe('full sync', () => {
  it('builds the whole tree with every parent link, following cursors', async () => {
    const orgs = generateOrgs(2_000);
    const source = fakeSource(orgs, { maxPageSize: 7 });
    const result = await syncTree(ROOT, { source, logger: silentLogger, pageSize: 7 });
    expectSameTree(result.tree, orgs);
    expect(result.orgsSeen).toBe(2_000);
    expect(result.requests).toBe(source.requests.length);
    expect(result.failures).toEqual([]);
    expect(source.requests.some((r) => r.after !== undefined)).toBe(true);
    expect(source.requests[0]).toMatchObject({ recursive: false, limit: 7 });
    expect(source.requests[0]!.filter).toBeUndefined();
    const parents = new Set(orgs.map((o) => o.parentId).filter((p) => p !== null));
    const listed = new Set(
      source.requests.filter((r) => r.after === undefined).map((r) => r.filter),
    );
    expect(listed.size).toBe(parents.size + 1);
  });

  it('keeps at most `concurrency` parents in flight, and uses them', async () => {
    const source = fakeSource(generateOrgs(300), { delayMs: 2 });
    await syncTree(ROOT, { source, logger: silentLogger, concurrency: 4 });
    expect(source.maxInFlight).toBe(4);
  });

  it('reports progress up to the final count, with an ETA when a total is expected', async () => {
    const orgs = generateOrgs(500);
    let now = 0;
    const events: SyncProgress[] = [];
    await syncTree(ROOT, {
      source: fakeSource(orgs),
      logger: silentLogger,
      clock: () => (now += 10),
      progressIntervalMs: 0,
      expectedTotal: 1_000,
      onProgress: (event) => events.push(event),
    });
    expect(events.length).toBeGreaterThan(3);
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]!.orgsSeen).toBeGreaterThanOrEqual(events[i - 1]!.orgsSeen);
      expect(events[i]!.requests).toBeGreaterThanOrEqual(events[i - 1]!.requests);
    }
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      orgsSeen: 500,
      pendingParents: 0,
      activeRequests: 0,
      expectedTotal: 1_000,
    });
    expect(last.ratePerSecond).toBeGreaterThan(0);
    expect(last.etaMs).toBeCloseTo((500 * 1000) / last.ratePerSecond);
  });

  it('throttles progress events by the injected clock', async () => {
    let now = 0;
    const events: SyncProgress[] = [];
    await syncTree(ROOT, {
      source: fakeSource(generateOrgs(500)),
      logger: silentLogger,
      clock: () => (now += 1),
      progressIntervalMs: 1_000_000,
      onProgress: (event) => events.push(event),
    });
    expect(events).toHaveLength(2);
    expect(events[1]!.orgsSeen).toBe(500);
  });

  it('stops on cancel, issuing no further requests', async () => {
    const source = fakeSource(generateOrgs(3_000), { delayMs: 1 });
    const controller = new AbortController();
    const sync = syncTree(ROOT, {
      source,
      logger: silentLogger,
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (event) => {
        if (event.orgsSeen > 200) controller.abort();
      },
    });
    await expect(sync).rejects.toBeInstanceOf(SyncCancelledError);
    const made = source.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.requests.length).toBe(made);
    expect(made).toBeLessThan(500);
  });

  it('records a failed parent, leaves it not loaded, and finishes the rest', async () => {
    const orgs = generateOrgs(400);
    const broken = orgs.find((o) => orgs.some((c) => c.parentId === o.id))!;
    const source = fakeSource(orgs, {
      failFor: (id) => (id === broken.id ? new Error('boom') : undefined),
    });
    const result = await syncTree(ROOT, { source, logger: silentLogger });
    expect(result.failures).toEqual([{ parentId: broken.id, message: 'boom' }]);
    expect(result.tree.get(broken.id)).toMatchObject({ childrenLoaded: false, hasChildren: true });
    expect(result.tree.size).toBeLessThan(orgs.length);
  });

  it('gives up when many listings fail, and at once on a refused token', async () => {
    const orgs = generateOrgs(400);
    const failing = fakeSource(orgs, {
      failFor: (id) => (id === null ? undefined : new Error('down')),
    });
    await expect(
      syncTree(ROOT, { source: failing, logger: silentLogger, maxFailures: 3 }),
    ).rejects.toBeInstanceOf(SyncFailedError);
    const refused = new WSO2ApiError({ status: 403, code: 'HTTP-403', message: 'Forbidden' });
    const forbidden = fakeSource(orgs, { failFor: (id) => (id === null ? undefined : refused) });
    await expect(syncTree(ROOT, { source: forbidden, logger: silentLogger })).rejects.toBe(refused);
    const rootDown = fakeSource(orgs, { failFor: () => new Error('root down') });
    await expect(syncTree(ROOT, { source: rootDown, logger: silentLogger })).rejects.toThrow(
      'root down',
    );
  });
});

describe('subtree refresh', () => {
  it('replaces one subtree with the server state and leaves the rest alone', async () => {
    const orgs = generateOrgs(600);
    const { tree } = await syncTree(ROOT, { source: fakeSource(orgs), logger: silentLogger });
    const target = orgs.find(
      (o) => o.parentId === null && orgs.filter((c) => c.parentId === o.id).length > 2,
    )!;
    const removed = orgs.find((o) => o.parentId === target.id)!;
    const gone = new Set([removed.id]);
    for (const org of orgs) if (org.parentId !== null && gone.has(org.parentId)) gone.add(org.id);
    const changed: GeneratedOrg[] = [
      ...orgs.filter((o) => !gone.has(o.id)),
      {
        id: '00000000-0000-4000-8000-ffffffffffff',
        name: 'New',
        orgHandle: 'new',
        status: 'ACTIVE',
        parentId: target.id,
      },
    ];
    const source = fakeSource(changed);
    const result = await refreshSubtree(tree, target.id, { source, logger: silentLogger });
    expectSameTree(tree, changed);
    expect(source.requests[0]!.filter).toBe(`parentId eq '${target.id}'`);
    expect(source.requests.length).toBe(result.requests);
  });

  it('leaves the tree untouched when the refresh is cancelled', async () => {
    const orgs = generateOrgs(300);
    const { tree } = await syncTree(ROOT, { source: fakeSource(orgs), logger: silentLogger });
    const target = orgs.find((o) => o.parentId === null)!;
    const version = tree.version;
    const controller = new AbortController();
    controller.abort();
    await expect(
      refreshSubtree(tree, target.id, {
        source: fakeSource([]),
        logger: silentLogger,
        signal: controller.signal,
      }),
    ).rejects.toBeInstanceOf(SyncCancelledError);
    expect(tree.version).toBe(version);
    expectSameTree(tree, orgs);
  });
});
