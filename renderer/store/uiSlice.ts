/** Navigation between screens and app-wide UI state that no single screen owns. */
import type { SliceCreator } from './types';

export const SCREENS = ['organizations', 'share', 'activity', 'tokens', 'profiles'] as const;
export type ScreenId = (typeof SCREENS)[number];

export interface UiSlice {
  screen: ScreenId;
  /** Bumped to ask the org search box to take focus (Ctrl/Cmd+K, `/`). */
  searchFocusSeq: number;
  shortcutsOpen: boolean;
  /** True when no OS keychain is available and secrets live in memory for this run only. */
  secretsMemoryOnly: boolean;
  navigate: (screen: ScreenId) => void;
  requestSearchFocus: () => void;
  setShortcutsOpen: (open: boolean) => void;
  setSecretsMemoryOnly: (memoryOnly: boolean) => void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  screen: 'organizations',
  searchFocusSeq: 0,
  shortcutsOpen: false,
  secretsMemoryOnly: false,
  navigate: (screen) => set({ screen }),
  requestSearchFocus: () =>
    set((state) => ({ screen: 'organizations', searchFocusSeq: state.searchFocusSeq + 1 })),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setSecretsMemoryOnly: (secretsMemoryOnly) => set({ secretsMemoryOnly }),
});
