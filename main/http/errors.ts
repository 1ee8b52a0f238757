/**
 * The HTTP client's error hierarchy. Every failure of a request surfaces as one of these, each
 * with a stable `code` (for callers and the UI) and the low-level error as `cause`. Messages
 * are plain English and never contain secrets; user-facing wording belongs to the UI.
 */

export type HttpErrorCode =
  | 'TLS'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'NOT_JSON'
  | 'HTTP_STATUS'
  | 'NETWORK'
  | 'REDIRECT'
  | 'ABORTED'
  | 'INVALID_REQUEST';

export interface HttpErrorContext {
  method?: string;
  url?: string;
  cause?: unknown;
}

export abstract class HttpError extends Error {
  abstract readonly code: HttpErrorCode;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(message: string, context: HttpErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.method = context.method;
    this.url = context.url;
  }
}

/** Why a TLS handshake was refused. */
export type TlsFailure = 'untrusted' | 'pin-mismatch' | 'hostname' | 'expired' | 'handshake';

export class TlsError extends HttpError {
  readonly code = 'TLS' as const;
  readonly reason: TlsFailure;
  /** Node's verification code, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`. */
  readonly verifyCode: string | undefined;
  /** SHA-256 fingerprint of the certificate the server presented, when known. */
  readonly presentedSha256: string | undefined;
  readonly selfSigned: boolean | undefined;

  constructor(
    message: string,
    details: {
      reason: TlsFailure;
      verifyCode?: string;
      presentedSha256?: string;
      selfSigned?: boolean;
    } & HttpErrorContext,
  ) {
    super(message, details);
    this.reason = details.reason;
    this.verifyCode = details.verifyCode;
    this.presentedSha256 = details.presentedSha256;
    this.selfSigned = details.selfSigned;
  }
}

export type TimeoutPhase = 'connect' | 'headers' | 'body';

export class TimeoutError extends HttpError {
  readonly code = 'TIMEOUT' as const;
  readonly phase: TimeoutPhase;

  constructor(message: string, details: { phase: TimeoutPhase } & HttpErrorContext) {
    super(message, details);
    this.phase = details.phase;
  }
}

export class TooLargeError extends HttpError {
  readonly code = 'TOO_LARGE' as const;
  readonly limitBytes: number;

  constructor(message: string, details: { limitBytes: number } & HttpErrorContext) {
    super(message, details);
    this.limitBytes = details.limitBytes;
  }
}

export class NotJsonError extends HttpError {
  readonly code = 'NOT_JSON' as const;
  readonly status: number;
  readonly contentType: string | undefined;
  /** A short, tag-stripped and redacted excerpt of the body. */
  readonly snippet: string;

  constructor(
    message: string,
    details: { status: number; contentType?: string; snippet: string } & HttpErrorContext,
  ) {
    super(message, details);
    this.status = details.status;
    this.contentType = details.contentType;
    this.snippet = details.snippet;
  }
}

/** The error body WSO2 REST APIs return (`code`, `message`, `description`, `traceId`). */
export interface Wso2ErrorBody {
  code: string;
  message: string;
  description?: string;
  traceId?: string;
}

/** The RFC 6749 §5.2 error body of OAuth endpoints. */
export interface OAuthErrorBody {
  error: string;
  error_description?: string;
}

export class HttpStatusError extends HttpError {
  readonly code = 'HTTP_STATUS' as const;
  readonly status: number;
  readonly wso2: Wso2ErrorBody | undefined;
  readonly oauth: OAuthErrorBody | undefined;
  /** A short excerpt of the body when it was neither error shape. */
  readonly snippet: string | undefined;

  constructor(
    message: string,
    details: {
      status: number;
      wso2?: Wso2ErrorBody;
      oauth?: OAuthErrorBody;
      snippet?: string;
    } & HttpErrorContext,
  ) {
    super(message, details);
    this.status = details.status;
    this.wso2 = details.wso2;
    this.oauth = details.oauth;
    this.snippet = details.snippet;
  }
}

export type NetworkFailure = 'reset' | 'refused' | 'dns' | 'unreachable' | 'proxy' | 'other';

export class NetworkError extends HttpError {
  readonly code = 'NETWORK' as const;
  readonly kind: NetworkFailure;

  constructor(message: string, details: { kind: NetworkFailure } & HttpErrorContext) {
    super(message, details);
    this.kind = details.kind;
  }
}

export type RedirectFailure = 'cross-origin' | 'too-many' | 'method' | 'no-location';

export class RedirectError extends HttpError {
  readonly code = 'REDIRECT' as const;
  readonly reason: RedirectFailure;
  readonly status: number;
  /** Where the server pointed, without query or fragment. */
  readonly location: string | undefined;

  constructor(
    message: string,
    details: { reason: RedirectFailure; status: number; location?: string } & HttpErrorContext,
  ) {
    super(message, details);
    this.reason = details.reason;
    this.status = details.status;
    this.location = details.location;
  }
}

export class AbortedError extends HttpError {
  readonly code = 'ABORTED' as const;
}

/** A caller mistake caught before anything is sent (another origin, conflicting bodies). */
export class InvalidRequestError extends HttpError {
  readonly code = 'INVALID_REQUEST' as const;
}
