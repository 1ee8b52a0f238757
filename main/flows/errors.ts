/**
 * How the flows fail: inside a flow every expected failure is a `FlowFailure` carrying the
 * serializable `FlowErrorInfo`; at the flow's edge any error is turned into that info, with
 * the server's own words kept and everything passed through redaction.
 */
import { HttpError, HttpStatusError } from '../http';
import { redactString } from '../log/redact';
import { InvalidInputError, OAuthError, ResponseSchemaError, WSO2ApiError } from '../wso2/errors';
import type { FlowErrorInfo, FlowErrorKind, ServerDetails } from './types';

export class FlowFailure extends Error {
  readonly info: FlowErrorInfo;

  constructor(
    kind: FlowErrorKind,
    message: string,
    extra: Omit<FlowErrorInfo, 'kind' | 'message'> = {},
  ) {
    super(message);
    this.name = 'FlowFailure';
    this.info = { kind, message, ...extra };
  }
}

function defined(details: Record<string, string | undefined>): ServerDetails {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (value !== undefined) out[key] = redactString(value);
  }
  return out;
}

/** Turns anything a flow threw into the info the UI shows. Never throws. */
export function toFlowError(error: unknown): FlowErrorInfo {
  if (error instanceof FlowFailure) return error.info;
  if (error instanceof InvalidInputError) {
    return { kind: 'invalid_input', message: error.message, field: error.field };
  }
  if (error instanceof OAuthError) {
    // The OAuth client names a status without an RFC 6749 body `http_<status>`; revocation
    // reads no body at all, so the server's own words are lost there.
    if (/^http_\d+$/.test(error.error)) {
      return {
        kind: 'oauth_error',
        message: `The server answered HTTP ${error.status}.`,
        status: error.status,
      };
    }
    return {
      kind: 'oauth_error',
      message: redactString(error.error_description ?? error.error),
      status: error.status,
      server: defined({ error: error.error, errorDescription: error.error_description }),
    };
  }
  if (error instanceof WSO2ApiError) {
    return {
      kind: 'api_error',
      message: redactString(error.description ?? error.message),
      status: error.status,
      server: defined({
        code: error.code,
        message: error.message,
        description: error.description,
        traceId: error.traceId,
      }),
    };
  }
  if (error instanceof ResponseSchemaError) {
    return { kind: 'unexpected_response', message: error.message };
  }
  if (error instanceof HttpStatusError) {
    return { kind: 'api_error', message: redactString(error.message), status: error.status };
  }
  if (error instanceof HttpError) {
    const kind = error.code === 'ABORTED' ? 'cancelled' : 'transport';
    return { kind, message: redactString(error.message) };
  }
  const message = error instanceof Error ? redactString(error.message) : 'unknown error';
  return { kind: 'internal', message };
}
