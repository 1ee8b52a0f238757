/**
 * The one error type that crosses to the renderer. Services throw their own typed errors;
 * `toAppError` turns each into a code the UI can act on and a message a person can read.
 */
import { z } from 'zod';
import type { AppError, AppErrorCode } from '../../preload/contract';
import { describeServiceError } from './error-map';

export class AppFailure extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Omit<AppError, 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

/** Error classes from services that know how to describe themselves to the UI. */
export interface DescribesForUser {
  toAppError(): AppError;
}

function describesForUser(error: unknown): error is DescribesForUser {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { toAppError?: unknown }).toAppError === 'function'
  );
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppFailure) {
    return { code: error.code, message: error.message, ...error.details };
  }
  if (describesForUser(error)) return error.toAppError();
  const known = describeServiceError(error);
  if (known) return known;
  if (error instanceof z.ZodError) {
    return { code: 'invalid-input', message: error.issues[0]?.message ?? 'invalid input' };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'cancelled', message: 'The operation was cancelled.' };
  }
  return { code: 'internal', message: 'Unexpected error; details are in the log.' };
}
