/** `grant_type=client_credentials`: an application token in the endpoint's organization. */
import { oauthError, type Reply, type RequestContext } from '../../http';
import { requireGrantType, type AuthenticatedClient } from '../client-auth';
import { endpointOrgId, requestIssuer, type OAuthCore } from '../core';
import { applicationIdentity, grantScopes, splitScopes } from '../identity';
import { issueTokens, tokenReply } from '../mint';

/**
 * Granted scopes = requested ∩ the app's authorized scopes. No `scope` parameter means no
 * scopes (the sandbox has no per-app default scope; an empty `scope` is returned).
 */
export function clientCredentialsGrant(
  core: OAuthCore,
  ctx: RequestContext,
  client: AuthenticatedClient,
  form: URLSearchParams,
): Reply {
  const { app } = client;
  requireGrantType(app, 'client_credentials');
  if (!client.confidential) {
    throw oauthError(
      'unauthorized_client',
      'Public clients cannot use the client credentials grant.',
    );
  }
  const identity = applicationIdentity(app);
  const orgId = endpointOrgId(core, ctx);
  const scopes = grantScopes(core.deps.state, app, identity, orgId, splitScopes(form.get('scope')));
  const issued = issueTokens(core, {
    app,
    identity,
    orgId,
    scopes,
    issuer: requestIssuer(core, ctx),
    withRefreshToken: false,
  });
  return tokenReply(issued.body);
}
