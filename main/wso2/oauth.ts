/**
 * Client of the root organization's OAuth endpoints (reference §8): token, introspection,
 * revocation, JWKS and OIDC discovery. Tokens and secrets pass through here but are never
 * logged; OAuth error bodies become `OAuthError`.
 */
import { z } from 'zod';
import type { Logger } from '../log/logger';
import { InvalidInputError, ResponseSchemaError, mapTransportError } from './errors';
import { requireOrgHandle, requireUuid } from './ids';
import { parseResponse } from './schema';
import type { Transport, TransportRequest, TransportResponse } from './transport';

/** A confidential client authenticates with Basic; a public one sends only `client_id`. */
export interface ClientAuth {
  clientId: string;
  clientSecret?: string;
}

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((value) => value.toLowerCase() === 'bearer', {
    message: 'expected token_type Bearer',
  }),
  expires_in: z.number().nonnegative().optional(),
  refresh_token: z.string().optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
  issued_token_type: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

export const introspectionResponseSchema = z.looseObject({
  active: z.boolean(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  username: z.string().optional(),
  token_type: z.string().optional(),
  exp: z.number().optional(),
  iat: z.number().optional(),
  nbf: z.number().optional(),
  sub: z.string().optional(),
  iss: z.string().optional(),
  aud: z.union([z.string(), z.array(z.string())]).optional(),
  jti: z.string().optional(),
  aut: z.string().optional(),
  org_id: z.string().optional(),
  org_name: z.string().optional(),
  org_handle: z.string().optional(),
  /** Only for impersonation tokens, and a string there (reference §8.6). */
  act: z.string().optional(),
});
export type IntrospectionResponse = z.infer<typeof introspectionResponseSchema>;

export const jwkSchema = z.looseObject({
  kty: z.string(),
  kid: z.string().optional(),
  use: z.string().optional(),
  alg: z.string().optional(),
});
export const jwksSchema = z.object({ keys: z.array(jwkSchema) });
export type Jwks = z.infer<typeof jwksSchema>;

export const discoverySchema = z.looseObject({
  issuer: z.string(),
  token_endpoint: z.string(),
  jwks_uri: z.string(),
  authorization_endpoint: z.string().optional(),
  introspection_endpoint: z.string().optional(),
  revocation_endpoint: z.string().optional(),
  end_session_endpoint: z.string().optional(),
  registration_endpoint: z.string().optional(),
});
export type DiscoveryDocument = z.infer<typeof discoverySchema>;

export type TokenTypeHint = 'access_token' | 'refresh_token';

export interface OAuthCallOptions {
  signal?: AbortSignal;
  /**
   * Sends this call through another transport than the client's own, so one client can serve
   * callers that each record their requests (a token flow's timeline).
   */
  transport?: Transport;
}

export interface OAuthClient {
  /** Server-relative OAuth base: `/oauth2` for carbon.super, else `/t/{root}/oauth2`. */
  readonly basePath: string;
  /** A raw token request; `grant` holds the form fields besides client authentication. */
  token(
    grant: Record<string, string>,
    client: ClientAuth,
    options?: OAuthCallOptions,
  ): Promise<TokenResponse>;
  clientCredentials(
    client: ClientAuth,
    scopes: readonly string[],
    options?: OAuthCallOptions,
  ): Promise<TokenResponse>;
  /** `grant_type=organization_switch` into a child organization (reference §8.2). */
  organizationSwitch(
    request: {
      client: ClientAuth;
      token: string;
      organizationId: string;
      scopes: readonly string[];
    },
    options?: OAuthCallOptions,
  ): Promise<TokenResponse>;
  /** Authenticated with the client (Basic) or with a bearer holding `internal_oauth2_introspect`. */
  introspect(
    token: string,
    auth: { client: ClientAuth } | { bearer: string },
    options?: OAuthCallOptions & { tokenTypeHint?: TokenTypeHint },
  ): Promise<IntrospectionResponse>;
  /** Always 200 on the server, also for unknown tokens (reference §8.7). */
  revoke(
    token: string,
    client: ClientAuth,
    options?: OAuthCallOptions & { tokenTypeHint?: TokenTypeHint },
  ): Promise<void>;
  jwks(options?: OAuthCallOptions): Promise<Jwks>;
  /** Reads the discovery document; with `expectedIssuer` a different issuer is refused. */
  discovery(options?: OAuthCallOptions & { expectedIssuer?: string }): Promise<DiscoveryDocument>;
}

export interface OAuthClientDeps {
  transport: Transport;
  rootOrgHandle: string;
  logger: Logger;
}

const ROOT_TENANT = 'carbon.super';

export function oauthBasePath(rootOrgHandle: string): string {
  const handle = requireOrgHandle(rootOrgHandle);
  return handle === ROOT_TENANT ? '/oauth2' : `/t/${encodeURIComponent(handle)}/oauth2`;
}

function clientParts(
  client: ClientAuth,
): Pick<TransportRequest, 'basic'> & { form: Record<string, string> } {
  if (client.clientId === '') throw new InvalidInputError('clientId', 'empty');
  if (client.clientSecret === undefined) return { form: { client_id: client.clientId } };
  return { basic: { username: client.clientId, password: client.clientSecret }, form: {} };
}

function requireToken(token: string, field: string): string {
  if (typeof token !== 'string' || token === '') throw new InvalidInputError(field, 'empty');
  return token;
}

export function createOAuthClient(deps: OAuthClientDeps): OAuthClient {
  const basePath = oauthBasePath(deps.rootOrgHandle);
  const log = deps.logger.child('oauth');

  const send = async (
    request: TransportRequest,
    options: OAuthCallOptions,
  ): Promise<TransportResponse> => {
    const transport = options.transport ?? deps.transport;
    if (options.signal !== undefined) request.signal = options.signal;
    try {
      return await transport.request(request);
    } catch (error) {
      throw mapTransportError(error, 'oauth');
    }
  };

  const post = (
    path: string,
    form: Record<string, string>,
    client: ClientAuth,
    options: OAuthCallOptions,
  ) => {
    const auth = clientParts(client);
    return send(
      {
        method: 'POST',
        url: `${basePath}/${path}`,
        form: { ...form, ...auth.form },
        ...(auth.basic === undefined ? {} : { basic: auth.basic }),
      },
      options,
    );
  };

  const token: OAuthClient['token'] = async (grant, client, options = {}) => {
    const response = await post('token', grant, client, options);
    const parsed = parseResponse(tokenResponseSchema, response.body, 'token');
    log.debug('token issued', { grant: grant.grant_type, expiresIn: parsed.expires_in });
    return parsed;
  };

  const introspect: OAuthClient['introspect'] = async (value, auth, options = {}) => {
    const form: Record<string, string> = { token: requireToken(value, 'token') };
    if (options.tokenTypeHint !== undefined) form.token_type_hint = options.tokenTypeHint;
    const response =
      'client' in auth
        ? await post('introspect', form, auth.client, options)
        : await send(
            { method: 'POST', url: `${basePath}/introspect`, form, bearer: auth.bearer },
            options,
          );
    return parseResponse(introspectionResponseSchema, response.body, 'introspection');
  };

  const discovery: OAuthClient['discovery'] = async (options = {}) => {
    const response = await send(
      { method: 'GET', url: `${basePath}/token/.well-known/openid-configuration` },
      options,
    );
    const document = parseResponse(discoverySchema, response.body, 'discovery');
    if (options.expectedIssuer !== undefined) checkDiscovery(document, options.expectedIssuer);
    return document;
  };

  return {
    basePath,
    token,
    clientCredentials: (client, scopes, options) =>
      token({ grant_type: 'client_credentials', scope: scopes.join(' ') }, client, options),
    organizationSwitch: async (request, options) => {
      const grant = {
        grant_type: 'organization_switch',
        token: requireToken(request.token, 'token'),
        switching_organization: requireUuid(request.organizationId, 'switching_organization'),
        scope: request.scopes.join(' '),
      };
      return await token(grant, request.client, options);
    },
    introspect,
    revoke: async (value, client, options = {}) => {
      const form: Record<string, string> = { token: requireToken(value, 'token') };
      if (options.tokenTypeHint !== undefined) form.token_type_hint = options.tokenTypeHint;
      const auth = clientParts(client);
      await send(
        {
          method: 'POST',
          url: `${basePath}/revoke`,
          form: { ...form, ...auth.form },
          ...(auth.basic === undefined ? {} : { basic: auth.basic }),
          expect: 'none',
        },
        options,
      );
    },
    jwks: async (options = {}) => {
      const response = await send({ method: 'GET', url: `${basePath}/jwks` }, options);
      return parseResponse(jwksSchema, response.body, 'JWKS');
    },
    discovery,
  };
}

/** Refuses a discovery document for another issuer or with endpoints off the issuer's origin. */
function checkDiscovery(document: DiscoveryDocument, expectedIssuer: string): void {
  if (document.issuer !== expectedIssuer) {
    throw new ResponseSchemaError('discovery', [
      { path: 'issuer', message: 'differs from the configured issuer' },
    ]);
  }
  const origin = new URL(expectedIssuer).origin;
  const fields = [
    'token_endpoint',
    'jwks_uri',
    'authorization_endpoint',
    'introspection_endpoint',
    'revocation_endpoint',
  ] as const;
  for (const field of fields) {
    const value = document[field];
    if (value === undefined) continue;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (url === undefined || url.protocol !== 'https:' || url.origin !== origin) {
      throw new ResponseSchemaError('discovery', [
        { path: field, message: "not an https: URL on the issuer's origin" },
      ]);
    }
  }
}
