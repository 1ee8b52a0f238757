/**
 * A hand-built sandbox state for the OAuth tests: a root with two children, applications for
 * admin, agent login and OBO, one agent shared into one child, users, and roles with
 * permissions. Independent of the demo data so the tests control every fact they assert.
 */
import {
  ROOT_ORG_HANDLE,
  ROOT_ORG_ID,
  type Agent,
  type Application,
  type Org,
  type Role,
} from '../../../../../main/sandbox/model';
import type { SandboxState } from '../../../../../main/sandbox/state';

export const IDS = {
  root: ROOT_ORG_ID,
  business: '3b1c6a52-8f0e-4c5e-9d2a-6f1b7c2e4a10',
  retail: '8061bfa7-de53-41a3-827f-be60c1739f65',
  disabled: '9172c0b8-ef64-42b4-9380-cf71d284a076',
  agent: '7a1b7d63-8cfc-4dc9-9332-3f84641b72d8',
  agentCopy: 'c0c0c0c0-8cfc-4dc9-9332-3f84641b72d8',
  lockedAgent: '2f4c9e1a-5b6d-4c3e-8f7a-1b2c3d4e5f60',
  unsharedAgent: 'a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d',
  orgAgent: 'e5e5e5e5-e7f8-4a9b-8c0d-1e2f3a4b5c6d',
  bob: 'b5c6d7e8-f9a0-4b1c-9d2e-3f4a5b6c7d8e',
  rootAdmin: 'd1d1d1d1-f9a0-4b1c-9d2e-3f4a5b6c7d8e',
} as const;

export const SECRETS = {
  agent: 'agent-secret',
  lockedAgent: 'locked-secret',
  unsharedAgent: 'unshared-secret',
  orgAgent: 'org-agent-secret',
  bob: 'bob-password',
  rootAdmin: 'admin-password',
} as const;

export const CLIENTS = {
  admin: { clientId: 'admin-client', clientSecret: 'admin-secret' },
  agentLogin: { clientId: 'agent-login', clientSecret: 'agent-login-secret' },
  obo: { clientId: 'obo-client' },
  browserOnly: { clientId: 'browser-only', clientSecret: 'browser-only-secret' },
} as const;

export const AGENT_REDIRECT = 'https://agent.example.com/callback';
export const OBO_REDIRECT = 'http://127.0.0.1:8765/callback';

function org(id: string, name: string, handle: string, parentId: string | null, n: number): Org {
  const created = `2026-01-0${n} 10:00:00.000000`;
  return {
    id,
    name,
    orgHandle: handle,
    description: '',
    status: 'ACTIVE',
    type: parentId === null ? 'TENANT' : 'STRUCTURAL',
    parentId,
    created,
    createdMicros: Date.UTC(2026, 0, n) * 1000,
    lastModified: created,
    attributes: [],
  };
}

function app(id: string, fields: Partial<Application> & { clientId: string }): Application {
  return {
    id,
    name: fields.clientId,
    orgId: ROOT_ORG_ID,
    grantTypes: ['authorization_code', 'refresh_token', 'organization_switch'],
    redirectUris: [],
    allowLoopbackRedirects: false,
    apiBasedAuthentication: false,
    authorizedScopes: [],
    sharedWithAll: false,
    sharedOrgIds: [],
    accessTokenLifetimeSec: 3600,
    ...fields,
  };
}

function agent(id: string, password: string, orgId: string, displayName: string): Agent {
  return {
    id,
    userName: `AGENT/${id}`,
    password,
    orgId,
    displayName,
    description: '',
    owner: 'admin',
    isUserServingAgent: true,
    accountLocked: false,
    created: '2026-01-01T00:00:00Z',
    lastModified: '2026-01-01T00:00:00Z',
    extension: {},
    failedLogins: 0,
  };
}

function role(id: string, orgId: string, displayName: string, permissions: string[]): Role {
  return {
    id,
    displayName,
    orgId,
    audience: { type: 'organization', value: orgId, display: orgId },
    permissions,
  };
}

const ADMIN_SCOPES = [
  'internal_agent_share',
  'internal_org_agent_share',
  'internal_org_role_mgt_view',
  'internal_oauth2_introspect',
];

export function seedOAuthFixture(state: SandboxState): void {
  state.addOrg(org(IDS.root, 'Super', ROOT_ORG_HANDLE, null, 1));
  state.addOrg(org(IDS.business, 'Business', 'business', IDS.root, 2));
  state.addOrg(org(IDS.retail, 'Retail', 'retail', IDS.root, 3));
  state.addOrg({ ...org(IDS.disabled, 'Closed', 'closed', IDS.root, 4), status: 'DISABLED' });

  for (const application of [
    app('app-admin', {
      ...CLIENTS.admin,
      grantTypes: ['client_credentials', 'organization_switch'],
      authorizedScopes: ADMIN_SCOPES,
      sharedOrgIds: [IDS.business, IDS.disabled],
    }),
    app('app-agent-login', {
      ...CLIENTS.agentLogin,
      redirectUris: [AGENT_REDIRECT],
      apiBasedAuthentication: true,
      authorizedScopes: ['read_bookings', 'write_bookings'],
      sharedOrgIds: [IDS.business],
    }),
    app('app-obo', {
      ...CLIENTS.obo,
      redirectUris: [OBO_REDIRECT],
      allowLoopbackRedirects: true,
      authorizedScopes: ['read_bookings', 'write_bookings'],
      sharedOrgIds: [IDS.business],
    }),
    app('app-browser-only', {
      ...CLIENTS.browserOnly,
      redirectUris: [AGENT_REDIRECT],
      grantTypes: ['authorization_code'],
    }),
  ]) {
    state.applications.set(application.id, application);
  }

  state.agents.set(IDS.agent, agent(IDS.agent, SECRETS.agent, IDS.root, 'Support <Assistant>'));
  state.agents.set(IDS.agentCopy, {
    ...agent(IDS.agentCopy, 'copy-random', IDS.business, 'Support <Assistant>'),
    userName: `AGENT/${IDS.agent}`,
    managedOrg: IDS.root,
  });
  state.agents.set(
    IDS.lockedAgent,
    agent(IDS.lockedAgent, SECRETS.lockedAgent, IDS.root, 'Travel'),
  );
  state.agents.set(
    IDS.unsharedAgent,
    agent(IDS.unsharedAgent, SECRETS.unsharedAgent, IDS.root, 'Invoice Bot'),
  );
  state.agents.set(IDS.orgAgent, agent(IDS.orgAgent, SECRETS.orgAgent, IDS.business, 'Local Bot'));
  state.shareAssociations.set(1, {
    id: 1,
    agentId: IDS.agent,
    orgId: IDS.business,
    sharedAgentId: IDS.agentCopy,
    residentOrgId: IDS.root,
    initiatingOrgId: IDS.root,
    sharedType: 'SHARED',
  });
  state.nextAssociationId = 2;

  state.users.set(IDS.bob, {
    id: IDS.bob,
    userName: 'bob',
    password: SECRETS.bob,
    orgId: IDS.business,
    accountLocked: false,
  });
  state.users.set(IDS.rootAdmin, {
    id: IDS.rootAdmin,
    userName: 'admin',
    password: SECRETS.rootAdmin,
    orgId: IDS.root,
    accountLocked: false,
  });

  const roles = [
    role('role-root-agent', IDS.root, 'agent-root', ['read_bookings']),
    role('role-biz-reader', IDS.business, 'booking-reader', ['read_bookings']),
    role('role-biz-writer', IDS.business, 'booking-writer', ['write_bookings']),
  ];
  for (const r of roles) state.roles.set(r.id, r);
  state.roleAssignments.set(state.assignmentKey(IDS.root, IDS.agent), new Set(['role-root-agent']));
  state.roleAssignments.set(
    state.assignmentKey(IDS.business, IDS.agentCopy),
    new Set(['role-biz-reader']),
  );
  state.roleAssignments.set(
    state.assignmentKey(IDS.business, IDS.bob),
    new Set(['role-biz-reader', 'role-biz-writer']),
  );
}
