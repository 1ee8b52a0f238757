/**
 * `grant_type=organization_switch` (reference §8.2): a root token becomes a token of the same
 * identity in a child organization. Tokens are filed per (issuer, organization, actor) and a
 * held one is reused only under exactly that key, so a token for one organization is never
 * attached to a request for another.
 */
import { requireUuid } from '../wso2/ids';
import { callOptions, clientAuth, isLive, type FlowRun } from './context';
import { FlowFailure } from './errors';
import { claimsOf, type HeldToken, type TokenKey } from './token-store';

export interface SwitchRequest {
  /** A token of the root organization. */
  source: HeldToken;
  organizationId: string;
  scopes: readonly string[];
  fresh?: boolean;
}

export interface SwitchOutcome {
  token: HeldToken;
  reused: boolean;
}

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((scope) => set.has(scope));
}

export function switchedKey(source: HeldToken, organizationId: string): TokenKey {
  return { issuer: source.key.issuer, organizationId, actor: source.key.actor };
}

export async function switchOrganization(
  run: FlowRun,
  request: SwitchRequest,
): Promise<SwitchOutcome> {
  const { deps } = run;
  const organizationId = requireUuid(request.organizationId, 'organizationId').toLowerCase();
  const { source } = request;
  if (source.key.organizationId !== null) {
    throw new FlowFailure('invalid_input', 'Only a root-organization token can be switched.', {
      field: 'from',
    });
  }

  const key = switchedKey(source, organizationId);
  const held = deps.store.find(key);
  if (
    request.fresh !== true &&
    held !== undefined &&
    sameScopes(held.requestedScopes, request.scopes) &&
    isLive(held, deps.clock())
  ) {
    run.timeline.note('Reused a held token', 'A live token for this organization is held.');
    return { token: held, reused: true };
  }

  const response = await run.oauth.organizationSwitch(
    {
      client: await clientAuth(run, source.clientId),
      token: source.accessToken,
      organizationId,
      scopes: request.scopes,
    },
    callOptions(run),
  );
  const claims = claimsOf(response.access_token);
  const orgClaim = claims?.org_id;
  if (typeof orgClaim === 'string' && orgClaim.toLowerCase() !== organizationId) {
    throw new FlowFailure(
      'token_mismatch',
      'The switched token names another organization than the one asked for.',
    );
  }
  deps.logger.info('organization switched', { flowId: run.flowId, organizationId });
  const token = deps.store.put({
    key,
    source: 'organization-switch',
    clientId: source.clientId,
    response,
    requestedScopes: request.scopes,
    flowId: run.flowId,
    claims,
  });
  return { token, reused: false };
}
