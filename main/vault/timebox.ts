/** Every keychain call gets a deadline: a hanging backend must not freeze the app. */

export class VaultTimeoutError extends Error {
  readonly code = 'VAULT_TIMEOUT';

  constructor(operation: string, ms: number) {
    super(`the keychain did not answer ${operation} within ${ms} ms`);
    this.name = 'VaultTimeoutError';
  }
}

/**
 * Runs `work` with an abort signal and rejects with `VaultTimeoutError` after `ms`. The
 * abandoned call keeps its handlers below, so settling late (the binding rejects once
 * aborted) is a no-op rather than an unhandled rejection.
 */
export function timeboxed<T>(
  operation: string,
  ms: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const pending = work(controller.signal);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      controller.abort();
      reject(new VaultTimeoutError(operation, ms));
    }, ms);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
