/**
 * How a failed write is treated. A 4xx (other than 401/408/429) or an input refused before
 * sending means the server did not act; 429 means it did not act and asks us to wait; 401 means
 * the credentials must be renewed before anything else is sent; anything else — a timeout, a
 * dropped connection, a 5xx — leaves the outcome unknown, so it is settled by reading the share
 * state before anything is sent again.
 */
export type FailureKind = 'rejected' | 'throttled' | 'unauthorized' | 'ambiguous';

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

export function classifyFailure(error: unknown): FailureKind {
  if (field(error, 'name') === 'InvalidInputError') return 'rejected';
  const status = field(error, 'status');
  if (typeof status !== 'number') return 'ambiguous';
  if (status === 429) return 'throttled';
  if (status === 401) return 'unauthorized';
  if (status === 408) return 'ambiguous';
  return status >= 400 && status < 500 ? 'rejected' : 'ambiguous';
}

/** A server-requested wait, when the error carries one (`retryAfterMs` or `retryAfterSeconds`). */
export function retryAfterMs(error: unknown): number | undefined {
  const ms = field(error, 'retryAfterMs');
  if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) return ms;
  const seconds = field(error, 'retryAfterSeconds');
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)
    return seconds * 1000;
  return undefined;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = field(error, 'code');
    return typeof code === 'string' && code !== '' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
