/**
 * JWT verification with a fixed algorithm allow-list. jose checks the signature; header rules,
 * time claims, issuer and audience are checked here so that every failure has its own named
 * reason for the inspector. A token is "verified" only when the signature check passed and
 * nothing else failed.
 */
import { compactVerify, importJWK, type JWK } from 'jose';
import { readTimeClaim, TIME_CLAIMS } from './claims-time';
import type { DecodeResult, DecodedJwt } from './decode';
import type { JsonObject } from './json';
import { isAllowedAlgorithm, type AllowedAlgorithm, type KeyResolver } from './keys';

export type VerifyState = 'verified' | 'invalid' | 'unverifiable';

export type VerifyReasonCode =
  | 'opaque_token'
  | 'malformed'
  | 'alg_missing'
  | 'alg_none'
  | 'alg_symmetric'
  | 'alg_not_allowed'
  | 'crit_unsupported'
  | 'typ_mismatch'
  | 'kid_missing'
  | 'kid_unknown'
  | 'keys_unavailable'
  | 'key_unusable'
  | 'signature_invalid'
  | 'claim_type'
  | 'time_absurd'
  | 'exp_missing'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer_mismatch'
  | 'audience_mismatch';

export type VerifyWarningCode = 'untrusted_header_ignored' | 'issued_in_future';

export interface VerifyReason {
  code: VerifyReasonCode;
  message: string;
  claim?: string;
}

export interface VerifyWarning {
  code: VerifyWarningCode;
  message: string;
}

export interface VerifyResult {
  state: VerifyState;
  /** Whether the signature itself was checked, and how it came out. */
  signature: 'valid' | 'invalid' | 'not_checked';
  reasons: VerifyReason[];
  warnings: VerifyWarning[];
}

export interface VerifyContext {
  expectedIssuer?: string;
  audience?: string;
  /** e.g. `at+jwt` (RFC 9068) when the caller knows it holds an access token. */
  expectedType?: string;
  keyResolver: KeyResolver;
  clock: () => Date;
  clockToleranceSec: number;
}

/** Header parameters that point at keys chosen by the token itself; never fetched or used. */
const UNTRUSTED_KEY_HEADERS = ['jku', 'x5u', 'jwk', 'x5c'] as const;

interface Findings {
  invalid: VerifyReason[];
  unverifiable: VerifyReason[];
  warnings: VerifyWarning[];
}

export async function verifyJwt(decoded: DecodeResult, ctx: VerifyContext): Promise<VerifyResult> {
  if (decoded.kind === 'opaque') {
    const message = 'opaque token: it can only be checked by introspection';
    return result({ invalid: [], unverifiable: [{ code: 'opaque_token', message }], warnings: [] });
  }
  if (decoded.kind === 'malformed') {
    const invalid = decoded.reasons.map((r) => ({
      code: 'malformed' as const,
      message: r.message,
    }));
    return result({ invalid, unverifiable: [], warnings: [] });
  }

  const findings: Findings = { invalid: [], unverifiable: [], warnings: [] };
  const alg = checkHeader(decoded.header, ctx, findings);
  checkClaims(decoded.payload, ctx, findings);

  let signature: VerifyResult['signature'] = 'not_checked';
  const kid = decoded.header.kid;
  if (alg !== undefined) {
    // Known shortcoming: tokens without a kid are not matched to a key; WSO2 always sets one.
    if (typeof kid !== 'string' || kid === '') {
      findings.unverifiable.push({ code: 'kid_missing', message: 'header has no usable kid' });
    } else {
      signature = await checkSignature(decoded, alg, kid, ctx.keyResolver, findings);
    }
  }
  return result(findings, signature);
}

/** "verified" needs a passed signature check and no finding; invalid outranks unverifiable. */
function result(
  findings: Findings,
  signature: VerifyResult['signature'] = 'not_checked',
): VerifyResult {
  const { invalid, unverifiable, warnings } = findings;
  let state: VerifyState = 'unverifiable';
  if (invalid.length > 0) state = 'invalid';
  else if (unverifiable.length === 0 && signature === 'valid') state = 'verified';
  return { state, signature, reasons: [...invalid, ...unverifiable], warnings };
}

function checkHeader(
  header: JsonObject,
  ctx: VerifyContext,
  findings: Findings,
): AllowedAlgorithm | undefined {
  for (const name of UNTRUSTED_KEY_HEADERS) {
    if (Object.hasOwn(header, name)) {
      const message = `header "${name}" names its own key source; it is ignored and never fetched`;
      findings.warnings.push({ code: 'untrusted_header_ignored', message });
    }
  }
  if (Object.hasOwn(header, 'crit')) {
    const names = Array.isArray(header.crit) ? header.crit.map(String).join(', ') : 'malformed';
    const message = `critical header extensions are not supported (${names})`;
    findings.invalid.push({ code: 'crit_unsupported', message });
  }
  if (ctx.expectedType !== undefined && !sameType(header.typ, ctx.expectedType)) {
    const message = `typ must be "${ctx.expectedType}"`;
    findings.invalid.push({ code: 'typ_mismatch', message });
  }

  const alg = header.alg;
  if (typeof alg !== 'string' || alg === '') {
    findings.invalid.push({ code: 'alg_missing', message: 'header has no alg' });
    return undefined;
  }
  if (alg.toLowerCase() === 'none') {
    findings.invalid.push({ code: 'alg_none', message: 'unsigned token (alg "none")' });
    return undefined;
  }
  if (/^HS/i.test(alg)) {
    const message = `${alg} is a shared-secret algorithm; issuer tokens must use a public key`;
    findings.invalid.push({ code: 'alg_symmetric', message });
    return undefined;
  }
  if (!isAllowedAlgorithm(alg)) {
    const message = `algorithm ${alg.slice(0, 20)} is not allowed (RS256, PS256, ES256)`;
    findings.invalid.push({ code: 'alg_not_allowed', message });
    return undefined;
  }
  return findings.invalid.length === 0 ? alg : undefined;
}

/** Media-type comparison per RFC 7515 §4.1.9: case-insensitive, `application/` optional. */
function sameType(typ: unknown, expected: string): boolean {
  if (typeof typ !== 'string') return false;
  const normalize = (value: string) => value.toLowerCase().replace(/^application\//, '');
  return normalize(typ) === normalize(expected);
}

function checkClaims(payload: JsonObject, ctx: VerifyContext, findings: Findings): void {
  const now = ctx.clock().getTime() / 1000;
  const tolerance = ctx.clockToleranceSec;
  const seconds: Partial<Record<(typeof TIME_CLAIMS)[number], number>> = {};

  for (const claim of TIME_CLAIMS) {
    const reading = readTimeClaim(payload, claim);
    if (reading.kind === 'ok') seconds[claim] = reading.seconds;
    else if (reading.kind === 'not_a_number') {
      findings.invalid.push({ code: 'claim_type', message: `${claim} is not a number`, claim });
    } else if (reading.kind === 'absurd') {
      const message = `${claim} is absurd (${reading.why})`;
      findings.invalid.push({ code: 'time_absurd', message, claim });
    } else if (claim === 'exp') {
      findings.invalid.push({ code: 'exp_missing', message: 'token has no exp', claim });
    }
  }

  if (seconds.exp !== undefined && now >= seconds.exp + tolerance) {
    findings.invalid.push({ code: 'expired', message: 'token has expired', claim: 'exp' });
  }
  if (seconds.nbf !== undefined && now + tolerance < seconds.nbf) {
    findings.invalid.push({
      code: 'not_yet_valid',
      message: 'token is not valid yet',
      claim: 'nbf',
    });
  }
  if (seconds.iat !== undefined && seconds.iat > now + tolerance) {
    findings.warnings.push({ code: 'issued_in_future', message: 'iat is in the future' });
  }

  if (ctx.expectedIssuer !== undefined && payload.iss !== ctx.expectedIssuer) {
    const message = `iss must be exactly "${ctx.expectedIssuer}"`;
    findings.invalid.push({ code: 'issuer_mismatch', message, claim: 'iss' });
  }
  if (ctx.audience !== undefined && !hasAudience(payload.aud, ctx.audience)) {
    const message = `aud does not include "${ctx.audience}"`;
    findings.invalid.push({ code: 'audience_mismatch', message, claim: 'aud' });
  }
}

function hasAudience(aud: unknown, audience: string): boolean {
  if (typeof aud === 'string') return aud === audience;
  return Array.isArray(aud) && aud.includes(audience);
}

async function checkSignature(
  decoded: DecodedJwt,
  alg: AllowedAlgorithm,
  kid: string,
  keyResolver: KeyResolver,
  findings: Findings,
): Promise<VerifyResult['signature']> {
  let resolution;
  try {
    resolution = await keyResolver.resolve({ kid, alg });
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unknown error';
    findings.unverifiable.push({
      code: 'keys_unavailable',
      message: `key lookup failed: ${detail}`,
    });
    return 'not_checked';
  }
  if (resolution.kind === 'unknown_kid') {
    findings.unverifiable.push({ code: 'kid_unknown', message: resolution.message });
    return 'not_checked';
  }
  if (resolution.kind === 'unavailable') {
    findings.unverifiable.push({ code: 'keys_unavailable', message: resolution.message });
    return 'not_checked';
  }

  const usable = keyUsableFor(resolution.jwk, alg);
  if (usable !== true) {
    findings.invalid.push({ code: 'key_unusable', message: usable });
    return 'not_checked';
  }
  let key: Awaited<ReturnType<typeof importJWK>>;
  try {
    key = await importJWK(resolution.jwk, alg);
  } catch {
    findings.invalid.push({ code: 'key_unusable', message: `key cannot be used for ${alg}` });
    return 'not_checked';
  }
  try {
    await compactVerify(`${decoded.signingInput}.${decoded.signature}`, key, { algorithms: [alg] });
    return 'valid';
  } catch {
    findings.invalid.push({ code: 'signature_invalid', message: 'signature does not verify' });
    return 'invalid';
  }
}

function keyUsableFor(jwk: JWK, alg: AllowedAlgorithm): true | string {
  if (jwk.alg !== undefined && jwk.alg !== alg) return `key ${jwk.kid ?? ''} is for ${jwk.alg}`;
  if (jwk.use !== undefined && jwk.use !== 'sig') return 'key is not a signing key';
  const kty = alg === 'ES256' ? 'EC' : 'RSA';
  if (jwk.kty !== kty) return `${alg} needs an ${kty} key`;
  return true;
}
