/**
 * How the services' typed errors read in the UI: a code the screens can act on and a message
 * a person can follow. Kept in one place so every call describes failures the same way.
 */
import type { AppError } from '../../preload/contract';
import {
  AbortedError,
  HttpError,
  HttpStatusError,
  InvalidRequestError,
  NetworkError,
  NotJsonError,
  RedirectError,
  TimeoutError,
  TlsError,
  TooLargeError,
} from '../http';
import { SyncInProgressError } from '../orgs';
import { ProfileError } from '../profiles';
import { InvalidInputError, OAuthError, ResponseSchemaError, WSO2ApiError } from '../wso2';

function statusCode(status: number): AppError['code'] {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status >= 500) return 'server';
  return 'invalid-input';
}

function httpError(error: HttpError): AppError {
  if (error instanceof TlsError) return { code: 'tls', message: error.message };
  if (error instanceof TimeoutError) return { code: 'timeout', message: error.message };
  if (error instanceof NetworkError) return { code: 'offline', message: error.message };
  if (error instanceof AbortedError) return { code: 'cancelled', message: error.message };
  if (error instanceof InvalidRequestError)
    return { code: 'invalid-input', message: error.message };
  if (error instanceof HttpStatusError)
    return { code: statusCode(error.status), message: error.message };
  if (
    error instanceof TooLargeError ||
    error instanceof NotJsonError ||
    error instanceof RedirectError
  ) {
    return { code: 'server', message: error.message };
  }
  return { code: 'server', message: error.message };
}

/** The user-facing form of a service error, or undefined when it is not one we know. */
export function describeServiceError(error: unknown): AppError | undefined {
  if (error instanceof HttpError) return httpError(error);
  if (error instanceof WSO2ApiError) {
    return {
      code: statusCode(error.status),
      message: error.description ? `${error.message} ${error.description}` : error.message,
      serverCode: error.code,
      ...(error.traceId ? { traceId: error.traceId } : {}),
    };
  }
  if (error instanceof OAuthError) {
    return {
      code: error.status === 401 ? 'unauthorized' : statusCode(error.status),
      message: error.error_description ?? error.error,
      serverCode: error.error,
    };
  }
  if (error instanceof ResponseSchemaError) {
    return {
      code: 'server',
      message: `The server answered in an unexpected shape: ${error.message}`,
    };
  }
  if (error instanceof InvalidInputError) {
    return { code: 'invalid-input', message: error.message, field: error.field };
  }
  if (error instanceof ProfileError) {
    const code =
      error.code === 'NOT_FOUND'
        ? 'not-found'
        : error.code === 'READ_ONLY'
          ? 'forbidden'
          : 'invalid-input';
    return {
      code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.fieldErrors.length > 0 ? { fieldErrors: [...error.fieldErrors] } : {}),
    };
  }
  if (error instanceof SyncInProgressError) {
    return { code: 'conflict', message: 'A full sync of this profile is already running.' };
  }
  return undefined;
}
