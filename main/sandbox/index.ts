/**
 * `startSandbox(options)`: an HTTPS server that behaves like WSO2 Identity Server for every
 * API ShareDesk calls. Used by the Sandbox profile, the `npm run sandbox` CLI and the
 * integration tests.
 */
import { randomBytes } from 'node:crypto';
import { silentLogger, type Logger } from '../log/logger';
import { registerAgentRoutes } from './agents/routes';
import { createTlsIdentity, type TlsIdentity } from './cert';
import { registerControlRoutes } from './control';
import { buildInitialState, type SandboxData } from './data/initial';
import type { SandboxDeps } from './deps';
import { CONTROL_PREFIX, FaultInjector, type FaultConfig, type FaultConfigInput } from './faults';
import { ROOT_ORG_HANDLE } from './model';
import { createOAuth } from './oauth';
import { createSigningKey } from './oauth/jwt';
import { registerOrganizationRoutes } from './orgs/routes';
import { createPersister, loadStateFile, type Persister } from './persist';
import { registerRoleRoutes } from './roles/routes';
import { Router } from './router';
import { listen } from './server';
import { createSharing } from './sharing';
import type { SandboxState } from './state';

export { SandboxStateFileError } from './persist';
export type { FaultConfig, FaultConfigInput, FaultRule } from './faults';
export type { SandboxData } from './data/initial';

export interface SandboxOptions {
  /** 9443 by default; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The initial data: the demo set (default) or a generated tree. */
  data?: SandboxData;
  /** Load the data and TLS identity from this file (if present) and save changes to it. */
  stateFile?: string;
  shareDelayMs?: number;
  clock?: () => number;
  logger?: Logger;
  faults?: FaultConfigInput;
  /** Delay before changes are saved (default 250 ms); saves coalesce within it. */
  persistDelayMs?: number;
  /** Starts again on the data and certificate of a stopped sandbox (same port recommended). */
  resume?: { state: SandboxState; tls: TlsIdentity };
}

export interface Sandbox {
  url: string;
  port: number;
  caPem: string;
  fingerprint256: string;
  /** The TLS identity, to resume this sandbox after a stop with the same certificate. */
  tls: TlsIdentity;
  /** Bearer token of `/sandbox/control/*`, random per start. */
  controlToken: string;
  state: SandboxState;
  setFaults(config: FaultConfigInput): FaultConfig;
  getFaults(): FaultConfig;
  stop(): Promise<void>;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? Date.now;
  const logger = options.logger ?? silentLogger;
  const data = options.data ?? 'demo';
  const shareDelayMs = options.shareDelayMs ?? 200;
  const loaded =
    options.resume ?? (options.stateFile ? loadStateFile(options.stateFile) : undefined);
  const state = loaded?.state ?? buildInitialState(data, clock());
  // The RSA signing key takes a random 0.1-0.7 s to make in the thread pool: the server
  // listens meanwhile, and every request waits until the routes that need the key are in.
  const signingKey = createSigningKey();
  const tls: TlsIdentity = loaded?.tls ?? (await createTlsIdentity());

  const router = new Router();
  let origin = '';
  const base = {
    state,
    clock,
    logger,
    origin: () => origin,
    rootHandle: ROOT_ORG_HANDLE,
    shareDelayMs,
  };
  const routed = signingKey.then((key) => {
    const oauth = createOAuth(base, key);
    const deps: SandboxDeps = { ...base, authority: oauth.authority };
    const sharing = createSharing(deps);
    oauth.register(router);
    sharing.register(router);
    registerOrganizationRoutes(router, deps);
    registerAgentRoutes(router, deps);
    registerRoleRoutes(router, deps);
    return sharing;
  });
  // A failed key generation answers each request with a server error (see `beforeDispatch`).
  routed.catch((error: unknown) => logger.error('the token signing key failed', { error }));

  const faults = new FaultInjector();
  if (options.faults) faults.set(options.faults);
  const controlToken = randomBytes(24).toString('base64url');
  registerControlRoutes(router, {
    controlToken,
    faults,
    reset: () => {
      faults.set({});
      state.replaceContents(buildInitialState(data, clock()));
      state.markChanged();
    },
  });

  let persister: Persister | undefined;
  const persistDelayMs = options.persistDelayMs ?? 250;
  if (options.stateFile) {
    persister = createPersister({
      file: options.stateFile,
      state,
      tls,
      delayMs: persistDelayMs,
      clock,
      onError: (error) => logger.error('saving the sandbox state failed', { error }),
    });
    state.events.on('changed', () => persister?.schedule());
    if (!loaded) await persister.flush();
  }

  const running = await listen({
    router,
    keyPem: tls.keyPem,
    certPem: tls.certPem,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 9443,
    rootHandle: ROOT_ORG_HANDLE,
    logger,
    beforeDispatch: async (ctx) => {
      await routed;
      return faults.beforeDispatch(ctx);
    },
    writeReply: (ctx, reply, write) => {
      faults.write(ctx, reply, write);
      if (persister && !READS.has(ctx.method) && !ctx.rawPath.startsWith(CONTROL_PREFIX)) {
        persister.schedule();
        // Accepted sharing work lands `shareDelayMs` later; save again once it has.
        persister.schedule(shareDelayMs + persistDelayMs + 50);
      }
    },
  });
  origin = running.origin;

  return {
    url: running.origin,
    port: running.port,
    caPem: tls.certPem,
    fingerprint256: tls.fingerprint256,
    tls,
    controlToken,
    state,
    setFaults: (config) => faults.set(config),
    getFaults: () => faults.get(),
    stop: async () => {
      await routed.then(
        (sharing) => sharing.stop(),
        () => undefined,
      );
      await running.close();
      await persister?.stop();
    },
  };
}
