/** The token workbench flows: agent login, organization switch, OBO consent runs. */
import { z } from 'zod';
import { call } from './define';
import { jsonValue } from './json';
import { profileId } from './profiles';

const scope = z.string().min(1).max(200);
const scopes = z.array(scope).max(100);
const tokenRef = z.string().min(1).max(128);
const clientId = z.string().min(1).max(200);
const uuidLike = z.string().min(1).max(64);

export const tokenSummary = z.object({
  tokenRef: z.string(),
  issuer: z.string(),
  organizationId: z.string().nullable(),
  actor: z.string(),
  source: z.enum(['agent-login', 'client-credentials', 'organization-switch', 'obo']),
  clientId: z.string(),
  scopes: z.array(z.string()),
  obtainedAt: z.string(),
  expiresAt: z.string().optional(),
  hasRefreshToken: z.boolean(),
  hasIdToken: z.boolean(),
  preview: z.string(),
  claims: z.record(z.string(), jsonValue).nullable(),
  flowId: z.string(),
});
export type TokenSummaryView = z.infer<typeof tokenSummary>;

export const flowError = z.object({
  kind: z.string(),
  message: z.string(),
  field: z.string().optional(),
  status: z.number().optional(),
  server: z
    .object({
      error: z.string().optional(),
      errorDescription: z.string().optional(),
      /** Text only: never opened automatically. */
      errorUri: z.string().optional(),
      code: z.string().optional(),
      message: z.string().optional(),
      description: z.string().optional(),
      traceId: z.string().optional(),
      messages: z
        .array(
          z.object({
            messageId: z.string().optional(),
            message: z.string().optional(),
            i18nKey: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  remainingAttempts: z.number().optional(),
});
export type FlowErrorView = z.infer<typeof flowError>;

export const flowOutcome = z.object({
  ok: z.boolean(),
  flowId: z.string(),
  token: tokenSummary.optional(),
  error: flowError.optional(),
  reused: z.boolean().optional(),
});
export type FlowOutcomeView = z.infer<typeof flowOutcome>;

export const pendingRevocation = z.object({
  id: z.string(),
  tokenType: z.enum(['access_token', 'refresh_token']),
  clientId: z.string(),
  preview: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.string().optional(),
  state: z.enum(['pending', 'abandoned']),
  lastError: z.string().optional(),
});

export const revocationOutcome = z.object({
  ok: z.boolean(),
  flowId: z.string(),
  revoked: z.number().optional(),
  /** Left for background retries because the server was unavailable. */
  pending: z.array(pendingRevocation).optional(),
  failed: z
    .array(z.object({ tokenType: z.string(), preview: z.string(), message: z.string() }))
    .optional(),
  error: flowError.optional(),
});

export const timelineStep = z.object({
  flowId: z.string(),
  index: z.number(),
  kind: z.enum(['http', 'browser', 'note']),
  label: z.string(),
  startedAt: z.string(),
  method: z.string().optional(),
  url: z.string().optional(),
  attempt: z.number().optional(),
  status: z.number().optional(),
  durationMs: z.number().optional(),
  requestHeaders: z.record(z.string(), z.string()).optional(),
  requestBody: z.unknown().optional(),
  responseHeaders: z.record(z.string(), z.string()).optional(),
  responseBody: z.unknown().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  detail: z.string().optional(),
});
export type TimelineStepView = z.infer<typeof timelineStep>;

export const flowEvent = z.object({
  profileId: z.string(),
  type: z.enum(['flow-started', 'step', 'flow-finished', 'revocations-changed']),
  flowId: z.string().optional(),
  kind: z.string().optional(),
  step: timelineStep.optional(),
  ok: z.boolean().optional(),
  error: flowError.optional(),
  token: tokenSummary.optional(),
});
export type FlowEventView = z.infer<typeof flowEvent>;

const redirectUri = z.string().min(1).max(2048);

export const flowCalls = {
  agentLogin: call(
    z
      .object({
        profileId,
        agentId: uuidLike,
        clientId,
        redirectUri,
        scopes,
        resource: z.string().max(2048).optional(),
      })
      .strict(),
    flowOutcome,
  ),
  switchOrganization: call(
    z
      .object({
        profileId,
        from: z.union([
          z.object({ tokenRef }).strict(),
          z.object({ admin: z.literal(true) }).strict(),
        ]),
        organizationId: uuidLike,
        scopes,
        fresh: z.boolean().optional(),
      })
      .strict(),
    flowOutcome,
  ),
  startOboRun: call(
    z
      .object({
        profileId,
        organizationId: uuidLike,
        agentId: uuidLike,
        clientId,
        scopes,
        resource: z.string().max(2048).optional(),
        actor: z.union([
          z.object({ tokenRef }).strict(),
          z.object({ login: z.object({ clientId, redirectUri, scopes }).strict() }).strict(),
        ]),
        isolated: z.boolean().default(false),
      })
      .strict(),
    z.object({ runId: z.string() }),
  ),
  /** Resolves when the run ends (delegated, failed, denied, timed out or cancelled). */
  awaitOboRun: call(z.object({ profileId, runId: z.string().max(128) }).strict(), flowOutcome),
  cancelOboRun: call(
    z.object({ profileId, runId: z.string().max(128) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  refreshToken: call(z.object({ profileId, tokenRef }).strict(), flowOutcome),
  revokeToken: call(z.object({ profileId, tokenRef }).strict(), revocationOutcome),
  signOut: call(z.object({ profileId }).strict(), revocationOutcome),
  listTokens: call(z.object({ profileId }).strict(), z.array(tokenSummary)),
  /** The raw access token, for the user's explicit copy action only. */
  copyToken: call(z.object({ profileId, tokenRef }).strict(), z.object({ token: z.string() })),
  getTimeline: call(
    z.object({ profileId, flowId: z.string().max(128) }).strict(),
    z.array(timelineStep),
  ),
  /** curl commands for a flow; secrets are placeholders unless `reveal` is set. */
  exportCurl: call(
    z
      .object({ profileId, flowId: z.string().max(128), reveal: z.boolean().default(false) })
      .strict(),
    z.object({ text: z.string() }),
  ),
};

export const flowEvents = {
  flowEvent,
};

/** Calls whose result may carry a secret on the user's explicit request. */
export const SECRET_BEARING_CALLS: ReadonlySet<string> = new Set(['copyToken', 'exportCurl']);
