/** The org tree's keyboard model, per the WAI-ARIA APG tree pattern, on a real store. */
import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrgTreePanel } from '../../../renderer/features/orgs/OrgTreePanel';
import './helpers/dom';
import { SMALL_TREE } from './helpers/fixtures';
import { memorySource, renderWithStore } from './helpers/render';
import {
  focus,
  focusedRowName,
  nextTabStop,
  press,
  rowNamed,
  rowNames,
  tabbableRows,
  treeRows,
} from './helpers/tree';

async function renderTree(): Promise<ReturnType<typeof renderWithStore>> {
  const rendered = renderWithStore(
    <>
      <button type="button">Before</button>
      <OrgTreePanel />
      <button type="button">After</button>
    </>,
    memorySource(SMALL_TREE),
  );
  await screen.findByText('Acme');
  return rendered;
}

async function expandAndWait(name: string, firstChild: string): Promise<void> {
  focus(rowNamed(name));
  press('ArrowRight');
  await screen.findByText(firstChild);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('OrgTree keyboard', () => {
  it('has one named tree, named treeitems, and aria-expanded only on parents', async () => {
    await renderTree();

    const tree = screen.getByRole('tree', { name: 'Organizations' });
    expect(screen.getAllByRole('tree')).toEqual([tree]);
    expect(rowNames()).toEqual(['Acme', 'Bolt', 'Cobalt']);
    for (const row of treeRows()) expect(row.textContent?.trim()).not.toBe('');
    expect(rowNamed('Acme').getAttribute('aria-expanded')).toBe('false');
    expect(rowNamed('Cobalt').hasAttribute('aria-expanded')).toBe(false);
  });

  it('moves with Down, Up, Home and End, keeping exactly one row tabbable', async () => {
    await renderTree();
    expect(tabbableRows()).toEqual([rowNamed('Acme')]);

    focus(rowNamed('Acme'));
    press('ArrowDown');
    expect(focusedRowName()).toBe('Bolt');
    press('ArrowDown');
    press('ArrowDown');
    expect(focusedRowName()).toBe('Cobalt');
    press('ArrowUp');
    expect(focusedRowName()).toBe('Bolt');
    press('Home');
    expect(focusedRowName()).toBe('Acme');
    press('End');
    expect(focusedRowName()).toBe('Cobalt');
    expect(tabbableRows()).toEqual([rowNamed('Cobalt')]);
  });

  it('expands with Right, then enters the first child; Left goes up, then collapses', async () => {
    await renderTree();
    focus(rowNamed('Acme'));

    press('ArrowRight');
    expect(rowNamed('Acme').getAttribute('aria-expanded')).toBe('true');
    expect(focusedRowName()).toBe('Acme');
    await screen.findByText('Alpha');
    expect(rowNames()).toEqual(['Acme', 'Alpha', 'Beta', 'Gamma', 'Bolt', 'Cobalt']);
    expect(focusedRowName()).toBe('Acme');

    press('ArrowRight');
    expect(focusedRowName()).toBe('Alpha');
    press('ArrowRight');
    expect(focusedRowName()).toBe('Alpha');
    press('ArrowLeft');
    expect(focusedRowName()).toBe('Acme');
    press('ArrowLeft');
    expect(rowNamed('Acme').getAttribute('aria-expanded')).toBe('false');
    expect(rowNames()).toEqual(['Acme', 'Bolt', 'Cobalt']);
    expect(focusedRowName()).toBe('Acme');
    press('ArrowLeft');
    expect(focusedRowName()).toBe('Acme');
  });

  it('selects with Enter and Space', async () => {
    const { store } = await renderTree();
    focus(rowNamed('Acme'));

    press('Enter');
    expect(rowNamed('Acme').getAttribute('aria-selected')).toBe('true');
    expect(store.getState().selectedOrgId).toBe('acme');
    press('ArrowDown');
    press(' ');
    expect(rowNamed('Bolt').getAttribute('aria-selected')).toBe('true');
    expect(rowNamed('Acme').getAttribute('aria-selected')).toBe('false');
    expect(store.getState().selectedOrgId).toBe('bolt');
  });

  it('expands all expandable siblings with *, leaving focus where it was', async () => {
    await renderTree();
    focus(rowNamed('Bolt'));

    press('*');
    await screen.findByText('Bolt One');
    await screen.findByText('Alpha');
    expect(rowNamed('Acme').getAttribute('aria-expanded')).toBe('true');
    expect(rowNamed('Bolt').getAttribute('aria-expanded')).toBe('true');
    expect(rowNamed('Cobalt').hasAttribute('aria-expanded')).toBe(false);
    expect(rowNamed('Beta').getAttribute('aria-expanded')).toBe('false');
    expect(focusedRowName()).toBe('Bolt');
  });

  it('jumps with type-ahead, cycling on a repeated letter, matching prefixes', async () => {
    await renderTree();
    await expandAndWait('Acme', 'Alpha');
    await expandAndWait('Beta', 'Bravo');
    expect(rowNames()).toEqual([
      'Acme',
      'Alpha',
      'Beta',
      'Bravo',
      'Blue',
      'Gamma',
      'Bolt',
      'Cobalt',
    ]);

    vi.useFakeTimers();
    focus(rowNamed('Acme'));
    press('b');
    expect(focusedRowName()).toBe('Beta');
    press('b');
    expect(focusedRowName()).toBe('Bravo');
    press('b');
    expect(focusedRowName()).toBe('Blue');

    act(() => {
      vi.advanceTimersByTime(1000);
    });
    focus(rowNamed('Acme'));
    press('b');
    press('o');
    expect(focusedRowName()).toBe('Bolt');

    act(() => {
      vi.advanceTimersByTime(1000);
    });
    press('C');
    expect(focusedRowName()).toBe('Cobalt');
    press('z');
    expect(focusedRowName()).toBe('Cobalt');
  });

  it('leaves the tree with one Tab from any row', async () => {
    await renderTree();
    await expandAndWait('Acme', 'Alpha');

    focus(rowNamed('Acme'));
    press('ArrowDown');
    press('ArrowDown');
    expect(focusedRowName()).toBe('Beta');
    expect(tabbableRows()).toHaveLength(1);
    expect(nextTabStop()?.textContent).toBe('After');
  });
});

describe('OrgTree focus on mount', () => {
  it('does not take focus by itself', async () => {
    await renderTree();
    await waitFor(() => expect(treeRows()).toHaveLength(3));
    expect(document.activeElement).toBe(document.body);
  });
});
