/**
 * Starts the embedded sandbox for integration tests and talks to it over real HTTPS with an
 * undici dispatcher that trusts only the sandbox's certificate.
 */
import { Agent, request } from 'undici';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../main/sandbox/index';
import { DEMO } from '../../main/sandbox/data/demo-ids';
import { ROOT_MANAGEMENT_SCOPES } from '../../main/sandbox/data/scopes';

/**
 * A response. `body` is the parsed JSON when the response is JSON, else the text ('' when
 * empty); callers name the shape they expect, e.g. `api<OrganizationList>(…)`.
 */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

export interface ApiOptions {
  token?: string;
  json?: unknown;
  /** A raw body; sent as is with `contentType`. */
  body?: string | Buffer;
  contentType?: string;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
}

export interface TestSandbox {
  sandbox: Sandbox;
  dispatcher: Agent;
  url: string;
  /** A client-credentials token of `sharedesk-admin` (default: every root management scope). */
  adminToken(scopes?: readonly string[]): Promise<string>;
  /** The admin token switched into `orgId` with `scopes` (`internal_org_*`). */
  orgToken(orgId: string, scopes: readonly string[]): Promise<string>;
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: ApiOptions,
  ): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

const basic = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, shareDelayMs: 20, ...options });
  const dispatcher = new Agent({ connect: { ca: sandbox.caPem }, keepAliveTimeout: 1000 });

  const api = async <T>(
    method: string,
    path: string,
    opts: ApiOptions = {},
  ): Promise<ApiResponse<T>> => {
    const url = new URL(path, sandbox.url);
    for (const [key, value] of Object.entries(opts.query ?? {})) {
      url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | Buffer | undefined = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] = opts.contentType ?? 'application/json';
    } else if (body !== undefined && opts.contentType) {
      headers['content-type'] = opts.contentType;
    }
    const response = await request(url, { method, headers, body, dispatcher });
    const text = await response.body.text();
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(response.headers)) {
      if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
    }
    const isJson = /json/.test(flat['content-type'] ?? '');
    return {
      status: response.statusCode,
      headers: flat,
      body: isJson && text ? JSON.parse(text) : text,
    };
  };

  const token = async (form: Record<string, string>): Promise<string> => {
    const { clientId, clientSecret } = DEMO.apps.admin;
    const response = await api<{ access_token?: string }>('POST', '/oauth2/token', {
      body: new URLSearchParams(form).toString(),
      contentType: 'application/x-www-form-urlencoded',
      headers: { authorization: basic(clientId, clientSecret) },
    });
    if (response.status !== 200) {
      throw new Error(`token request failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body.access_token ?? '';
  };

  const adminToken = (scopes: readonly string[] = ROOT_MANAGEMENT_SCOPES): Promise<string> =>
    token({ grant_type: 'client_credentials', scope: scopes.join(' ') });

  const orgToken = async (orgId: string, scopes: readonly string[]): Promise<string> =>
    token({
      grant_type: 'organization_switch',
      token: await adminToken(),
      switching_organization: orgId,
      scope: scopes.join(' '),
    });

  return {
    sandbox,
    dispatcher,
    url: sandbox.url,
    adminToken,
    orgToken,
    api,
    stop: async () => {
      await dispatcher.close();
      await sandbox.stop();
    },
  };
}
