/** Authorization codes: single use, short-lived, bound to client, redirect URI and PKCE. */
import { randomBytes } from 'node:crypto';
import type { Identity } from './identity';

/** WSO2's default authorization-code validity. */
export const CODE_LIFETIME_SEC = 300;

export interface AuthorizationCode {
  code: string;
  clientId: string;
  /** The `redirect_uri` as sent to authorize; undefined when it was omitted. */
  redirectUriSent: string | undefined;
  redirectUri: string;
  identity: Identity;
  /** The organization the user or agent logged in to; the token acts there. */
  orgId: string;
  scopes: string[];
  issuer: string;
  codeChallenge: string | undefined;
  codeChallengeMethod: 'S256' | 'plain' | undefined;
  requestedActor: string | undefined;
  nonce: string | undefined;
  exp: number;
  used: boolean;
  /** Tokens issued for this code, revoked if the code is replayed (RFC 6749 §4.1.2). */
  issuedAccessJti?: string;
  issuedRefreshToken?: string;
}

export class CodeStore {
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly nowSec: () => number) {}

  create(fields: Omit<AuthorizationCode, 'code' | 'exp' | 'used'>): AuthorizationCode {
    const now = this.nowSec();
    for (const [key, record] of this.codes) {
      if (record.exp + CODE_LIFETIME_SEC < now) this.codes.delete(key);
    }
    const record: AuthorizationCode = {
      ...fields,
      code: randomBytes(24).toString('base64url'),
      exp: now + CODE_LIFETIME_SEC,
      used: false,
    };
    this.codes.set(record.code, record);
    return record;
  }

  get(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }
}
