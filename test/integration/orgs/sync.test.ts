import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { createProfileCache } from '../../../main/orgs/cache';
import { type OrgService, createOrgService } from '../../../main/orgs/service';
import type { SyncProgress } from '../../../main/orgs/sync';
import type { OrgTree } from '../../../main/orgs/tree';
import type { SandboxState } from '../../../main/sandbox/state';
import { type ClientHarness, startClients } from '../wso2/support';

const ORGS = 5_000;
const ROOT = { id: '', name: 'Root', orgHandle: 'carbon.super' };

let h: ClientHarness;
let cacheDir: string;
let state: SandboxState;

/** Counts list requests the sync makes, passing them on to the real client. */
function countingSource() {
  const counter = { requests: 0 };
  const source = {
    listPage: (options: Parameters<ClientHarness['clients']['organizations']['listPage']>[0]) => {
      counter.requests += 1;
      return h.clients.organizations.listPage(options);
    },
    getSelf: (options: { signal?: AbortSignal }) => h.clients.organizations.getSelf(options),
  };
  return { source, counter };
}

function service(source = countingSource().source): OrgService {
  return createOrgService({
    source,
    cache: createProfileCache({ dir: cacheDir, profileId: 'sandbox', logger: silentLogger }).tree,
    root: ROOT,
    logger: silentLogger,
  });
}

/** Every sandbox organization below the root, with the tree's view of its parent. */
function expectMatchesSandbox(tree: OrgTree): void {
  const rootId = state.rootOrgId;
  const below = [...state.orgs.values()].filter((org) => org.id !== rootId);
  expect(tree.size).toBe(below.length);
  for (const org of below) {
    const node = tree.get(org.id);
    expect(node, org.id).toBeDefined();
    expect(node!.parentId).toBe(org.parentId === rootId ? null : org.parentId);
    expect(node!.name).toBe(org.name);
    expect(node!.orgHandle).toBe(org.orgHandle);
  }
}

beforeAll(async () => {
  h = await startClients({ data: { orgs: ORGS, seed: 7 } });
  state = h.t.sandbox.state;
  cacheDir = await mkdtemp(path.join(tmpdir(), 'orgs-int-'));
});

afterAll(async () => {
  await h.stop();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('organization tree against a generated 5 000-org sandbox', () => {
  it('syncs the whole tree with every parent link, reporting progress', async () => {
    const { source, counter } = countingSource();
    const orgs = service(source);
    await orgs.start();
    const events: SyncProgress[] = [];
    const outcome = await orgs.fullSync({ onProgress: (event) => events.push(event) });

    expect(outcome).toMatchObject({ status: 'completed', failures: [] });
    expect(outcome.fetched).toBe(state.orgs.size - 1);
    expect(outcome.requests).toBe(counter.requests);
    expectMatchesSandbox(orgs.tree());
    expect(orgs.tree().root.id).toBe(state.rootOrgId);

    expect(events.length).toBeGreaterThan(0);
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      orgsSeen: state.orgs.size - 1,
      pendingParents: 0,
      activeRequests: 0,
    });
    for (let i = 1; i < events.length; i += 1) {
      expect(events[i]!.orgsSeen).toBeGreaterThanOrEqual(events[i - 1]!.orgsSeen);
    }
  });

  it('searches the synced tree by name, handle and id, with the path of each hit', async () => {
    const orgs = service();
    await orgs.start();
    const deep = [...state.orgs.values()].find((org) => state.ancestors(org.id).length >= 3)!;
    const byName = orgs.search(deep.name, 500);
    const hit = byName.hits.find((candidate) => candidate.node.id === deep.id)!;
    expect(hit).toBeDefined();
    const expectedPath = state
      .ancestors(deep.id)
      .filter((a) => a.id !== state.rootOrgId)
      .reverse()
      .map((a) => a.id);
    expect(hit.path.map((step) => step.id)).toEqual(expectedPath);
    expect(orgs.search(deep.orgHandle.toUpperCase()).hits.some((c) => c.node.id === deep.id)).toBe(
      true,
    );
    expect(orgs.search(deep.id).hits[0]).toMatchObject({ matchedOn: 'id', node: { id: deep.id } });

    const needle = deep.name.split(' ')[0]!.toLowerCase();
    const expectedTotal = [...state.orgs.values()].filter(
      (org) =>
        org.id !== state.rootOrgId &&
        (org.name.toLowerCase().includes(needle) || org.orgHandle.toLowerCase().includes(needle)),
    ).length;
    expect(orgs.search(needle, 10).total).toBe(expectedTotal);
  });

  it('starts offline from the cache and says how old it is', async () => {
    const { source, counter } = countingSource();
    const orgs = service(source);
    const status = await orgs.start();
    expect(status).toMatchObject({
      source: 'cache',
      orgCount: state.orgs.size - 1,
      cacheProblem: null,
    });
    expect(status.syncedAt).not.toBeNull();
    expect(status.ageMs).toBeGreaterThanOrEqual(0);
    expectMatchesSandbox(orgs.tree());
    expect(counter.requests).toBe(0);
  });

  it('loads children lazily from the server', async () => {
    const lazyDir = await mkdtemp(path.join(tmpdir(), 'orgs-lazy-'));
    try {
      const orgs = createOrgService({
        source: h.clients.organizations,
        cache: createProfileCache({ dir: lazyDir, profileId: 'lazy', logger: silentLogger }).tree,
        root: ROOT,
        logger: silentLogger,
        pageSize: 7,
      });
      const top = await orgs.children(null);
      expect(top.map((n) => n.id)).toEqual(state.children(state.rootOrgId).map((o) => o.id));
      const parent = top.find((n) => n.hasChildren)!;
      const children = await orgs.children(parent.id);
      expect(children.map((n) => n.id)).toEqual(state.children(parent.id).map((o) => o.id));
      expect(children.every((n) => n.parentId === parent.id && n.depth === 2)).toBe(true);
      await orgs.flush();
    } finally {
      await rm(lazyDir, { recursive: true, force: true });
    }
  });

  it('cancels a sync mid-way and keeps the previous tree', async () => {
    const { source, counter } = countingSource();
    const orgs = service(source);
    await orgs.start();
    const controller = new AbortController();
    const outcome = await orgs.fullSync({
      signal: controller.signal,
      onProgress: (event) => {
        if (event.orgsSeen >= 500) controller.abort();
      },
    });
    expect(outcome.status).toBe('cancelled');
    const made = counter.requests;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(counter.requests).toBe(made);
    expect(made).toBeLessThan(state.orgs.size / 2);
    expectMatchesSandbox(orgs.tree());
  });

  it('refreshes one subtree after the server changed', async () => {
    const orgs = service();
    await orgs.start();
    const parent = state.children(state.rootOrgId).find((org) => state.hasChildren(org.id))!;
    const leaf = state.descendants(parent.id).find((org) => !state.hasChildren(org.id))!;
    const added = await h.clients.organizations.create({
      name: 'Fresh Branch',
      parentId: parent.id,
    });
    const removed = await h.t.api(
      'DELETE',
      `/t/carbon.super/api/server/v1/organizations/${leaf.id}`,
      {
        token: await h.t.adminToken(),
      },
    );
    expect(removed.status).toBe(204);

    expect(orgs.tree().has(added.id)).toBe(false);
    const outcome = await orgs.refreshSubtree(parent.id);
    expect(outcome.status).toBe('completed');
    expect(orgs.tree().get(added.id)).toMatchObject({ parentId: parent.id, name: 'Fresh Branch' });
    expect(orgs.tree().has(leaf.id)).toBe(false);
    expectMatchesSandbox(orgs.tree());
    expect(outcome.fetched).toBe(state.descendants(parent.id).length);
  });
});
