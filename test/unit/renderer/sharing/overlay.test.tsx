/** The Organizations screen with the sharing overlay: words per row, roles, summary counts. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrgsScreen } from '../../../../renderer/features/orgs/OrgsScreen';
import { StoreProvider } from '../../../../renderer/store/StoreProvider';
import '../helpers/dom';
import { ok } from '../profiles/fakeApi';
import {
  BUSINESS,
  EUROPE,
  sharedEffective,
  sharedSnapshot,
  sharingBench,
  SUPPORT,
} from './fixtures';

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function row(name: RegExp): HTMLElement {
  return screen.getAllByRole('treeitem', { name }).at(0)!;
}

describe('sharing overlay on the org tree', () => {
  it('decorates each row with how the agent reaches it and flags missing roles', async () => {
    const { store, fake } = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: sharedSnapshot(), effective: sharedEffective() }),
    });
    render(
      <StoreProvider store={store}>
        <OrgsScreen />
      </StoreProvider>,
    );
    await settle();
    expect(within(row(/^Business\b/)).queryByText('Direct')).toBeNull();

    fireEvent.change(screen.getByLabelText('Show the sharing of agent'), {
      target: { value: SUPPORT },
    });
    await settle();
    act(() => store.getState().setOrgExpanded(BUSINESS, true));
    await settle();
    act(() => store.getState().setOrgExpanded(EUROPE, true));
    await settle();

    expect(fake.calls.getEffectiveSharing?.at(-1)).toEqual({
      profileId: 'sandbox',
      agentId: SUPPORT,
    });
    expect(row(/^Business\b/).textContent).toContain('Direct');
    expect(row(/^Business\b/).textContent).toContain('Roles as expected: Org Viewer');
    expect(row(/^Business Europe\b/).textContent).toContain('Inherited from Business');
    expect(row(/^Berlin\b/).textContent).toContain('Inherited from Business');
    expect(row(/^Berlin\b/).textContent).toContain('Roles differ: missing Org Viewer');
    expect(row(/^Retail\b/).textContent).toContain('Not shared');

    const summary = screen.getByRole('group', { name: 'Sharing summary' });
    expect(summary.textContent).toContain(
      'Support Assistant is shared with selected organizations: 3 organizations reached.',
    );
    expect(summary.textContent).toContain('Direct: 1');
    expect(summary.textContent).toContain('Inherited: 2');
    expect(summary.textContent).toContain('Roles differ: 1');
  });

  it('takes the overlay off when no agent is chosen', async () => {
    const { store } = await sharingBench({
      getEffectiveSharing: () => ok({ snapshot: sharedSnapshot(), effective: sharedEffective() }),
    });
    render(
      <StoreProvider store={store}>
        <OrgsScreen />
      </StoreProvider>,
    );
    await settle();
    const picker = screen.getByLabelText('Show the sharing of agent');
    fireEvent.change(picker, { target: { value: SUPPORT } });
    await settle();
    expect(row(/^Retail\b/).textContent).toContain('Not shared');
    fireEvent.change(picker, { target: { value: '' } });
    await settle();
    expect(row(/^Retail\b/).textContent).not.toContain('Not shared');
    expect(screen.queryByRole('group', { name: 'Sharing summary' })).toBeNull();
  });
});
