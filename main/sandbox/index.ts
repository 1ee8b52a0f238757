/**
 * `startSandbox(options)`: an HTTPS server that behaves like WSO2 Identity Server for every
 * API ShareDesk calls. Used by the Sandbox profile and by the integration tests.
 */
import { silentLogger, type Logger } from '../log/logger';
import { createTlsIdentity } from './cert';
import type { SandboxDeps } from './deps';
import { ROOT_ORG_HANDLE, ROOT_ORG_ID } from './model';
import { createOAuth } from './oauth';
import { Router } from './router';
import { listen } from './server';
import { createSharing } from './sharing';
import { SandboxState } from './state';

export interface SandboxOptions {
  /** 9443 by default; 0 picks a free port. */
  port?: number;
  host?: string;
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
  const identity = await createTlsIdentity();
  const state = new SandboxState(ROOT_ORG_ID);
  const router = new Router();
  let origin = '';
  const base = {
    state,
    clock: options.clock ?? Date.now,
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
