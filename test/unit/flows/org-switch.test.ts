/** Organization switch through the service: per-organization cache, checks before sending. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENT, routeAgentLogin, tokenBody, unitFlows, uuid, type UnitFlows } from './support';

const ORG_A = uuid(0xa);
const ORG_B = uuid(0xb);

let f: UnitFlows;
let rootRef: string;
let rootToken: string;

beforeEach(async () => {
  f = unitFlows();
  routeAgentLogin(f.h);
  const login = await f.service.agentLogin({
    agentId: AGENT,
    clientId: 'agent-login-app',
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['tickets:read'],
  });
  if (!login.ok) throw new Error(login.error.message);
  rootRef = login.token.tokenRef;
  const copy = f.service.copyToken(rootRef);
  if (!copy.ok) throw new Error('root token not held');
  rootToken = copy.token;
  f.h.requests.length = 0;
});
afterEach(async () => {
  f.h.assertDone();
  await f.close();
});

function routeSwitch(times = 1) {
  f.h.route(
    'POST',
    '/oauth2/token',
    (req) => {
      const org = (req.body as Record<string, string>).switching_organization!;
      return { status: 200, body: tokenBody({ sub: AGENT, aut: 'AGENT', org_id: org }) };
    },
    times,
  );
}

const switchTo = (organizationId: string, scopes = ['tickets:read'], fresh?: boolean) =>
  f.service.switchOrganization({
    from: { tokenRef: rootRef },
    organizationId,
    scopes,
    ...(fresh === undefined ? {} : { fresh }),
  });

describe('organization switch', () => {
  it('never attaches the token of organization A to the switch into B', async () => {
    routeSwitch(2);
    const a = await switchTo(ORG_A);
    const b = await switchTo(ORG_B);

    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(f.h.requests).toHaveLength(2);
    const [toA, toB] = f.h.requests.map((r) => r.body as Record<string, string>);
    expect(toA).toMatchObject({ switching_organization: ORG_A, token: rootToken });
    expect(toB).toMatchObject({ switching_organization: ORG_B, token: rootToken });
    const tokenA = f.service.copyToken(a.token.tokenRef);
    expect(tokenA.ok && toB!.token !== tokenA.token).toBe(true);
    expect(a.token.organizationId).toBe(ORG_A);
    expect(b.token.organizationId).toBe(ORG_B);
    expect(b.token.tokenRef).not.toBe(a.token.tokenRef);
    expect(b.reused).toBe(false);
  });

  it('records each of two switches running at once in its own timeline only', async () => {
    routeSwitch(2);
    const [a, b] = await Promise.all([switchTo(ORG_A), switchTo(ORG_B)]);
    if (!a.ok || !b.ok) throw new Error('a switch failed');

    for (const [result, org] of [
      [a, ORG_A],
      [b, ORG_B],
    ] as const) {
      const steps = f.service.timeline(result.flowId)!;
      expect(steps.map((step) => step.label)).toEqual(['Switch organization']);
      expect(steps[0]!.requestBody).toContain(`switching_organization=${org}`);
      expect(JSON.stringify(steps)).not.toContain(rootToken);
    }
  });

  it('reuses the live token held for the same organization and scopes only', async () => {
    routeSwitch(3);
    const first = await switchTo(ORG_A);
    const again = await switchTo(ORG_A);
    const otherScopes = await switchTo(ORG_A, ['tickets:write']);
    const forced = await switchTo(ORG_A, ['tickets:write'], true);

    expect(again.ok && again.reused).toBe(true);
    expect(first.ok && again.ok && again.token.tokenRef === first.token.tokenRef).toBe(true);
    expect(otherScopes.ok && otherScopes.reused).toBe(false);
    expect(forced.ok && forced.reused).toBe(false);
    expect(f.h.requests).toHaveLength(3);
  });

  it('refuses a switched token that names another organization', async () => {
    f.h.route('POST', '/oauth2/token', {
      status: 200,
      body: tokenBody({ sub: AGENT, org_id: ORG_B }),
    });
    const result = await switchTo(ORG_A);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('token_mismatch');
    expect(f.service.listTokens().map((t) => t.organizationId)).toEqual([null]);
  });

  it('refuses a non-UUID organization and a non-root source before sending', async () => {
    const bad = await switchTo('not-a-uuid');
    routeSwitch();
    const a = await switchTo(ORG_A);
    if (!a.ok) throw new Error(a.error.message);
    const fromChild = await f.service.switchOrganization({
      from: { tokenRef: a.token.tokenRef },
      organizationId: ORG_B,
      scopes: [],
    });

    expect(bad.ok || bad.error).toMatchObject({ kind: 'invalid_input', field: 'organizationId' });
    expect(fromChild.ok || fromChild.error).toMatchObject({ kind: 'invalid_input', field: 'from' });
    expect(f.h.requests).toHaveLength(1);
  });

  it('reports the server’s refusal in its own words', async () => {
    f.h.route('POST', '/oauth2/token', {
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description:
          'Organization switch is only allowed for the organizations in the same branch.',
      },
    });
    const result = await switchTo(ORG_A);

    expect(result.ok || result.error).toEqual({
      kind: 'oauth_error',
      status: 400,
      message: 'Organization switch is only allowed for the organizations in the same branch.',
      server: {
        error: 'invalid_grant',
        errorDescription:
          'Organization switch is only allowed for the organizations in the same branch.',
      },
    });
  });
});
