/**
 * SCIM list plumbing: `startIndex` / `count` paging (1-based; a negative count means 0, as
 * RFC 7644 says), `attributes` / `excludedAttributes` projection, and the ListResponse body.
 */
import { scimError } from '../http';

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

export interface ScimPaging {
  startIndex: number;
  /** undefined: every remaining resource. */
  count: number | undefined;
}

function integerParam(name: string, raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined || raw.trim() === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw scimError(400, `'${name}' must be an integer.`, 'invalidValue');
  }
  return Number(raw.trim());
}

export function parsePaging(
  startIndex: string | null | undefined,
  count: string | null | undefined,
): ScimPaging {
  const start = integerParam('startIndex', startIndex) ?? 1;
  const size = integerParam('count', count);
  return {
    startIndex: Math.max(1, start),
    count: size === undefined ? undefined : Math.max(0, size),
  };
}

export function listResponse(all: readonly object[], paging: ScimPaging): object {
  const from = paging.startIndex - 1;
  const page = paging.count === undefined ? all.slice(from) : all.slice(from, from + paging.count);
  return {
    totalResults: all.length,
    startIndex: paging.startIndex,
    itemsPerPage: page.length,
    schemas: [LIST_RESPONSE_SCHEMA],
    ...(page.length > 0 ? { Resources: page } : {}),
  };
}

export interface Projection {
  attributes: string[] | undefined;
  excluded: string[];
}

const splitList = (raw: string | null | undefined): string[] =>
  (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

export function parseProjection(
  attributes: string | null | undefined,
  excluded: string | null | undefined,
): Projection {
  const wanted = splitList(attributes);
  return { attributes: wanted.length > 0 ? wanted : undefined, excluded: splitList(excluded) };
}

/** Splits `urn:…:schema.Attr`, `urn:…:schema:Attr` and `a.b` into a top key and a sub key. */
function pathOf(resource: Record<string, unknown>, name: string): [string, string | undefined] {
  const lower = name.toLowerCase();
  for (const key of Object.keys(resource)) {
    const k = key.toLowerCase();
    if (lower === k) return [key, undefined];
    if (lower.startsWith(`${k}.`) || (k.startsWith('urn:') && lower.startsWith(`${k}:`))) {
      return [key, name.slice(key.length + 1)];
    }
  }
  const dot = name.indexOf('.');
  return dot > 0 && !lower.startsWith('urn:')
    ? [name.slice(0, dot), name.slice(dot + 1)]
    : [name, undefined];
}

const keyIn = (object: Record<string, unknown>, name: string): string | undefined =>
  Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());

/**
 * Applies a projection to a resource. `requestOnly` attributes appear only when asked for by
 * `attributes`; `id` and `schemas` always stay.
 */
export function project(
  resource: Record<string, unknown>,
  projection: Projection,
  requestOnly: readonly string[],
): object {
  const out: Record<string, unknown> = {};
  if (projection.attributes) {
    for (const name of projection.attributes) {
      const [top, sub] = pathOf(resource, name);
      const key = keyIn(resource, top);
      if (key === undefined) continue;
      const value = resource[key];
      if (
        sub === undefined ||
        typeof value !== 'object' ||
        value === null ||
        Array.isArray(value)
      ) {
        out[key] = value;
        continue;
      }
      const subKey = keyIn(value as Record<string, unknown>, sub);
      if (subKey === undefined) continue;
      const existing = (out[key] as Record<string, unknown> | undefined) ?? {};
      out[key] = { ...existing, [subKey]: (value as Record<string, unknown>)[subKey] };
    }
  } else {
    const excluded = new Set(projection.excluded.map((e) => e.toLowerCase()));
    const hidden = new Set(requestOnly.map((r) => r.toLowerCase()));
    for (const [key, value] of Object.entries(resource)) {
      if (!excluded.has(key.toLowerCase()) && !hidden.has(key.toLowerCase())) out[key] = value;
    }
  }
  return { schemas: resource.schemas, id: resource.id, ...out };
}
