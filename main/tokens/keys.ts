/**
 * What verification needs from a key source, kept apart from the JWKS fetching so verify.ts
 * can be tested with any resolver.
 */
import type { JWK } from 'jose';

/** The only signature algorithms ShareDesk accepts; WSO2 signs with RS256 and can use PS256. */
export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256'] as const;
export type AllowedAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

export function isAllowedAlgorithm(alg: string): alg is AllowedAlgorithm {
  return (ALLOWED_ALGORITHMS as readonly string[]).includes(alg);
}

export interface KeyQuery {
  kid: string;
  alg: AllowedAlgorithm;
}

export type KeyResolution =
  | { kind: 'found'; jwk: JWK }
  | { kind: 'unknown_kid'; message: string }
  | { kind: 'unavailable'; message: string };

export interface KeyResolver {
  resolve(query: KeyQuery): Promise<KeyResolution>;
}
