/**
 * One entry point for every call from the renderer, shared by the Electron IPC wrapper and
 * the browser host: cap the payload, parse it with the contract's schema, run the handler,
 * and return an envelope. Nothing a handler throws escapes as a raw error.
 */
import type { Logger } from '../log/logger';
import {
  SECRET_BEARING_CALLS,
  calls,
  checkPayloadShape,
  describeIssue,
  type CallName,
  type Envelope,
  type Handlers,
} from '../../preload/contract';
import { toAppError } from './errors';
import { findSecret } from './secret-scan';

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export async function dispatchCall(
  handlers: Handlers,
  name: CallName,
  raw: unknown,
  logger: Logger,
): Promise<Envelope<unknown>> {
  const shapeProblem = checkPayloadShape(raw);
  if (shapeProblem) return { ok: false, error: { code: 'invalid-input', message: shapeProblem } };

  const parsed = calls[name].input.safeParse(raw);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error);
    return {
      ok: false,
      error: { code: 'invalid-input', message: issue.message, field: issue.field },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    const leak = SECRET_BEARING_CALLS.has(name) ? undefined : findSecret(value);
    if (leak !== undefined) {
      logger.error(`call ${name} tried to return a secret at ${leak}; withheld`);
      return {
        ok: false,
        error: { code: 'internal', message: 'A result was withheld because it held a secret.' },
      };
    }
    return { ok: true, value };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'internal') logger.error(`call ${name} failed`, { error });
    else logger.info(`call ${name} failed: ${appError.code}`, { message: appError.message });
    return { ok: false, error: appError };
  }
}
