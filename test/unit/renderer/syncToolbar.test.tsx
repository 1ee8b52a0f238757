/** The sync toolbar: a progressbar with count, rate and time left, and a working Cancel. */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import type { SyncOptions } from '../../../renderer/features/orgs/source';
import { SyncToolbar } from '../../../renderer/features/orgs/SyncToolbar';
import './helpers/dom';
import { SMALL_TREE } from './helpers/fixtures';
import { renderWithStore } from './helpers/render';
import { actAndSettle } from './helpers/tree';

describe('SyncToolbar', () => {
  it('shows count, rate and time left while syncing, and Cancel stops the sync', async () => {
    let now = 0;
    let running: SyncOptions | null = null;
    const memory = createMemorySource(SMALL_TREE);
    renderWithStore(
      <SyncToolbar />,
      {
        ...memory,
        sync: (options) => {
          running = options;
          return new Promise((resolve) =>
            options.signal.addEventListener('abort', () =>
              resolve({ status: 'cancelled', fetched: 30_000, syncedAt: 0 }),
            ),
          );
        },
      },
      () => now,
    );

    act(() => screen.getByRole('button', { name: 'Full sync' }).click());
    expect(screen.getByRole('button', { name: 'Full sync' }).hasAttribute('disabled')).toBe(true);
    now = 10_000;
    act(() => running?.onProgress({ fetched: 30_000, total: 100_000 }));

    const bar = screen.getByRole('progressbar', { name: 'Full sync' });
    expect(bar.getAttribute('aria-valuenow')).toBe('30000');
    expect(bar.getAttribute('aria-valuemax')).toBe('100000');
    expect(
      screen.getByText('30,000 of 100,000 organizations · 3,000/s · about 23 s left'),
    ).toBeTruthy();

    await actAndSettle(() => screen.getByRole('button', { name: 'Cancel full sync' }).click());

    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Full sync' }).hasAttribute('disabled')).toBe(false);
  });
});
