import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/app/context';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestApp, type TestApp } from './support';
import { testBrowser, type TestBrowser } from '../flows/support';

let app: AppContext;
let call: TestApp['call'];
let browser: TestBrowser | undefined;

beforeAll(async () => {
  ({ app, call } = await startTestApp({
    // The system browser is played by an HTTP client that signs in as the root administrator.
    opener: { open: (url, options) => browser!.open(url, options) },
  }));
  await app.services.runtimes.get('sandbox');
  browser = testBrowser(app.services.sandbox.current()!);
  browser.plan.user = { username: 'admin', password: 'admin' };
});

afterAll(async () => {
  await app?.dispose();
});

describe('interactive administrator sign-in', () => {
  it('signs in through the browser with PKCE and lists organizations with the user token', async () => {
    const sandbox = app.services.sandbox.current()!;
    const profile = await call('saveProfile', {
      profile: {
        name: 'Sandbox as admin user',
        kind: 'wso2is',
        baseUrl: sandbox.url,
        rootOrgHandle: 'carbon.super',
        adminAuth: { type: 'interactive', clientId: DEMO.apps.console.clientId },
        trust: { type: 'pin', sha256: sandbox.fingerprint256 },
      },
    });
    expect(profile.clientSecret.set).toBe(false);

    const top = await call('listOrgChildren', { profileId: profile.id, parentId: null });
    expect(top.map((org) => org.id)).toContain(DEMO.orgs.business);
    expect(browser!.opened).toHaveLength(1);
    const authorize = new URL(browser!.opened[0]!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    );
    expect(authorize.searchParams.get('client_id')).toBe(DEMO.apps.console.clientId);

    // The token is reused: no second sign-in for more calls.
    await call('listAgents', { profileId: profile.id });
    expect(browser!.opened).toHaveLength(1);
  });
});
