/**
 * PKCE (RFC 7636) with S256 only, plus the `state` and `nonce` values of an authorization
 * request. All random values come from the OS CSPRNG.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** 32 random bytes give a 43-character verifier with 256 bits of entropy. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: challengeFor(verifier), method: 'S256' };
}

/** BASE64URL(SHA256(ASCII(verifier))); throws on a verifier RFC 7636 does not allow. */
export function challengeFor(verifier: string): string {
  if (!VERIFIER.test(verifier)) {
    throw new RangeError('PKCE verifier must be 43-128 characters of [A-Za-z0-9-._~]');
  }
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** 256-bit `state` for CSRF protection of the redirect. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}

/** 256-bit OIDC `nonce`, bound into the ID token. */
export function createNonce(): string {
  return randomBytes(32).toString('base64url');
}
