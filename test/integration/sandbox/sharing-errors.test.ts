/**
 * Client errors of the sandbox's Agent Sharing API over HTTPS: WSO2's codes, messages and
 * descriptions (`reference/wso2-api.md` §5.7), checked synchronously before any 202, and the
 * scope enforcement of root and organization-scoped paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { SHARING_ERRORS } from '../../../main/sandbox/sharing/errors';
import { startTestSandbox, type ApiResponse, type TestSandbox } from '../../support/sandbox';

const API = '/api/server/v1/agents';
const AGENT = DEMO.agents.supportAssistant;
const ORG = DEMO.orgs.business;
const criteria = { agentIds: [AGENT] };
const role = { displayName: 'Org Viewer', audience: { display: 'Super', type: 'organization' } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let t: TestSandbox;
let token: string;

beforeAll(async () => {
  t = await startTestSandbox({ shareDelayMs: 20 });
  token = await t.adminToken();
});
afterAll(async () => {
  await t.stop();
});

/** `bearer: null` sends no Authorization header. */
const send = (method: string, path: string, json?: unknown, bearer: string | null = token) =>
  t.api(method, `${API}${path}`, {
    ...(bearer !== null ? { token: bearer } : {}),
    ...(json === undefined ? {} : { json }),
  });

const sendRaw = (method: string, path: string, body: string, contentType = 'application/json') =>
  t.api(method, `${API}${path}`, { token, body, contentType });

function expectError(response: ApiResponse, code: string, status = 400): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.code).toBe(code);
  expect(response.body.traceId).toMatch(UUID);
  const known = Object.values(SHARING_ERRORS).find((e) => e.code === code);
  if (known) {
    expect(response.body).toMatchObject({ message: known.message, description: known.description });
  }
}

const patchWith = (operation: Record<string, unknown>) => ({
  agentCriteria: criteria,
  Operations: [
    { op: 'add', path: `organizations[orgId eq ${ORG}].roles`, value: [role], ...operation },
  ],
});

describe('request bodies', () => {
  it.each([
    ['POST', '/share', 'ASM-60000'],
    ['POST', '/share-with-all', 'ASM-60001'],
    ['POST', '/unshare', 'ASM-60002'],
    ['POST', '/unshare-with-all', 'ASM-60003'],
    ['PATCH', '/share', 'ASM-60005'],
  ])('%s %s without a body answers %s', async (method, path, code) => {
    expectError(await sendRaw(method, path, ''), code);
  });

  it('a missing agentCriteria answers ASM-60006 and an empty agentIds list ASM-60013', async () => {
    expectError(await send('POST', '/unshare-with-all', {}), 'ASM-60006');
    expectError(await send('POST', '/unshare-with-all', { agentCriteria: {} }), 'ASM-60006');
    expectError(
      await send('POST', '/share-with-all', {
        agentCriteria: { agentIds: [] },
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      }),
      'ASM-60013',
    );
  });

  it('an unknown policy answers ASM-60009 on both share endpoints', async () => {
    expectError(
      await send('POST', '/share-with-all', { agentCriteria: criteria, policy: 'EVERYWHERE' }),
      'ASM-60009',
    );
    expectError(
      await send('POST', '/share', {
        agentCriteria: criteria,
        organizations: [{ orgId: ORG, policy: 'SOMETIMES' }],
      }),
      'ASM-60009',
    );
  });

  it('a parseable policy unsupported for agents is accepted and fails later', async () => {
    const response = await send('POST', '/share', {
      agentCriteria: criteria,
      organizations: [{ orgId: ORG, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_CHILDREN_ONLY' }],
    });
    expect(response.status).toBe(202);
  });

  it('organization entries and roles missing required parts answer the service codes', async () => {
    expectError(
      await send('POST', '/share', {
        agentCriteria: criteria,
        organizations: [{ policy: 'SELECTED_ORG_ONLY' }],
      }),
      'OAS-10007',
    );
    const withRole = (r: unknown) =>
      send('POST', '/share-with-all', {
        agentCriteria: criteria,
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
        roleAssignment: { mode: 'SELECTED', roles: [r] },
      });
    expectError(await withRole({ audience: role.audience }), 'OAS-10008');
    expectError(
      await withRole({ displayName: 'r', audience: { type: 'organization' } }),
      'OAS-10009',
    );
    expectError(await withRole({ displayName: 'r', audience: { display: 'Super' } }), 'OAS-10010');
    expectError(await send('POST', '/unshare', { agentCriteria: criteria }), 'OAS-10003');
  });

  it('patch operations and paths are checked in WSO2 order', async () => {
    expectError(await send('PATCH', '/share', patchWith({ op: 'replace' })), 'ASM-60012');
    expectError(await send('PATCH', '/share', patchWith({ path: '' })), 'ASM-60008');
    expectError(
      await send('PATCH', '/share', patchWith({ path: `organizations[orgId eq ${ORG}].name` })),
      'ASM-60007',
    );
    expectError(
      await send('PATCH', '/share', patchWith({ path: `orgs[id eq ${ORG}].roles` })),
      'OAS-10023',
    );
    expectError(
      await send('PATCH', '/share', patchWith({ path: 'organizations[orgId eq  ].roles' })),
      'OAS-10007',
    );
    expectError(
      await send('PATCH', '/share', patchWith({ path: 'organizations[orgId eq 12].roles' })),
      'OAS-10027',
    );
  });

  it('bodies the JSON binding cannot read answer UE-10000', async () => {
    expectError(await sendRaw('POST', '/share', '{"agentCriteria":'), 'UE-10000');
    const badMode = await send('POST', '/share-with-all', {
      agentCriteria: criteria,
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: { mode: '' },
    });
    expectError(badMode, 'UE-10000');
    expect(badMode.body).toMatchObject({ message: 'Invalid Request' });
    expectError(await sendRaw('POST', '/share', 'agentIds=1', 'text/plain'), 'UE-10000', 415);
  });
});

describe('listing query', () => {
  const get = (agentId: string, query: Record<string, string | number> = {}) =>
    t.api('GET', `${API}/${agentId}/share`, { token, query });

  it('answers ASM-60004, ASM-60010, ASM-60011 and OAS-10030 for bad input', async () => {
    expectError(await get('not-a-uuid'), 'ASM-60004');
    expectError(await get(AGENT, { limit: -1 }), 'ASM-60010');
    expectError(await get(AGENT, { after: 'not base64!' }), 'ASM-60011');
    expectError(await get(AGENT, { before: Buffer.from('ten').toString('base64') }), 'ASM-60011');
    expectError(await get(AGENT, { attributes: 'roles,users' }), 'OAS-10030');
  });
});

describe('scopes', () => {
  const body = { agentCriteria: criteria };

  it('answers 401 without a token or with an unknown one, before looking at the body', async () => {
    expect((await send('POST', '/unshare-with-all', 'garbage', null)).status).toBe(401);
    expect((await send('POST', '/unshare-with-all', body, 'not-a-token')).status).toBe(401);
    expect((await t.api('GET', `${API}/${AGENT}/share`)).status).toBe(401);
  });

  it('answers 403 when the token lacks the scope of the endpoint', async () => {
    const viewOnly = await t.adminToken(['internal_agent_shared_access_view']);
    const shareOnly = await t.adminToken(['internal_agent_share']);
    expect((await send('POST', '/share', body, viewOnly)).status).toBe(403);
    expect((await send('POST', '/share-with-all', body, viewOnly)).status).toBe(403);
    expect((await send('POST', '/unshare', body, shareOnly)).status).toBe(403);
    expect((await send('POST', '/unshare-with-all', body, shareOnly)).status).toBe(403);
    expect((await send('PATCH', '/share', body, shareOnly)).status).toBe(403);
    expect((await t.api('GET', `${API}/${AGENT}/share`, { token: shareOnly })).status).toBe(403);
    expect((await t.api('GET', `${API}/${AGENT}/share`, { token: viewOnly })).status).toBe(200);
  });

  it('wants the organization scopes on /o/ paths and a switched token there', async () => {
    const orgPath = `/t/carbon.super/o${API}/${AGENT}/share`;
    expect((await t.api('GET', orgPath, { token })).status).toBe(403);
    const rootScoped = await t.orgToken(ORG, ['internal_org_agent_share']);
    expect((await t.api('GET', orgPath, { token: rootScoped })).status).toBe(403);
    const viewer = await t.orgToken(ORG, ['internal_org_agent_shared_access_view']);
    expect((await t.api('GET', orgPath, { token: viewer })).status).toBe(200);
    expect((await t.api('GET', `${API}/${AGENT}/share`, { token: viewer })).status).toBe(403);
  });
});

describe('accepted requests', () => {
  it.each([
    [
      'POST',
      '/share',
      { agentCriteria: criteria, organizations: [] },
      'Agent sharing process triggered successfully.',
    ],
    [
      'POST',
      '/share-with-all',
      { agentCriteria: criteria, policy: 'NO_SHARING' },
      'Agent sharing process triggered successfully.',
    ],
    [
      'POST',
      '/unshare',
      { agentCriteria: criteria, orgIds: [] },
      'Agent unsharing process triggered successfully.',
    ],
    [
      'POST',
      '/unshare-with-all',
      { agentCriteria: criteria },
      'Agent unsharing process triggered successfully.',
    ],
    [
      'PATCH',
      '/share',
      { agentCriteria: criteria, Operations: [] },
      'Shared agent attributes patch process triggered successfully.',
    ],
  ])('%s %s answers 202 Processing', async (method, path, json, details) => {
    const response = await send(method, path, json);
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ status: 'Processing', details });
  });
});
