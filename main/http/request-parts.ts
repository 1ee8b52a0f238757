/**
 * Building the pieces of one request: its URL (always on the profile's own origin), its
 * headers and its encoded body.
 */
import { InvalidRequestError } from './errors';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined;

export interface RequestBodyParts {
  json?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  bearer?: string;
  basic?: { username: string; password: string };
  expect?: 'json' | 'text' | 'none';
}

/** The encoded query (`?a=1&b=2`, or empty), exactly as `URLSearchParams` writes it. */
function queryString(query: Record<string, QueryValue> | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value !== undefined) params.append(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Resolves `target` (a path such as `/t/carbon.super/oauth2/token`, or an absolute URL) against
 * the base URL, keeping any path prefix the base has. A URL on another origin is refused:
 * one client talks to one server, so credentials cannot be sent anywhere else by mistake.
 */
export function resolveUrl(
  base: URL,
  target: string,
  query: Record<string, QueryValue> | undefined,
  method: string,
): URL {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(target);
  if (!absolute && !target.startsWith('/')) {
    throw new InvalidRequestError('A relative request URL must start with "/".', { method });
  }
  // A plain path takes its query as written text: one URL parse instead of one per parameter.
  // A target with its own query or fragment goes the long way, which merges them correctly.
  const plainPath = !absolute && !target.includes('?') && !target.includes('#');
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = plainPath
    ? new URL(`${prefix}${target}${queryString(query)}`, base.origin)
    : new URL(absolute ? target : `${prefix}${target}`, base.origin);
  if (url.origin !== base.origin) {
    throw new InvalidRequestError(
      `Refusing a request to ${url.origin}: not this profile's server.`,
      {
        method,
      },
    );
  }
  if (!plainPath) {
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.append(name, String(value));
    }
  }
  return url;
}

/** The request URL as shown in logs and errors: origin and path, no query or fragment. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export function buildHeaders(parts: RequestBodyParts, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': userAgent };
  const expect = parts.expect ?? 'json';
  if (expect === 'json') headers.accept = 'application/json';
  for (const [name, value] of Object.entries(parts.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  if (parts.bearer !== undefined && parts.basic !== undefined) {
    throw new InvalidRequestError('A request carries either a bearer token or Basic credentials.');
  }
  if (parts.bearer !== undefined) headers.authorization = `Bearer ${parts.bearer}`;
  if (parts.basic !== undefined) {
    const pair = `${parts.basic.username}:${parts.basic.password}`;
    headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  }
  if (parts.json !== undefined) headers['content-type'] = 'application/json';
  if (parts.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
  return headers;
}

export function encodeBody(parts: RequestBodyParts): string | undefined {
  if (parts.json !== undefined && parts.form !== undefined) {
    throw new InvalidRequestError('A request has either a JSON body or a form body, not both.');
  }
  if (parts.json !== undefined) return JSON.stringify(parts.json);
  if (parts.form !== undefined) return new URLSearchParams(parts.form).toString();
  return undefined;
}
