/**
 * Organization trees for the scenarios that need no server: the sandbox's own generator (the
 * same names and shape a sync would fetch) laid into the app's `OrgTree`, and the offline
 * cache files the app starts from.
 */
import { silentLogger } from '../../../main/log/logger';
import { createProfileCache, OrgTree, toSnapshot } from '../../../main/orgs';
import { generateState } from '../../../main/sandbox/data/generate';

export interface FixtureOrg {
  id: string;
  name: string;
  orgHandle: string;
}

export interface OrgFixture {
  tree: OrgTree;
  /** Every organization below the root, parents before children. */
  orgs: FixtureOrg[];
}

export function generateOrgFixture(count: number, seed = 11): OrgFixture {
  const state = generateState({ orgs: count, depth: 4, seed }, Date.now());
  const root = state.orgs.get(state.rootOrgId)!;
  const tree = new OrgTree({ id: root.id, name: root.name, orgHandle: root.orgHandle }, count + 1);
  const orgs: FixtureOrg[] = [];
  const queue: { id: string; slot: number }[] = [{ id: root.id, slot: 0 }];
  for (let head = 0; head < queue.length; head += 1) {
    const parent = queue[head]!;
    for (const org of state.children(parent.id)) {
      const hasChildren = state.hasChildren(org.id);
      const slot = tree.appendChild(parent.slot, { ...org, hasChildren });
      if (slot === undefined) continue;
      orgs.push({ id: org.id, name: org.name, orgHandle: org.orgHandle });
      queue.push({ id: org.id, slot });
    }
    tree.markChildrenLoaded(parent.slot);
  }
  return { tree, orgs };
}

/**
 * Writes `tree` as profile `profileId`'s cached organization tree under `cacheDir`, as a
 * completed full sync from a minute ago.
 */
export async function writeCachedTree(
  cacheDir: string,
  profileId: string,
  tree: OrgTree,
): Promise<string> {
  const cache = createProfileCache({ dir: cacheDir, profileId, logger: silentLogger });
  const syncedAt = Date.now() - 60_000;
  await cache.tree.save({
    fetchedAt: syncedAt,
    value: { complete: true, syncedAt, snapshot: toSnapshot(tree) },
  });
  return cache.tree.file;
}
