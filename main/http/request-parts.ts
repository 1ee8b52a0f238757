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
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    url = new URL(target);
  } else {
    if (!target.startsWith('/')) {
      throw new InvalidRequestError('A relative request URL must start with "/".', { method });
    }
    const prefix = base.pathname.replace(/\/+$/, '');
    url = new URL(`${prefix}${target}`, base.origin);
  }
  if (url.origin !== base.origin) {
    throw new InvalidRequestError(
      `Refusing a request to ${url.origin}: not this profile's server.`,
      {
        method,
      },
    );
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.append(name, String(value));
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
