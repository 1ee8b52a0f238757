/**
 * The OBO consent run (reference §8.3): a child-organization user signs in and consents in
 * the browser to a shared agent acting for them; the app exchanges the code together with the
 * agent's token in that organization as `actor_token`. PKCE S256, `state`, `nonce` with
 * `openid`, and an RFC 8252 loopback redirect on 127.0.0.1 guard the browser leg.
 *
 * WSO2's authorization-code OBO request carries `actor_token` without `actor_token_type`
 * (reference §8.3, WSO2's share-agents guide); RFC 8693's type parameter belongs to the token
 * exchange grant, which this run does not use, so none is sent.
 */
import type { TokenResponse } from '../wso2/oauth';
import { agentLogin } from './agent-login';
import { callOptions, heldToken, isLive, type FlowRun } from './context';
import { callbackFailure, checkDelegation, type DelegationCheck } from './delegation';
import { FlowFailure } from './errors';
import type { OboInput } from './inputs';
import type { LoopbackListener, LoopbackOptions } from './loopback';
import { switchOrganization } from './org-switch';
import { createNonce, createPkce, createState } from './pkce';
import { actorOf, claimsOf, type HeldToken } from './token-store';
import type { AuthorizationOpener } from './types';

export const CALLBACK_PATH = '/callback';
export const DEFAULT_CALLBACK_TIMEOUT_MS = 5 * 60_000;

export interface OboDeps {
  opener: AuthorizationOpener;
  listen: (options: LoopbackOptions) => Promise<LoopbackListener>;
}

export interface OboOutcome {
  token: HeldToken;
  delegation: DelegationCheck;
}

/** The agent's token in the run's organization: the chosen held one, or a fresh one. */
async function actorToken(
  run: FlowRun,
  input: OboInput,
  organizationId: string,
): Promise<HeldToken> {
  const { deps } = run;
  if ('tokenRef' in input.actor) {
    const held = heldToken(run, input.actor.tokenRef);
    if (held.key.organizationId !== organizationId) {
      throw new FlowFailure('invalid_input', 'The actor token belongs to another organization.', {
        field: 'actor.tokenRef',
      });
    }
    return held;
  }

  const { login } = input.actor;
  const now = deps.clock();
  const inOrg = deps.store.find({ issuer: deps.issuer, organizationId, actor: input.agentId });
  if (inOrg !== undefined && isLive(inOrg, now)) {
    run.timeline.note(
      'Reused a held token',
      'The agent already holds a token in this organization.',
    );
    return inOrg;
  }
  const heldRoot = deps.store.find({
    issuer: deps.issuer,
    organizationId: null,
    actor: input.agentId,
  });
  const root =
    heldRoot !== undefined && isLive(heldRoot, now)
      ? heldRoot
      : await agentLogin(run, { agentId: input.agentId, ...login });
  const switched = await switchOrganization(run, {
    source: root,
    organizationId,
    scopes: login.scopes,
  });
  return switched.token;
}

function authorizationUrl(run: FlowRun, params: Record<string, string>): string {
  const base = run.deps.baseUrl.replace(/\/+$/, '');
  return `${base}${run.oauth.basePath}/authorize?${new URLSearchParams(params).toString()}`;
}

export async function runObo(
  run: FlowRun,
  deps: OboDeps,
  input: OboInput,
  signal: AbortSignal,
): Promise<OboOutcome> {
  const organizationId = input.organizationId.toLowerCase();
  const actor = await actorToken(run, input, organizationId);

  const pkce = createPkce();
  const state = createState();
  const nonce = input.scopes.includes('openid') ? createNonce() : undefined;
  const listener = await deps.listen({
    path: CALLBACK_PATH,
    expectedState: state,
    expectedIssuer: run.deps.issuer,
    timeoutMs: input.timeoutMs ?? DEFAULT_CALLBACK_TIMEOUT_MS,
    logger: run.deps.logger,
  });
  const cancel = (): void => void listener.close();
  signal.addEventListener('abort', cancel, { once: true });
  if (signal.aborted) cancel();

  try {
    const params: Record<string, string> = {
      client_id: input.clientId,
      response_type: 'code',
      redirect_uri: listener.redirectUri,
      scope: input.scopes.join(' '),
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      requested_actor: input.agentId,
      orgId: organizationId,
      fidp: 'OrganizationSSO',
    };
    if (nonce !== undefined) params.nonce = nonce;
    const url = authorizationUrl(run, params);
    const isolated = input.isolated === true;
    run.timeline.browser(
      'User sign-in and consent',
      isolated ? 'Opened in an isolated window.' : 'Opened in the system browser.',
      url,
    );
    try {
      await deps.opener.open(url, { isolated });
    } catch {
      throw new FlowFailure('internal', 'The sign-in page could not be opened.');
    }

    const callback = await listener.result;
    if (!callback.ok) {
      run.timeline.browser('Authorization response', `Refused: ${callback.error.message}`);
      const info = callbackFailure(callback.error);
      throw new FlowFailure(info.kind, info.message, info.server ? { server: info.server } : {});
    }
    run.timeline.browser('Authorization response', 'The browser returned an authorization code.');

    const grant: Record<string, string> = {
      grant_type: 'authorization_code',
      code: callback.code,
      redirect_uri: listener.redirectUri,
      code_verifier: pkce.verifier,
      actor_token: actor.accessToken,
    };
    if (input.resource !== undefined) grant.resource = input.resource;
    // A public client: `client_id` only, never a secret.
    const response = await run.oauth.token(grant, { clientId: input.clientId }, callOptions(run));
    return finish(run, input, organizationId, response, nonce);
  } finally {
    signal.removeEventListener('abort', cancel);
    await listener.close();
  }
}

function finish(
  run: FlowRun,
  input: OboInput,
  organizationId: string,
  response: TokenResponse,
  nonce: string | undefined,
): OboOutcome {
  if (nonce !== undefined && response.id_token !== undefined) {
    // The nonce binds the ID token to this run and `aud` to this client. Its signature is
    // not checked: it came straight from the token endpoint over verified TLS, which OIDC
    // Core §3.1.3.7 accepts in place of the signature.
    const idClaims = claimsOf(response.id_token);
    if (idClaims === null || idClaims.nonce !== nonce) {
      throw new FlowFailure('unexpected_response', 'The ID token lacks this run’s nonce.');
    }
    const audience = Array.isArray(idClaims.aud) ? idClaims.aud : [idClaims.aud];
    if (!audience.includes(input.clientId)) {
      throw new FlowFailure(
        'unexpected_response',
        `The ID token is not meant for client ${input.clientId} (aud).`,
      );
    }
  }
  const claims = claimsOf(response.access_token);
  const delegation = checkDelegation(claims, input.agentId);
  const token = run.deps.store.put({
    key: {
      issuer: run.deps.issuer,
      organizationId,
      actor: actorOf(claims, `${input.agentId} for an unknown user`),
    },
    source: 'obo',
    clientId: input.clientId,
    response,
    requestedScopes: input.scopes,
    flowId: run.flowId,
    claims,
  });
  run.deps.logger.info('OBO run finished', {
    flowId: run.flowId,
    delegated: delegation.ok,
    organizationId,
  });
  return { token, delegation };
}
