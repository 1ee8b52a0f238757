/**
 * Secrets: the OS keychain when it works, memory for this run when it does not.
 *
 * - `openKeychainVault({ platform, logger, preferMemory?, timeoutMs? }): Promise<SecretStore>`
 *   — the app's vault over `@napi-rs/keyring` (Linux pinned to the Secret Service).
 * - `openVault({ keychain, probe?, platform, logger, preferMemory?, timeoutMs? })` — the same
 *   with any `SecretBackend` (tests pass fakes). Every keychain call is time-boxed (default
 *   3 s); a failure or timeout switches to memory for the rest of the run.
 * - `SecretStore`: `get(key)`, `set(key, value)`, `delete(key)` (main process only),
 *   `presence(key)` → `{ set: false } | { set: true, hint }` (the only view fit for the
 *   renderer; the hint shows at most the last 4 characters, or only the length),
 *   `status()` → `{ backend: 'keychain' } | { backend: 'memory', reason, detail? }`,
 *   `onStatusChange(listener)` → unsubscribe.
 * - `secretKey(profileId, kind, name)` → `sharedesk/<profileId>/<kind>/<name>`;
 *   `SecretKind` = `'client-secret' | 'agent-secret'`.
 * - `selectBackend({ platform, preferMemory?, probe? })` → `VaultStatus` (pure).
 * - `presenceOf(value)`, `memoryBackend()`, `keychainBackend(service?)`, `readBackProbe`,
 *   `VaultTimeoutError`.
 */
import type { Logger } from '../log/logger';
import { keychainBackend } from './keychain';
import type { SecretStore } from './types';
import { openVault } from './vault';

export { openVault, DEFAULT_KEYCHAIN_TIMEOUT_MS } from './vault';
export type { VaultOptions } from './vault';
export { keychainBackend, KEYCHAIN_SERVICE } from './keychain';
export { memoryBackend } from './memory';
export { readBackProbe } from './probe';
export { selectBackend, keychainSupported } from './select';
export type { ProbeResult, SelectionInput } from './select';
export { secretKey } from './keys';
export type { SecretKind } from './keys';
export { presenceOf } from './hint';
export { VaultTimeoutError, timeboxed } from './timebox';
export type {
  FallbackReason,
  SecretBackend,
  SecretPresence,
  SecretStore,
  VaultBackendKind,
  VaultStatus,
} from './types';

export function openKeychainVault(options: {
  platform: NodeJS.Platform;
  logger: Logger;
  preferMemory?: boolean;
  timeoutMs?: number;
}): Promise<SecretStore> {
  return openVault({ keychain: keychainBackend(), ...options });
}
