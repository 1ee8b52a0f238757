/**
 * `grant_type=refresh_token` for a held token. The new tokens take the old one's slot; the
 * refresh token is kept when the server does not rotate it. A refreshed token that speaks for
 * someone else than the one it replaces is refused and the old one stays.
 */
import { callOptions, clientAuth, type FlowRun } from './context';
import { FlowFailure } from './errors';
import { actorOf, claimsOf, type HeldToken } from './token-store';

export async function refreshHeld(run: FlowRun, held: HeldToken): Promise<HeldToken> {
  const refreshToken = held.refreshToken;
  if (refreshToken === undefined) {
    throw new FlowFailure('invalid_input', 'This token came without a refresh token.', {
      field: 'tokenRef',
    });
  }
  const response = await run.oauth.token(
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    await clientAuth(run, held.clientId),
    callOptions(run),
  );
  const claims = claimsOf(response.access_token);
  if (actorOf(claims, held.key.actor) !== held.key.actor) {
    throw new FlowFailure(
      'token_mismatch',
      'The refreshed token speaks for another identity than the token it replaces.',
    );
  }
  return run.deps.store.put({
    key: held.key,
    source: held.source,
    clientId: held.clientId,
    response: { ...response, refresh_token: response.refresh_token ?? refreshToken },
    requestedScopes: held.requestedScopes,
    flowId: run.flowId,
    claims,
  });
}
