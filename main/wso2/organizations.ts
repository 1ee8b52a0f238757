/**
 * Client of the Organization Management API (reference §7): cursor-paged listing (newest
 * first), one organization with its ancestor path, and creation. Listing from root sees the
 * root's descendants; with `orgId` it runs through `/o/` and sees that org's descendants.
 */
import { type CallOptions, type Wso2Api, scopeOf } from './api';
import { InvalidInputError } from './errors';
import { parentIdFilter } from './filters';
import { requireUuid } from './ids';
import { readOrganizationsPage } from './organization-page';
import {
  type BasicOrganization,
  type Organization,
  organizationSchema,
} from './organization-schemas';
import { type Link, cursorGuard, cursorOf } from './paging';
import { parseResponse } from './schema';

export {
  ORG_STATUSES,
  basicOrganizationSchema,
  organizationSchema,
  organizationsResponseSchema,
} from './organization-schemas';
export type { BasicOrganization, Organization, OrgStatus } from './organization-schemas';

export interface ListOrganizationsOptions extends CallOptions {
  filter?: string;
  limit?: number;
  after?: string;
  before?: string;
  recursive?: boolean;
}

export interface OrganizationPage {
  organizations: BasicOrganization[];
  /** Cursor of the next page (`after`), absent on the last page. */
  next: string | undefined;
  /** Cursor of the previous page (`before`), absent on the first page. */
  previous: string | undefined;
}

export interface CreateOrganizationInput {
  name: string;
  orgHandle?: string;
  description?: string;
  type?: 'TENANT' | 'STRUCTURAL';
  /** Absent: the calling (root) organization becomes the parent. */
  parentId?: string;
  attributes?: { key: string; value: string }[];
}

export interface OrganizationsClient {
  listPage(options?: ListOrganizationsOptions): Promise<OrganizationPage>;
  /** Every page from `options.after` on; `onPage` sees each page as it arrives. */
  listAll(
    options?: Omit<ListOrganizationsOptions, 'before'>,
    onPage?: (page: OrganizationPage) => void,
  ): Promise<BasicOrganization[]>;
  /** All immediate children of `parentId` (`filter=parentId eq '<id>'`, every page). */
  listChildren(
    parentId: string,
    options?: CallOptions & { limit?: number },
  ): Promise<BasicOrganization[]>;
  get(organizationId: string, options?: CallOptions): Promise<Organization>;
  /** `GET /organizations/self`: the calling organization (the root, or the switched org). */
  getSelf(options?: CallOptions): Promise<Organization>;
  create(input: CreateOrganizationInput, options?: CallOptions): Promise<Organization>;
}

const WHAT = 'organization list';

export function createOrganizationsClient(api: Wso2Api): OrganizationsClient {
  const listPage = async (options: ListOrganizationsOptions = {}): Promise<OrganizationPage> => {
    if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 0)) {
      throw new InvalidInputError('limit', 'expected a non-negative integer');
    }
    const response = await api.call({
      method: 'GET',
      family: 'server-v1',
      path: 'organizations',
      query: {
        filter: options.filter,
        limit: options.limit,
        after: options.after,
        before: options.before,
        recursive: options.recursive,
      },
      ...scopeOf(options),
    });
    const body = readOrganizationsPage(response.body, WHAT);
    return pageOf(body.organizations ?? [], body.links);
  };

  const listAll: OrganizationsClient['listAll'] = async (options = {}, onPage) => {
    const guard = cursorGuard(WHAT);
    const all: BasicOrganization[] = [];
    let after = options.after;
    do {
      const page = await listPage({ ...options, after });
      onPage?.(page);
      for (const organization of page.organizations) all.push(organization);
      after = page.next;
      if (after !== undefined) guard(after);
    } while (after !== undefined);
    return all;
  };

  return {
    listPage,
    listAll,
    listChildren: async (parentId, options = {}) => {
      const filter = parentIdFilter(parentId);
      return await listAll({ ...options, filter, recursive: false });
    },
    get: async (organizationId, options) => {
      const id = requireUuid(organizationId, 'organizationId');
      const response = await api.call({
        method: 'GET',
        family: 'server-v1',
        path: `organizations/${id}`,
        ...scopeOf(options),
      });
      return parseResponse(organizationSchema, response.body, 'organization');
    },
    getSelf: async (options) => {
      const response = await api.call({
        method: 'GET',
        family: 'server-v1',
        path: 'organizations/self',
        ...scopeOf(options),
      });
      return parseResponse(organizationSchema, response.body, 'organization');
    },
    create: async (input, options) => {
      const response = await api.call({
        method: 'POST',
        family: 'server-v1',
        path: 'organizations',
        json: createBody(input),
        ...scopeOf(options),
      });
      return parseResponse(organizationSchema, response.body, 'created organization');
    },
  };
}

export function pageOf(
  organizations: BasicOrganization[],
  links: Link[] | undefined,
): OrganizationPage {
  return {
    organizations,
    next: cursorOf(links, 'next', WHAT),
    previous: cursorOf(links, 'previous', WHAT),
  };
}

function createBody(input: CreateOrganizationInput): CreateOrganizationInput {
  const name = input.name.trim();
  if (name === '') throw new InvalidInputError('name', 'empty');
  return {
    name,
    ...(input.orgHandle === undefined ? {} : { orgHandle: input.orgHandle }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.type === undefined ? {} : { type: input.type }),
    ...(input.parentId === undefined ? {} : { parentId: requireUuid(input.parentId, 'parentId') }),
    ...(input.attributes === undefined ? {} : { attributes: input.attributes }),
  };
}
