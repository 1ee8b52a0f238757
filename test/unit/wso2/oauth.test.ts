import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import type { ResponseSchemaError } from '../../../main/wso2/errors';
import { InvalidInputError, OAuthError } from '../../../main/wso2/errors';
import { type OAuthClient, createOAuthClient, oauthBasePath } from '../../../main/wso2/oauth';
import type { Transport, TransportRequest } from '../../../main/wso2/transport';
import { type Harness, ORIGIN, harness, uuid } from './support';

const CLIENT = { clientId: 'sharedesk-admin', clientSecret: 'sharedesk-admin-secret' };
const BASIC = `Basic ${Buffer.from('sharedesk-admin:sharedesk-admin-secret').toString('base64')}`;
const TOKEN_BODY = { access_token: 'at-1', token_type: 'Bearer', expires_in: 3600, scope: 'a b' };

let h: Harness;
let oauth: OAuthClient;

beforeEach(() => {
  h = harness();
  oauth = createOAuthClient({
    transport: h.http,
    rootOrgHandle: 'carbon.super',
    logger: silentLogger,
  });
});

afterEach(async () => {
  h.assertDone();
  await h.close();
});

describe('token endpoint', () => {
  it('gets a client-credentials token with Basic client authentication', async () => {
    h.route('POST', '/oauth2/token', { status: 200, body: TOKEN_BODY });
    const token = await oauth.clientCredentials(CLIENT, [
      'internal_organization_view',
      'internal_agent_share',
    ]);
    expect(token).toEqual(TOKEN_BODY);
    const [request] = h.requests;
    expect(request!.headers.authorization).toBe(BASIC);
    expect(request!.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(request!.body).toEqual({
      grant_type: 'client_credentials',
      scope: 'internal_organization_view internal_agent_share',
    });
  });

  it('switches organization with the documented form fields', async () => {
    h.route('POST', '/oauth2/token', { status: 200, body: TOKEN_BODY });
    await oauth.organizationSwitch({
      client: { clientId: 'public-app' },
      token: 'root-at',
      organizationId: uuid(3),
      scopes: ['internal_org_organization_view'],
    });
    const [request] = h.requests;
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toEqual({
      grant_type: 'organization_switch',
      token: 'root-at',
      switching_organization: uuid(3),
      scope: 'internal_org_organization_view',
      client_id: 'public-app',
    });
  });

  it('refuses a switching_organization that is not a UUID without sending', async () => {
    const error = await oauth
      .organizationSwitch({ client: CLIENT, token: 't', organizationId: '../../admin', scopes: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('switching_organization');
    expect(h.requests).toHaveLength(0);
  });

  it('maps error bodies to OAuthError with RFC field names', async () => {
    h.route('POST', '/oauth2/token', {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid token received.' },
    });
    h.route('POST', '/oauth2/token', {
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client credentials are invalid.' },
    });
    const grant = await oauth.token({ grant_type: 'x' }, CLIENT).catch((e: unknown) => e);
    expect(grant).toBeInstanceOf(OAuthError);
    expect(grant).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      error_description: 'Invalid token received.',
    });
    const client = await oauth.token({ grant_type: 'x' }, CLIENT).catch((e: unknown) => e);
    expect(client).toMatchObject({ status: 401, error: 'invalid_client' });
  });

  it('refuses a token response without a Bearer access token, naming the field', async () => {
    h.route('POST', '/oauth2/token', {
      status: 200,
      body: { access_token: 'x', token_type: 'DPoP' },
    });
    h.route('POST', '/oauth2/token', { status: 200, body: { token_type: 'Bearer' } });
    const wrongType = await oauth.token({ grant_type: 'x' }, CLIENT).catch((e: unknown) => e);
    expect((wrongType as ResponseSchemaError).issues[0]!.path).toBe('token_type');
    const missing = await oauth.token({ grant_type: 'x' }, CLIENT).catch((e: unknown) => e);
    expect((missing as ResponseSchemaError).issues[0]!.path).toBe('access_token');
  });
});

describe('a per-call transport', () => {
  it('sends a call through the transport it names instead of the client’s own', async () => {
    h.route('POST', '/oauth2/token', { status: 200, body: TOKEN_BODY });
    h.route('POST', '/oauth2/revoke', { status: 200 });
    const refusing: Transport = {
      request: () => Promise.reject(new Error('the client’s own transport was used')),
    };
    const shared = createOAuthClient({
      transport: refusing,
      rootOrgHandle: 'carbon.super',
      logger: silentLogger,
    });
    const sent: TransportRequest[] = [];
    const recording: Transport = {
      request: (request) => {
        sent.push(request);
        return h.http.request(request);
      },
    };
    const signal = new AbortController().signal;

    await expect(
      shared.clientCredentials(CLIENT, ['a'], { transport: recording, signal }),
    ).resolves.toEqual(TOKEN_BODY);
    await shared.revoke('at-1', CLIENT, { transport: recording, tokenTypeHint: 'access_token' });
    await expect(shared.jwks()).rejects.toThrow('the client’s own transport was used');

    expect(sent.map((request) => request.url)).toEqual(['/oauth2/token', '/oauth2/revoke']);
    expect(sent[0]!.signal).toBe(signal);
    expect(h.requests[1]!.body).toEqual({ token: 'at-1', token_type_hint: 'access_token' });
  });
});

describe('introspection, revocation, keys, discovery', () => {
  it('introspects with client authentication and reads active and inactive answers', async () => {
    h.route('POST', '/oauth2/introspect', {
      status: 200,
      body: {
        active: true,
        scope: 'openid',
        client_id: 'c',
        exp: 2,
        iat: 1,
        aut: 'AGENT',
        org_id: uuid(1),
      },
    });
    h.route('POST', '/oauth2/introspect', { status: 200, body: { active: false } });
    const active = await oauth.introspect(
      'tok',
      { client: CLIENT },
      { tokenTypeHint: 'access_token' },
    );
    expect(active).toMatchObject({ active: true, aut: 'AGENT', org_id: uuid(1) });
    expect(h.requests[0]!.body).toEqual({ token: 'tok', token_type_hint: 'access_token' });
    await expect(oauth.introspect('gone', { bearer: 'admin-at' })).resolves.toEqual({
      active: false,
    });
    expect(h.requests[1]!.headers.authorization).toBe('Bearer admin-at');
  });

  it('maps the blank-token 400 to OAuthError', async () => {
    h.route('POST', '/oauth2/introspect', { status: 400, body: { error: 'Invalid input' } });
    await expect(oauth.introspect('x', { client: CLIENT })).rejects.toMatchObject({
      name: 'OAuthError',
      error: 'Invalid input',
    });
  });

  it('revokes a token and accepts the empty 200', async () => {
    h.route('POST', '/oauth2/revoke', { status: 200 });
    await oauth.revoke('rt', CLIENT, { tokenTypeHint: 'refresh_token' });
    expect(h.requests[0]!.body).toEqual({ token: 'rt', token_type_hint: 'refresh_token' });
    expect(h.requests[0]!.headers.authorization).toBe(BASIC);
  });

  it('fetches the JWKS', async () => {
    h.route('GET', '/oauth2/jwks', {
      status: 200,
      body: {
        keys: [{ kty: 'RSA', kid: 'k1_RS256', alg: 'RS256', use: 'sig', n: 'abc', e: 'AQAB' }],
      },
    });
    const jwks = await oauth.jwks();
    expect(jwks.keys[0]).toMatchObject({ kid: 'k1_RS256', n: 'abc' });
  });

  it('reads discovery at the carbon.super path and checks the issuer and endpoints', async () => {
    const issuer = `${ORIGIN}/oauth2/token`;
    const document = {
      issuer,
      token_endpoint: `${ORIGIN}/oauth2/token`,
      jwks_uri: `${ORIGIN}/oauth2/jwks`,
      introspection_endpoint: `${ORIGIN}/oauth2/introspect`,
    };
    h.route(
      'GET',
      '/oauth2/token/.well-known/openid-configuration',
      { status: 200, body: document },
      3,
    );
    await expect(oauth.discovery({ expectedIssuer: issuer })).resolves.toMatchObject({ issuer });
    await expect(
      oauth.discovery({ expectedIssuer: `${ORIGIN}/t/other/oauth2/token` }),
    ).rejects.toThrow(/issuer/);
    await expect(oauth.discovery()).resolves.toMatchObject({ jwks_uri: `${ORIGIN}/oauth2/jwks` });
  });

  it('refuses discovery endpoints on another origin', async () => {
    const issuer = `${ORIGIN}/oauth2/token`;
    h.route('GET', '/oauth2/token/.well-known/openid-configuration', {
      status: 200,
      body: {
        issuer,
        token_endpoint: `${ORIGIN}/oauth2/token`,
        jwks_uri: 'https://evil.example/jwks',
      },
    });
    const error = await oauth.discovery({ expectedIssuer: issuer }).catch((e: unknown) => e);
    expect((error as ResponseSchemaError).issues[0]!.path).toBe('jwks_uri');
  });

  it('uses /t/{root}/oauth2 for other root organizations', () => {
    expect(oauthBasePath('carbon.super')).toBe('/oauth2');
    expect(oauthBasePath('acme.com')).toBe('/t/acme.com/oauth2');
    expect(() => oauthBasePath('../x')).toThrow(InvalidInputError);
  });
});
