/**
 * The agents and root roles of the active profile, as the sharing screens pick them. Both are
 * read through the main process's offline cache, so they are there when the server is not.
 * Each list remembers the profile it belongs to and is read again after a profile switch.
 */
import type { AgentView, RoleView } from '../../preload/contract';
import { failureOf, sharingCall } from '../features/sharing/sharingCall';
import type { AppState, DepsSliceCreator } from './types';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface CatalogList<T> {
  status: LoadStatus;
  items: readonly T[];
  error: string | null;
  profileId: string | null;
}

export interface SharingCatalogSlice {
  sharingAgents: CatalogList<AgentView>;
  sharingRoles: CatalogList<RoleView>;
  /** Reads the agents unless they are loaded for the active profile (or `force`). */
  loadSharingAgents: (force?: boolean) => Promise<void>;
  loadSharingRoles: (force?: boolean) => Promise<void>;
}

function emptyList<T>(): CatalogList<T> {
  return { status: 'idle', items: [], error: null, profileId: null };
}

/** One list's load: skipped when already loaded for this profile, dropped if the profile changed. */
async function loadList<T>(
  get: () => AppState,
  current: CatalogList<T>,
  force: boolean,
  read: (profileId: string) => Promise<readonly T[]>,
  put: (list: CatalogList<T>) => void,
): Promise<void> {
  const profileId = get().activeProfileId;
  // Nothing to read before a profile is chosen; the screens say so themselves.
  if (profileId === null) return;
  const loaded = current.profileId === profileId && current.status !== 'failed';
  if (!force && loaded && current.status !== 'idle') return;
  put({ ...current, status: 'loading', error: null, profileId });
  try {
    const items = await read(profileId);
    if (get().activeProfileId === profileId) {
      put({ status: 'ready', items, error: null, profileId });
    }
  } catch (error) {
    if (get().activeProfileId === profileId) {
      put({ status: 'failed', items: [], error: failureOf(error).message, profileId });
    }
  }
}

export const createSharingCatalogSlice: DepsSliceCreator<SharingCatalogSlice> =
  (deps) => (set, get) => ({
    sharingAgents: emptyList(),
    sharingRoles: emptyList(),
    loadSharingAgents: (force = false) =>
      loadList(
        get,
        get().sharingAgents,
        force,
        (profileId) => sharingCall(deps.api, 'listAgents', { profileId }),
        (sharingAgents) => set({ sharingAgents }),
      ),
    loadSharingRoles: (force = false) =>
      loadList(
        get,
        get().sharingRoles,
        force,
        (profileId) => sharingCall(deps.api, 'listRoles', { profileId }),
        (sharingRoles) => set({ sharingRoles }),
      ),
  });
