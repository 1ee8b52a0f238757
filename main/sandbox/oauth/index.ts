/**
 * The OAuth 2.0 / OIDC area of the sandbox: token, authorize (browser and app-native),
 * authn, JWKS, discovery, introspection and revocation, and the token authority that the
 * management APIs use to authenticate callers.
 */
import type { TokenAuthority } from '../auth';
import type { SandboxDeps } from '../deps';
import type { Router } from '../router';

export interface OAuthArea {
  authority: TokenAuthority;
  register(router: Router): void;
}

export type OAuthDeps = Omit<SandboxDeps, 'authority'>;

export function createOAuth(_deps: OAuthDeps): OAuthArea {
  // Not yet implemented: every bearer token is rejected until the OAuth area lands.
  return { authority: { authenticate: () => undefined }, register: () => undefined };
}
