/**
 * With 100 000 organizations the tree renders only a window of rows, and each rendered row's
 * ARIA position still comes from the data, not from where it sits in the DOM.
 */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateOrgTree } from '../../../renderer/features/orgs/fake/fakeTree';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import { OrgTreePanel } from '../../../renderer/features/orgs/OrgTreePanel';
import type { OrgNode } from '../../../renderer/features/orgs/source';
import './helpers/dom';
import { renderWithStore } from './helpers/render';
import { focus, focusedRowName, press, tabbableRows, treeRows } from './helpers/tree';

const SIZE = 100_000;

function flatOrgs(count: number): OrgNode[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `org-${i}`,
    name: `Org ${String(i).padStart(6, '0')}`,
    orgHandle: `org-${i}`,
    parentId: null,
    hasChildren: false,
    depth: 0,
  }));
}

describe('OrgTree virtualization', () => {
  it('renders a window of 100 000 top-level orgs with data-model positions', async () => {
    renderWithStore(<OrgTreePanel />, createMemorySource(flatOrgs(SIZE)));
    await screen.findByText('Org 000000');

    const rows = treeRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    rows.forEach((row, i) => {
      expect(row.getAttribute('aria-setsize')).toBe(String(SIZE));
      expect(row.getAttribute('aria-posinset')).toBe(String(i + 1));
    });
  });

  it('keeps the focused row rendered after End jumps to the last of 100 000', async () => {
    renderWithStore(<OrgTreePanel />, createMemorySource(flatOrgs(SIZE)));
    await screen.findByText('Org 000000');
    focus(treeRows()[0] as HTMLElement);

    press('End');

    expect(focusedRowName()).toBe('Org 099999');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe(String(SIZE));
    expect(tabbableRows()).toHaveLength(1);
    expect(treeRows().length).toBeLessThan(100);
  });

  it('expands all top-level orgs of a generated 100 000-org tree, rendering a window', async () => {
    const nodes = generateOrgTree({ size: SIZE, seed: 3 });
    const { store } = renderWithStore(<OrgTreePanel />, createMemorySource(nodes));
    await screen.findAllByRole('treeitem');
    const roots = nodes.filter((node) => node.parentId === null);

    await act(async () => {
      store.getState().expandSiblingOrgs(roots[0]?.id ?? '');
      await Promise.all(roots.map((root) => store.getState().loadChildren(root.id)));
    });

    const second = treeRows()[1] as HTMLElement;
    const firstRootChildren = nodes.filter((node) => node.parentId === roots[0]?.id);
    expect(second.getAttribute('aria-level')).toBe('2');
    expect(second.getAttribute('aria-setsize')).toBe(String(firstRootChildren.length));
    expect(treeRows().length).toBeLessThan(100);
  });
});
