/** The OBO form: the org picked by search, the actor chosen, the run waited on and cancelled. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Envelope, FlowOutcomeView } from '../../../../preload/contract';
import { OboForm } from '../../../../renderer/features/tokens/OboForm';
import { useWorkbenchProfile } from '../../../../renderer/features/tokens/useWorkbenchProfile';
import '../helpers/dom';
import { deferred } from '../helpers/fixtures';
import { ok } from '../profiles/fakeApi';
import { AGENT, BUSINESS, heldToken, outcome, USER, workbench } from './fixtures';
import { renderIn } from './render';

function Form(): React.JSX.Element | null {
  const profile = useWorkbenchProfile();
  return profile ? <OboForm profile={profile} /> : null;
}

async function settle(ms = 0): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}

const HIT = {
  node: {
    id: BUSINESS,
    name: 'Business',
    orgHandle: 'business',
    parentId: null,
    hasChildren: true,
    depth: 1,
  },
  path: [],
};

describe('OboForm', () => {
  it('runs with the searched org and a held actor token of that org, then says delegated', async () => {
    const result = deferred<Envelope<FlowOutcomeView>>();
    const actor = heldToken({ tokenRef: 'actor-1', source: 'organization-switch', actor: AGENT });
    const elsewhere = heldToken({
      tokenRef: 'actor-2',
      source: 'organization-switch',
      organizationId: 'other',
    });
    const bench = await workbench({
      listTokens: () => ok([actor, elsewhere]),
      searchOrgs: () => ok({ total: 1, hits: [HIT] }),
      startOboRun: () => ok({ runId: 'run-1' }),
      awaitOboRun: () => result.promise,
      cancelOboRun: () => ok({ cancelled: true }),
    });
    await bench.store.getState().loadHeldTokens();
    renderIn(bench, <Form />);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Child organization' }), {
      target: { value: 'Busi' },
    });
    await settle(300);
    act(() => screen.getByRole('button', { name: 'Business' }).click());
    expect(bench.fake.calls.searchOrgs).toEqual([
      { profileId: 'sandbox', query: 'Busi', limit: 20 },
    ]);

    act(() => screen.getByRole('radio', { name: /^A held token/ }).click());
    const select = screen.getByRole('combobox', { name: 'Actor token' });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'));
    expect(options).toEqual(['', 'actor-1']);
    fireEvent.change(select, { target: { value: 'actor-1' } });
    act(() => screen.getByRole('checkbox', { name: 'Open in an isolated window' }).click());
    act(() => screen.getByRole('button', { name: 'Start OBO run' }).click());
    await settle();

    expect(bench.fake.calls.startOboRun).toEqual([
      {
        profileId: 'sandbox',
        organizationId: BUSINESS,
        agentId: AGENT,
        clientId: 'obo-client',
        scopes: ['openid'],
        actor: { tokenRef: 'actor-1' },
        isolated: true,
      },
    ]);
    expect(screen.getByText(/Waiting for the user to sign in and consent/)).toBeTruthy();

    act(() => screen.getByRole('button', { name: 'Cancel run' }).click());
    await settle();
    expect(bench.fake.calls.cancelOboRun).toEqual([{ profileId: 'sandbox', runId: 'run-1' }]);

    result.resolve({ ok: true, value: outcome({ flowId: 'run-1' }) });
    await settle();
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('Delegated');
    expect(status.textContent).toContain(`Support Assistant acts on behalf of user ${USER}.`);
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });

  it('shows a denied consent in the server’s words', async () => {
    const bench = await workbench({
      searchOrgs: () => ok({ total: 1, hits: [HIT] }),
      startOboRun: () => ok({ runId: 'run-2' }),
      awaitOboRun: () =>
        ok({
          ok: false,
          flowId: 'run-2',
          error: {
            kind: 'authorization_denied',
            message: 'User denied the consent',
            server: { error: 'access_denied', errorDescription: 'User denied the consent' },
          },
        }),
    });
    renderIn(bench, <Form />);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Child organization' }), {
      target: { value: 'Business' },
    });
    await settle(300);
    act(() => screen.getByRole('button', { name: 'Business' }).click());
    act(() => screen.getByRole('button', { name: 'Start OBO run' }).click());
    await settle();

    expect(bench.fake.calls.startOboRun?.[0]?.actor).toEqual({
      login: { clientId: 'agent-login-app', redirectUri: 'http://127.0.0.1/callback', scopes: [] },
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Consent was denied');
    expect(alert.textContent).toContain('User denied the consent');
    expect(alert.textContent).toContain('Error: access_denied');
  });
});
