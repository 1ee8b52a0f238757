/**
 * The organization tree of a profile: sync engine, search and offline cache.
 *
 * - `createOrgService({ source, cache, root, logger, clock?, concurrency?, pageSize? })` →
 *   `OrgService`: `start()` (load the cached tree, report its age), `status()`, `tree()`,
 *   `node(id)`, `children(parentId | null, { refresh?, signal? })` (lazy, all pages),
 *   `search(query, limit?)`, `fullSync({ signal?, onProgress? })` and
 *   `refreshSubtree(id, { signal?, onProgress? })` (both resolve `{ status: 'completed' |
 *   'cancelled', fetched, requests, elapsedMs, syncedAt, failures }`), `flush()`.
 *   `source` is the organizations client (`listPage`, optionally `getSelf`).
 * - `createProfileCache({ dir, profileId, fs?, clock?, logger })` → `{ tree, agents, roles,
 *   shares }` sections, each `load()` → `missing | loaded {fetchedAt, value} | quarantined
 *   {movedTo, reason}` and `save({ fetchedAt, value })` (atomic).
 * - `OrgTree` (slot-based model; `OrgNode` views with `parentId: null` for root-level orgs and
 *   `depth` 1 for them), `OrgSearchIndex`, `syncTree`, `refreshSubtree`, snapshots.
 */
export { createOrgService, SyncInProgressError } from './service';
export type {
  OrgService,
  OrgServiceDeps,
  OrgTreeStatus,
  SyncOutcome,
  SyncRunOptions,
} from './service';
export { createProfileCache, profileDirName, withLoadStarted } from './cache';
export type {
  CacheLoad,
  CacheSection,
  CachedTree,
  CachedShares,
  CachedValue,
  ProfileCache,
} from './cache';
export type { CacheFs } from './atomic-file';
export { OrgTree, ROOT_SLOT } from './tree';
export type { OrgInput, OrgNode, RootInfo } from './tree';
export { OrgSearchIndex, DEFAULT_SEARCH_LIMIT } from './search';
export type { MatchField, SearchHit, SearchResult } from './search';
export { SyncCancelledError, SyncFailedError, refreshSubtree, syncTree } from './sync';
export type { CrawlOptions, OrgPageSource, SyncFailure, SyncProgress } from './sync';
export { fromSnapshot, toSnapshot } from './snapshot';
export type { TreeSnapshot } from './snapshot';
