/**
 * The OAuth 2.0 / OIDC area of the sandbox: token, authorize (browser and app-native),
 * authn, JWKS, discovery, introspection and revocation, and the token authority that the
 * management APIs use to authenticate callers.
 */
import type { TokenAuthority } from '../auth';
import { html } from '../http';
import type { Router } from '../router';
import { AppNativeFlows } from './app-native';
import { createAuthorizeHandler, createLoginHandler, issueCode } from './authorize-browser';
import { CodeStore } from './codes';
import type { OAuthCore, OAuthDeps } from './core';
import { Credentials } from './credentials';
import { authorizationCodeGrant } from './grants/authorization-code';
import { clientCredentialsGrant } from './grants/client-credentials';
import { organizationSwitchGrant } from './grants/organization-switch';
import { refreshTokenGrant } from './grants/refresh-token';
import { introspect } from './introspect';
import type { PublicJwk, SigningKey } from './jwt';
import { discovery, jwks } from './metadata';
import { errorPage } from './pages';
import { revoke } from './revoke';
import { BrowserSessions } from './sessions';
import { createTokenEndpoint, type GrantHandler } from './token-endpoint';
import { TokenStore, createAuthority } from './token-store';

export type { OAuthDeps } from './core';

export interface OAuthArea {
  authority: TokenAuthority;
  register(router: Router): void;
  /** The public signing key, for tests and tools that verify tokens offline. */
  jwk?: PublicJwk;
}

/** The OAuth endpoints, signing with `key` (see `createSigningKey`). */
export function createOAuth(deps: OAuthDeps, key: SigningKey): OAuthArea {
  const nowSec = (): number => Math.floor(deps.clock() / 1000);
  const store = new TokenStore(nowSec);
  const core: OAuthCore = { deps, key, store, nowSec };
  const codes = new CodeStore(nowSec);
  const sessions = new BrowserSessions(nowSec);
  const credentials = new Credentials(deps.state, deps.logger.child('oauth'));
  const appNative = new AppNativeFlows(core, credentials, (request, identity) =>
    issueCode(codes, request, identity),
  );
  const browser = { core, codes, sessions, credentials, appNative };

  const grants = new Map<string, GrantHandler>([
    ['client_credentials', (ctx, client, form) => clientCredentialsGrant(core, ctx, client, form)],
    [
      'organization_switch',
      (ctx, client, form) => organizationSwitchGrant(core, ctx, client, form),
    ],
    [
      'authorization_code',
      (ctx, client, form) => authorizationCodeGrant(core, codes, ctx, client, form),
    ],
    ['refresh_token', (ctx, client, form) => refreshTokenGrant(core, ctx, client, form)],
  ]);
  const authorize = createAuthorizeHandler(browser);

  return {
    authority: createAuthority(key, store, deps.state),
    jwk: key.jwk,
    register(router) {
      router.add('POST', '/oauth2/token', createTokenEndpoint(core, grants), 'oauth');
      router.add('GET', '/oauth2/authorize', authorize, 'oauth');
      router.add('POST', '/oauth2/authorize', authorize, 'oauth');
      router.add('POST', '/commonauth', createLoginHandler(browser), 'oauth');
      router.add('POST', '/oauth2/authn', (ctx) => appNative.authenticate(ctx));
      router.add('GET', '/oauth2/jwks', () => jwks(core));
      for (const path of [
        '/oauth2/token/.well-known/openid-configuration',
        '/oauth2/oidcdiscovery/.well-known/openid-configuration',
      ]) {
        router.add('GET', path, (ctx) => discovery(core, ctx));
      }
      router.add('POST', '/oauth2/introspect', (ctx) => introspect(core, ctx), 'oauth');
      router.add('POST', '/oauth2/revoke', (ctx) => revoke(core, ctx), 'oauth');
      router.add('GET', '/oidc/logout', (ctx) => {
        sessions.end(ctx);
        return html(200, errorPage('Signed out', 'You have been signed out of the sandbox.'));
      });
    },
  };
}
