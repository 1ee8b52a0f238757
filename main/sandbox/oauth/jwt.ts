/**
 * The sandbox's token signing key and a small, synchronous RS256 JWS implementation.
 * Signing and verifying are synchronous on purpose: `TokenAuthority.authenticate` is called inline by every management
 * route, and node:crypto verifies RS256 without an event-loop hop.
 */
import {
  createHash,
  generateKeyPair,
  sign as rsaSign,
  verify as rsaVerify,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';

const generateRsaKeyPair = promisify(generateKeyPair);

export interface PublicJwk {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
  n: string;
  e: string;
}

export interface SigningKey {
  kid: string;
  jwk: PublicJwk;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * A fresh 2048-bit RSA key; `kid` follows WSO2's `<base64url(hex thumbprint)>_RS256` form.
 * Generated off the event loop: the app opens its cached tree while the sandbox starts.
 */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateRsaKeyPair('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const thumbprintHex = createHash('sha256').update(spki).digest('hex');
  const kid = `${Buffer.from(thumbprintHex).toString('base64url')}_RS256`;
  const exported = publicKey.export({ format: 'jwk' });
  const n = z.string().parse(exported.n);
  const e = z.string().parse(exported.e);
  return { kid, privateKey, publicKey, jwk: { kty: 'RSA', kid, alg: 'RS256', use: 'sig', n, e } };
}

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Signs `claims` with RS256; `typ` is `at+jwt` for access tokens and `JWT` for ID tokens. */
export function signJwt(key: SigningKey, typ: string, claims: Record<string, unknown>): string {
  const input = `${encodeSegment({ alg: 'RS256', typ, kid: key.kid })}.${encodeSegment(claims)}`;
  const signature = rsaSign('sha256', Buffer.from(input, 'ascii'), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

const headerSchema = z.object({ alg: z.string(), kid: z.string().optional() });

/** The claims this sandbox reads back from its own tokens (others pass through). */
export const accessClaimsSchema = z.looseObject({
  iss: z.string(),
  sub: z.string(),
  exp: z.number().finite(),
  nbf: z.number().finite().optional(),
  iat: z.number().finite(),
  jti: z.string(),
  client_id: z.string(),
});

export type JwtCheck =
  { ok: true; claims: Record<string, unknown> } | { ok: false; reason: 'malformed' | 'signature' };

function decodeJson(segment: string): unknown {
  if (!BASE64URL.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a compact JWS and verifies its RS256 signature against our key. Only structure and
 * signature are checked here; time, issuer and revocation are the caller's rules.
 */
export function verifyJwt(key: SigningKey, token: string): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => p.length === 0)) {
    return { ok: false, reason: 'malformed' };
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = headerSchema.safeParse(decodeJson(headerPart));
  const payload = decodeJson(payloadPart);
  if (
    !header.success ||
    payload === null ||
    typeof payload !== 'object' ||
    Array.isArray(payload)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (!BASE64URL.test(signaturePart)) return { ok: false, reason: 'malformed' };
  if (header.data.alg !== 'RS256' || header.data.kid !== key.kid) {
    return { ok: false, reason: 'signature' };
  }
  const valid = rsaVerify(
    'sha256',
    Buffer.from(`${headerPart}.${payloadPart}`, 'ascii'),
    key.publicKey,
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!valid) return { ok: false, reason: 'signature' };
  return { ok: true, claims: payload as Record<string, unknown> };
}

/** `at_hash`: the left half of the SHA-256 of the access token, base64url (OIDC Core 3.1.3.6). */
export function accessTokenHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
