/** Light and dark themes: the OS preference unless the user picked one. */
import type { SliceCreator } from './types';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export interface ThemeSlice {
  themePreference: ThemePreference;
  /** What the OS asks for (`prefers-color-scheme`), kept current by useThemeSync. */
  systemTheme: Theme;
  setThemePreference: (preference: ThemePreference) => void;
  setSystemTheme: (theme: Theme) => void;
}

export function resolveTheme(preference: ThemePreference, system: Theme): Theme {
  return preference === 'system' ? system : preference;
}

export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The OS preference at start-up, so the first paint already has the right theme. */
function initialSystemTheme(): Theme {
  const query = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  return query?.matches ? 'dark' : 'light';
}

export const createThemeSlice: SliceCreator<ThemeSlice> = (set) => ({
  themePreference: 'system',
  systemTheme: initialSystemTheme(),
  setThemePreference: (themePreference) => set({ themePreference }),
  setSystemTheme: (systemTheme) => set({ systemTheme }),
});
