/**
 * Minting tokens: the signed access JWT with WSO2's claims (§8.5), the opaque refresh token,
 * the ID token, and the RFC 6749 token response.
 */
import { randomUUID } from 'node:crypto';
import { json, type Reply } from '../http';
import type { Application } from '../model';
import { orgLabels, type OAuthCore } from './core';
import { autOf, type Identity } from './identity';
import { accessTokenHash, signJwt } from './jwt';

/** WSO2's default refresh-token and ID-token validity. */
export const REFRESH_TOKEN_LIFETIME_SEC = 86_400;
export const ID_TOKEN_LIFETIME_SEC = 3_600;

export interface TokenGrant {
  app: Application;
  identity: Identity;
  /** The organization the token acts in (`org_id`). */
  orgId: string;
  scopes: string[];
  issuer: string;
  actorSub?: string | undefined;
  withRefreshToken: boolean;
  nonce?: string | undefined;
}

export interface IssuedTokens {
  accessToken: string;
  jti: string;
  body: Record<string, unknown>;
}

/** The org claims: accessing org, and the resident org of the user or agent. */
function orgClaims(core: OAuthCore, grant: TokenGrant): Record<string, unknown> {
  const labels = orgLabels(core, grant.orgId);
  const claims: Record<string, unknown> = {
    org_id: grant.orgId,
    org_name: labels.name,
    org_handle: labels.handle,
  };
  const resident = grant.identity.residentOrgId;
  if (grant.identity.kind === 'agent') claims.agent_org = resident;
  else if (grant.identity.kind === 'user') claims.user_org = resident;
  // An application token gains a resident org only through organization_switch (§8.2).
  else if (grant.orgId !== resident) claims.user_org = resident;
  return claims;
}

function idToken(core: OAuthCore, grant: TokenGrant, accessToken: string, now: number): string {
  const claims: Record<string, unknown> = {
    iss: grant.issuer,
    sub: grant.identity.id,
    aud: grant.app.clientId,
    azp: grant.app.clientId,
    iat: now,
    exp: now + ID_TOKEN_LIFETIME_SEC,
    auth_time: now,
    at_hash: accessTokenHash(accessToken),
    ...orgClaims(core, grant),
  };
  if (grant.nonce !== undefined) claims.nonce = grant.nonce;
  return signJwt(core.key, 'JWT', claims);
}

/** Signs and records the tokens of one grant and builds the token response body. */
export function issueTokens(core: OAuthCore, grant: TokenGrant): IssuedTokens {
  const now = core.nowSec();
  const jti = randomUUID();
  const exp = now + grant.app.accessTokenLifetimeSec;
  const clientId = grant.app.clientId;
  const claims: Record<string, unknown> = {
    iss: grant.issuer,
    sub: grant.identity.id,
    aud: clientId,
    azp: clientId,
    client_id: clientId,
    aut: autOf(grant.identity),
    scope: grant.scopes.join(' '),
    iat: now,
    nbf: now,
    exp,
    jti,
    ...orgClaims(core, grant),
  };
  if (grant.actorSub !== undefined) claims.act = { sub: grant.actorSub };
  const accessToken = signJwt(core.key, 'at+jwt', claims);
  const shared = {
    clientId,
    identity: grant.identity,
    orgId: grant.orgId,
    scopes: grant.scopes,
    actorSub: grant.actorSub,
    issuer: grant.issuer,
    iat: now,
    revoked: false,
  };
  core.store.addAccess({ ...shared, jti, exp });

  const body: Record<string, unknown> = {
    access_token: accessToken,
    scope: grant.scopes.join(' '),
    token_type: 'Bearer',
    expires_in: grant.app.accessTokenLifetimeSec,
  };
  if (grant.withRefreshToken) {
    const refreshToken = randomUUID();
    core.store.addRefresh({
      ...shared,
      token: refreshToken,
      exp: now + REFRESH_TOKEN_LIFETIME_SEC,
      accessJti: jti,
    });
    body.refresh_token = refreshToken;
  }
  if (grant.identity.kind !== 'application' && grant.scopes.includes('openid')) {
    body.id_token = idToken(core, grant, accessToken, now);
  }
  return { accessToken, jti, body };
}

/** A successful token response; token responses are never cached (RFC 6749 §5.1). */
export function tokenReply(body: Record<string, unknown>): Reply {
  return json(200, body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
}
