/**
 * Redaction of secrets before anything is logged. Secrets are described by kind and length
 * only, so a log still tells what was there without telling what it was.
 */

const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|client_secret|access_token|refresh_token|id_token|actor_token|subject_token|token|code_verifier|assertion|private_?key|api_?key)$/i;

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
const FORM_SECRET =
  /\b(client_secret|access_token|refresh_token|id_token|actor_token|subject_token|token|code|code_verifier|password)=([^&\s"]+)/gi;

function mask(kind: string, value: string): string {
  return `[redacted ${kind} len=${value.length}]`;
}

/** Replaces token- and secret-shaped substrings of a free-form string. */
export function redactString(text: string): string {
  return text
    .replace(JWT, (m) => mask('jwt', m))
    .replace(
      BEARER,
      (_m, scheme: string, value: string) => `${scheme} ${mask('credential', value)}`,
    )
    .replace(FORM_SECRET, (_m, key: string, value: string) => `${key}=${mask(key, value)}`);
}

/** Deep-copies a value with secret-named fields masked and secret-shaped strings redacted. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth limit]';
  if (typeof value === 'string') return redactString(value);
  if (value instanceof Error) {
    return { name: value.name, message: redactString(value.message) };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key) && item !== undefined && item !== null && item !== '') {
        out[key] = typeof item === 'string' ? mask(key.toLowerCase(), item) : '[redacted]';
      } else {
        out[key] = redact(item, depth + 1);
      }
    }
    return out;
  }
  return value;
}
