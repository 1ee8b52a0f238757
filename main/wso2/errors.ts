/**
 * Typed errors of the WSO2 clients. HTTP status failures from the transport become
 * `WSO2ApiError` (REST and SCIM APIs) or `OAuthError` (OAuth endpoints); responses that do not
 * match their schema become `ResponseSchemaError` naming the field; identifiers and filter
 * values refused before anything is sent become `InvalidInputError`. Transport failures (TLS,
 * timeout, network, size) pass through unchanged.
 */
import { z } from 'zod';

export type Wso2ErrorKind = 'api' | 'oauth';

/** A REST or SCIM API answered with an error status. */
export class WSO2ApiError extends Error {
  readonly status: number;
  /** WSO2 error code such as `ORG-60015`; `HTTP-<status>` when the body carried none. */
  readonly code: string;
  readonly description: string | undefined;
  readonly traceId: string | undefined;

  constructor(details: {
    status: number;
    code: string;
    message: string;
    description?: string;
    traceId?: string;
    cause?: unknown;
  }) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'WSO2ApiError';
    this.status = details.status;
    this.code = details.code;
    this.description = details.description;
    this.traceId = details.traceId;
  }
}

/** An OAuth endpoint answered with an RFC 6749 §5.2 error. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;
  readonly error_description: string | undefined;

  constructor(details: {
    status: number;
    error: string;
    error_description?: string;
    cause?: unknown;
  }) {
    const text = details.error_description ?? '';
    super(
      text === '' ? details.error : `${details.error}: ${text}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = 'OAuthError';
    this.status = details.status;
    this.error = details.error;
    this.error_description = details.error_description;
  }
}

export interface SchemaIssue {
  /** Dotted path with array indexes, e.g. `organizations[3].id`; empty for the body itself. */
  path: string;
  message: string;
}

/** A response body did not have the shape the API reference documents. */
export class ResponseSchemaError extends Error {
  readonly what: string;
  readonly issues: readonly SchemaIssue[];

  constructor(what: string, issues: readonly SchemaIssue[]) {
    const first = issues[0];
    const where = first === undefined ? '' : ` at ${first.path === '' ? '(body)' : first.path}`;
    const detail = first === undefined ? '' : `: ${first.message}`;
    super(`unexpected ${what} response${where}${detail}`);
    this.name = 'ResponseSchemaError';
    this.what = what;
    this.issues = issues;
  }
}

/** A value refused before it could reach a URL, filter or request body. */
export class InvalidInputError extends Error {
  /** Which argument was refused, e.g. `organizationId`. */
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`invalid ${field}: ${reason}`);
    this.name = 'InvalidInputError';
    this.field = field;
  }
}

/** The transport's `HttpStatusError`, read structurally so this layer stays decoupled. */
const httpStatusErrorShape = z.object({
  code: z.literal('HTTP_STATUS'),
  status: z.number(),
  wso2: z
    .object({
      code: z.string(),
      message: z.string(),
      description: z.string().optional(),
      traceId: z.string().optional(),
    })
    .optional(),
  oauth: z.object({ error: z.string(), error_description: z.string().optional() }).optional(),
  snippet: z.string().optional(),
});

/**
 * SCIM error objects (`{"schemas":[…Error],"detail":"…","status":"404"}`). The transport keeps
 * only a short snippet of bodies that are neither WSO2 nor OAuth errors, so a SCIM detail
 * longer than that snippet is not recovered and the snippet text is used instead.
 */
const scimErrorShape = z.object({
  detail: z.string().optional(),
  scimType: z.string().optional(),
});

function scimDetail(snippet: string | undefined): { detail?: string; scimType?: string } {
  if (snippet === undefined) return {};
  try {
    const parsed = scimErrorShape.safeParse(JSON.parse(snippet));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Maps a transport failure to this layer's errors. Status errors become typed API or OAuth
 * errors (by the body's shape, or by `kind` when the body had neither shape); anything else
 * is returned unchanged.
 */
export function mapTransportError(error: unknown, kind: Wso2ErrorKind): unknown {
  if (!(error instanceof Error)) return error;
  const parsed = httpStatusErrorShape.safeParse(error);
  if (!parsed.success) return error;
  const { status, wso2, oauth, snippet } = parsed.data;

  if (wso2 !== undefined) {
    return new WSO2ApiError({ status, ...wso2, cause: error });
  }
  if (oauth !== undefined) {
    return new OAuthError({ status, ...oauth, cause: error });
  }
  if (kind === 'oauth') {
    return new OAuthError({ status, error: `http_${status}`, cause: error });
  }
  const scim = scimDetail(snippet);
  return new WSO2ApiError({
    status,
    code: scim.scimType === undefined ? `HTTP-${status}` : `SCIM-${scim.scimType}`,
    message: scim.detail ?? snippet ?? `HTTP ${status}`,
    cause: error,
  });
}
