/** Agent login through app-native authentication, against mocked WSO2 answers. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASIC_AUTHENTICATOR_ID } from '../../../main/flows/app-native';
import {
  AGENT,
  AGENT_SECRET,
  OTHER_AGENT,
  routeAgentLogin,
  tokenBody,
  unitFlows,
  type UnitFlows,
} from './support';

let f: UnitFlows;
beforeEach(() => {
  f = unitFlows();
});
afterEach(async () => {
  f.h.assertDone();
  await f.close();
});

const login = () =>
  f.service.agentLogin({
    agentId: AGENT,
    clientId: 'agent-login-app',
    redirectUri: 'http://127.0.0.1/callback',
    scopes: ['openid', 'tickets:read'],
    resource: 'https://api.example.com',
  });

function routeStart(authenticators: unknown[] = [{ authenticatorId: BASIC_AUTHENTICATOR_ID }]) {
  f.h.route('POST', '/oauth2/authorize', {
    status: 200,
    body: { flowId: 'flow-9', flowStatus: 'INCOMPLETE', nextStep: { authenticators } },
  });
}

function sentState(): string {
  const authorize = f.h.requests.find((r) => r.pathname === '/oauth2/authorize')!;
  return new URLSearchParams(authorize.rawBody).get('state')!;
}

describe('agent login requests', () => {
  it('sends the documented authorize, authn and token requests', async () => {
    routeAgentLogin(f.h);
    const result = await login();

    expect(result.ok).toBe(true);
    const [authorize, authn, token] = f.h.requests;
    expect(authorize!.headers.accept).toBe('application/json');
    expect(authorize!.body).toMatchObject({
      client_id: 'agent-login-app',
      response_type: 'code',
      response_mode: 'direct',
      redirect_uri: 'http://127.0.0.1/callback',
      scope: 'openid tickets:read',
      code_challenge_method: 'S256',
      resource: 'https://api.example.com',
    });
    expect(authn!.body).toEqual({
      flowId: 'flow-1',
      selectedAuthenticator: {
        authenticatorId: BASIC_AUTHENTICATOR_ID,
        params: { username: AGENT, password: AGENT_SECRET },
      },
    });
    expect(token!.headers.authorization).toMatch(/^Basic /);
    expect(token!.body).toMatchObject({
      grant_type: 'authorization_code',
      code: 'code-for-flow-1',
      redirect_uri: 'http://127.0.0.1/callback',
      code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      resource: 'https://api.example.com',
    });
  });

  it('emits the start, each step with its status, and the end with the token summary', async () => {
    routeAgentLogin(f.h);
    const result = await login();
    if (!result.ok) throw new Error(result.error.message);

    expect(f.events.map((e) => (e.type === 'step' ? `step ${e.step.status}` : e.type))).toEqual([
      'flow-started',
      'step 200',
      'step 200',
      'step 200',
      'flow-finished',
    ]);
    expect(f.events.at(-1)).toEqual({
      type: 'flow-finished',
      flowId: result.flowId,
      ok: true,
      token: result.token,
    });
    const steps = f.service.timeline(result.flowId)!;
    expect(steps[1]).toMatchObject({
      method: 'POST',
      url: 'https://is.example/oauth2/authn',
      requestBody: {
        selectedAuthenticator: { params: { password: expect.stringMatching(/^\[redacted/) } },
      },
      responseBody: { code: expect.stringMatching(/^\[redacted code/) },
    });
  });

  it('reads a code wrapped in authData', async () => {
    routeStart();
    f.h.route('POST', '/oauth2/authn', () => ({
      status: 200,
      body: { flowStatus: 'SUCCESS_COMPLETED', authData: { code: 'wrapped', state: sentState() } },
    }));
    f.h.route('POST', '/oauth2/token', { status: 200, body: tokenBody({ sub: AGENT }) });

    expect((await login()).ok).toBe(true);
    expect(f.h.requests[2]!.body).toMatchObject({ code: 'wrapped' });
  });
});

describe('agent login failures', () => {
  it('refuses a code for another attempt’s state without exchanging it', async () => {
    routeStart();
    f.h.route('POST', '/oauth2/authn', { status: 200, body: { code: 'c', state: 'other' } });
    const result = await login();

    expect(result.ok || result.error.kind).toBe('callback_rejected');
    expect(f.h.requests).toHaveLength(2);
  });

  it('reports wrong credentials with the server message and remaining attempts', async () => {
    routeStart();
    f.h.route('POST', '/oauth2/authn', {
      status: 200,
      body: {
        flowId: 'flow-9',
        flowStatus: 'FAIL_INCOMPLETE',
        nextStep: {
          messages: [
            {
              type: 'ERROR',
              messageId: 'msg_invalid_un_pw',
              message: 'Invalid username or password.',
              context: [{ key: 'remainingAttempts', value: '2' }],
            },
          ],
        },
      },
    });
    const result = await login();

    expect(result.ok || result.error).toEqual({
      kind: 'authentication_failed',
      message: 'Invalid username or password.',
      remainingAttempts: 2,
      server: {
        messages: [{ messageId: 'msg_invalid_un_pw', message: 'Invalid username or password.' }],
      },
    });
  });

  it('reports a locked account', async () => {
    routeStart();
    f.h.route('POST', '/oauth2/authn', {
      status: 200,
      body: {
        flowId: 'flow-9',
        flowStatus: 'FAIL_COMPLETED',
        nextStep: { messages: [{ messageId: 'msg_account_locked', message: 'Locked.' }] },
      },
    });

    expect((await login()).ok || 'failed').toBe('failed');
    const result = f.events.find((e) => e.type === 'flow-finished');
    expect(result).toMatchObject({ error: { kind: 'account_locked', message: 'Locked.' } });
  });

  it('reports an app-native API error with its code and description', async () => {
    f.h.route('POST', '/oauth2/authorize', {
      status: 400,
      body: {
        code: 'ABA-60003',
        message: 'App-native authentication is not enabled.',
        description: 'App-native authentication is not enabled for this application.',
        traceId: 'trace-1',
      },
    });
    const result = await login();

    expect(result.ok || result.error).toEqual({
      kind: 'api_error',
      status: 400,
      message: 'App-native authentication is not enabled for this application.',
      server: {
        code: 'ABA-60003',
        message: 'App-native authentication is not enabled.',
        description: 'App-native authentication is not enabled for this application.',
        traceId: 'trace-1',
      },
    });
  });

  it('says when the server offers no username & password step', async () => {
    routeStart([{ authenticatorId: 'T1RQOkxPQ0FM', requiredParams: ['OTPcode'] }]);
    const result = await login();

    expect(result.ok || result.error.kind).toBe('unexpected_response');
  });

  it('refuses a token issued to another identity', async () => {
    routeAgentLogin(f.h, { sub: OTHER_AGENT });
    const result = await login();

    expect(result.ok || result.error.kind).toBe('token_mismatch');
    expect(f.service.listTokens()).toEqual([]);
  });
});
