/**
 * The token workbench: agent login, organization switch, OBO consent runs, refresh and
 * revocation, with every HTTP step on a timeline that exports as curl.
 *
 * - `createFlowService(options): FlowService` — one per profile. `options`: `http` (the
 *   profile's `HttpClient`), `baseUrl`, `rootOrgHandle`, `issuer?`, `secrets` (`FlowSecrets`:
 *   `agentSecret(agentId)`, `clientSecret(clientId)`, e.g. `vaultSecrets(vault, profileId)`),
 *   `opener` (`AuthorizationOpener`: `open(url, { isolated })`), `emit?` (`FlowEvent`s),
 *   `clock?`, `logger`, `admin?` (`{ clientId, scopes? }`), `listen?`, `revocation?`,
 *   `verification?`, `timelineLimit?`.
 * - `FlowService`:
 *   - `agentLogin({ agentId, clientId, redirectUri, scopes, resource? })`
 *     → `FlowResult<{ token }>`; failures `authentication_failed` (+ `remainingAttempts`),
 *     `account_locked`, `missing_secret`, with the server's messages in `error.server`.
 *   - `switchOrganization({ from: { tokenRef } | { admin: true }, organizationId, scopes,
 *     fresh? })` → `FlowResult<{ token, reused }>`.
 *   - `startOboRun({ organizationId, agentId, clientId, scopes, resource?, actor: { tokenRef } |
 *     { login: { clientId, redirectUri, scopes } }, isolated?, timeoutMs? })`
 *     → `{ runId, result: Promise<OboResult> }`; `cancelOboRun(runId)` → boolean.
 *     `OboResult` is ok only when the token's top-level `act.sub` is the agent; otherwise
 *     `delegation_failed` with the reason and the issued token's summary.
 *   - `refresh(tokenRef)` → `FlowResult<{ token }>`; `revoke(tokenRef)` and `signOut()`
 *     → `FlowResult<RevocationReport>` (`revoked`, `pending`, `failed`).
 *   - `listTokens()` → `TokenSummary[]`; `pendingRevocations()`; `copyToken(tokenRef)`
 *     → `{ ok, token }` (the only raw token that leaves); `inspect(tokenRef)`.
 *   - `timeline(flowId)` → `TimelineStep[]`; `exportCurl(flowId, { reveal })` → string.
 *   - `dispose()`.
 * - Events (`FlowEvent`): `flow-started`, `step`, `flow-finished`, `revocations-changed`.
 */
import { secretKey, type SecretStore } from '../vault';
import type { FlowSecrets } from './types';

export { createFlowService } from './service';
export type {
  CopyResult,
  FlowService,
  FlowServiceOptions,
  OboResult,
  RevocationReport,
} from './service';
export type { AgentLoginInput, OboInput, SwitchInput } from './inputs';
export type {
  AuthorizationOpener,
  FlowErrorInfo,
  FlowErrorKind,
  FlowEvent,
  FlowEmitter,
  FlowKind,
  FlowResult,
  FlowSecrets,
  PendingRevocation,
  ServerDetails,
  ServerMessage,
  TimelineStep,
  TokenSource,
  TokenSummary,
} from './types';

/** Reads agent and client secrets of one profile from the vault, as the flows need them. */
export function vaultSecrets(vault: SecretStore, profileId: string): FlowSecrets {
  return {
    agentSecret: (agentId) => vault.get(secretKey(profileId, 'agent-secret', agentId)),
    clientSecret: (clientId) => vault.get(secretKey(profileId, 'client-secret', clientId)),
  };
}
