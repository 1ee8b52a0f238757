/**
 * An in-memory OrgDataSource over a fixed list of organizations, for tests and for running
 * the renderer with no bridge. It can be told to fail, to go offline and to lose nodes, so the
 * tree's error, retry and removal paths can be exercised.
 */
import type {
  CacheStatus,
  OrgDataSource,
  OrgNode,
  SearchHit,
  SearchOptions,
  SyncOptions,
  SyncOutcome,
} from '../source';

export interface MemorySourceOptions {
  /** Milliseconds each call takes; 0 answers on the next microtask. */
  latencyMs?: number;
  /** Organizations fetched per simulated sync page. */
  syncPageSize?: number;
  now?: () => number;
}

export interface MemorySource extends OrgDataSource {
  /** The next `children(parentId)` call rejects with `message`. */
  failNextChildren(parentId: string | null, message: string): void;
  /** Deletes an organization and its subtree, as if removed on the server. */
  removeNode(id: string): void;
  setOnline(online: boolean): void;
  readonly calls: { children: (string | null)[]; search: string[] };
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });
}

export function createMemorySource(
  initial: readonly OrgNode[],
  options: MemorySourceOptions = {},
): MemorySource {
  const latency = options.latencyMs ?? 0;
  const now = options.now ?? Date.now;
  const byId = new Map(initial.map((node) => [node.id, node]));
  const kids = new Map<string | null, string[]>();
  for (const node of initial) {
    const list = kids.get(node.parentId) ?? [];
    list.push(node.id);
    kids.set(node.parentId, list);
  }
  const failures = new Map<string | null, string>();
  let online = true;
  let syncedAt: number | null = null;
  const calls = { children: [] as (string | null)[], search: [] as string[] };

  const pathOf = (node: OrgNode): { id: string; name: string }[] => {
    const path: { id: string; name: string }[] = [];
    for (let at = node.parentId; at !== null;) {
      const parent = byId.get(at);
      if (!parent) break;
      path.unshift({ id: parent.id, name: parent.name });
      at = parent.parentId;
    }
    return path;
  };

  const removeSubtree = (id: string): void => {
    for (const child of kids.get(id) ?? []) removeSubtree(child);
    kids.delete(id);
    byId.delete(id);
  };

  return {
    calls,

    async children(parentId) {
      calls.children.push(parentId);
      await wait(latency);
      const failure = failures.get(parentId);
      if (failure !== undefined) {
        failures.delete(parentId);
        throw new Error(failure);
      }
      return (kids.get(parentId) ?? []).flatMap((id) => {
        const node = byId.get(id);
        if (!node) return [];
        return [{ ...node, hasChildren: (kids.get(id)?.length ?? 0) > 0 }];
      });
    },

    async search(query: string, { limit, signal }: SearchOptions): Promise<SearchHit[]> {
      calls.search.push(query);
      await wait(latency, signal);
      const needle = query.toLocaleLowerCase();
      const hits: SearchHit[] = [];
      for (const node of byId.values()) {
        if (hits.length >= limit) break;
        const matches =
          node.name.toLocaleLowerCase().includes(needle) ||
          node.orgHandle.toLocaleLowerCase().includes(needle);
        if (matches) hits.push({ node, path: pathOf(node) });
      }
      return hits;
    },

    async sync({ onProgress, signal }: SyncOptions): Promise<SyncOutcome> {
      if (!online) throw new Error('The server cannot be reached; showing the offline cache.');
      const total = byId.size;
      const pageSize = options.syncPageSize ?? 2000;
      let fetched = 0;
      onProgress({ fetched, total: null });
      while (fetched < total) {
        try {
          await wait(latency, signal);
        } catch {
          return { status: 'cancelled', fetched, syncedAt: syncedAt ?? 0 };
        }
        if (signal.aborted) return { status: 'cancelled', fetched, syncedAt: syncedAt ?? 0 };
        fetched = Math.min(total, fetched + pageSize);
        onProgress({ fetched, total });
      }
      syncedAt = now();
      return { status: 'completed', fetched, syncedAt };
    },

    async status(): Promise<CacheStatus> {
      await wait(latency);
      return { online, syncedAt };
    },

    failNextChildren(parentId, message) {
      failures.set(parentId, message);
    },

    removeNode(id) {
      const node = byId.get(id);
      if (!node) return;
      const siblings = kids.get(node.parentId);
      if (siblings)
        kids.set(
          node.parentId,
          siblings.filter((sibling) => sibling !== id),
        );
      removeSubtree(id);
    },

    setOnline(value) {
      online = value;
    },
  };
}
