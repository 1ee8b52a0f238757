/** The Compare tab: key claims first, scope entries gained and lost, pasted tokens masked. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ComparePanel } from '../../../../renderer/features/tokens/ComparePanel';
import '../helpers/dom';
import { ok } from '../profiles/fakeApi';
import { DIFF, heldToken, RAW_TOKEN, workbench } from './fixtures';
import { everythingOnPage, renderIn } from './render';

describe('ComparePanel', () => {
  it('compares a held and a pasted token claim by claim, key claims first', async () => {
    const bench = await workbench({
      listTokens: () => ok([heldToken()]),
      diffTokens: () => ok(DIFF),
    });
    await bench.store.getState().loadHeldTokens();
    renderIn(bench, <ComparePanel />);

    fireEvent.change(screen.getByRole('combobox', { name: 'Held token A' }), {
      target: { value: 'ref-1' },
    });
    const sideB = screen.getByRole('group', { name: 'Token B' });
    act(() => within(sideB).getByRole('radio', { name: 'Paste a token' }).click());
    fireEvent.change(screen.getByRole('textbox', { name: 'Pasted token B' }), {
      target: { value: RAW_TOKEN },
    });
    await act(async () => {
      screen.getByRole('button', { name: 'Compare' }).click();
      await Promise.resolve();
    });

    expect(bench.fake.calls.diffTokens).toEqual([
      { a: { kind: 'held', tokenRef: 'ref-1' }, b: { kind: 'raw', token: RAW_TOKEN } },
    ]);
    const table = await screen.findByRole('table', { name: 'Claim by claim' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'scopeKey claim',
      'actKey claim',
      'jti',
      'azp',
    ]);
    expect(rows[0]?.textContent).toContain('Gained: write');
    expect(rows[0]?.textContent).toContain('Lost: read');
    expect(rows[1]?.textContent).toContain('Only in B');
    expect(screen.getByText('2 changed, 1 only in B, 0 only in A, 1 the same.')).toBeTruthy();
    expect(everythingOnPage()).not.toContain(RAW_TOKEN);
  });

  it('hides unchanged claims on request', async () => {
    const bench = await workbench({ diffTokens: () => ok(DIFF) });
    await bench.store
      .getState()
      .compareTokens({ kind: 'held', tokenRef: 'a' }, { kind: 'held', tokenRef: 'b' });
    renderIn(bench, <ComparePanel />);

    act(() => screen.getByRole('checkbox', { name: 'Hide unchanged claims' }).click());

    const table = screen.getByRole('table', { name: 'Claim by claim' });
    expect(within(table).queryByText('azp')).toBeNull();
    expect(within(table).getByText('jti')).toBeTruthy();
  });
});
