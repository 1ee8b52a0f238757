import type { ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  type HttpClientOptions,
  NetworkError,
  NotJsonError,
  TimeoutError,
  TooLargeError,
} from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';
import { makeTestCerts, type TestCerts } from './support/certs';
import { sendJson, startHttps, type TestServer } from './support/servers';

let certs: TestCerts;
let server: TestServer;
/** Per-path outcome of the server's writes of a big body: finished or cut off by the client. */
const bigBodyEnds = new Map<string, 'finished' | 'closed early'>();

const MB = 1024 * 1024;

function streamBytes(res: ServerResponse, path: string, total: number, declareLength: boolean) {
  res.writeHead(200, {
    'content-type': 'application/json',
    ...(declareLength ? { 'content-length': total } : {}),
  });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  res.on('close', () => bigBodyEnds.set(path, sent >= total ? 'finished' : 'closed early'));
  const pump = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

beforeAll(async () => {
  certs = await makeTestCerts();
  server = await startHttps(certs.caSigned, (req, res) => {
    switch (req.url ?? '') {
      case '/html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(
          '<html><body><h1>Login</h1><script>var s = 1;</script>Please sign in</body></html>',
        );
        return;
      case '/huge-streamed':
        streamBytes(res, '/huge-streamed', 30 * MB, false);
        return;
      case '/huge-declared':
        streamBytes(res, '/huge-declared', 30 * MB, true);
        return;
      case '/slow-headers':
        setTimeout(() => sendJson(res, 200, { late: true }), 3_000).unref();
        return;
      case '/stalled-body':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        res.write('{"partial":');
        return;
      case '/cut':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
        res.write('{"items":[1,2,3', () => res.socket?.destroy());
        return;
      default:
        sendJson(res, 200, { ok: true });
    }
  });
});

afterAll(() => server.close());

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    baseUrl: server.url,
    trust: { type: 'ca', pem: certs.caPem },
    logger: silentLogger,
    sleep: () => Promise.resolve(),
    ...extra,
  });
}

function countOf(path: string, method = 'GET'): number {
  return server.seen.filter((r) => r.url === path && r.method === method).length;
}

describe('response checks', () => {
  it('turns an HTML page into NotJsonError with the status and a tag-free snippet', async () => {
    const error = await client()
      .request({ method: 'GET', url: '/html' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotJsonError);
    const notJson = error as NotJsonError;
    expect(notJson.status).toBe(200);
    expect(notJson.contentType).toBe('text/html');
    expect(notJson.snippet).toBe('Login Please sign in');
  });

  it('aborts a 30 MB body streamed without Content-Length once it passes the 20 MB cap', async () => {
    const error = await client()
      .request({ method: 'GET', url: '/huge-streamed' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect((error as TooLargeError).limitBytes).toBe(20 * MB);
    await expect
      .poll(() => bigBodyEnds.get('/huge-streamed'), { timeout: 10_000 })
      .toBe('closed early');
  });

  it('refuses a body whose Content-Length already exceeds the cap', async () => {
    const error = await client({ maxResponseBytes: 1 * MB })
      .request({ method: 'GET', url: '/huge-declared' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOO_LARGE', limitBytes: MB });
    await expect
      .poll(() => bigBodyEnds.get('/huge-declared'), { timeout: 10_000 })
      .toBe('closed early');
  });
});

describe('timeouts', () => {
  it('gives up on a server that accepts the connection but never completes TLS', async () => {
    const sockets: Socket[] = [];
    const silent = createNetServer((socket) => {
      sockets.push(socket.on('error', () => undefined));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const error = await createHttpClient({
        baseUrl: `https://127.0.0.1:${port}`,
        trust: { type: 'ca', pem: certs.caPem },
        logger: silentLogger,
        timeouts: { connectMs: 300 },
      })
        .request({ method: 'GET', url: '/' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).phase).toBe('connect');
    } finally {
      silent.close();
      for (const socket of await new Promise<number>((r) =>
        silent.getConnections((_e, n) => r(n)),
      ).then(() => []))
        void socket;
    }
  });

  it('gives up when the headers do not arrive within the limit', async () => {
    const error = await client({ timeouts: { headersMs: 300 }, retry: { maxAttempts: 1 } })
      .request({ method: 'GET', url: '/slow-headers' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('headers');
  });

  it('gives up when the body stalls', async () => {
    const error = await client({ timeouts: { bodyMs: 300 } })
      .request({ method: 'GET', url: '/stalled-body' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', phase: 'body' });
  });
});

describe('connection cut mid-response', () => {
  it('reports a NetworkError after retrying a GET', async () => {
    const before = countOf('/cut');
    const error = await client({ retry: { maxAttempts: 3 } })
      .request({ method: 'GET', url: '/cut' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).kind).toBe('reset');
    expect(countOf('/cut') - before).toBe(3);
  });

  it('never repeats a POST', async () => {
    const before = countOf('/cut', 'POST');
    const error = await client({ retry: { maxAttempts: 3 } })
      .request({ method: 'POST', url: '/cut', json: { agentIds: ['a'] } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NETWORK', kind: 'reset' });
    expect(countOf('/cut', 'POST') - before).toBe(1);
  });
});
