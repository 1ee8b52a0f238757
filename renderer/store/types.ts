/** The app store's shape: one zustand store made of per-domain slices. */
import type { StateCreator } from 'zustand/vanilla';
import type { BridgeApi } from '../../preload/contract';
import type { OrgDataSource } from '../features/orgs/source';
import type { ActivityJournalSlice } from './activityJournalSlice';
import type { ActivitySlice } from './activitySlice';
import type { AnnounceSlice } from './announceSlice';
import type { AppInfoSlice } from './appInfoSlice';
import type { OrgSearchSlice } from './orgSearchSlice';
import type { OrgSyncSlice } from './orgSyncSlice';
import type { OrgTreeSlice } from './orgTreeSlice';
import type { ProfileSlice } from './profileSlice';
import type { SharingCatalogSlice } from './sharingCatalogSlice';
import type { SharingEditorSlice } from './sharingEditorSlice';
import type { SharingOverlaySlice } from './sharingOverlaySlice';
import type { SharingReviewSlice } from './sharingReviewSlice';
import type { ThemeSlice } from './themeSlice';
import type { TokenWorkbenchSlice } from './tokenSlice';
import type { UiSlice } from './uiSlice';

export type AppState = UiSlice &
  ThemeSlice &
  AnnounceSlice &
  OrgTreeSlice &
  OrgSearchSlice &
  OrgSyncSlice &
  ProfileSlice &
  AppInfoSlice &
  TokenWorkbenchSlice &
  SharingCatalogSlice &
  SharingOverlaySlice &
  SharingReviewSlice &
  SharingEditorSlice &
  ActivitySlice &
  ActivityJournalSlice & {
    /** The injected clock, for components that show ages and rates. */
    clock: () => number;
  };

export interface StoreDeps {
  orgSource: OrgDataSource;
  /** The bridge to the main process; absent when the renderer runs on its own (development). */
  api?: BridgeApi;
  /** Epoch milliseconds; injected so tests control time. */
  now: () => number;
}

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

/** A slice that needs the injected dependencies. */
export type DepsSliceCreator<T> = (deps: StoreDeps) => SliceCreator<T>;
