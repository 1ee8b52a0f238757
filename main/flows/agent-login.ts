/**
 * Root-organization tokens: an agent's, through app-native authentication with its id and
 * secret plus a PKCE code exchange (reference §4), and the admin application's, through
 * client credentials. Both are filed in the token store under the root organization.
 */
import { createPkce, createState } from './pkce';
import { startAppNativeFlow, submitCredentials } from './app-native';
import { callOptions, clientAuth, isLive, type FlowRun } from './context';
import { FlowFailure } from './errors';
import type { AgentLoginInput } from './inputs';
import { claimsOf, type HeldToken } from './token-store';

export async function agentLogin(run: FlowRun, input: AgentLoginInput): Promise<HeldToken> {
  const { deps, oauth } = run;
  const secret = await deps.secrets.agentSecret(input.agentId);
  if (secret === undefined || secret === '') {
    throw new FlowFailure('missing_secret', 'No secret is stored for this agent.');
  }
  const client = await clientAuth(run, input.clientId);
  const pkce = createPkce();
  const state = createState();

  const flow = await startAppNativeFlow(run.transport, oauth.basePath, {
    clientId: input.clientId,
    redirectUri: input.redirectUri,
    scopes: input.scopes,
    state,
    codeChallenge: pkce.challenge,
    ...(input.resource === undefined ? {} : { resource: input.resource }),
  });
  const code = await submitCredentials(run.transport, oauth.basePath, flow, {
    username: input.agentId,
    password: secret,
    expectedState: state,
  });
  const grant: Record<string, string> = {
    grant_type: 'authorization_code',
    code,
    code_verifier: pkce.verifier,
    redirect_uri: input.redirectUri,
  };
  if (input.resource !== undefined) grant.resource = input.resource;
  const response = await oauth.token(grant, client, callOptions(run));

  const claims = claimsOf(response.access_token);
  if (claims !== null && typeof claims.sub === 'string' && claims.sub !== input.agentId) {
    throw new FlowFailure('token_mismatch', 'The issued token belongs to another identity.');
  }
  deps.logger.info('agent signed in', { flowId: run.flowId, agentId: input.agentId });
  return deps.store.put({
    key: { issuer: deps.issuer, organizationId: null, actor: input.agentId },
    source: 'agent-login',
    clientId: input.clientId,
    response,
    requestedScopes: input.scopes,
    flowId: run.flowId,
    claims,
  });
}

/** The admin application's root token: a held live one, or a new client-credentials grant. */
export async function adminRootToken(
  run: FlowRun,
  clientId: string,
  scopes: readonly string[],
): Promise<HeldToken> {
  const { deps } = run;
  const key = { issuer: deps.issuer, organizationId: null, actor: clientId };
  const held = deps.store.find(key);
  if (held !== undefined && held.source === 'client-credentials' && isLive(held, deps.clock())) {
    run.timeline.note('Reused a held token', 'The admin application already holds a root token.');
    return held;
  }
  const client = await clientAuth(run, clientId);
  if (client.clientSecret === undefined) {
    throw new FlowFailure(
      'missing_secret',
      'No client secret is stored for the admin application.',
    );
  }
  const response = await run.oauth.clientCredentials(client, scopes, callOptions(run));
  return deps.store.put({
    key,
    source: 'client-credentials',
    clientId,
    response,
    requestedScopes: scopes,
    flowId: run.flowId,
  });
}
