import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, ResponseSchemaError, WSO2ApiError } from '../../../main/wso2/errors';
import {
  type OrganizationsClient,
  createOrganizationsClient,
} from '../../../main/wso2/organizations';
import { type Harness, harness, uuid } from './support';

const LIST = '/t/carbon.super/api/server/v1/organizations';
const ORG_LIST = '/t/carbon.super/o/api/server/v1/organizations';

let h: Harness;
let client: OrganizationsClient;

beforeEach(() => {
  h = harness();
  client = createOrganizationsClient(h.api);
});

afterEach(async () => {
  h.assertDone();
  await h.close();
});

function org(n: number, hasChildren = false) {
  return {
    id: uuid(n),
    name: `Org ${n}`,
    orgHandle: `org-${n}`,
    status: 'ACTIVE',
    version: 'V1.0.0',
    hasChildren,
    ref: `/t/carbon.super/api/server/v1/organizations/${uuid(n)}`,
  };
}

describe('listing', () => {
  it('sends filter, limit, cursor and recursive, and returns both cursors of the page', async () => {
    h.route('GET', LIST, {
      status: 200,
      body: {
        links: [
          { rel: 'previous', href: `${LIST}?limit=2&recursive=true&before=QQ==` },
          { rel: 'next', href: `${LIST}?limit=2&recursive=true&after=Qg==` },
        ],
        organizations: [org(1, true), org(2)],
      },
    });
    const page = await client.listPage({
      limit: 2,
      after: 'Wg==',
      recursive: true,
      filter: 'name co Org',
    });
    expect(page.organizations.map((o) => o.id)).toEqual([uuid(1), uuid(2)]);
    expect(page).toMatchObject({ next: 'Qg==', previous: 'QQ==' });
    expect(Object.fromEntries(h.requests[0]!.query)).toEqual({
      filter: 'name co Org',
      limit: '2',
      after: 'Wg==',
      recursive: 'true',
    });
  });

  it('lists every child of a parent across pages with the parentId filter', async () => {
    const parent = uuid(100);
    h.route('GET', LIST, {
      status: 200,
      body: {
        links: [{ rel: 'next', href: `${LIST}?after=MQ==` }],
        organizations: [org(1), org(2)],
      },
    });
    h.route('GET', LIST, {
      status: 200,
      body: { links: [{ rel: 'previous', href: `${LIST}?before=Mg==` }], organizations: [org(3)] },
    });
    const children = await client.listChildren(parent, { limit: 2 });
    expect(children.map((o) => o.name)).toEqual(['Org 1', 'Org 2', 'Org 3']);
    for (const request of h.requests) {
      expect(request.query.get('filter')).toBe(`parentId eq '${parent}'`);
      expect(request.query.get('recursive')).toBe('false');
    }
    expect(h.requests[1]!.query.get('after')).toBe('MQ==');
  });

  it('reads an empty answer `{}` as no organizations', async () => {
    h.route('GET', ORG_LIST, { status: 200, body: {} });
    const page = await client.listPage({ orgId: uuid(7) });
    expect(page).toEqual({ organizations: [], next: undefined, previous: undefined });
    expect(h.requests[0]!.headers.authorization).toBe(`Bearer org-token-${uuid(7)}-0`);
  });

  it('names the failing field of a bad page', async () => {
    h.route('GET', LIST, {
      status: 200,
      body: { organizations: [org(1), { ...org(2), status: 'GONE' }] },
    });
    const error = await client.listPage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseSchemaError);
    expect((error as ResponseSchemaError).issues[0]!.path).toBe('organizations[1].status');
  });

  it('refuses a next link without a usable cursor', async () => {
    h.route('GET', LIST, {
      status: 200,
      body: { links: [{ rel: 'next', href: `${LIST}?after=%0Abad` }], organizations: [org(1)] },
    });
    await expect(client.listPage()).rejects.toThrow(/links/);
  });

  it('maps filter errors to WSO2ApiError', async () => {
    h.route('GET', LIST, {
      status: 400,
      body: { code: 'ORG-60023', message: 'Unsupported filter attribute.', traceId: 't-1' },
    });
    await expect(client.listPage({ filter: 'colour eq red' })).rejects.toMatchObject({
      name: 'WSO2ApiError',
      status: 400,
      code: 'ORG-60023',
      traceId: 't-1',
    });
  });

  it('refuses a bad parent id or limit before sending', async () => {
    await expect(client.listChildren("x' or name co '")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(client.listPage({ limit: -1 })).rejects.toBeInstanceOf(InvalidInputError);
    expect(h.requests).toHaveLength(0);
  });
});

describe('one organization', () => {
  it('gets an organization with its ancestor path', async () => {
    h.route('GET', `${LIST}/${uuid(3)}`, {
      status: 200,
      body: {
        ...org(3),
        created: '2021-10-25T12:31:53.406Z',
        lastModified: '2021-10-25T12:31:53.406Z',
        type: 'TENANT',
        parent: { id: uuid(2), ref: `/api/server/v1/organizations/${uuid(2)}` },
        ancestorPath: [
          { id: uuid(1), name: 'Org 1', depth: 0 },
          { id: uuid(2), name: 'Org 2', depth: 1 },
        ],
      },
    });
    const found = await client.get(uuid(3));
    expect(found.parent?.id).toBe(uuid(2));
    expect(found.ancestorPath?.map((a) => a.depth)).toEqual([0, 1]);
  });

  it('maps ORG-60015 to WSO2ApiError', async () => {
    h.route('GET', `${LIST}/${uuid(4)}`, {
      status: 404,
      body: {
        code: 'ORG-60015',
        message: 'Invalid organization.',
        description: `Organization with ID: ${uuid(4)} doesn't exist.`,
        traceId: 'abc',
      },
    });
    const error = await client.get(uuid(4)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WSO2ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'ORG-60015',
      message: 'Invalid organization.',
    });
  });

  it('creates an organization under a parent', async () => {
    h.route('POST', LIST, {
      status: 201,
      body: { ...org(9), created: 'x', lastModified: 'y', type: 'TENANT', parent: { id: uuid(1) } },
    });
    const created = await client.create({ name: ' Org 9 ', parentId: uuid(1), orgHandle: 'org-9' });
    expect(created.id).toBe(uuid(9));
    expect(h.requests[0]!.body).toEqual({ name: 'Org 9', parentId: uuid(1), orgHandle: 'org-9' });
  });
});
