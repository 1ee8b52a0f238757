/** The theme follows the OS colour scheme unless the user overrides it. */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ThemeSwitcher } from '../../../renderer/app/ThemeSwitcher';
import { useThemeSync } from '../../../renderer/app/useThemeSync';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import { PALETTES } from '../../../renderer/styles/palette';
import { installColorScheme } from './helpers/dom';
import { renderWithStore } from './helpers/render';

function ThemeHarness(): React.JSX.Element {
  useThemeSync();
  return <ThemeSwitcher />;
}

function appliedTheme(): string | undefined {
  return document.documentElement.dataset.theme;
}

function choose(value: string): void {
  fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value } });
}

describe('theme', () => {
  it('starts from the OS preference and follows it when it changes', () => {
    const os = installColorScheme(true);
    renderWithStore(<ThemeHarness />, createMemorySource([]));
    expect(appliedTheme()).toBe('dark');
    const root = document.documentElement;
    expect(root.style.getPropertyValue('--color-bg')).toBe(PALETTES.dark['color-bg']);
    expect(root.style.colorScheme).toBe('dark');

    act(() => os.setDark(false));
    expect(appliedTheme()).toBe('light');
    expect(root.style.getPropertyValue('--color-bg')).toBe(PALETTES.light['color-bg']);
    act(() => os.setDark(true));
    expect(appliedTheme()).toBe('dark');
  });

  it('keeps a manual choice whatever the OS says, until set back to System', () => {
    const os = installColorScheme(false);
    const { store } = renderWithStore(<ThemeHarness />, createMemorySource([]));
    expect(appliedTheme()).toBe('light');

    choose('dark');
    expect(appliedTheme()).toBe('dark');
    expect(store.getState().themePreference).toBe('dark');
    act(() => os.setDark(false));
    expect(appliedTheme()).toBe('dark');

    choose('light');
    act(() => os.setDark(true));
    expect(appliedTheme()).toBe('light');

    choose('system');
    expect(appliedTheme()).toBe('dark');
  });
});
