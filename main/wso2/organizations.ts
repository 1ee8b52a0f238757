/**
 * Client of the Organization Management API (reference §7): cursor-paged listing (newest
 * first), one organization with its ancestor path, and creation. Listing from root sees the
 * root's descendants; with `orgId` it runs through `/o/` and sees that org's descendants.
 */
import { z } from 'zod';
import { type CallOptions, type Wso2Api, scopeOf } from './api';
import { InvalidInputError } from './errors';
import { parentIdFilter } from './filters';
import { requireUuid, uuidSchema } from './ids';
import { type Link, cursorGuard, cursorOf, linkSchema } from './paging';
import { parseResponse } from './schema';

export const ORG_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

const attributeSchema = z.object({ key: z.string(), value: z.string() });

export const basicOrganizationSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  orgHandle: z.string(),
  status: z.enum(ORG_STATUSES),
  version: z.string().optional(),
  /** Not required by the spec; absent is read as "unknown" by callers. */
  hasChildren: z.boolean().optional(),
  ref: z.string().optional(),
  attributes: z.array(attributeSchema).optional(),
});
export type BasicOrganization = z.infer<typeof basicOrganizationSchema>;

/** `{}` when nothing matches (no `organizations`, no `links`). */
export const organizationsResponseSchema = z.object({
  links: z.array(linkSchema).optional(),
  organizations: z.array(basicOrganizationSchema).optional(),
});

export const organizationSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  orgHandle: z.string(),
  description: z.string().optional(),
  status: z.enum(ORG_STATUSES),
  version: z.string().optional(),
  created: z.string().optional(),
  lastModified: z.string().optional(),
  type: z.enum(['TENANT', 'STRUCTURAL']).optional(),
  hasChildren: z.boolean().optional(),
  parent: z.object({ id: uuidSchema, ref: z.string().optional() }).optional(),
  attributes: z.array(attributeSchema).optional(),
  permissions: z.array(z.string()).optional(),
  /** Ancestors up to the calling organization (root depth 0). */
  ancestorPath: z
    .array(z.object({ id: uuidSchema, name: z.string(), depth: z.number().int() }))
    .optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

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
    const body = parseResponse(organizationsResponseSchema, response.body, WHAT);
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
