import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AgentSharingClient,
  createAgentSharingClient,
  rolesPath,
} from '../../../main/wso2/agent-sharing';
import { InvalidInputError, ResponseSchemaError, WSO2ApiError } from '../../../main/wso2/errors';
import { type Harness, harness, uuid } from './support';

const AGENT = '7a1b7d63-8cfc-4dc9-9332-3f84641b72d8';
const CHILD = 'b028ca17-8f89-449c-ae27-fa955e66465d';
const BASE = '/t/carbon.super/api/server/v1';
const ORG_BASE = '/t/carbon.super/o/api/server/v1';
const ROLE = {
  displayName: 'Org Admin',
  audience: { display: 'My Org 1', type: 'organization' as const },
};
const ACCEPTED = { status: 'Processing', details: 'Agent sharing process triggered successfully.' };

let h: Harness;
let client: AgentSharingClient;

beforeEach(() => {
  h = harness();
  client = createAgentSharingClient(h.api);
});

afterEach(async () => {
  h.assertDone();
  await h.close();
});

function sharedOrg(n: number, extra: Record<string, unknown> = {}) {
  return {
    orgId: uuid(n),
    orgName: `Org ${n}`,
    orgHandle: `org-${n}`,
    orgStatus: 'ACTIVE',
    orgRef: `/t/carbon.super/api/server/v1/organizations/${uuid(n)}`,
    hasChildren: false,
    depthFromRoot: 1,
    parentOrgId: uuid(0),
    parentAgentId: AGENT,
    sharedAgentId: AGENT,
    sharedType: 'SHARED',
    ...extra,
  };
}

describe('writes', () => {
  it('sends the selective share body as documented and returns the 202 acknowledgement', async () => {
    h.route('POST', `${BASE}/agents/share`, { status: 202, body: ACCEPTED });
    const result = await client.share({
      agentIds: [AGENT],
      organizations: [
        {
          orgId: CHILD,
          policy: 'SELECTED_ORG_ONLY',
          roleAssignment: { mode: 'SELECTED', roles: [ROLE] },
        },
        { orgId: uuid(9), policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' },
      ],
    });
    expect(result).toEqual({ ...ACCEPTED, httpStatus: 202 });
    const [request] = h.requests;
    expect(request!.headers.authorization).toBe('Bearer root-token-0');
    expect(request!.body).toEqual({
      agentCriteria: { agentIds: [AGENT] },
      organizations: [
        {
          orgId: CHILD,
          policy: 'SELECTED_ORG_ONLY',
          roleAssignment: { mode: 'SELECTED', roles: [ROLE] },
        },
        { orgId: uuid(9), policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' },
      ],
    });
  });

  it('shares with all organizations under ALL_EXISTING_AND_FUTURE_ORGS', async () => {
    h.route('POST', `${BASE}/agents/share-with-all`, { status: 202, body: ACCEPTED });
    await client.shareWithAll({ agentIds: [AGENT], roleAssignment: { mode: 'NONE', roles: [] } });
    expect(h.requests[0]!.body).toEqual({
      agentCriteria: { agentIds: [AGENT] },
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: { mode: 'NONE', roles: [] },
    });
  });

  it('unshares selected organizations and all organizations', async () => {
    h.route('POST', `${BASE}/agents/unshare`, { status: 202, body: ACCEPTED });
    h.route('POST', `${BASE}/agents/unshare-with-all`, { status: 202, body: ACCEPTED });
    await client.unshare({ agentIds: [AGENT], orgIds: [CHILD] });
    await client.unshareWithAll({ agentIds: [AGENT] });
    expect(h.requests.map((r) => r.body)).toEqual([
      { agentCriteria: { agentIds: [AGENT] }, orgIds: [CHILD] },
      { agentCriteria: { agentIds: [AGENT] } },
    ]);
  });

  it('patches roles with capital Operations and the unquoted org id in the path', async () => {
    h.route('PATCH', `${BASE}/agents/share`, { status: 202, body: ACCEPTED });
    await client.patchRoles({
      agentIds: [AGENT],
      operations: [
        { op: 'add', orgId: CHILD, roles: [ROLE] },
        { op: 'remove', orgId: CHILD, roles: [ROLE] },
      ],
    });
    expect(h.requests[0]!.body).toEqual({
      agentCriteria: { agentIds: [AGENT] },
      Operations: [
        { op: 'add', path: `organizations[orgId eq ${CHILD}].roles`, value: [ROLE] },
        { op: 'remove', path: `organizations[orgId eq ${CHILD}].roles`, value: [ROLE] },
      ],
    });
  });

  it('runs org-scoped writes through /o/ with that organization token', async () => {
    h.route('POST', `${ORG_BASE}/agents/share`, { status: 202, body: ACCEPTED });
    await client.share(
      { agentIds: [AGENT], organizations: [{ orgId: uuid(5), policy: 'SELECTED_ORG_ONLY' }] },
      { orgId: CHILD },
    );
    expect(h.requests[0]!.headers.authorization).toBe(`Bearer org-token-${CHILD}-0`);
    expect(h.tokens.asked).toEqual([CHILD]);
  });

  it('refuses invalid input before anything is sent', async () => {
    await expect(client.share({ agentIds: [], organizations: [] })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(client.unshare({ agentIds: ['../../users'], orgIds: [CHILD] })).rejects.toThrow(
      /agentIds/,
    );
    await expect(
      client.share({
        agentIds: [AGENT],
        organizations: [{ orgId: CHILD, policy: 'ALL_EXISTING_AND_FUTURE_ORGS' as never }],
      }),
    ).rejects.toThrow(/policy/);
    await expect(
      client.shareWithAll({ agentIds: [AGENT], roleAssignment: { mode: 'NONE', roles: [ROLE] } }),
    ).rejects.toThrow(/roles/);
    expect(() => rolesPath(`${CHILD}"]`)).toThrow(InvalidInputError);
    expect(h.requests).toHaveLength(0);
  });

  it('maps a WSO2 error body to WSO2ApiError with every field', async () => {
    h.route('POST', `${BASE}/agents/unshare-with-all`, {
      status: 400,
      body: {
        code: 'ASM-60013',
        message: 'Empty agentIds list in agent criteria.',
        description: 'The agentIds list in the agent criteria must contain at least one entry.',
        traceId: 'e0fbcfeb-7fc2-4b62-8b82-72d3c5fbcdeb',
      },
    });
    const error = await client.unshareWithAll({ agentIds: [AGENT] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WSO2ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'ASM-60013',
      message: 'Empty agentIds list in agent criteria.',
      description: 'The agentIds list in the agent criteria must contain at least one entry.',
      traceId: 'e0fbcfeb-7fc2-4b62-8b82-72d3c5fbcdeb',
    });
  });

  it('retries once with a fresh token after a 401 and then succeeds', async () => {
    h.route('POST', `${BASE}/agents/unshare-with-all`, { status: 401 });
    h.route('POST', `${BASE}/agents/unshare-with-all`, { status: 202, body: ACCEPTED });
    await client.unshareWithAll({ agentIds: [AGENT] });
    expect(h.tokens.invalidated).toEqual([{ orgId: undefined, token: 'root-token-0' }]);
    expect(h.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer root-token-0',
      'Bearer root-token-1',
    ]);
  });
});

describe('getShare', () => {
  it('follows next links of every form through all pages and merges them', async () => {
    const path = `${BASE}/agents/${AGENT}/share`;
    h.route('GET', path, {
      status: 200,
      body: {
        links: [{ rel: 'next', href: `https://is.example${path}?limit=2&after=Mg%3D%3D` }],
        organizations: [sharedOrg(1), sharedOrg(2, { roles: [ROLE] })],
      },
    });
    h.route('GET', path, {
      status: 200,
      body: {
        links: [
          { rel: 'previous', href: `/o/api/server/v1/agents/${AGENT}/share?before=Mw==` },
          { rel: 'next', href: `/o/api/server/v1/agents/${AGENT}/share?limit=2&after=NA==` },
        ],
        organizations: [sharedOrg(3), sharedOrg(4)],
      },
    });
    h.route('GET', path, {
      status: 200,
      body: {
        links: [{ rel: 'previous', href: `${path}?before=NQ==` }],
        organizations: [
          sharedOrg(5, {
            sharingMode: {
              policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
              roleAssignment: { mode: 'NONE', roles: [] },
            },
          }),
        ],
      },
    });

    const state = await client.getShare(AGENT, { pageSize: 2 });

    expect(state.pages).toBe(3);
    expect(state.organizations.map((o) => o.orgId)).toEqual([1, 2, 3, 4, 5].map(uuid));
    expect(state.organizations[1]!.roles).toEqual([ROLE]);
    expect(state.organizations[4]!.sharingMode?.policy).toBe(
      'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
    );
    expect(state.sharingMode).toBeUndefined();
    const queries = h.requests.map((r) => Object.fromEntries(r.query));
    expect(queries).toEqual([
      { limit: '2', attributes: 'roles,sharingMode' },
      { limit: '2', attributes: 'roles,sharingMode', after: 'Mg==' },
      { limit: '2', attributes: 'roles,sharingMode', after: 'NA==' },
    ]);
  });

  it('reads the top-level sharingMode of a share-with-all and an empty body', async () => {
    const path = `${ORG_BASE}/agents/${AGENT}/share`;
    h.route('GET', path, {
      status: 200,
      body: {
        links: [],
        sharingMode: {
          policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
          roleAssignment: { mode: 'SELECTED', roles: [ROLE] },
        },
        organizations: [sharedOrg(1)],
      },
    });
    h.route('GET', path, { status: 200, body: {} });
    const shared = await client.getShare(AGENT, { orgId: CHILD, recursive: false });
    expect(shared.sharingMode).toEqual({
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: { mode: 'SELECTED', roles: [ROLE] },
    });
    expect(h.requests[0]!.query.get('recursive')).toBe('false');
    const unshared = await client.getShare(AGENT, { orgId: CHILD, attributes: ['roles'] });
    expect(unshared).toEqual({
      agentId: AGENT,
      sharingMode: undefined,
      organizations: [],
      pages: 1,
    });
    expect(h.requests[1]!.query.get('attributes')).toBe('roles');
  });

  it('names the failing field when a page does not match the schema', async () => {
    h.route('GET', `${BASE}/agents/${AGENT}/share`, {
      status: 200,
      body: { organizations: [sharedOrg(1), { ...sharedOrg(2), orgId: 'not-a-uuid' }] },
    });
    const error = await client.getShare(AGENT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseSchemaError);
    expect((error as ResponseSchemaError).issues[0]!.path).toBe('organizations[1].orgId');
    expect((error as Error).message).toContain('organizations[1].orgId');
  });

  it('stops when the server repeats a cursor', async () => {
    const path = `${BASE}/agents/${AGENT}/share`;
    const page = {
      status: 200,
      body: { links: [{ rel: 'next', href: `${path}?after=MQ==` }], organizations: [sharedOrg(1)] },
    };
    h.route('GET', path, page, 2);
    await expect(client.getShare(AGENT)).rejects.toThrow(/repeated a page cursor/);
  });

  it('refuses an agent id that is not a UUID without sending', async () => {
    await expect(client.getShare('..')).rejects.toBeInstanceOf(InvalidInputError);
    expect(h.requests).toHaveLength(0);
  });
});
