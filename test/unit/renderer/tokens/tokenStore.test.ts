/** The workbench slices over a fake bridge: what is sent, what is kept, what is never kept. */
import { describe, expect, it } from 'vitest';
import { deferred } from '../helpers/fixtures';
import { ok } from '../profiles/fakeApi';
import { DIFF, heldToken, outcome, RAW_TOKEN, report, step, workbench } from './fixtures';

describe('inspector state', () => {
  it('sends a pasted token for inspection but keeps only its masked form in state', async () => {
    const { store, fake } = await workbench({ inspectToken: () => ok(report()) });

    await store.getState().inspect(
      { kind: 'raw', token: `  ${RAW_TOKEN}\n` },
      {
        verify: true,
        introspect: false,
      },
    );

    expect(fake.calls.inspectToken).toEqual([
      { source: { kind: 'raw', token: RAW_TOKEN }, introspect: false, profileId: 'sandbox' },
    ]);
    const { inspector } = store.getState();
    expect(inspector.status).toBe('done');
    expect(inspector.subject).toEqual({ kind: 'raw', masked: 'eyJhbG…Ynl0 (120 chars)' });
    expect(JSON.stringify(store.getState())).not.toContain(RAW_TOKEN.slice(20, 60));
  });

  it('sends no profile when the user chose not to verify, so nothing is fetched for it', async () => {
    const { store, fake } = await workbench({ inspectToken: () => ok(report()) });

    await store.getState().inspect(
      { kind: 'raw', token: RAW_TOKEN },
      {
        verify: false,
        introspect: true,
      },
    );

    expect(fake.calls.inspectToken?.[0]).toEqual({
      source: { kind: 'raw', token: RAW_TOKEN },
      introspect: false,
    });
    expect(store.getState().inspector.verified).toBe(false);
  });

  it('introspects the pasted token again on request, and forgets it when cleared', async () => {
    const { store, fake } = await workbench({ inspectToken: () => ok(report()) });
    await store.getState().inspect(
      { kind: 'raw', token: RAW_TOKEN },
      {
        verify: true,
        introspect: false,
      },
    );

    await store.getState().introspectCurrent();
    expect(fake.calls.inspectToken?.[1]).toMatchObject({
      source: { kind: 'raw', token: RAW_TOKEN },
      introspect: true,
    });

    store.getState().clearInspector();
    await store.getState().introspectCurrent();
    expect(fake.calls.inspectToken).toHaveLength(2);
    expect(store.getState().inspector.subject).toBeNull();
  });

  it('reports a malformed answer with the failing field instead of showing it', async () => {
    const { store } = await workbench({
      inspectToken: () => ok({ ...report(), verification: { state: 'trust me' } } as never),
    });

    await store.getState().inspect(
      { kind: 'held', tokenRef: 'ref-1' },
      {
        verify: true,
        introspect: false,
      },
    );

    const { inspector } = store.getState();
    expect(inspector.status).toBe('failed');
    expect(inspector.report).toBeNull();
    expect(inspector.error?.message).toContain('verification.state');
  });

  it('keeps only the newest inspection when two overlap', async () => {
    const slow = deferred<Awaited<ReturnType<typeof ok<ReturnType<typeof report>>>>>();
    let calls = 0;
    const { store } = await workbench({
      inspectToken: () => (++calls === 1 ? slow.promise : ok(report({ length: 2 }))),
    });

    const first = store.getState().inspect(
      { kind: 'held', tokenRef: 'a' },
      {
        verify: true,
        introspect: false,
      },
    );
    await store.getState().inspect(
      { kind: 'held', tokenRef: 'b' },
      {
        verify: true,
        introspect: false,
      },
    );
    slow.resolve({ ok: true, value: report({ length: 1 }) });
    await first;

    expect(store.getState().inspector.report?.length).toBe(2);
  });
});

describe('held tokens', () => {
  it('lists the active profile’s tokens and hands a copied token to the caller only', async () => {
    const { store, fake } = await workbench({
      listTokens: () => ok([heldToken()]),
      copyToken: () => ok({ token: RAW_TOKEN }),
    });
    await store.getState().loadHeldTokens();

    const copied = await store.getState().copyHeldToken('ref-1');

    expect(copied).toBe(RAW_TOKEN);
    expect(fake.calls.copyToken).toEqual([{ profileId: 'sandbox', tokenRef: 'ref-1' }]);
    expect(store.getState().heldTokens.map((t) => t.tokenRef)).toEqual(['ref-1']);
    expect(JSON.stringify(store.getState())).not.toContain(RAW_TOKEN);
  });

  it('says how many revocations are pending after a sign-out the server could not take', async () => {
    const { store } = await workbench({
      signOut: () =>
        ok({
          ok: true,
          flowId: 'f',
          revoked: 1,
          pending: [
            {
              id: 'p',
              tokenType: 'refresh_token',
              clientId: 'c',
              preview: 'x',
              attempts: 1,
              state: 'pending',
            },
          ],
        }),
    });

    await store.getState().signOutAll();

    expect(store.getState().toasts.at(-1)?.text).toBe(
      'Signed out: 1 revoked at the server, 1 pending (retried in the background). The local copies are deleted.',
    );
  });
});

describe('flow runs', () => {
  it('builds a run from its events, ignoring other profiles, then settles it from the answer', async () => {
    const answer = deferred<Awaited<ReturnType<typeof ok<ReturnType<typeof outcome>>>>>();
    const { store, fake } = await workbench({
      agentLogin: () => answer.promise,
      getTimeline: () => ok([step(0), step(1)]),
    });

    const running = store.getState().runAgentLogin({
      agentId: 'a',
      clientId: 'c',
      redirectUri: 'http://127.0.0.1/callback',
      scopes: [],
    });
    fake.emit('flowEvent', {
      profileId: 'sandbox',
      type: 'flow-started',
      flowId: 'flow-1',
      kind: 'agent-login',
    });
    fake.emit('flowEvent', { profileId: 'sandbox', type: 'step', flowId: 'flow-1', step: step(1) });
    fake.emit('flowEvent', { profileId: 'other', type: 'step', flowId: 'flow-1', step: step(5) });

    const live = store.getState().flowRuns.get('flow-1');
    expect(live?.status).toBe('running');
    expect(live?.steps.map((s) => s.index)).toEqual([1]);
    expect(store.getState().selectedFlowId).toBe('flow-1');
    expect(store.getState().flowForms['agent-login'].status).toBe('running');

    answer.resolve({ ok: true, value: outcome() });
    await running;

    const done = store.getState().flowRuns.get('flow-1');
    expect(done?.status).toBe('succeeded');
    expect(done?.steps.map((s) => s.index)).toEqual([0, 1]);
    expect(store.getState().flowForms['agent-login']).toMatchObject({
      status: 'succeeded',
      flowId: 'flow-1',
    });
    expect(fake.listenerCount('flowEvent')).toBe(1);
  });

  it('files a failed login with the server’s words and the attempts left', async () => {
    const { store } = await workbench({
      agentLogin: () =>
        ok({
          ok: false,
          flowId: 'flow-2',
          error: {
            kind: 'authentication_failed',
            message: 'Invalid username or password.',
            remainingAttempts: 2,
            server: {
              messages: [
                { messageId: 'msg_invalid_un_pw', message: 'Invalid username or password.' },
              ],
            },
          },
        }),
    });

    await store.getState().runAgentLogin({
      agentId: 'a',
      clientId: 'c',
      redirectUri: 'http://127.0.0.1/callback',
      scopes: [],
    });

    expect(store.getState().flowForms['agent-login'].error).toEqual({
      title: 'The agent could not sign in',
      message: 'Invalid username or password.',
      details: ['2 attempts remaining before the agent is locked.'],
    });
    expect(store.getState().flowRuns.get('flow-2')?.status).toBe('failed');
  });

  it('waits for an OBO run by its id and cancels that run on request', async () => {
    const result = deferred<Awaited<ReturnType<typeof ok<ReturnType<typeof outcome>>>>>();
    const { store, fake } = await workbench({
      startOboRun: () => ok({ runId: 'run-9' }),
      awaitOboRun: () => result.promise,
      cancelOboRun: () => ok({ cancelled: true }),
    });

    const running = store.getState().runObo({
      organizationId: 'org',
      agentId: 'a',
      clientId: 'obo-client',
      scopes: ['openid'],
      actor: { tokenRef: 'ref-1' },
      isolated: true,
    });
    await expect.poll(() => store.getState().oboRunId).toBe('run-9');
    await store.getState().cancelObo();
    result.resolve({
      ok: true,
      value: outcome({
        ok: false,
        flowId: 'run-9',
        token: undefined,
        error: { kind: 'cancelled', message: 'The run was cancelled.' },
      }),
    });
    await running;

    expect(fake.calls.awaitOboRun).toEqual([{ profileId: 'sandbox', runId: 'run-9' }]);
    expect(fake.calls.cancelOboRun).toEqual([{ profileId: 'sandbox', runId: 'run-9' }]);
    expect(store.getState().oboRunId).toBeNull();
    expect(store.getState().flowForms.obo.error?.title).toBe('The run was cancelled');
  });
});

describe('comparison', () => {
  it('stores the diff of two held tokens', async () => {
    const { store, fake } = await workbench({ diffTokens: () => ok(DIFF) });

    await store
      .getState()
      .compareTokens({ kind: 'held', tokenRef: 'a' }, { kind: 'raw', token: RAW_TOKEN });

    expect(fake.calls.diffTokens).toEqual([
      { a: { kind: 'held', tokenRef: 'a' }, b: { kind: 'raw', token: RAW_TOKEN } },
    ]);
    expect(store.getState().comparison).toMatchObject({ status: 'done', diff: DIFF });
  });
});
