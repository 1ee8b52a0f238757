/**
 * Everything ShareDesk holds for one server profile while it runs: the HTTP client, the WSO2
 * clients, the organization tree with its offline cache, and the token flows. Built lazily
 * on first use and rebuilt when the profile's connection settings change.
 */
import { join } from 'node:path';
import {
  createFlowService,
  vaultSecrets,
  type AuthorizationOpener,
  type FlowEvent,
} from '../flows';
import type { FlowService } from '../flows';
import { createHttpClient, type HttpClient } from '../http';
import type { Logger } from '../log/logger';
import {
  createOrgService,
  createProfileCache,
  withLoadStarted,
  type OrgService,
  type ProfileCache,
} from '../orgs';
import type { ConnectionTarget, ProfileService } from '../profiles';
import { secretKey, type SecretStore } from '../vault';
import { createWso2Clients, type Wso2Clients } from '../wso2';
import { createOAuthClient, oauthBasePath } from '../wso2/oauth';
import { interactiveTokenSource } from './admin-signin';
import { createSharingService, type SharingService } from '../sharing/service';
import type { SharingEvent } from '../sharing/events';
import { openSharingStores } from '../sharing/stores';
import { profileDirName } from '../orgs';
import { createConnectivity, type Connectivity } from './connectivity';
import { cachedRoot, durableStateCache } from './sharing-cache';
import { createRoleDirectory, orgTreeView, type RoleDirectory } from './sharing-context';

export interface ProfileRuntime {
  profileId: string;
  target: ConnectionTarget;
  issuer: string;
  http: HttpClient;
  clients: Wso2Clients;
  cache: ProfileCache;
  orgs: OrgService;
  flows: FlowService;
  sharing: SharingService;
  roleDirectory: RoleDirectory;
  /** Display names of the profile's agents, so plans and journals name agents as people do. */
  agentNames: Map<string, string>;
  connectivity: Connectivity;
  /** Aborts the running full sync, if any. */
  syncAbort: AbortController | undefined;
  dispose(): Promise<void>;
}

export interface RuntimeDeps {
  profiles: ProfileService;
  vault: SecretStore;
  dataDir: string;
  logger: Logger;
  opener: AuthorizationOpener;
  onFlowEvent(profileId: string, event: FlowEvent): void;
  onSharingEvent(profileId: string, event: SharingEvent): void;
  clock?: () => number;
}

export async function createProfileRuntime(
  profileId: string,
  deps: RuntimeDeps,
): Promise<ProfileRuntime> {
  const logger = deps.logger.child(`profile:${profileId}`);
  const cache = createProfileCache({
    dir: join(deps.dataDir, 'cache'),
    profileId,
    logger: logger.child('cache'),
  });
  // The cached tree is read while the connection is made ready (the Sandbox starting).
  const cachedTree = withLoadStarted(cache.tree);
  const target = await deps.profiles.connectionFor(profileId);
  const connectivity = createConnectivity();

  const http = createHttpClient({
    baseUrl: target.baseUrl,
    trust: target.trust,
    ...(target.proxyUrl ? { proxyUrl: target.proxyUrl } : {}),
    logger: logger.child('http'),
    onOutcome: (outcome) => connectivity.observe(outcome),
  });
  const clientId = target.adminAuth.clientId;
  const interactive =
    target.adminAuth.type === 'interactive'
      ? interactiveTokenSource({
          oauth: createOAuthClient({
            transport: http,
            rootOrgHandle: target.rootOrgHandle,
            logger,
          }),
          baseUrl: target.baseUrl,
          clientId,
          opener: deps.opener,
          logger: logger.child('sign-in'),
        })
      : undefined;
  const clients = createWso2Clients({
    transport: http,
    profileId,
    rootOrgHandle: target.rootOrgHandle,
    clientId,
    getSecret: () => deps.vault.get(secretKey(profileId, 'client-secret', clientId)),
    logger: logger.child('wso2'),
    ...(interactive ? { rootTokenSource: interactive } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const orgs = createOrgService({
    source: clients.organizations,
    cache: cachedTree,
    root: { id: '', name: target.rootOrgHandle, orgHandle: target.rootOrgHandle },
    logger: logger.child('orgs'),
  });

  const issuer = `${target.baseUrl}${oauthBasePath(target.rootOrgHandle)}/token`;
  const flows = createFlowService({
    http,
    baseUrl: target.baseUrl,
    rootOrgHandle: target.rootOrgHandle,
    issuer,
    secrets: vaultSecrets(deps.vault, profileId),
    opener: deps.opener,
    emit: (event) => deps.onFlowEvent(profileId, event),
    logger: logger.child('flows'),
    admin: { clientId },
  });

  // The files a runtime starts from are read at once: none depends on another, and the
  // first organization row waits for all of them.
  const [, stores, cachedAgents, rootOrg, stateCache] = await Promise.all([
    orgs.start(),
    openSharingStores({
      dir: join(deps.dataDir, 'profiles', profileDirName(profileId)),
      logger: logger.child('sharing'),
    }),
    cache.agents.load(),
    cachedRoot(cache.dir, logger, () => clients.organizations.getSelf()),
    durableStateCache(cache.dir, logger.child('sharing')),
  ]);
  const roleDirectory = createRoleDirectory(clients);
  const agentNames = new Map<string, string>();
  if (cachedAgents.status === 'loaded') {
    for (const agent of cachedAgents.entry.value) {
      if (agent.extension.DisplayName) agentNames.set(agent.id, agent.extension.DisplayName);
    }
  }
  const sharing = createSharingService({
    profileId,
    baseUrl: `${target.baseUrl}/t/${target.rootOrgHandle}`,
    api: clients.agentSharing,
    tree: async () => orgTreeView(orgs, await rootOrg()),
    stateCache,
    roles: () => Promise.resolve(roleDirectory.context()),
    outbox: stores.outbox,
    journal: stores.journal,
    storageProblems: stores.problems,
    logger: logger.child('sharing'),
    emit: (event) => deps.onSharingEvent(profileId, event),
    agentLabel: (agentId) => agentNames.get(agentId),
  });

  const runtime: ProfileRuntime = {
    profileId,
    target,
    issuer,
    http,
    clients,
    cache,
    orgs,
    flows,
    sharing,
    roleDirectory,
    agentNames,
    connectivity,
    syncAbort: undefined,
    dispose: async () => {
      runtime.syncAbort?.abort();
      await flows.dispose();
      await orgs.flush();
      await http.close();
    },
  };
  return runtime;
}
