/**
 * The record of one HTTP attempt handed to an `onExchange` hook (the token flows draw their
 * timeline from it). Everything in it is redacted: it may be shown, copied and logged.
 */
import { redact, redactString } from '../log/redact';

export interface HttpExchange {
  method: string;
  url: string;
  /** 1 for the first try; retries and followed redirects count up. */
  attempt: number;
  startedAt: string;
  durationMs: number;
  status?: number;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  responseHeaders?: Record<string, string>;
  responseBody?: unknown;
  error?: { code: string; message: string };
}

export type ExchangeHook = (exchange: HttpExchange) => void;

const MAX_TEXT = 8 * 1024;

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… [${text.length} chars]` : text;
}

/** The full URL with secret-looking query values (`code=`, `token=` …) masked. */
export function redactUrl(url: URL): string {
  return redactString(url.toString());
}

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(redact(headers) as Record<string, unknown>)) {
    out[name] = String(value);
  }
  return out;
}

/** Characters `application/x-www-form-urlencoded` leaves as they are. */
const FORM_PLAIN = /^[A-Za-z0-9*._-]*$/;

/** One name or value encoded exactly as `URLSearchParams` puts it on the wire. */
export function formEncode(text: string): string {
  if (FORM_PLAIN.test(text)) return text;
  return new URLSearchParams([['', text]]).toString().slice(1);
}

/** Verdicts by field name; forms use a handful of names, so each is worked out once. */
const secretFields = new Map<string, boolean>();
const SECRET_FIELD_CACHE_LIMIT = 1_000;
const PROBE = 'x';

/**
 * Whether the log redaction masks a field of this name: as a form pair (`token=…`, `code=…`)
 * or as an object key (`password`, `assertion` …). Asked of `redact.ts` itself rather than a
 * copy of its lists, so the two can never disagree.
 */
export function isSecretField(name: string): boolean {
  let secret = secretFields.get(name);
  if (secret === undefined) {
    const pair = `${formEncode(name)}=${PROBE}`;
    const asObject = redact({ [name]: PROBE }) as Record<string, unknown>;
    secret = redactString(pair) !== pair || asObject[name] !== PROBE;
    if (secretFields.size < SECRET_FIELD_CACHE_LIMIT) secretFields.set(name, secret);
  }
  return secret;
}

/**
 * A form body as it goes on the wire, with every secret-named field's value masked by name
 * before it is written out (its length as encoded), and anything secret-shaped elsewhere (a
 * JWT in another field) masked as the log redaction would.
 */
export function redactForm(form: Record<string, string>): string {
  let out = '';
  for (const name of Object.keys(form)) {
    const value = formEncode(form[name]!);
    const shown =
      value !== '' && isSecretField(name)
        ? `[redacted ${name.toLowerCase()} len=${value.length}]`
        : redactString(value);
    out += `${out === '' ? '' : '&'}${redactString(formEncode(name))}=${shown}`;
  }
  return out;
}

/** Form bodies are shown as they go on the wire, with secret-valued fields masked. */
export function redactRequestBody(
  json: unknown,
  form: Record<string, string> | undefined,
): unknown {
  if (form !== undefined) return redactForm(form);
  if (json !== undefined) return redact(json);
  return undefined;
}

/**
 * The response body for display: the value already parsed from JSON, deep-copied with secrets
 * masked (the caller keeps the original), or the text when it was not JSON.
 */
export function redactResponseBody(body: { json: unknown } | { text: string }): unknown {
  const value = 'json' in body ? body.json : body.text;
  if (typeof value === 'string') return truncate(redactString(value));
  return redact(value);
}

/** Flattens undici's header record (values may be arrays) into single strings. */
export function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
