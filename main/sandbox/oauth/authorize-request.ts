/**
 * Validation of an authorization request (`/oauth2/authorize`), shared by the browser flow and
 * app-native authentication. Errors about the client or the redirect URI are never sent to
 * that URI; everything after it is validated goes back as an error redirect.
 */
import type { RequestContext } from '../http';
import type { Application } from '../model';
import { applicationForEndpoint } from './client-auth';
import { endpointOrgId, requestIssuer, type OAuthCore } from './core';
import { splitScopes } from './identity';

export interface AuthorizationRequest {
  app: Application;
  redirectUri: string;
  redirectUriSent: string | undefined;
  scopes: string[];
  state: string | undefined;
  nonce: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  requestedActor: string | undefined;
  /** The organization whose users and agents may log in; tokens act there. */
  loginOrgId: string;
  issuer: string;
  responseMode: string | undefined;
  /** `prompt=login` forces a fresh login even with a live session. */
  forceLogin: boolean;
}

export type AuthorizationCheck =
  | { kind: 'ok'; request: AuthorizationRequest }
  /** The client or redirect URI is bad: show an error, redirect nowhere. */
  | { kind: 'fatal'; description: string }
  | { kind: 'redirect'; redirectUri: string; error: string; description: string; state?: string };

/** RFC 7636 §4.2: 43–128 unreserved characters. */
export const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/**
 * Exact match, or for apps that allow it, RFC 8252 §7.3 loopback redirects: the same scheme,
 * loopback IP literal and path as a registered URI, on any port.
 */
export function redirectUriAllowed(app: Application, candidate: string): boolean {
  if (app.redirectUris.includes(candidate)) return true;
  if (!app.allowLoopbackRedirects) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return false;
  return app.redirectUris.some((registered) => {
    try {
      const r = new URL(registered);
      return (
        r.protocol === url.protocol &&
        r.hostname === url.hostname &&
        r.pathname === url.pathname &&
        r.search === url.search &&
        url.hash === '' &&
        url.username === '' &&
        url.password === ''
      );
    } catch {
      return false;
    }
  });
}

/** `https://client/cb?code=…&state=…`: adds parameters to a validated redirect URI. */
export function withParams(
  redirectUri: string,
  params: Record<string, string | undefined>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.toString();
}

function optional(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null || value === '' ? undefined : value;
}

export function checkAuthorizationRequest(
  core: OAuthCore,
  ctx: RequestContext,
  params: URLSearchParams,
): AuthorizationCheck {
  const { state: sandbox } = core.deps;
  const clientId = optional(params, 'client_id');
  const app = clientId === undefined ? undefined : applicationForEndpoint(core, ctx, clientId);
  if (!app)
    return { kind: 'fatal', description: 'The client is not registered or not known here.' };

  const redirectUriSent = optional(params, 'redirect_uri');
  let redirectUri: string;
  if (redirectUriSent !== undefined) {
    if (!redirectUriAllowed(app, redirectUriSent)) {
      return { kind: 'fatal', description: 'The redirect URI is not registered for this client.' };
    }
    redirectUri = redirectUriSent;
  } else if (app.redirectUris.length === 1) {
    redirectUri = app.redirectUris[0]!;
  } else {
    return { kind: 'fatal', description: 'A redirect_uri parameter is required for this client.' };
  }

  const state = optional(params, 'state');
  const fail = (error: string, description: string): AuthorizationCheck => ({
    kind: 'redirect',
    redirectUri,
    error,
    description,
    ...(state === undefined ? {} : { state }),
  });

  if (params.get('response_type') !== 'code') {
    return fail('unsupported_response_type', 'Unsupported response_type value.');
  }
  if (!app.grantTypes.includes('authorization_code')) {
    return fail('unauthorized_client', 'The client is not allowed the authorization code grant.');
  }

  const codeChallenge = optional(params, 'code_challenge');
  const method = optional(params, 'code_challenge_method');
  let codeChallengeMethod: 'S256' | 'plain' | undefined;
  if (codeChallenge === undefined) {
    if (method !== undefined) return fail('invalid_request', 'PKCE code_challenge is missing.');
  } else {
    if (method !== undefined && method !== 'S256' && method !== 'plain') {
      return fail('invalid_request', 'Unsupported PKCE Challenge Method.');
    }
    if (!PKCE_VALUE.test(codeChallenge)) {
      return fail('invalid_request', 'Code challenge used is not up to RFC 7636 specifications.');
    }
    // RFC 7636 §4.3: the method defaults to plain.
    codeChallengeMethod = method === 'S256' ? 'S256' : 'plain';
  }

  const requestedActor = optional(params, 'requested_actor');
  if (requestedActor !== undefined) {
    const agent = sandbox.agents.get(requestedActor);
    if (!agent || agent.orgId !== sandbox.rootOrgId || agent.managedOrg !== undefined) {
      return fail('invalid_request', 'Invalid requested_actor.');
    }
  }

  let loginOrgId = endpointOrgId(core, ctx);
  const orgParam = optional(params, 'orgId');
  if (orgParam !== undefined && params.get('fidp') === 'OrganizationSSO') {
    const org = sandbox.orgs.get(orgParam);
    // INFERRED wording: WSO2's organization authenticator shows its own error page here.
    if (!org || org.status !== 'ACTIVE' || !sandbox.isApplicationSharedWith(app, org.id)) {
      return fail('invalid_request', 'Invalid organization for organization login.');
    }
    loginOrgId = org.id;
  }

  return {
    kind: 'ok',
    request: {
      app,
      redirectUri,
      redirectUriSent,
      scopes: splitScopes(params.get('scope')),
      state,
      nonce: optional(params, 'nonce'),
      codeChallenge,
      codeChallengeMethod,
      requestedActor,
      loginOrgId,
      issuer: requestIssuer(core, ctx),
      responseMode: optional(params, 'response_mode'),
      forceLogin: params.get('prompt') === 'login',
    },
  };
}
