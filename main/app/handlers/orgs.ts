/** Handlers for the organization tree, agents and roles of a profile. */
import type {
  Handlers,
  OrgNodeView,
  SyncProgressView,
  TreeStatusView,
} from '../../../preload/contract';
import type { CacheSection, OrgNode } from '../../orgs';
import { AppFailure, toAppError } from '../errors';
import type { ProfileRuntime } from '../runtime';
import type { Runtimes } from '../runtimes';

export interface OrgHandlerDeps {
  runtimes: Runtimes;
  emitProgress(progress: SyncProgressView): void;
}

type OrgCalls =
  | 'getTreeStatus'
  | 'listOrgChildren'
  | 'searchOrgs'
  | 'syncOrgTree'
  | 'cancelOrgSync'
  | 'listAgents'
  | 'listRoles';

export function nodeView(node: OrgNode): OrgNodeView {
  return {
    id: node.id,
    name: node.name,
    orgHandle: node.orgHandle,
    parentId: node.parentId,
    hasChildren: node.hasChildren,
    depth: node.depth,
  };
}

export function treeStatus(runtime: ProfileRuntime): TreeStatusView {
  const status = runtime.orgs.status();
  const reason = runtime.connectivity.reason();
  return {
    online: runtime.connectivity.online(),
    orgCount: status.orgCount,
    syncedAt: status.syncedAt,
    fetchedAt: status.fetchedAt,
    source: status.source,
    syncing: status.syncing,
    cacheProblem: status.cacheProblem
      ? `The cached tree was unreadable (${status.cacheProblem.reason}); it was moved to ${status.cacheProblem.movedTo}.`
      : null,
    ...(reason ? { offlineReason: reason } : {}),
  };
}

/** Runs a server read; when the server cannot be reached, marks the profile offline. */
async function online<T>(runtime: ProfileRuntime, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const described = toAppError(error);
    if (described.code === 'offline' || described.code === 'timeout') {
      runtime.connectivity.markOffline(described.message);
    }
    throw error;
  }
}

/**
 * Reads from the server and keeps the answer in the offline cache; when the server cannot be
 * reached, answers from the cache instead (and says nothing was fetched when it has none).
 */
async function cachedRead<T>(
  runtime: ProfileRuntime,
  section: CacheSection<T>,
  fetch: () => Promise<T>,
): Promise<T> {
  try {
    const value = await online(runtime, fetch);
    await section.save({ fetchedAt: Date.now(), value });
    return value;
  } catch (error) {
    const code = toAppError(error).code;
    if (code !== 'offline' && code !== 'timeout') throw error;
    const cached = await section.load();
    if (cached.status !== 'loaded') throw error;
    return cached.entry.value;
  }
}

export function orgHandlers(deps: OrgHandlerDeps): Pick<Handlers, OrgCalls> {
  const { runtimes } = deps;
  return {
    getTreeStatus: async ({ profileId }) => treeStatus(await runtimes.get(profileId)),
    listOrgChildren: async ({ profileId, parentId, refresh }) => {
      const runtime = await runtimes.get(profileId);
      const held = parentId === null ? undefined : runtime.orgs.node(parentId);
      if (parentId !== null && held === undefined) {
        throw new AppFailure('not-found', 'That organization is not in the tree.', {
          field: 'parentId',
        });
      }
      const loaded = held?.childrenLoaded ?? runtime.orgs.status().orgCount > 0;
      if (!refresh && loaded && !runtime.connectivity.online()) {
        return runtime.orgs
          .tree()
          .children(parentId ?? '')
          .map(nodeView);
      }
      const nodes = await online(runtime, () =>
        runtime.orgs.children(parentId, refresh ? { refresh: true } : {}),
      );
      return nodes.map(nodeView);
    },
    searchOrgs: async ({ profileId, query, limit }) => {
      const runtime = await runtimes.get(profileId);
      const result = runtime.orgs.search(query, limit);
      return {
        total: result.total,
        hits: result.hits.map((hit) => ({ node: nodeView(hit.node), path: hit.path })),
      };
    },
    syncOrgTree: async ({ profileId }) => {
      const runtime = await runtimes.get(profileId);
      const abort = new AbortController();
      runtime.syncAbort = abort;
      try {
        const outcome = await online(runtime, () =>
          runtime.orgs.fullSync({
            signal: abort.signal,
            onProgress: (progress) =>
              deps.emitProgress({
                profileId,
                fetched: progress.orgsSeen,
                total: progress.expectedTotal,
                requests: progress.requests,
                ratePerSecond: progress.ratePerSecond,
                etaMs: progress.etaMs,
              }),
          }),
        );
        return {
          status: outcome.status,
          fetched: outcome.fetched,
          requests: outcome.requests,
          elapsedMs: outcome.elapsedMs,
          syncedAt: outcome.syncedAt,
          failures: outcome.failures.map((failure) => ({
            parentId: failure.parentId,
            message: failure.message,
          })),
        };
      } finally {
        if (runtime.syncAbort === abort) runtime.syncAbort = undefined;
      }
    },
    cancelOrgSync: ({ profileId }) => {
      const runtime = runtimes.peek(profileId);
      const abort = runtime?.syncAbort;
      abort?.abort();
      return Promise.resolve({ cancelled: abort !== undefined });
    },
    listAgents: async ({ profileId }) => {
      const runtime = await runtimes.get(profileId);
      const agents = await cachedRead(runtime, runtime.cache.agents, () =>
        runtime.clients.agents.listAll(),
      );
      for (const agent of agents) {
        if (agent.extension.DisplayName)
          runtime.agentNames.set(agent.id, agent.extension.DisplayName);
      }
      return agents.map((agent) => ({
        id: agent.id,
        displayName: agent.extension.DisplayName ?? agent.userName ?? agent.id,
        description: agent.extension.Description ?? '',
        userName: agent.userName ?? '',
      }));
    },
    listRoles: async ({ profileId }) => {
      const runtime = await runtimes.get(profileId);
      const roles = await cachedRead(runtime, runtime.cache.roles, () =>
        runtime.clients.roles.listAll({ version: 'v2' }),
      );
      return roles.map((role) => ({
        id: role.id,
        displayName: role.displayName,
        audienceType: role.audience?.type ?? 'organization',
        audienceDisplay: role.audience?.display ?? role.audience?.value ?? '',
      }));
    },
  };
}
