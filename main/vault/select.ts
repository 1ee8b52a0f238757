/**
 * Which backend holds secrets for this run: a pure function of the platform, the user's
 * choice and the result of probing the keychain, so every combination is table-tested.
 */
import type { VaultStatus } from './types';

export type ProbeResult =
  { ok: true } | { ok: false; failure: 'timeout' | 'unavailable' | 'error'; detail?: string };

export interface SelectionInput {
  platform: NodeJS.Platform;
  /** The user asked not to use the keychain. */
  preferMemory?: boolean;
  /** Absent when the keychain was not probed (unsupported platform or user choice). */
  probe?: ProbeResult;
}

const KEYCHAIN_PLATFORMS: readonly NodeJS.Platform[] = ['darwin', 'win32', 'linux'];

export function keychainSupported(platform: NodeJS.Platform): boolean {
  return KEYCHAIN_PLATFORMS.includes(platform);
}

export function selectBackend(input: SelectionInput): VaultStatus {
  if (input.preferMemory === true) return { backend: 'memory', reason: 'user-choice' };
  if (!keychainSupported(input.platform)) {
    return { backend: 'memory', reason: 'unsupported-platform', detail: input.platform };
  }
  const probe = input.probe;
  if (probe === undefined) {
    return { backend: 'memory', reason: 'keychain-unavailable', detail: 'not probed' };
  }
  if (probe.ok) return { backend: 'keychain' };
  const detail = probe.detail === undefined ? {} : { detail: probe.detail };
  switch (probe.failure) {
    case 'timeout':
      return { backend: 'memory', reason: 'keychain-timeout', ...detail };
    case 'unavailable':
      return { backend: 'memory', reason: 'keychain-unavailable', ...detail };
    case 'error':
      return { backend: 'memory', reason: 'keychain-error', ...detail };
  }
}
