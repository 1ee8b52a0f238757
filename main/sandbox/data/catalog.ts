/**
 * What lives in the root organization of both the demo and generated data: the root itself,
 * the demo applications, root roles with their permissions, the three root agents and the
 * root administrator, with their root role assignments.
 */
import { ROOT_ORG_HANDLE, type Agent, type Application, type Role, type User } from '../model';
import { buildOrg } from '../orgs/factory';
import { isoFromMicros } from '../orgs/timestamps';
import type { SandboxState } from '../state';
import { DEMO } from './demo-ids';
import { stableUuid } from './ids';
import { ALL_ADMIN_SCOPES, ROOT_MANAGEMENT_SCOPES } from './scopes';

export const ROOT_ORG_NAME = 'Super';

export const APP_IDS = {
  admin: stableUuid('app:sharedesk-admin'),
  console: stableUuid('app:sharedesk-console'),
  agentLogin: stableUuid('app:agent-login-app'),
  obo: stableUuid('app:obo-client'),
};

const LOOPBACK_CALLBACK = 'http://127.0.0.1/callback';
const CUSTOM_SCOPES = ['tickets:read', 'tickets:write', 'bookings:read', 'bookings:write'];
const VIEW_SCOPES = [
  'internal_organization_view',
  'internal_agent_mgt_view',
  'internal_agent_mgt_list',
  'internal_role_mgt_view',
  'internal_agent_shared_access_view',
];
const ORG_VIEW_SCOPES = VIEW_SCOPES.map((s) => s.replace(/^internal_/, 'internal_org_'));

function demoApplications(rootOrgId: string): Application[] {
  const base = {
    orgId: rootOrgId,
    sharedWithAll: true,
    sharedOrgIds: [],
    accessTokenLifetimeSec: 3600,
  };
  return [
    {
      ...base,
      id: APP_IDS.admin,
      name: 'ShareDesk Admin',
      clientId: DEMO.apps.admin.clientId,
      clientSecret: DEMO.apps.admin.clientSecret,
      grantTypes: ['client_credentials', 'organization_switch'],
      redirectUris: [],
      allowLoopbackRedirects: false,
      apiBasedAuthentication: false,
      authorizedScopes: [...ALL_ADMIN_SCOPES],
    },
    {
      // A public client for interactive administrator sign-in (authorization code + PKCE).
      ...base,
      id: APP_IDS.console,
      name: 'ShareDesk Console Sign-in',
      clientId: DEMO.apps.console.clientId,
      grantTypes: ['authorization_code', 'refresh_token', 'organization_switch'],
      redirectUris: [LOOPBACK_CALLBACK],
      allowLoopbackRedirects: true,
      apiBasedAuthentication: false,
      authorizedScopes: ['openid', ...ALL_ADMIN_SCOPES],
    },
    {
      ...base,
      id: APP_IDS.agentLogin,
      name: 'Agent Login',
      clientId: DEMO.apps.agentLogin.clientId,
      clientSecret: DEMO.apps.agentLogin.clientSecret,
      grantTypes: ['authorization_code', 'refresh_token', 'organization_switch'],
      redirectUris: [LOOPBACK_CALLBACK],
      allowLoopbackRedirects: true,
      apiBasedAuthentication: true,
      authorizedScopes: ['openid', 'profile', ...CUSTOM_SCOPES, ...VIEW_SCOPES, ...ORG_VIEW_SCOPES],
    },
    {
      ...base,
      id: APP_IDS.obo,
      name: 'OBO Client',
      clientId: DEMO.apps.obo.clientId,
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: [LOOPBACK_CALLBACK],
      allowLoopbackRedirects: true,
      apiBasedAuthentication: false,
      authorizedScopes: ['openid', 'profile', 'email', ...CUSTOM_SCOPES, ...ORG_VIEW_SCOPES],
    },
  ];
}

interface RoleSpec {
  name: string;
  /** Application client id for application roles; organization audience otherwise. */
  app?: keyof typeof APP_IDS;
  permissions: string[];
}

export const ROOT_ROLES: readonly RoleSpec[] = [
  { name: 'Administrator', permissions: [...ROOT_MANAGEMENT_SCOPES] },
  {
    name: 'Org Admin',
    permissions: ROOT_MANAGEMENT_SCOPES.filter(
      (s) => !s.startsWith('internal_role_mgt_') || s === 'internal_role_mgt_view',
    ),
  },
  { name: 'Org Viewer', permissions: [...VIEW_SCOPES] },
  {
    name: 'Agent Operator',
    permissions: [
      'internal_organization_view',
      'internal_agent_mgt_view',
      'internal_agent_mgt_list',
      'tickets:read',
      'tickets:write',
    ],
  },
  { name: 'Booking Agent', app: 'agentLogin', permissions: ['bookings:read', 'bookings:write'] },
  { name: 'Ticket Reader', app: 'obo', permissions: ['tickets:read'] },
  { name: 'Ticket Resolver', app: 'obo', permissions: ['tickets:read', 'tickets:write'] },
];

export const rootRoleId = (name: string): string => stableUuid(`role:root:${name}`);

function rootRoles(state: SandboxState): Role[] {
  return ROOT_ROLES.map((spec) => {
    const app = spec.app ? state.applications.get(APP_IDS[spec.app]) : undefined;
    const audience = app
      ? { type: 'application' as const, value: app.id, display: app.name }
      : { type: 'organization' as const, value: state.rootOrgId, display: ROOT_ORG_NAME };
    return {
      id: rootRoleId(spec.name),
      displayName: spec.name,
      orgId: state.rootOrgId,
      audience,
      permissions: spec.permissions,
    };
  });
}

interface AgentSpec {
  key: keyof typeof DEMO.agents;
  displayName: string;
  description: string;
  isUserServingAgent: boolean;
  roles: string[];
}

const AGENTS: readonly AgentSpec[] = [
  {
    key: 'supportAssistant',
    displayName: 'Support Assistant',
    description: 'Answers customer support tickets',
    isUserServingAgent: true,
    roles: ['Agent Operator'],
  },
  {
    key: 'travelPlanner',
    displayName: 'Travel Planner',
    description: 'Books travel for employees',
    isUserServingAgent: true,
    roles: ['Org Viewer', 'Booking Agent'],
  },
  {
    key: 'invoiceBot',
    displayName: 'Invoice Bot',
    description: 'Reconciles supplier invoices in the background',
    isUserServingAgent: false,
    roles: ['Ticket Reader'],
  },
];

export function assignRoles(
  state: SandboxState,
  orgId: string,
  identityId: string,
  roleIds: string[],
): void {
  const key = state.assignmentKey(orgId, identityId);
  const set = state.roleAssignments.get(key) ?? new Set<string>();
  for (const id of roleIds) set.add(id);
  state.roleAssignments.set(key, set);
}

export function buildUser(
  orgId: string,
  spec: { id: string; userName: string; password: string; givenName: string; familyName: string },
): User {
  return {
    ...spec,
    orgId,
    email: `${spec.userName}@example.com`,
    accountLocked: false,
  };
}

/** Adds the root organization and everything the catalog puts in it. */
export function addRootCatalog(state: SandboxState, createdMicros: number): void {
  state.addOrg(
    buildOrg({
      id: state.rootOrgId,
      name: ROOT_ORG_NAME,
      orgHandle: ROOT_ORG_HANDLE,
      parentId: null,
      createdMicros,
      description: 'The root organization (super tenant)',
    }),
  );
  for (const app of demoApplications(state.rootOrgId)) state.applications.set(app.id, app);
  for (const role of rootRoles(state)) state.roles.set(role.id, role);

  const created = isoFromMicros(createdMicros);
  for (const spec of AGENTS) {
    const id = DEMO.agents[spec.key];
    const agent: Agent = {
      id,
      userName: `AGENT/${id}`,
      password: DEMO.agentSecrets[spec.key],
      orgId: state.rootOrgId,
      displayName: spec.displayName,
      description: spec.description,
      owner: 'admin@carbon.super',
      isUserServingAgent: spec.isUserServingAgent,
      accountLocked: false,
      created,
      lastModified: created,
      extension: {},
      failedLogins: 0,
    };
    state.agents.set(id, agent);
    assignRoles(state, state.rootOrgId, id, spec.roles.map(rootRoleId));
  }

  const admin = buildUser(state.rootOrgId, {
    id: stableUuid('user:admin'),
    userName: 'admin',
    password: 'admin',
    givenName: 'Root',
    familyName: 'Administrator',
  });
  state.users.set(admin.id, admin);
  assignRoles(state, state.rootOrgId, admin.id, [rootRoleId('Administrator')]);
}
