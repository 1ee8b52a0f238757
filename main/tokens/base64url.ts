/**
 * Strict base64url (RFC 7515 §2: no padding, URL-safe alphabet). Lenient decoders accept
 * padding, `+`/`/`, whitespace and stray trailing bits, which lets two different strings carry
 * the same bytes; a token inspector must show exactly what was signed, so those are errors.
 */

export type Base64UrlErrorCode =
  | 'base64url_padding'
  | 'base64url_standard_alphabet'
  | 'base64url_whitespace'
  | 'base64url_alphabet'
  | 'base64url_length'
  | 'base64url_noncanonical';

export interface Base64UrlError {
  ok: false;
  code: Base64UrlErrorCode;
  message: string;
}

export type Base64UrlResult = { ok: true; bytes: Uint8Array } | Base64UrlError;

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/** The 6-bit value of each base64url character, by char code; other codes are never looked up. */
const SEXTET = new Uint8Array(128);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  .split('')
  .forEach((ch, value) => (SEXTET[ch.charCodeAt(0)] = value));

/**
 * Why `segment` is not strict base64url, or undefined when it is. Checked without decoding:
 * a canonical encoding leaves the unused low bits of its last character zero (4 bits after
 * 2 characters of a group, 2 bits after 3), so no re-encoding is needed to compare.
 */
export function checkBase64UrlStrict(segment: string): Base64UrlError | undefined {
  if (!ALPHABET.test(segment)) return alphabetError(segment);
  const rest = segment.length % 4;
  if (rest === 1) {
    return { ok: false, code: 'base64url_length', message: 'length is not a valid base64url size' };
  }
  if (rest !== 0) {
    const last = SEXTET[segment.charCodeAt(segment.length - 1)] ?? 0;
    if ((last & (rest === 2 ? 0x0f : 0x03)) !== 0) {
      return {
        ok: false,
        code: 'base64url_noncanonical',
        message: 'unused trailing bits are set (non-canonical encoding)',
      };
    }
  }
  return undefined;
}

export function decodeBase64UrlStrict(segment: string): Base64UrlResult {
  const problem = checkBase64UrlStrict(segment);
  if (problem !== undefined) return problem;
  // A copy, so callers never hold a view into Buffer's shared allocation pool.
  return { ok: true, bytes: new Uint8Array(Buffer.from(segment, 'base64url')) };
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function alphabetError(segment: string): Base64UrlError {
  if (segment.includes('=')) {
    return { ok: false, code: 'base64url_padding', message: "padding '=' is not allowed" };
  }
  if (/[+/]/.test(segment)) {
    return {
      ok: false,
      code: 'base64url_standard_alphabet',
      message: "'+' or '/' found: standard base64, not base64url",
    };
  }
  if (/\s/.test(segment)) {
    return { ok: false, code: 'base64url_whitespace', message: 'whitespace inside the segment' };
  }
  return { ok: false, code: 'base64url_alphabet', message: 'character outside the base64url set' };
}
