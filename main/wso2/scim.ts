/**
 * SCIM 2.0 list responses and index paging (`startIndex` is 1-based, `count` per page), shared
 * by the Agents and Roles clients.
 */
import { z } from 'zod';
import { ResponseSchemaError } from './errors';
import { InvalidInputError } from './errors';

export function scimListSchema<T extends z.ZodType>(resource: T) {
  return z.object({
    totalResults: z.number().int().nonnegative(),
    startIndex: z.number().int().optional(),
    itemsPerPage: z.number().int().nonnegative().optional(),
    schemas: z.array(z.string()).optional(),
    Resources: z.array(resource).optional(),
  });
}

export interface ScimPage<T> {
  resources: T[];
  totalResults: number;
  /** 1-based index of the first resource of this page. */
  startIndex: number;
}

export interface ScimPaging {
  startIndex?: number;
  count?: number;
}

export function checkPaging(paging: ScimPaging): void {
  if (
    paging.startIndex !== undefined &&
    (!Number.isInteger(paging.startIndex) || paging.startIndex < 1)
  ) {
    throw new InvalidInputError('startIndex', 'expected an integer ≥ 1');
  }
  if (paging.count !== undefined && (!Number.isInteger(paging.count) || paging.count < 0)) {
    throw new InvalidInputError('count', 'expected a non-negative integer');
  }
}

/** Upper bound on pages of one listing, so a server that never advances cannot spin us. */
const MAX_SCIM_PAGES = 10_000;

/**
 * Reads every page from `startIndex` on. Stops when `totalResults` is reached or a page comes
 * back empty; a page that does not advance past the previous one is a server fault.
 */
export async function scimListAll<T>(
  fetchPage: (startIndex: number) => Promise<ScimPage<T>>,
  what: string,
  firstIndex = 1,
): Promise<T[]> {
  const all: T[] = [];
  let startIndex = firstIndex;
  for (let pages = 0; pages < MAX_SCIM_PAGES; pages += 1) {
    const page = await fetchPage(startIndex);
    for (const resource of page.resources) all.push(resource);
    startIndex += page.resources.length;
    if (page.resources.length === 0 || startIndex > page.totalResults) return all;
  }
  throw new ResponseSchemaError(what, [{ path: 'startIndex', message: 'paging did not end' }]);
}
