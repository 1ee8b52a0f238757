/**
 * Picks the org tree's data source: the bridge when the app runs in a host, or the generated
 * tree (loaded lazily, in its own chunk) when the renderer is opened on its own for development.
 */
import type { BridgeApi } from '../../preload/contract';
import { bridgeOrgSource } from '../bridge/orgSource';
import type { OrgDataSource } from '../features/orgs/source';

export async function createOrgSource(
  api: BridgeApi | undefined,
  profileId: () => string | null,
): Promise<OrgDataSource> {
  if (api) return bridgeOrgSource(api, profileId);
  const { createDevOrgSource } = await import('../features/orgs/fake/devSource');
  return createDevOrgSource();
}
