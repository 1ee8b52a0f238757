/**
 * Revocation at `/oauth2/revoke` (reference §8.7). The server answers 200 also for tokens that
 * are already invalid, so any 200 counts as done. An unavailable server (503 and the like, or
 * a network failure) leaves the revocation pending: it is retried in the background with
 * exponential backoff up to a fixed number of attempts, then reported as abandoned. Other
 * refusals are reported at once. The caller deletes its local copy whatever the outcome.
 *
 * Known shortcoming: pending revocations live in memory, so quitting the app before the
 * server is back leaves those tokens to expire on their own; writing them to disk would put
 * live tokens there, which the app never does.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';
import { callOptions, clientAuth, type FlowRun } from './context';
import { toFlowError } from './errors';
import type { PendingRevocation } from './types';

export type TokenType = 'access_token' | 'refresh_token';

export interface RevocationTarget {
  token: string;
  tokenType: TokenType;
  clientId: string;
  /** The masked preview of the held access token, to name the target in the UI. */
  preview: string;
}

export type RevokeOutcome =
  { kind: 'done' } | { kind: 'retry'; message: string } | { kind: 'failed'; message: string };

const UNAVAILABLE = new Set([429, 502, 503, 504]);

export async function revokeOnce(run: FlowRun, target: RevocationTarget): Promise<RevokeOutcome> {
  try {
    await run.oauth.revoke(target.token, await clientAuth(run, target.clientId), {
      tokenTypeHint: target.tokenType,
      ...callOptions(run),
    });
    return { kind: 'done' };
  } catch (error) {
    const info = toFlowError(error);
    const unavailable =
      info.kind === 'transport' || (info.status !== undefined && UNAVAILABLE.has(info.status));
    return unavailable
      ? { kind: 'retry', message: info.message }
      : { kind: 'failed', message: info.message };
  }
}

export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first (made by the flow itself) included. */
  maxAttempts: number;
}

export const DEFAULT_REVOCATION_RETRY: RetryPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 8,
};

/** Runs `task` after `ms`; returns a cancel function. */
export type Scheduler = (task: () => void, ms: number) => () => void;

export const timerScheduler: Scheduler = (task, ms) => {
  const timer = setTimeout(task, ms);
  // A pending revocation must not keep the process alive at quit.
  timer.unref();
  return () => clearTimeout(timer);
};

interface QueueItem {
  view: PendingRevocation;
  /** Holds the raw token until the revocation is done or abandoned. */
  attempt: (() => Promise<RevokeOutcome>) | undefined;
  cancel: (() => void) | undefined;
}

export interface RevocationQueue {
  /** Queues a revocation whose first attempt found the server unavailable. */
  add(target: RevocationTarget, attempt: () => Promise<RevokeOutcome>, lastError: string): void;
  list(): PendingRevocation[];
  /** Cancels every scheduled retry (at quit). */
  stop(): void;
}

export function backoffMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

export function createRevocationQueue(options: {
  clock: () => number;
  schedule?: Scheduler;
  policy?: Partial<RetryPolicy>;
  onChange: (pending: PendingRevocation[]) => void;
  logger: Logger;
}): RevocationQueue {
  const policy = { ...DEFAULT_REVOCATION_RETRY, ...options.policy };
  const schedule = options.schedule ?? timerScheduler;
  const items = new Map<string, QueueItem>();
  const list = (): PendingRevocation[] => [...items.values()].map((item) => ({ ...item.view }));
  const changed = (): void => options.onChange(list());

  const abandon = (item: QueueItem, message: string): void => {
    item.attempt = undefined;
    item.view.state = 'abandoned';
    item.view.lastError = message;
    delete item.view.nextAttemptAt;
    options.logger.warn('revocation abandoned', { attempts: item.view.attempts });
  };

  const plan = (item: QueueItem): void => {
    const delay = backoffMs(policy, item.view.attempts);
    item.view.nextAttemptAt = new Date(options.clock() + delay).toISOString();
    item.cancel = schedule(() => void retry(item), delay);
  };

  const retry = async (item: QueueItem): Promise<void> => {
    const attempt = item.attempt;
    if (attempt === undefined || !items.has(item.view.id)) return;
    item.view.attempts += 1;
    const outcome = await attempt();
    if (outcome.kind === 'done') {
      items.delete(item.view.id);
      options.logger.info('pending revocation done', { attempts: item.view.attempts });
    } else if (outcome.kind === 'failed' || item.view.attempts >= policy.maxAttempts) {
      abandon(item, outcome.message);
    } else {
      item.view.lastError = outcome.message;
      plan(item);
    }
    changed();
  };

  return {
    add: (target, attempt, lastError) => {
      const item: QueueItem = {
        view: {
          id: randomUUID(),
          tokenType: target.tokenType,
          clientId: target.clientId,
          preview: target.preview,
          attempts: 1,
          state: 'pending',
          lastError,
        },
        attempt,
        cancel: undefined,
      };
      items.set(item.view.id, item);
      if (policy.maxAttempts <= 1) abandon(item, lastError);
      else plan(item);
      changed();
    },
    list,
    stop: () => {
      for (const item of items.values()) item.cancel?.();
    },
  };
}
