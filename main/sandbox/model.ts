/**
 * The sandbox's data model: what a WSO2 Identity Server keeps for organizations, applications,
 * users, agents, roles and agent shares, reduced to what ShareDesk's APIs observe.
 * Written from `reference/wso2-api.md`; shares nothing with the client code on purpose.
 */

/** The root organization of `carbon.super`; WSO2 uses this fixed id for the super tenant. */
export const ROOT_ORG_ID = '10084a8d-113f-4211-a0d5-efe36b082211';
export const ROOT_ORG_HANDLE = 'carbon.super';

export type OrgStatus = 'ACTIVE' | 'DISABLED';

export interface Org {
  id: string;
  name: string;
  orgHandle: string;
  description: string;
  status: OrgStatus;
  type: 'TENANT' | 'STRUCTURAL';
  parentId: string | null;
  /** `Timestamp.toString()` form, `yyyy-mm-dd hh:mm:ss.ffffff`; cursors are its Base64. */
  created: string;
  /** Microseconds since the epoch; the sort key (newest first) and unique per org. */
  createdMicros: number;
  lastModified: string;
  attributes: { key: string; value: string }[];
}

export interface Application {
  id: string;
  name: string;
  clientId: string;
  /** Absent for public clients, which authenticate with `client_id` alone. */
  clientSecret?: string;
  orgId: string;
  grantTypes: string[];
  /** Exact redirect URIs. Loopback URIs on any port also match when allowLoopbackRedirects. */
  redirectUris: string[];
  allowLoopbackRedirects: boolean;
  /** App-native (API-based) authentication through `response_mode=direct` and `/oauth2/authn`. */
  apiBasedAuthentication: boolean;
  /** Scopes a client-credentials or user token of this app may receive. */
  authorizedScopes: string[];
  /** Org switching requires the application to be shared with the target organization. */
  sharedWithAll: boolean;
  sharedOrgIds: string[];
  accessTokenLifetimeSec: number;
}

export interface User {
  id: string;
  userName: string;
  password: string;
  orgId: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  accountLocked: boolean;
}

/** A SCIM agent: a user of the `AGENT` store. A shared copy carries `managedOrg`. */
export interface Agent {
  id: string;
  /** `AGENT/<id>` */
  userName: string;
  password: string;
  orgId: string;
  displayName: string;
  description: string;
  owner: string;
  isUserServingAgent: boolean;
  accountLocked: boolean;
  /** Set on shared copies: the resident organization of the original agent. */
  managedOrg?: string;
  created: string;
  lastModified: string;
  /** Other `urn:scim:wso2:agent:schema` attributes, kept as sent. */
  extension: Record<string, unknown>;
  /** Consecutive failed logins; the agent locks at `MAX_FAILED_LOGINS`. */
  failedLogins: number;
}

export const MAX_FAILED_LOGINS = 5;

export type RoleAudienceType = 'organization' | 'application';

export interface Role {
  id: string;
  displayName: string;
  /** The organization the role lives in. */
  orgId: string;
  audience: { type: RoleAudienceType; value: string; display: string };
  /** For a copy inside a child organization: the root role it was shared from. */
  sharedFromRoleId?: string;
  /** API scopes the role grants (WSO2 role permissions), e.g. `internal_org_agent_share`. */
  permissions: string[];
}

export type StoredPolicy =
  'ALL_EXISTING_AND_FUTURE_ORGS' | 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN';

/** One row per organization an agent is shared into (association ids ascend). */
export interface ShareAssociation {
  id: number;
  agentId: string;
  orgId: string;
  sharedAgentId: string;
  residentOrgId: string;
  initiatingOrgId: string;
  sharedType: 'SHARED';
}

/** A future-sharing policy; `SELECTED_ORG_ONLY` shares are never stored as policies. */
export interface SharePolicy {
  agentId: string;
  initiatingOrgId: string;
  policyHoldingOrgId: string;
  policy: StoredPolicy;
  /** Root role ids resolved when the policy was saved. */
  roleIds: string[];
}
