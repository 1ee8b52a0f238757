/**
 * Client authentication at the token, introspection and revocation endpoints: HTTP Basic or
 * `client_id`/`client_secret` in the form body; public clients send `client_id` alone.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { oauthError, type RequestContext } from '../http';
import type { Application } from '../model';
import { endpointOrgId, type OAuthCore } from './core';

export interface AuthenticatedClient {
  app: Application;
  /** False for a public client, which proved nothing but its id. */
  confidential: boolean;
}

interface PresentedCredentials {
  clientId: string;
  clientSecret: string | undefined;
}

function decodeBasic(header: string): PresentedCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return undefined;
  }
}

function presented(ctx: RequestContext, form: URLSearchParams): PresentedCredentials {
  const header = ctx.req.headers.authorization;
  const bodyId = form.get('client_id') ?? undefined;
  if (header !== undefined && /^Basic\s/i.test(header)) {
    const basic = decodeBasic(header);
    if (!basic) throw oauthError('invalid_client', 'Client Authentication failed.');
    if (bodyId !== undefined && bodyId !== basic.clientId) {
      throw oauthError('invalid_client', 'Client Authentication failed.');
    }
    return basic;
  }
  if (bodyId === undefined || bodyId === '') {
    throw oauthError('invalid_client', 'Client Authentication failed.');
  }
  return { clientId: bodyId, clientSecret: form.get('client_secret') ?? undefined };
}

/** Compares secrets in constant time (hashing first evens out the lengths). */
export function secretsEqual(expected: string, actual: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(actual, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** An application that can act at this endpoint: resident in its org or shared with it. */
export function applicationForEndpoint(
  core: OAuthCore,
  ctx: RequestContext,
  clientId: string,
): Application | undefined {
  const app = core.deps.state.applicationByClientId(clientId);
  if (!app) return undefined;
  const orgId = endpointOrgId(core, ctx);
  return core.deps.state.isApplicationSharedWith(app, orgId) ? app : undefined;
}

/** Authenticates the calling client or throws `invalid_client` (401). */
export function authenticateClient(
  core: OAuthCore,
  ctx: RequestContext,
  form: URLSearchParams,
): AuthenticatedClient {
  const credentials = presented(ctx, form);
  const app = applicationForEndpoint(core, ctx, credentials.clientId);
  if (!app) {
    throw oauthError(
      'invalid_client',
      `A valid OAuth client could not be found for client_id: ${credentials.clientId}`,
    );
  }
  if (app.clientSecret === undefined) return { app, confidential: false };
  if (
    credentials.clientSecret === undefined ||
    !secretsEqual(app.clientSecret, credentials.clientSecret)
  ) {
    throw oauthError('invalid_client', 'Client credentials are invalid.');
  }
  return { app, confidential: true };
}

/** The grant types an application is registered for (WSO2 answers `unauthorized_client`). */
export function requireGrantType(app: Application, grantType: string): void {
  if (!app.grantTypes.includes(grantType)) {
    throw oauthError(
      'unauthorized_client',
      'The authenticated client is not authorized to use this authorization grant type.',
    );
  }
}
