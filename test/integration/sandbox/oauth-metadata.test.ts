/**
 * Discovery, JWKS, introspection, revocation and the org-qualified token endpoint (§8.4,
 * §8.6, §8.7).
 */
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_REDIRECT, CLIENTS, IDS, SECRETS } from '../../unit/sandbox/oauth/support/fixture';
import { agentRootToken, pkce, submitAgentSecret } from '../../unit/sandbox/oauth/support/flows';
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

async function adminToken(path = '/oauth2/token'): Promise<string> {
  const response = await server.client.send(path, {
    basic: CLIENTS.admin,
    form: { grant_type: 'client_credentials', scope: 'internal_agent_share' },
  });
  expect(response.status).toBe(200);
  return response.json().access_token as string;
}

async function introspect(token: string, extra: Record<string, string> = {}) {
  return server.client.send('/oauth2/introspect', {
    basic: CLIENTS.admin,
    form: { token, ...extra },
  });
}

async function revoke(token: string, hint?: string) {
  const form: Record<string, string> = { token };
  if (hint !== undefined) form.token_type_hint = hint;
  return server.client.send('/oauth2/revoke', { basic: CLIENTS.agentLogin, form });
}

describe('discovery and JWKS', () => {
  it('publishes the issuer and https endpoints on this origin, with and without /t/carbon.super', async () => {
    for (const path of [
      '/oauth2/token/.well-known/openid-configuration',
      '/t/carbon.super/oauth2/token/.well-known/openid-configuration',
    ]) {
      const doc = (await server.client.send(path)).json();
      expect(doc.issuer).toBe(`${server.origin}/oauth2/token`);
      for (const field of [
        'authorization_endpoint',
        'token_endpoint',
        'introspection_endpoint',
        'revocation_endpoint',
        'jwks_uri',
        'end_session_endpoint',
      ]) {
        const url = new URL(doc[field] as string);
        expect(url.protocol).toBe('https:');
        expect(url.origin).toBe(server.origin);
      }
      expect(doc.token_endpoint).toBe(`${server.origin}/oauth2/token`);
      expect(doc.code_challenge_methods_supported).toContain('S256');
    }
  });

  it('serves an RS256 signing key that verifies issued tokens', async () => {
    const keys = (await server.client.send('/oauth2/jwks')).json() as unknown as JSONWebKeySet;
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(keys.keys[0]!.kid).toMatch(/_RS256$/);
    const token = await adminToken();
    const { payload } = await jwtVerify(token, createLocalJWKSet(keys), {
      issuer: `${server.origin}/oauth2/token`,
      currentDate: new Date(decodeJwt(token).iat! * 1000),
    });
    expect(payload.client_id).toBe(CLIENTS.admin.clientId);
  });
});

describe('introspection', () => {
  it('describes an active access token with WSO2 fields', async () => {
    const token = await adminToken();
    const response = await introspect(token);
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      active: true,
      token_type: 'Bearer',
      scope: 'internal_agent_share',
      client_id: CLIENTS.admin.clientId,
      aut: 'APPLICATION',
      sub: CLIENTS.admin.clientId,
      iss: `${server.origin}/oauth2/token`,
      org_id: IDS.root,
      org_handle: 'carbon.super',
    });
    for (const field of ['exp', 'iat', 'nbf', 'jti', 'username']) expect(body[field]).toBeDefined();
  });

  it('answers {"active":false} for unknown and expired tokens, 400 for a blank one', async () => {
    expect((await introspect('garbage')).json()).toEqual({ active: false });
    const blank = await introspect('  ');
    expect(blank.status).toBe(400);
    expect(blank.json()).toEqual({ error: 'Invalid input' });
    const token = await adminToken();
    server.advance(3601);
    expect((await introspect(token)).json()).toEqual({ active: false });
  });

  it('accepts a bearer token with the introspection scope, not one without it', async () => {
    const target = await adminToken();
    const introspector = await server.client.send('/oauth2/token', {
      basic: CLIENTS.admin,
      form: { grant_type: 'client_credentials', scope: 'internal_oauth2_introspect' },
    });
    const allowed = await server.client.send('/oauth2/introspect', {
      headers: { authorization: `Bearer ${introspector.json().access_token as string}` },
      form: { token: target },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.json().active).toBe(true);
    const refused = await server.client.send('/oauth2/introspect', {
      headers: { authorization: `Bearer ${target}` },
      form: { token: target },
    });
    expect(refused.status).toBe(401);
  });

  it('requires client authentication', async () => {
    const response = await server.client.send('/oauth2/introspect', { form: { token: 'x' } });
    expect(response.status).toBe(401);
  });
});

describe('revocation', () => {
  it('revokes access and refresh tokens independently and always answers 200', async () => {
    const tokens = await agentRootToken(server.client);
    const access = tokens.access_token as string;
    const refresh = tokens.refresh_token as string;

    expect((await revoke(access)).status).toBe(200);
    expect((await introspect(access)).json()).toEqual({ active: false });
    const refreshState = await introspect(refresh, { token_type_hint: 'refresh_token' });
    expect(refreshState.json()).toMatchObject({ active: true, token_type: 'Refresh' });

    const other = await agentRootToken(server.client);
    expect((await revoke(other.refresh_token as string, 'refresh_token')).status).toBe(200);
    expect((await introspect(other.refresh_token as string)).json()).toEqual({ active: false });
    expect((await introspect(other.access_token as string)).json().active).toBe(true);

    expect((await revoke('unknown-token')).status).toBe(200);
    expect((await revoke(access)).status).toBe(200);
  });

  it('does not let a client revoke another client’s token, and requires client auth', async () => {
    const token = await adminToken();
    expect((await revoke(token)).status).toBe(200);
    expect((await introspect(token)).json().active).toBe(true);
    const anonymous = await server.client.send('/oauth2/revoke', { form: { token } });
    expect(anonymous.status).toBe(401);
  });
});

describe('org-qualified endpoints', () => {
  it('issues tokens of the organization at /o/{orgId}/oauth2/token', async () => {
    const token = await adminToken(`/o/${IDS.business}/oauth2/token`);
    expect(decodeJwt(token)).toMatchObject({
      iss: `${server.origin}/o/${IDS.business}/oauth2/token`,
      org_id: IDS.business,
      org_handle: 'business',
    });
    const doc = (
      await server.client.send(`/o/${IDS.business}/oauth2/token/.well-known/openid-configuration`)
    ).json();
    expect(doc.issuer).toBe(`${server.origin}/o/${IDS.business}/oauth2/token`);
  });

  it('lets an agent created in the organization log in at its org-qualified endpoints', async () => {
    const base = `/o/${IDS.business}/oauth2`;
    const { verifier, challenge } = pkce();
    const started = await server.client.send(`${base}/authorize`, {
      headers: { accept: 'application/json' },
      form: {
        client_id: CLIENTS.agentLogin.clientId,
        response_type: 'code',
        redirect_uri: AGENT_REDIRECT,
        scope: 'openid',
        response_mode: 'direct',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      },
    });
    expect(started.status).toBe(200);
    const links = started.json().links as { href: string }[];
    expect(links[0]!.href).toBe(`${server.origin}${base}/authn`);
    // A root agent is not a user of Business and cannot log in there.
    const rootAgent = await submitAgentSecret(
      server.client,
      started.json().flowId as string,
      IDS.agent,
      SECRETS.agent,
    );
    expect(rootAgent.json().flowStatus).toBe('FAIL_INCOMPLETE');
    const authn = await submitAgentSecret(
      server.client,
      started.json().flowId as string,
      IDS.orgAgent,
      SECRETS.orgAgent,
    );
    const form = {
      grant_type: 'authorization_code',
      code: authn.json().code as string,
      code_verifier: verifier,
      redirect_uri: AGENT_REDIRECT,
    };
    // The code belongs to the org-qualified issuer; the root endpoint does not accept it.
    const atRoot = await server.client.send('/oauth2/token', { basic: CLIENTS.agentLogin, form });
    expect(atRoot.json().error).toBe('invalid_grant');
    const token = await server.client.send(`${base}/token`, { basic: CLIENTS.agentLogin, form });
    expect(token.status).toBe(200);
    expect(decodeJwt(token.json().access_token as string)).toMatchObject({
      iss: `${server.origin}${base}/token`,
      sub: IDS.orgAgent,
      aut: 'AGENT',
      org_id: IDS.business,
      agent_org: IDS.business,
    });
  });

  it('refuses an app that is not shared with the organization', async () => {
    const response = await server.client.send(`/o/${IDS.retail}/oauth2/token`, {
      basic: CLIENTS.admin,
      form: { grant_type: 'client_credentials' },
    });
    expect(response.status).toBe(401);
    expect(response.json().error).toBe('invalid_client');
  });
});
