/**
 * Single organizations over real HTTPS: read with ancestorPath, self, create (role copies
 * before `orgCreated`), delete, and scope enforcement, each checked against the spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import type { Org } from '../../../main/sandbox/model';
import { expectMatchesSpec } from '../../support/openapi';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

interface OrgBody {
  id: string;
  type?: string;
  name: string;
  orgHandle: string;
  parent?: { id: string; ref: string };
  ancestorPath?: { id: string; name: string; depth: number }[];
  attributes?: { key: string; value: string }[];
  code?: string;
  description?: string;
}

const ORGS = '/t/carbon.super/api/server/v1/organizations';
const ORG_SCOPED = '/t/carbon.super/o/api/server/v1/organizations';
const ONE = '/organizations/{organization-id}';

let t: TestSandbox;
let admin: string;

beforeAll(async () => {
  t = await startTestSandbox();
  admin = await t.adminToken();
});
afterAll(async () => {
  await t.stop();
});

async function call(method: string, path: string, template: string, token = admin, json?: unknown) {
  const response = await t.api<OrgBody>(method, path, {
    token,
    ...(json !== undefined ? { json } : {}),
  });
  expectMatchesSpec('organizations', method, template, response);
  return response;
}

describe('reading one organization', () => {
  it('returns the organization with its parent and the ancestor path from the caller', async () => {
    const response = await call('GET', `${ORGS}/${DEMO.orgs.businessEuropeBerlin}`, ONE);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: DEMO.orgs.businessEuropeBerlin,
      name: 'Berlin',
      orgHandle: 'business-berlin',
      parent: { id: DEMO.orgs.businessEurope },
      attributes: [{ key: 'Country', value: 'Germany' }],
    });
    expect(response.body.ancestorPath!.map((a) => [a.name, a.depth])).toEqual([
      ['Super', 0],
      ['Business', 1],
      ['Business Europe', 2],
      ['Berlin', 3],
    ]);
  });

  it('starts the ancestor path at the organization of a switched token', async () => {
    const token = await t.orgToken(DEMO.orgs.business, ['internal_org_organization_view']);
    const response = await call(
      'GET',
      `${ORG_SCOPED}/${DEMO.orgs.businessEuropeBerlin}`,
      ONE,
      token,
    );
    expect(response.body.ancestorPath!.map((a) => a.name)).toEqual([
      'Business',
      'Business Europe',
      'Berlin',
    ]);
    const outside = await call('GET', `${ORG_SCOPED}/${DEMO.orgs.retail}`, ONE, token);
    expect(outside.status).toBe(404);
  });

  it.each([
    ['an unknown id', 'c0ffee00-0000-4000-8000-00000000dead'],
    ['a non-UUID id', 'not-a-uuid'],
    ['a quote', "x'--"],
  ])('answers 404 ORG-60015 for %s', async (_label, id) => {
    const response = await call('GET', `${ORGS}/${encodeURIComponent(id)}`, ONE);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'ORG-60015', message: 'Invalid organization.' });
  });

  it('answers /organizations/self for the root and for a switched token', async () => {
    const root = await call('GET', `${ORGS}/self`, '/organizations/self');
    expect(root.body).toMatchObject({ id: t.sandbox.state.rootOrgId, orgHandle: 'carbon.super' });
    const token = await t.orgToken(DEMO.orgs.retail, ['internal_org_organization_view']);
    const retail = await call('GET', `${ORG_SCOPED}/self`, '/organizations/self', token);
    expect(retail.body).toMatchObject({
      id: DEMO.orgs.retail,
      name: 'Retail',
      parent: { id: t.sandbox.state.rootOrgId },
    });
  });
});

describe('creating organizations', () => {
  it('creates under the root with a generated handle and role copies made before orgCreated', async () => {
    const state = t.sandbox.state;
    const seen: { org: Org; roles: string[] }[] = [];
    const listener = (org: Org): void => {
      seen.push({ org, roles: state.rolesInOrg(org.id).map((r) => r.displayName) });
    };
    state.events.on('orgCreated', listener);
    try {
      const response = await call('POST', ORGS, '/organizations', admin, {
        name: 'Northwind Traders',
        description: 'A new customer',
        attributes: [{ key: 'Country', value: 'Norway' }],
      });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        name: 'Northwind Traders',
        orgHandle: 'northwindtraders',
      });
      expect(response.headers.location).toBe(`${t.url}${ORGS}/${response.body.id}`);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.org.id).toBe(response.body.id);
      expect(seen[0]!.roles).toEqual(
        expect.arrayContaining(['Org Viewer', 'Agent Operator', 'Ticket Reader']),
      );
      const copy = state.rolesInOrg(response.body.id).find((r) => r.displayName === 'Org Viewer')!;
      expect(copy.audience).toEqual({
        type: 'organization',
        value: response.body.id,
        display: 'Northwind Traders',
      });

      const again = await call('POST', ORGS, '/organizations', admin, {
        name: 'Northwind Traders',
        parentId: DEMO.orgs.retail,
        type: 'STRUCTURAL',
      });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ orgHandle: 'northwindtraders2', type: 'STRUCTURAL' });
    } finally {
      state.events.off('orgCreated', listener);
    }
  });

  it('creates inside the organization of a switched token', async () => {
    const token = await t.orgToken(DEMO.orgs.logistics, ['internal_org_organization_create']);
    const response = await call('POST', ORG_SCOPED, '/organizations', token, {
      name: 'Hamburg Hub',
      orgHandle: 'logistics-hamburg',
    });
    expect(response.status).toBe(201);
    expect(response.body.parent!.id).toBe(DEMO.orgs.logistics);
    expect(response.headers.location).toContain('/t/carbon.super/o/api/server/v1/organizations/');
    const outside = await call('POST', ORG_SCOPED, '/organizations', token, {
      name: 'Elsewhere',
      parentId: DEMO.orgs.retail,
    });
    expect(outside.status).toBe(400);
    expect(outside.body.code).toBe('ORG-60005');
  });

  it.each([
    [{ name: 'Retail' }, 409, 'ORG-60006'],
    [{ name: 'Fresh', orgHandle: 'retail' }, 400, 'SBX-40003'],
    [{ name: 'Fresh', orgHandle: 'Not Valid' }, 400, 'SBX-40001'],
    [{ name: 'Super' }, 400, 'ORG-60017'],
    [{ name: '  ' }, 400, 'ORG-60002'],
    [{ name: 'Fresh', parentId: 'c0ffee00-0000-4000-8000-00000000dead' }, 400, 'ORG-60005'],
    [{ name: 'Default Parent', parentId: '' }, 201, undefined],
    [{ description: 'no name' }, 400, 'ORG-60001'],
    [
      {
        name: 'Fresh',
        attributes: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      },
      400,
      'ORG-60004',
    ],
  ])('answers %j with %s %s', async (body, status, code) => {
    const response = await t.api<OrgBody>('POST', ORGS, { token: admin, json: body });
    // WSO2 answers a sibling name conflict with 409 (a code comment says so) although the spec
    // lists no 409; its body is still the documented Error shape.
    const documented = response.status === 409 ? { ...response, status: 400 } : response;
    expectMatchesSpec('organizations', 'POST', '/organizations', documented);
    expect(response.status).toBe(status);
    if (code) expect(response.body.code).toBe(code);
  });

  it('names the failing field of a malformed body', async () => {
    const response = await call('POST', ORGS, '/organizations', admin, { name: 42 });
    expect(response.status).toBe(400);
    expect(response.body.description).toMatch(/name/);
  });
});

describe('deleting organizations', () => {
  it('deletes leaves only', async () => {
    const parent = await call('DELETE', `${ORGS}/${DEMO.orgs.business}`, ONE);
    expect(parent.status).toBe(400);
    expect(parent.body.code).toBe('ORG-60007');

    const created = await call('POST', ORGS, '/organizations', admin, { name: 'Short Lived' });
    const gone = await t.api('DELETE', `${ORGS}/${created.body.id}`, { token: admin });
    expect(gone.status).toBe(204);
    expect(t.sandbox.state.rolesInOrg(created.body.id)).toEqual([]);
    expect((await call('GET', `${ORGS}/${created.body.id}`, ONE)).status).toBe(404);
  });
});

describe('scopes', () => {
  it('needs a bearer token', async () => {
    expect((await t.api('GET', ORGS)).status).toBe(401);
    expect((await t.api('GET', ORGS, { token: 'not-a-token' })).status).toBe(401);
  });

  it('needs the operation’s scope', async () => {
    const viewOnly = await t.adminToken(['internal_organization_view']);
    expect((await t.api('GET', ORGS, { token: viewOnly })).status).toBe(200);
    const create = await t.api('POST', ORGS, { token: viewOnly, json: { name: 'Nope' } });
    expect(create.status).toBe(403);
    const agentsOnly = await t.adminToken(['internal_agent_mgt_view']);
    expect((await t.api('GET', ORGS, { token: agentsOnly })).status).toBe(403);
  });

  it('keeps root tokens off /o/ paths and switched tokens off root paths', async () => {
    expect((await t.api('GET', ORG_SCOPED, { token: admin })).status).toBe(403);
    const switched = await t.orgToken(DEMO.orgs.business, ['internal_org_organization_view']);
    expect((await t.api('GET', ORGS, { token: switched })).status).toBe(403);
    expect((await t.api('GET', ORG_SCOPED, { token: switched })).status).toBe(200);
  });
});
