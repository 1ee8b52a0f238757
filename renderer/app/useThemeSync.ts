/**
 * Follows the OS colour scheme as it changes and applies the effective theme's colour tokens
 * to <html>, before paint.
 */
import { useEffect, useLayoutEffect } from 'react';
import { useAppStore } from '../store/StoreProvider';
import { DARK_QUERY, resolveTheme, type Theme } from '../store/themeSlice';
import { applyPalette } from '../styles/palette';

export function useThemeSync(): Theme {
  const preference = useAppStore((state) => state.themePreference);
  const systemTheme = useAppStore((state) => state.systemTheme);
  const setSystemTheme = useAppStore((state) => state.setSystemTheme);
  const theme = resolveTheme(preference, systemTheme);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(DARK_QUERY);
    const update = (): void => setSystemTheme(query.matches ? 'dark' : 'light');
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [setSystemTheme]);

  useLayoutEffect(() => {
    applyPalette(document.documentElement, theme);
  }, [theme]);

  return theme;
}
