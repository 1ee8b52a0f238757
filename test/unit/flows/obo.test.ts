/**
 * The OBO run against a mocked token endpoint and a browser that answers at once: what the
 * code exchange sends, and what counts as a delegation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OboInput } from '../../../main/flows';
import {
  AGENT,
  ISSUER,
  OTHER_AGENT,
  answeringOpener,
  routeAgentLogin,
  tokenBody,
  unitFlows,
  uuid,
  type UnitFlows,
} from './support';

const ORG = uuid(0xc);
const USER = uuid(0xd);

let f: UnitFlows;
let opener: ReturnType<typeof answeringOpener>;
let actorRef: string;
let actorToken: string;
let nonceOverride: string | undefined;
let audienceOverride: string | undefined;

type Answer = Parameters<typeof answeringOpener>[0];
const returnCode: Answer = (authorize) => ({
  code: 'the-code',
  state: authorize.searchParams.get('state')!,
});

/** A service holding the agent's token in ORG (agent login, then switch), and a browser. */
async function setup(answer: Answer = returnCode): Promise<void> {
  nonceOverride = undefined;
  audienceOverride = undefined;
  opener = answeringOpener(answer);
  f = unitFlows({ opener });
  routeAgentLogin(f.h);
  f.h.route('POST', '/oauth2/token', {
    status: 200,
    body: tokenBody({ sub: AGENT, aut: 'AGENT', org_id: ORG }),
  });
  const login = await f.service.agentLogin({
    agentId: AGENT,
    clientId: 'agent-login-app',
    redirectUri: 'http://127.0.0.1/callback',
    scopes: [],
  });
  if (!login.ok) throw new Error(login.error.message);
  const switched = await f.service.switchOrganization({
    from: { tokenRef: login.token.tokenRef },
    organizationId: ORG,
    scopes: [],
  });
  if (!switched.ok) throw new Error(switched.error.message);
  actorRef = switched.token.tokenRef;
  const copy = f.service.copyToken(actorRef);
  if (!copy.ok) throw new Error('not held');
  actorToken = copy.token;
  f.h.requests.length = 0;
}

afterEach(async () => {
  f.h.assertDone();
  await f.close();
});

function routeExchange(claims: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  f.h.route('POST', '/oauth2/token', () => {
    const authorize = new URL(opener.opened.at(-1)!);
    const nonce = nonceOverride ?? authorize.searchParams.get('nonce') ?? undefined;
    const aud = audienceOverride ?? authorize.searchParams.get('client_id');
    const idToken = tokenBody({ sub: USER, aud, nonce }).access_token;
    return { status: 200, body: tokenBody(claims, { id_token: idToken, ...extra }) };
  });
}

const input = (overrides: Partial<OboInput> = {}): OboInput => ({
  organizationId: ORG,
  agentId: AGENT,
  clientId: 'obo-client',
  scopes: ['openid', 'tickets:read'],
  resource: 'https://api.example.com/tickets',
  actor: { tokenRef: actorRef },
  ...overrides,
});

describe('OBO code exchange', () => {
  beforeEach(() => setup());

  it('sends code, verifier, the same redirect_uri, actor_token, resource; no secret', async () => {
    routeExchange({ sub: USER, act: { sub: AGENT }, org_id: ORG });
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok).toBe(true);
    const authorize = new URL(opener.opened[0]!);
    const sent = f.h.requests[0]!;
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      redirect_uri: authorize.searchParams.get('redirect_uri'),
      code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      actor_token: actorToken,
      resource: 'https://api.example.com/tickets',
      client_id: 'obo-client',
    });
    expect(sent.body).not.toHaveProperty('actor_token_type');
    expect(sent.body).not.toHaveProperty('client_secret');
    expect(authorize.origin + authorize.pathname).toBe(
      `${ISSUER.replace(/\/token$/, '')}/authorize`,
    );
    expect(authorize.searchParams.get('requested_actor')).toBe(AGENT);
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result.ok && result.token.actor).toBe(`${AGENT} for ${USER}`);
  });

  it('fails the delegation for a token without act, and shows the token', async () => {
    routeExchange({ sub: USER, org_id: ORG });
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      kind: 'delegation_failed',
      message: 'The token has no act claim: no agent acts in it.',
    });
    expect(result.token?.claims).toMatchObject({ sub: USER });
  });

  it('fails the delegation when act.sub names another agent', async () => {
    routeExchange({ sub: USER, act: { sub: OTHER_AGENT, act: { sub: AGENT } } });
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok || result.error.kind).toBe('delegation_failed');
    expect(result.ok || result.error.message).toContain(OTHER_AGENT);
    const finished = f.events.find((e) => e.type === 'flow-finished' && e.flowId === result.flowId);
    expect(finished).toMatchObject({ ok: false, error: { kind: 'delegation_failed' } });
  });

  it('fails the delegation for an opaque access token', async () => {
    f.h.route('POST', '/oauth2/token', {
      status: 200,
      body: { access_token: 'opaque-token-value', token_type: 'Bearer' },
    });
    const result = await f.service.startOboRun(input({ scopes: ['tickets:read'] })).result;

    expect(result.ok || result.error.kind).toBe('delegation_failed');
  });

  it('refuses a token response without access_token', async () => {
    f.h.route('POST', '/oauth2/token', { status: 200, body: { token_type: 'Bearer' } });
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok || result.error.kind).toBe('unexpected_response');
    expect(f.service.listTokens().filter((t) => t.source === 'obo')).toEqual([]);
  });

  it('refuses an ID token that does not carry the run’s nonce', async () => {
    nonceOverride = 'another-nonce';
    routeExchange({ sub: USER, act: { sub: AGENT } });
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok || result.error.kind).toBe('unexpected_response');
  });

  it('refuses an ID token issued to another client', async () => {
    audienceOverride = 'another-client';
    routeExchange({ sub: USER, act: { sub: AGENT } });
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok || result.error.message).toContain('not meant for client');
    expect(f.service.listTokens().filter((t) => t.source === 'obo')).toEqual([]);
  });

  it('sends no nonce without openid', async () => {
    routeExchange({ sub: USER, act: { sub: AGENT } });
    await f.service.startOboRun(input({ scopes: ['tickets:read'] })).result;

    expect(new URL(opener.opened[0]!).searchParams.has('nonce')).toBe(false);
  });
});

describe('OBO callback checks', () => {
  it('rejects a callback from another issuer and never calls the token endpoint', async () => {
    await setup((authorize) => ({
      ...returnCode(authorize),
      iss: 'https://evil.example/oauth2/token',
    }));
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok || result.error.kind).toBe('callback_rejected');
    expect(f.h.requests).toEqual([]);
  });

  it('accepts a callback naming the expected issuer', async () => {
    await setup((authorize) => ({ ...returnCode(authorize), iss: ISSUER }));
    routeExchange({ sub: USER, act: { sub: AGENT } });
    const result = await f.service.startOboRun(input()).result;

    expect(result.ok).toBe(true);
  });

  it('refuses a bad input before anything happens', async () => {
    await setup();
    const result = await f.service.startOboRun(input({ agentId: 'support-assistant' })).result;

    expect(result.ok || result.error).toMatchObject({ kind: 'invalid_input', field: 'agentId' });
    expect(opener.opened).toEqual([]);
  });
});
