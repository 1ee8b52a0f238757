/**
 * Fetching the organization tree: every parent's children are listed with
 * `filter=parentId eq '<id>'` (the root's with no filter), all cursor pages, with a bounded
 * number of parents in flight at once. Children that may have children are queued in turn.
 *
 * Why not `recursive=true`: it pages through every descendant in fewer requests, but its
 * entries (`BasicOrganizationResponse`) carry no parent id, so the tree could not be built
 * from it; the per-parent walk is the only listing that yields the structure.
 */
import type { Logger } from '../log/logger';
import { WSO2ApiError } from '../wso2/errors';
import { parentIdFilter } from '../wso2/filters';
import type { ListOrganizationsOptions, OrganizationPage } from '../wso2/organizations';
import { graftSubtree } from './graft';
import { OrgTree, ROOT_SLOT, type RootInfo } from './tree';

/** The one call the sync makes (the organizations client satisfies it). */
export interface OrgPageSource {
  listPage(options: ListOrganizationsOptions): Promise<OrganizationPage>;
  /** The calling organization, used to learn the root's id when it is not known yet. */
  getSelf?(options: { signal?: AbortSignal }): Promise<{ id: string; name: string }>;
}

export interface SyncProgress {
  orgsSeen: number;
  requests: number;
  /** Parents queued but not yet fetched. */
  pendingParents: number;
  activeRequests: number;
  elapsedMs: number;
  ratePerSecond: number;
  /** Estimated remaining time when an expected total is known (e.g. the cached tree's size). */
  etaMs: number | null;
  expectedTotal: number | null;
}

export interface SyncFailure {
  parentId: string;
  message: string;
}

export interface CrawlOptions {
  source: OrgPageSource;
  logger: Logger;
  /** Parents fetched at once (default 12). */
  concurrency?: number;
  /** `limit` per request (default 100). */
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** Minimum time between two progress events (default 100 ms); the last one always comes. */
  progressIntervalMs?: number;
  clock?: () => number;
  expectedTotal?: number;
  /** Parents whose listing may fail before the whole sync gives up (default 20). */
  maxFailures?: number;
  /** Runs the listing through `/o/` as this organization (an org-scoped sync). */
  orgId?: string;
  /**
   * Whether the start slot is the calling organization itself, listed without a filter
   * (default). A subtree refresh starts from a child organization and lists it by parentId.
   */
  startIsCaller?: boolean;
}

export interface CrawlResult {
  requests: number;
  orgsSeen: number;
  elapsedMs: number;
  /** Parents whose children could not be listed; their nodes stay "not loaded". */
  failures: SyncFailure[];
}

export class SyncCancelledError extends Error {
  constructor() {
    super('organization sync cancelled');
    this.name = 'SyncCancelledError';
  }
}

export class SyncFailedError extends Error {
  readonly failures: SyncFailure[];

  constructor(failures: SyncFailure[], cause: unknown) {
    super(`organization sync failed after ${failures.length} failed listings`, { cause });
    this.name = 'SyncFailedError';
    this.failures = failures;
  }
}

/** Fetches the whole tree below `root` into a new `OrgTree`. */
export async function syncTree(
  root: RootInfo,
  options: CrawlOptions,
): Promise<{ tree: OrgTree } & CrawlResult> {
  const tree = new OrgTree(root, Math.max(1024, (options.expectedTotal ?? 0) + 1));
  const result = await crawl(tree, ROOT_SLOT, options);
  return { tree, ...result };
}

/**
 * Fetches everything below `startSlot` of `tree` (whose children must not be loaded yet).
 * Cancelling rejects with `SyncCancelledError` once in-flight requests have settled.
 */
export function crawl(
  tree: OrgTree,
  startSlot: number,
  options: CrawlOptions,
): Promise<CrawlResult> {
  // 12 parents in flight: enough to hide per-request latency, modest for one admin client.
  const concurrency = Math.max(1, options.concurrency ?? 12);
  const pageSize = options.pageSize ?? 100;
  const clock = options.clock ?? Date.now;
  const interval = options.progressIntervalMs ?? 100;
  const maxFailures = options.maxFailures ?? 20;
  const expected = options.expectedTotal ?? null;
  const signal = options.signal;
  const startIsCaller = options.startIsCaller ?? true;
  const scope = options.orgId === undefined ? {} : { orgId: options.orgId };
  const log = options.logger.child('orgs-sync');

  const started = clock();
  const queue: number[] = [startSlot];
  const failures: SyncFailure[] = [];
  let head = 0;
  let active = 0;
  let requests = 0;
  let seen = 0;
  let lastEmit = -Infinity;
  let fatal: unknown;

  const progress = (force: boolean): void => {
    if (options.onProgress === undefined) return;
    const now = clock();
    if (!force && now - lastEmit < interval) return;
    lastEmit = now;
    const elapsedMs = now - started;
    const ratePerSecond = elapsedMs > 0 ? (seen * 1000) / elapsedMs : 0;
    const etaMs =
      expected === null || ratePerSecond === 0
        ? null
        : (Math.max(0, expected - seen) * 1000) / ratePerSecond;
    options.onProgress({
      orgsSeen: seen,
      requests,
      pendingParents: queue.length - head,
      activeRequests: active,
      elapsedMs,
      ratePerSecond,
      etaMs,
      expectedTotal: expected,
    });
  };

  const fetchChildren = async (slot: number): Promise<void> => {
    const filter =
      slot === startSlot && startIsCaller ? undefined : parentIdFilter(tree.idAt(slot));
    let after: string | undefined;
    do {
      const page = await options.source.listPage({
        ...scope,
        ...(filter === undefined ? {} : { filter }),
        recursive: false,
        limit: pageSize,
        ...(after === undefined ? {} : { after }),
        ...(signal === undefined ? {} : { signal }),
      });
      requests += 1;
      for (const org of page.organizations) {
        const child = tree.appendChild(slot, org);
        if (child === undefined) continue;
        seen += 1;
        if (org.hasChildren !== false) queue.push(child);
      }
      progress(false);
      after = page.next;
    } while (after !== undefined);
    tree.markChildrenLoaded(slot);
  };

  return new Promise<CrawlResult>((resolve, reject) => {
    const finish = (): void => {
      if (active > 0) return;
      if (signal?.aborted === true) return reject(new SyncCancelledError());
      if (fatal !== undefined)
        return reject(fatal instanceof Error ? fatal : new SyncFailedError(failures, fatal));
      progress(true);
      resolve({ requests, orgsSeen: seen, elapsedMs: clock() - started, failures });
    };

    const failed = (slot: number, error: unknown): void => {
      if (signal?.aborted === true) return;
      const authRefused =
        error instanceof WSO2ApiError && (error.status === 401 || error.status === 403);
      if (slot === startSlot || authRefused) {
        fatal ??= error;
        return;
      }
      failures.push({
        parentId: tree.idAt(slot),
        message: error instanceof Error ? error.message : String(error),
      });
      log.warn('listing children failed', { failures: failures.length });
      if (failures.length > maxFailures) fatal ??= new SyncFailedError(failures, error);
    };

    const pump = (): void => {
      while (
        fatal === undefined &&
        signal?.aborted !== true &&
        active < concurrency &&
        head < queue.length
      ) {
        const slot = queue[head]!;
        head += 1;
        active += 1;
        fetchChildren(slot).then(
          () => {
            active -= 1;
            pump();
          },
          (error: unknown) => {
            active -= 1;
            failed(slot, error);
            pump();
          },
        );
      }
      if (
        active === 0 &&
        (head >= queue.length || fatal !== undefined || signal?.aborted === true)
      ) {
        finish();
      }
    };

    if (signal?.aborted === true) return reject(new SyncCancelledError());
    pump();
  });
}

/**
 * Re-fetches the subtree below organization `id` into a staging tree and swaps it in only
 * when the fetch is complete, so a cancelled or failed refresh leaves `tree` untouched.
 */
export async function refreshSubtree(
  tree: OrgTree,
  id: string,
  options: CrawlOptions,
): Promise<CrawlResult> {
  const node = tree.get(id);
  if (node === undefined) throw new Error('unknown organization');
  const isRoot = tree.slotOf(id) === ROOT_SLOT;
  const staging = new OrgTree({
    id: isRoot ? tree.root.id : node.id,
    name: node.name,
    orgHandle: node.orgHandle,
  });
  const result = await crawl(staging, ROOT_SLOT, { ...options, startIsCaller: isRoot });
  graftSubtree(tree, id, staging);
  return result;
}
