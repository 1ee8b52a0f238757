/**
 * The shell: navigation moves focus to the new screen's heading, shortcuts switch screens,
 * focus the search and open the help, and the header shows connection and keychain state.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import type { OrgDataSource } from '../../../renderer/features/orgs/source';
import { createAppStore } from '../../../renderer/store/createAppStore';
import { installColorScheme } from './helpers/dom';
import { SMALL_TREE } from './helpers/fixtures';
import { actAndSettle } from './helpers/tree';

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);
const HOUR = 3_600_000;

async function renderApp(source: OrgDataSource = createMemorySource(SMALL_TREE)) {
  installColorScheme(false);
  const store = createAppStore({ orgSource: source, now: () => NOW });
  render(<App store={store} />);
  await screen.findByText('Acme');
  return store;
}

function key(init: KeyboardEventInit): boolean {
  return fireEvent.keyDown(document.activeElement ?? document.body, init);
}

describe('app shell', () => {
  it('marks the current screen in the navigation and focuses the new heading', async () => {
    await renderApp();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(screen.getByRole('button', { name: /Organizations/ }).getAttribute('aria-current')).toBe(
      'page',
    );

    act(() => screen.getByRole('button', { name: /Token workbench/ }).click());

    const heading = screen.getByRole('heading', { level: 1, name: 'Token workbench' });
    expect(document.activeElement).toBe(heading);
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toContain('Token workbench');
  });

  it('switches screens with Alt+1 to Alt+5', async () => {
    await renderApp();

    key({ key: '¡', code: 'Digit2', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Share editor' }));
    key({ key: '5', code: 'Digit5', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Profiles' }));
    key({ key: '1', code: 'Digit1', altKey: true });
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Organizations' }));
  });

  it('focuses the org search with Ctrl+K from another screen, and with /', async () => {
    await renderApp();
    key({ key: '3', code: 'Digit3', altKey: true });

    key({ key: 'k', code: 'KeyK', ctrlKey: true });
    const search = await screen.findByRole('searchbox', { name: 'Search organizations' });
    expect(document.activeElement).toBe(search);

    act(() => screen.getByRole('heading', { name: 'Organizations' }).focus());
    expect(key({ key: '/', code: 'Slash' })).toBe(false);
    expect(document.activeElement).toBe(search);
  });

  it('leaves / and ? alone while the user types in a field', async () => {
    await renderApp();
    const search = screen.getByRole('searchbox', { name: 'Search organizations' });
    act(() => search.focus());

    expect(key({ key: '?', code: 'Slash', shiftKey: true })).toBe(true);
    expect(key({ key: '/', code: 'Slash' })).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens the shortcuts help with ?, and Escape returns focus to where it was', async () => {
    await renderApp();
    const help = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    act(() => help.focus());

    key({ key: '?', code: 'Slash', shiftKey: true });
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Alt+1 … Alt+5');
    key({ key: '2', code: 'Digit2', altKey: true });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Organizations');

    key({ key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(help);
  });

  it('shows the cache age when offline, and the banner when secrets are memory-only', async () => {
    const memory = createMemorySource(SMALL_TREE);
    const store = await renderApp({
      ...memory,
      status: () => Promise.resolve({ online: false, syncedAt: NOW - 3 * HOUR }),
    });
    await actAndSettle(() => undefined);

    expect(screen.getAllByText('Offline · cached 3 h ago').length).toBeGreaterThan(0);
    expect(screen.queryByText(/No system keychain/)).toBeNull();
    act(() => store.getState().setSecretsMemoryOnly(true));
    expect(screen.getByText(/No system keychain is available/)).toBeTruthy();
  });
});
