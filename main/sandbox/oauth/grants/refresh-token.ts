/**
 * `grant_type=refresh_token` with rotation: the used refresh token and the access token issued
 * with it become inactive, and a new pair is issued with the same identity, org and actor.
 */
import { oauthError, type Reply, type RequestContext } from '../../http';
import { requireGrantType, type AuthenticatedClient } from '../client-auth';
import type { OAuthCore } from '../core';
import { grantScopes, splitScopes } from '../identity';
import { issueTokens, tokenReply } from '../mint';
import { identityIsActive } from '../token-store';

export function refreshTokenGrant(
  core: OAuthCore,
  _ctx: RequestContext,
  client: AuthenticatedClient,
  form: URLSearchParams,
): Reply {
  const { app } = client;
  requireGrantType(app, 'refresh_token');
  const token = form.get('refresh_token');
  if (token === null || token === '') {
    throw oauthError('invalid_request', 'Mandatory parameter missing: refresh_token');
  }
  const record = core.store.refreshByToken(token);
  if (!record || record.clientId !== app.clientId || !core.store.isActive(record)) {
    throw oauthError('invalid_grant', 'Persisted access token data not found');
  }
  if (!identityIsActive(core.deps.state, record.identity)) {
    throw oauthError('invalid_grant', 'The authenticated identity is no longer active.');
  }
  const requested = splitScopes(form.get('scope'));
  if (requested.some((s) => !record.scopes.includes(s))) {
    throw oauthError('invalid_scope', 'Invalid Scope!');
  }

  record.revoked = true;
  const previous = core.store.accessByJti(record.accessJti);
  if (previous) previous.revoked = true;
  const scopes = grantScopes(
    core.deps.state,
    app,
    record.identity,
    record.orgId,
    requested.length > 0 ? requested : record.scopes,
  );
  const issued = issueTokens(core, {
    app,
    identity: record.identity,
    orgId: record.orgId,
    scopes,
    issuer: record.issuer,
    actorSub: record.actorSub,
    withRefreshToken: true,
  });
  return tokenReply(issued.body);
}
