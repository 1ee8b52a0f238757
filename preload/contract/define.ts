/**
 * Building blocks of the renderer ↔ main contract: calls (input schema + result schema),
 * events (payload schema), the result envelope that carries typed errors across the
 * boundary, and the payload guard that caps size and depth before any schema runs.
 */
import { z } from 'zod';

export interface CallSpec<I extends z.ZodType, R extends z.ZodType> {
  input: I;
  result: R;
}

export function call<I extends z.ZodType, R extends z.ZodType>(
  input: I,
  result: R,
): CallSpec<I, R> {
  return { input, result };
}

/** Error codes the renderer can act on; messages are for people. */
export const appErrorCode = z.enum([
  'invalid-input',
  'not-found',
  'unauthorized',
  'forbidden',
  'conflict',
  'offline',
  'tls',
  'timeout',
  'server',
  'cancelled',
  'internal',
]);
export type AppErrorCode = z.infer<typeof appErrorCode>;

export const appError = z.object({
  code: appErrorCode,
  message: z.string(),
  /** Which input field was wrong, for `invalid-input`. */
  field: z.string().optional(),
  /** For `invalid-input`: every failing field (a dotted path) with its own message. */
  fieldErrors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** The server's trace id or error code, when the server answered. */
  serverCode: z.string().optional(),
  traceId: z.string().optional(),
});
export type AppError = z.infer<typeof appError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;
export const MAX_PAYLOAD_DEPTH = 24;

/**
 * Rejects payloads that are too large or too deep before a schema walks them, so a hostile
 * renderer cannot exhaust the main process with a 200 000-deep object.
 */
export function checkPayloadShape(value: unknown): string | undefined {
  let bytes = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (depth > MAX_PAYLOAD_DEPTH) return `payload nested deeper than ${MAX_PAYLOAD_DEPTH}`;
    if (typeof item === 'string') bytes += item.length * 2;
    else bytes += 8;
    if (bytes > MAX_PAYLOAD_BYTES) return `payload larger than ${MAX_PAYLOAD_BYTES} bytes`;
    if (item !== null && typeof item === 'object') {
      for (const child of Object.values(item)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return undefined;
}

/** A readable path for the first schema issue, e.g. `desired.organizations[2].orgId`. */
export function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: 'invalid input' };
  const field = issue.path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return { field, message: field ? `${field}: ${issue.message}` : issue.message };
}

export type ListenerName<E extends string> = `on${Capitalize<E>}`;

/** The bridge function name for an event: `syncProgress` → `onSyncProgress`. */
export function listenerName<E extends string>(event: E): ListenerName<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as ListenerName<E>;
}
