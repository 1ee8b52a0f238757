/**
 * The organization tree of one profile: started from the offline cache, expanded lazily,
 * fully synced on demand (the previous tree keeps serving until the new one is complete),
 * refreshed per subtree, searchable at every level, and written back to the cache.
 */
import type { Logger } from '../log/logger';
import { parentIdFilter } from '../wso2/filters';
import type { BasicOrganization } from '../wso2/organizations';
import { cursorGuard } from '../wso2/paging';
import type { CacheSection, CachedTree } from './cache';
import { DEFAULT_SEARCH_LIMIT, OrgSearchIndex, type SearchResult } from './search';
import { fromSnapshot, toSnapshot } from './snapshot';
import {
  type CrawlOptions,
  type OrgPageSource,
  type SyncFailure,
  type SyncProgress,
  SyncCancelledError,
  refreshSubtree,
  syncTree,
} from './sync';
import { type OrgNode, OrgTree, ROOT_SLOT, type RootInfo } from './tree';

export interface OrgTreeStatus {
  /** Organizations held, not counting the root. */
  orgCount: number;
  /** When the held tree was fetched (full sync, or the latest lazy fetch); null if never. */
  fetchedAt: number | null;
  /** When the last complete full sync finished; null if the tree is partial or never synced. */
  syncedAt: number | null;
  /** Age of `fetchedAt` by the service clock. */
  ageMs: number | null;
  /** Where the held tree came from this run. */
  source: 'none' | 'cache' | 'server';
  /** Set when the cache file was unreadable and moved aside at start. */
  cacheProblem: { movedTo: string; reason: string } | null;
  syncing: boolean;
}

export interface SyncOutcome {
  status: 'completed' | 'cancelled';
  /** Organizations fetched by this run. */
  fetched: number;
  requests: number;
  elapsedMs: number;
  /** Set when completed. */
  syncedAt: number | null;
  failures: SyncFailure[];
}

export interface SyncRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
}

export interface OrgServiceDeps {
  source: OrgPageSource;
  cache: CacheSection<CachedTree>;
  root: RootInfo;
  logger: Logger;
  clock?: () => number;
  concurrency?: number;
  pageSize?: number;
}

export interface OrgService {
  /** Loads the cached tree (if any) and reports how old it is. */
  start(): Promise<OrgTreeStatus>;
  status(): OrgTreeStatus;
  /** The held tree (read it; change it only through this service). */
  tree(): OrgTree;
  node(id: string): OrgNode | undefined;
  /** Children of `parentId` (`null` = root level), fetched on first use or with `refresh`. */
  children(
    parentId: string | null,
    options?: { refresh?: boolean; signal?: AbortSignal },
  ): Promise<OrgNode[]>;
  search(query: string, limit?: number): SearchResult;
  fullSync(options?: SyncRunOptions): Promise<SyncOutcome>;
  refreshSubtree(id: string, options?: SyncRunOptions): Promise<SyncOutcome>;
  /** Resolves once every pending cache write has finished (before shutdown). */
  flush(): Promise<void>;
}

export class SyncInProgressError extends Error {
  constructor() {
    super('an organization sync is already running');
    this.name = 'SyncInProgressError';
  }
}

export function createOrgService(deps: OrgServiceDeps): OrgService {
  const clock = deps.clock ?? Date.now;
  const log = deps.logger.child('orgs');
  let tree = new OrgTree(deps.root);
  let index = new OrgSearchIndex(tree);
  let fetchedAt: number | null = null;
  let syncedAt: number | null = null;
  let complete = false;
  let source: OrgTreeStatus['source'] = 'none';
  let cacheProblem: OrgTreeStatus['cacheProblem'] = null;
  let syncing = false;
  let dirty = false;
  let saving: Promise<void> | undefined;

  const status = (): OrgTreeStatus => ({
    orgCount: tree.size,
    fetchedAt,
    syncedAt: complete ? syncedAt : null,
    ageMs: fetchedAt === null ? null : Math.max(0, clock() - fetchedAt),
    source,
    cacheProblem,
    syncing,
  });

  /**
   * Writes the tree to the cache. Saves never overlap; changes made while one runs are
   * coalesced into the next. A failed save is logged and the tree stays in memory.
   */
  const persist = (): Promise<void> => {
    dirty = true;
    saving ??= (async () => {
      while (dirty) {
        dirty = false;
        const value: CachedTree = { complete, syncedAt, snapshot: toSnapshot(tree) };
        try {
          await deps.cache.save({ fetchedAt: fetchedAt ?? clock(), value });
        } catch (error) {
          log.error('saving the organization cache failed', { error });
        }
      }
      saving = undefined;
    })();
    return saving;
  };

  const crawlOptions = (options: SyncRunOptions): CrawlOptions => ({
    source: deps.source,
    logger: deps.logger,
    ...(deps.concurrency === undefined ? {} : { concurrency: deps.concurrency }),
    ...(deps.pageSize === undefined ? {} : { pageSize: deps.pageSize }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(tree.size > 0 ? { expectedTotal: tree.size } : {}),
    clock,
  });

  /** The root's id lets search and share state name it; unknown ids stay '' (still works). */
  const resolveRoot = async (signal?: AbortSignal): Promise<RootInfo> => {
    const root = tree.root;
    if (root.id !== '' || deps.source.getSelf === undefined) return root;
    try {
      const self = await deps.source.getSelf(signal === undefined ? {} : { signal });
      return { ...root, id: self.id };
    } catch (error) {
      log.warn('could not read the root organization id', { error });
      return root;
    }
  };

  const run = async (work: () => Promise<SyncOutcome>): Promise<SyncOutcome> => {
    if (syncing) throw new SyncInProgressError();
    syncing = true;
    try {
      return await work();
    } catch (error) {
      if (error instanceof SyncCancelledError) {
        return {
          status: 'cancelled',
          fetched: 0,
          requests: 0,
          elapsedMs: 0,
          syncedAt: null,
          failures: [],
        };
      }
      throw error;
    } finally {
      syncing = false;
    }
  };

  const listAllChildren = async (
    parentId: string | null,
    signal?: AbortSignal,
  ): Promise<BasicOrganization[]> => {
    const filter = parentId === null ? undefined : parentIdFilter(parentId);
    const guard = cursorGuard('organization list');
    const all: BasicOrganization[] = [];
    let after: string | undefined;
    do {
      const page = await deps.source.listPage({
        ...(filter === undefined ? {} : { filter }),
        recursive: false,
        limit: deps.pageSize ?? 100,
        ...(after === undefined ? {} : { after }),
        ...(signal === undefined ? {} : { signal }),
      });
      all.push(...page.organizations);
      after = page.next;
      if (after !== undefined) guard(after);
    } while (after !== undefined);
    return all;
  };

  return {
    start: async () => {
      const loaded = await deps.cache.load();
      if (loaded.status === 'quarantined') {
        cacheProblem = { movedTo: loaded.movedTo, reason: loaded.reason };
      } else if (loaded.status === 'loaded') {
        tree = fromSnapshot(loaded.entry.value.snapshot);
        index = new OrgSearchIndex(tree);
        fetchedAt = loaded.entry.fetchedAt;
        complete = loaded.entry.value.complete;
        syncedAt = loaded.entry.value.syncedAt;
        source = 'cache';
        log.info('organization tree loaded from cache', { orgs: tree.size });
      }
      return status();
    },
    status,
    flush: () => saving ?? Promise.resolve(),
    tree: () => tree,
    node: (id) => tree.get(id),
    children: async (parentId, options = {}) => {
      const key = parentId ?? '';
      const node = tree.get(key);
      if (node === undefined) return [];
      if (node.childrenLoaded && options.refresh !== true) return tree.children(key);
      const slot = tree.slotOf(key);
      const orgs = await listAllChildren(slot === ROOT_SLOT ? null : node.id, options.signal);
      tree.setChildren(key, orgs);
      fetchedAt = clock();
      if (source === 'none') source = 'server';
      void persist();
      return tree.children(key);
    },
    search: (query, limit = DEFAULT_SEARCH_LIMIT) => index.search(query, limit),
    fullSync: (options = {}) =>
      run(async () => {
        const result = await syncTree(await resolveRoot(options.signal), crawlOptions(options));
        tree = result.tree;
        index = new OrgSearchIndex(tree);
        index.prepare();
        fetchedAt = clock();
        complete = result.failures.length === 0;
        syncedAt = complete ? fetchedAt : null;
        source = 'server';
        await persist();
        log.info('organization tree synced', { orgs: tree.size, requests: result.requests });
        return {
          status: 'completed',
          fetched: result.orgsSeen,
          requests: result.requests,
          elapsedMs: result.elapsedMs,
          syncedAt,
          failures: result.failures,
        };
      }),
    refreshSubtree: (id, options = {}) =>
      run(async () => {
        const result = await refreshSubtree(tree, id, crawlOptions(options));
        fetchedAt = clock();
        await persist();
        return {
          status: 'completed',
          fetched: result.orgsSeen,
          requests: result.requests,
          elapsedMs: result.elapsedMs,
          syncedAt: complete ? syncedAt : null,
          failures: result.failures,
        };
      }),
  };
}
