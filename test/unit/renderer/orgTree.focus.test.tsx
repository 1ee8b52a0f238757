/**
 * Focus is never lost to <body>: after collapsing a branch that held focus, removing the
 * focused organization, or a background refresh that re-renders or drops rows.
 */
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemorySource } from '../../../renderer/features/orgs/fake/memorySource';
import { OrgTreePanel } from '../../../renderer/features/orgs/OrgTreePanel';
import './helpers/dom';
import { SMALL_TREE } from './helpers/fixtures';
import { renderWithStore } from './helpers/render';
import { focus, focusedRowName, press, rowNamed, rowNames } from './helpers/tree';

async function renderExpanded(): Promise<{
  store: ReturnType<typeof renderWithStore>['store'];
  source: ReturnType<typeof createMemorySource>;
}> {
  const source = createMemorySource(SMALL_TREE);
  const { store } = renderWithStore(<OrgTreePanel />, source);
  await screen.findByText('Acme');
  await act(async () => {
    store.getState().setOrgExpanded('acme', true);
    await store.getState().loadChildren('acme');
  });
  await act(async () => {
    store.getState().setOrgExpanded('beta', true);
    await store.getState().loadChildren('beta');
  });
  expect(rowNames()).toEqual(['Acme', 'Alpha', 'Beta', 'Bravo', 'Blue', 'Gamma', 'Bolt', 'Cobalt']);
  return { store, source };
}

describe('OrgTree focus', () => {
  it('moves focus to the collapsed ancestor when the branch holding focus collapses', async () => {
    const { store } = await renderExpanded();
    focus(rowNamed('Blue'));

    act(() => store.getState().setOrgExpanded('acme', false));

    expect(rowNames()).toEqual(['Acme', 'Bolt', 'Cobalt']);
    expect(document.activeElement).not.toBe(document.body);
    expect(focusedRowName()).toBe('Acme');
    expect(rowNamed('Acme').tabIndex).toBe(0);
  });

  it('moves focus to the parent when the collapse is done with the mouse toggle', async () => {
    await renderExpanded();
    focus(rowNamed('Bravo'));

    act(() => rowNamed('Beta').querySelector<HTMLElement>('.org-tree-toggle')?.click());

    expect(rowNames()).not.toContain('Bravo');
    expect(focusedRowName()).toBe('Beta');
  });

  it('moves focus to the next sibling when the focused organization is removed', async () => {
    const { store } = await renderExpanded();
    focus(rowNamed('Beta'));

    act(() => store.getState().removeOrg('beta'));

    expect(rowNames()).toEqual(['Acme', 'Alpha', 'Gamma', 'Bolt', 'Cobalt']);
    expect(focusedRowName()).toBe('Gamma');
  });

  it('falls back to the previous sibling, then to the parent', async () => {
    const { store } = await renderExpanded();
    focus(rowNamed('Gamma'));

    act(() => store.getState().removeOrg('gamma'));
    expect(focusedRowName()).toBe('Beta');

    act(() => store.getState().removeOrg('alpha'));
    act(() => store.getState().removeOrg('beta'));
    expect(focusedRowName()).toBe('Acme');
  });

  it('keeps focus on the same row through a background refresh', async () => {
    const { store } = await renderExpanded();
    focus(rowNamed('Bravo'));
    press('ArrowDown');
    expect(focusedRowName()).toBe('Blue');

    await act(() => store.getState().refreshOrgTree());

    expect(focusedRowName()).toBe('Blue');
    expect(rowNamed('Blue').tabIndex).toBe(0);
  });

  it('moves focus to the nearest row when a refresh drops the focused org', async () => {
    const { store, source } = await renderExpanded();
    focus(rowNamed('Bravo'));
    source.removeNode('bravo');

    await act(() => store.getState().refreshOrgTree());

    expect(rowNames()).toEqual(['Acme', 'Alpha', 'Beta', 'Blue', 'Gamma', 'Bolt', 'Cobalt']);
    expect(focusedRowName()).toBe('Blue');
  });

  it('does not pull focus back into the tree when focus is elsewhere', async () => {
    const { store } = await renderExpanded();
    const outside = document.createElement('button');
    document.body.append(outside);
    focus(rowNamed('Blue'));
    focus(outside);

    act(() => store.getState().setOrgExpanded('acme', false));

    await waitFor(() => expect(document.activeElement).toBe(outside));
    outside.remove();
  });
});
