import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, probeCertificate, type Trust } from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { makeTestCerts, type TestCerts } from './support/certs';
import { sendJson, startHttps, type TestServer } from './support/servers';

let certs: TestCerts;
let caServer: TestServer;
let pinServer: TestServer;
let proxyUrl: string;
const connects: string[] = [];
const proxyServer = createProxy(createServer());

beforeAll(async () => {
  certs = await makeTestCerts();
  caServer = await startHttps(certs.caSigned, (_req, res) => sendJson(res, 200, { via: 'ca' }));
  pinServer = await startHttps(certs.selfSigned, (_req, res) => sendJson(res, 200, { via: 'pin' }));
  // The proxy consults `authenticate` for every request, so it doubles as a recorder.
  proxyServer.authenticate = (req: IncomingMessage) => {
    connects.push(`${req.method} ${req.url}`);
    return true;
  };
  await new Promise<void>((resolve) => proxyServer.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxyServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all([caServer.close(), pinServer.close()]);
  proxyServer.closeAllConnections();
  await new Promise((resolve) => proxyServer.close(resolve));
});

async function viaProxy(url: string, trust: Trust): Promise<unknown> {
  const client = createHttpClient({ baseUrl: url, trust, proxyUrl, logger: silentLogger });
  try {
    return (await client.request({ method: 'GET', url: '/through' })).body;
  } finally {
    await client.close();
  }
}

describe('proxy', () => {
  it('tunnels through a CONNECT proxy with a custom CA', async () => {
    connects.length = 0;
    await expect(viaProxy(caServer.url, { type: 'ca', pem: certs.caPem })).resolves.toEqual({
      via: 'ca',
    });
    expect(connects).toEqual([`CONNECT 127.0.0.1:${caServer.port}`]);
    expect(caServer.seen.map((r) => r.url)).toContain('/through');
  });

  it('keeps the pin check when tunnelling', async () => {
    connects.length = 0;
    const good = { type: 'pin' as const, sha256: certs.selfSigned.sha256 };
    await expect(viaProxy(pinServer.url, good)).resolves.toEqual({ via: 'pin' });
    const wrong = { type: 'pin' as const, sha256: certs.selfSignedTwin.sha256 };
    await expect(viaProxy(pinServer.url, wrong)).rejects.toMatchObject({
      code: 'TLS',
      reason: 'pin-mismatch',
      presentedSha256: certs.selfSigned.sha256,
    });
    expect(connects.every((line) => line === `CONNECT 127.0.0.1:${pinServer.port}`)).toBe(true);
    expect(connects.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses an untrusted certificate behind the proxy', async () => {
    await expect(viaProxy(pinServer.url, { type: 'system' })).rejects.toMatchObject({
      code: 'TLS',
      reason: 'untrusted',
    });
  });

  it('probes the certificate through the proxy', async () => {
    connects.length = 0;
    const probe = await probeCertificate({ url: pinServer.url, proxyUrl });
    expect(probe.sha256).toBe(certs.selfSigned.sha256);
    expect(connects).toEqual([`CONNECT 127.0.0.1:${pinServer.port}`]);
  });
});
