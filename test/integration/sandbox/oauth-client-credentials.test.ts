/**
 * Client credentials, organization switch of application tokens, and the token authority
 * behind `requireScope`, over real HTTPS against the OAuth area.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS, IDS } from '../../unit/sandbox/oauth/support/fixture';
import {
  PROBE_PATH,
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

async function clientCredentials(scope: string, viaBody = false) {
  const { clientId, clientSecret } = CLIENTS.admin;
  return viaBody
    ? server.client.send('/oauth2/token', {
        form: {
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope,
        },
      })
    : server.client.send('/oauth2/token', {
        form: { grant_type: 'client_credentials', scope },
        basic: CLIENTS.admin,
      });
}

async function adminToken(scope: string): Promise<string> {
  const response = await clientCredentials(scope);
  expect(response.status).toBe(200);
  return response.json().access_token as string;
}

async function switchOrg(token: string, org: string, scope: string) {
  return server.client.send('/oauth2/token', {
    form: { grant_type: 'organization_switch', token, switching_organization: org, scope },
    basic: CLIENTS.admin,
  });
}

describe('client_credentials', () => {
  it('issues an RS256 at+jwt with the documented claims for Basic auth', async () => {
    const response = await clientCredentials('internal_agent_share unknown_scope');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(body.scope).toBe('internal_agent_share');
    expect(body.refresh_token).toBeUndefined();
    expect(body.id_token).toBeUndefined();

    const token = body.access_token as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(decodeProtectedHeader(token).kid).toMatch(/_RS256$/);
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: `${server.origin}/oauth2/token`,
      sub: CLIENTS.admin.clientId,
      aud: CLIENTS.admin.clientId,
      azp: CLIENTS.admin.clientId,
      client_id: CLIENTS.admin.clientId,
      aut: 'APPLICATION',
      scope: 'internal_agent_share',
      org_id: IDS.root,
      org_name: 'Super',
      org_handle: 'carbon.super',
    });
    expect(claims.exp! - claims.iat!).toBe(3600);
    expect(claims.nbf).toBe(claims.iat);
    expect(typeof claims.jti).toBe('string');
  });

  it('accepts client_id and client_secret in the body and through /t/carbon.super', async () => {
    const response = await clientCredentials('internal_agent_share', true);
    expect(response.status).toBe(200);
    const tenant = await server.client.send('/t/carbon.super/oauth2/token', {
      form: { grant_type: 'client_credentials' },
      basic: CLIENTS.admin,
    });
    expect(tenant.status).toBe(200);
    expect(tenant.json().scope).toBe('');
    expect(decodeJwt(tenant.json().access_token as string).iss).toBe(
      `${server.origin}/oauth2/token`,
    );
  });

  it('rejects a wrong secret and an unknown client with 401 invalid_client', async () => {
    const wrong = await server.client.send('/oauth2/token', {
      form: { grant_type: 'client_credentials' },
      basic: { clientId: CLIENTS.admin.clientId, clientSecret: 'nope' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.json().error).toBe('invalid_client');
    const unknown = await server.client.send('/oauth2/token', {
      form: { grant_type: 'client_credentials', client_id: 'ghost', client_secret: 'x' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.json().error).toBe('invalid_client');
  });

  it('answers unsupported_grant_type and unauthorized_client', async () => {
    const unknownGrant = await server.client.send('/oauth2/token', {
      form: { grant_type: 'password', username: 'a', password: 'b' },
      basic: CLIENTS.admin,
    });
    expect(unknownGrant.status).toBe(400);
    expect(unknownGrant.json().error).toBe('unsupported_grant_type');
    const notAllowed = await server.client.send('/oauth2/token', {
      form: { grant_type: 'client_credentials' },
      basic: CLIENTS.browserOnly,
    });
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.json().error).toBe('unauthorized_client');
  });
});

describe('token authority', () => {
  it('admits a token with the scope and refuses one without it', async () => {
    const good = await adminToken('internal_agent_share');
    const ok = await server.client.send(PROBE_PATH, {
      headers: { authorization: `Bearer ${good}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({ sub: CLIENTS.admin.clientId, aut: 'APPLICATION' });

    const scopeless = await adminToken('internal_org_agent_share');
    const denied = await server.client.send(PROBE_PATH, {
      headers: { authorization: `Bearer ${scopeless}` },
    });
    expect(denied.status).toBe(403);
  });

  it('refuses a tampered signature and an expired token', async () => {
    const token = await adminToken('internal_agent_share');
    const [h, , s] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...decodeJwt(token), scope: 'internal_agent_share everything' }),
    ).toString('base64url');
    const forged = await server.client.send(PROBE_PATH, {
      headers: { authorization: `Bearer ${h}.${forgedPayload}.${s}` },
    });
    expect(forged.status).toBe(401);

    server.advance(3601);
    const expired = await server.client.send(PROBE_PATH, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(expired.status).toBe(401);
  });
});

describe('organization_switch of an application token', () => {
  it('keeps sub, moves org_* to the child, sets user_org to the app org, filters scopes', async () => {
    const root = await adminToken('internal_agent_share');
    const response = await switchOrg(
      root,
      IDS.business,
      'internal_org_agent_share internal_org_role_mgt_view internal_org_user_share openid',
    );
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body.scope).toBe('internal_org_agent_share internal_org_role_mgt_view');
    expect(body.refresh_token).toBeUndefined();
    const claims = decodeJwt(body.access_token as string);
    expect(claims).toMatchObject({
      iss: `${server.origin}/oauth2/token`,
      sub: CLIENTS.admin.clientId,
      aut: 'APPLICATION',
      org_id: IDS.business,
      org_name: 'Business',
      org_handle: 'business',
      user_org: IDS.root,
    });

    const orgCall = await server.client.send(`/o${PROBE_PATH}`, {
      headers: { authorization: `Bearer ${body.access_token as string}` },
    });
    expect(orgCall.status).toBe(200);
    expect(orgCall.json().callingOrgId).toBe(IDS.business);
  });

  it('refuses an org the app is not shared with, an unknown or disabled org, a bad token', async () => {
    const root = await adminToken('internal_agent_share');
    const notShared = await switchOrg(root, IDS.retail, 'internal_org_agent_share');
    expect(notShared.status).toBe(400);
    expect(notShared.json()).toEqual({
      error: 'invalid_grant',
      error_description:
        'Organization switching is not allowed for organizations that have not shared the application',
    });
    const unknown = await switchOrg(root, '00000000-0000-4000-8000-000000000000', 'x');
    expect(unknown.status).toBe(400);
    expect(unknown.json().error).toBe('invalid_request');
    const disabled = await switchOrg(root, IDS.disabled, 'x');
    expect(disabled.json().error_description).toBe(
      'The switching organization is in deactivated state.',
    );
    const garbage = await switchOrg('not-a-token', IDS.business, 'x');
    expect(garbage.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Invalid token received.',
    });
  });
});
