/**
 * Strict, never-throwing decoding of a bearer token into a JWS (header, payload, signature),
 * an opaque reference token, or a list of reasons why it is neither. Nothing here checks a
 * signature: see verify.ts.
 */
import { checkBase64UrlStrict, type Base64UrlErrorCode } from './base64url';
import { parseStrictJson, type JsonErrorCode, type JsonObject } from './json';

/** Larger inputs are refused before any work; real access tokens are a few KiB. */
export const MAX_TOKEN_CHARS = 64 * 1024;
export const MAX_JSON_DEPTH = 32;

export type TokenSegment = 'header' | 'payload' | 'signature';

export type DecodeErrorCode =
  | 'empty'
  | 'too_large'
  | 'invalid_characters'
  | 'segment_count'
  | 'encrypted_unsupported'
  | Base64UrlErrorCode
  | 'utf8_invalid'
  | JsonErrorCode
  | 'not_object';

export interface DecodeIssue {
  code: DecodeErrorCode;
  message: string;
  segment?: TokenSegment;
}

export interface DecodeWarning {
  code: 'number_overflow';
  message: string;
  segment: TokenSegment;
}

export interface DecodedJwt {
  kind: 'jwt';
  header: JsonObject;
  payload: JsonObject;
  /** `<header>.<payload>` exactly as received: the bytes the signature covers. */
  signingInput: string;
  /** The third segment, still base64url-encoded. */
  signature: string;
  warnings: DecodeWarning[];
}

export type DecodeResult =
  DecodedJwt | { kind: 'opaque' } | { kind: 'malformed'; reasons: DecodeIssue[] };

/** RFC 6750 b64token: the character set of a bearer token. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

// ignoreBOM keeps a byte-order mark in the text so the JSON parser rejects it. Without
// `stream`, each decode() starts afresh, so one decoder serves every call.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeToken(raw: string): DecodeResult {
  if (raw.length > MAX_TOKEN_CHARS) {
    return malformed('too_large', `token is longer than ${MAX_TOKEN_CHARS} characters`);
  }
  const token = raw.trim();
  if (token === '') return malformed('empty', 'no token given');

  const parts = token.split('.');
  if (parts.length === 1) {
    return BEARER_TOKEN.test(token)
      ? { kind: 'opaque' }
      : malformed('invalid_characters', 'characters not allowed in a bearer token');
  }
  if (parts.length === 5) {
    return malformed('encrypted_unsupported', 'encrypted tokens (JWE) are not supported');
  }
  const [headerPart, payloadPart, signaturePart] = parts;
  if (parts.length !== 3 || headerPart === undefined || payloadPart === undefined) {
    return malformed('segment_count', `expected 3 dot-separated segments, found ${parts.length}`);
  }

  const reasons: DecodeIssue[] = [];
  const warnings: DecodeWarning[] = [];
  const header = decodeJsonSegment(headerPart, 'header', reasons, warnings);
  const payload = decodeJsonSegment(payloadPart, 'payload', reasons, warnings);
  const signature = signaturePart ?? '';
  // The signature's bytes are needed only to verify it (verify.ts); here it is only checked.
  const signatureProblem = checkBase64UrlStrict(signature);
  if (signatureProblem !== undefined) {
    reasons.push(issue(signatureProblem.code, signatureProblem.message, 'signature'));
  }

  if (reasons.length > 0 || header === undefined || payload === undefined) {
    return { kind: 'malformed', reasons };
  }
  return {
    kind: 'jwt',
    header,
    payload,
    signingInput: `${headerPart}.${payloadPart}`,
    signature,
    warnings,
  };
}

function decodeJsonSegment(
  segment: string,
  name: TokenSegment,
  reasons: DecodeIssue[],
  warnings: DecodeWarning[],
): JsonObject | undefined {
  const problem = checkBase64UrlStrict(segment);
  if (problem !== undefined) {
    reasons.push(issue(problem.code, problem.message, name));
    return undefined;
  }

  let text: string;
  try {
    text = UTF8.decode(Buffer.from(segment, 'base64url'));
  } catch {
    reasons.push(issue('utf8_invalid', 'not valid UTF-8', name));
    return undefined;
  }

  const parsed = parseStrictJson(text, MAX_JSON_DEPTH);
  if (!parsed.ok) {
    reasons.push(issue(parsed.code, parsed.message, name));
    return undefined;
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    reasons.push(issue('not_object', 'must be a JSON object', name));
    return undefined;
  }
  for (const path of parsed.nonFinitePaths) {
    warnings.push({
      code: 'number_overflow',
      message: `number at "${path}" is out of range and reads as Infinity`,
      segment: name,
    });
  }
  return value;
}

function issue(code: DecodeErrorCode, message: string, segment?: TokenSegment): DecodeIssue {
  return segment === undefined
    ? { code, message }
    : { code, message: `${segment}: ${message}`, segment };
}

function malformed(code: DecodeErrorCode, message: string): DecodeResult {
  return { kind: 'malformed', reasons: [issue(code, message)] };
}
