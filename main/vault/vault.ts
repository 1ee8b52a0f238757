/**
 * The vault: secrets in the OS keychain when it works, in memory for this run when it does
 * not. The keychain is probed once at start; any later keychain failure or timeout also
 * switches to memory and reports the new status so the UI can say so. Values are never
 * logged and never written to disk by this module.
 *
 * Known gap: after a mid-run switch, secrets saved in the keychain earlier are not readable
 * until the next start (the keychain is not retried), so the user re-enters them for this run.
 */
import type { Logger } from '../log/logger';
import { presenceOf } from './hint';
import { memoryBackend } from './memory';
import { readBackProbe } from './probe';
import { type ProbeResult, keychainSupported, selectBackend } from './select';
import { timeboxed, VaultTimeoutError } from './timebox';
import type { SecretBackend, SecretStore, VaultStatus } from './types';

export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 3_000;

export interface VaultOptions {
  /** The keychain backend (the real one in the app, fakes in tests). */
  keychain: SecretBackend;
  /** Checks the keychain works; defaults to a read-back of a throwaway entry. */
  probe?: (backend: SecretBackend, signal: AbortSignal) => Promise<void>;
  platform: NodeJS.Platform;
  logger: Logger;
  preferMemory?: boolean;
  timeoutMs?: number;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

async function runProbe(options: VaultOptions, timeoutMs: number): Promise<ProbeResult> {
  try {
    const probe = options.probe ?? readBackProbe;
    await timeboxed('the probe', timeoutMs, (signal) => probe(options.keychain, signal));
    return { ok: true };
  } catch (error) {
    if (error instanceof VaultTimeoutError) {
      return { ok: false, failure: 'timeout', detail: error.message };
    }
    return { ok: false, failure: 'error', detail: describe(error) };
  }
}

export async function openVault(options: VaultOptions): Promise<SecretStore> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const log = options.logger;
  const memory = memoryBackend();
  const listeners = new Set<(status: VaultStatus) => void>();

  const probe =
    options.preferMemory === true || !keychainSupported(options.platform)
      ? undefined
      : await runProbe(options, timeoutMs);
  let status = selectBackend({
    platform: options.platform,
    ...(options.preferMemory === undefined ? {} : { preferMemory: options.preferMemory }),
    ...(probe === undefined ? {} : { probe }),
  });
  if (status.backend === 'memory') {
    log.warn('secrets are kept in memory for this run only', { ...status });
  } else {
    log.info('secrets are kept in the OS keychain');
  }

  const fallBack = (operation: string, error: unknown): void => {
    if (status.backend === 'memory') return;
    status =
      error instanceof VaultTimeoutError
        ? { backend: 'memory', reason: 'keychain-timeout', detail: error.message }
        : { backend: 'memory', reason: 'keychain-error', detail: describe(error) };
    log.warn(`keychain failed during ${operation}; secrets are kept in memory for this run`, {
      ...status,
    });
    for (const listener of listeners) listener(status);
  };

  /** Runs one operation on the keychain, or on memory once the keychain has failed. */
  const run = async <T>(
    operation: string,
    call: (backend: SecretBackend, signal: AbortSignal) => Promise<T>,
  ): Promise<T> => {
    if (status.backend === 'keychain') {
      try {
        return await timeboxed(operation, timeoutMs, (signal) => call(options.keychain, signal));
      } catch (error) {
        fallBack(operation, error);
      }
    }
    return call(memory, new AbortController().signal);
  };

  const get = (key: string) => run('a read', (backend, signal) => backend.get(key, signal));

  return {
    get,
    set: (key, value) => run('a write', (backend, signal) => backend.set(key, value, signal)),
    delete: (key) => run('a delete', (backend, signal) => backend.delete(key, signal)),
    presence: async (key) => presenceOf(await get(key)),
    status: () => status,
    onStatusChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
