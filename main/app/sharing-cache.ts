/**
 * Durable pieces of a profile's sharing context, so plans can be drafted offline after a
 * restart: the root organization (the calling org of every share) and the last share state read
 * per agent. Both live in the profile's offline cache folder.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { shareSnapshotSchema, type ShareSnapshot } from '../../preload/contract';
import type { Logger } from '../log/logger';
import { createCacheSection } from '../orgs/cache';
import type { ShareStateCache } from '../sharing/service-types';

const rootSchema = z.object({ id: z.string().min(1), name: z.string() });
export type RootOrg = z.infer<typeof rootSchema>;

export async function cachedRoot(
  dir: string,
  logger: Logger,
  fetch: () => Promise<RootOrg>,
): Promise<() => Promise<RootOrg>> {
  const section = createCacheSection({
    dir,
    profileId: '',
    logger,
    file: join(dir, 'root.json'),
    schema: rootSchema,
  });
  const loaded = await section.load();
  let root: RootOrg | undefined = loaded.status === 'loaded' ? loaded.entry.value : undefined;
  return async () => {
    if (root) return root;
    const fetched = await fetch();
    root = { id: fetched.id, name: fetched.name };
    await section.save({ fetchedAt: Date.now(), value: root });
    return root;
  };
}

export async function durableStateCache(dir: string, logger: Logger): Promise<ShareStateCache> {
  const section = createCacheSection({
    dir,
    profileId: '',
    logger,
    file: join(dir, 'share-states.json'),
    schema: z.record(z.string(), shareSnapshotSchema),
  });
  const loaded = await section.load();
  const states = new Map<string, ShareSnapshot>(
    loaded.status === 'loaded' ? Object.entries(loaded.entry.value) : [],
  );
  return {
    get: (agentId) => states.get(agentId),
    put: (snapshot) => {
      states.set(snapshot.agentId, snapshot);
      void section
        .save({ fetchedAt: Date.now(), value: Object.fromEntries(states) })
        .catch((error: unknown) => logger.warn('share state cache not saved', { error }));
    },
  };
}
