/**
 * What every flow works with: the profile's server, secrets, the token store, a clock and one
 * OAuth client, plus, per run, the timeline it records into and a transport whose requests
 * land there. Each OAuth call of a run names that transport (see `callOptions`).
 */
import type { Logger } from '../log/logger';
import type { ClientAuth, OAuthCallOptions, OAuthClient } from '../wso2/oauth';
import type { Transport } from '../wso2/transport';
import { FlowFailure } from './errors';
import type { FlowHttp, FlowTimeline } from './timeline';
import type { HeldToken, TokenStore } from './token-store';
import type { FlowSecrets } from './types';

export interface FlowDeps {
  http: FlowHttp;
  /** The profile's server, e.g. `https://localhost:9443`. */
  baseUrl: string;
  rootOrgHandle: string;
  /** The root organization's token issuer; tokens are filed under it. */
  issuer: string;
  secrets: FlowSecrets;
  store: TokenStore;
  /** Milliseconds since the epoch. */
  clock: () => number;
  logger: Logger;
  /** Shared by every run; its own transport refuses, so no call can bypass a timeline. */
  oauth: OAuthClient;
}

export interface FlowRun {
  deps: FlowDeps;
  flowId: string;
  timeline: FlowTimeline;
  transport: Transport;
  oauth: OAuthClient;
  signal: AbortSignal | undefined;
}

export function beginRun(deps: FlowDeps, timeline: FlowTimeline, signal?: AbortSignal): FlowRun {
  const transport = timeline.transport(deps.http);
  return { deps, flowId: timeline.flowId, timeline, transport, oauth: deps.oauth, signal };
}

/** The options of a run's OAuth call: its recording transport and its abort signal, if any. */
export function callOptions(run: FlowRun): OAuthCallOptions {
  return run.signal === undefined
    ? { transport: run.transport }
    : { transport: run.transport, signal: run.signal };
}

/**
 * The shared OAuth client's own transport. Every flow call passes its run's transport; one
 * that does not would go unrecorded, so it is refused instead.
 */
export const unrecordedTransport: Transport = {
  request: () =>
    Promise.reject(new Error("A flow's OAuth call was sent without its run's transport.")),
};

/** A client's authentication: Basic with its stored secret, or `client_id` alone if none. */
export async function clientAuth(run: FlowRun, clientId: string): Promise<ClientAuth> {
  const secret = await run.deps.secrets.clientSecret(clientId);
  return secret === undefined || secret === '' ? { clientId } : { clientId, clientSecret: secret };
}

export function heldToken(run: FlowRun, tokenRef: string): HeldToken {
  const held = run.deps.store.get(tokenRef);
  if (held === undefined) {
    throw new FlowFailure(
      'unknown_token',
      'The token is no longer held; it may have been revoked.',
    );
  }
  return held;
}

/** True while the token has more than `marginMs` left; a token of unknown lifetime is not. */
export function isLive(token: HeldToken, now: number, marginMs = 60_000): boolean {
  return token.expiresAt !== undefined && token.expiresAt - marginMs > now;
}
