/**
 * The browser authorization-code flow: PKCE, single-use codes, exact redirect URIs, loopback
 * redirects, consent, login failures, CSRF and escaping, refresh-token rotation.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGENT_REDIRECT,
  CLIENTS,
  IDS,
  OBO_REDIRECT,
} from '../../unit/sandbox/oauth/support/fixture';
import { browserAuthorize, pkce } from '../../unit/sandbox/oauth/support/flows';
import { parseForm } from '../../unit/sandbox/oauth/support/forms';
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

/** A plain user flow of the public OBO client for bob in Business (no requested actor). */
function userQuery(challenge: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: CLIENTS.obo.clientId,
    response_type: 'code',
    redirect_uri: OBO_REDIRECT,
    scope: 'openid read_bookings',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    orgId: IDS.business,
    fidp: 'OrganizationSSO',
    state: 's1',
    ...extra,
  };
}

async function codeFor(query: Record<string, string>): Promise<string> {
  const result = await browserAuthorize(server.client, query, 'bob', 'bob-password');
  return result.location.searchParams.get('code')!;
}

async function exchange(fields: Record<string, string>) {
  return server.client.send('/oauth2/token', {
    form: {
      grant_type: 'authorization_code',
      client_id: CLIENTS.obo.clientId,
      redirect_uri: OBO_REDIRECT,
      ...fields,
    },
  });
}

async function introspectActive(token: string): Promise<boolean> {
  const response = await server.client.send('/oauth2/introspect', {
    basic: CLIENTS.admin,
    form: { token },
  });
  return response.json().active as boolean;
}

describe('PKCE and codes', () => {
  it('rejects a wrong verifier, then accepts the right one', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(userQuery(challenge));
    const wrong = await exchange({ code, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.json().error).toBe('invalid_grant');
    const right = await exchange({ code, code_verifier: verifier });
    expect(right.status).toBe(200);
    expect(decodeJwt(right.json().access_token as string)).toMatchObject({
      sub: IDS.bob,
      aut: 'APPLICATION_USER',
      org_id: IDS.business,
      user_org: IDS.business,
    });
    expect(decodeJwt(right.json().access_token as string).act).toBeUndefined();
  });

  it('supports the plain method', async () => {
    const { verifier } = pkce();
    const code = await codeFor(userQuery(verifier, { code_challenge_method: 'plain' }));
    expect((await exchange({ code, code_verifier: verifier })).status).toBe(200);
  });

  it('refuses a reused code and revokes the tokens it produced', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(userQuery(challenge));
    const first = await exchange({ code, code_verifier: verifier });
    expect(first.status).toBe(200);
    const access = first.json().access_token as string;
    expect(await introspectActive(access)).toBe(true);
    const second = await exchange({ code, code_verifier: verifier });
    expect(second.status).toBe(400);
    expect(second.json().error).toBe('invalid_grant');
    expect(await introspectActive(access)).toBe(false);
  });

  it('refuses an expired code', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(userQuery(challenge));
    server.advance(301);
    const response = await exchange({ code, code_verifier: verifier });
    expect(response.json().error_description).toBe(
      'Expired authorization code received from token request',
    );
  });

  it('refuses a redirect_uri that differs from the one sent to authorize', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(userQuery(challenge));
    const response = await exchange({
      code,
      code_verifier: verifier,
      redirect_uri: 'http://127.0.0.1:8765/other',
    });
    expect(response.status).toBe(400);
    expect(response.json().error).toBe('invalid_grant');
  });
});

describe('redirect URIs', () => {
  it('accepts a loopback redirect on another port for an app that allows it', async () => {
    const { verifier, challenge } = pkce();
    const redirect = 'http://127.0.0.1:51234/callback';
    const result = await browserAuthorize(
      server.client,
      userQuery(challenge, { redirect_uri: redirect }),
      'bob',
      'bob-password',
    );
    expect(result.location.port).toBe('51234');
    const token = await exchange({
      code: result.location.searchParams.get('code')!,
      code_verifier: verifier,
      redirect_uri: redirect,
    });
    expect(token.status).toBe(200);
  });

  it('shows an error page, never a redirect, for unregistered URIs and unknown clients', async () => {
    const { challenge } = pkce();
    for (const query of [
      userQuery(challenge, { redirect_uri: 'http://127.0.0.1:8765/elsewhere' }),
      userQuery(challenge, { redirect_uri: 'http://localhost:8765/callback' }),
      userQuery(challenge, { redirect_uri: 'https://evil.example/callback' }),
      { ...userQuery(challenge), client_id: 'ghost' },
      {
        client_id: CLIENTS.browserOnly.clientId,
        response_type: 'code',
        redirect_uri: 'http://127.0.0.1:9999/callback',
      },
    ]) {
      const response = await server.client.send(
        `/oauth2/authorize?${new URLSearchParams(query).toString()}`,
      );
      expect(response.status).toBe(400);
      expect(response.headers.location).toBeUndefined();
      expect(response.headers['content-type']).toContain('text/html');
    }
  });

  it('redirects unsupported_response_type to a valid redirect URI', async () => {
    const query = new URLSearchParams({
      client_id: CLIENTS.browserOnly.clientId,
      response_type: 'token',
      redirect_uri: AGENT_REDIRECT,
      state: 'x',
    });
    const response = await server.client.send(`/oauth2/authorize?${query.toString()}`);
    expect(response.status).toBe(302);
    expect(new URL(response.headers.location!).searchParams.get('error')).toBe(
      'unsupported_response_type',
    );
  });
});

describe('login and consent pages', () => {
  it('lets the consent form post only to this origin and the client redirect origin', async () => {
    const { challenge } = pkce();
    const redirect = 'http://127.0.0.1:40404/callback';
    const result = await browserAuthorize(
      server.client,
      userQuery(challenge, { redirect_uri: redirect }),
      'bob',
      'bob-password',
    );
    const loginCsp = result.loginPage.headers['content-security-policy']!;
    expect(loginCsp).toContain("form-action 'self';");
    expect(loginCsp).toContain("frame-ancestors 'none'");
    const consentCsp = result.consentPage!.headers['content-security-policy']!;
    expect(consentCsp).toContain("form-action 'self' http://127.0.0.1:40404;");
  });

  it('redirects access_denied when the user denies consent', async () => {
    const { challenge } = pkce();
    const result = await browserAuthorize(
      server.client,
      userQuery(challenge),
      'bob',
      'bob-password',
      'deny',
    );
    expect(result.location.searchParams.get('error')).toBe('access_denied');
    expect(result.location.searchParams.get('state')).toBe('s1');
    expect(result.location.searchParams.get('code')).toBeNull();
  });

  it('serves the login page again with a message on a wrong password', async () => {
    const { challenge } = pkce();
    server.client.clearCookies();
    const page = await server.client.send(
      `/oauth2/authorize?${new URLSearchParams(userQuery(challenge)).toString()}`,
    );
    expect(page.headers['set-cookie']).toMatch(/HttpOnly/);
    expect(page.headers['set-cookie']).toMatch(/Secure/);
    const form = parseForm(page.text);
    const retry = await server.client.send(form.action, {
      form: { ...form.fields, username: 'bob', password: 'wrong' },
    });
    expect(retry.status).toBe(200);
    expect(retry.headers.location).toBeUndefined();
    expect(retry.text).toContain('Login failed');
    expect(retry.text).toContain('<label for="password">');
  });

  it('refuses a login post without the session cookie or with a forged CSRF token', async () => {
    const { challenge } = pkce();
    server.client.clearCookies();
    const page = await server.client.send(
      `/oauth2/authorize?${new URLSearchParams(userQuery(challenge)).toString()}`,
    );
    const form = parseForm(page.text);
    const forged = await server.client.send(form.action, {
      form: { ...form.fields, csrf: 'forged', username: 'bob', password: 'bob-password' },
    });
    expect(forged.status).toBe(403);
    const cookieless = await server.client.send(form.action, {
      cookies: false,
      form: { ...form.fields, username: 'bob', password: 'bob-password' },
    });
    expect(cookieless.status).toBe(403);
  });

  it('does not let a login to one organization consent to a request of another', async () => {
    const { challenge } = pkce();
    server.client.clearCookies();
    const businessLogin = await server.client.send(
      `/oauth2/authorize?${new URLSearchParams(userQuery(challenge)).toString()}`,
    );
    const login = parseForm(businessLogin.text);
    const consentPage = await server.client.send(login.action, {
      form: { ...login.fields, username: 'bob', password: 'bob-password' },
    });
    const { csrf } = parseForm(consentPage.text).fields;

    const rootQuery = userQuery(challenge);
    delete rootQuery.orgId;
    delete rootQuery.fidp;
    const rootLogin = await server.client.send(
      `/oauth2/authorize?${new URLSearchParams(rootQuery).toString()}`,
    );
    expect(rootLogin.text).toContain('name="password"');
    const forged = await server.client.send('/oauth2/authorize', {
      form: {
        sessionDataKeyConsent: parseForm(rootLogin.text).fields.sessionDataKey!,
        csrf: csrf!,
        consent: 'approve',
      },
    });
    expect(forged.status).toBe(400);
    expect(forged.headers.location).toBeUndefined();
  });

  it('escapes hostile values and reflects no raw HTML', async () => {
    const hostile = '"><script>alert(1)</script>';
    const { challenge } = pkce();
    server.client.clearCookies();
    const page = await server.client.send(
      `/oauth2/authorize?${new URLSearchParams(userQuery(challenge, { state: hostile, nonce: hostile })).toString()}`,
    );
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>');
    const form = parseForm(page.text);
    const retry = await server.client.send(form.action, {
      form: { ...form.fields, username: hostile, password: 'x' },
    });
    expect(retry.text).not.toContain('<script>');
    expect(retry.text).toContain('&lt;script&gt;');

    const badClient = await server.client.send(
      `/oauth2/authorize?${new URLSearchParams({ ...userQuery(challenge), client_id: hostile }).toString()}`,
    );
    expect(badClient.status).toBe(400);
    expect(badClient.text).not.toContain('<script>');
    expect(badClient.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('refresh_token', () => {
  it('rotates: the new pair works, the old refresh and access tokens do not', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(userQuery(challenge));
    const first = (await exchange({ code, code_verifier: verifier })).json();
    const refresh = (token: string) =>
      server.client.send('/oauth2/token', {
        form: {
          grant_type: 'refresh_token',
          client_id: CLIENTS.obo.clientId,
          refresh_token: token,
        },
      });
    const second = await refresh(first.refresh_token as string);
    expect(second.status).toBe(200);
    expect(second.json().refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.json().access_token as string)).toMatchObject({
      sub: IDS.bob,
      org_id: IDS.business,
    });
    expect(await introspectActive(first.access_token as string)).toBe(false);
    const replay = await refresh(first.refresh_token as string);
    expect(replay.status).toBe(400);
    expect(replay.json().error).toBe('invalid_grant');
  });
});
