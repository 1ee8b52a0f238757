/** Navigation between screens and app-wide UI state that no single screen owns. */
import type { SliceCreator } from './types';

export const SCREENS = ['organizations', 'share', 'activity', 'tokens', 'profiles'] as const;
export type ScreenId = (typeof SCREENS)[number];

/** Where focus should go after the next render: the screen's heading or the org search box. */
export type PendingFocus = 'heading' | 'search' | null;

export interface UiSlice {
  screen: ScreenId;
  pendingFocus: PendingFocus;
  shortcutsOpen: boolean;
  /** True when no OS keychain is available and secrets live in memory for this run only. */
  secretsMemoryOnly: boolean;
  navigate: (screen: ScreenId) => void;
  /** Shows the organizations screen with focus in its search box (Ctrl/Cmd+K, `/`). */
  requestSearchFocus: () => void;
  /** Called by whoever moved focus, so the request is carried out once. */
  consumePendingFocus: () => void;
  setShortcutsOpen: (open: boolean) => void;
  setSecretsMemoryOnly: (memoryOnly: boolean) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  screen: 'organizations',
  pendingFocus: null,
  shortcutsOpen: false,
  secretsMemoryOnly: false,
  navigate: (screen) => set({ screen, pendingFocus: 'heading' }),
  requestSearchFocus: () => set({ screen: 'organizations', pendingFocus: 'search' }),
  consumePendingFocus: () => set({ pendingFocus: null }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setSecretsMemoryOnly: (secretsMemoryOnly) => set({ secretsMemoryOnly }),
});
