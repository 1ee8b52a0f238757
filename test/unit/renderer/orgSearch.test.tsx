/**
 * Search across all levels of a 100 000-org tree: hits list their paths, and choosing one
 * expands its ancestors, highlights the path, and moves focus to the organization.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateOrgTree } from '../../../renderer/features/orgs/fake/fakeTree';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import { OrgsScreen } from '../../../renderer/features/orgs/OrgsScreen';
import type { OrgNode } from '../../../renderer/features/orgs/source';
import './helpers/dom';
import { SMALL_TREE } from './helpers/fixtures';
import { renderWithStore } from './helpers/render';
import { actAndSettle, focusedRowName, rowNamed } from './helpers/tree';

const nodes = generateOrgTree({ size: 100_000, seed: 11 });
const byId = new Map(nodes.map((node) => [node.id, node]));

function ancestors(node: OrgNode): OrgNode[] {
  const chain: OrgNode[] = [];
  for (let at = node.parentId; at !== null;) {
    const parent = byId.get(at) as OrgNode;
    chain.unshift(parent);
    at = parent.parentId;
  }
  return chain;
}

describe('Org search', () => {
  it('reveals and focuses a deep hit, expanding and highlighting its ancestors', async () => {
    // Generated names end in their index, so this one is unique; it sits five levels down.
    const target = nodes[54321] as OrgNode;
    expect(target.depth).toBe(5);
    const { store } = renderWithStore(<OrgsScreen />, createMemorySource(nodes));
    await screen.findAllByRole('treeitem');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search organizations' }), {
      target: { value: '54321' },
    });
    const results = await screen.findByRole('list', { name: 'Search results' });
    const hit = within(results).getByRole('button', { name: new RegExp(target.name) });
    for (const step of ancestors(target)) expect(hit.textContent).toContain(step.name);
    expect(screen.getByRole('status').textContent).toMatch(/organizations? found/);

    await actAndSettle(() => hit.click());

    expect(focusedRowName()).toBe(target.name);
    expect(document.activeElement?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.getAttribute('aria-level')).toBe('6');
    expect(store.getState().selectedOrgId).toBe(target.id);
    const path = ancestors(target).map((step) => step.id);
    expect([...store.getState().revealedPath].sort()).toEqual([...path].sort());
    for (const id of path) expect(store.getState().expandedOrgs.has(id)).toBe(true);
  });

  it('marks the path to the chosen hit in the tree', async () => {
    renderWithStore(<OrgsScreen />, createMemorySource(SMALL_TREE));
    await screen.findAllByRole('treeitem');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search organizations' }), {
      target: { value: 'bravo' },
    });
    const results = await screen.findByRole('list', { name: 'Search results' });
    const hit = within(results).getByRole('button', { name: /Bravo/ });
    expect(hit.querySelector('mark')?.textContent).toBe('Bravo');
    await actAndSettle(() => hit.click());

    expect(focusedRowName()).toBe('Bravo');
    for (const name of ['Acme', 'Beta']) {
      expect(rowNamed(name).getAttribute('aria-expanded')).toBe('true');
      expect(rowNamed(name).classList.contains('org-tree-row-on-path')).toBe(true);
    }
    expect(rowNamed('Alpha').classList.contains('org-tree-row-on-path')).toBe(false);
  });

  it('moves from the search box into the results with Down, and back with Escape', async () => {
    renderWithStore(<OrgsScreen />, createMemorySource(nodes));
    await screen.findAllByRole('treeitem');
    const box = screen.getByRole('searchbox', { name: 'Search organizations' });

    fireEvent.change(box, { target: { value: 'Northwind Retail' } });
    const results = await screen.findByRole('list', { name: 'Search results' });
    act(() => box.focus());
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const [first, second] = within(results).getAllByRole('button');
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second as HTMLElement, { key: 'Escape' });
    expect(document.activeElement).toBe(box);
  });

  it('says when nothing matches', async () => {
    renderWithStore(<OrgsScreen />, createMemorySource(nodes));
    await screen.findAllByRole('treeitem');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search organizations' }), {
      target: { value: 'no such org anywhere' },
    });

    const message = 'No organization matches “no such org anywhere”.';
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Search results' })).toBeNull();
  });
});
