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

export type Base64UrlResult =
  { ok: true; bytes: Uint8Array } | { ok: false; code: Base64UrlErrorCode; message: string };

const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function decodeBase64UrlStrict(segment: string): Base64UrlResult {
  if (!ALPHABET.test(segment)) return alphabetError(segment);
  if (segment.length % 4 === 1) {
    return { ok: false, code: 'base64url_length', message: 'length is not a valid base64url size' };
  }

  const bytes = Buffer.from(segment, 'base64url');
  if (bytes.toString('base64url') !== segment) {
    return {
      ok: false,
      code: 'base64url_noncanonical',
      message: 'unused trailing bits are set (non-canonical encoding)',
    };
  }
  return { ok: true, bytes: new Uint8Array(bytes) };
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function alphabetError(segment: string): Base64UrlResult {
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
