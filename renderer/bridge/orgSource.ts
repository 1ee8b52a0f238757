/**
 * The org tree's data source over the bridge, for the active profile. Results stay `unknown`
 * here: the store parses them with the tree's own schemas. Failures become thrown errors with
 * the main process's message, so the tree shows them as text.
 */
import type { AppError, BridgeApi, Envelope } from '../../preload/contract';
import type { OrgDataSource } from '../features/orgs/source';

export class BridgeError extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'BridgeError';
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new BridgeError(envelope.error);
  return envelope.value;
}

export function bridgeOrgSource(api: BridgeApi, profileId: () => string | null): OrgDataSource {
  const active = (): string => {
    const id = profileId();
    if (id === null)
      throw new BridgeError({ code: 'not-found', message: 'No profile is selected.' });
    return id;
  };
  return {
    children: async (parentId) =>
      unwrap(await api.listOrgChildren({ profileId: active(), parentId })),
    search: async (query, { limit }) =>
      unwrap(await api.searchOrgs({ profileId: active(), query, limit })).hits,
    sync: async ({ onProgress, signal }) => {
      const profile = active();
      const stop = api.onSyncProgress((progress) => {
        if (progress.profileId === profile)
          onProgress({ fetched: progress.fetched, total: progress.total });
      });
      const cancel = (): void => void api.cancelOrgSync({ profileId: profile });
      signal.addEventListener('abort', cancel, { once: true });
      try {
        const outcome = unwrap(await api.syncOrgTree({ profileId: profile }));
        return {
          status: outcome.status,
          fetched: outcome.fetched,
          syncedAt: outcome.syncedAt ?? Date.now(),
        };
      } finally {
        stop();
        signal.removeEventListener('abort', cancel);
      }
    },
    status: async () => {
      const status = unwrap(await api.getTreeStatus({ profileId: active() }));
      return { online: status.online, syncedAt: status.syncedAt };
    },
  };
}
