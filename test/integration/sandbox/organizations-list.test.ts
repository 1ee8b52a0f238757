/**
 * The organization list over real HTTPS: cursor paging both ways, filters, recursion, the
 * org-scoped variant and WSO2's error codes, each response checked against the official spec.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import type { Org } from '../../../main/sandbox/model';
import { expectMatchesSpec } from '../../support/openapi';
import { startTestSandbox, type ApiResponse, type TestSandbox } from '../../support/sandbox';

interface OrgList {
  links?: { href: string; rel: string }[];
  organizations?: {
    id: string;
    name: string;
    orgHandle: string;
    ref: string;
    hasChildren: boolean;
  }[];
}
interface ApiErrorBody {
  code: string;
  message: string;
  description: string;
  traceId: string;
}

const ORGS = '/t/carbon.super/api/server/v1/organizations';
const ORG_SCOPED = '/t/carbon.super/o/api/server/v1/organizations';

let t: TestSandbox;
let token: string;

beforeAll(async () => {
  t = await startTestSandbox();
  token = await t.adminToken(['internal_organization_view']);
});
afterAll(async () => {
  await t.stop();
});

async function get(
  path: string,
  query: Record<string, string | number | boolean> = {},
  auth = token,
) {
  const response = await t.api<OrgList & ApiErrorBody>('GET', path, { token: auth, query });
  expectMatchesSpec('organizations', 'GET', '/organizations', response);
  return response;
}

const namesOf = (response: ApiResponse<OrgList>): string[] =>
  (response.body.organizations ?? []).map((o) => o.name);

function newestFirst(orgs: Iterable<Org>): Org[] {
  return [...orgs].sort((a, b) => b.createdMicros - a.createdMicros);
}

const link = (response: ApiResponse<OrgList>, rel: string): string | undefined =>
  response.body.links?.find((l) => l.rel === rel)?.href;

describe('cursor paging', () => {
  it('walks every page with next, then back with previous, over the same organizations', async () => {
    const state = t.sandbox.state;
    const expected = newestFirst([...state.orgs.values()].filter((o) => o.parentId !== null));
    const forward: string[] = [];
    let page = await get(ORGS, { recursive: true, limit: 7 });
    expect(link(page, 'previous')).toBeUndefined();
    forward.push(...(page.body.organizations ?? []).map((o) => o.id));
    for (let next = link(page, 'next'); next; next = link(page, 'next')) {
      expect(next).toMatch(
        /^\/t\/carbon\.super\/api\/server\/v1\/organizations\?limit=7&recursive=true&after=/,
      );
      page = await get(next);
      expect(page.body.organizations!.length).toBeLessThanOrEqual(7);
      forward.push(...page.body.organizations!.map((o) => o.id));
    }
    expect(forward).toEqual(expected.map((o) => o.id));
    expect(new Set(forward).size).toBe(forward.length);

    const backward: string[][] = [page.body.organizations!.map((o) => o.id)];
    for (let previous = link(page, 'previous'); previous; previous = link(page, 'previous')) {
      page = await get(previous);
      expect(link(page, 'next')).toBeDefined();
      backward.unshift(page.body.organizations!.map((o) => o.id));
    }
    expect(backward.flat()).toEqual(forward);
  });

  it('uses 15 as the default limit and clamps large limits to 100', async () => {
    expect((await get(ORGS, { recursive: true })).body.organizations).toHaveLength(15);
    const all = await get(ORGS, { recursive: true, limit: 5000 });
    expect(all.body.organizations).toHaveLength(t.sandbox.state.orgs.size - 1);
    expect(all.body.links).toBeUndefined();
  });

  it('answers {} for limit 0 and when nothing matches', async () => {
    expect((await get(ORGS, { limit: 0 })).body).toEqual({});
    expect((await get(ORGS, { filter: 'name eq Nowhere', recursive: true })).body).toEqual({});
  });

  it.each([
    [{ limit: -1 }, 'ORG-60025'],
    [{ after: 'not-a-cursor!' }, 'ORG-60026'],
    [{ before: Buffer.from('yesterday').toString('base64') }, 'ORG-60026'],
  ])('rejects %j with %s', async (query, code) => {
    const response = await get(ORGS, query);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code, traceId: expect.any(String) });
  });
});

describe('recursion and scope', () => {
  it('lists immediate children by default and every descendant with recursive=true', async () => {
    const state = t.sandbox.state;
    const children = await get(ORGS, { limit: 100 });
    expect(namesOf(children)).toEqual(
      newestFirst(state.children(state.rootOrgId)).map((o) => o.name),
    );
    const hasChildren = children.body.organizations!.find((o) => o.id === DEMO.orgs.business)!;
    expect(hasChildren.hasChildren).toBe(true);
    const everything = await get(ORGS, { limit: 100, recursive: true });
    expect(everything.body.organizations).toHaveLength(state.orgs.size - 1);
  });

  it("lists a node's children with parentId eq '<id>', as the Console does", async () => {
    const response = await get(ORGS, {
      filter: `parentId eq '${DEMO.orgs.businessEurope}'`,
      recursive: false,
    });
    expect(namesOf(response).sort()).toEqual(['Berlin', 'London', 'Madrid', 'Paris']);
  });

  it('lists inside the organization of a switched token under /o/', async () => {
    const orgToken = await t.orgToken(DEMO.orgs.business, ['internal_org_organization_view']);
    const children = await get(ORG_SCOPED, {}, orgToken);
    expect(namesOf(children).sort()).toEqual([
      'Business Americas',
      'Business Asia',
      'Business Europe',
    ]);
    expect(children.body.organizations![0]!.ref).toMatch(
      /^\/t\/carbon\.super\/o\/api\/server\/v1\/organizations\//,
    );
    const all = await get(ORG_SCOPED, { recursive: true, limit: 100 }, orgToken);
    expect(all.body.organizations).toHaveLength(
      t.sandbox.state.descendants(DEMO.orgs.business).length,
    );
    const outside = await get(ORG_SCOPED, { filter: `parentId eq ${DEMO.orgs.retail}` }, orgToken);
    expect(outside.body).toEqual({});
  });
});

describe('filters', () => {
  it.each([
    ['name eq Berlin', ['Berlin']],
    ["name eq 'Berlin Customer Care'", ['Berlin Customer Care']],
    ['name co Hub', ['Rotterdam Hub', 'Singapore Hub']],
    ['name sw Business', ['Business', 'Business Americas', 'Business Asia', 'Business Europe']],
    ['name ew Sales', ['Berlin Sales']],
    ['orgHandle eq business-tokyo', ['Tokyo']],
    ['orgHandle sw logistics- and name ew Hub', ['Rotterdam Hub', 'Singapore Hub']],
    [`id eq ${DEMO.orgs.retail}`, ['Retail']],
    ['status eq DISABLED', ['Schools']],
    ['description co partner', ['Finance Partners', 'Insurance', 'Payments']],
    ['attributes.Country eq Germany', ['Berlin']],
    [`parentId co ${DEMO.orgs.businessAsia.slice(0, 8)}`, ['Mumbai', 'Singapore', 'Tokyo']],
  ])('%s', async (filter, names) => {
    const response = await get(ORGS, { filter, recursive: true, limit: 100 });
    expect(response.status).toBe(200);
    expect(namesOf(response).sort()).toEqual(names);
  });

  it('keeps the filter in the links, form-encoded', async () => {
    const response = await get(ORGS, { filter: 'name sw Business', recursive: true, limit: 2 });
    expect(link(response, 'next')).toContain('&filter=name+sw+Business&after=');
    const second = await get(link(response, 'next')!);
    expect(namesOf(second)).toHaveLength(2);
  });

  it.each([
    ['name eq', 'ORG-60022'],
    ['colour eq red', 'ORG-60023'],
    ['name eq Berlin or name eq Paris', 'ORG-60024'],
    ['name gt Berlin', 'ORG-60059'],
  ])('rejects %s with %s', async (filter, code) => {
    const response = await get(ORGS, { filter });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code,
      message: expect.any(String),
      description: expect.any(String),
    });
  });
});
