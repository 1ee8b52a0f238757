/**
 * Test helpers: real keys from jose, and a raw signer that signs whatever header and payload
 * text it is given (duplicate keys, `1e400`, …) so the bad inputs carry valid signatures.
 */
import { KeyObject, sign as cryptoSign } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { vi } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { createJwksResolver } from '../../../main/tokens/jwks';

export const ISSUER = 'https://localhost:9443/oauth2/token';
export const DISCOVERY_URL = `${ISSUER}/.well-known/openid-configuration`;
export const JWKS_URL = 'https://localhost:9443/oauth2/jwks';
export const NOW_SECONDS = 1_760_000_000;

export type SignAlg = 'RS256' | 'PS256' | 'ES256';

export interface TestKey {
  alg: SignAlg;
  kid: string;
  privateKey: KeyObject;
  publicJwk: JWK;
  publicPem: string;
}

export async function makeKey(alg: SignAlg, kid: string): Promise<TestKey> {
  const pair = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
  const publicKey = KeyObject.from(pair.publicKey);
  return {
    alg,
    kid,
    privateKey: KeyObject.from(pair.privateKey),
    publicJwk,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** Signs `<b64(header)>.<b64(payload)>` exactly as given, with the key's own algorithm. */
export function signRaw(key: TestKey, headerText: string, payloadText: string): string {
  const signingInput = `${b64(headerText)}.${b64(payloadText)}`;
  const data = Buffer.from(signingInput, 'ascii');
  let signature: Buffer;
  if (key.alg === 'ES256') {
    signature = cryptoSign('sha256', data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  } else if (key.alg === 'PS256') {
    signature = cryptoSign('sha256', data, {
      key: key.privateKey,
      padding: 6, // RSA_PKCS1_PSS_PADDING
      saltLength: 32,
    });
  } else {
    signature = cryptoSign('sha256', data, key.privateKey);
  }
  return `${signingInput}.${signature.toString('base64url')}`;
}

export function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: ISSUER,
    sub: '7a1b7d63-agent',
    aud: 'vMH8K3zdIhlSiIDmmvnebNOI_bIa',
    aut: 'AGENT',
    scope: 'read_bookings openid',
    iat: NOW_SECONDS - 60,
    nbf: NOW_SECONDS - 60,
    exp: NOW_SECONDS + 3600,
    jti: 'jti-1',
    ...extra,
  };
}

/** A normally formed token signed by `key`; header fields may be added or overridden. */
export function signToken(
  key: TestKey,
  payload: Record<string, unknown> = claims(),
  header: Record<string, unknown> = {},
): string {
  const fullHeader = { alg: key.alg, kid: key.kid, typ: 'at+jwt', ...header };
  return signRaw(key, JSON.stringify(fullHeader), JSON.stringify(payload));
}

/** An issuer whose discovery and JWKS answers come from memory; records every URL fetched. */
export function fakeIssuer(initialKeys: JWK[]) {
  let keys = initialKeys;
  const fetchJson = vi.fn((url: string): Promise<unknown> => {
    if (url === DISCOVERY_URL) return Promise.resolve({ issuer: ISSUER, jwks_uri: JWKS_URL });
    if (url === JWKS_URL) return Promise.resolve({ keys });
    return Promise.reject(new Error(`unexpected fetch ${url}`));
  });
  return {
    fetchJson,
    setKeys: (next: JWK[]) => (keys = next),
    jwksFetches: () => fetchJson.mock.calls.filter(([url]) => url === JWKS_URL).length,
  };
}

export function testClock(seconds = NOW_SECONDS) {
  let now = seconds * 1000;
  return {
    clock: () => new Date(now),
    advance: (ms: number) => (now += ms),
  };
}

export function resolverFor(issuer: ReturnType<typeof fakeIssuer>, clock: () => Date) {
  return createJwksResolver({
    issuer: ISSUER,
    fetchJson: issuer.fetchJson,
    clock,
    logger: silentLogger,
    refetchCooldownMs: 60_000,
  });
}
