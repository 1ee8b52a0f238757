/**
 * The browser authorization flow: `GET|POST /oauth2/authorize` → login page → `POST
 * /commonauth` → consent page → `POST /oauth2/authorize` (consent) → redirect with a code.
 * Every form carries the session's CSRF token and only continues the session that started it.
 */
import { html, redirect, type Reply, type RequestContext } from '../http';
import type { Handler } from '../router';
import type { AppNativeFlows } from './app-native';
import { checkAuthorizationRequest, withParams } from './authorize-request';
import type { CodeStore } from './codes';
import { orgLabels, type OAuthCore } from './core';
import type { Credentials } from './credentials';
import type { Identity } from './identity';
import { consentPage, errorPage, loginPage, pageSecurityHeaders } from './pages';
import type { BrowserSession, BrowserSessions, PendingAuthorization } from './sessions';

export interface BrowserFlowParts {
  core: OAuthCore;
  codes: CodeStore;
  sessions: BrowserSessions;
  credentials: Credentials;
  appNative: AppNativeFlows;
}

const STALE_FORM =
  'This sign-in form has expired or was not opened in this browser. Start again from the application.';

function withCookie(reply: Reply, setCookie: string | undefined): Reply {
  if (setCookie === undefined) return reply;
  return { ...reply, headers: { ...reply.headers, 'Set-Cookie': setCookie } };
}

function loginReply(
  parts: BrowserFlowParts,
  pending: PendingAuthorization,
  session: BrowserSession,
  extra: { message?: string; username?: string } = {},
): Reply {
  const { request } = pending;
  return html(
    200,
    loginPage({
      appName: request.app.name,
      orgName: orgLabels(parts.core, request.loginOrgId).name,
      sessionDataKey: pending.key,
      csrf: session.csrf,
      ...extra,
    }),
    pageSecurityHeaders(),
  );
}

function consentReply(
  pending: PendingAuthorization,
  session: BrowserSession,
  parts: BrowserFlowParts,
  identity: Identity,
): Reply {
  const { request } = pending;
  const actor =
    request.requestedActor === undefined
      ? undefined
      : parts.core.deps.state.agents.get(request.requestedActor);
  return html(
    200,
    consentPage({
      appName: request.app.name,
      userName: identity.userName,
      scopes: request.scopes,
      ...(actor ? { actorName: actor.displayName } : {}),
      sessionDataKeyConsent: pending.key,
      csrf: session.csrf,
    }),
    pageSecurityHeaders(request.redirectUri),
  );
}

function startAuthorization(
  parts: BrowserFlowParts,
  ctx: RequestContext,
  params: URLSearchParams,
): Reply {
  if (params.get('response_mode') === 'direct') return parts.appNative.start(ctx, params);
  const check = checkAuthorizationRequest(parts.core, ctx, params);
  if (check.kind === 'fatal')
    return html(400, errorPage('Authorization failed', check.description));
  if (check.kind === 'redirect') {
    return redirect(
      withParams(check.redirectUri, {
        error: check.error,
        error_description: check.description,
        state: check.state,
      }),
    );
  }
  const { session, setCookie } = parts.sessions.ensure(ctx);
  const pending = parts.sessions.addPending(session.id, check.request);
  const signedIn = session.loginOrgId === check.request.loginOrgId && !check.request.forceLogin;
  const reply =
    signedIn && session.identity
      ? consentReply(pending, session, parts, session.identity)
      : loginReply(parts, pending, session);
  return withCookie(reply, setCookie);
}

function submitConsent(parts: BrowserFlowParts, ctx: RequestContext, form: URLSearchParams): Reply {
  const session = parts.sessions.current(ctx);
  if (!session || !parts.sessions.csrfMatches(session, form.get('csrf'))) {
    return html(403, errorPage('Consent failed', STALE_FORM));
  }
  const pending = parts.sessions.pending(form.get('sessionDataKeyConsent'), session);
  const identity = session.identity;
  // The login must have been to the organization this request logs in to.
  if (!pending || !identity || session.loginOrgId !== pending.request.loginOrgId) {
    return html(400, errorPage('Consent failed', STALE_FORM));
  }
  const decision = form.get('consent');
  if (decision !== 'approve' && decision !== 'deny') {
    return html(400, errorPage('Consent failed', 'Choose Approve or Deny.'));
  }
  parts.sessions.finish(pending.key);
  const { request } = pending;
  if (decision === 'deny') {
    return redirect(
      withParams(request.redirectUri, {
        error: 'access_denied',
        error_description: 'User denied the consent',
        state: request.state,
      }),
    );
  }
  const code = issueCode(parts.codes, pending.request, identity);
  return redirect(withParams(request.redirectUri, { code, state: request.state }));
}

/** Records an authorization code for an authenticated identity and the validated request. */
export function issueCode(
  codes: CodeStore,
  request: PendingAuthorization['request'],
  identity: Identity,
): string {
  return codes.create({
    clientId: request.app.clientId,
    redirectUriSent: request.redirectUriSent,
    redirectUri: request.redirectUri,
    identity,
    orgId: request.loginOrgId,
    scopes: request.scopes,
    issuer: request.issuer,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    requestedActor: request.requestedActor,
    nonce: request.nonce,
  }).code;
}

export function createAuthorizeHandler(parts: BrowserFlowParts): Handler {
  return async (ctx) => {
    const params = ctx.method === 'POST' ? await ctx.form() : ctx.query;
    if (ctx.method === 'POST' && params.has('sessionDataKeyConsent')) {
      return submitConsent(parts, ctx, params);
    }
    return startAuthorization(parts, ctx, params);
  };
}

/** `POST /commonauth`: the login form. A wrong password shows the form again, no redirect. */
export function createLoginHandler(parts: BrowserFlowParts): Handler {
  return async (ctx) => {
    const form = await ctx.form();
    const session = parts.sessions.current(ctx);
    if (!session || !parts.sessions.csrfMatches(session, form.get('csrf'))) {
      return html(403, errorPage('Sign-in failed', STALE_FORM));
    }
    const pending = parts.sessions.pending(form.get('sessionDataKey'), session);
    if (!pending) return html(400, errorPage('Sign-in failed', STALE_FORM));

    const username = form.get('username') ?? '';
    const result = parts.credentials.verify(
      pending.request.loginOrgId,
      username,
      form.get('password') ?? '',
    );
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? 'This account is locked. Contact your administrator.'
          : 'Login failed! Please check your username and password and try again.' +
            (result.remainingAttempts === undefined
              ? ''
              : ` Remaining attempts: ${result.remainingAttempts}.`);
      return loginReply(parts, pending, session, { message, username });
    }
    const renewed = parts.sessions.renew(session, result.identity, pending.request.loginOrgId);
    return withCookie(
      consentReply(pending, renewed.session, parts, result.identity),
      renewed.setCookie,
    );
  };
}
