/**
 * The sharing service wired the way the app wires it — the real WSO2 clients over HTTPS,
 * trusting only the sandbox's certificate — with the outbox and journal in a temp directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient } from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import type { SandboxOptions } from '../../../main/sandbox/index';
import { readSnapshot } from '../../../main/sharing/apply';
import type { SharingEvent } from '../../../main/sharing/events';
import type { OrgNode, OrgTreeView, RoleContext } from '../../../main/sharing/ports';
import { type SharingService, createSharingService } from '../../../main/sharing/service';
import { coreOf } from '../../../main/sharing/snapshot';
import { openSharingStores } from '../../../main/sharing/stores';
import { createTree } from '../../../main/sharing/tree';
import type { RoleRef, ShareSnapshot } from '../../../preload/contract/sharing-domain';
import { type Wso2Clients, createWso2Clients } from '../../../main/wso2';
import { type TestSandbox, startTestSandbox } from '../../support/sandbox';

export interface SharingHarness {
  t: TestSandbox;
  clients: Wso2Clients;
  service: SharingService;
  tree: OrgTreeView;
  roles: RoleContext;
  events: SharingEvent[];
  /** Root role by display name. */
  role(name: string): RoleRef;
  read(agentId: string): Promise<ShareSnapshot>;
  stop(): Promise<void>;
}

async function loadTree(clients: Wso2Clients): Promise<OrgTreeView> {
  const root = await clients.organizations.getSelf();
  const nodes: OrgNode[] = [{ id: root.id, name: root.name, parentId: null, depth: 0 }];
  for (let i = 0; i < nodes.length; i++) {
    const parent = nodes[i]!;
    for (const child of await clients.organizations.listChildren(parent.id)) {
      nodes.push({ id: child.id, name: child.name, parentId: parent.id, depth: parent.depth + 1 });
    }
  }
  return createTree(root.id, nodes);
}

function toRef(role: {
  displayName: string;
  audience?: { display?: string; type: 'organization' | 'application' };
}): RoleRef {
  return {
    displayName: role.displayName,
    audienceType: role.audience?.type ?? 'organization',
    audienceDisplay: role.audience?.display ?? '',
  };
}

async function loadRoles(clients: Wso2Clients, tree: OrgTreeView): Promise<RoleContext> {
  const rootRoles = (await clients.roles.listAll()).map(toRef);
  const perOrg = new Map<string, RoleRef[]>();
  const stack = [...tree.childrenOf(tree.rootId)];
  while (stack.length > 0) {
    const orgId = stack.pop()!;
    // A deactivated org cannot be switched into; its roles stay unknown.
    const roles = await clients.roles.listAll({ orgId }).catch(() => undefined);
    if (roles !== undefined) perOrg.set(orgId, roles.map(toRef));
    stack.push(...tree.childrenOf(orgId));
  }
  return { rootRoles, rolesInOrg: (orgId) => perOrg.get(orgId) };
}

export async function startSharing(options: SandboxOptions = {}): Promise<SharingHarness> {
  const t = await startTestSandbox({ shareDelayMs: 30, ...options });
  const http = createHttpClient({
    baseUrl: t.url,
    trust: { type: 'ca', pem: t.sandbox.caPem },
    logger: silentLogger,
    retry: { maxAttempts: 2, baseDelayMs: 10 },
  });
  const clients = createWso2Clients({
    transport: http,
    profileId: 'sandbox',
    rootOrgHandle: DEMO.rootOrgHandle,
    clientId: DEMO.apps.admin.clientId,
    getSecret: () => Promise.resolve(DEMO.apps.admin.clientSecret),
    logger: silentLogger,
  });
  const dir = await mkdtemp(join(tmpdir(), 'sharing-it-'));
  const { outbox, journal, problems } = await openSharingStores({ dir, logger: silentLogger });
  const tree = await loadTree(clients);
  const roles = await loadRoles(clients, tree);
  const events: SharingEvent[] = [];
  const service = createSharingService({
    profileId: 'sandbox',
    baseUrl: `${t.url}/t/${DEMO.rootOrgHandle}`,
    api: clients.agentSharing,
    tree: () => Promise.resolve(tree),
    roles: () => Promise.resolve(roles),
    outbox,
    journal,
    storageProblems: problems,
    logger: silentLogger,
    emit: (event) => events.push(event),
    concurrency: 4,
    poll: { deadlineMs: 15_000, initialDelayMs: 40, maxDelayMs: 300 },
    reconcile: { deadlineMs: 600, initialDelayMs: 40, maxDelayMs: 200 },
    maxAttempts: 2,
  });
  return {
    t,
    clients,
    service,
    tree,
    roles,
    events,
    role: (name) => {
      const found = roles.rootRoles?.find((role) => role.displayName === name);
      if (found === undefined) throw new Error(`no root role ${name}`);
      return found;
    },
    read: (agentId) => readSnapshot(clients.agentSharing, agentId, { now: Date.now }),
    stop: async () => {
      await http.close();
      await t.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A canonical text of a share state (orgs with role keys, policies), for equality checks. */
export function fingerprint(snapshot: ShareSnapshot): string {
  const core = coreOf(snapshot);
  return JSON.stringify({
    all: core.all,
    holders: [...core.holders].sort(),
    shared: [...core.shared].sort(),
  });
}

/** Polls until `done` holds (the sandbox completes sharing asynchronously). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
