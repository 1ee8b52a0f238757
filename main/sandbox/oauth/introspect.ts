/** `POST /oauth2/introspect` (§8.6): Basic client auth, WSO2's response fields. */
import { json, oauthError, type Reply, type RequestContext } from '../http';
import { authenticateClient } from './client-auth';
import { orgLabels, type OAuthCore } from './core';
import { autOf } from './identity';
import { identityIsActive, resolveAccessToken, type RefreshTokenRecord } from './token-store';

const INACTIVE = { active: false };

function noStore(status: number, body: unknown): Reply {
  return json(status, body, { 'Cache-Control': 'no-store' });
}

function refreshResponse(core: OAuthCore, record: RefreshTokenRecord): Record<string, unknown> {
  const labels = orgLabels(core, record.orgId);
  return {
    active: true,
    token_type: 'Refresh',
    scope: record.scopes.join(' '),
    username: record.identity.userName,
    client_id: record.clientId,
    aut: autOf(record.identity),
    iat: record.iat,
    nbf: record.iat,
    exp: record.exp,
    org_id: record.orgId,
    org_name: labels.name,
    org_handle: labels.handle,
  };
}

function activeRefresh(core: OAuthCore, token: string): RefreshTokenRecord | undefined {
  const record = core.store.refreshByToken(token);
  if (!record || !core.store.isActive(record)) return undefined;
  return identityIsActive(core.deps.state, record.identity) ? record : undefined;
}

/**
 * Basic client credentials (as the docs show), or a bearer token holding the registry's
 * introspection scope (`internal_org_oauth2_introspect` for a token of a child org).
 */
function authenticateCaller(core: OAuthCore, ctx: RequestContext, form: URLSearchParams): void {
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (!bearer) {
    authenticateClient(core, ctx, form);
    return;
  }
  const caller = resolveAccessToken(core.key, core.store, core.deps.state, bearer[1]!);
  const wanted =
    caller?.orgId === core.deps.state.rootOrgId
      ? 'internal_oauth2_introspect'
      : 'internal_org_oauth2_introspect';
  if (!caller || !caller.scopes.includes(wanted)) {
    throw oauthError('invalid_client', 'The bearer token may not introspect tokens.');
  }
}

export async function introspect(core: OAuthCore, ctx: RequestContext): Promise<Reply> {
  const form = await ctx.form();
  authenticateCaller(core, ctx, form);
  const token = (form.get('token') ?? '').trim();
  if (token === '') return noStore(400, { error: 'Invalid input' });

  const hint = form.get('token_type_hint');
  const access = (): Record<string, unknown> | undefined => {
    const record = resolveAccessToken(core.key, core.store, core.deps.state, token);
    if (!record) return undefined;
    const labels = orgLabels(core, record.orgId);
    return {
      active: true,
      token_type: 'Bearer',
      scope: record.scopes.join(' '),
      username: record.identity.userName,
      client_id: record.clientId,
      aut: autOf(record.identity),
      aud: record.clientId,
      iat: record.iat,
      nbf: record.iat,
      exp: record.exp,
      jti: record.jti,
      sub: record.identity.id,
      iss: record.issuer,
      org_id: record.orgId,
      org_name: labels.name,
      org_handle: labels.handle,
    };
  };
  const refresh = (): Record<string, unknown> | undefined => {
    const record = activeRefresh(core, token);
    return record ? refreshResponse(core, record) : undefined;
  };
  const result = hint === 'refresh_token' ? (refresh() ?? access()) : (access() ?? refresh());
  return noStore(200, result ?? INACTIVE);
}
