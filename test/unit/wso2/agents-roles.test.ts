import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAgentsClient, OneTimeSecret } from '../../../main/wso2/agents';
import { ResponseSchemaError, WSO2ApiError } from '../../../main/wso2/errors';
import { createRolesClient } from '../../../main/wso2/roles';
import { type Harness, harness, uuid } from './support';

const AGENTS = '/t/carbon.super/scim2/Agents';
const EXT = 'urn:scim:wso2:agent:schema';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

let h: Harness;

beforeEach(() => {
  h = harness();
});

afterEach(async () => {
  h.assertDone();
  await h.close();
});

function agent(n: number) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', EXT],
    id: uuid(n),
    userName: `AGENT/${uuid(n)}`,
    [EXT]: { DisplayName: `Agent ${n}`, Owner: 'admin' },
    meta: { created: '2026-01-01T00:00:00Z', resourceType: 'User' },
  };
}

describe('SCIM agents', () => {
  it('pages with startIndex and count until totalResults is reached', async () => {
    const resources = [1, 2, 3, 4, 5].map(agent);
    h.route(
      'GET',
      AGENTS,
      (request) => {
        const start = Number(request.query.get('startIndex'));
        const count = Number(request.query.get('count'));
        const page = resources.slice(start - 1, start - 1 + count);
        return {
          status: 200,
          body: {
            schemas: [LIST_SCHEMA],
            totalResults: 5,
            startIndex: start,
            itemsPerPage: page.length,
            Resources: page,
          },
        };
      },
      3,
    );
    const all = await createAgentsClient(h.api).listAll({
      count: 2,
      excludedAttributes: ['roles', 'groups'],
    });
    expect(all.map((a) => a.extension.DisplayName)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Agent ${n}`),
    );
    expect(h.requests.map((r) => r.query.get('startIndex'))).toEqual(['1', '3', '5']);
    expect(h.requests[0]!.query.get('excludedAttributes')).toBe('roles,groups');
  });

  it('gets one agent through the org-scoped base', async () => {
    h.route('GET', `/t/carbon.super/o/scim2/Agents/${uuid(1)}`, { status: 200, body: agent(1) });
    const found = await createAgentsClient(h.api).get(uuid(1), { orgId: uuid(50) });
    expect(found).toMatchObject({
      id: uuid(1),
      userName: `AGENT/${uuid(1)}`,
      created: '2026-01-01T00:00:00Z',
    });
  });

  it('returns the one-time secret wrapped, and never logs or serializes it', async () => {
    const secret = 'S3cr3t-generated-value-shown-once';
    h.route('POST', AGENTS, { status: 201, body: { ...agent(7), password: secret } });
    const result = await createAgentsClient(h.api).create({
      extension: { DisplayName: 'Travel Agent', Description: 'Books travel' },
    });
    expect(result.secret).toBeInstanceOf(OneTimeSecret);
    expect(result.secret.reveal()).toBe(secret);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(String(result.secret)).not.toContain(secret);
    expect(result.agent).not.toHaveProperty('password');
    expect(JSON.stringify(h.logs)).not.toContain(secret);
    expect(h.requests[0]!.body).toEqual({
      schemas: [EXT],
      [EXT]: { DisplayName: 'Travel Agent', Description: 'Books travel' },
    });
  });

  it('refuses a create response without the generated secret', async () => {
    h.route('POST', AGENTS, { status: 201, body: agent(7) });
    const error = await createAgentsClient(h.api)
      .create({ extension: { DisplayName: 'X' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseSchemaError);
    expect((error as ResponseSchemaError).issues[0]!.path).toBe('password');
  });

  it('maps a SCIM error object to WSO2ApiError with its detail', async () => {
    h.route('POST', AGENTS, {
      status: 501,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        detail: 'Agent identity management is not enabled in the system.',
        status: '501',
      },
    });
    const error = await createAgentsClient(h.api)
      .create({ extension: { DisplayName: 'X' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WSO2ApiError);
    expect(error).toMatchObject({
      status: 501,
      code: 'HTTP-501',
      message: 'Agent identity management is not enabled in the system.',
    });
  });

  it('names the failing field of a bad list', async () => {
    h.route('GET', AGENTS, { status: 200, body: { totalResults: '2', Resources: [] } });
    const error = await createAgentsClient(h.api)
      .listPage()
      .catch((e: unknown) => e);
    expect((error as ResponseSchemaError).issues[0]!.path).toBe('totalResults');
  });
});

describe('SCIM roles', () => {
  function role(n: number, type: 'organization' | 'application') {
    return {
      id: uuid(n),
      displayName: `Role ${n}`,
      audience: { value: uuid(99), display: 'Root', type },
    };
  }

  it('lists v2 root roles with an audience filter across pages', async () => {
    h.route(
      'GET',
      '/t/carbon.super/scim2/v2/Roles',
      (request) => {
        const start = Number(request.query.get('startIndex'));
        return {
          status: 200,
          body: {
            totalResults: 3,
            startIndex: start,
            Resources:
              start === 1
                ? [role(1, 'organization'), role(2, 'organization')]
                : [role(3, 'organization')],
          },
        };
      },
      2,
    );
    const roles = await createRolesClient(h.api).listAll({
      audienceType: 'organization',
      count: 2,
    });
    expect(roles.map((r) => r.displayName)).toEqual(['Role 1', 'Role 2', 'Role 3']);
    expect(h.requests[0]!.query.get('filter')).toBe('audience.type eq "organization"');
    expect(h.requests[0]!.query.has('excludedAttributes')).toBe(false);
  });

  it('lists v3 org-scoped roles, excluding the large member lists', async () => {
    h.route('GET', '/t/carbon.super/o/scim2/v3/Roles', {
      status: 200,
      body: { totalResults: 1, Resources: [role(5, 'application')] },
    });
    const page = await createRolesClient(h.api).listPage({
      version: 'v3',
      orgId: uuid(20),
      audienceType: 'application',
      audienceValue: uuid(30),
      nameContains: 'say "hi"',
    });
    expect(page.resources[0]!.audience?.type).toBe('application');
    expect(h.requests[0]!.query.get('excludedAttributes')).toBe(
      'agents,groups,permissions,associatedApplications',
    );
    expect(h.requests[0]!.query.get('filter')).toBe(
      `audience.type eq "application" and audience.value eq "${uuid(30)}" and displayName co "say \\"hi\\""`,
    );
    expect(h.requests[0]!.headers.authorization).toBe(`Bearer org-token-${uuid(20)}-0`);
  });

  it('reads the documented 404 "Role not found" as an empty list', async () => {
    h.route('GET', '/t/carbon.super/scim2/v2/Roles', {
      status: 404,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        detail: 'Role not found in the system.',
        status: '404',
      },
    });
    await expect(createRolesClient(h.api).listAll({ nameContains: 'none' })).resolves.toEqual([]);
  });

  it('names the failing field of a bad role', async () => {
    h.route('GET', '/t/carbon.super/scim2/v2/Roles', {
      status: 200,
      body: {
        totalResults: 1,
        Resources: [{ ...role(1, 'organization'), audience: { value: 'x', type: 'team' } }],
      },
    });
    const error = await createRolesClient(h.api)
      .listPage()
      .catch((e: unknown) => e);
    expect((error as ResponseSchemaError).issues[0]!.path).toBe('Resources[0].audience.type');
  });

  it('passes other errors through', async () => {
    h.route('GET', '/t/carbon.super/scim2/v2/Roles', {
      status: 403,
      body: { code: 'AUT-10455', message: 'Operation is not permitted.' },
    });
    await expect(createRolesClient(h.api).listPage()).rejects.toMatchObject({
      status: 403,
      code: 'AUT-10455',
    });
  });
});
