/** `POST /oauth2/token`: client authentication, then one handler per grant type. */
import { oauthError, type Reply, type RequestContext } from '../http';
import type { Handler } from '../router';
import { authenticateClient, type AuthenticatedClient } from './client-auth';
import type { OAuthCore } from './core';

export type GrantHandler = (
  ctx: RequestContext,
  client: AuthenticatedClient,
  form: URLSearchParams,
) => Reply;

export function createTokenEndpoint(
  core: OAuthCore,
  grants: ReadonlyMap<string, GrantHandler>,
): Handler {
  return async (ctx) => {
    const form = await ctx.form();
    const grantType = form.get('grant_type');
    if (grantType === null || grantType === '') {
      throw oauthError('invalid_request', 'Missing grant_type parameter value');
    }
    const grant = grants.get(grantType);
    if (!grant) throw oauthError('unsupported_grant_type', 'Unsupported grant_type value');
    const client = authenticateClient(core, ctx, form);
    return grant(ctx, client, form);
  };
}
