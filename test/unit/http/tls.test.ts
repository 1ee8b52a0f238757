import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, probeCertificate, TlsError, type Trust } from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { makeTestCerts, type TestCerts } from './support/certs';
import { sendJson, startHttps, type TestServer } from './support/servers';

let certs: TestCerts;
const servers: TestServer[] = [];

async function serve(which: keyof Omit<TestCerts, 'caPem'>): Promise<TestServer> {
  const server = await startHttps(certs[which], (_req, res) => sendJson(res, 200, { ok: true }));
  servers.push(server);
  return server;
}

async function get(url: string, trust: Trust): Promise<unknown> {
  const client = createHttpClient({ baseUrl: url, trust, logger: silentLogger });
  try {
    return (await client.request({ method: 'GET', url: '/ping' })).body;
  } finally {
    await client.close();
  }
}

beforeAll(async () => {
  certs = await makeTestCerts();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
});

afterAll(() => {
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
});

describe('TLS trust', () => {
  it('refuses a self-signed server when only the system CAs are trusted', async () => {
    const server = await serve('selfSigned');
    const error = await get(server.url, { type: 'system' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsError);
    expect(error).toMatchObject({ code: 'TLS', reason: 'untrusted', selfSigned: true });
    expect(server.seen).toHaveLength(0);
  });

  it('accepts a server whose certificate is signed by the configured CA', async () => {
    const server = await serve('caSigned');
    await expect(get(server.url, { type: 'ca', pem: certs.caPem })).resolves.toEqual({ ok: true });
  });

  it('refuses a CA-signed certificate issued for another host name', async () => {
    const server = await serve('wrongHost');
    const error = await get(server.url, { type: 'ca', pem: certs.caPem }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TLS', reason: 'hostname' });
    expect(server.seen).toHaveLength(0);
  });

  it('accepts exactly the pinned certificate', async () => {
    const server = await serve('selfSigned');
    const body = await get(server.url, { type: 'pin', sha256: certs.selfSigned.sha256 });
    expect(body).toEqual({ ok: true });
  });

  it('refuses a different certificate with the same common name, naming its fingerprint', async () => {
    const server = await serve('selfSignedTwin');
    const error = await get(server.url, { type: 'pin', sha256: certs.selfSigned.sha256 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TlsError);
    const tlsError = error as TlsError;
    expect(tlsError.reason).toBe('pin-mismatch');
    expect(tlsError.presentedSha256).toBe(certs.selfSignedTwin.sha256);
    expect(tlsError.message).toContain('certificate not trusted: self-signed');
    expect(tlsError.message).toContain(certs.selfSignedTwin.sha256);
    expect(server.seen).toHaveLength(0);
  });

  it('still refuses an untrusted certificate when NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    const server = await serve('selfSigned');
    const system = await get(server.url, { type: 'system' }).catch((e: unknown) => e);
    expect(system).toMatchObject({ code: 'TLS', reason: 'untrusted' });
    const otherCa = await get(server.url, { type: 'ca', pem: certs.caPem }).catch(
      (e: unknown) => e,
    );
    expect(otherCa).toMatchObject({ code: 'TLS', reason: 'untrusted' });
    const pinned = await get(server.url, { type: 'pin', sha256: certs.caSigned.sha256 }).catch(
      (e: unknown) => e,
    );
    expect(pinned).toMatchObject({ code: 'TLS', reason: 'pin-mismatch' });
    expect(server.seen).toHaveLength(0);
  });
});

describe('certificate probe', () => {
  it('reports the fingerprint of a self-signed server and that it is not trusted', async () => {
    const server = await serve('selfSigned');
    const probe = await probeCertificate({ url: server.url, trust: { type: 'system' } });
    expect(probe.sha256).toBe(certs.selfSigned.sha256);
    expect(probe.selfSigned).toBe(true);
    expect(probe.trusted).toBe(false);
    expect(probe.verifyCode).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(probe.pem).toContain('BEGIN CERTIFICATE');
    expect(server.seen).toHaveLength(0);
  });

  it('says a CA-signed certificate is trusted under that CA and a pin matches its leaf', async () => {
    const server = await serve('caSigned');
    const withCa = await probeCertificate({
      url: server.url,
      trust: { type: 'ca', pem: certs.caPem },
    });
    expect(withCa).toMatchObject({
      trusted: true,
      selfSigned: false,
      sha256: certs.caSigned.sha256,
    });
    const pinned = await probeCertificate({
      url: server.url,
      trust: { type: 'pin', sha256: withCa.sha256 },
    });
    expect(pinned.trusted).toBe(true);
  });
});
