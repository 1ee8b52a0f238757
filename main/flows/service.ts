/**
 * The token workbench as the UI contract sees it. Every call runs one flow with its own
 * timeline and returns plain serializable data; a raw token leaves only through `copyToken`.
 * Inputs are parsed here even when the caller is typed, because they come from the renderer.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log/logger';
import { inspectToken, type InspectDeps, type InspectionReport } from '../tokens';
import { createOAuthClient, oauthBasePath } from '../wso2/oauth';
import { adminRootToken, agentLogin } from './agent-login';
import { beginRun, heldToken, unrecordedTransport, type FlowDeps, type FlowRun } from './context';
import { FlowFailure, toFlowError } from './errors';
import {
  agentLoginInputSchema,
  oboInputSchema,
  parseInput,
  switchInputSchema,
  tokenRefSchema,
  type AgentLoginInput,
  type OboInput,
  type SwitchInput,
} from './inputs';
import { startLoopbackListener, type LoopbackListener, type LoopbackOptions } from './loopback';
import { runObo } from './obo';
import { switchOrganization } from './org-switch';
import { refreshHeld } from './refresh';
import {
  createRevocationQueue,
  revokeOnce,
  type RetryPolicy,
  type RevocationTarget,
  type Scheduler,
} from './revocation';
import { createTimelineRegistry, type FlowHttp } from './timeline';
import { createTokenStore, type HeldToken } from './token-store';
import type {
  AuthorizationOpener,
  FlowEmitter,
  FlowErrorInfo,
  FlowKind,
  FlowResult,
  FlowSecrets,
  PendingRevocation,
  TimelineStep,
  TokenSummary,
} from './types';

export interface FlowServiceOptions {
  http: FlowHttp;
  baseUrl: string;
  rootOrgHandle: string;
  /** Defaults to `{baseUrl}{oauth base}/token`, WSO2's root issuer. */
  issuer?: string;
  secrets: FlowSecrets;
  opener: AuthorizationOpener;
  listen?: (options: LoopbackOptions) => Promise<LoopbackListener>;
  emit?: FlowEmitter;
  clock?: () => number;
  logger: Logger;
  /** The profile's admin application, for switching with its client-credentials token. */
  admin?: { clientId: string; scopes?: readonly string[] };
  revocation?: { policy?: Partial<RetryPolicy>; schedule?: Scheduler };
  /** Issuer keys for `inspect`; without them signatures stay unverified. */
  verification?: InspectDeps['verification'];
  timelineLimit?: number;
}

export interface RevocationReport {
  /** Revocations the server confirmed. */
  revoked: number;
  /** Left for background retries because the server was unavailable. */
  pending: PendingRevocation[];
  failed: { tokenType: RevocationTarget['tokenType']; preview: string; message: string }[];
}

export type OboResult =
  | { ok: true; flowId: string; token: TokenSummary; agentId: string }
  | { ok: false; flowId: string; error: FlowErrorInfo; token?: TokenSummary };

export type CopyResult = { ok: true; token: string } | { ok: false; error: FlowErrorInfo };

export interface FlowService {
  agentLogin(input: AgentLoginInput): Promise<FlowResult<{ token: TokenSummary }>>;
  switchOrganization(
    input: SwitchInput,
  ): Promise<FlowResult<{ token: TokenSummary; reused: boolean }>>;
  /** Starts an OBO run; its steps arrive as events, its outcome through `result`. */
  startOboRun(input: OboInput): { runId: string; result: Promise<OboResult> };
  /** False when no such run is waiting. */
  cancelOboRun(runId: string): boolean;
  refresh(tokenRef: string): Promise<FlowResult<{ token: TokenSummary }>>;
  /** Revokes a held token's refresh and access tokens; the local copy is deleted either way. */
  revoke(tokenRef: string): Promise<FlowResult<RevocationReport>>;
  /** Revokes and deletes every held token, and forgets the secrets kept for curl reveals. */
  signOut(): Promise<FlowResult<RevocationReport>>;
  listTokens(): TokenSummary[];
  pendingRevocations(): PendingRevocation[];
  /** The raw access token, for an explicit copy by the user; the only way one leaves. */
  copyToken(tokenRef: string): CopyResult;
  inspect(tokenRef: string): Promise<InspectionReport | { error: FlowErrorInfo }>;
  timeline(flowId: string): TimelineStep[] | undefined;
  exportCurl(flowId: string, options: { reveal: boolean }): string | undefined;
  dispose(): Promise<void>;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: FlowErrorInfo };

export function createFlowService(options: FlowServiceOptions): FlowService {
  const clock = options.clock ?? Date.now;
  const emit: FlowEmitter = options.emit ?? (() => undefined);
  const logger = options.logger.child('flows');
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const deps: FlowDeps = {
    http: options.http,
    baseUrl,
    rootOrgHandle: options.rootOrgHandle,
    issuer: options.issuer ?? `${baseUrl}${oauthBasePath(options.rootOrgHandle)}/token`,
    secrets: options.secrets,
    store: createTokenStore({ clock }),
    clock,
    logger,
    oauth: createOAuthClient({
      transport: unrecordedTransport,
      rootOrgHandle: options.rootOrgHandle,
      logger,
    }),
  };
  const listen = options.listen ?? startLoopbackListener;
  const timelines = createTimelineRegistry({
    baseUrl,
    clock,
    emit,
    ...(options.timelineLimit === undefined ? {} : { limit: options.timelineLimit }),
  });
  const revocations = createRevocationQueue({
    clock,
    logger,
    onChange: (pending) => emit({ type: 'revocations-changed', pending }),
    ...(options.revocation?.schedule === undefined
      ? {}
      : { schedule: options.revocation.schedule }),
    ...(options.revocation?.policy === undefined ? {} : { policy: options.revocation.policy }),
  });
  const runs = new Map<string, AbortController>();
  const summarize = (token: HeldToken): TokenSummary => deps.store.summarize(token);

  /** Runs one flow in its own timeline, with events and a log line at its end. */
  const track = async <T>(
    kind: FlowKind,
    flowId: string,
    work: (run: FlowRun) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<Outcome<T>> => {
    const timeline = timelines.start(kind, flowId);
    emit({ type: 'flow-started', flowId, kind });
    try {
      const value = await work(beginRun(deps, timeline, signal));
      logger.info(`${kind} flow finished`, { flowId });
      return { ok: true, value };
    } catch (thrown) {
      const error = toFlowError(thrown);
      logger.warn(`${kind} flow failed`, { flowId, error: error.kind, message: error.message });
      return { ok: false, error };
    }
  };

  const failed = (flowId: string, error: FlowErrorInfo, token?: TokenSummary) => {
    emit({ type: 'flow-finished', flowId, ok: false, error, ...(token ? { token } : {}) });
    return { ok: false as const, flowId, error, ...(token ? { token } : {}) };
  };

  const finished = <T extends object>(
    flowId: string,
    outcome: Outcome<T & { token?: TokenSummary }>,
  ): FlowResult<T> => {
    if (!outcome.ok) return failed(flowId, outcome.error);
    const token = outcome.value.token;
    emit({ type: 'flow-finished', flowId, ok: true, ...(token === undefined ? {} : { token }) });
    return { ok: true, flowId, ...outcome.value };
  };

  const revokeHeld = async (run: FlowRun, held: HeldToken, report: RevocationReport) => {
    deps.store.remove(held.tokenRef);
    const common = { clientId: held.clientId, preview: summarize(held).preview };
    const targets: RevocationTarget[] = [];
    // The refresh token first: while it lives it can mint new access tokens.
    if (held.refreshToken !== undefined) {
      targets.push({ ...common, token: held.refreshToken, tokenType: 'refresh_token' });
    }
    targets.push({ ...common, token: held.accessToken, tokenType: 'access_token' });
    for (const target of targets) {
      const outcome = await revokeOnce(run, target);
      if (outcome.kind === 'done') report.revoked += 1;
      else if (outcome.kind === 'failed') {
        const { tokenType, preview } = target;
        report.failed.push({ tokenType, preview, message: outcome.message });
      } else {
        const retryRun = beginRun(deps, run.timeline);
        revocations.add(target, () => revokeOnce(retryRun, target), outcome.message);
      }
    }
  };

  const revocationFlow = async (kind: FlowKind, pick: (run: FlowRun) => HeldToken[]) => {
    const flowId = randomUUID();
    const outcome = await track(kind, flowId, async (run) => {
      const report: RevocationReport = { revoked: 0, pending: [], failed: [] };
      for (const held of pick(run)) await revokeHeld(run, held, report);
      report.pending = revocations.list();
      return report;
    });
    return finished(flowId, outcome);
  };

  const runOboFlow = async (
    flowId: string,
    input: OboInput,
    controller: AbortController,
  ): Promise<OboResult> => {
    const outcome = await track(
      'obo',
      flowId,
      async (run) => {
        const parsed = parseInput(oboInputSchema, input);
        return runObo(run, { opener: options.opener, listen }, parsed, controller.signal);
      },
      controller.signal,
    );
    runs.delete(flowId);
    if (!outcome.ok) return failed(flowId, outcome.error);
    const token = summarize(outcome.value.token);
    const { delegation } = outcome.value;
    if (!delegation.ok) {
      return failed(flowId, { kind: 'delegation_failed', message: delegation.reason }, token);
    }
    emit({ type: 'flow-finished', flowId, ok: true, token });
    return { ok: true, flowId, token, agentId: input.agentId } satisfies OboResult;
  };

  return {
    agentLogin: async (input) => {
      const flowId = randomUUID();
      const outcome = await track('agent-login', flowId, async (run) => {
        const token = await agentLogin(run, parseInput(agentLoginInputSchema, input));
        return { token: summarize(token) };
      });
      return finished(flowId, outcome);
    },

    switchOrganization: async (input) => {
      const flowId = randomUUID();
      const outcome = await track('organization-switch', flowId, async (run) => {
        const parsed = parseInput(switchInputSchema, input);
        let source: HeldToken;
        if ('tokenRef' in parsed.from) source = heldToken(run, parsed.from.tokenRef);
        else if (options.admin === undefined) {
          throw new FlowFailure('invalid_input', 'No admin application is configured.', {
            field: 'from',
          });
        } else
          source = await adminRootToken(run, options.admin.clientId, options.admin.scopes ?? []);
        const switched = await switchOrganization(run, {
          source,
          organizationId: parsed.organizationId,
          scopes: parsed.scopes,
          ...(parsed.fresh === undefined ? {} : { fresh: parsed.fresh }),
        });
        return { token: summarize(switched.token), reused: switched.reused };
      });
      return finished(flowId, outcome);
    },

    startOboRun: (input) => {
      const runId = randomUUID();
      const controller = new AbortController();
      runs.set(runId, controller);
      return { runId, result: runOboFlow(runId, input, controller) };
    },

    cancelOboRun: (runId) => {
      const controller = runs.get(runId);
      if (controller === undefined) return false;
      controller.abort();
      return true;
    },

    refresh: async (tokenRef) => {
      const flowId = randomUUID();
      const outcome = await track('refresh', flowId, async (run) => {
        const held = heldToken(run, parseInput(tokenRefSchema, tokenRef));
        return { token: summarize(await refreshHeld(run, held)) };
      });
      return finished(flowId, outcome);
    },

    revoke: (tokenRef) =>
      revocationFlow('revoke', (run) => [heldToken(run, parseInput(tokenRefSchema, tokenRef))]),

    signOut: async () => {
      const result = await revocationFlow('sign-out', () => deps.store.list());
      timelines.forgetSecrets();
      return result;
    },

    listTokens: () => deps.store.list().map(summarize),
    pendingRevocations: () => revocations.list(),

    copyToken: (tokenRef) => {
      const raw = typeof tokenRef === 'string' ? deps.store.copy(tokenRef) : undefined;
      if (raw === undefined) {
        return { ok: false, error: { kind: 'unknown_token', message: 'The token is not held.' } };
      }
      logger.info('token copied by the user', { tokenRef });
      return { ok: true, token: raw };
    },

    inspect: async (tokenRef) => {
      const raw = typeof tokenRef === 'string' ? deps.store.copy(tokenRef) : undefined;
      if (raw === undefined) {
        return { error: { kind: 'unknown_token', message: 'The token is not held.' } };
      }
      return inspectToken(raw, {
        clock: () => new Date(clock()),
        logger,
        ...(options.verification === undefined ? {} : { verification: options.verification }),
      });
    },

    timeline: (flowId) => timelines.get(flowId)?.steps(),
    exportCurl: (flowId, { reveal }) => timelines.get(flowId)?.exportCurl({ reveal }),

    dispose: () => {
      for (const controller of runs.values()) controller.abort();
      revocations.stop();
      return Promise.resolve();
    },
  };
}
