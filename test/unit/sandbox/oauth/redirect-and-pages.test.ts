import { describe, expect, it } from 'vitest';
import type { Application } from '../../../../main/sandbox/model';
import { redirectUriAllowed, withParams } from '../../../../main/sandbox/oauth/authorize-request';
import { consentPage, escapeHtml, loginPage } from '../../../../main/sandbox/oauth/pages';

function app(redirectUris: string[], allowLoopbackRedirects: boolean): Application {
  return {
    id: 'a',
    name: 'A',
    clientId: 'a',
    orgId: 'root',
    grantTypes: ['authorization_code'],
    redirectUris,
    allowLoopbackRedirects,
    apiBasedAuthentication: false,
    authorizedScopes: [],
    sharedWithAll: false,
    sharedOrgIds: [],
    accessTokenLifetimeSec: 3600,
  };
}

describe('redirect URI matching', () => {
  const loopback = app(['http://127.0.0.1/callback', 'https://app.example.com/cb'], true);
  it.each([
    ['https://app.example.com/cb', true],
    ['https://app.example.com/cb/', false],
    ['https://app.example.com:8443/cb', false],
    ['http://127.0.0.1/callback', true],
    ['http://127.0.0.1:49152/callback', true],
    ['http://127.0.0.1:49152/callback?x=1', false],
    ['http://127.0.0.1:49152/other', false],
    ['http://localhost:49152/callback', false],
    ['https://127.0.0.1:49152/callback', false],
    ['http://user:pw@127.0.0.1:49152/callback', false],
    ['http://127.0.0.1:49152/callback#frag', false],
    ['not a url', false],
  ])('%s → %s', (candidate, allowed) => {
    expect(redirectUriAllowed(loopback, candidate)).toBe(allowed);
  });

  it('allows loopback ports only when the app opts in', () => {
    const strict = app(['http://127.0.0.1/callback'], false);
    expect(redirectUriAllowed(strict, 'http://127.0.0.1:5000/callback')).toBe(false);
    expect(redirectUriAllowed(strict, 'http://127.0.0.1/callback')).toBe(true);
  });

  it('appends parameters with encoding and keeps existing ones', () => {
    const url = new URL(withParams('https://a.example/cb?x=1', { code: 'a&b', state: undefined }));
    expect(url.searchParams.get('x')).toBe('1');
    expect(url.searchParams.get('code')).toBe('a&b');
    expect(url.searchParams.has('state')).toBe(false);
  });
});

describe('pages', () => {
  const hostile = `"'><script>alert(1)</script>&`;
  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(hostile)).toBe('&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
  });

  it('never puts a raw value into the login or consent page', () => {
    const login = loginPage({
      appName: hostile,
      orgName: hostile,
      sessionDataKey: hostile,
      csrf: hostile,
      message: hostile,
      username: hostile,
    });
    const consent = consentPage({
      appName: hostile,
      userName: hostile,
      scopes: [hostile],
      actorName: hostile,
      sessionDataKeyConsent: hostile,
      csrf: hostile,
    });
    for (const page of [login, consent]) {
      expect(page).not.toContain('<script>');
      expect(page).not.toContain(`"'>`);
    }
    expect(login).toContain('<label for="username">Username</label>');
    expect(consent).toContain('name="consent" value="deny"');
  });
});
