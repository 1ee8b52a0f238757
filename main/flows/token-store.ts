/**
 * The tokens the flows obtained, held in main-process memory only: nothing here is ever
 * written to disk. Each token is filed under (issuer, organization, actor) — one slot per
 * key, so a newer token replaces an older one — and under an opaque `tokenRef` that the UI
 * uses to name it. The UI gets summaries (claims and a masked preview); the raw token leaves
 * only through `copy`.
 *
 * Known shortcoming: the key does not include the client, so tokens of one identity obtained
 * through two applications share a slot and the later one replaces the earlier.
 */
import { randomUUID } from 'node:crypto';
import { decodeToken, maskedPreview } from '../tokens';
import { isObject, type JsonObject } from '../tokens/json';
import type { TokenResponse } from '../wso2/oauth';
import type { TokenSource, TokenSummary } from './types';

export interface TokenKey {
  issuer: string;
  /** `null` for the root organization. */
  organizationId: string | null;
  /** See `actorOf`. */
  actor: string;
}

export interface HeldToken {
  tokenRef: string;
  key: TokenKey;
  source: TokenSource;
  clientId: string;
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  requestedScopes: string[];
  scopes: string[];
  /** Milliseconds since the epoch. */
  obtainedAt: number;
  expiresAt?: number;
  claims: JsonObject | null;
  flowId: string;
}

export interface NewToken {
  key: TokenKey;
  source: TokenSource;
  clientId: string;
  response: TokenResponse;
  requestedScopes: readonly string[];
  flowId: string;
  /** The access token's claims when the caller has decoded them already (`claimsOf`). */
  claims?: JsonObject | null;
}

export interface TokenStore {
  /** Files a token under its key, replacing whatever held that key; returns it with a new ref. */
  put(token: NewToken): HeldToken;
  get(tokenRef: string): HeldToken | undefined;
  /** The token filed under exactly this key; never one of another organization or actor. */
  find(key: TokenKey): HeldToken | undefined;
  remove(tokenRef: string): HeldToken | undefined;
  list(): HeldToken[];
  /** The raw access token, for an explicit copy by the user. */
  copy(tokenRef: string): string | undefined;
  summarize(token: HeldToken): TokenSummary;
  /** Drops every token and returns what was held. */
  clear(): HeldToken[];
}

/** The decoded payload of a JWT, or `null` for an opaque or malformed token. */
export function claimsOf(token: string): JsonObject | null {
  const decoded = decodeToken(token);
  return decoded.kind === 'jwt' ? decoded.payload : null;
}

/** The outermost `act.sub` of a token's claims, if any. */
export function actingAgentOf(claims: JsonObject | null): string | undefined {
  const act = claims?.act;
  return isObject(act) && typeof act.sub === 'string' ? act.sub : undefined;
}

/**
 * Who a token lets act: its subject, or `<agent id> for <user id>` for a delegated token, so
 * an agent's own token and a token it holds for a user never share a slot.
 */
export function actorOf(claims: JsonObject | null, fallback: string): string {
  const sub = claims !== null && typeof claims.sub === 'string' ? claims.sub : undefined;
  if (sub === undefined) return fallback;
  const agent = actingAgentOf(claims);
  return agent === undefined ? sub : `${agent} for ${sub}`;
}

export function normalizeOrganization(organizationId: string | null): string | null {
  return organizationId === null ? null : organizationId.toLowerCase();
}

/** One string per key, told apart by lengths: `<len>:<issuer>` `-` or `<len>:<org>`, actor. */
function keyString(key: TokenKey): string {
  const organization = normalizeOrganization(key.organizationId);
  const org = organization === null ? '-' : `${organization.length}:${organization}`;
  return `${key.issuer.length}:${key.issuer}${org}${key.actor}`;
}

function splitScopes(scope: string | undefined): string[] | undefined {
  return scope === undefined ? undefined : scope.split(' ').filter((s) => s !== '');
}

export function createTokenStore(options: { clock: () => number }): TokenStore {
  const byRef = new Map<string, HeldToken>();
  const refByKey = new Map<string, string>();

  const put = (token: NewToken): HeldToken => {
    const key = { ...token.key, organizationId: normalizeOrganization(token.key.organizationId) };
    const slot = keyString(key);
    const previous = refByKey.get(slot);
    if (previous !== undefined) byRef.delete(previous);

    const { response } = token;
    const obtainedAt = options.clock();
    const claims = token.claims === undefined ? claimsOf(response.access_token) : token.claims;
    const held: HeldToken = {
      tokenRef: randomUUID(),
      key,
      source: token.source,
      clientId: token.clientId,
      accessToken: response.access_token,
      requestedScopes: [...token.requestedScopes],
      scopes: splitScopes(response.scope) ?? [...token.requestedScopes],
      obtainedAt,
      claims,
      flowId: token.flowId,
    };
    if (response.refresh_token !== undefined) held.refreshToken = response.refresh_token;
    if (response.id_token !== undefined) held.idToken = response.id_token;
    const exp = claims !== null && typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
    const expiresAt =
      response.expires_in === undefined ? exp : obtainedAt + response.expires_in * 1000;
    if (expiresAt !== undefined && Number.isFinite(expiresAt)) held.expiresAt = expiresAt;

    byRef.set(held.tokenRef, held);
    refByKey.set(slot, held.tokenRef);
    return held;
  };

  const remove = (tokenRef: string): HeldToken | undefined => {
    const held = byRef.get(tokenRef);
    if (held === undefined) return undefined;
    byRef.delete(tokenRef);
    refByKey.delete(keyString(held.key));
    return held;
  };

  return {
    put,
    get: (tokenRef) => byRef.get(tokenRef),
    find: (key) => {
      const ref = refByKey.get(keyString(key));
      return ref === undefined ? undefined : byRef.get(ref);
    },
    remove,
    list: () => [...byRef.values()],
    copy: (tokenRef) => byRef.get(tokenRef)?.accessToken,
    summarize,
    clear: () => {
      const all = [...byRef.values()];
      byRef.clear();
      refByKey.clear();
      return all;
    },
  };
}

function summarize(token: HeldToken): TokenSummary {
  const summary: TokenSummary = {
    tokenRef: token.tokenRef,
    issuer: token.key.issuer,
    organizationId: token.key.organizationId,
    actor: token.key.actor,
    source: token.source,
    clientId: token.clientId,
    scopes: [...token.scopes],
    obtainedAt: new Date(token.obtainedAt).toISOString(),
    hasRefreshToken: token.refreshToken !== undefined,
    hasIdToken: token.idToken !== undefined,
    preview: maskedPreview(token.accessToken),
    claims: token.claims,
    flowId: token.flowId,
  };
  if (token.expiresAt !== undefined) summary.expiresAt = new Date(token.expiresAt).toISOString();
  return summary;
}
