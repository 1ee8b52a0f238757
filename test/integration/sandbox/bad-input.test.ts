/**
 * Hostile and malformed input over real HTTPS: every request gets a WSO2-shaped error (or an
 * ordinary answer), never a crash or a hang, and the server keeps answering afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectMatchesSpec } from '../../support/openapi';
import { startTestSandbox, type ApiResponse, type TestSandbox } from '../../support/sandbox';

interface ErrorBody {
  code?: string;
  message?: string;
  traceId?: string;
  schemas?: string[];
  detail?: string;
  status?: string;
}

const ORGS = '/t/carbon.super/api/server/v1/organizations';
const AGENTS = '/t/carbon.super/scim2/Agents';

let t: TestSandbox;
let admin: string;

beforeAll(async () => {
  t = await startTestSandbox();
  admin = await t.adminToken();
});
afterEach(async () => {
  // The server must still answer normally after each hostile request.
  const health = await t.api('GET', ORGS, { token: admin, query: { limit: 1 } });
  expect(health.status).toBe(200);
});
afterAll(async () => {
  await t.stop();
});

function expectApiError(response: ApiResponse<ErrorBody>, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).toMatchObject({
    code: expect.any(String),
    message: expect.any(String),
    traceId: expect.any(String),
  });
}

function expectScimError(response: ApiResponse<ErrorBody>, status: number): void {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
    status: String(status),
  });
}

describe('request bodies', () => {
  it('answers malformed JSON with a REST error and SCIM error by endpoint', async () => {
    const org = await t.api<ErrorBody>('POST', ORGS, {
      token: admin,
      body: '{"name": "x",',
      contentType: 'application/json',
    });
    expectApiError(org, 400);
    expectMatchesSpec('organizations', 'POST', '/organizations', org);
    const agent = await t.api<ErrorBody>('POST', AGENTS, {
      token: admin,
      body: '{oops',
      contentType: 'application/scim+json',
    });
    expectScimError(agent, 400);
  });

  it('answers a wrong content type with 415', async () => {
    const org = await t.api<ErrorBody>('POST', ORGS, {
      token: admin,
      body: 'name=x',
      contentType: 'text/plain',
    });
    expectApiError(org, 415);
    const agent = await t.api<ErrorBody>('POST', AGENTS, {
      token: admin,
      body: '<agent/>',
      contentType: 'application/xml',
    });
    expectScimError(agent, 415);
  });

  it('answers bodies over 1 MiB with 413', async () => {
    const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const response = await t.api<ErrorBody>('POST', ORGS, {
      token: admin,
      body: huge,
      contentType: 'application/json',
    });
    expectApiError(response, 413);
  });

  it('rejects JSON of the wrong shape', async () => {
    for (const body of [
      '[]',
      '"text"',
      'null',
      '{"name": ["a"]}',
      '{"name": "x", "attributes": "y"}',
    ]) {
      const response = await t.api<ErrorBody>('POST', ORGS, {
        token: admin,
        body,
        contentType: 'application/json',
      });
      expectApiError(response, 400);
    }
  });
});

describe('identifiers and paths', () => {
  it.each(['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '%00', '%E2%80%AE', 'a'.repeat(5000)])(
    'answers organization id %s with 404 ORG-60015 or a plain 404',
    async (id) => {
      const response = await t.api<ErrorBody>('GET', `${ORGS}/${id}`, { token: admin });
      expectApiError(response, 404);
    },
  );

  it('answers odd agent ids with a SCIM 404', async () => {
    for (const id of ["x' or '1'='1", '%3Cscript%3E', 'ü'.repeat(300)]) {
      const response = await t.api<ErrorBody>('GET', `${AGENTS}/${id}`, { token: admin });
      expectScimError(response, 404);
    }
  });

  it('answers an unknown tenant and an unknown path with 404', async () => {
    expectApiError(
      await t.api<ErrorBody>('GET', '/t/evil.com/api/server/v1/organizations', { token: admin }),
      404,
    );
    expectApiError(
      await t.api<ErrorBody>('GET', '/api/server/v1/nothing-here', { token: admin }),
      404,
    );
    expectApiError(await t.api<ErrorBody>('PUT', ORGS, { token: admin, json: {} }), 405);
  });
});

describe('filters and query parameters', () => {
  const hostile = [
    "name eq x' or '1'='1",
    "name eq 'x' or '1'='1",
    ')',
    '((((((((((name eq x',
    'name eq x; DROP TABLE UM_ORG;--',
    'name eq ☃ 東京 \u202e',
    `name co ${'x'.repeat(10_000)}`,
    '\u0000',
    'parentId eq ${jndi:ldap://x}',
  ];

  it.each(hostile.map((f) => [f.slice(0, 40), f]))(
    'answers organization filter %s with 200 or a 400 ORG code',
    async (_label, filter) => {
      const response = await t.api<ErrorBody & { organizations?: unknown[] }>('GET', ORGS, {
        token: admin,
        query: { filter, recursive: true },
      });
      expectMatchesSpec('organizations', 'GET', '/organizations', response);
      if (response.status === 200) {
        expect(response.body.organizations ?? []).toEqual([]);
      } else {
        expectApiError(response, 400);
        expect(response.body.code).toMatch(/^ORG-600\d\d$/);
      }
    },
  );

  it.each(hostile.map((f) => [f.slice(0, 40), f]))(
    'answers SCIM filter %s with 200 or a SCIM 400',
    async (_label, filter) => {
      for (const path of [AGENTS, '/t/carbon.super/scim2/v2/Roles']) {
        const response = await t.api<ErrorBody>('GET', path, { token: admin, query: { filter } });
        if (response.status !== 200) expectScimError(response, 400);
      }
    },
  );

  it.each([
    [{ limit: 'ten' }, 400],
    [{ limit: '1e3' }, 400],
    [{ limit: '99999999999999999999' }, 200],
    [{ recursive: 'maybe' }, 200],
    [{ after: '%%%' }, 400],
    [{ startIndex: 'x' }, 200],
  ])('answers query %j with %s', async (query, status) => {
    const response = await t.api<ErrorBody>('GET', ORGS, { token: admin, query });
    expect(response.status).toBe(status);
    if (status !== 200) expectApiError(response, status);
  });
});
