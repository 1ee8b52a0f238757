/**
 * `POST /oauth2/revoke` (§8.7, RFC 7009): always 200 once the client is authenticated, also for
 * unknown tokens. Access and refresh tokens are revoked independently.
 */
import { oauthError, type Reply, type RequestContext } from '../http';
import { authenticateClient } from './client-auth';
import type { OAuthCore } from './core';
import { accessClaimsSchema, verifyJwt } from './jwt';

function revokeAccess(core: OAuthCore, clientId: string, token: string): boolean {
  const checked = verifyJwt(core.key, token);
  if (!checked.ok) return false;
  const claims = accessClaimsSchema.safeParse(checked.claims);
  if (!claims.success) return false;
  const record = core.store.accessByJti(claims.data.jti);
  // A client may only revoke its own tokens; others are ignored silently (RFC 7009 §2.1).
  if (!record || record.clientId !== clientId) return false;
  record.revoked = true;
  return true;
}

function revokeRefresh(core: OAuthCore, clientId: string, token: string): boolean {
  const record = core.store.refreshByToken(token);
  if (!record || record.clientId !== clientId) return false;
  record.revoked = true;
  return true;
}

export async function revoke(core: OAuthCore, ctx: RequestContext): Promise<Reply> {
  const form = await ctx.form();
  const { app } = authenticateClient(core, ctx, form);
  const token = form.get('token') ?? '';
  if (token === '') throw oauthError('invalid_request', 'Token parameter is missing.');

  const first = form.get('token_type_hint') === 'refresh_token' ? revokeRefresh : revokeAccess;
  const second = first === revokeRefresh ? revokeAccess : revokeRefresh;
  if (!first(core, app.clientId, token)) second(core, app.clientId, token);
  return { status: 200, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
}
