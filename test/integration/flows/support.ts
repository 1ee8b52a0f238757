/**
 * The flow service wired to a real sandbox over HTTPS (demo data, an adjustable clock), with
 * an in-memory secret getter, a recorded event stream and a test browser that signs in and
 * answers the consent page the way a user would.
 */
import { connect } from 'node:net';
import { request } from 'undici';
import { expect, vi } from 'vitest';
import { createFlowService, type FlowEvent, type FlowService } from '../../../main/flows';
import type { AuthorizationOpener, FlowSecrets } from '../../../main/flows';
import { createHttpClient, type HttpClient } from '../../../main/http';
import { createLogger, type LogRecord, type LogSink } from '../../../main/log/logger';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startSandbox, type Sandbox } from '../../../main/sandbox';
import { HttpsClient } from '../../unit/sandbox/oauth/support/client';
import { parseForm } from '../../unit/sandbox/oauth/support/forms';

export const AGENT = DEMO.agents.supportAssistant;
export const OTHER_AGENT = DEMO.agents.travelPlanner;
export const BUSINESS = DEMO.orgs.business;
export const RETAIL = DEMO.orgs.retail;
export const LOGIN_APP = DEMO.apps.agentLogin.clientId;
export const OBO_CLIENT = DEMO.apps.obo.clientId;
export const ADMIN = DEMO.apps.admin;
export const LOGIN_REDIRECT = 'http://127.0.0.1/callback';

/** A JWS compact serialization, as a scan target. */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/;

export interface FlowHarness {
  sandbox: Sandbox;
  http: HttpClient;
  service: FlowService;
  secrets: Map<string, string>;
  events: FlowEvent[];
  logs: LogRecord[];
  browser: TestBrowser;
  /** Moves the sandbox's and the flows' clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export interface TestBrowser extends AuthorizationOpener {
  /** What the next sign-in does; `tamperState` replaces `state` in the redirect back. */
  plan: {
    user: { username: string; password: string };
    consent: 'approve' | 'deny' | 'ignore';
    tamperState?: string;
  };
  opened: string[];
}

export function testBrowser(sandbox: Sandbox): TestBrowser {
  const browser: TestBrowser = {
    plan: { user: { username: 'alice', password: 'alice-password' }, consent: 'approve' },
    opened: [],
    open: async (url) => {
      browser.opened.push(url);
      if (browser.plan.consent === 'ignore') return;
      const client = new HttpsClient(sandbox.url, sandbox.caPem);
      try {
        const loginPage = await client.send(url);
        expect(loginPage.status).toBe(200);
        const login = parseForm(loginPage.text);
        const consentPage = await client.send(login.action, {
          form: { ...login.fields, ...browser.plan.user },
        });
        const consent = parseForm(consentPage.text);
        const answer = await client.send(consent.action, {
          form: { ...consent.fields, consent: browser.plan.consent },
        });
        expect(answer.status).toBe(302);
        const back = new URL(answer.headers.location!);
        if (browser.plan.tamperState !== undefined) {
          back.searchParams.set('state', browser.plan.tamperState);
        }
        const arrived = await request(back);
        await arrived.body.dump();
      } finally {
        await client.close();
      }
    },
  };
  return browser;
}

export async function startFlowHarness(options: { sinks?: LogSink[] } = {}): Promise<FlowHarness> {
  let now = Date.now();
  const clock = (): number => now;
  const sandbox = await startSandbox({ port: 0, clock, shareDelayMs: 0 });
  const logs: LogRecord[] = [];
  const logger = createLogger('test', {
    level: 'debug',
    sinks: [(record) => logs.push(record), ...(options.sinks ?? [])],
  });
  const http = createHttpClient({
    baseUrl: sandbox.url,
    trust: { type: 'ca', pem: sandbox.caPem },
    logger,
  });
  const secrets = new Map<string, string>([
    [`agent:${AGENT}`, DEMO.agentSecrets.supportAssistant],
    [`agent:${OTHER_AGENT}`, DEMO.agentSecrets.travelPlanner],
    [`agent:${DEMO.agents.invoiceBot}`, DEMO.agentSecrets.invoiceBot],
    [`client:${LOGIN_APP}`, DEMO.apps.agentLogin.clientSecret],
    [`client:${ADMIN.clientId}`, ADMIN.clientSecret],
  ]);
  const getter: FlowSecrets = {
    agentSecret: (id) => Promise.resolve(secrets.get(`agent:${id}`)),
    clientSecret: (id) => Promise.resolve(secrets.get(`client:${id}`)),
  };
  const events: FlowEvent[] = [];
  const browser = testBrowser(sandbox);
  const service = createFlowService({
    http,
    baseUrl: sandbox.url,
    rootOrgHandle: DEMO.rootOrgHandle,
    secrets: getter,
    opener: browser,
    emit: (event) => events.push(event),
    clock,
    logger,
    admin: { clientId: ADMIN.clientId },
  });
  return {
    sandbox,
    http,
    service,
    secrets,
    events,
    logs,
    browser,
    advance: (ms) => {
      now += ms;
    },
    close: async () => {
      await service.dispose();
      await http.close();
      await sandbox.stop();
    },
  };
}

/** Shares an agent with one organization through the Agent Sharing API, and waits for it. */
export async function shareAgent(
  h: FlowHarness,
  agentId: string,
  orgId: string,
  roles: string[],
): Promise<void> {
  const token = await h.http.request({
    method: 'POST',
    url: '/oauth2/token',
    basic: { username: ADMIN.clientId, password: ADMIN.clientSecret },
    form: { grant_type: 'client_credentials', scope: 'internal_agent_share' },
  });
  const accessToken = (token.body as { access_token: string }).access_token;
  const roleAssignment =
    roles.length === 0
      ? { mode: 'NONE' }
      : {
          mode: 'SELECTED',
          roles: roles.map((displayName) => ({
            displayName,
            audience: { display: 'Super', type: 'organization' },
          })),
        };
  await h.http.request({
    method: 'POST',
    url: '/api/server/v1/agents/share',
    bearer: accessToken,
    json: {
      agentCriteria: { agentIds: [agentId] },
      organizations: [{ orgId, policy: 'SELECTED_ORG_ONLY', roleAssignment }],
    },
  });
  await vi.waitFor(() => {
    const shared = [...h.sandbox.state.shareAssociations.values()].some(
      (a) => a.agentId === agentId && a.orgId === orgId,
    );
    if (!shared) throw new Error('the share has not been applied yet');
  });
}

/** Resolves true when something accepts a TCP connection on the port. */
export function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The agent's token in an organization, through the service (agent login, then switch). */
export async function agentTokenIn(
  h: FlowHarness,
  agentId: string,
  orgId: string,
  scopes: string[],
): Promise<string> {
  const login = await h.service.agentLogin({
    agentId,
    clientId: LOGIN_APP,
    redirectUri: LOGIN_REDIRECT,
    scopes,
  });
  if (!login.ok) throw new Error(`agent login failed: ${login.error.message}`);
  const switched = await h.service.switchOrganization({
    from: { tokenRef: login.token.tokenRef },
    organizationId: orgId,
    scopes,
  });
  if (!switched.ok) throw new Error(`switch failed: ${switched.error.message}`);
  return switched.token.tokenRef;
}
