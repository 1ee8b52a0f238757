/**
 * `grant_type=authorization_code`: single-use codes, exact `redirect_uri`, PKCE (S256, plain),
 * and for OBO codes the `actor_token` checks (§8.3). `resource` (RFC 8707) is accepted and
 * does not change the token: the audience stays the client id.
 */
import { createHash } from 'node:crypto';
import { oauthError, type Reply, type RequestContext } from '../../http';
import { validateActorToken } from '../actor-token';
import { PKCE_VALUE } from '../authorize-request';
import { requireGrantType, secretsEqual, type AuthenticatedClient } from '../client-auth';
import type { AuthorizationCode, CodeStore } from '../codes';
import { requestIssuer, type OAuthCore } from '../core';
import { grantScopes } from '../identity';
import { issueTokens, tokenReply } from '../mint';
import { identityIsActive } from '../token-store';

const INVALID_CODE = 'Invalid authorization code received from token request';

function pkceMatches(record: AuthorizationCode, verifier: string | null): boolean {
  if (record.codeChallenge === undefined) return verifier === null;
  if (verifier === null || !PKCE_VALUE.test(verifier)) return false;
  const derived =
    record.codeChallengeMethod === 'S256'
      ? createHash('sha256').update(verifier, 'ascii').digest('base64url')
      : verifier;
  return secretsEqual(record.codeChallenge, derived);
}

/** A replayed code revokes what it already produced (RFC 6749 §4.1.2). */
function revokeIssued(core: OAuthCore, record: AuthorizationCode): void {
  if (record.issuedAccessJti !== undefined) {
    const access = core.store.accessByJti(record.issuedAccessJti);
    if (access) access.revoked = true;
  }
  if (record.issuedRefreshToken !== undefined) {
    const refresh = core.store.refreshByToken(record.issuedRefreshToken);
    if (refresh) refresh.revoked = true;
  }
}

export function authorizationCodeGrant(
  core: OAuthCore,
  codes: CodeStore,
  ctx: RequestContext,
  client: AuthenticatedClient,
  form: URLSearchParams,
): Reply {
  const { app } = client;
  requireGrantType(app, 'authorization_code');
  const code = form.get('code');
  if (code === null || code === '') {
    throw oauthError('invalid_request', 'Mandatory parameter missing: code');
  }
  const record = codes.get(code);
  if (!record || record.clientId !== app.clientId || record.issuer !== requestIssuer(core, ctx)) {
    throw oauthError('invalid_grant', INVALID_CODE);
  }
  if (record.used) {
    revokeIssued(core, record);
    throw oauthError('invalid_grant', 'Inactive authorization code received from token request');
  }
  if (record.exp <= core.nowSec()) {
    throw oauthError('invalid_grant', 'Expired authorization code received from token request');
  }
  const redirectUri = form.get('redirect_uri');
  const expectedRedirect = record.redirectUriSent ?? record.redirectUri;
  if (
    (record.redirectUriSent !== undefined || redirectUri !== null) &&
    redirectUri !== expectedRedirect
  ) {
    throw oauthError('invalid_grant', 'Callback url mismatch');
  }
  if (!pkceMatches(record, form.get('code_verifier'))) {
    throw oauthError('invalid_grant', 'PKCE validation failed');
  }
  if (record.requestedActor !== undefined) {
    validateActorToken(core, form.get('actor_token'), record.requestedActor, record.issuer);
  }
  if (!identityIsActive(core.deps.state, record.identity)) {
    throw oauthError('invalid_grant', 'The authenticated identity is no longer active.');
  }

  record.used = true;
  const scopes = grantScopes(core.deps.state, app, record.identity, record.orgId, record.scopes);
  const issued = issueTokens(core, {
    app,
    identity: record.identity,
    orgId: record.orgId,
    scopes,
    issuer: record.issuer,
    actorSub: record.requestedActor,
    withRefreshToken: app.grantTypes.includes('refresh_token'),
    nonce: record.nonce,
  });
  record.issuedAccessJti = issued.jti;
  const refresh = issued.body.refresh_token;
  if (typeof refresh === 'string') record.issuedRefreshToken = refresh;
  return tokenReply(issued.body);
}
