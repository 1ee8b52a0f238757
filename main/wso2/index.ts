/**
 * Typed WSO2 clients for one profile, wired over the profile's HTTP client.
 *
 * - `createWso2Clients(deps)` → `{ tokens, oauth, api, organizations, agents, roles,
 *   agentSharing }`: management tokens (client credentials or an injected sign-in source,
 *   `organization_switch` per org), and one client per API. Every call accepts
 *   `{ orgId?, signal? }`; with `orgId` it runs through `/t/{root}/o/…` with that org's token.
 * - Errors: `WSO2ApiError` (`status`, `code`, `message`, `description`, `traceId`),
 *   `OAuthError` (`status`, `error`, `error_description`), `ResponseSchemaError` (`what`,
 *   `issues[{ path, message }]`), `InvalidInputError` (`field`); transport errors
 *   (`TlsError`, `TimeoutError`, …) pass through.
 */
import type { Logger } from '../log/logger';
import { type AgentSharingClient, createAgentSharingClient } from './agent-sharing';
import { type AgentsClient, createAgentsClient } from './agents';
import { type Wso2Api, createWso2Api } from './api';
import { type OAuthClient, createOAuthClient } from './oauth';
import { type OrganizationsClient, createOrganizationsClient } from './organizations';
import { type RolesClient, createRolesClient } from './roles';
import { type ManagementTokens, type RootTokenSource, createManagementTokens } from './tokens';
import type { Transport } from './transport';

export interface Wso2ClientsDeps {
  transport: Transport;
  profileId: string;
  /** Tenant domain of the root organization, e.g. `carbon.super`. */
  rootOrgHandle: string;
  /** Client id of the profile's management application. */
  clientId: string;
  /** The management application's secret from the vault (`undefined` when none is stored). */
  getSecret: () => Promise<string | undefined>;
  rootTokenSource?: RootTokenSource;
  clock?: () => number;
  logger: Logger;
}

export interface Wso2Clients {
  tokens: ManagementTokens;
  oauth: OAuthClient;
  api: Wso2Api;
  organizations: OrganizationsClient;
  agents: AgentsClient;
  roles: RolesClient;
  agentSharing: AgentSharingClient;
}

export function createWso2Clients(deps: Wso2ClientsDeps): Wso2Clients {
  const oauth = createOAuthClient(deps);
  const tokens = createManagementTokens({
    oauth,
    profileId: deps.profileId,
    clientId: deps.clientId,
    getSecret: deps.getSecret,
    logger: deps.logger,
    ...(deps.rootTokenSource === undefined ? {} : { rootTokenSource: deps.rootTokenSource }),
    ...(deps.clock === undefined ? {} : { clock: deps.clock }),
  });
  const api = createWso2Api({
    transport: deps.transport,
    rootOrgHandle: deps.rootOrgHandle,
    tokens,
    logger: deps.logger,
  });
  return {
    tokens,
    oauth,
    api,
    organizations: createOrganizationsClient(api),
    agents: createAgentsClient(api),
    roles: createRolesClient(api),
    agentSharing: createAgentSharingClient(api),
  };
}

export * from './errors';
export type { CallOptions, OrgScope, BearerSource } from './api';
export type { Transport, TransportRequest, TransportResponse } from './transport';
