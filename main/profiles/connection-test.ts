/**
 * "Test connection": discovery, TLS trust, admin credentials and granted scopes, checked in
 * that order and each reported with a precise reason. A failed step skips the steps that
 * depend on it rather than piling up follow-on errors.
 */
import { z } from 'zod';
import {
  type CertificateProbe,
  createHttpClient,
  HttpError,
  HttpStatusError,
  type HttpClient,
  NetworkError,
  NotJsonError,
  type ProbeOptions,
  probeCertificate,
  TimeoutError,
  TlsError,
} from '../http';
import type { Logger } from '../log/logger';
import type { ConnectionTarget } from './service';

/** The scopes ShareDesk's management features need (reference/wso2-api.md §2). */
export const REQUIRED_SCOPES = [
  'internal_organization_view',
  'internal_agent_share',
  'internal_agent_unshare',
  'internal_agent_shared_access_view',
  'internal_agent_shared_access_update',
  'internal_agent_mgt_list',
  'internal_agent_mgt_view',
  'internal_role_mgt_view',
  'internal_oauth2_introspect',
] as const;

export type CheckId = 'discovery' | 'tls' | 'credentials' | 'scopes';

export interface CheckResult {
  id: CheckId;
  status: 'pass' | 'fail' | 'skipped';
  detail: string;
  data?: Record<string, unknown>;
}

export interface ConnectionReport {
  ok: boolean;
  checks: CheckResult[];
}

export interface ConnectionTestDeps {
  logger: Logger;
  /** The admin client's secret (from the vault), when the profile uses client credentials. */
  clientSecret: () => Promise<string | undefined>;
  createClient?: (target: ConnectionTarget) => HttpClient;
  probe?: (options: ProbeOptions) => Promise<CertificateProbe>;
}

const discoverySchema = z.object({ issuer: z.string(), token_endpoint: z.string() });
const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().optional(),
  scope: z.string().optional(),
});

const TRUST_NAMES = {
  system: 'the system CAs',
  ca: 'the custom CA',
  pin: 'the pinned certificate',
};

/** One sentence saying why a request failed, for the check's detail. */
export function explainFailure(error: unknown, what: string): string {
  if (error instanceof HttpStatusError) {
    if (error.oauth !== undefined) {
      const description = error.oauth.error_description ?? '';
      return `${what}: HTTP ${error.status} ${error.oauth.error}${description === '' ? '' : ` — ${description}`}`;
    }
    if (error.wso2 !== undefined)
      return `${what}: HTTP ${error.status} ${error.wso2.code} — ${error.wso2.message}`;
    return `${what}: HTTP ${error.status}${error.snippet === undefined ? '' : ` (${error.snippet})`}`;
  }
  if (error instanceof NotJsonError) {
    return `${what}: expected JSON, got ${error.contentType ?? 'an untyped body'} (${error.snippet})`;
  }
  if (error instanceof NetworkError) {
    const reasons: Record<NetworkError['kind'], string> = {
      refused: 'connection refused',
      dns: 'host name not found',
      reset: 'connection reset',
      unreachable: 'host unreachable',
      proxy: 'the proxy refused or failed',
      other: error.message,
    };
    return `${what}: ${reasons[error.kind]}`;
  }
  if (error instanceof TimeoutError) return `${what}: timed out (${error.phase})`;
  if (error instanceof HttpError) return `${what}: ${error.message}`;
  if (error instanceof z.ZodError) {
    return `${what}: unexpected response (${error.issues.map((i) => i.path.join('.')).join(', ')})`;
  }
  return `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Whether an error proves the TLS handshake completed (the server answered over HTTPS). */
function reachedServer(error: unknown): boolean {
  if (error instanceof TlsError || error instanceof NetworkError) return false;
  if (error instanceof TimeoutError) return error.phase !== 'connect';
  return error instanceof HttpError;
}

async function tlsCheck(
  target: ConnectionTarget,
  discoveryError: unknown,
  probe: (options: ProbeOptions) => Promise<CertificateProbe>,
): Promise<CheckResult> {
  if (discoveryError === undefined || reachedServer(discoveryError)) {
    return {
      id: 'tls',
      status: 'pass',
      detail: `certificate trusted by ${TRUST_NAMES[target.trust.type]}`,
    };
  }
  if (!(discoveryError instanceof TlsError)) {
    return { id: 'tls', status: 'skipped', detail: 'the server was not reached' };
  }
  try {
    const cert = await probe({
      url: target.baseUrl,
      trust: target.trust,
      proxyUrl: target.proxyUrl,
    });
    const kind = cert.selfSigned ? 'self-signed' : `issued by ${cert.issuer}`;
    const why = discoveryError.reason === 'hostname' ? 'not issued for this host' : 'not trusted';
    return {
      id: 'tls',
      status: 'fail',
      detail: `certificate ${why}: ${kind}, SHA-256 ${cert.sha256}`,
      data: {
        reason: discoveryError.reason,
        sha256: cert.sha256,
        selfSigned: cert.selfSigned,
        subject: cert.subject,
        issuer: cert.issuer,
        validTo: cert.validTo,
        ...(cert.verifyCode === undefined ? {} : { verifyCode: cert.verifyCode }),
      },
    };
  } catch (error) {
    return { id: 'tls', status: 'fail', detail: explainFailure(error, discoveryError.message) };
  }
}

export async function testConnection(
  target: ConnectionTarget,
  deps: ConnectionTestDeps,
): Promise<ConnectionReport> {
  const root = `/t/${encodeURIComponent(target.rootOrgHandle)}`;
  const client =
    deps.createClient?.(target) ??
    createHttpClient({
      baseUrl: target.baseUrl,
      trust: target.trust,
      proxyUrl: target.proxyUrl,
      logger: deps.logger,
      retry: { maxAttempts: 2 },
    });
  const checks: CheckResult[] = [];
  try {
    const paths = [`${root}/oauth2/token/.well-known/openid-configuration`];
    if (target.rootOrgHandle === 'carbon.super')
      paths.push('/oauth2/token/.well-known/openid-configuration');
    let discoveryError: unknown;
    const issuers: string[] = [];
    for (const path of paths) {
      try {
        const response = await client.request({ method: 'GET', url: path });
        issuers.push(discoverySchema.parse(response.body).issuer);
      } catch (error) {
        discoveryError = error;
        checks.push({
          id: 'discovery',
          status: 'fail',
          detail: explainFailure(error, `GET ${path}`),
        });
        break;
      }
    }
    if (discoveryError === undefined) {
      checks.push({
        id: 'discovery',
        status: 'pass',
        detail: `issuer ${issuers.join(', ')}`,
        data: { issuers },
      });
    }
    checks.push(await tlsCheck(target, discoveryError, deps.probe ?? probeCertificate));

    const credentials = await credentialsCheck(
      target,
      client,
      root,
      discoveryError === undefined,
      deps,
    );
    checks.push(credentials.check);
    checks.push(scopesCheck(credentials.token));
  } finally {
    await client.close();
  }
  return { ok: checks.every((check) => check.status !== 'fail'), checks };
}

async function credentialsCheck(
  target: ConnectionTarget,
  client: HttpClient,
  root: string,
  discovered: boolean,
  deps: ConnectionTestDeps,
): Promise<{ check: CheckResult; token?: { scope?: string | undefined } }> {
  if (!discovered) {
    return { check: { id: 'credentials', status: 'skipped', detail: 'discovery failed' } };
  }
  if (target.adminAuth.type === 'interactive') {
    return {
      check: {
        id: 'credentials',
        status: 'skipped',
        detail: 'interactive sign-in is checked when you sign in',
      },
    };
  }
  const clientId = target.adminAuth.clientId;
  const secret = await deps.clientSecret();
  if (secret === undefined) {
    return {
      check: {
        id: 'credentials',
        status: 'fail',
        detail: `no client secret stored for ${clientId}`,
      },
    };
  }
  try {
    const response = await client.request({
      method: 'POST',
      url: `${root}/oauth2/token`,
      form: { grant_type: 'client_credentials', scope: REQUIRED_SCOPES.join(' ') },
      basic: { username: clientId, password: secret },
    });
    const token = tokenSchema.parse(response.body);
    const expiry = token.expires_in === undefined ? '' : `, expires in ${token.expires_in} s`;
    return {
      check: {
        id: 'credentials',
        status: 'pass',
        detail: `token issued (${token.token_type}${expiry})`,
      },
      token: { scope: token.scope },
    };
  } catch (error) {
    return {
      check: { id: 'credentials', status: 'fail', detail: explainFailure(error, 'token request') },
    };
  }
}

function scopesCheck(token: { scope?: string | undefined } | undefined): CheckResult {
  if (token === undefined)
    return { id: 'scopes', status: 'skipped', detail: 'no token to inspect' };
  if (token.scope === undefined) {
    return { id: 'scopes', status: 'fail', detail: 'the token response names no scope' };
  }
  const granted = new Set(token.scope.split(/\s+/).filter((scope) => scope !== ''));
  const missing = REQUIRED_SCOPES.filter((scope) => !granted.has(scope));
  if (missing.length > 0) {
    return {
      id: 'scopes',
      status: 'fail',
      detail: `token lacks ${missing.join(', ')}`,
      data: { missing },
    };
  }
  return {
    id: 'scopes',
    status: 'pass',
    detail: `all ${REQUIRED_SCOPES.length} management scopes granted`,
  };
}
