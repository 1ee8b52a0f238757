/**
 * The shared request path of the REST and SCIM clients: tenancy-aware base paths, the bearer
 * for the root organization or an organization-switched one, error mapping, and one retry
 * with a fresh token when the server refuses the current one.
 */
import type { Logger } from '../log/logger';
import { WSO2ApiError, mapTransportError } from './errors';
import { requireOrgHandle, requireUuid } from './ids';
import type { HttpMethod, QueryValue, Transport, TransportResponse } from './transport';

/** Where an API call runs: the root organization, or a child organization through `/o/`. */
export interface OrgScope {
  /** The child organization whose switched token authorizes the call; absent for root. */
  orgId?: string;
}

/** Supplies management access tokens, per organization (`undefined` = the root org). */
export interface BearerSource {
  token(orgId: string | undefined, signal?: AbortSignal): Promise<string>;
  /** Forgets a token the server refused, so the next `token()` obtains a fresh one. */
  invalidate(orgId: string | undefined, token: string): void;
}

/** Options every client call accepts: the organization scope and a cancellation signal. */
export interface CallOptions extends OrgScope {
  signal?: AbortSignal;
}

/** Spreads a call's options into an `ApiCall` (omitting absent fields). */
export function scopeOf(options: CallOptions | undefined): {
  scope?: OrgScope;
  signal?: AbortSignal;
} {
  if (options === undefined) return {};
  return {
    ...(options.orgId === undefined ? {} : { scope: { orgId: options.orgId } }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
}

export interface Wso2ApiDeps {
  transport: Transport;
  /** Tenant domain of the root organization, e.g. `carbon.super`. */
  rootOrgHandle: string;
  tokens: BearerSource;
  logger: Logger;
}

export type ApiFamily = 'server-v1' | 'scim2';

export interface ApiCall {
  method: HttpMethod;
  family: ApiFamily;
  /** Path below the family's base, built only from literals and validated ids. */
  path: string;
  scope?: OrgScope;
  query?: Record<string, QueryValue>;
  json?: unknown;
  signal?: AbortSignal;
  expect?: 'json' | 'none';
}

export interface Wso2Api {
  /** Server-relative base path, e.g. `/t/carbon.super/o/api/server/v1`. */
  basePath(family: ApiFamily, scope?: OrgScope): string;
  call(call: ApiCall): Promise<TransportResponse>;
}

const FAMILY_PATH: Record<ApiFamily, string> = {
  'server-v1': 'api/server/v1',
  scim2: 'scim2',
};

export function createWso2Api(deps: Wso2ApiDeps): Wso2Api {
  const tenant = `/t/${encodeURIComponent(requireOrgHandle(deps.rootOrgHandle))}`;
  const log = deps.logger.child('wso2');

  const orgOf = (scope: OrgScope | undefined): string | undefined =>
    scope?.orgId === undefined ? undefined : requireUuid(scope.orgId, 'orgId');

  const basePath = (family: ApiFamily, scope?: OrgScope): string =>
    orgOf(scope) === undefined
      ? `${tenant}/${FAMILY_PATH[family]}`
      : `${tenant}/o/${FAMILY_PATH[family]}`;

  const send = async (call: ApiCall, bearer: string): Promise<TransportResponse> => {
    try {
      return await deps.transport.request({
        method: call.method,
        url: `${basePath(call.family, call.scope)}/${call.path}`,
        bearer,
        ...(call.query === undefined ? {} : { query: call.query }),
        ...(call.json === undefined ? {} : { json: call.json }),
        ...(call.signal === undefined ? {} : { signal: call.signal }),
        expect: call.expect ?? 'json',
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw mapTransportError(error, 'api');
    }
  };

  const call = async (request: ApiCall): Promise<TransportResponse> => {
    const orgId = orgOf(request.scope);
    const bearer = await deps.tokens.token(orgId, request.signal);
    try {
      return await send(request, bearer);
    } catch (error) {
      // A 401 means the auth layer refused the token before the API ran, so repeating the
      // call once with a fresh token cannot apply a write twice.
      if (!(error instanceof WSO2ApiError) || error.status !== 401) throw error;
      log.info('token refused; retrying once with a fresh token', {
        method: request.method,
        family: request.family,
        orgScoped: orgId !== undefined,
      });
      deps.tokens.invalidate(orgId, bearer);
      const fresh = await deps.tokens.token(orgId, request.signal);
      return send(request, fresh);
    }
  };

  return { basePath, call };
}
