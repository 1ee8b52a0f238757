/**
 * Client of SCIM2 Roles v2 and v3 (reference §9), root or organization-scoped, with audience
 * filters and index paging. Role pickers for sharing list root roles; what a shared agent
 * holds in a child org is read from the share state instead.
 */
import { z } from 'zod';
import { type CallOptions, type Wso2Api, scopeOf } from './api';
import { WSO2ApiError } from './errors';
import { requireUuid } from './ids';
import { scimFilter } from './filters';
import { parseResponse } from './schema';
import { type ScimPage, type ScimPaging, checkPaging, scimListAll, scimListSchema } from './scim';

export type RolesApiVersion = 'v2' | 'v3';

export const roleSchema = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  audience: z
    .object({
      value: z.string(),
      display: z.string().optional(),
      type: z.enum(['organization', 'application']),
    })
    .optional(),
  meta: z.looseObject({ location: z.string().optional() }).optional(),
});
export type Role = z.infer<typeof roleSchema>;

const roleListSchema = scimListSchema(roleSchema);

/** What the Console leaves out of v3 role lists; those members can be huge. */
export const DEFAULT_V3_EXCLUDED = ['agents', 'groups', 'permissions', 'associatedApplications'];

export interface ListRolesOptions extends CallOptions, ScimPaging {
  version?: RolesApiVersion;
  audienceType?: 'organization' | 'application';
  /** An application id (or the org id) the roles belong to. */
  audienceValue?: string;
  /** Case-sensitive substring of the role name (`displayName co …`). */
  nameContains?: string;
  excludedAttributes?: readonly string[];
}

export interface RolesClient {
  listPage(options?: ListRolesOptions): Promise<ScimPage<Role>>;
  listAll(options?: Omit<ListRolesOptions, 'startIndex'>): Promise<Role[]>;
}

export const DEFAULT_ROLE_PAGE_SIZE = 100;

export function rolesFilter(options: ListRolesOptions): string | undefined {
  const parts: string[] = [];
  if (options.audienceType !== undefined) {
    parts.push(scimFilter('audience.type', 'eq', options.audienceType));
  }
  if (options.audienceValue !== undefined) {
    parts.push(
      scimFilter('audience.value', 'eq', requireUuid(options.audienceValue, 'audienceValue')),
    );
  }
  if (options.nameContains !== undefined) {
    parts.push(scimFilter('displayName', 'co', options.nameContains));
  }
  return parts.length === 0 ? undefined : parts.join(' and ');
}

export function createRolesClient(api: Wso2Api): RolesClient {
  const listPage = async (options: ListRolesOptions = {}): Promise<ScimPage<Role>> => {
    checkPaging(options);
    const version = options.version ?? 'v2';
    const startIndex = options.startIndex ?? 1;
    const excluded =
      options.excludedAttributes ?? (version === 'v3' ? DEFAULT_V3_EXCLUDED : undefined);
    let body: z.infer<typeof roleListSchema>;
    try {
      const response = await api.call({
        method: 'GET',
        family: 'scim2',
        path: `${version}/Roles`,
        query: {
          filter: rolesFilter(options),
          startIndex,
          count: options.count ?? DEFAULT_ROLE_PAGE_SIZE,
          excludedAttributes: excluded === undefined ? undefined : excluded.join(','),
        },
        ...scopeOf(options),
      });
      body = parseResponse(roleListSchema, response.body, 'role list');
    } catch (error) {
      // The roles API answers a filter with no match with 404 "Role not found in the system."
      if (error instanceof WSO2ApiError && error.status === 404) {
        return { resources: [], totalResults: 0, startIndex };
      }
      throw error;
    }
    return {
      resources: body.Resources ?? [],
      totalResults: body.totalResults,
      startIndex: body.startIndex ?? startIndex,
    };
  };

  return {
    listPage,
    listAll: (options = {}) =>
      scimListAll((startIndex) => listPage({ ...options, startIndex }), 'role list'),
  };
}
