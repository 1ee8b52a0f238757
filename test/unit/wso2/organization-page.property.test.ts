import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResponseSchemaError } from '../../../main/wso2/errors';
import {
  checkOrganizationsPage,
  readOrganizationsPage,
} from '../../../main/wso2/organization-page';
import { organizationsResponseSchema } from '../../../main/wso2/organization-schemas';
import { parseResponse } from '../../../main/wso2/schema';

const WHAT = 'organization list';

/** Any JSON value, as a server could send it in place of a field. */
const anyJson = fc.jsonValue({ maxDepth: 2 });

const uuid = fc.uuid().chain((id) => fc.constantFrom(id, id.toUpperCase()));

/** Fields a server may add; the schema drops them, so the fast pass must too. */
const extras = fc.dictionary(
  fc.constantFrom('parentId', 'description', 'type', 'x', '__proto__', 'constructor'),
  anyJson,
  { maxKeys: 2 },
);

const attribute = fc.record({ key: fc.string(), value: fc.string() });

const organization = fc
  .record(
    {
      id: uuid,
      name: fc.string(),
      orgHandle: fc.string(),
      status: fc.constantFrom('ACTIVE', 'DISABLED'),
      version: fc.string(),
      hasChildren: fc.boolean(),
      ref: fc.string(),
      attributes: fc.array(attribute, { maxLength: 3 }),
    },
    { requiredKeys: ['id', 'name', 'orgHandle', 'status'] },
  )
  .chain((org) => extras.map((extra) => ({ ...extra, ...org })));

const link = fc.record({
  href: fc.string(),
  rel: fc.constantFrom('next', 'previous', 'self'),
});

const validPage = fc.record(
  {
    links: fc.array(link, { maxLength: 2 }),
    organizations: fc.array(organization, { maxLength: 6 }),
  },
  { requiredKeys: [] },
);

type Json = Record<string, unknown> | unknown[];

/** Every path to a value inside `value`, e.g. `['organizations', 2, 'status']`. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [
      [...prefix, index],
      ...pathsOf(item, [...prefix, index]),
    ]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

/** A deep copy of `page` with the value at `path` replaced, or deleted when `value` is absent. */
function changedAt(page: unknown, path: (string | number)[], value?: unknown): unknown {
  const copy = structuredClone(page) as Json;
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key]!;
  const last = path.at(-1)!;
  if (value === undefined) delete (parent as Record<string | number, unknown>)[last];
  else (parent as Record<string | number, unknown>)[last] = value;
  return copy;
}

/** A valid page with one value replaced by any JSON value, or one field deleted. */
const brokenPage = validPage.chain((page) => {
  const paths = pathsOf(page);
  const whole = fc.oneof(anyJson, fc.constant(null), fc.array(anyJson));
  if (paths.length === 0) return whole;
  return fc
    .tuple(fc.constantFrom(...paths), fc.option(anyJson, { nil: undefined }))
    .map(([path, value]) => changedAt(page, path, value));
});

function schemaVerdict(body: unknown) {
  const result = organizationsResponseSchema.safeParse(body);
  return result.success ? { ok: true as const, data: result.data } : { ok: false as const };
}

function errorOf(run: () => unknown): ResponseSchemaError {
  try {
    run();
  } catch (error) {
    if (error instanceof ResponseSchemaError) return error;
    throw error;
  }
  throw new Error('expected a ResponseSchemaError');
}

describe('the one-pass organization page check', () => {
  it('returns what the schema returns for valid pages, extra fields dropped', () => {
    fc.assert(
      fc.property(validPage, (page) => {
        const verdict = schemaVerdict(page);
        expect(verdict.ok).toBe(true);
        const fast = checkOrganizationsPage(page);
        expect(fast).toStrictEqual(verdict.ok ? verdict.data : undefined);
        // Same keys in the same order, so a cached or serialized page reads the same.
        expect(JSON.stringify(fast)).toBe(JSON.stringify(verdict.ok ? verdict.data : undefined));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the schema on broken pages, and names the same failing field', () => {
    let refused = 0;
    fc.assert(
      fc.property(brokenPage, (page) => {
        const verdict = schemaVerdict(page);
        const fast = checkOrganizationsPage(page);
        if (verdict.ok) {
          expect(fast).toStrictEqual(verdict.data);
          return;
        }
        refused += 1;
        expect(fast).toBeUndefined();
        const expected = errorOf(() => parseResponse(organizationsResponseSchema, page, WHAT));
        const actual = errorOf(() => readOrganizationsPage(page, WHAT));
        expect(actual.issues).toEqual(expected.issues);
        expect(actual.message).toBe(expected.message);
      }),
      { numRuns: 500 },
    );
    // The generator must actually break pages, or the property above says nothing.
    expect(refused).toBeGreaterThan(100);
  });

  it('names the field of a bad status, id or attribute', () => {
    const org = {
      id: '0b6e8e5c-2f7d-4a51-9b1e-3c0d1f2a4b5c',
      name: 'Org',
      orgHandle: 'org',
      status: 'ACTIVE',
    };
    const cases: [unknown, string][] = [
      [{ organizations: [org, { ...org, status: 'GONE' }] }, 'organizations[1].status'],
      [{ organizations: [{ ...org, id: 'not-a-uuid' }] }, 'organizations[0].id'],
      [
        { organizations: [{ ...org, attributes: [{ key: 'k', value: 3 }] }] },
        'organizations[0].attributes[0].value',
      ],
      [{ links: [{ rel: 'next' }], organizations: [] }, 'links[0].href'],
      [{ organizations: {} }, 'organizations'],
      [[], ''],
    ];
    for (const [page, path] of cases) {
      expect(checkOrganizationsPage(page)).toBeUndefined();
      expect(errorOf(() => readOrganizationsPage(page, WHAT)).issues[0]!.path).toBe(path);
    }
  });
});
