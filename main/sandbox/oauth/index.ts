/**
 * The OAuth 2.0 / OIDC area of the sandbox: token, authorize (browser and app-native),
 * authn, JWKS, discovery, introspection and revocation, and the token authority that the
 * management APIs use to authenticate callers.
 */
import type { TokenAuthority } from '../auth';
import type { Router } from '../router';
import type { OAuthCore, OAuthDeps } from './core';
import { clientCredentialsGrant } from './grants/client-credentials';
import { organizationSwitchGrant } from './grants/organization-switch';
import { createSigningKey, type PublicJwk } from './jwt';
import { createTokenEndpoint, type GrantHandler } from './token-endpoint';
import { TokenStore, createAuthority } from './token-store';

export type { OAuthDeps } from './core';

export interface OAuthArea {
  authority: TokenAuthority;
  register(router: Router): void;
  /** The public signing key, for tests and tools that verify tokens offline. */
  jwk?: PublicJwk;
}

export function createOAuth(deps: OAuthDeps): OAuthArea {
  const nowSec = (): number => Math.floor(deps.clock() / 1000);
  const key = createSigningKey();
  const store = new TokenStore(nowSec);
  const core: OAuthCore = { deps, key, store, nowSec };

  const grants = new Map<string, GrantHandler>([
    ['client_credentials', (ctx, client, form) => clientCredentialsGrant(core, ctx, client, form)],
    [
      'organization_switch',
      (ctx, client, form) => organizationSwitchGrant(core, ctx, client, form),
    ],
  ]);

  return {
    authority: createAuthority(key, store, deps.state),
    jwk: key.jwk,
    register(router) {
      router.add('POST', '/oauth2/token', createTokenEndpoint(core, grants), 'oauth');
    },
  };
}
