import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord } from '../../../main/log/logger';
import { startLoopbackListener, type LoopbackListener } from '../../../main/flows/loopback';

const STATE = 'Xq3u0pW1lJmB5fJc9n2kq8vD1zR7tYx4aHs6GeLwPoI';
const ISSUER = 'https://localhost:9443/oauth2/token';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

const open: LoopbackListener[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((listener) => listener.close()));
});

async function start(options: { expectedIssuer?: string; timeoutMs?: number } = {}) {
  const records: LogRecord[] = [];
  const logger = createLogger('loopback', { level: 'debug', sinks: [(r) => records.push(r)] });
  const listener = await startLoopbackListener({
    path: '/callback',
    expectedState: STATE,
    timeoutMs: options.timeoutMs ?? 60_000,
    logger,
    ...(options.expectedIssuer !== undefined && { expectedIssuer: options.expectedIssuer }),
  });
  open.push(listener);
  const port = Number(new URL(listener.redirectUri).port);
  return { listener, port, records };
}

function send(
  port: number,
  path: string,
  options: { host?: string; method?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        agent: false,
        headers: { Host: options.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the connection error code; a successful connect is a test failure. */
function connectError(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host });
    socket.on('connect', () => {
      socket.destroy();
      reject(new Error(`port ${port} on ${host} is still open`));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'unknown'));
  });
}

const callback = (params: Record<string, string>) =>
  `/callback?${new URLSearchParams(params).toString()}`;

describe('loopback redirect listener', () => {
  it('binds 127.0.0.1 on an ephemeral port and returns the exact redirect URI', async () => {
    const { listener, port } = await start();

    expect(listener.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    expect(port).toBeGreaterThan(0);
    await expect(connectError(port, '::1')).resolves.toBeTypeOf('string');
  });

  it('yields the code once, answers a fixed page, and closes the port', async () => {
    const { listener, port, records } = await start();

    const answer = await send(port, callback({ code: 'auth-code-1', state: STATE }));
    const result = await listener.result;

    expect(result).toEqual({ ok: true, code: 'auth-code-1', state: STATE });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('You can close this window');
    expect(answer.headers['content-security-policy']).toBe("default-src 'none'");
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(await connectError(port)).toBe('ECONNREFUSED');
    expect(JSON.stringify(records)).not.toContain('auth-code-1');
    expect(JSON.stringify(records)).not.toContain(STATE);
  });

  it('closes even while a browser holds an idle preconnected socket', async () => {
    const { listener, port } = await start();
    const idle = connect({ port, host: '127.0.0.1' });
    await new Promise((resolve) => idle.once('connect', resolve));
    const dropped = new Promise((resolve) => idle.once('close', resolve));

    await send(port, callback({ code: 'c', state: STATE }));

    expect(await listener.result).toMatchObject({ ok: true });
    await dropped;
    expect(await connectError(port)).toBe('ECONNREFUSED');
  });

  it('accepts a matching iss and returns it', async () => {
    const { listener, port } = await start({ expectedIssuer: ISSUER });

    await send(port, callback({ code: 'c', state: STATE, iss: ISSUER }));

    expect(await listener.result).toEqual({ ok: true, code: 'c', state: STATE, iss: ISSUER });
  });

  it.each([
    ['a wrong Host header', { host: 'evil.example' }],
    ['localhost as Host', { host: 'localhost:PORT' }],
    ['a Host without the port', { host: '127.0.0.1' }],
  ])('rejects %s with 400 without consuming the flow', async (_label, options) => {
    const { listener, port } = await start();

    const rejected = await send(port, callback({ code: 'evil', state: STATE }), {
      host: options.host.replace('PORT', String(port)),
    });
    await send(port, callback({ code: 'good', state: STATE }));

    expect(rejected.status).toBe(400);
    expect(await listener.result).toMatchObject({ ok: true, code: 'good' });
  });

  it.each([
    ['/favicon.ico', 'GET', 404],
    ['/callback/extra', 'GET', 404],
    ['/Callback', 'GET', 404],
    ['//evil.example/callback', 'GET', 404],
    ['/callback/../callback', 'GET', 404],
    ['/callback', 'POST', 405],
    ['/callback', 'HEAD', 405],
  ])('answers %s %s with %i without consuming the flow', async (path, method, status) => {
    const { listener, port } = await start();

    const answer = await send(port, `${path}?code=x&state=${STATE}`, { method });
    await send(port, callback({ code: 'good', state: STATE }));

    expect(answer.status).toBe(status);
    if (status === 405) expect(answer.headers.allow).toBe('GET');
    expect(await listener.result).toMatchObject({ ok: true, code: 'good' });
  });

  it.each([
    ['missing state', { code: 'c' }, 'state_missing'],
    ['empty state', { code: 'c', state: '' }, 'state_missing'],
    ['another flow state', { code: 'c', state: `${STATE.slice(0, -1)}J` }, 'state_mismatch'],
    ['a shorter state', { code: 'c', state: 'abc' }, 'state_mismatch'],
    ['a foreign iss', { code: 'c', state: STATE, iss: 'https://evil.example' }, 'issuer_mismatch'],
    ['no code', { state: STATE }, 'missing_code'],
  ])('resolves %s as an error with no code, then closes', async (_label, params, kind) => {
    const { listener, port } = await start({ expectedIssuer: ISSUER });

    const answer = await send(port, callback(params));
    const result = await listener.result;

    expect(answer.status).toBe(400);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind }) });
    expect(result).not.toHaveProperty('code');
    expect(await connectError(port)).toBe('ECONNREFUSED');
  });

  it('refuses a repeated state parameter', async () => {
    const { listener, port } = await start();

    await send(port, `/callback?code=c&state=${STATE}&state=other`);

    expect(await listener.result).toMatchObject({
      ok: false,
      error: { kind: 'duplicate_parameter' },
    });
  });

  it('reports the server error as text and never reflects parameters in the page', async () => {
    const { listener, port } = await start();
    const description = '<script>alert(1)</script> consent denied';

    const answer = await send(
      port,
      callback({
        error: 'access_denied',
        error_description: description,
        error_uri: 'https://evil.example/help',
        state: STATE,
      }),
    );

    expect(await listener.result).toEqual({
      ok: false,
      error: {
        kind: 'authorization_error',
        message: 'the server refused the authorization',
        error: 'access_denied',
        errorDescription: description,
        errorUri: 'https://evil.example/help',
      },
    });
    expect(answer.body).not.toContain('script');
    expect(answer.body).not.toContain('access_denied');
    expect(answer.body).not.toContain('evil.example');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('times out, resolves a timeout error and closes the port', async () => {
    const { listener, port } = await start({ timeoutMs: 30 });

    const result = await listener.result;

    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(await connectError(port)).toBe('ECONNREFUSED');
  });

  it('closes on request and reports the flow as cancelled', async () => {
    const { listener, port } = await start();

    await listener.close();

    expect(await listener.result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(await connectError(port)).toBe('ECONNREFUSED');
  });

  it('refuses a callback path that is not a bare path', async () => {
    const logger = createLogger('t', { sinks: [] });
    const options = { expectedState: STATE, timeoutMs: 1000, logger };

    await expect(startLoopbackListener({ ...options, path: 'callback' })).rejects.toThrow(
      RangeError,
    );
    await expect(startLoopbackListener({ ...options, path: '/cb?x=1' })).rejects.toThrow(
      RangeError,
    );
  });
});
