/**
 * The OBO consent run end to end against the sandbox: a test browser signs Alice in to
 * Business and answers the consent page; the run exchanges the code with the agent's
 * Business token as `actor_token`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OboResult } from '../../../main/flows';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import {
  AGENT,
  BUSINESS,
  LOGIN_APP,
  LOGIN_REDIRECT,
  OBO_CLIENT,
  OTHER_AGENT,
  agentTokenIn,
  portAcceptsConnections,
  shareAgent,
  startFlowHarness,
  type FlowHarness,
} from './support';

let h: FlowHarness;
let actorRef: string;

beforeAll(async () => {
  h = await startFlowHarness();
  await shareAgent(h, AGENT, BUSINESS, ['Agent Operator']);
  await shareAgent(h, OTHER_AGENT, BUSINESS, []);
});
afterAll(async () => {
  await h.close();
});

function run(actor: { tokenRef: string } | 'login', extra: { timeoutMs?: number } = {}) {
  return h.service.startOboRun({
    organizationId: BUSINESS,
    agentId: AGENT,
    clientId: OBO_CLIENT,
    scopes: ['openid', 'tickets:read'],
    resource: 'https://api.example.com/tickets',
    actor:
      actor === 'login'
        ? { login: { clientId: LOGIN_APP, redirectUri: LOGIN_REDIRECT, scopes: ['tickets:read'] } }
        : actor,
    ...extra,
  });
}

function labels(result: OboResult): string[] {
  return h.service.timeline(result.flowId)!.map((step) => step.label);
}

const EXCHANGE = 'Exchange the authorization code with the actor token';

describe('OBO run with a fresh actor token', () => {
  it('gets a delegated token with act.sub = the agent, signing the agent in first', async () => {
    expect(h.service.listTokens()).toEqual([]);
    h.browser.plan = {
      user: { username: 'alice', password: 'alice-password' },
      consent: 'approve',
    };
    const started = run('login');
    const result = await started.result;

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.flowId).toBe(started.runId);
    expect(result.token.claims).toMatchObject({
      sub: DEMO.users.alice.id,
      act: { sub: AGENT },
      org_id: BUSINESS,
      aut: 'APPLICATION_USER',
    });
    expect(result.token.actor).toBe(`${AGENT} for ${DEMO.users.alice.id}`);

    const authorize = new URL(h.browser.opened.at(-1)!);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      requested_actor: AGENT,
      orgId: BUSINESS,
      fidp: 'OrganizationSSO',
      code_challenge_method: 'S256',
      client_id: OBO_CLIENT,
    });
    expect(authorize.searchParams.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(labels(result)).toEqual([
      'Start app-native authentication',
      'Authenticate the agent',
      'Exchange the authorization code',
      'Switch organization',
      'User sign-in and consent',
      'Authorization response',
      EXCHANGE,
    ]);
    const exchange = h.service.timeline(result.flowId)!.at(-1)!;
    expect(String(exchange.requestBody)).not.toContain('actor_token_type');
    expect(exchange.requestHeaders?.authorization).toBeUndefined();
  });
});

describe('OBO run with a held actor token', () => {
  beforeAll(async () => {
    actorRef = await agentTokenIn(h, AGENT, BUSINESS, ['tickets:read']);
  });

  it('shows the denial and holds no token when the user denies consent', async () => {
    h.browser.plan = { user: { username: 'alice', password: 'alice-password' }, consent: 'deny' };
    const before = h.service.listTokens().length;
    const result = await run({ tokenRef: actorRef }).result;

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'authorization_denied',
      message: 'User denied the consent',
      server: { error: 'access_denied' },
    });
    expect(result.token).toBeUndefined();
    expect(labels(result)).not.toContain(EXCHANGE);
    expect(h.service.listTokens()).toHaveLength(before);
  });

  it('rejects a callback with a wrong state and never reaches the token endpoint', async () => {
    h.browser.plan = {
      user: { username: 'alice', password: 'alice-password' },
      consent: 'approve',
      tamperState: 'state-of-another-attempt',
    };
    const result = await run({ tokenRef: actorRef }).result;

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('callback_rejected');
    expect(labels(result)).not.toContain(EXCHANGE);
    const httpSteps = h.service.timeline(result.flowId)!.filter((s) => s.kind === 'http');
    expect(httpSteps).toEqual([]);
  });

  it('fails the delegation when the actor token belongs to another agent', async () => {
    h.browser.plan = {
      user: { username: 'alice', password: 'alice-password' },
      consent: 'approve',
    };
    const otherRef = await agentTokenIn(h, OTHER_AGENT, BUSINESS, []);
    const result = await run({ tokenRef: otherRef }).result;

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'oauth_error',
      server: {
        error: 'invalid_grant',
        errorDescription: 'Actor token subject does not match the requested actor.',
      },
    });
    expect(result.token).toBeUndefined();
  });

  it('refuses a held actor token of another organization without sending it', async () => {
    const rootRef = h.service
      .listTokens()
      .find((t) => t.organizationId === null && t.actor === AGENT)!.tokenRef;
    const result = await run({ tokenRef: rootRef }).result;

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'invalid_input', field: 'actor.tokenRef' });
    expect(h.service.timeline(result.flowId)).toEqual([]);
  });

  it('times out when no callback arrives and leaves no port open', async () => {
    h.browser.plan = { user: { username: 'alice', password: 'alice-password' }, consent: 'ignore' };
    const result = await run({ tokenRef: actorRef }, { timeoutMs: 200 }).result;

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('timeout');
    const redirect = new URL(new URL(h.browser.opened.at(-1)!).searchParams.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(await portAcceptsConnections(Number(redirect.port))).toBe(false);
  });

  it('cancels a waiting run and closes its listener', async () => {
    h.browser.plan = { user: { username: 'alice', password: 'alice-password' }, consent: 'ignore' };
    const started = run({ tokenRef: actorRef });
    await expect
      .poll(() => h.service.timeline(started.runId)?.some((s) => s.kind === 'browser'))
      .toBe(true);
    expect(h.service.cancelOboRun(started.runId)).toBe(true);
    const result = await started.result;

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('cancelled');
    const redirect = new URL(new URL(h.browser.opened.at(-1)!).searchParams.get('redirect_uri')!);
    expect(await portAcceptsConnections(Number(redirect.port))).toBe(false);
    expect(h.service.cancelOboRun(started.runId)).toBe(false);
  });
});
