/**
 * The sandbox started in this process with the app's own clients and the bare client pointed
 * at it over HTTPS, both trusting only the sandbox's certificate.
 */
import { createHttpClient, type HttpClient, type HttpRequest } from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../main/sandbox/index';
import { createWso2Clients, type Wso2Clients } from '../../../main/wso2';
import { ROOT_MANAGEMENT_SCOPES } from '../../../main/wso2/tokens';
import { basicAuth, createBareClient, type BareClient } from './bare';

export const ADMIN = DEMO.apps.admin;
export const ADMIN_BASIC = basicAuth(ADMIN.clientId, ADMIN.clientSecret);
export const TENANT_PATH = `/t/${DEMO.rootOrgHandle}`;

export interface Harness {
  sandbox: Sandbox;
  http: HttpClient;
  clients: Wso2Clients;
  bare: BareClient;
  /** API requests (not token requests) the app's clients have sent. */
  apiCalls(): number;
  /** A client-credentials token with every root management scope, for the bare client. */
  adminToken(): Promise<string>;
  stop(): Promise<void>;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, logger: silentLogger, ...options });
  const http = createHttpClient({
    baseUrl: sandbox.url,
    trust: { type: 'ca', pem: sandbox.caPem },
    logger: silentLogger,
  });
  let apiCalls = 0;
  const counting: HttpClient = {
    request: (request: HttpRequest) => {
      if (!request.url.includes('/oauth2/')) apiCalls += 1;
      return http.request(request);
    },
    close: () => http.close(),
  };
  const clients = createWso2Clients({
    transport: counting,
    profileId: 'bench',
    rootOrgHandle: DEMO.rootOrgHandle,
    clientId: ADMIN.clientId,
    getSecret: () => Promise.resolve(ADMIN.clientSecret),
    logger: silentLogger,
  });
  const bare = createBareClient(sandbox.url, sandbox.caPem);

  return {
    sandbox,
    http: counting,
    clients,
    bare,
    apiCalls: () => apiCalls,
    adminToken: async () => {
      const response = await bare.postForm(
        '/oauth2/token',
        { grant_type: 'client_credentials', scope: ROOT_MANAGEMENT_SCOPES.join(' ') },
        ADMIN_BASIC,
      );
      const token = (response.body as { access_token?: unknown } | undefined)?.access_token;
      if (response.status !== 200 || typeof token !== 'string') {
        throw new Error(`the admin token request failed with HTTP ${response.status}`);
      }
      return token;
    },
    stop: async () => {
      await bare.close();
      await http.close();
      await sandbox.stop();
    },
  };
}
