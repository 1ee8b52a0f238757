/**
 * Picks the org tree's data source. The generated tree is loaded lazily, so it stays out of
 * the main bundle.
 */
import type { OrgDataSource } from '../features/orgs/source';

export async function createOrgSource(): Promise<OrgDataSource> {
  // Known gap: this always returns the generated tree, because the bridge contract has no
  // org calls yet; the bridge adapter takes over here once the contract gains them.
  const { createDevOrgSource } = await import('../features/orgs/fake/devSource');
  return createDevOrgSource();
}
