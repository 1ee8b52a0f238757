/**
 * The "Share agents with organizations" story against the full sandbox and its demo data:
 * the admin shares the Support Assistant into Business through the Agent Sharing API, the
 * agent logs in, switches into Business, and acts for Alice there.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startSandbox, type Sandbox } from '../../../main/sandbox/index';
import { ROOT_ORG_ID } from '../../../main/sandbox/model';
import { HttpsClient } from '../../unit/sandbox/oauth/support/client';
import { parseForm } from '../../unit/sandbox/oauth/support/forms';
import { pkce } from '../../unit/sandbox/oauth/support/flows';

let sandbox: Sandbox;
let client: HttpsClient;
const agentId = DEMO.agents.supportAssistant;
const business = DEMO.orgs.business;
const redirectUri = 'http://127.0.0.1:43123/callback';

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, shareDelayMs: 0 });
  client = new HttpsClient(sandbox.url, sandbox.caPem);
});
afterAll(async () => {
  await client.close();
  await sandbox.stop();
});

async function token(
  form: Record<string, string>,
  basic?: { clientId: string; clientSecret: string },
) {
  const response = await client.send('/oauth2/token', basic ? { form, basic } : { form });
  expect(response.status, response.text).toBe(200);
  return response.json();
}

describe('demo data: share, log in, switch, act on behalf', () => {
  it('runs the documented sequence and the tokens carry the documented claims', async () => {
    // 1. The admin application shares the agent into Business with the Agent Operator role.
    const admin = await token(
      {
        grant_type: 'client_credentials',
        scope: 'internal_agent_share internal_agent_shared_access_view',
      },
      DEMO.apps.admin,
    );
    const bearer = { authorization: `Bearer ${admin.access_token as string}` };
    const share = await client.send('/api/server/v1/agents/share', {
      headers: bearer,
      jsonBody: {
        agentCriteria: { agentIds: [agentId] },
        organizations: [
          {
            orgId: business,
            policy: 'SELECTED_ORG_ONLY',
            roleAssignment: {
              mode: 'SELECTED',
              roles: [
                {
                  displayName: 'Agent Operator',
                  audience: { display: 'Super', type: 'organization' },
                },
              ],
            },
          },
        ],
      },
    });
    expect(share.status, share.text).toBe(202);
    await vi.waitFor(async () => {
      const state = await client.send(`/api/server/v1/agents/${agentId}/share`, {
        headers: bearer,
      });
      expect(state.text).toContain(business);
    });

    // 2. The agent logs in to the root with its id and secret (app-native, PKCE).
    const agentPkce = pkce();
    const started = await client.send('/oauth2/authorize', {
      headers: { accept: 'application/json' },
      form: {
        client_id: DEMO.apps.agentLogin.clientId,
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid tickets:read',
        response_mode: 'direct',
        code_challenge: agentPkce.challenge,
        code_challenge_method: 'S256',
      },
    });
    expect(started.status, started.text).toBe(200);
    const authn = await client.send('/oauth2/authn', {
      jsonBody: {
        flowId: started.json().flowId,
        selectedAuthenticator: {
          authenticatorId: 'QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM',
          params: { username: agentId, password: DEMO.agentSecrets.supportAssistant },
        },
      },
    });
    const agentRoot = await token(
      {
        grant_type: 'authorization_code',
        code: authn.json().code as string,
        code_verifier: agentPkce.verifier,
        redirect_uri: redirectUri,
      },
      DEMO.apps.agentLogin,
    );
    expect(decodeJwt(agentRoot.access_token as string)).toMatchObject({
      sub: agentId,
      aut: 'AGENT',
      scope: 'openid tickets:read',
      org_id: ROOT_ORG_ID,
    });

    // 3. Organization switch into Business: the shared copy's role decides the scopes.
    const agentChild = await token(
      {
        grant_type: 'organization_switch',
        token: agentRoot.access_token as string,
        switching_organization: business,
        scope: 'tickets:read tickets:write bookings:read',
      },
      DEMO.apps.agentLogin,
    );
    expect(agentChild.scope).toBe('tickets:read tickets:write');
    expect(decodeJwt(agentChild.access_token as string)).toMatchObject({
      sub: agentId,
      aut: 'AGENT',
      org_id: business,
      org_name: 'Business',
      agent_org: ROOT_ORG_ID,
    });

    // 4. OBO: Alice of Business logs in and consents; the code is exchanged with the actor token.
    const oboPkce = pkce();
    const query = new URLSearchParams({
      client_id: DEMO.apps.obo.clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'openid tickets:read tickets:write',
      code_challenge: oboPkce.challenge,
      code_challenge_method: 'S256',
      requested_actor: agentId,
      orgId: business,
      fidp: 'OrganizationSSO',
      state: 'demo',
    });
    const loginPage = await client.send(`/oauth2/authorize?${query.toString()}`);
    const login = parseForm(loginPage.text);
    const consentPage = await client.send(login.action, {
      form: {
        ...login.fields,
        username: DEMO.users.alice.userName,
        password: DEMO.users.alice.password,
      },
    });
    expect(consentPage.text).toContain('Support Assistant');
    const consent = parseForm(consentPage.text);
    const callback = await client.send(consent.action, {
      form: { ...consent.fields, consent: 'approve' },
    });
    expect(callback.status).toBe(302);
    const location = new URL(callback.headers.location!);
    expect(location.searchParams.get('state')).toBe('demo');

    const obo = await token({
      grant_type: 'authorization_code',
      client_id: DEMO.apps.obo.clientId,
      code: location.searchParams.get('code')!,
      redirect_uri: redirectUri,
      code_verifier: oboPkce.verifier,
      actor_token: agentChild.access_token as string,
      resource: 'https://tickets.example.com',
    });
    expect(decodeJwt(obo.access_token as string)).toMatchObject({
      sub: DEMO.users.alice.id,
      aut: 'APPLICATION_USER',
      act: { sub: agentId },
      org_id: business,
      org_handle: 'business',
      user_org: business,
      scope: 'openid tickets:read tickets:write',
    });
  });
});
