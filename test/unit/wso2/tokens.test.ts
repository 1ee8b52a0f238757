import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { createWso2Api } from '../../../main/wso2/api';
import { createOAuthClient } from '../../../main/wso2/oauth';
import { createOrganizationsClient } from '../../../main/wso2/organizations';
import {
  type ManagementTokenDeps,
  MissingCredentialsError,
  ORG_MANAGEMENT_SCOPES,
  ROOT_MANAGEMENT_SCOPES,
  TokenOrganizationMismatchError,
  createManagementTokens,
} from '../../../main/wso2/tokens';
import { type Harness, type RecordedRequest, harness, uuid } from './support';

const ORG_A = uuid(0xa);
const ORG_B = uuid(0xb);
const TOKEN = '/oauth2/token';

let h: Harness;
let now: number;
let issued: number;

beforeEach(() => {
  h = harness();
  now = 1_000_000;
  issued = 0;
});

afterEach(async () => {
  h.assertDone();
  await h.close();
});

/** A token endpoint that names each token after its grant and organization. */
function tokenEndpoint(
  times: number,
  expiresIn = 600,
  tokenFor?: (request: RecordedRequest) => string,
) {
  h.route(
    'POST',
    TOKEN,
    (request) => {
      issued += 1;
      const form = request.body as Record<string, string>;
      const name =
        tokenFor?.(request) ??
        (form.grant_type === 'organization_switch'
          ? `org-${form.switching_organization}-${issued}`
          : `root-${issued}`);
      return {
        status: 200,
        body: { access_token: name, token_type: 'Bearer', expires_in: expiresIn },
      };
    },
    times,
  );
}

function provider(overrides: Partial<ManagementTokenDeps> = {}) {
  return createManagementTokens({
    oauth: createOAuthClient({
      transport: h.http,
      rootOrgHandle: 'carbon.super',
      logger: silentLogger,
    }),
    profileId: 'profile-1',
    clientId: 'sharedesk-admin',
    getSecret: () => Promise.resolve('sharedesk-admin-secret'),
    clock: () => now,
    logger: silentLogger,
    ...overrides,
  });
}

function form(index: number): Record<string, string> {
  return h.requests[index]!.body as Record<string, string>;
}

describe('management tokens', () => {
  it('asks for the management scopes and reuses the root token until shortly before expiry', async () => {
    tokenEndpoint(2);
    const tokens = provider({ refreshMarginMs: 60_000 });
    expect(await tokens.token(undefined)).toBe('root-1');
    now += 539_999;
    expect(await tokens.token(undefined)).toBe('root-1');
    now += 1;
    expect(await tokens.token(undefined)).toBe('root-2');
    expect(form(0)).toEqual({
      grant_type: 'client_credentials',
      scope: ROOT_MANAGEMENT_SCOPES.join(' '),
    });
    expect(h.requests).toHaveLength(2);
  });

  it('keeps one token per organization and never hands out A for B', async () => {
    tokenEndpoint(3);
    const tokens = provider();
    const a = await tokens.token(ORG_A);
    const b = await tokens.token(ORG_B);
    expect(a).toBe(`org-${ORG_A}-2`);
    expect(b).toBe(`org-${ORG_B}-3`);
    expect(await tokens.token(ORG_A)).toBe(a);
    expect(await tokens.token(ORG_B)).toBe(b);
    expect(form(1)).toEqual({
      grant_type: 'organization_switch',
      token: 'root-1',
      switching_organization: ORG_A,
      scope: ORG_MANAGEMENT_SCOPES.join(' '),
    });
    expect(form(2).switching_organization).toBe(ORG_B);
  });

  it('sends each org-scoped API call with the token switched into that org', async () => {
    tokenEndpoint(3);
    const tokens = provider();
    const api = createWso2Api({
      transport: h.http,
      rootOrgHandle: 'carbon.super',
      tokens,
      logger: silentLogger,
    });
    const orgs = createOrganizationsClient(api);
    h.route('GET', '/t/carbon.super/o/api/server/v1/organizations', { status: 200, body: {} }, 4);
    await orgs.listPage({ orgId: ORG_A });
    await orgs.listPage({ orgId: ORG_B });
    await orgs.listPage({ orgId: ORG_A });
    await orgs.listPage({ orgId: ORG_B });
    const bearers = h.requests
      .filter((r) => r.method === 'GET')
      .map((r) => r.headers.authorization);
    expect(bearers).toEqual([
      `Bearer org-${ORG_A}-2`,
      `Bearer org-${ORG_B}-3`,
      `Bearer org-${ORG_A}-2`,
      `Bearer org-${ORG_B}-3`,
    ]);
  });

  it('renews only the refused organization token after a 401', async () => {
    tokenEndpoint(4);
    const tokens = provider();
    const api = createWso2Api({
      transport: h.http,
      rootOrgHandle: 'carbon.super',
      tokens,
      logger: silentLogger,
    });
    await tokens.token(ORG_B);
    h.route('GET', '/t/carbon.super/o/api/server/v1/organizations', { status: 401 });
    h.route('GET', '/t/carbon.super/o/api/server/v1/organizations', { status: 200, body: {} });
    await createOrganizationsClient(api).listPage({ orgId: ORG_A });
    const bearers = h.requests
      .filter((r) => r.method === 'GET')
      .map((r) => r.headers.authorization);
    expect(bearers).toEqual([`Bearer org-${ORG_A}-3`, `Bearer org-${ORG_A}-4`]);
    expect(await tokens.token(ORG_B)).toBe(`org-${ORG_B}-2`);
  });

  it('shares one request between concurrent callers', async () => {
    tokenEndpoint(2);
    const tokens = provider();
    const results = await Promise.all([
      tokens.token(ORG_A),
      tokens.token(ORG_A),
      tokens.token(ORG_A),
    ]);
    expect(new Set(results).size).toBe(1);
    expect(h.requests).toHaveLength(2);
  });

  it('refuses a switched JWT that names another organization', async () => {
    const jwt = (orgId: string) =>
      `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ org_id: orgId })).toString('base64url')}.sig`;
    tokenEndpoint(3, 600, (request) => {
      const body = request.body as Record<string, string>;
      return body.grant_type === 'organization_switch' ? jwt(ORG_B) : 'root';
    });
    const tokens = provider();
    await expect(tokens.token(ORG_A)).rejects.toBeInstanceOf(TokenOrganizationMismatchError);
    await expect(tokens.token(ORG_B)).resolves.toBe(jwt(ORG_B));
  });

  it('gets a new root token once when the switch reports the root token invalid', async () => {
    tokenEndpoint(1);
    h.route('POST', TOKEN, {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid token received.' },
    });
    tokenEndpoint(2);
    const tokens = provider();
    expect(await tokens.token(ORG_A)).toBe(`org-${ORG_A}-3`);
    expect(form(2)).toEqual({
      grant_type: 'client_credentials',
      scope: ROOT_MANAGEMENT_SCOPES.join(' '),
    });
    expect(form(3).token).toBe('root-2');
  });

  it('asks the sign-in source to drop a root token the switch refused', async () => {
    h.route('POST', TOKEN, {
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid token received.' },
    });
    tokenEndpoint(1);
    const issuedRoots = ['stale-root', 'fresh-root'];
    const invalidated: string[] = [];
    const tokens = provider({
      getSecret: () => Promise.resolve(undefined),
      rootTokenSource: {
        token: () => Promise.resolve(issuedRoots[invalidated.length]!),
        invalidate: (t) => invalidated.push(t),
      },
    });
    expect(await tokens.token(ORG_A)).toBe(`org-${ORG_A}-1`);
    expect(invalidated).toEqual(['stale-root']);
    expect(form(1).token).toBe('fresh-root');
  });

  it('fails without a request when no client secret is stored', async () => {
    const tokens = provider({ getSecret: () => Promise.resolve(undefined) });
    await expect(tokens.token(undefined)).rejects.toBeInstanceOf(MissingCredentialsError);
    expect(h.requests).toHaveLength(0);
  });

  it('takes root tokens from an injected sign-in source and switches as a public client', async () => {
    tokenEndpoint(1);
    const invalidated: string[] = [];
    const tokens = provider({
      getSecret: () => Promise.resolve(undefined),
      rootTokenSource: {
        token: () => Promise.resolve('signed-in-root'),
        invalidate: (t) => invalidated.push(t),
      },
    });
    expect(await tokens.token(undefined)).toBe('signed-in-root');
    expect(await tokens.token(ORG_A)).toBe(`org-${ORG_A}-1`);
    expect(form(0)).toMatchObject({ token: 'signed-in-root', client_id: 'sharedesk-admin' });
    expect(h.requests[0]!.headers.authorization).toBeUndefined();
    tokens.invalidate(undefined, 'signed-in-root');
    expect(invalidated).toEqual(['signed-in-root']);
  });

  it('refuses an organization id that is not a UUID', async () => {
    await expect(provider().token('root/../x')).rejects.toThrow(/orgId/);
    expect(h.requests).toHaveLength(0);
  });
});
