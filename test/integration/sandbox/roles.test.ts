/**
 * SCIM2 Roles v2 and v3 over real HTTPS, root and org-scoped: filters, paging, attribute
 * selection and errors, every list checked against the official SCIM Swagger file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_IDS } from '../../../main/sandbox/data/catalog';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { expectMatchesSpec } from '../../support/openapi';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

interface RoleBody {
  id: string;
  displayName?: string;
  audience?: { value: string; display: string; type: string };
  meta?: { location: string };
  permissions?: { value: string }[];
  users?: { value: string; display: string }[];
  agents?: { value: string }[];
}
interface RoleList {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources?: RoleBody[];
  detail?: string;
}

let t: TestSandbox;
let admin: string;

beforeAll(async () => {
  t = await startTestSandbox();
  admin = await t.adminToken(['internal_role_mgt_view']);
});
afterAll(async () => {
  await t.stop();
});

async function roles(
  version: 'v2' | 'v3',
  query: Record<string, string | number> = {},
  token = admin,
  scoped = false,
) {
  const path = `/t/carbon.super${scoped ? '/o' : ''}/scim2/${version}/Roles`;
  const response = await t.api<RoleList>('GET', path, { token, query });
  if (response.status === 200) expectMatchesSpec('scim2', 'GET', `/${version}/Roles`, response);
  return response;
}

const names = (list: RoleList): string[] =>
  (list.Resources ?? []).map((r) => r.displayName!).sort();

describe.each(['v2', 'v3'] as const)('roles %s', (version) => {
  it('lists the roles of the root with id, displayName, audience and location', async () => {
    const response = await roles(version);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(response.body.totalResults).toBe(
      t.sandbox.state.rolesInOrg(t.sandbox.state.rootOrgId).length,
    );
    const viewer = response.body.Resources!.find((r) => r.displayName === 'Org Viewer')!;
    expect(viewer.audience).toEqual({
      value: t.sandbox.state.rootOrgId,
      display: 'Super',
      type: 'organization',
    });
    expect(viewer.meta!.location).toBe(
      `${t.url}/t/carbon.super/scim2/${version}/Roles/${viewer.id}`,
    );
    expect(viewer).not.toHaveProperty('permissions');
  });

  it.each([
    [
      'audience.type eq organization',
      ['Administrator', 'Agent Operator', 'Org Admin', 'Org Viewer'],
    ],
    ['audience.type eq application', ['Booking Agent', 'Ticket Reader', 'Ticket Resolver']],
    [`audience.value eq ${APP_IDS.obo}`, ['Ticket Reader', 'Ticket Resolver']],
    ['displayName eq Org Viewer', ['Org Viewer']],
    ['displayName co Org', ['Org Admin', 'Org Viewer']],
    ['displayName sw Ticket', ['Ticket Reader', 'Ticket Resolver']],
    ['displayName ew Agent', ['Booking Agent']],
    [
      'displayName ne Administrator and audience.type eq organization',
      ['Agent Operator', 'Org Admin', 'Org Viewer'],
    ],
    [
      'urn:ietf:params:scim:schemas:extension:2.0:Role:displayName eq "Ticket Reader"',
      ['Ticket Reader'],
    ],
  ])('filters %s', async (filter, expected) => {
    const response = await roles(version, { filter });
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(expected);
  });

  it.each([
    ['displayName eq a or displayName eq b', /or is not supported/],
    ['displayName gt a', /gt is not supported/],
    ['permissions eq x', /attribute: permissions is not supported/],
    ['displayName eq', /Invalid filter/],
  ])('rejects %s', async (filter, detail) => {
    const response = await roles(version, { filter });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(detail);
  });

  it('pages with startIndex and count', async () => {
    const all = await roles(version);
    const page = await roles(version, { startIndex: 3, count: 2 });
    expect(page.body).toMatchObject({
      totalResults: all.body.totalResults,
      startIndex: 3,
      itemsPerPage: 2,
    });
    expect(page.body.Resources!.map((r) => r.id)).toEqual(
      all.body.Resources!.slice(2, 4).map((r) => r.id),
    );
    const none = await roles(version, { count: 0 });
    expect(none.body).not.toHaveProperty('Resources');
  });

  it('selects attributes and excludes them', async () => {
    const only = await roles(version, {
      attributes: 'displayName,permissions',
      filter: 'displayName eq Agent Operator',
    });
    const role = only.body.Resources![0]!;
    expect(Object.keys(role).sort()).toEqual(['displayName', 'id', 'permissions', 'schemas']);
    expect(role.permissions!.map((p) => p.value)).toContain('tickets:write');
    const excluded = await roles(version, {
      excludedAttributes: 'audience,agents,groups,permissions,associatedApplications',
    });
    expect(excluded.body.Resources![0]).not.toHaveProperty('audience');
  });
});

describe('org-scoped roles', () => {
  it('lists the copies living in the organization of a switched token, with their holders', async () => {
    const token = await t.orgToken(DEMO.orgs.business, ['internal_org_role_mgt_view']);
    const response = await roles('v2', { attributes: 'displayName,audience,users' }, token, true);
    expect(response.status).toBe(200);
    const viewer = response.body.Resources!.find((r) => r.displayName === 'Org Viewer')!;
    expect(viewer.audience).toEqual({
      value: DEMO.orgs.business,
      display: 'Business',
      type: 'organization',
    });
    expect(viewer.users!.map((u) => u.display)).toEqual(['alice']);
  });

  it('has no Agent Operator copy in Logistics', async () => {
    const token = await t.orgToken(DEMO.orgs.logistics, ['internal_org_role_mgt_view']);
    const response = await roles('v3', { filter: 'audience.type eq organization' }, token, true);
    expect(names(response.body)).toEqual(['Administrator', 'Org Admin', 'Org Viewer']);
  });

  it('shows agents holding a role in v3 when asked', async () => {
    const response = await roles('v3', {
      attributes: 'displayName,agents',
      filter: 'displayName eq Agent Operator',
    });
    expect(response.body.Resources![0]!.agents!.map((a) => a.value)).toEqual([
      DEMO.agents.supportAssistant,
    ]);
  });
});

describe('role scopes', () => {
  it('needs internal_role_mgt_view, and the org variant under /o/', async () => {
    const other = await t.adminToken(['internal_organization_view']);
    expect((await roles('v2', {}, other)).status).toBe(403);
    expect((await t.api('GET', '/scim2/v2/Roles')).status).toBe(401);
    expect((await roles('v2', {}, admin, true)).status).toBe(403);
    const wrongOrgScope = await t.orgToken(DEMO.orgs.business, ['internal_org_organization_view']);
    expect((await roles('v2', {}, wrongOrgScope, true)).status).toBe(403);
  });
});
