/**
 * When and how long to wait before repeating a request. Only reads are ever repeated: a
 * write whose answer was lost may have taken effect, so its outcome is reconciled by reading
 * the server's state instead (see DESIGN.md §5, http).
 */
import { AbortedError, type HttpError, NetworkError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first one. */
  maxAttempts: number;
  /** Backoff before the second attempt; doubles on each further attempt. */
  baseDelayMs: number;
  /** Upper bound of the exponential backoff. */
  maxDelayMs: number;
  /** Upper bound of a server-sent `Retry-After`; longer values are cut to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const REPEATABLE_METHODS = new Set(['GET', 'HEAD']);

export function isRepeatableMethod(method: string): boolean {
  return REPEATABLE_METHODS.has(method.toUpperCase());
}

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status);
}

/** A connection reset may happen before or after the server acted, so only reads repeat it. */
export function isRetryableError(error: HttpError): boolean {
  return error instanceof NetworkError && error.kind === 'reset';
}

/**
 * Milliseconds a `Retry-After` value asks for: delta-seconds or an HTTP-date (RFC 9110
 * §10.2.3). Unparseable or negative values give `undefined`; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1). A server's `Retry-After` is
 * honoured up to the cap; otherwise exponential backoff with "equal jitter": half the delay
 * is fixed, the other half random, so clients spread out but never retry immediately.
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxRetryAfterMs);
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const half = exponential / 2;
  return Math.round(half + random() * half);
}

/** Sleeps for `ms`, or rejects with the signal's reason when it aborts first. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new AbortedError('request cancelled');
}
