/**
 * The real clients of one profile pointed at a freshly started sandbox over HTTPS, trusting
 * only the sandbox's certificate.
 */
import { createHttpClient, type HttpClient } from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import type { SandboxOptions } from '../../../main/sandbox/index';
import { type Wso2Clients, createWso2Clients } from '../../../main/wso2';
import { type TestSandbox, startTestSandbox } from '../../support/sandbox';

export interface ClientHarness {
  t: TestSandbox;
  http: HttpClient;
  clients: Wso2Clients;
  stop(): Promise<void>;
}

export async function startClients(options: SandboxOptions = {}): Promise<ClientHarness> {
  const t = await startTestSandbox(options);
  const http = createHttpClient({
    baseUrl: t.url,
    trust: { type: 'ca', pem: t.sandbox.caPem },
    logger: silentLogger,
    retry: { maxAttempts: 2, baseDelayMs: 10 },
  });
  const clients = createWso2Clients({
    transport: http,
    profileId: 'sandbox',
    rootOrgHandle: DEMO.rootOrgHandle,
    clientId: DEMO.apps.admin.clientId,
    getSecret: () => Promise.resolve(DEMO.apps.admin.clientSecret),
    logger: silentLogger,
  });
  return {
    t,
    http,
    clients,
    stop: async () => {
      await http.close();
      await t.stop();
    },
  };
}

/** Polls `read` until `done` holds or the deadline passes (sharing completes asynchronously). */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
