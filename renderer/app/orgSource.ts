/**
 * Picks the org tree's data source: the bridge when the app runs in a host, or the generated
 * tree (loaded lazily, in its own chunk) when the renderer is opened on its own for development.
 */
import type { BridgeApi } from '../../preload/contract';
import { bridgeOrgSource } from '../bridge/orgSource';
import type { OrgDataSource } from '../features/orgs/source';

/** A switch during a switch during a load is possible; an endless chain of them is not. */
const MAX_ATTEMPTS = 4;

export class ProfileChangedError extends Error {
  constructor() {
    super('The active profile changed while this was loading.');
    this.name = 'ProfileChangedError';
  }
}

/**
 * Wraps a source that reads the active profile at call time so an answer never lands under
 * another profile's name: a load that straddles a profile switch is asked again for the new
 * profile (two profiles may point at the same server, so the parent can exist in both; when
 * it does not, the tree drops the answer). A search that straddles one is refused: the switch
 * clears the search anyway.
 */
export function followingProfile(
  source: OrgDataSource,
  profileId: () => string | null,
): OrgDataSource {
  const settled = async <T>(ask: () => Promise<T>): Promise<T> => {
    const asked = profileId();
    const outcome = await ask().then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    // A failure for the old profile is as stale as a success.
    if (profileId() !== asked) throw new ProfileChangedError();
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };

  const current = async <T>(ask: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await settled(ask);
      } catch (error) {
        if (!(error instanceof ProfileChangedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  };

  return {
    children: (parentId) => current(() => source.children(parentId)),
    search: (query, options) => settled(() => source.search(query, options)),
    sync: (options) => source.sync(options),
    status: () => current(() => source.status()),
  };
}

export async function createOrgSource(
  api: BridgeApi | undefined,
  profileId: () => string | null,
): Promise<OrgDataSource> {
  if (api) return followingProfile(bridgeOrgSource(api, profileId), profileId);
  const { createDevOrgSource } = await import('../features/orgs/fake/devSource');
  return createDevOrgSource();
}
