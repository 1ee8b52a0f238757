/** `GET /oauth2/jwks` and OIDC discovery (`<issuer>/.well-known/openid-configuration`). */
import { json, type Reply, type RequestContext } from '../http';
import { issuerFor, tenantBase, type OAuthCore } from './core';

export function jwks(core: OAuthCore): Reply {
  return json(200, { keys: [core.key.jwk] });
}

/**
 * The discovery document of the root tenant or of an org-qualified issuer. Only endpoints the
 * sandbox serves are listed: no `userinfo_endpoint` and no `registration_endpoint` (dynamic
 * client registration is not emulated).
 */
export function discovery(core: OAuthCore, ctx: RequestContext): Reply {
  const orgId = ctx.orgQualifiedId;
  const base =
    orgId === undefined ? `${tenantBase(core)}/oauth2` : `${tenantBase(core)}/o/${orgId}/oauth2`;
  return json(200, {
    issuer: issuerFor(core, orgId),
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    introspection_endpoint: `${base}/introspect`,
    revocation_endpoint: `${base}/revoke`,
    jwks_uri: `${base}/jwks`,
    end_session_endpoint: `${tenantBase(core)}/oidc/logout`,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'direct'],
    grant_types_supported: [
      'authorization_code',
      'client_credentials',
      'refresh_token',
      'organization_switch',
    ],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256', 'plain'],
    scopes_supported: ['openid', 'profile', 'email', 'address', 'phone'],
    claims_supported: [
      'iss',
      'sub',
      'aud',
      'azp',
      'client_id',
      'iat',
      'nbf',
      'exp',
      'jti',
      'scope',
      'aut',
      'org_id',
      'org_name',
      'org_handle',
      'user_org',
      'agent_org',
      'act',
    ],
  });
}
