/**
 * A sandbox server with only the OAuth area, the hand-built fixture, an adjustable clock and a
 * probe route guarded by `requireScope`, so tests can prove what the token authority admits.
 */
import { silentLogger } from '../../../../../main/log/logger';
import { requireScope } from '../../../../../main/sandbox/auth';
import { createTlsIdentity } from '../../../../../main/sandbox/cert';
import { json } from '../../../../../main/sandbox/http';
import { ROOT_ORG_HANDLE } from '../../../../../main/sandbox/model';
import { createOAuth } from '../../../../../main/sandbox/oauth';
import { createSigningKey } from '../../../../../main/sandbox/oauth/jwt';
import { Router } from '../../../../../main/sandbox/router';
import { listen } from '../../../../../main/sandbox/server';
import { SandboxState } from '../../../../../main/sandbox/state';
import { seedOAuthFixture } from './fixture';
import { HttpsClient } from './client';

export interface OAuthTestServer {
  origin: string;
  state: SandboxState;
  client: HttpsClient;
  /** Moves the injected clock forward. */
  advance(seconds: number): void;
  stop(): Promise<void>;
}

export const PROBE_PATH = '/api/server/v1/probe';
export const PROBE_ROOT_SCOPE = 'internal_agent_share';
export const PROBE_ORG_SCOPE = 'internal_org_agent_share';

export async function startOAuthTestServer(): Promise<OAuthTestServer> {
  const [identity, key] = await Promise.all([createTlsIdentity(), createSigningKey()]);
  const state = new SandboxState();
  seedOAuthFixture(state);
  let nowMs = Date.UTC(2026, 5, 1, 12, 0, 0);
  let origin = '';
  const oauth = createOAuth(
    {
      state,
      clock: () => nowMs,
      logger: silentLogger,
      origin: () => origin,
      rootHandle: ROOT_ORG_HANDLE,
      shareDelayMs: 0,
    },
    key,
  );
  const router = new Router();
  oauth.register(router);
  router.add('GET', PROBE_PATH, (ctx) => {
    const { principal, callingOrgId } = requireScope(
      ctx,
      oauth.authority,
      PROBE_ROOT_SCOPE,
      PROBE_ORG_SCOPE,
      state.rootOrgId,
    );
    return json(200, { sub: principal.sub, aut: principal.aut, callingOrgId });
  });
  const running = await listen({
    router,
    keyPem: identity.keyPem,
    certPem: identity.certPem,
    host: '127.0.0.1',
    port: 0,
    rootHandle: ROOT_ORG_HANDLE,
  });
  origin = running.origin;
  const client = new HttpsClient(origin, identity.certPem);
  return {
    origin,
    state,
    client,
    advance: (seconds) => {
      nowMs += seconds * 1000;
    },
    stop: async () => {
      await client.close();
      await running.close();
    },
  };
}
