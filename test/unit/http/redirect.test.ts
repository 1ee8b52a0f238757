import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, RedirectError } from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { makeTestCerts, type TestCerts } from './support/certs';
import { sendJson, startHttps, type TestServer } from './support/servers';

let certs: TestCerts;
let server: TestServer;
/** Another origin (same host, other port) that records whatever reaches it. */
let elsewhere: TestServer;

beforeAll(async () => {
  certs = await makeTestCerts();
  elsewhere = await startHttps(certs.caSigned, (_req, res) => sendJson(res, 200, { stolen: true }));
  server = await startHttps(certs.caSigned, (req, res) => {
    const to = (location: string, status = 302): void => {
      res.writeHead(status, { location });
      res.end();
    };
    switch (req.url ?? '') {
      case '/away':
        return to(`${elsewhere.url}/collect?from=away`);
      case '/evil':
        return to('https://evil.example/');
      case '/moved':
        return to('/t/carbon.super/here', 301);
      case '/loop':
        return to('/loop');
      case '/post-moved':
        return to('/t/carbon.super/here', 307);
      default:
        return sendJson(res, 200, { at: req.url, auth: req.headers.authorization ?? null });
    }
  });
});

afterAll(() => Promise.all([server.close(), elsewhere.close()]));

function client() {
  return createHttpClient({
    baseUrl: server.url,
    trust: { type: 'ca', pem: certs.caPem },
    logger: silentLogger,
  });
}

describe('redirects', () => {
  it('refuses a redirect to another origin and never sends the bearer there', async () => {
    const error = await client()
      .request({ method: 'GET', url: '/away', bearer: 'admin-token-123456' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({
      reason: 'cross-origin',
      status: 302,
      location: `${elsewhere.url}/collect`,
    });
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('refuses a redirect to https://evil.example/', async () => {
    await expect(
      client().request({ method: 'GET', url: '/evil', bearer: 'admin-token-123456' }),
    ).rejects.toMatchObject({ code: 'REDIRECT', reason: 'cross-origin' });
  });

  it('follows a same-origin redirect for a GET and keeps the credentials', async () => {
    const response = await client().request({ method: 'GET', url: '/moved', bearer: 'tok-abcdef' });
    expect(response.body).toEqual({ at: '/t/carbon.super/here', auth: 'Bearer tok-abcdef' });
    expect(response.url).toBe(`${server.url}/t/carbon.super/here`);
  });

  it('stops after too many redirects', async () => {
    await expect(client().request({ method: 'GET', url: '/loop' })).rejects.toMatchObject({
      reason: 'too-many',
    });
  });

  it('does not follow a redirect for a write', async () => {
    const before = server.seen.filter((r) => r.url === '/t/carbon.super/here').length;
    await expect(
      client().request({ method: 'POST', url: '/post-moved', json: { a: 1 } }),
    ).rejects.toMatchObject({ reason: 'method', status: 307 });
    expect(server.seen.filter((r) => r.url === '/t/carbon.super/here')).toHaveLength(before);
  });

  it('refuses to send a request to another origin at all', async () => {
    await expect(
      client().request({ method: 'GET', url: `${elsewhere.url}/direct`, bearer: 'x-123456' }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(elsewhere.seen).toHaveLength(0);
  });
});
