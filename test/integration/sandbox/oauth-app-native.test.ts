/** App-native authentication (§4): failures with remaining attempts, lockout, errors. */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../../main/sandbox/model';
import { AGENT_REDIRECT, CLIENTS, IDS } from '../../unit/sandbox/oauth/support/fixture';
import { pkce, startAgentFlow, submitAgentSecret } from '../../unit/sandbox/oauth/support/flows';
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

async function newFlow(): Promise<string> {
  const started = await startAgentFlow(server.client, pkce().challenge);
  expect(started.status).toBe(200);
  return started.json().flowId as string;
}

function firstMessage(body: Record<string, unknown>): Record<string, unknown> {
  const nextStep = body.nextStep as { messages: Record<string, unknown>[] };
  return nextStep.messages[0]!;
}

describe('wrong agent secrets', () => {
  it('counts down remaining attempts, then locks the agent and says so', async () => {
    const flowId = await newFlow();
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      const response = await submitAgentSecret(server.client, flowId, IDS.lockedAgent, 'wrong');
      expect(response.status).toBe(200);
      const body = response.json();
      expect(body.flowStatus).toBe('FAIL_INCOMPLETE');
      expect(body.flowId).toBe(flowId);
      expect(firstMessage(body)).toMatchObject({
        messageId: 'msg_invalid_un_pw',
        context: [{ key: 'remainingAttempts', value: String(MAX_FAILED_LOGINS - attempt) }],
      });
    }
    const locking = await submitAgentSecret(server.client, flowId, IDS.lockedAgent, 'wrong');
    expect(firstMessage(locking.json()).messageId).toBe('msg_account_locked');
    expect(server.state.agents.get(IDS.lockedAgent)!.accountLocked).toBe(true);

    // Even the right secret is refused now.
    const after = await submitAgentSecret(server.client, flowId, IDS.lockedAgent, 'locked-secret');
    expect(after.json().flowStatus).toBe('FAIL_INCOMPLETE');
    expect(firstMessage(after.json()).messageId).toBe('msg_account_locked');
  });

  it('resets the counter after a successful login', async () => {
    const flowId = await newFlow();
    await submitAgentSecret(server.client, flowId, IDS.unsharedAgent, 'wrong');
    expect(server.state.agents.get(IDS.unsharedAgent)!.failedLogins).toBe(1);
    const ok = await submitAgentSecret(server.client, flowId, IDS.unsharedAgent, 'unshared-secret');
    expect(typeof ok.json().code).toBe('string');
    expect(server.state.agents.get(IDS.unsharedAgent)!.failedLogins).toBe(0);
  });
});

describe('flow errors', () => {
  it('refuses app-native authentication for an app without it', async () => {
    const response = await server.client.send('/oauth2/authorize', {
      headers: { accept: 'application/json' },
      form: {
        client_id: CLIENTS.browserOnly.clientId,
        response_type: 'code',
        redirect_uri: AGENT_REDIRECT,
        response_mode: 'direct',
      },
    });
    expect(response.status).toBe(400);
    expect(response.json().code).toMatch(/^ABA-/);
  });

  it('refuses an unknown flow id and a body without the authenticator', async () => {
    const unknown = await submitAgentSecret(server.client, 'nope', IDS.agent, 'agent-secret');
    expect(unknown.status).toBe(400);
    expect(unknown.json().code).toMatch(/^ABA-/);
    const malformed = await server.client.send('/oauth2/authn', { jsonBody: { flowId: 'x' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json().description).toContain('selectedAuthenticator');
  });

  it('a flow is finished by its success: its id cannot be used again', async () => {
    const flowId = await newFlow();
    const ok = await submitAgentSecret(server.client, flowId, IDS.agent, 'agent-secret');
    expect(ok.status).toBe(200);
    const again = await submitAgentSecret(server.client, flowId, IDS.agent, 'agent-secret');
    expect(again.status).toBe(400);
  });
});

describe('user login through the same API', () => {
  it('issues an APPLICATION_USER token for a root user', async () => {
    const { verifier, challenge } = pkce();
    const started = await startAgentFlow(server.client, challenge, { scope: 'openid' });
    const authn = await submitAgentSecret(
      server.client,
      started.json().flowId as string,
      'admin',
      'admin-password',
    );
    const token = await server.client.send('/oauth2/token', {
      basic: CLIENTS.agentLogin,
      form: {
        grant_type: 'authorization_code',
        code: authn.json().code as string,
        code_verifier: verifier,
        redirect_uri: AGENT_REDIRECT,
      },
    });
    expect(token.status).toBe(200);
    expect(decodeJwt(token.json().access_token as string)).toMatchObject({
      sub: IDS.rootAdmin,
      aut: 'APPLICATION_USER',
      user_org: IDS.root,
    });
  });
});
