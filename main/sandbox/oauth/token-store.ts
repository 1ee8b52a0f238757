/**
 * Issued access and refresh tokens, their revocation, and the `TokenAuthority` that turns a
 * bearer token back into a principal. A JWT is only honoured while its record exists and is
 * not revoked, so revocation works although the token itself is self-contained.
 */
import type { Principal, TokenAuthority } from '../auth';
import type { SandboxState } from '../state';
import { autOf, type Identity } from './identity';
import { accessClaimsSchema, verifyJwt, type SigningKey } from './jwt';

export interface AccessTokenRecord {
  jti: string;
  clientId: string;
  identity: Identity;
  /** `org_id`: the organization the token acts in. */
  orgId: string;
  scopes: string[];
  actorSub: string | undefined;
  issuer: string;
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  identity: Identity;
  orgId: string;
  scopes: string[];
  actorSub: string | undefined;
  issuer: string;
  iat: number;
  exp: number;
  revoked: boolean;
  /** The access token issued alongside, made inactive when this refresh token is used. */
  accessJti: string;
}

const PRUNE_EVERY = 1000;

export class TokenStore {
  private readonly access = new Map<string, AccessTokenRecord>();
  private readonly refresh = new Map<string, RefreshTokenRecord>();
  private inserts = 0;

  constructor(private readonly nowSec: () => number) {}

  addAccess(record: AccessTokenRecord): void {
    this.access.set(record.jti, record);
    this.maybePrune();
  }

  addRefresh(record: RefreshTokenRecord): void {
    this.refresh.set(record.token, record);
    this.maybePrune();
  }

  accessByJti(jti: string): AccessTokenRecord | undefined {
    return this.access.get(jti);
  }

  refreshByToken(token: string): RefreshTokenRecord | undefined {
    return this.refresh.get(token);
  }

  isActive(record: { revoked: boolean; exp: number }): boolean {
    return !record.revoked && record.exp > this.nowSec();
  }

  /** Expired records can never become valid again; drop them so long runs stay small. */
  private maybePrune(): void {
    if (++this.inserts % PRUNE_EVERY !== 0) return;
    const now = this.nowSec();
    for (const [key, record] of this.access) if (record.exp <= now) this.access.delete(key);
    for (const [key, record] of this.refresh) if (record.exp <= now) this.refresh.delete(key);
  }
}

/** True while the user or agent behind a token still exists and is not locked. */
export function identityIsActive(state: SandboxState, identity: Identity): boolean {
  if (identity.kind === 'agent') {
    const agent = state.agents.get(identity.id);
    return agent !== undefined && !agent.accountLocked;
  }
  if (identity.kind === 'user') {
    const user = state.users.get(identity.id);
    return user !== undefined && !user.accountLocked;
  }
  return state.applicationByClientId(identity.id) !== undefined;
}

/**
 * The access-token record behind a JWT: signature by our key, a known and unrevoked `jti`,
 * not expired, not before `nbf`, and an identity that is still active.
 */
export function resolveAccessToken(
  key: SigningKey,
  store: TokenStore,
  state: SandboxState,
  token: string,
): AccessTokenRecord | undefined {
  const checked = verifyJwt(key, token);
  if (!checked.ok) return undefined;
  const claims = accessClaimsSchema.safeParse(checked.claims);
  if (!claims.success) return undefined;
  const record = store.accessByJti(claims.data.jti);
  if (!record || record.issuer !== claims.data.iss || !store.isActive(record)) return undefined;
  if (!identityIsActive(state, record.identity)) return undefined;
  return record;
}

export function principalOf(record: AccessTokenRecord): Principal {
  const principal: Principal = {
    tokenId: record.jti,
    sub: record.identity.id,
    clientId: record.clientId,
    aut: autOf(record.identity),
    scopes: new Set(record.scopes),
    orgId: record.orgId,
    residentOrgId: record.identity.residentOrgId,
    // Milliseconds since the epoch, like the injected clock.
    expiresAt: record.exp * 1000,
  };
  if (record.actorSub !== undefined) principal.actorSub = record.actorSub;
  return principal;
}

export function createAuthority(
  key: SigningKey,
  store: TokenStore,
  state: SandboxState,
): TokenAuthority {
  return {
    authenticate(accessToken) {
      const record = resolveAccessToken(key, store, state, accessToken);
      return record ? principalOf(record) : undefined;
    },
  };
}
