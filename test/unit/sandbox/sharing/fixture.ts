/**
 * A small organization tree for the sharing engine's unit tests, built directly on
 * `SandboxState`:
 *
 *   root ─┬─ A ─┬─ A1 ── A1a
 *         │     └─ A2
 *         └─ B
 *
 * Root roles: "Viewer" and "Admin" (organization audience) and "Editor" (application
 * "Travel App"). Every child has copies of Viewer and Editor; Admin is copied only into the
 * A branch, so sharing Admin into B must drop it silently.
 */
import { createLogger, type LogRecord } from '../../../../main/log/logger';
import { ROOT_ORG_ID, type Agent, type Org, type Role } from '../../../../main/sandbox/model';
import { SandboxState } from '../../../../main/sandbox/state';

export const ORG = {
  root: ROOT_ORG_ID,
  a: 'a0000000-0000-4000-8000-000000000001',
  a1: 'a0000000-0000-4000-8000-000000000011',
  a1a: 'a0000000-0000-4000-8000-000000000111',
  a2: 'a0000000-0000-4000-8000-000000000012',
  b: 'b0000000-0000-4000-8000-000000000002',
} as const;

export const AGENT = {
  travel: '7a1b7d63-8cfc-4dc9-9332-3f84641b72d8',
  billing: '2f4c9e1a-5b6d-4c3e-8f7a-1b2c3d4e5f60',
  /** Resident in A, for organization-scoped calls. */
  local: 'c3c3c3c3-0000-4000-8000-00000000000a',
} as const;

export const APP_ID = 'app-travel';
export const ROOT_ROLE = { viewer: 'role-viewer', admin: 'role-admin', editor: 'role-editor' };

const NAMES: Record<string, string> = {
  [ORG.root]: 'Super',
  [ORG.a]: 'Org A',
  [ORG.a1]: 'Org A1',
  [ORG.a1a]: 'Org A1a',
  [ORG.a2]: 'Org A2',
  [ORG.b]: 'Org B',
};

let micros = 1_760_000_000_000_000;

export function org(id: string, name: string, parentId: string | null): Org {
  micros += 1000;
  return {
    id,
    name,
    orgHandle: name.toLowerCase().replace(/\s+/g, '-'),
    description: '',
    status: 'ACTIVE',
    type: 'TENANT',
    parentId,
    created: '2026-01-01 00:00:00.000000',
    createdMicros: micros,
    lastModified: '2026-01-01 00:00:00.000000',
    attributes: [],
  };
}

export function agent(id: string, orgId: string, displayName: string): Agent {
  return {
    id,
    userName: `AGENT/${id}`,
    password: 'secret',
    orgId,
    displayName,
    description: '',
    owner: 'admin',
    isUserServingAgent: false,
    accountLocked: false,
    created: '2026-01-01T00:00:00.000Z',
    lastModified: '2026-01-01T00:00:00.000Z',
    extension: {},
    failedLogins: 0,
  };
}

function rootRole(id: string, displayName: string, app?: boolean): Role {
  return {
    id,
    displayName,
    orgId: ORG.root,
    audience: app
      ? { type: 'application', value: APP_ID, display: 'Travel App' }
      : { type: 'organization', value: ORG.root, display: 'Super' },
    permissions: [],
  };
}

/** Copies of the given root roles inside `target`, as the organization code makes them. */
export function copyRoles(state: SandboxState, target: Org, roleIds: string[]): void {
  for (const roleId of roleIds) {
    const source = state.roles.get(roleId)!;
    const id = `${roleId}@${target.id}`;
    state.roles.set(id, {
      ...source,
      id,
      orgId: target.id,
      audience:
        source.audience.type === 'organization'
          ? { type: 'organization', value: target.id, display: target.name }
          : { ...source.audience },
      sharedFromRoleId: roleId,
    });
  }
}

export function buildState(): SandboxState {
  const state = new SandboxState(ORG.root);
  state.addOrg(org(ORG.root, NAMES[ORG.root]!, null));
  const tree: [string, string][] = [
    [ORG.a, ORG.root],
    [ORG.a1, ORG.a],
    [ORG.a1a, ORG.a1],
    [ORG.a2, ORG.a],
    [ORG.b, ORG.root],
  ];
  for (const [id, parent] of tree) state.addOrg(org(id, NAMES[id]!, parent));

  state.applications.set(APP_ID, {
    id: APP_ID,
    name: 'Travel App',
    clientId: 'travel-app',
    orgId: ORG.root,
    grantTypes: ['client_credentials'],
    redirectUris: [],
    allowLoopbackRedirects: false,
    apiBasedAuthentication: false,
    authorizedScopes: [],
    sharedWithAll: true,
    sharedOrgIds: [],
    accessTokenLifetimeSec: 3600,
  });
  state.roles.set(ROOT_ROLE.viewer, rootRole(ROOT_ROLE.viewer, 'Viewer'));
  state.roles.set(ROOT_ROLE.admin, rootRole(ROOT_ROLE.admin, 'Admin'));
  state.roles.set(ROOT_ROLE.editor, rootRole(ROOT_ROLE.editor, 'Editor', true));
  for (const id of [ORG.a, ORG.a1, ORG.a1a, ORG.a2]) {
    copyRoles(state, state.orgs.get(id)!, [ROOT_ROLE.viewer, ROOT_ROLE.admin, ROOT_ROLE.editor]);
  }
  copyRoles(state, state.orgs.get(ORG.b)!, [ROOT_ROLE.viewer, ROOT_ROLE.editor]);

  state.agents.set(AGENT.travel, agent(AGENT.travel, ORG.root, 'Travel Agent'));
  state.agents.set(AGENT.billing, agent(AGENT.billing, ORG.root, 'Billing Agent'));
  state.agents.set(AGENT.local, agent(AGENT.local, ORG.a, 'Local Agent'));
  return state;
}

/** The copy id `copyRoles` gives a root role inside an organization. */
export function copyOf(roleId: string, orgId: string): string {
  return `${roleId}@${orgId}`;
}

/** Records every log line so tests can check what WSO2 would have logged. */
export function recordingLogger(): {
  logger: ReturnType<typeof createLogger>;
  records: LogRecord[];
} {
  const records: LogRecord[] = [];
  return {
    logger: createLogger('test', { level: 'debug', sinks: [(r) => records.push(r)] }),
    records,
  };
}

/** Organization ids the agent is shared with, in association order. */
export function sharedOrgIds(state: SandboxState, agentId: string): string[] {
  return [...state.shareAssociations.values()]
    .filter((a) => a.agentId === agentId)
    .sort((x, y) => x.id - y.id)
    .map((a) => a.orgId);
}

/** Role ids the agent's copy holds in an organization (empty when not shared there). */
export function rolesOfCopy(state: SandboxState, agentId: string, orgId: string): string[] {
  const association = [...state.shareAssociations.values()].find(
    (a) => a.agentId === agentId && a.orgId === orgId,
  );
  if (!association) return [];
  return [...(state.roleAssignments.get(`${orgId}|${association.sharedAgentId}`) ?? [])].sort();
}
