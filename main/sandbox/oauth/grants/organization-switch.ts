/**
 * `grant_type=organization_switch` (§8.2): the same identity, now acting in a child
 * organization, with scopes its roles there allow.
 */
import { oauthError, type Reply, type RequestContext } from '../../http';
import { requireGrantType, type AuthenticatedClient } from '../client-auth';
import { requestIssuer, type OAuthCore } from '../core';
import { grantScopes, identityIdInOrg, splitScopes } from '../identity';
import { issueTokens, tokenReply } from '../mint';
import { resolveAccessToken } from '../token-store';

function required(form: URLSearchParams, name: string): string {
  const value = form.get(name);
  if (value === null || value.trim() === '') {
    throw oauthError('invalid_request', `Mandatory parameter missing: ${name}`);
  }
  return value.trim();
}

export function organizationSwitchGrant(
  core: OAuthCore,
  ctx: RequestContext,
  client: AuthenticatedClient,
  form: URLSearchParams,
): Reply {
  const { app } = client;
  const { state } = core.deps;
  requireGrantType(app, 'organization_switch');
  const token = required(form, 'token');
  const targetId = required(form, 'switching_organization');

  const target = state.orgs.get(targetId);
  if (!target) throw oauthError('invalid_request', `Invalid organization id: ${targetId}`);
  if (target.status !== 'ACTIVE') {
    throw oauthError('invalid_request', 'The switching organization is in deactivated state.');
  }
  const record = resolveAccessToken(core.key, core.store, state, token);
  // INFERRED: a token issued to another client is treated like an invalid one.
  if (!record || record.clientId !== app.clientId) {
    throw oauthError('invalid_grant', 'Invalid token received.');
  }
  if (target.id !== app.orgId && !state.isDescendantOf(target.id, app.orgId)) {
    throw oauthError(
      'invalid_grant',
      'Organization switch is only allowed for the organizations in the same branch.',
    );
  }
  if (!state.isApplicationSharedWith(app, target.id)) {
    throw oauthError(
      'invalid_grant',
      'Organization switching is not allowed for organizations that have not shared the application',
    );
  }
  // INFERRED: WSO2 fails later (no user in the org); the sandbox says so at the switch.
  if (identityIdInOrg(state, record.identity, target.id) === undefined) {
    throw oauthError(
      'invalid_grant',
      `The authenticated ${record.identity.kind} is not present in organization ${target.id}.`,
    );
  }

  const scopes = grantScopes(
    state,
    app,
    record.identity,
    target.id,
    splitScopes(form.get('scope')),
  );
  const issued = issueTokens(core, {
    app,
    identity: record.identity,
    orgId: target.id,
    scopes,
    issuer: requestIssuer(core, ctx),
    actorSub: record.actorSub,
    // Refresh tokens only for user tokens, as WSO2 does by default.
    withRefreshToken: record.identity.kind === 'user' && app.grantTypes.includes('refresh_token'),
  });
  return tokenReply(issued.body);
}
