/**
 * Lazy expansion: a "Loading…" treeitem under a parent whose children are on the way, a
 * polite announcement, focus kept on the parent; a failed load shows an error row that the
 * keyboard reaches, that is announced, and whose Retry loads the children.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import { OrgTreePanel } from '../../../renderer/features/orgs/OrgTreePanel';
import type { OrgDataSource } from '../../../renderer/features/orgs/source';
import { LiveRegion } from '../../../renderer/ui/LiveRegion';
import { useAppStore } from '../../../renderer/store/StoreProvider';
import './helpers/dom';
import { deferred, SMALL_TREE, type Deferred } from './helpers/fixtures';
import { renderWithStore } from './helpers/render';
import {
  actAndSettle,
  focus,
  focusedRowName,
  press,
  rowNamed,
  rowNames,
  treeRows,
} from './helpers/tree';

function ConnectedLiveRegion(): React.JSX.Element {
  return <LiveRegion message={useAppStore((state) => state.liveMessage)} />;
}

/** A source whose children of `slowParent` wait until the test resolves them. */
function slowSource(slowParent: string): { source: OrgDataSource; pending: Deferred<void> } {
  const memory = createMemorySource(SMALL_TREE);
  const pending = deferred<void>();
  const source: OrgDataSource = {
    ...memory,
    children: async (parentId) => {
      if (parentId === slowParent) await pending.promise;
      return memory.children(parentId);
    },
  };
  return { source, pending };
}

function liveText(): string {
  return screen.getByRole('status').textContent ?? '';
}

describe('OrgTree lazy loading', () => {
  it('shows and announces a Loading… treeitem, keeping focus on the parent', async () => {
    const { source, pending } = slowSource('acme');
    renderWithStore(
      <>
        <OrgTreePanel />
        <ConnectedLiveRegion />
      </>,
      source,
    );
    await screen.findByText('Acme');
    focus(rowNamed('Acme'));

    press('ArrowRight');

    const loading = treeRows()[1] as HTMLElement;
    expect(loading.textContent).toBe('Loading…');
    expect(loading.getAttribute('aria-level')).toBe('2');
    expect(loading.getAttribute('aria-posinset')).toBe('1');
    expect(loading.getAttribute('aria-setsize')).toBe('1');
    expect(rowNamed('Acme').getAttribute('aria-expanded')).toBe('true');
    expect(focusedRowName()).toBe('Acme');
    expect(liveText()).toBe('Loading organizations under Acme…');

    await actAndSettle(() => pending.resolve());

    expect(rowNames()).toEqual(['Acme', 'Alpha', 'Beta', 'Gamma', 'Bolt', 'Cobalt']);
    expect(focusedRowName()).toBe('Acme');
  });

  it('shows an announced, reachable error row whose Enter retries', async () => {
    const source = createMemorySource(SMALL_TREE);
    source.failNextChildren('acme', 'The server answered 503.');
    renderWithStore(
      <>
        <OrgTreePanel />
        <ConnectedLiveRegion />
      </>,
      source,
    );
    await screen.findByText('Acme');
    focus(rowNamed('Acme'));

    press('ArrowRight');
    const error = await within(screen.getByRole('tree')).findByText(/Could not load organizations/);
    const errorRow = error.closest('[role="treeitem"]') as HTMLElement;
    expect(errorRow.textContent).toContain('The server answered 503.');
    expect(errorRow.getAttribute('aria-level')).toBe('2');
    expect(liveText()).toBe('Could not load organizations under Acme: The server answered 503.');

    press('ArrowDown');
    expect(document.activeElement).toBe(errorRow);
    await actAndSettle(() => press('Enter'));

    expect(rowNames()).toEqual(['Acme', 'Alpha', 'Beta', 'Gamma', 'Bolt', 'Cobalt']);
    expect(focusedRowName()).toBe('Acme');
  });

  it('retries from the error row’s button, which is not a separate tab stop', async () => {
    const source = createMemorySource(SMALL_TREE);
    source.failNextChildren('bolt', 'Timed out.');
    renderWithStore(<OrgTreePanel />, source);
    await screen.findByText('Bolt');
    focus(rowNamed('Bolt'));
    press('ArrowRight');
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(retry.tabIndex).toBe(-1);

    await actAndSettle(() => retry.click());

    expect(rowNames()).toContain('Bolt One');
  });

  it('shows a failed root load as an error row with Retry', async () => {
    const source = createMemorySource(SMALL_TREE);
    source.failNextChildren(null, 'Offline and no cache.');
    renderWithStore(<OrgTreePanel />, source);

    const error = await screen.findByText(/Could not load organizations/);
    const errorRow = error.closest('[role="treeitem"]') as HTMLElement;
    expect(errorRow.getAttribute('aria-level')).toBe('1');
    expect(errorRow.tabIndex).toBe(0);
    focus(errorRow);
    await actAndSettle(() => press('Enter'));

    expect(rowNames()).toEqual(['Acme', 'Bolt', 'Cobalt']);
  });
});
