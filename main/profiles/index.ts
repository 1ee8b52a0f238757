/**
 * Server profiles and their persistence.
 *
 * - `openProfileStore({ dataDir, createStore, logger, clock? }): ProfileStore` — reads
 *   `profiles.json` through a `conf`-compatible store made by `createStore({ cwd, configName,
 *   clearInvalidConfig: false })` (electron-store in the shell, `conf` elsewhere); validates it
 *   with zod, migrates older schema versions (backing the file up first), and moves an
 *   unreadable file aside as `profiles.corrupt-<timestamp>.json`, reported by `health()`.
 *   Throws `ProfileStoreError('NEWER_SCHEMA')` for a file from a newer version.
 * - `createProfileService({ store, vault, logger, startSandbox? })` →
 *   `list()`, `get(id)`, `save(input, { clientSecret? })`, `remove(id)`,
 *   `saveAgent(profileId, { agentId, label }, secret?)`, `removeAgent(profileId, agentId)`,
 *   `secrets(profileId)` → `{ clientSecret, agents }` as `{ set, hint }` (renderer-safe),
 *   `clientSecret(profileId)` / `agentSecret(profileId, agentId)` (main process only),
 *   `connectionFor(profileId)` → `ConnectionTarget` (starts the Sandbox on first use),
 *   `testConnection(profileId)` / `testDraft(input, clientSecret?)` → `ConnectionReport`,
 *   `health()`. Errors: `ProfileError` (`INVALID` naming the failing field, `NOT_FOUND`,
 *   `READ_ONLY` for the Sandbox profile).
 * - `testConnection(target, { logger, clientSecret, createClient?, probe? })` — the checks
 *   `discovery`, `tls`, `credentials`, `scopes` with `pass | fail | skipped` and a reason.
 * - `REQUIRED_SCOPES`, `profileSchema`, `profileInputSchema`, `migrateDocument`,
 *   `CURRENT_SCHEMA_VERSION`, `ASGARDEO_BASE_URLS`, `SANDBOX_PROFILE_ID`.
 * - Types: `Profile`, `ProfileInput`, `ProfileKind`, `ProfileTrust`, `AdminAuth`, `AgentRef`,
 *   `SandboxEndpoint`, `SandboxLauncher` (`() => Promise<{ url, caPem, fingerprint,
 *   adminClient? }>`), `KeyValueStore`, `StoreFactory`, `StoreHealth`.
 */
export { openProfileStore, ProfileStoreError } from './store';
export type {
  KeyValueStore,
  OpenStoreOptions,
  ProfileStore,
  QuarantineRecord,
  StoreFactory,
  StoreFactoryOptions,
  StoreHealth,
} from './store';
export { createProfileService, ProfileError, profileInputSchema } from './service';
export type {
  ConnectionTarget,
  ProfileInput,
  ProfileSecretsView,
  ProfileService,
  ProfileServiceOptions,
} from './service';
export { REQUIRED_SCOPES, testConnection, explainFailure } from './connection-test';
export type { CheckId, CheckResult, ConnectionReport, ConnectionTestDeps } from './connection-test';
export { migrateDocument } from './migrations';
export type { MigrationResult } from './migrations';
export type { SandboxEndpoint, SandboxLauncher } from './sandbox';
export {
  ASGARDEO_BASE_URLS,
  CURRENT_SCHEMA_VERSION,
  PROFILE_KINDS,
  profileSchema,
  SANDBOX_PROFILE_ID,
} from './schema';
export type { AdminAuth, AgentRef, Profile, ProfileKind, ProfileTrust } from './schema';
