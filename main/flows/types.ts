/**
 * The shapes the token flows share with their callers: results, errors, timeline steps and
 * events. Everything here is plain serializable data meant for the UI contract; none of it
 * ever carries a raw token, secret, authorization code or PKCE verifier.
 */
import type { JsonObject } from '../tokens/json';

/** Opens the authorization URL for the user: the system browser, or an isolated window. */
export interface AuthorizationOpener {
  open(url: string, options: { isolated: boolean }): Promise<void>;
}

/** The secrets a flow may need, read from the vault at the moment they are used. */
export interface FlowSecrets {
  agentSecret(agentId: string): Promise<string | undefined>;
  /** `undefined` for a public client, which authenticates with `client_id` alone. */
  clientSecret(clientId: string): Promise<string | undefined>;
}

export type FlowKind =
  'agent-login' | 'organization-switch' | 'obo' | 'refresh' | 'revoke' | 'sign-out';

export type FlowErrorKind =
  /** Refused before anything was sent. */
  | 'invalid_input'
  | 'missing_secret'
  /** Wrong agent secret; `remainingAttempts` when the server says. */
  | 'authentication_failed'
  | 'account_locked'
  /** An OAuth endpoint answered with an RFC 6749 error. */
  | 'oauth_error'
  /** A WSO2 API (app-native authentication) answered with its error body. */
  | 'api_error'
  | 'unexpected_response'
  /** TLS, timeout, network or size failure. */
  | 'transport'
  /** The redirect back to the app was refused (state, issuer, duplicate parameters). */
  | 'callback_rejected'
  /** The server sent an error to the redirect URI (e.g. the user denied consent). */
  | 'authorization_denied'
  | 'timeout'
  | 'cancelled'
  /** A token was issued but does not show the requested agent acting (`act.sub`). */
  | 'delegation_failed'
  /** A switched token names another organization than the one asked for. */
  | 'token_mismatch'
  | 'unknown_token'
  | 'internal';

/** One message of an app-native authentication step, as the server sent it. */
export interface ServerMessage {
  messageId?: string;
  message?: string;
  i18nKey?: string;
}

/** What the server said, field by field, so the UI can show its own words. */
export interface ServerDetails {
  error?: string;
  errorDescription?: string;
  /** Text only: never opened automatically. */
  errorUri?: string;
  code?: string;
  message?: string;
  description?: string;
  traceId?: string;
  messages?: ServerMessage[];
}

export interface FlowErrorInfo {
  kind: FlowErrorKind;
  message: string;
  /** The input that was refused, for `invalid_input`. */
  field?: string;
  status?: number;
  server?: ServerDetails;
  remainingAttempts?: number;
}

export type FlowResult<T extends object> =
  ({ ok: true; flowId: string } & T) | { ok: false; flowId: string; error: FlowErrorInfo };

/** How the token was first obtained; a refreshed token keeps its source. */
export type TokenSource = 'agent-login' | 'client-credentials' | 'organization-switch' | 'obo';

/** A held token as the UI sees it: claims and a masked preview, never the token itself. */
export interface TokenSummary {
  tokenRef: string;
  issuer: string;
  /** `null` for a token of the root organization. */
  organizationId: string | null;
  /** Who the token lets act: the subject, or `<agent id> for <user id>` when delegated. */
  actor: string;
  source: TokenSource;
  clientId: string;
  /** Granted scopes (the server's `scope`, else those requested). */
  scopes: string[];
  obtainedAt: string;
  expiresAt?: string;
  hasRefreshToken: boolean;
  hasIdToken: boolean;
  preview: string;
  /** The decoded payload of a JWT access token; `null` for an opaque token. */
  claims: JsonObject | null;
  flowId: string;
}

/** A sign-out revocation the server has not confirmed yet; retried in the background. */
export interface PendingRevocation {
  id: string;
  tokenType: 'access_token' | 'refresh_token';
  clientId: string;
  preview: string;
  attempts: number;
  nextAttemptAt?: string;
  state: 'pending' | 'abandoned';
  lastError?: string;
}

export interface TimelineStep {
  flowId: string;
  index: number;
  kind: 'http' | 'browser' | 'note';
  label: string;
  startedAt: string;
  method?: string;
  /** Redacted: secret-looking query values are masked. */
  url?: string;
  /** 1 for the first try; retries count up. */
  attempt?: number;
  status?: number;
  durationMs?: number;
  requestHeaders?: Record<string, string>;
  requestBody?: unknown;
  responseHeaders?: Record<string, string>;
  responseBody?: unknown;
  error?: { code: string; message: string };
  detail?: string;
}

export type FlowEvent =
  | { type: 'flow-started'; flowId: string; kind: FlowKind }
  | { type: 'step'; flowId: string; step: TimelineStep }
  | {
      type: 'flow-finished';
      flowId: string;
      ok: boolean;
      error?: FlowErrorInfo;
      token?: TokenSummary;
    }
  | { type: 'revocations-changed'; pending: PendingRevocation[] };

export type FlowEmitter = (event: FlowEvent) => void;
