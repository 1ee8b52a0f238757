/**
 * The OS keychain through `@napi-rs/keyring`: Keychain on macOS, Credential Manager on
 * Windows, and on Linux the Secret Service only — the library's default would silently fall
 * back to the kernel keyring, which loses everything at reboot.
 */
import { AsyncEntry } from '@napi-rs/keyring';
import type { SecretBackend } from './types';

export const KEYCHAIN_SERVICE = 'ShareDesk';

export function keychainBackend(service: string = KEYCHAIN_SERVICE): SecretBackend {
  const entry = (key: string): AsyncEntry =>
    new AsyncEntry(service, key, { linux: { store: 'secret-service' } });
  return {
    kind: 'keychain',
    get: async (key, signal) => (await entry(key).getPassword(signal)) ?? undefined,
    set: (key, value, signal) => entry(key).setPassword(value, signal),
    delete: async (key, signal) => {
      await entry(key).deleteCredential(signal);
    },
  };
}
