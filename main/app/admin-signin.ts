/**
 * Interactive administrator sign-in for profiles that use it instead of an M2M app: the
 * authorization code flow with PKCE (S256) and a one-shot loopback redirect on 127.0.0.1
 * (RFC 8252), in the system browser. The tokens stay in memory; the refresh token renews the
 * access token without asking again until it, too, expires.
 */
import { createPkce, createState } from '../flows/pkce';
import { startLoopbackListener } from '../flows/loopback';
import type { AuthorizationOpener } from '../flows';
import type { Logger } from '../log/logger';
import type { OAuthClient } from '../wso2/oauth';
import { ROOT_MANAGEMENT_SCOPES, type RootTokenSource } from '../wso2/tokens';
import { AppFailure } from './errors';

export interface AdminSignInDeps {
  oauth: OAuthClient;
  /** The server's origin, e.g. `https://is.example.com`. */
  baseUrl: string;
  clientId: string;
  opener: AuthorizationOpener;
  logger: Logger;
  clock?: () => number;
  /** How long the user has to sign in (default 5 minutes). */
  timeoutMs?: number;
  scopes?: readonly string[];
}

interface Held {
  accessToken: string;
  refreshToken: string | undefined;
  expiresAt: number;
}

const MARGIN_MS = 60_000;

export function interactiveTokenSource(deps: AdminSignInDeps): RootTokenSource {
  const clock = deps.clock ?? Date.now;
  const scopes = (deps.scopes ?? ROOT_MANAGEMENT_SCOPES).join(' ');
  let held: Held | undefined;
  let pending: Promise<string> | undefined;

  const keep = (response: {
    access_token: string;
    refresh_token?: string;
    expires_in?: number;
  }) => {
    held = {
      accessToken: response.access_token,
      refreshToken: response.refresh_token ?? held?.refreshToken,
      expiresAt: clock() + (response.expires_in ?? 3600) * 1000,
    };
    return held.accessToken;
  };

  const signIn = async (): Promise<string> => {
    const pkce = createPkce();
    const state = createState();
    const listener = await startLoopbackListener({
      path: '/callback',
      expectedState: state,
      timeoutMs: deps.timeoutMs ?? 5 * 60_000,
      logger: deps.logger,
    });
    try {
      const url = new URL(`${deps.baseUrl}${deps.oauth.basePath}/authorize`);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: deps.clientId,
        redirect_uri: listener.redirectUri,
        scope: scopes,
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
        state,
      }).toString();
      await deps.opener.open(url.toString(), { isolated: false });
      const callback = await listener.result;
      if (!callback.ok) {
        throw new AppFailure('unauthorized', `Sign-in did not complete: ${callback.error.message}`);
      }
      const response = await deps.oauth.token(
        {
          grant_type: 'authorization_code',
          code: callback.code,
          redirect_uri: listener.redirectUri,
          code_verifier: pkce.verifier,
        },
        { clientId: deps.clientId },
      );
      return keep(response);
    } finally {
      await listener.close();
    }
  };

  const refresh = async (refreshToken: string): Promise<string> => {
    try {
      return keep(
        await deps.oauth.token(
          { grant_type: 'refresh_token', refresh_token: refreshToken },
          { clientId: deps.clientId },
        ),
      );
    } catch (error) {
      deps.logger.info('refresh refused; signing in again', { error });
      held = undefined;
      return signIn();
    }
  };

  return {
    token: () => {
      if (held && held.expiresAt - MARGIN_MS > clock()) return Promise.resolve(held.accessToken);
      pending ??= (held?.refreshToken ? refresh(held.refreshToken) : signIn()).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate: (accessToken) => {
      if (held?.accessToken === accessToken) held = { ...held, expiresAt: 0 };
    },
  };
}
