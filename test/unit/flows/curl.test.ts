import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureRequest, forgetSecrets, renderCurl } from '../../../main/flows/curl';
import { AGENT, AGENT_SECRET, ORIGIN, routeAgentLogin, unitFlows, uuid } from './support';
import type { UnitFlows } from './support';

const ORG = uuid(7);

describe('curl rendering', () => {
  it('writes an organization switch as in WSO2’s docs, with placeholders for secrets', () => {
    const capture = captureRequest(
      {
        method: 'POST',
        url: '/oauth2/token',
        basic: { username: 'agent-login-app', password: 's3cret' },
        form: {
          grant_type: 'organization_switch',
          token: 'eyJraw.token.value',
          switching_organization: ORG,
          scope: 'tickets:read openid',
        },
      },
      'https://localhost:9443',
    );

    expect(renderCurl(capture, false)).toBe(
      [
        'curl -k -X POST https://localhost:9443/oauth2/token',
        "-H 'Content-Type: application/x-www-form-urlencoded'",
        "-u 'agent-login-app:<client_secret>'",
        "-d 'grant_type=organization_switch'",
        "-d 'token=<access_token>'",
        `-d 'switching_organization=${ORG}'`,
        "-d 'scope=tickets%3Aread+openid'",
      ].join(' \\\n  '),
    );
    const revealed = renderCurl(capture, true);
    expect(revealed).toContain("-u 'agent-login-app:s3cret'");
    expect(revealed).toContain("-d 'token=eyJraw.token.value'");

    forgetSecrets(capture);
    expect(renderCurl(capture, true)).toBe(renderCurl(capture, false));
  });

  it('masks the actor token, verifier, code, refresh token, bearer and agent secret', () => {
    const form = captureRequest(
      {
        method: 'POST',
        url: '/oauth2/token',
        form: {
          grant_type: 'authorization_code',
          code: 'the-code',
          code_verifier: 'the-verifier',
          actor_token: 'the-actor-token',
          refresh_token: 'the-refresh-token',
          client_id: 'obo-client',
        },
      },
      ORIGIN,
    );
    const json = captureRequest(
      {
        method: 'POST',
        url: '/oauth2/authn',
        bearer: 'the-bearer',
        json: {
          flowId: 'f',
          selectedAuthenticator: { params: { username: AGENT, password: 'pw' } },
        },
      },
      ORIGIN,
    );
    const masked = `${renderCurl(form, false)}\n${renderCurl(json, false)}`;

    for (const placeholder of [
      '<code>',
      '<code_verifier>',
      '<actor_token>',
      '<refresh_token>',
      '<access_token>',
      '<agent_secret>',
    ]) {
      expect(masked).toContain(placeholder);
    }
    for (const secret of [
      'the-code',
      'the-verifier',
      'the-actor-token',
      'the-refresh-token',
      'the-bearer',
      '"pw"',
    ]) {
      expect(masked).not.toContain(secret);
    }
    expect(masked).toContain("-d 'client_id=obo-client'");
    expect(renderCurl(json, true)).toContain('"password":"pw"');
  });

  it('quotes values for the shell', () => {
    const capture = captureRequest(
      { method: 'POST', url: '/oauth2/token', headers: { 'X-Note': "it's" } },
      ORIGIN,
    );
    expect(renderCurl(capture, false)).toContain(`-H 'X-Note: it'\\''s'`);
  });
});

describe('timeline export', () => {
  let f: UnitFlows;
  beforeEach(() => {
    f = unitFlows();
  });
  afterEach(async () => {
    f.h.assertDone();
    await f.close();
  });

  it('exports a whole agent login with placeholders, or with the values on reveal', async () => {
    routeAgentLogin(f.h);
    const result = await f.service.agentLogin({
      agentId: AGENT,
      clientId: 'agent-login-app',
      redirectUri: 'http://127.0.0.1/callback',
      scopes: ['openid'],
    });
    if (!result.ok) throw new Error(result.error.message);

    const masked = f.service.exportCurl(result.flowId, { reveal: false })!;
    expect(masked.split('\n\n').map((block) => block.split('\n')[0])).toEqual([
      '# Start app-native authentication',
      '# Authenticate the agent',
      '# Exchange the authorization code',
    ]);
    expect(masked).toContain(`curl -k -X POST ${ORIGIN}/oauth2/authorize`);
    expect(masked).toContain("-H 'Accept: application/json'");
    expect(masked).toContain('"password":"<agent_secret>"');
    expect(masked).toContain("-u 'agent-login-app:<client_secret>'");
    expect(masked).toContain("-d 'code_verifier=<code_verifier>'");
    expect(masked).not.toContain(AGENT_SECRET);
    expect(masked).not.toContain('login-app-secret');

    const revealed = f.service.exportCurl(result.flowId, { reveal: true })!;
    expect(revealed).toContain(`"password":"${AGENT_SECRET}"`);
    expect(revealed).toContain("-u 'agent-login-app:login-app-secret'");
    expect(revealed).toMatch(/-d 'code_verifier=[A-Za-z0-9_-]{43}'/);
  });

  it('forgets the values after sign-out: a reveal then shows placeholders', async () => {
    routeAgentLogin(f.h);
    const result = await f.service.agentLogin({
      agentId: AGENT,
      clientId: 'agent-login-app',
      redirectUri: 'http://127.0.0.1/callback',
      scopes: [],
    });
    if (!result.ok) throw new Error(result.error.message);
    f.h.route('POST', '/oauth2/revoke', { status: 200 }, 2);
    await f.service.signOut();

    const revealed = f.service.exportCurl(result.flowId, { reveal: true })!;
    expect(revealed).toBe(f.service.exportCurl(result.flowId, { reveal: false }));
    expect(revealed).not.toContain(AGENT_SECRET);
  });

  it('answers undefined for an unknown flow', () => {
    expect(f.service.exportCurl('nope', { reveal: false })).toBeUndefined();
    expect(f.service.timeline('nope')).toBeUndefined();
  });
});
