/**
 * WSO2's "Share agents with organizations" flow end to end over HTTPS: the agent logs in to
 * the root through app-native authentication, switches into a child organization, and acts
 * for a child-organization user (OBO) through the browser login and consent forms.
 */
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS, IDS, OBO_REDIRECT } from '../../unit/sandbox/oauth/support/fixture';
import {
  agentRootToken,
  browserAuthorize,
  oboQuery,
  pkce,
  startAgentFlow,
  submitAgentSecret,
  switchAgent,
} from '../../unit/sandbox/oauth/support/flows';
import {
  startOAuthTestServer,
  type OAuthTestServer,
} from '../../unit/sandbox/oauth/support/server';

let server: OAuthTestServer;

beforeAll(async () => {
  server = await startOAuthTestServer();
});
afterAll(async () => {
  await server.stop();
});

describe('agent login through app-native authentication', () => {
  it('answers the flow step, then a code, then an AGENT token in the root', async () => {
    const { verifier, challenge } = pkce();
    const started = await startAgentFlow(server.client, challenge);
    expect(started.status).toBe(200);
    const step = started.json();
    expect(step).toMatchObject({ flowStatus: 'INCOMPLETE', flowType: 'AUTHENTICATION' });
    expect(step.nextStep).toMatchObject({
      stepType: 'AUTHENTICATOR_PROMPT',
      authenticators: [
        {
          authenticatorId: 'QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM',
          requiredParams: ['username', 'password'],
        },
      ],
    });

    const authn = await submitAgentSecret(
      server.client,
      step.flowId as string,
      IDS.agent,
      'agent-secret',
    );
    expect(authn.status).toBe(200);
    expect(authn.json()).toMatchObject({ state: 'agent-state', flowStatus: 'SUCCESS_COMPLETED' });

    const token = await server.client.send('/oauth2/token', {
      basic: CLIENTS.agentLogin,
      form: {
        grant_type: 'authorization_code',
        code: authn.json().code as string,
        code_verifier: verifier,
        redirect_uri: 'https://agent.example.com/callback',
      },
    });
    expect(token.status).toBe(200);
    const body = token.json();
    expect(body.scope).toBe('openid read_bookings');
    expect(typeof body.refresh_token).toBe('string');
    expect(typeof body.id_token).toBe('string');
    expect(decodeJwt(body.access_token as string)).toMatchObject({
      sub: IDS.agent,
      aut: 'AGENT',
      org_id: IDS.root,
      org_handle: 'carbon.super',
      agent_org: IDS.root,
      client_id: CLIENTS.agentLogin.clientId,
    });
    expect(decodeJwt(body.id_token as string)).toMatchObject({
      sub: IDS.agent,
      aud: CLIENTS.agentLogin.clientId,
    });
  });
});

describe('organization switch of an agent token', () => {
  it('keeps sub, sets org_* of the child, agent_org of the root, scopes of the shared copy', async () => {
    const root = await agentRootToken(server.client);
    const switched = await switchAgent(
      server.client,
      root.access_token as string,
      IDS.business,
      'read_bookings write_bookings',
    );
    expect(switched.status).toBe(200);
    const body = switched.json();
    // The shared copy holds only the reader role in Business.
    expect(body.scope).toBe('read_bookings');
    expect(body.refresh_token).toBeUndefined();
    expect(decodeJwt(body.access_token as string)).toMatchObject({
      iss: `${server.origin}/oauth2/token`,
      sub: IDS.agent,
      aut: 'AGENT',
      org_id: IDS.business,
      org_name: 'Business',
      org_handle: 'business',
      agent_org: IDS.root,
    });
  });

  it('refuses an agent that was never shared into the org', async () => {
    const root = await agentRootToken(server.client, IDS.unsharedAgent, 'unshared-secret');
    const switched = await switchAgent(
      server.client,
      root.access_token as string,
      IDS.business,
      'read_bookings',
    );
    expect(switched.status).toBe(400);
    expect(switched.json().error).toBe('invalid_grant');
  });
});

describe('OBO: the agent acts for a child-organization user', () => {
  it('runs authorize with requested_actor, login, consent and the code exchange with actor_token', async () => {
    const root = await agentRootToken(server.client);
    const actor = await switchAgent(
      server.client,
      root.access_token as string,
      IDS.business,
      'read_bookings',
    );
    const actorToken = actor.json().access_token as string;

    const { verifier, challenge } = pkce();
    server.client.clearCookies();
    const browser = await browserAuthorize(
      server.client,
      oboQuery(challenge),
      'bob',
      'bob-password',
    );
    expect(browser.loginPage.text).toContain('Business');
    // The consent page names the agent (escaped) and the scopes.
    expect(browser.consentPage!.text).toContain('Support &lt;Assistant&gt;');
    expect(browser.consentPage!.text).toContain('write_bookings');
    expect(browser.location.origin + browser.location.pathname).toBe(OBO_REDIRECT);
    expect(browser.location.searchParams.get('state')).toBe('obo-state');
    const code = browser.location.searchParams.get('code')!;

    const token = await server.client.send('/oauth2/token', {
      form: {
        grant_type: 'authorization_code',
        client_id: CLIENTS.obo.clientId,
        code,
        redirect_uri: OBO_REDIRECT,
        code_verifier: verifier,
        actor_token: actorToken,
        resource: 'https://bookings.example.com',
      },
    });
    expect(token.status).toBe(200);
    const body = token.json();
    expect(body.scope).toBe('openid read_bookings write_bookings');
    const claims = decodeJwt(body.access_token as string);
    expect(claims).toMatchObject({
      sub: IDS.bob,
      aut: 'APPLICATION_USER',
      act: { sub: IDS.agent },
      org_id: IDS.business,
      org_name: 'Business',
      org_handle: 'business',
      user_org: IDS.business,
      client_id: CLIENTS.obo.clientId,
    });

    // The token verifies against the published JWKS with the discovered issuer.
    const discovery = await server.client.send('/oauth2/token/.well-known/openid-configuration');
    const issuer = discovery.json().issuer as string;
    const keys = await server.client.send(new URL(discovery.json().jwks_uri as string).pathname);
    const verified = await jwtVerify(
      body.access_token as string,
      createLocalJWKSet(keys.json() as unknown as JSONWebKeySet),
      {
        issuer,
        audience: CLIENTS.obo.clientId,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        currentDate: new Date(claims.iat! * 1000),
      },
    );
    expect(verified.payload.sub).toBe(IDS.bob);
  });
});
