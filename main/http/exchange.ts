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

/** Form bodies are shown as they go on the wire, with secret-valued fields masked. */
export function redactRequestBody(
  json: unknown,
  form: Record<string, string> | undefined,
): unknown {
  if (form !== undefined) return redactString(new URLSearchParams(form).toString());
  if (json !== undefined) return redact(json);
  return undefined;
}

export function redactResponseBody(body: unknown): unknown {
  if (typeof body === 'string') return truncate(redactString(body));
  return redact(body);
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
