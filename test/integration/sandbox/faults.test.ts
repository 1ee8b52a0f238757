/**
 * Fault injection over real HTTPS, set through the control endpoint and through
 * `startSandbox({ faults })`: latency, 5xx, 429 with Retry-After, dropped connections and
 * truncated bodies are all observable by a client, deterministically.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

interface ErrorBody {
  code?: string;
  error?: string;
  description?: string;
  rules?: { kind: string; count?: number }[];
}

const ORGS = '/t/carbon.super/api/server/v1/organizations';
const CONTROL = '/sandbox/control/faults';

let t: TestSandbox;
let admin: string;

beforeAll(async () => {
  t = await startTestSandbox();
  admin = await t.adminToken();
});
beforeEach(() => {
  t.sandbox.setFaults({});
});
afterAll(async () => {
  await t.stop();
});

const putFaults = (json: unknown, token = t.sandbox.controlToken) =>
  t.api<ErrorBody>('PUT', CONTROL, { token, json });
const listOrgs = () => t.api<ErrorBody>('GET', ORGS, { token: admin, query: { limit: 1 } });

describe('control endpoint', () => {
  it('requires the control token', async () => {
    expect((await t.api('GET', CONTROL)).status).toBe(401);
    expect((await t.api('GET', CONTROL, { token: admin })).status).toBe(401);
    expect((await putFaults({ rules: [] }, 'wrong')).status).toBe(401);
    expect((await t.api('GET', CONTROL, { token: t.sandbox.controlToken })).status).toBe(200);
  });

  it('validates settings and names the failing field', async () => {
    const response = await putFaults({ rules: [{ kind: 'error', rate: 3 }] });
    expect(response.status).toBe(400);
    expect(response.body.description).toMatch(/^rules\.0\.rate:/);
    const malformed = await t.api<ErrorBody>('PUT', CONTROL, {
      token: t.sandbox.controlToken,
      body: '{',
      contentType: 'application/json',
    });
    expect(malformed.status).toBe(400);
  });

  it('is never itself affected by faults', async () => {
    expect((await putFaults({ rules: [{ kind: 'error' }] })).status).toBe(200);
    expect((await t.api('GET', CONTROL, { token: t.sandbox.controlToken })).status).toBe(200);
    expect((await listOrgs()).status).toBe(503);
  });
});

describe('faults seen by a client', () => {
  it('adds latency and marks the response', async () => {
    await putFaults({ rules: [{ kind: 'latency', latencyMs: 30, path: '/t/carbon.super/api/' }] });
    const slowed = await listOrgs();
    expect(slowed.status).toBe(200);
    expect(slowed.headers['x-sandbox-fault']).toBe('latency=30ms');
    const other = await t.api('GET', '/t/carbon.super/scim2/Agents', { token: admin });
    expect(other.headers['x-sandbox-fault']).toBeUndefined();
  });

  it('fails the next N requests with a 5xx, then recovers', async () => {
    await putFaults({ rules: [{ kind: 'error', status: 502, count: 2 }] });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await listOrgs()).status);
    expect(statuses).toEqual([502, 502, 200, 200]);
    const state = await t.api<ErrorBody>('GET', CONTROL, { token: t.sandbox.controlToken });
    expect(state.body.rules![0]!.count).toBe(0);
  });

  it('throttles with 429 and Retry-After, in the OAuth error shape at the token endpoint', async () => {
    await putFaults({ rules: [{ kind: 'throttle', retryAfterSeconds: 4 }] });
    const api = await listOrgs();
    expect(api.status).toBe(429);
    expect(api.headers['retry-after']).toBe('4');
    expect(api.body.code).toBe('SBX-42900');
    const token = await t.api<ErrorBody>('POST', '/oauth2/token', {
      body: 'grant_type=client_credentials',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(token.status).toBe(429);
    expect(token.body.error).toBe('slow_down');
  });

  it('drops the connection', async () => {
    await putFaults({ rules: [{ kind: 'drop', count: 1 }] });
    await expect(listOrgs()).rejects.toThrow();
    expect((await listOrgs()).status).toBe(200);
  });

  it('truncates the body below its Content-Length', async () => {
    await putFaults({ rules: [{ kind: 'truncate', count: 1 }] });
    await expect(
      t.api('GET', ORGS, { token: admin, query: { limit: 50, recursive: true } }),
    ).rejects.toThrow();
    expect((await listOrgs()).status).toBe(200);
  });

  it('repeats the same random decisions for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      await putFaults({ seed: 9, rules: [{ kind: 'error', rate: 0.5 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await listOrgs()).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 503]));
  });
});

describe('faults from the start options, and reset', () => {
  it('applies faults given to startSandbox and resets data and faults', async () => {
    const other = await startTestSandbox({
      faults: { rules: [{ kind: 'error', status: 500, count: 1, path: '/t/carbon.super/api/' }] },
    });
    try {
      const token = await other.adminToken();
      expect((await other.api('GET', ORGS, { token })).status).toBe(500);
      const created = await other.api<{ id: string }>('POST', ORGS, {
        token,
        json: { name: 'Temporary' },
      });
      expect(created.status).toBe(201);
      other.sandbox.setFaults({ rules: [{ kind: 'latency', latencyMs: 1 }] });

      const reset = await other.api('POST', '/sandbox/control/reset', {
        token: other.sandbox.controlToken,
      });
      expect(reset.status).toBe(200);
      expect(other.sandbox.state.orgs.has(created.body.id)).toBe(false);
      expect(other.sandbox.getFaults().rules).toEqual([]);
      const fresh = await other.adminToken();
      expect((await other.api('GET', `${ORGS}/${created.body.id}`, { token: fresh })).status).toBe(
        404,
      );
    } finally {
      await other.stop();
    }
  });
});
