/** Revocation and sign-out: 200 is done, 503 stays pending and is retried with backoff. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_REVOCATION_RETRY } from '../../../main/flows/revocation';
import { AGENT, routeAgentLogin, unitFlows, type UnitFlows } from './support';

let f: UnitFlows;
let tokenRef: string;
let accessToken: string;

beforeEach(async () => {
  f = unitFlows();
  routeAgentLogin(f.h);
  const login = await f.service.agentLogin({
    agentId: AGENT,
    clientId: 'agent-login-app',
    redirectUri: 'http://127.0.0.1/callback',
    scopes: [],
  });
  if (!login.ok) throw new Error(login.error.message);
  tokenRef = login.token.tokenRef;
  const copy = f.service.copyToken(tokenRef);
  if (!copy.ok) throw new Error('not held');
  accessToken = copy.token;
  f.h.requests.length = 0;
});
afterEach(async () => {
  f.h.assertDone();
  await f.close();
});

const revokeBodies = () => f.h.requests.map((r) => r.body as Record<string, string>);

describe('sign-out', () => {
  it('revokes the refresh token, then the access token, and deletes the local copy', async () => {
    f.h.route('POST', '/oauth2/revoke', { status: 200 }, 2);
    const result = await f.service.signOut();

    expect(result.ok && result.revoked).toBe(2);
    expect(revokeBodies()).toEqual([
      { token: 'rt-login', token_type_hint: 'refresh_token' },
      { token: accessToken, token_type_hint: 'access_token' },
    ]);
    expect(f.h.requests[0]!.headers.authorization).toMatch(/^Basic /);
    expect(f.service.listTokens()).toEqual([]);
    expect(f.service.copyToken(tokenRef).ok).toBe(false);
  });

  it('keeps a 503 pending, deletes the local copy, retries with backoff until done', async () => {
    f.h.route('POST', '/oauth2/revoke', { status: 200 });
    f.h.route('POST', '/oauth2/revoke', { status: 503, body: 'Service Unavailable' });
    const result = await f.service.signOut();

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.revoked).toBe(1);
    expect(result.pending).toMatchObject([
      { tokenType: 'access_token', state: 'pending', attempts: 1, clientId: 'agent-login-app' },
    ]);
    expect(f.service.listTokens()).toEqual([]);
    expect(f.scheduler.delays).toEqual([DEFAULT_REVOCATION_RETRY.baseDelayMs]);

    f.h.route('POST', '/oauth2/revoke', { status: 503 });
    f.scheduler.runDue();
    await expect.poll(() => f.scheduler.delays).toEqual([2_000, 4_000]);
    expect(f.service.pendingRevocations()[0]).toMatchObject({ attempts: 2, state: 'pending' });

    f.h.route('POST', '/oauth2/revoke', { status: 200 });
    f.scheduler.runDue();
    await expect.poll(() => f.service.pendingRevocations()).toEqual([]);
    expect(
      revokeBodies()
        .slice(1)
        .map((b) => b.token),
    ).toEqual([accessToken, accessToken, accessToken]);
    const changes = f.events.filter((e) => e.type === 'revocations-changed');
    expect(changes.at(-1)).toEqual({ type: 'revocations-changed', pending: [] });
  });

  it('abandons a pending revocation after the last attempt and forgets the token', async () => {
    await f.close();
    f = unitFlows({ revocation: { policy: { maxAttempts: 2 } } });
    routeAgentLogin(f.h);
    const login = await f.service.agentLogin({
      agentId: AGENT,
      clientId: 'agent-login-app',
      redirectUri: 'http://127.0.0.1/callback',
      scopes: [],
    });
    if (!login.ok) throw new Error(login.error.message);
    f.h.route('POST', '/oauth2/revoke', { status: 200 });
    f.h.route('POST', '/oauth2/revoke', { status: 503 }, 2);
    await f.service.signOut();
    f.scheduler.runDue();

    await expect.poll(() => f.service.pendingRevocations()[0]?.state).toBe('abandoned');
    f.scheduler.runDue();
    expect(f.service.pendingRevocations()[0]).toMatchObject({ attempts: 2 });
  });

  it('reports a refusal that is not about availability without retrying', async () => {
    f.h.route('POST', '/oauth2/revoke', {
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client Authentication failed.' },
    });
    f.h.route('POST', '/oauth2/revoke', { status: 200 });
    const result = await f.service.revoke(tokenRef);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.failed).toMatchObject([
      { tokenType: 'refresh_token', message: 'The server answered HTTP 401.' },
    ]);
    expect(result.revoked).toBe(1);
    expect(result.pending).toEqual([]);
    expect(f.scheduler.delays).toEqual([]);
    expect(f.service.listTokens()).toEqual([]);
  });
});

describe('backoff', () => {
  it('doubles from the base delay up to the cap', () => {
    const policy = { baseDelayMs: 1_000, maxDelayMs: 5_000, maxAttempts: 9 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(policy, n))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });
});
