/** The Flows tab: errors in the server's words, the live timeline, curl export, held tokens. */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentLoginForm } from '../../../../renderer/features/tokens/AgentLoginForm';
import { HeldTokens } from '../../../../renderer/features/tokens/HeldTokens';
import { RunTimeline } from '../../../../renderer/features/tokens/RunTimeline';
import '../helpers/dom';
import { ok } from '../profiles/fakeApi';
import { AGENT, heldToken, PROFILE, RAW_TOKEN, step, USER, workbench } from './fixtures';
import { renderIn } from './render';

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
}

afterEach(() => {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
});

describe('AgentLoginForm', () => {
  it('sends the chosen agent and shows a wrong secret’s error with the attempts left', async () => {
    const bench = await workbench({
      agentLogin: () =>
        ok({
          ok: false,
          flowId: 'flow-1',
          error: {
            kind: 'authentication_failed',
            message: 'Invalid username or password.',
            remainingAttempts: 1,
          },
        }),
    });
    renderIn(
      bench,
      <AgentLoginForm
        profile={{
          ...PROFILE,
          agents: [{ agentId: AGENT, label: 'Support Assistant', hasSecret: true }],
        }}
      />,
    );

    fireEvent.change(screen.getByRole('textbox', { name: 'Scopes' }), {
      target: { value: 'openid  tickets:read' },
    });
    act(() => screen.getByRole('button', { name: 'Sign in the agent' }).click());
    await settle();

    expect(bench.fake.calls.agentLogin).toEqual([
      {
        profileId: 'sandbox',
        agentId: AGENT,
        clientId: 'agent-login-app',
        redirectUri: 'http://127.0.0.1/callback',
        scopes: ['openid', 'tickets:read'],
      },
    ]);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The agent could not sign in');
    expect(alert.textContent).toContain('Invalid username or password.');
    expect(alert.textContent).toContain('1 attempt remaining before the agent is locked.');
  });

  it('refuses a scope that is not a scope token before anything is sent', async () => {
    const bench = await workbench();
    renderIn(
      bench,
      <AgentLoginForm
        profile={{ ...PROFILE, agents: [{ agentId: AGENT, label: 'A', hasSecret: true }] }}
      />,
    );

    fireEvent.change(screen.getByRole('textbox', { name: 'Scopes' }), {
      target: { value: 'openid "quoted"' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Agent login' }));

    expect(screen.getByText('“"quoted"” is not a valid scope.')).toBeTruthy();
    expect(bench.fake.calls.agentLogin).toBeUndefined();
  });
});

describe('RunTimeline', () => {
  it('shows each step as it arrives, with URLs as text and redacted details on demand', async () => {
    const bench = await workbench();
    bench.store.getState().listenToFlowEvents();
    renderIn(bench, <RunTimeline />);

    act(() => {
      bench.fake.emit('flowEvent', {
        profileId: 'sandbox',
        type: 'flow-started',
        flowId: 'flow-1',
        kind: 'obo',
      });
      bench.fake.emit('flowEvent', {
        profileId: 'sandbox',
        type: 'step',
        step: step(0, {
          label: 'Switch organization',
          url: 'https://127.0.0.1:9443/oauth2/token?x=<b>',
          requestBody: { token: '[redacted len=900]' },
          status: 400,
        }),
      });
    });

    const timeline = screen.getByRole('region', { name: 'Timeline: OBO consent run' });
    expect(within(timeline).getByText('Running')).toBeTruthy();
    expect(within(timeline).getByText('HTTP 400')).toBeTruthy();
    expect(within(timeline).getByText('https://127.0.0.1:9443/oauth2/token?x=<b>')).toBeTruthy();
    expect(timeline.querySelector('a, b')).toBeNull();
    expect(timeline.querySelector('details pre')?.textContent).toContain('[redacted len=900]');

    act(() =>
      bench.fake.emit('flowEvent', {
        profileId: 'sandbox',
        type: 'flow-finished',
        flowId: 'flow-1',
        ok: true,
      }),
    );
    expect(within(timeline).getByText('Delegated')).toBeTruthy();
  });

  it('copies curl with placeholders, and reveals secrets only after confirmation', async () => {
    const bench = await workbench({
      exportCurl: ({ reveal }) =>
        ok({ text: reveal ? 'curl -d secret=REAL' : 'curl -d secret=$SECRET' }),
    });
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    bench.store.getState().listenToFlowEvents();
    renderIn(bench, <RunTimeline />);
    act(() =>
      bench.fake.emit('flowEvent', {
        profileId: 'sandbox',
        type: 'flow-started',
        flowId: 'flow-1',
        kind: 'agent-login',
      }),
    );

    act(() => screen.getByRole('button', { name: 'Copy as curl' }).click());
    await settle();
    expect(writeText).toHaveBeenCalledWith('curl -d secret=$SECRET');

    act(() => screen.getByRole('button', { name: 'Reveal secrets…' }).click());
    const dialog = screen.getByRole('dialog', { name: 'Reveal secrets in the curl commands?' });
    expect(bench.fake.calls.exportCurl?.map((call) => call.reveal)).toEqual([false]);
    act(() => within(dialog).getByRole('button', { name: 'Reveal secrets' }).click());
    await settle();

    expect(bench.fake.calls.exportCurl?.map((call) => call.reveal)).toEqual([false, true]);
    const field = screen.getByRole('textbox', { name: 'curl commands with secrets' });
    expect((field as HTMLTextAreaElement).value).toBe('curl -d secret=REAL');
    expect(field.hasAttribute('readonly')).toBe(true);
    act(() => screen.getByRole('button', { name: 'Done' }).click());
    expect(screen.queryByRole('textbox', { name: 'curl commands with secrets' })).toBeNull();
  });
});

describe('HeldTokens', () => {
  it('lists tokens masked with a live expiry countdown', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const bench = await workbench({ listTokens: () => ok([heldToken()]) });
    await bench.store.getState().loadHeldTokens();
    renderIn(bench, <HeldTokens />);

    const row = screen.getByRole('row', { name: /eyJhbG…Q9x/ });
    expect(row.textContent).toContain('Business (3b1c6a52-8f0e-4c5e-9d2a-6f1b7c2e4a10)');
    expect(row.textContent).toContain(`Support Assistant for ${USER}${AGENT} for ${USER}`);
    expect(row.textContent).toContain('Expires in 1 h 00 min');
    bench.now.value += 61_000;
    act(() => void vi.advanceTimersByTime(1_000));
    expect(row.textContent).toContain('Expires in 58 min 59 s');
    vi.useRealTimers();
  });

  it('shows the token in a read-only field when the clipboard is refused', async () => {
    const bench = await workbench({
      listTokens: () => ok([heldToken()]),
      copyToken: () => ok({ token: RAW_TOKEN }),
    });
    stubClipboard(() => Promise.reject(new Error('denied')));
    await bench.store.getState().loadHeldTokens();
    renderIn(bench, <HeldTokens />);

    act(() => screen.getByRole('button', { name: /^Copy OBO \(delegated\) token/ }).click());
    await settle();

    const field = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Access token' });
    expect(field.value).toBe(RAW_TOKEN);
    expect(field.readOnly).toBe(true);
    act(() => screen.getByRole('button', { name: 'Done' }).click());
    expect(document.body.innerHTML).not.toContain(RAW_TOKEN);
  });

  it('revokes every token only after the sign-out is confirmed', async () => {
    const bench = await workbench({
      listTokens: () => ok([heldToken()]),
      signOut: () => ok({ ok: true, flowId: 'f', revoked: 2 }),
    });
    await bench.store.getState().loadHeldTokens();
    renderIn(bench, <HeldTokens />);

    act(() => screen.getByRole('button', { name: 'Sign out' }).click());
    expect(bench.fake.calls.signOut).toBeUndefined();
    const dialog = screen.getByRole('dialog', { name: 'Sign out everywhere?' });
    act(() => within(dialog).getByRole('button', { name: 'Sign out' }).click());
    await settle();

    expect(bench.fake.calls.signOut).toEqual([{ profileId: 'sandbox' }]);
  });
});
