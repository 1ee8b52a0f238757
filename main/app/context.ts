/**
 * The composition root shared by both hosts: it builds every main-process service from its
 * dependencies and exposes the contract's handlers and an event channel.
 */
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload, Handlers, KeychainStatus } from '../../preload/contract';
import type { AuthorizationOpener, FlowEvent } from '../flows';
import type { Logger } from '../log/logger';
import { createProfileService, openProfileStore, type StoreFactory } from '../profiles';
import type { SandboxOptions } from '../sandbox';
import { createJwksResolver, type InspectDeps, type KeyResolver } from '../tokens';
import { openKeychainVault, type SecretStore, type VaultStatus } from '../vault';
import { oauthBasePath } from '../wso2/oauth';
import { flowHandlers } from './handlers/flows';
import { orgHandlers } from './handlers/orgs';
import { profileHandlers } from './handlers/profiles';
import { sharingHandlers } from './handlers/sharing';
import { tokenHandlers } from './handlers/tokens';
import { createRuntimes, type Runtimes } from './runtimes';
import { sandboxHandle, type SandboxHandle } from './sandbox-launcher';
import { confStoreFactory } from './stores';

export interface AppContextOptions {
  host: 'electron' | 'browser';
  version: string;
  dataDir: string;
  logger: Logger;
  /** electron-store in the shell; `conf` elsewhere. */
  createStore?: StoreFactory;
  /** The OS keychain by default; tests may pass another store. */
  vault?: SecretStore;
  /** Opens authorization pages (system browser, or an isolated window in the shell). */
  opener: AuthorizationOpener;
  sandbox?: SandboxOptions;
  clock?: () => number;
}

export interface AppContext {
  handlers: Handlers;
  onEvent(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): void;
  /** For the hosts and tests: the live services. */
  services: { runtimes: Runtimes; sandbox: SandboxHandle; vault: SecretStore };
  dispose(): Promise<void>;
}

function keychainView(status: VaultStatus): KeychainStatus {
  if (status.backend === 'keychain') return { backend: 'keychain' };
  return {
    backend: 'memory',
    reason: `Secrets are kept in memory for this run only (${status.reason}${status.detail ? `: ${status.detail}` : ''}).`,
  };
}

export async function createAppContext(options: AppContextOptions): Promise<AppContext> {
  const { logger, dataDir } = options;
  const emitter = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    emitter.emit('event', event, payload);
  };
  const clock = options.clock ?? Date.now;

  const vault =
    options.vault ??
    (await openKeychainVault({ platform: process.platform, logger: logger.child('vault') }));
  vault.onStatusChange((status) => emit('keychainStatus', keychainView(status)));

  const createStore = options.createStore ?? confStoreFactory;
  const store = openProfileStore({ dataDir, createStore, logger: logger.child('profiles') });
  const settings = createStore({ cwd: dataDir, configName: 'settings', clearInvalidConfig: false });
  const sandbox = sandboxHandle({
    vault,
    // Called only when the Sandbox profile is first used, after `profiles` exists.
    profiles: () => profiles,
    logger,
    ...(options.sandbox ? { sandboxOptions: options.sandbox } : {}),
  });
  const profiles = createProfileService({
    store,
    vault,
    logger: logger.child('profiles'),
    startSandbox: () => sandbox.launch(),
  });

  const runtimes = createRuntimes({
    profiles,
    vault,
    dataDir,
    logger,
    opener: options.opener,
    clock,
    onFlowEvent: (profileId: string, event: FlowEvent) =>
      emit('flowEvent', { profileId, ...event }),
    onSharingEvent: (profileId, event) => emit('sharingProgress', { profileId, ...event }),
  });

  const resolvers = new Map<string, KeyResolver>();
  const verificationFor = async (profileId: string): Promise<InspectDeps['verification']> => {
    const runtime = await runtimes.get(profileId);
    let keyResolver = resolvers.get(profileId);
    if (!keyResolver) {
      keyResolver = createJwksResolver({
        issuer: runtime.issuer,
        fetchJson: async (url) => (await runtime.http.request({ method: 'GET', url })).body,
        clock: () => new Date(clock()),
        logger: logger.child('jwks'),
      });
      resolvers.set(profileId, keyResolver);
    }
    return { expectedIssuer: runtime.issuer, keyResolver, clockToleranceSec: 60 };
  };
  const introspectorFor = async (profileId: string): Promise<InspectDeps['introspect']> => {
    const runtime = await runtimes.get(profileId);
    const clientId = runtime.target.adminAuth.clientId;
    const secret = await profiles.clientSecret(profileId);
    return async (form) =>
      (
        await runtime.http.request({
          method: 'POST',
          url: `${oauthBasePath(runtime.target.rootOrgHandle)}/introspect`,
          form,
          ...(secret ? { basic: { username: clientId, password: secret } } : {}),
          allowStatus: [400, 401],
        })
      ).body;
  };

  const activeProfile = (): string | null => {
    const id = settings.get('activeProfileId');
    return typeof id === 'string' && profiles.list().some((p) => p.id === id) ? id : 'sandbox';
  };

  const handlers: Handlers = {
    getAppInfo: () =>
      Promise.resolve({
        name: 'ShareDesk',
        version: options.version,
        host: options.host,
        keychain: keychainView(vault.status()),
      }),
    ...profileHandlers({
      profiles,
      runtimes,
      activeProfile,
      setActiveProfile: (profileId) => settings.set({ activeProfileId: profileId }),
      storeProblem: () => {
        const last = store.health().quarantined.at(-1);
        return last
          ? `The profile file was unreadable (${last.reason}); it was moved to ${last.movedTo}.`
          : undefined;
      },
    }),
    ...orgHandlers({ runtimes, emitProgress: (progress) => emit('syncProgress', progress) }),
    ...tokenHandlers({
      clock: () => new Date(clock()),
      heldToken: (tokenRef) => {
        for (const profile of profiles.list()) {
          const copied = runtimes.peek(profile.id)?.flows.copyToken(tokenRef);
          if (copied?.ok) return copied.token;
        }
        return undefined;
      },
      verificationFor,
      introspectorFor,
    }),
    ...flowHandlers(runtimes),
    ...sharingHandlers(runtimes),
  };

  // Open the active profile while the UI loads: the sandbox starts and the cached tree is read
  // before the renderer first asks for it.
  void runtimes.get(activeProfile() ?? 'sandbox').catch((error: unknown) => {
    logger.warn('the active profile could not be opened at start', { error });
  });

  return {
    handlers,
    onEvent: (listener) => {
      emitter.on('event', listener);
    },
    services: { runtimes, sandbox, vault },
    dispose: async () => {
      await runtimes.disposeAll();
      await sandbox.stop();
    },
  };
}
