/**
 * Agent login through app-native authentication and organization switch, against the
 * sandbox over HTTPS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { MAX_FAILED_LOGINS } from '../../../main/sandbox/model';
import {
  AGENT,
  BUSINESS,
  LOGIN_APP,
  LOGIN_REDIRECT,
  RETAIL,
  shareAgent,
  startFlowHarness,
  type FlowHarness,
} from './support';

let h: FlowHarness;

beforeAll(async () => {
  h = await startFlowHarness();
  await shareAgent(h, AGENT, BUSINESS, ['Agent Operator']);
});
afterAll(async () => {
  await h.close();
});

const login = (agentId: string, scopes = ['openid', 'tickets:read']) =>
  h.service.agentLogin({ agentId, clientId: LOGIN_APP, redirectUri: LOGIN_REDIRECT, scopes });

describe('agent login', () => {
  it('signs the agent in to the root and holds an AGENT token', async () => {
    const result = await login(AGENT);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token).toMatchObject({
      organizationId: null,
      actor: AGENT,
      source: 'agent-login',
      clientId: LOGIN_APP,
      hasRefreshToken: true,
    });
    expect(result.token.claims).toMatchObject({
      sub: AGENT,
      aut: 'AGENT',
      agent_org: expect.any(String),
    });
    const labels = h.service.timeline(result.flowId)!.map((step) => step.label);
    expect(labels).toEqual([
      'Start app-native authentication',
      'Authenticate the agent',
      'Exchange the authorization code',
    ]);
  });

  it('reports a wrong secret with the server message and the remaining attempts', async () => {
    const agent = DEMO.agents.travelPlanner;
    h.secrets.set(`agent:${agent}`, 'not-the-secret');
    const result = await login(agent);
    h.secrets.set(`agent:${agent}`, DEMO.agentSecrets.travelPlanner);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'authentication_failed',
      message: 'Invalid username or password.',
      remainingAttempts: MAX_FAILED_LOGINS - 1,
      server: { messages: [{ messageId: 'msg_invalid_un_pw' }] },
    });
    // The next correct login resets the counter on the server.
    expect((await login(agent)).ok).toBe(true);
  });

  it('reports a locked agent once attempts are used up, even with the right secret', async () => {
    const agent = DEMO.agents.invoiceBot;
    h.secrets.set(`agent:${agent}`, 'wrong');
    const failures = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) failures.push(await login(agent));
    h.secrets.set(`agent:${agent}`, DEMO.agentSecrets.invoiceBot);
    const after = await login(agent);

    const kinds = failures.map((r) => (r.ok ? 'ok' : r.error.kind));
    expect(kinds.slice(0, -1)).toEqual(Array(MAX_FAILED_LOGINS - 1).fill('authentication_failed'));
    expect(kinds.at(-1)).toBe('account_locked');
    expect(after.ok).toBe(false);
    if (after.ok) return;
    expect(after.error).toMatchObject({
      kind: 'account_locked',
      message: 'The account is locked.',
    });
  });

  it('says so when no secret is stored for the agent, without contacting the server', async () => {
    h.secrets.delete(`agent:${DEMO.agents.travelPlanner}`);
    const result = await login(DEMO.agents.travelPlanner);
    h.secrets.set(`agent:${DEMO.agents.travelPlanner}`, DEMO.agentSecrets.travelPlanner);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('missing_secret');
    expect(h.service.timeline(result.flowId)).toEqual([]);
  });
});

describe('organization switch', () => {
  it('switches the agent into Business with org claims and the role-limited scope', async () => {
    const root = await login(AGENT);
    if (!root.ok) throw new Error(root.error.message);
    const result = await h.service.switchOrganization({
      from: { tokenRef: root.token.tokenRef },
      organizationId: BUSINESS,
      scopes: ['tickets:read', 'bookings:read'],
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reused).toBe(false);
    expect(result.token).toMatchObject({
      organizationId: BUSINESS,
      actor: AGENT,
      source: 'organization-switch',
      scopes: ['tickets:read'],
    });
    expect(result.token.claims).toMatchObject({
      sub: AGENT,
      aut: 'AGENT',
      org_id: BUSINESS,
      org_name: 'Business',
      org_handle: 'business',
    });
  });

  it('switches the admin application with its client-credentials token', async () => {
    const result = await h.service.switchOrganization({
      from: { admin: true },
      organizationId: BUSINESS,
      scopes: ['internal_org_organization_view'],
    });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token.claims).toMatchObject({ org_id: BUSINESS, aut: 'APPLICATION' });
    const labels = h.service.timeline(result.flowId)!.map((step) => step.label);
    expect(labels).toEqual(['Client credentials', 'Switch organization']);
  });

  it('reports the refusal for an organization the application is not shared with', async () => {
    const app = [...h.sandbox.state.applications.values()].find((a) => a.clientId === LOGIN_APP)!;
    const saved = { sharedWithAll: app.sharedWithAll, sharedOrgIds: app.sharedOrgIds };
    app.sharedWithAll = false;
    app.sharedOrgIds = [BUSINESS];
    try {
      const root = await login(AGENT);
      if (!root.ok) throw new Error(root.error.message);
      const result = await h.service.switchOrganization({
        from: { tokenRef: root.token.tokenRef },
        organizationId: RETAIL,
        scopes: ['tickets:read'],
      });

      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({
        kind: 'oauth_error',
        status: 400,
        server: {
          error: 'invalid_grant',
          errorDescription: expect.stringMatching(
            /^Organization switching is not allowed for organizations that have not shared/,
          ),
        },
      });
      expect(h.service.listTokens().some((t) => t.organizationId === RETAIL)).toBe(false);
    } finally {
      Object.assign(app, saved);
    }
  });

  it('refuses an organization id that is not a UUID before sending anything', async () => {
    const root = await login(AGENT);
    if (!root.ok) throw new Error(root.error.message);
    const result = await h.service.switchOrganization({
      from: { tokenRef: root.token.tokenRef },
      organizationId: '../../api/server/v1/organizations',
      scopes: ['tickets:read'],
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'invalid_input', field: 'organizationId' });
    expect(h.service.timeline(result.flowId)).toEqual([]);
  });
});
