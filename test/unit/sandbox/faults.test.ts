import { describe, expect, it, vi } from 'vitest';
import { FaultInjector, faultConfigSchema } from '../../../main/sandbox/faults';
import { json, type Reply, type RequestContext } from '../../../main/sandbox/http';

interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  chunks: Buffer[];
  destroyed: boolean;
}

function fakeContext(rawPath: string, method = 'GET') {
  const response: FakeResponse = { chunks: [], destroyed: false };
  const socket = { destroy: vi.fn() };
  const res = {
    headersSent: false,
    writeHead(status: number, headers: Record<string, string>) {
      response.status = status;
      response.headers = headers;
      this.headersSent = true;
    },
    write(chunk: Buffer, done?: () => void) {
      response.chunks.push(chunk);
      done?.();
    },
    end(chunk?: Buffer) {
      if (chunk) response.chunks.push(chunk);
    },
    destroy() {
      response.destroyed = true;
    },
    socket,
  };
  const path = rawPath.replace(/^\/t\/[^/]+/, '');
  const ctx = {
    rawPath,
    path,
    method,
    traceId: 't',
    req: { socket },
    res,
  } as unknown as RequestContext;
  return { ctx, response, socket };
}

async function outcomes(injector: FaultInjector, count: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    const { ctx } = fakeContext('/api/server/v1/organizations');
    seen.push(await injector.beforeDispatch(ctx));
  }
  return seen;
}

describe('fault injector', () => {
  it('repeats the same decisions for the same seed', async () => {
    const config = { seed: 42, rules: [{ kind: 'error' as const, rate: 0.5 }] };
    const a = new FaultInjector();
    a.set(config);
    const b = new FaultInjector();
    b.set(config);
    const c = new FaultInjector();
    c.set({ ...config, seed: 43 });
    const [ra, rb, rc] = [await outcomes(a, 60), await outcomes(b, 60), await outcomes(c, 60)];
    expect(ra).toEqual(rb);
    expect(ra).not.toEqual(rc);
    expect(ra.filter((o) => o === 'handled').length).toBeGreaterThan(10);
    expect(ra.filter((o) => o === 'continue').length).toBeGreaterThan(10);
  });

  it('fails exactly the next N matching requests with the configured status', async () => {
    const injector = new FaultInjector();
    injector.set({ rules: [{ kind: 'error', count: 2, status: 502, path: '/api/' }] });
    const other = fakeContext('/scim2/Agents');
    expect(await injector.beforeDispatch(other.ctx)).toBe('continue');
    const hit = fakeContext('/api/server/v1/organizations');
    expect(await injector.beforeDispatch(hit.ctx)).toBe('handled');
    expect(hit.response.status).toBe(502);
    expect(JSON.parse(Buffer.concat(hit.response.chunks).toString())).toMatchObject({
      code: 'SBX-50200',
    });
    expect(await outcomes(injector, 3)).toEqual(['handled', 'continue', 'continue']);
    expect(injector.get().rules[0]!.count).toBe(0);
  });

  it('throttles with 429 and Retry-After, in the OAuth shape on OAuth paths', async () => {
    const injector = new FaultInjector();
    injector.set({ rules: [{ kind: 'throttle', retryAfterSeconds: 9 }] });
    const { ctx, response } = fakeContext('/oauth2/token', 'POST');
    expect(await injector.beforeDispatch(ctx)).toBe('handled');
    expect(response.status).toBe(429);
    expect(response.headers).toMatchObject({ 'Retry-After': '9', 'X-Sandbox-Fault': 'throttle' });
    expect(JSON.parse(Buffer.concat(response.chunks).toString())).toMatchObject({
      error: 'slow_down',
    });
  });

  it('delays through the injected sleep and marks the reply', async () => {
    const sleep = vi.fn(() => Promise.resolve());
    const injector = new FaultInjector({ sleep });
    injector.set({
      rules: [{ kind: 'latency', latencyMs: 750, method: 'get', pathRegex: 'organizations$' }],
    });
    const { ctx } = fakeContext('/api/server/v1/organizations');
    expect(await injector.beforeDispatch(ctx)).toBe('continue');
    expect(sleep).toHaveBeenCalledWith(750);
    const written: Reply[] = [];
    injector.write(ctx, json(200, {}), (reply) => written.push(reply));
    expect(written[0]!.headers).toMatchObject({ 'X-Sandbox-Fault': 'latency=750ms' });
    const post = fakeContext('/api/server/v1/organizations', 'POST');
    await injector.beforeDispatch(post.ctx);
    expect(sleep).toHaveBeenCalledTimes(1);
  });

  it('drops connections and truncates bodies', async () => {
    const injector = new FaultInjector();
    injector.set({ rules: [{ kind: 'drop', count: 1 }, { kind: 'truncate' }] });
    const dropped = fakeContext('/api/server/v1/organizations');
    expect(await injector.beforeDispatch(dropped.ctx)).toBe('handled');
    expect(dropped.socket.destroy).toHaveBeenCalled();

    const cut = fakeContext('/api/server/v1/organizations');
    expect(await injector.beforeDispatch(cut.ctx)).toBe('continue');
    const body = { organizations: Array.from({ length: 20 }, (_, i) => ({ id: String(i) })) };
    injector.write(cut.ctx, json(200, body), () => {
      throw new Error('a truncated reply must not be written whole');
    });
    const full = Buffer.byteLength(JSON.stringify(body));
    expect(cut.response.headers!['Content-Length']).toBe(String(full));
    expect(Buffer.concat(cut.response.chunks).length).toBe(Math.floor(full / 2));
    expect(cut.response.destroyed).toBe(true);
  });

  it('never touches the control endpoints', async () => {
    const injector = new FaultInjector();
    injector.set({ rules: [{ kind: 'error' }] });
    const { ctx } = fakeContext('/sandbox/control/faults', 'PUT');
    expect(await injector.beforeDispatch(ctx)).toBe('continue');
  });

  it.each([
    [{ rules: [{ kind: 'error', rate: 1.5 }] }, 'rules.0.rate'],
    [{ rules: [{ kind: 'error', status: 404 }] }, 'rules.0.status'],
    [{ rules: [{ kind: 'latency', pathRegex: '(' }] }, 'rules.0.pathRegex'],
    [{ rules: [{ kind: 'explode' }] }, 'rules.0.kind'],
    [{ rules: [], extra: true }, ''],
  ])('rejects invalid settings %j naming %s', (input, field) => {
    const result = faultConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join('.')).toBe(field);
  });
});
