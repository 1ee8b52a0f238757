/**
 * Redaction of secrets before anything is logged. Secrets are described by kind and length
 * only, so a log still tells what was there without telling what it was.
 */

const SECRET_KEY =
  /^(authorization|proxy-authorization|cookie|set-cookie|password|passwd|secret|client_secret|access_token|refresh_token|id_token|actor_token|subject_token|token|code_verifier|assertion|private_?key|api_?key)$/i;

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]{6,})/gi;
/** A value already masked (`token=[redacted …]`) is left as it is, so redacting twice is safe. */
const FORM_SECRET =
  /\b(client_secret|access_token|refresh_token|id_token|actor_token|subject_token|token|code|code_verifier|password)=(?!\[redacted )([^&\s"]+)/gi;

/**
 * Text every match of the three patterns above must contain: `eyJ` for a JWT, the scheme for
 * a credential, and a form secret's name (each ends in one of these words) before its `=`.
 * Most log messages and field values hold none of it, and one scan clears them.
 */
const MAY_HOLD_SECRET = /eyJ|bearer|basic|(?:secret|token|code|verifier|password)=/i;

/** Verdicts of SECRET_KEY by key; field names repeat, so each is tested once. */
const secretKeys = new Map<string, boolean>();
const SECRET_KEY_CACHE_LIMIT = 1_000;

function isSecretKey(key: string): boolean {
  let secret = secretKeys.get(key);
  if (secret === undefined) {
    secret = SECRET_KEY.test(key);
    if (secretKeys.size < SECRET_KEY_CACHE_LIMIT) secretKeys.set(key, secret);
  }
  return secret;
}

function mask(kind: string, value: string): string {
  return `[redacted ${kind} len=${value.length}]`;
}

/**
 * Replaces token- and secret-shaped substrings of a free-form string. Form secrets go first:
 * `token=<jwt>` is masked as one value of the JWT's real length, and the JWT pattern then
 * scans only the short mask instead of the whole token.
 */
export function redactString(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  return text
    .replace(FORM_SECRET, (_m, key: string, value: string) => `${key}=${mask(key, value)}`)
    .replace(JWT, (m) => mask('jwt', m))
    .replace(
      BEARER,
      (_m, scheme: string, value: string) => `${scheme} ${mask('credential', value)}`,
    );
}

/** A field's value, masked whole when its name says it is a secret. */
function redactField(key: string, item: unknown, depth: number): unknown {
  if (!isSecretKey(key) || item === undefined || item === null || item === '') {
    return redact(item, depth + 1);
  }
  return typeof item === 'string' ? mask(key.toLowerCase(), item) : '[redacted]';
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
    for (const key of Object.keys(value)) {
      const copy = redactField(key, (value as Record<string, unknown>)[key], depth);
      // A parsed body may carry a `__proto__` key; assigning it would swap the prototype.
      if (key === '__proto__') {
        Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true });
      } else out[key] = copy;
    }
    return out;
  }
  return value;
}
