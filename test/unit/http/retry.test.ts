import { MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHttpClient,
  DEFAULT_RETRY,
  type HttpClientOptions,
  HttpStatusError,
  parseRetryAfter,
} from '../../../main/http';
import { silentLogger } from '../../../main/log/logger';

const ORIGIN = 'https://is.example';
let agent: MockAgent;
let calls: string[];

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  calls = [];
});

afterEach(async () => {
  vi.useRealTimers();
  await agent.close();
});

/** Queues replies for one path; each reply is [status, headers?]. */
function replies(method: string, path: string, list: [number, Record<string, string>?][]) {
  const pool = agent.get(ORIGIN);
  for (const [status, headers] of list) {
    pool.intercept({ method, path }).reply(() => {
      calls.push(`${method} ${path}`);
      return {
        statusCode: status,
        data: status < 300 ? { ok: status } : { code: 'X', message: `status ${status}` },
        responseOptions: { headers: { 'content-type': 'application/json', ...headers } },
      };
    });
  }
}

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    baseUrl: ORIGIN,
    trust: { type: 'system' },
    logger: silentLogger,
    dispatcher: agent,
    ...extra,
  });
}

/** Lets real I/O callbacks (the mock's replies) run without moving fake time. */
async function flushIo(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('Retry-After', () => {
  it('waits at least the 7 s a 429 asks for, measured on fake timers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    replies('GET', '/orgs', [[429, { 'retry-after': '7' }], [200]]);
    const pending = client().request({ method: 'GET', url: '/orgs' });
    await flushIo();
    expect(calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(6_999);
    await flushIo();
    expect(calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    const response = await pending;
    expect(calls).toHaveLength(2);
    expect(response.body).toEqual({ ok: 200 });
  });

  it('honours an HTTP-date', async () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const waits: number[] = [];
    replies('GET', '/orgs', [[503, { 'retry-after': 'Thu, 03 Dec 2026 10:00:12 GMT' }], [200]]);
    const response = await client({
      clock: () => now,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    }).request({ method: 'GET', url: '/orgs' });
    expect(response.status).toBe(200);
    expect(waits).toEqual([12_000]);
  });

  it('caps absurd values at 30 s', async () => {
    const waits: number[] = [];
    replies('GET', '/orgs', [
      [429, { 'retry-after': '86400000' }],
      [429, { 'retry-after': 'Fri, 31 Dec 9999 23:59:59 GMT' }],
      [200],
    ]);
    await client({ sleep: (ms) => (waits.push(ms), Promise.resolve()) }).request({
      method: 'GET',
      url: '/orgs',
    });
    expect(waits).toEqual([30_000, 30_000]);
  });
});

describe('backoff', () => {
  it('rides out a 5xx storm for a GET with growing, jittered waits', async () => {
    const waits: number[] = [];
    replies('GET', '/agents', [[502], [503], [504], [200]]);
    const response = await client({
      random: () => 0.5,
      sleep: (ms) => (waits.push(ms), Promise.resolve()),
    }).request({ method: 'GET', url: '/agents' });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(4);
    // Equal jitter: half of base·2^(n-1) fixed plus half of it times random().
    expect(waits).toEqual([375, 750, 1_500]);
  });

  it('keeps every wait between half and all of the capped exponential delay', async () => {
    for (const random of [0, 0.999999]) {
      const waits: number[] = [];
      replies('GET', '/agents', [[503], [503], [503], [503]]);
      const error = await client({
        random: () => random,
        retry: { maxAttempts: 4, baseDelayMs: 4_000, maxDelayMs: 10_000 },
        sleep: (ms) => (waits.push(ms), Promise.resolve()),
      })
        .request({ method: 'GET', url: '/agents' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpStatusError);
      const caps = [4_000, 8_000, 10_000];
      waits.forEach((ms, i) => {
        expect(ms).toBeGreaterThanOrEqual(caps[i]! / 2);
        expect(ms).toBeLessThanOrEqual(caps[i]!);
      });
      expect(waits).toHaveLength(3);
    }
  });

  it('gives up after maxAttempts with the last status and its WSO2 error body', async () => {
    replies('GET', '/agents', [[503], [503], [503], [503]]);
    const error = await client({ sleep: () => Promise.resolve() })
      .request({ method: 'GET', url: '/agents' })
      .catch((e: unknown) => e);
    expect(calls).toHaveLength(DEFAULT_RETRY.maxAttempts);
    expect(error).toMatchObject({ status: 503, wso2: { code: 'X', message: 'status 503' } });
  });

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'] as const)('never retries %s', async (method) => {
    replies(method, '/agents/share', [[503], [200]]);
    const error = await client({ sleep: () => Promise.resolve() })
      .request({ method, url: '/agents/share', json: { agentIds: ['a'] } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HTTP_STATUS', status: 503 });
    expect(calls).toEqual([`${method} /agents/share`]);
  });

  it('does not retry 400, 404 or 500', async () => {
    for (const status of [400, 404, 500]) {
      calls = [];
      replies('GET', `/s${status}`, [[status], [200]]);
      await expect(
        client({ sleep: () => Promise.resolve() }).request({ method: 'GET', url: `/s${status}` }),
      ).rejects.toMatchObject({ status });
      expect(calls).toHaveLength(1);
    }
  });

  it('stops waiting when the caller aborts', async () => {
    replies('GET', '/orgs', [[429, { 'retry-after': '20' }], [200]]);
    const controller = new AbortController();
    const pending = client().request({ method: 'GET', url: '/orgs', signal: controller.signal });
    await flushIo();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ABORTED' });
    expect(calls).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  it.each([
    ['7', 7_000],
    [' 0 ', 0],
    ['Thu, 03 Dec 2026 10:00:30 GMT', 30_000],
    ['Thu, 03 Dec 2026 09:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
