/** Full sync of the org tree into the offline cache, with progress, cancel, and cache status. */
import {
  cacheStatusSchema,
  describeSchemaError,
  syncOutcomeSchema,
  syncProgressSchema,
  type CacheStatus,
} from '../features/orgs/source';
import { formatCount } from '../ui/format';
import { errorText } from './errorText';
import type { DepsSliceCreator } from './types';

export type SyncStatus = 'idle' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface SyncRun {
  readonly status: SyncStatus;
  readonly fetched: number;
  readonly total: number | null;
  readonly startedAt: number;
  /** When the last progress arrived; rate and time left are measured up to here. */
  readonly updatedAt: number;
  readonly error: string | null;
}

export interface OrgSyncSlice {
  syncRun: SyncRun;
  /** Null until the source has answered once. */
  cacheStatus: CacheStatus | null;
  startSync: () => Promise<void>;
  cancelSync: () => void;
  refreshCacheStatus: () => Promise<void>;
}

const IDLE: SyncRun = {
  status: 'idle',
  fetched: 0,
  total: null,
  startedAt: 0,
  updatedAt: 0,
  error: null,
};

export const createOrgSyncSlice: DepsSliceCreator<OrgSyncSlice> = (deps) => (set, get) => {
  let controller: AbortController | null = null;

  const finish = (patch: Partial<SyncRun>): void =>
    set((state) => ({ syncRun: { ...state.syncRun, ...patch, updatedAt: deps.now() } }));

  return {
    syncRun: IDLE,
    cacheStatus: null,

    startSync: async () => {
      if (controller) return;
      const run = new AbortController();
      controller = run;
      const startedAt = deps.now();
      set({ syncRun: { ...IDLE, status: 'running', startedAt, updatedAt: startedAt } });

      try {
        const raw = await deps.orgSource.sync({
          signal: run.signal,
          onProgress: (progress) => {
            const parsed = syncProgressSchema.safeParse(progress);
            if (parsed.success && controller === run) finish(parsed.data);
          },
        });
        const parsed = syncOutcomeSchema.safeParse(raw);
        if (!parsed.success)
          throw new Error(`Unexpected data: ${describeSchemaError(parsed.error)}`);
        const outcome = parsed.data;
        finish({ status: outcome.status, fetched: outcome.fetched });
        if (outcome.status === 'completed') {
          get().notify(
            `Full sync finished: ${formatCount(outcome.fetched)} organizations.`,
            'success',
          );
        } else {
          get().notify('Full sync cancelled. The cache keeps the previous complete sync.');
        }
      } catch (error) {
        const message = errorText(error);
        finish({ status: 'failed', error: message });
        get().notify(`Full sync failed: ${message}`, 'error');
      } finally {
        controller = null;
      }
      await Promise.all([get().refreshCacheStatus(), get().refreshOrgTree()]);
    },

    cancelSync: () => controller?.abort(),

    refreshCacheStatus: async () => {
      try {
        const parsed = cacheStatusSchema.safeParse(await deps.orgSource.status());
        if (!parsed.success)
          throw new Error(`Unexpected data: ${describeSchemaError(parsed.error)}`);
        set({ cacheStatus: parsed.data });
      } catch (error) {
        get().announce(`Could not read the connection status: ${errorText(error)}`);
      }
    },
  };
};
