/**
 * The flow service over the real HTTP client with undici's MockAgent (see the wso2 harness),
 * unsigned JWT-shaped tokens, an in-memory secret getter, recorded events and a scheduler the
 * test runs by hand.
 */
import { request } from 'undici';
import { createFlowService, type FlowEvent, type FlowService } from '../../../main/flows';
import type { FlowServiceOptions } from '../../../main/flows';
import { silentLogger } from '../../../main/log/logger';
import { harness, ORIGIN, type Harness } from '../wso2/support';

export { ORIGIN, uuid } from '../wso2/support';
export const ISSUER = `${ORIGIN}/oauth2/token`;
export const AGENT = '7a1b7d63-8cfc-4dc9-9332-3f84641b72d8';
export const OTHER_AGENT = '2f4c9e1a-5b6d-4c3e-8f7a-1b2c3d4e5f60';
export const AGENT_SECRET = 'agent-secret-value';
export const LOGIN_APP = { clientId: 'agent-login-app', clientSecret: 'login-app-secret' };
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+/;

let serial = 0;

/** A JWT-shaped token (unsigned; the flows read claims, the inspector verifies). */
export function fakeJwt(claims: Record<string, unknown>): string {
  serial += 1;
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: ISSUER, iat: now, exp: now + 3600, jti: `jti-${serial}`, ...claims };
  const signature = Buffer.from(`signature-${serial}`).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part(payload)}.${signature}`;
}

export function tokenBody(claims: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    access_token: fakeJwt(claims),
    token_type: 'Bearer',
    expires_in: 3600,
    ...extra,
  };
}

export interface ManualScheduler {
  schedule(task: () => void, ms: number): () => void;
  delays: number[];
  /** Runs every task scheduled so far. */
  runDue(): void;
}

export function manualScheduler(): ManualScheduler {
  const tasks: (() => void)[] = [];
  const delays: number[] = [];
  return {
    delays,
    schedule: (task, ms) => {
      tasks.push(task);
      delays.push(ms);
      return () => {
        const index = tasks.indexOf(task);
        if (index >= 0) tasks.splice(index, 1);
      };
    },
    runDue: () => {
      for (const task of tasks.splice(0)) task();
    },
  };
}

export interface UnitFlows {
  h: Harness;
  service: FlowService;
  events: FlowEvent[];
  secrets: Map<string, string>;
  scheduler: ManualScheduler;
  close(): Promise<void>;
}

export function unitFlows(overrides: Partial<FlowServiceOptions> = {}): UnitFlows {
  const h = harness();
  const events: FlowEvent[] = [];
  const scheduler = manualScheduler();
  const secrets = new Map<string, string>([
    [`agent:${AGENT}`, AGENT_SECRET],
    [`client:${LOGIN_APP.clientId}`, LOGIN_APP.clientSecret],
  ]);
  const service = createFlowService({
    http: h.http,
    baseUrl: ORIGIN,
    rootOrgHandle: 'carbon.super',
    secrets: {
      agentSecret: (id) => Promise.resolve(secrets.get(`agent:${id}`)),
      clientSecret: (id) => Promise.resolve(secrets.get(`client:${id}`)),
    },
    opener: { open: () => Promise.resolve() },
    emit: (event) => events.push(event),
    logger: silentLogger,
    ...overrides,
    revocation: { schedule: scheduler.schedule, ...overrides.revocation },
  });
  return {
    h,
    service,
    events,
    secrets,
    scheduler,
    close: async () => {
      await service.dispose();
      await h.close();
    },
  };
}

/** Routes app-native authentication and the code exchange for one agent login. */
export function routeAgentLogin(h: Harness, claims: Record<string, unknown> = { sub: AGENT }) {
  h.route('POST', '/oauth2/authorize', {
    status: 200,
    body: {
      flowId: 'flow-1',
      flowStatus: 'INCOMPLETE',
      nextStep: {
        stepType: 'AUTHENTICATOR_PROMPT',
        authenticators: [
          {
            authenticatorId: 'QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM',
            requiredParams: ['username', 'password'],
          },
        ],
      },
    },
  });
  h.route('POST', '/oauth2/authn', (req) => {
    const authorize = h.requests.filter((r) => r.pathname === '/oauth2/authorize').at(-1)!;
    const state = new URLSearchParams(authorize.rawBody).get('state');
    return {
      status: 200,
      body: { code: `code-for-${String((req.body as { flowId: string }).flowId)}`, state },
    };
  });
  h.route('POST', '/oauth2/token', {
    status: 200,
    body: tokenBody({ aut: 'AGENT', org_id: 'root-org', ...claims }, { refresh_token: 'rt-login' }),
  });
}

/** An opener that plays a browser answering the authorization request at once. */
export function answeringOpener(answer: (authorize: URL) => Record<string, string>) {
  const opened: string[] = [];
  return {
    opened,
    open: async (url: string) => {
      opened.push(url);
      const authorize = new URL(url);
      const back = new URL(authorize.searchParams.get('redirect_uri')!);
      for (const [name, value] of Object.entries(answer(authorize))) {
        back.searchParams.set(name, value);
      }
      const response = await request(back);
      await response.body.dump();
    },
  };
}
