/**
 * The `actor_token` checks of an OBO code exchange (§8.3): a JWT of this issuer, signed by our
 * key, unexpired, whose subject is the requested actor, an agent that is still active.
 * INFERRED: the wording of the structure, issuer, signature and expiry messages (WSO2's were
 * not read); the subject and activity messages are WSO2's.
 */
import { oauthError } from '../http';
import type { OAuthCore } from './core';
import { accessClaimsSchema, verifyJwt } from './jwt';

function reject(description: string): never {
  throw oauthError('invalid_grant', description);
}

function unverifiedClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1] ?? '')) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function validateActorToken(
  core: OAuthCore,
  actorToken: string | null,
  requestedActor: string,
  expectedIssuer: string,
): void {
  if (actorToken === null || actorToken === '') {
    reject('Actor token is not provided in the request.');
  }
  const unverified = unverifiedClaims(actorToken);
  if (!unverified) reject('Actor token is not a valid JWT.');
  // The issuer decides which key would verify the token, so it is checked first.
  if (unverified.iss !== expectedIssuer) reject('Actor token issuer is not trusted.');

  const checked = verifyJwt(core.key, actorToken);
  if (!checked.ok) {
    reject(
      checked.reason === 'malformed'
        ? 'Actor token is not a valid JWT.'
        : 'Actor token signature validation failed.',
    );
  }
  const claims = accessClaimsSchema.safeParse(checked.claims);
  if (!claims.success) reject('Actor token is not a valid JWT.');
  const now = core.nowSec();
  if (claims.data.exp <= now) reject('Actor token is expired.');
  if (claims.data.nbf !== undefined && claims.data.nbf > now)
    reject('Actor token is not yet valid.');
  const record = core.store.accessByJti(claims.data.jti);
  if (record?.revoked === true) reject('Actor token is revoked.');

  if (claims.data.sub !== requestedActor) {
    reject('Actor token subject does not match the requested actor.');
  }
  const agent = core.deps.state.agents.get(requestedActor);
  if (!agent || agent.accountLocked) reject('Requested actor is not active.');
}
