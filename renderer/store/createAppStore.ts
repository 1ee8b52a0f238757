/** Builds the app's single zustand store from its slices and injected dependencies. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createActivityJournalSlice } from './activityJournalSlice';
import { createActivitySlice } from './activitySlice';
import { createAnnounceSlice } from './announceSlice';
import { createAppInfoSlice } from './appInfoSlice';
import { createOrgSearchSlice } from './orgSearchSlice';
import { createOrgSyncSlice } from './orgSyncSlice';
import { createOrgTreeSlice } from './orgTreeSlice';
import { createProfileSlice } from './profileSlice';
import { createSharingCatalogSlice } from './sharingCatalogSlice';
import { createSharingEditorSlice } from './sharingEditorSlice';
import { createSharingOverlaySlice } from './sharingOverlaySlice';
import { createSharingReviewSlice } from './sharingReviewSlice';
import { createThemeSlice } from './themeSlice';
import { createTokenWorkbenchSlice } from './tokenSlice';
import type { AppState, StoreDeps } from './types';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createUiSlice(...args),
    ...createThemeSlice(...args),
    ...createAnnounceSlice(deps)(...args),
    ...createOrgTreeSlice(deps)(...args),
    ...createOrgSearchSlice(deps)(...args),
    ...createOrgSyncSlice(deps)(...args),
    ...createProfileSlice(deps)(...args),
    ...createAppInfoSlice(deps)(...args),
    ...createTokenWorkbenchSlice(deps)(...args),
    ...createSharingCatalogSlice(deps)(...args),
    ...createSharingOverlaySlice(deps)(...args),
    ...createSharingReviewSlice(deps)(...args),
    ...createSharingEditorSlice(deps)(...args),
    ...createActivitySlice(deps)(...args),
    ...createActivityJournalSlice(deps)(...args),
    clock: deps.now,
  }));
}
