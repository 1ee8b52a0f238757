/** The shapes shared by the vault's backends, its selection logic and its callers. */

/** Where secrets live for this run. */
export type VaultBackendKind = 'keychain' | 'memory';

/** Why secrets live in memory only; stable codes for the UI banner. */
export type FallbackReason =
  | 'unsupported-platform'
  | 'keychain-unavailable'
  | 'keychain-timeout'
  | 'keychain-error'
  | 'user-choice';

export type VaultStatus =
  { backend: 'keychain' } | { backend: 'memory'; reason: FallbackReason; detail?: string };

/** What may be told about a secret outside the main process: whether it is set, and a hint. */
export type SecretPresence = { set: false } | { set: true; hint: string };

/** A store of secrets; every method may be slow, so each takes an abort signal. */
export interface SecretBackend {
  readonly kind: VaultBackendKind;
  get(key: string, signal: AbortSignal): Promise<string | undefined>;
  set(key: string, value: string, signal: AbortSignal): Promise<void>;
  delete(key: string, signal: AbortSignal): Promise<void>;
}

/**
 * The vault as main-process services see it. `get` returns the secret itself and must never
 * be called on behalf of the renderer; `presence` is the renderer-safe view.
 */
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  presence(key: string): Promise<SecretPresence>;
  status(): VaultStatus;
  /** Called whenever the status changes (e.g. the keychain failed and memory took over). */
  onStatusChange(listener: (status: VaultStatus) => void): () => void;
}
