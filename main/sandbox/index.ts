/**
 * `startSandbox(options)`: an HTTPS server that behaves like WSO2 Identity Server for every
 * API ShareDesk calls. Used by the Sandbox profile and by the integration tests.
 */
import { silentLogger, type Logger } from '../log/logger';
import { createTlsIdentity } from './cert';
import { buildInitialState, type SandboxData } from './data/initial';
import type { SandboxDeps } from './deps';
import { ROOT_ORG_HANDLE } from './model';
import { createOAuth } from './oauth';
import { registerAgentRoutes } from './agents/routes';
import { registerOrganizationRoutes } from './orgs/routes';
import { registerRoleRoutes } from './roles/routes';
import { Router } from './router';
import { listen } from './server';
import { createSharing } from './sharing';
import type { SandboxState } from './state';

export interface SandboxOptions {
  /** 9443 by default; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The initial data: the demo set (default) or a generated tree. */
  data?: SandboxData;
  shareDelayMs?: number;
  clock?: () => number;
  logger?: Logger;
}

export interface Sandbox {
  url: string;
  port: number;
  caPem: string;
  fingerprint256: string;
  state: SandboxState;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? Date.now;
  const identity = await createTlsIdentity();
  const state = buildInitialState(options.data ?? 'demo', clock());
  const router = new Router();
  let origin = '';
  const base = {
    state,
    clock,
    logger: options.logger ?? silentLogger,
    origin: () => origin,
    rootHandle: ROOT_ORG_HANDLE,
    shareDelayMs: options.shareDelayMs ?? 200,
  };
  const oauth = createOAuth(base);
  const deps: SandboxDeps = { ...base, authority: oauth.authority };
  const sharing = createSharing(deps);
  oauth.register(router);
  sharing.register(router);
  registerOrganizationRoutes(router, deps);
  registerAgentRoutes(router, deps);
  registerRoleRoutes(router, deps);

  const running = await listen({
    router,
    keyPem: identity.keyPem,
    certPem: identity.certPem,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 9443,
    rootHandle: ROOT_ORG_HANDLE,
    logger: deps.logger,
  });
  origin = running.origin;

  return {
    url: running.origin,
    port: running.port,
    caPem: identity.certPem,
    fingerprint256: identity.fingerprint256,
    state,
    stop: async () => {
      sharing.stop();
      await running.close();
    },
  };
}
