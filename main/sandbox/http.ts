/**
 * Request context and replies for the sandbox's routes. Handlers return a `Reply` or throw a
 * `ReplyError`; the server writes it. Error bodies follow WSO2's three shapes: the REST API
 * `Error` object, SCIM error messages and RFC 6749 OAuth errors.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from './auth';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value (serialized), a string (sent as is) or nothing. */
  body?: unknown;
  contentType?: string;
}

export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`sandbox reply ${reply.status}`);
  }
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  /** The path with `/t/{tenant}` and `/o` (or `/o/{orgId}`) removed, e.g. `/api/server/v1/organizations`. */
  readonly path: string;
  /** The path as received, for links and `Location` headers. */
  readonly rawPath: string;
  readonly query: URLSearchParams;
  params: Record<string, string>;
  readonly tenant: string;
  /** True for `/t/{root}/o/...` calls, which act in the organization of the bearer token. */
  readonly orgScoped: boolean;
  /** The org id of `/o/{orgId}/oauth2/...` (org-qualified OAuth endpoints), if any. */
  readonly orgQualifiedId: string | undefined;
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  readonly traceId: string;
  /** Set by `requireScope`. */
  principal: Principal | undefined;
  body(): Promise<Buffer>;
  json(): Promise<unknown>;
  form(): Promise<URLSearchParams>;
}

export const MAX_BODY_BYTES = 1024 * 1024;

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, contentType: 'application/json', ...(headers ? { headers } : {}) };
}

export function html(status: number, page: string, headers?: Record<string, string>): Reply {
  return {
    status,
    body: page,
    contentType: 'text/html; charset=utf-8',
    headers: {
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'Cache-Control': 'no-store',
      ...headers,
    },
  };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-store' } };
}

export function noContent(status = 204): Reply {
  return { status };
}

/** The REST API error object `{code, message, description, traceId}`. */
export function apiError(
  status: number,
  code: string,
  message: string,
  description: string,
  traceId: string = randomUUID(),
): ReplyError {
  return new ReplyError(json(status, { code, message, description, traceId }));
}

/** A SCIM error message. */
export function scimError(status: number, detail: string, scimType?: string): ReplyError {
  const body: Record<string, unknown> = {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    detail,
    status: String(status),
  };
  if (scimType) body.scimType = scimType;
  return new ReplyError({ status, body, contentType: 'application/scim+json' });
}

/** An RFC 6749 error body; `invalid_client` is 401 and `server_error` 500 as in WSO2. */
export function oauthError(error: string, description: string, status?: number): ReplyError {
  const code = status ?? (error === 'invalid_client' ? 401 : error === 'server_error' ? 500 : 400);
  return new ReplyError(
    json(code, { error, error_description: description }, { 'Cache-Control': 'no-store' }),
  );
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
