import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpStatusError, NetworkError, TlsError, createHttpClient } from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { createWso2Clients } from '../../../main/wso2';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

let t: TestSandbox;
const ORGS = '/t/carbon.super/api/server/v1/organizations';

function clientsFor(
  options: { trust?: Parameters<typeof createHttpClient>[0]['trust']; proxyUrl?: string } = {},
) {
  const http = createHttpClient({
    baseUrl: t.url,
    trust: options.trust ?? { type: 'ca', pem: t.sandbox.caPem },
    ...(options.proxyUrl ? { proxyUrl: options.proxyUrl } : {}),
    logger: silentLogger,
    // Short waits keep the test quick; Retry-After from the sandbox is honoured up to the cap.
    retry: { maxAttempts: 6, baseDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 1_500 },
  });
  const clients = createWso2Clients({
    transport: http,
    profileId: 'sandbox',
    rootOrgHandle: DEMO.rootOrgHandle,
    clientId: DEMO.apps.admin.clientId,
    getSecret: () => Promise.resolve(DEMO.apps.admin.clientSecret),
    logger: silentLogger,
  });
  return { http, clients };
}

beforeAll(async () => {
  t = await startTestSandbox();
});

afterAll(async () => {
  await t?.stop();
});

describe('the HTTP client against the sandbox fault controls', () => {
  it('survives a storm of 429s with Retry-After and of 503s on reads', async () => {
    const { http, clients } = clientsFor();
    await clients.tokens.token(undefined);
    t.sandbox.setFaults({
      rules: [
        { kind: 'throttle', path: ORGS, count: 2, retryAfterSeconds: 1 },
        { kind: 'error', path: ORGS, count: 2, status: 503 },
      ],
    });
    const top = await clients.organizations.listAll();
    expect(top.map((org) => org.id)).toContain(DEMO.orgs.business);
    expect(t.sandbox.getFaults().rules.every((rule) => rule.count === 0)).toBe(true);
    await http.close();
  });

  it('retries a read whose connection the server drops', async () => {
    const { http, clients } = clientsFor();
    await clients.tokens.token(undefined);
    t.sandbox.setFaults({ rules: [{ kind: 'drop', path: ORGS, count: 1 }] });
    const top = await clients.organizations.listAll();
    expect(top.length).toBeGreaterThan(0);
    await http.close();
  });

  it('retries a read whose body arrives truncated', async () => {
    const { http, clients } = clientsFor();
    await clients.tokens.token(undefined);
    t.sandbox.setFaults({ rules: [{ kind: 'truncate', path: ORGS, count: 1 }] });
    const top = await clients.organizations.listAll();
    expect(top.map((org) => org.id)).toContain(DEMO.orgs.business);
    expect(t.sandbox.getFaults().rules[0]!.count).toBe(0);
    await http.close();
  });

  it('never repeats a write: a dropped POST fails instead of being sent twice', async () => {
    const { http, clients } = clientsFor();
    await clients.tokens.token(undefined);
    t.sandbox.setFaults({ rules: [{ kind: 'drop', path: ORGS, method: 'POST', count: 1 }] });
    const before = t.sandbox.state.orgs.size;
    await expect(clients.organizations.create({ name: 'Once Only' })).rejects.toBeInstanceOf(
      NetworkError,
    );
    expect(t.sandbox.state.orgs.size - before).toBeLessThanOrEqual(1);
    await http.close();
  });

  it('reports an exhausted 5xx storm with the server status', async () => {
    const { http, clients } = clientsFor();
    await clients.tokens.token(undefined);
    t.sandbox.setFaults({ rules: [{ kind: 'error', path: ORGS, status: 502 }] });
    await expect(clients.organizations.listAll()).rejects.toMatchObject({ status: 502 });
    t.sandbox.setFaults({});
    await http.close();
  });

  it('refuses the sandbox when a different certificate is pinned', async () => {
    const wrong = t.sandbox.fingerprint256.replace(/^[0-9A-F]{2}/, (hex) =>
      hex === '00' ? '01' : '00',
    );
    const { http } = clientsFor({ trust: { type: 'pin', sha256: wrong } });
    const failure = await http
      .request({ method: 'GET', url: '/oauth2/jwks' })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TlsError);
    expect((failure as TlsError).message).toContain(t.sandbox.fingerprint256.slice(0, 11));
    await http.close();
  });

  it('accepts the sandbox with its own certificate pinned, and through an HTTP proxy', async () => {
    const seen: string[] = [];
    const proxy: Server = createProxy(createServer());
    proxy.on('connect', (req) => seen.push(String(req.url)));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const { http, clients } = clientsFor({
      trust: { type: 'pin', sha256: t.sandbox.fingerprint256 },
      proxyUrl,
    });
    const top = await clients.organizations.listAll();
    expect(top.length).toBeGreaterThan(0);
    expect(seen).toContain(new URL(t.url).host);
    await http.close();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('maps an API error body to a typed status error', async () => {
    const { http, clients } = clientsFor();
    const failure = await clients.organizations
      .get('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'ORG-60015', status: 404 });
    expect(failure).not.toBeInstanceOf(HttpStatusError);
    await http.close();
  });
});
