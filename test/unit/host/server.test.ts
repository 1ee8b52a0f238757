import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../main/host/server';
import { silentLogger } from '../../../main/log/logger';
import type { Handlers } from '../../../preload/contract';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  host: BrowserHost,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: url.host, ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

let host: BrowserHost;
let handlerCalls = 0;

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sharedesk-host-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ShareDesk</title>');
  handlerCalls = 0;
  const handlers = {
    getAppInfo: () => {
      handlerCalls++;
      return Promise.resolve({
        name: 'ShareDesk',
        version: '1',
        host: 'browser' as const,
        keychain: { backend: 'memory' as const, reason: 'no keychain' },
      });
    },
  } as unknown as Handlers;
  host = await startBrowserHost({ rendererDir: dir, handlers, logger: silentLogger });
});

afterEach(async () => {
  await host.close();
});

async function login(): Promise<string> {
  const launch = new URL(host.launchUrl);
  const answer = await send(host, `${launch.pathname}${launch.search}`);
  expect(answer.status).toBe(302);
  const cookie = String(answer.headers['set-cookie']).split(';')[0]!;
  expect(String(answer.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  return cookie;
}

describe('browser host', () => {
  it('binds to 127.0.0.1 and trades the launch token for a session cookie', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const cookie = await login();
    const page = await send(host, '/', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('ShareDesk');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
  });

  it('refuses a wrong launch token and requests without the session', async () => {
    expect((await send(host, '/?token=wrong')).status).toBe(403);
    expect((await send(host, '/')).status).toBe(401);
    expect((await send(host, '/', { headers: { Cookie: 'sharedesk_session=guess' } })).status).toBe(
      401,
    );
  });

  it('refuses a foreign Host header (DNS rebinding) even with the session', async () => {
    const cookie = await login();
    const answer = await send(host, '/', { headers: { Cookie: cookie, Host: 'evil.example:80' } });
    expect(answer.status).toBe(403);
    const launch = new URL(host.launchUrl);
    const rebinding = await send(host, `/${launch.search}`, { headers: { Host: 'attacker.test' } });
    expect(rebinding.status).toBe(403);
  });

  it('runs RPC calls only from its own origin', async () => {
    const cookie = await login();
    const rpc = (headers: Record<string, string>, body = '{}') =>
      send(host, '/rpc/getAppInfo', {
        method: 'POST',
        headers: { Cookie: cookie, ...headers },
        body,
      });

    const ok = await rpc({ Origin: host.origin, 'Content-Type': 'application/json' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { host: 'browser' } });

    expect((await rpc({ 'Content-Type': 'application/json' })).status).toBe(403);
    expect(
      (await rpc({ Origin: 'http://evil.example', 'Content-Type': 'application/json' })).status,
    ).toBe(403);
    expect((await rpc({ Origin: host.origin, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(handlerCalls).toBe(1);

    const unknown = await send(host, '/rpc/invoke', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: host.origin, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(unknown.status).toBe(404);
    const bad = await rpc({ Origin: host.origin, 'Content-Type': 'application/json' }, '{"x":1}');
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('streams events to a signed-in page', async () => {
    const cookie = await login();
    const url = new URL(host.origin);
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/events',
          headers: { Host: url.host, Cookie: cookie },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes(': connected')) {
              host.broadcast('keychainStatus', { backend: 'memory', reason: 'test' });
            }
            if (text.includes('event: keychainStatus')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"backend":"memory","reason":"test"}');
  });
});
