/** Search across every level of the org tree; only the latest query's answer is kept. */
import { describeSchemaError, searchHitsSchema, type SearchHit } from '../features/orgs/source';
import { errorText } from './errorText';
import type { DepsSliceCreator } from './types';

export type SearchStatus = 'idle' | 'searching' | 'done' | 'failed';

export interface OrgSearchSlice {
  searchQuery: string;
  searchHits: readonly SearchHit[];
  searchStatus: SearchStatus;
  searchError: string | null;
  searchOrgs: (query: string) => Promise<void>;
  clearSearch: () => void;
}

/** More hits than this are not useful in a list; the user refines the query instead. */
export const SEARCH_LIMIT = 50;

export const createOrgSearchSlice: DepsSliceCreator<OrgSearchSlice> = (deps) => (set) => {
  let current: AbortController | null = null;

  const clear = (): void => {
    current?.abort();
    current = null;
    set({ searchQuery: '', searchHits: [], searchStatus: 'idle', searchError: null });
  };

  return {
    searchQuery: '',
    searchHits: [],
    searchStatus: 'idle',
    searchError: null,

    searchOrgs: async (query) => {
      const trimmed = query.trim();
      if (trimmed === '') {
        clear();
        return;
      }
      current?.abort();
      const controller = new AbortController();
      current = controller;
      set({ searchQuery: trimmed, searchStatus: 'searching', searchError: null });

      try {
        const raw = await deps.orgSource.search(trimmed, {
          limit: SEARCH_LIMIT,
          signal: controller.signal,
        });
        if (controller !== current) return;
        const parsed = searchHitsSchema.safeParse(raw);
        if (!parsed.success)
          throw new Error(`Unexpected data: ${describeSchemaError(parsed.error)}`);
        set({ searchHits: parsed.data.slice(0, SEARCH_LIMIT), searchStatus: 'done' });
      } catch (error) {
        if (controller !== current) return;
        set({ searchHits: [], searchStatus: 'failed', searchError: errorText(error) });
      }
    },

    clearSearch: clear,
  };
};
