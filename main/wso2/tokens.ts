/**
 * Management access tokens for one profile: a root token (client credentials with the vault's
 * client secret, or an injected interactive sign-in source) and, per child organization, an
 * `organization_switch` token. Tokens live in memory only, keyed by (profile, organization),
 * and are replaced shortly before they expire; a token for one organization is never handed
 * out for another.
 */
import { z } from 'zod';
import type { Logger } from '../log/logger';
import type { BearerSource } from './api';
import { OAuthError } from './errors';
import { requireUuid } from './ids';
import type { ClientAuth, OAuthClient, TokenResponse } from './oauth';

/** Root-organization scopes of every management API the app calls (reference §2). */
export const ROOT_MANAGEMENT_SCOPES: readonly string[] = [
  'internal_organization_view',
  'internal_organization_create',
  'internal_agent_mgt_view',
  'internal_agent_mgt_list',
  'internal_agent_mgt_create',
  'internal_agent_share',
  'internal_agent_unshare',
  'internal_agent_shared_access_view',
  'internal_agent_shared_access_update',
  'internal_role_mgt_view',
  'internal_oauth2_introspect',
];

/** The `/o/` counterparts, requested with `organization_switch`. */
export const ORG_MANAGEMENT_SCOPES: readonly string[] = [
  'internal_org_organization_view',
  'internal_org_agent_mgt_view',
  'internal_org_agent_mgt_list',
  'internal_org_agent_share',
  'internal_org_agent_unshare',
  'internal_org_agent_shared_access_view',
  'internal_org_agent_shared_access_update',
  'internal_org_role_mgt_view',
];

/** A root token obtained elsewhere (interactive admin sign-in); it refreshes itself. */
export interface RootTokenSource {
  token(signal?: AbortSignal): Promise<string>;
  invalidate?(accessToken: string): void;
}

export interface ManagementTokenDeps {
  oauth: OAuthClient;
  profileId: string;
  clientId: string;
  /** The client secret from the vault; resolves `undefined` when none is stored. */
  getSecret: () => Promise<string | undefined>;
  /** When given, root tokens come from here instead of client credentials. */
  rootTokenSource?: RootTokenSource;
  rootScopes?: readonly string[];
  orgScopes?: readonly string[];
  /** Milliseconds since the epoch. */
  clock?: () => number;
  /** How long before expiry a token is replaced (at most half its lifetime). */
  refreshMarginMs?: number;
  /** Lifetime assumed when the server sends no `expires_in`. */
  defaultLifetimeMs?: number;
  logger: Logger;
}

export interface ManagementTokens extends BearerSource {
  /** Drops every cached token of this profile (sign-out, profile edit). */
  clear(): void;
}

/** No client secret is stored for the profile and no sign-in source was given. */
export class MissingCredentialsError extends Error {
  constructor(profileId: string) {
    super(`no client secret is stored for profile ${profileId}`);
    this.name = 'MissingCredentialsError';
  }
}

/** The server issued a switched token for another organization than the one asked for. */
export class TokenOrganizationMismatchError extends Error {
  constructor() {
    super('the switched token names a different organization than requested');
    this.name = 'TokenOrganizationMismatchError';
  }
}

interface CachedToken {
  accessToken: string;
  /** Replace at or after this instant. */
  renewAt: number;
}

const ROOT_KEY = '';

export function createManagementTokens(deps: ManagementTokenDeps): ManagementTokens {
  const clock = deps.clock ?? Date.now;
  const margin = deps.refreshMarginMs ?? 60_000;
  const defaultLifetime = deps.defaultLifetimeMs ?? 300_000;
  const rootScopes = deps.rootScopes ?? ROOT_MANAGEMENT_SCOPES;
  const orgScopes = deps.orgScopes ?? ORG_MANAGEMENT_SCOPES;
  const log = deps.logger.child('tokens');
  const cache = new Map<string, CachedToken>();
  const pending = new Map<string, Promise<string>>();
  const keyOf = (orgId: string | undefined): string =>
    `${deps.profileId}\u0000${orgId ?? ROOT_KEY}`;

  const remember = (key: string, response: TokenResponse): string => {
    const lifetime =
      response.expires_in === undefined ? defaultLifetime : response.expires_in * 1000;
    const renewAt = clock() + lifetime - Math.min(margin, lifetime / 2);
    cache.set(key, { accessToken: response.access_token, renewAt });
    return response.access_token;
  };

  const client = async (): Promise<ClientAuth> => {
    const secret = await deps.getSecret();
    if (secret === undefined || secret === '') {
      if (deps.rootTokenSource !== undefined) return { clientId: deps.clientId };
      throw new MissingCredentialsError(deps.profileId);
    }
    return { clientId: deps.clientId, clientSecret: secret };
  };

  const fetchRoot = async (signal?: AbortSignal): Promise<string> => {
    const response = await deps.oauth.clientCredentials(await client(), rootScopes, { signal });
    log.debug('root management token obtained', { profile: deps.profileId });
    return remember(keyOf(undefined), response);
  };

  const switchInto = async (orgId: string, signal?: AbortSignal): Promise<string> => {
    let rootToken = '';
    const attempt = async (): Promise<TokenResponse> => {
      rootToken = await token(undefined, signal);
      return deps.oauth.organizationSwitch(
        { client: await client(), token: rootToken, organizationId: orgId, scopes: orgScopes },
        { signal },
      );
    };
    let response: TokenResponse;
    try {
      response = await attempt();
    } catch (error) {
      // "Invalid token received." means the root token died early (revoked, server restart);
      // other invalid_grant causes (app not shared with the org) fail again and surface.
      if (!(error instanceof OAuthError) || error.error !== 'invalid_grant') throw error;
      invalidate(undefined, rootToken);
      response = await attempt();
    }
    if (!namesOrganization(response.access_token, orgId))
      throw new TokenOrganizationMismatchError();
    log.debug('organization token obtained', { profile: deps.profileId });
    return remember(keyOf(orgId), response);
  };

  const token = async (orgId: string | undefined, signal?: AbortSignal): Promise<string> => {
    const id = orgId === undefined ? undefined : requireUuid(orgId, 'orgId').toLowerCase();
    if (id === undefined && deps.rootTokenSource !== undefined) {
      return deps.rootTokenSource.token(signal);
    }
    const key = keyOf(id);
    const cached = cache.get(key);
    if (cached !== undefined && clock() < cached.renewAt) return cached.accessToken;
    const inFlight = pending.get(key);
    if (inFlight !== undefined) return inFlight;

    const fetching = (id === undefined ? fetchRoot(signal) : switchInto(id, signal)).finally(() =>
      pending.delete(key),
    );
    pending.set(key, fetching);
    return fetching;
  };

  const invalidate = (orgId: string | undefined, accessToken: string): void => {
    const id = orgId?.toLowerCase();
    if (id === undefined && deps.rootTokenSource !== undefined) {
      deps.rootTokenSource.invalidate?.(accessToken);
      return;
    }
    const key = keyOf(id);
    if (cache.get(key)?.accessToken === accessToken) cache.delete(key);
  };

  return {
    token,
    invalidate,
    clear: () => cache.clear(),
  };
}

const orgClaimSchema = z.looseObject({ org_id: z.string().optional() });

/**
 * True unless the token is a JWT whose `org_id` names another organization. Opaque tokens
 * cannot be checked here; the server binds them to the organization it switched into.
 */
function namesOrganization(accessToken: string, orgId: string): boolean {
  const parts = accessToken.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return true;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return true;
  }
  const parsed = orgClaimSchema.safeParse(claims);
  if (!parsed.success || parsed.data.org_id === undefined) return true;
  return parsed.data.org_id.toLowerCase() === orgId;
}
