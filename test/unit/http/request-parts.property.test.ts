/** Request URLs: the query written as text must come out as `searchParams.append` makes it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../../../main/http';
import { resolveUrl, type QueryValue } from '../../../main/http/request-parts';

const BASE = new URL('https://is.example/prefix/');

/** The URL built the long way: the path parsed, then each parameter appended to it. */
function appended(target: string, query: Record<string, QueryValue>): string {
  const url = new URL(`/prefix${target}`, BASE.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.append(name, String(value));
  }
  return url.toString();
}

const text = fc.string({ unit: 'binary', maxLength: 12 });
const queryValue = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(undefined));
const query = fc.dictionary(
  fc.oneof(text, fc.constantFrom('filter', 'limit', 'after', 'recursive')),
  queryValue,
  { maxKeys: 5 },
);
const segment = fc.oneof(
  fc.constantFrom('organizations', 'agents', '%2e%2e', '..', 'a b', 'ü', '{x}'),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/),
);
const path = fc
  .array(segment, { minLength: 1, maxLength: 4 })
  .map((parts) => `/${parts.join('/')}`);

describe('request URLs', () => {
  it('match the appended form for any path and query values', () => {
    fc.assert(
      fc.property(path, query, (target, values) => {
        expect(resolveUrl(BASE, target, values, 'GET').toString()).toBe(appended(target, values));
      }),
      { numRuns: 500 },
    );
  });

  it('encodes the organization filter as the server reads it', () => {
    const url = resolveUrl(
      BASE,
      '/t/carbon.super/api/server/v1/organizations',
      { filter: "parentId eq '0b6e8e5c-2f7d-4a51-9b1e-3c0d1f2a4b5c'", limit: 100, after: 'QQ==' },
      'GET',
    );
    expect(url.search).toBe(
      '?filter=parentId+eq+%270b6e8e5c-2f7d-4a51-9b1e-3c0d1f2a4b5c%27&limit=100&after=QQ%3D%3D',
    );
    expect(url.searchParams.get('filter')).toBe(
      "parentId eq '0b6e8e5c-2f7d-4a51-9b1e-3c0d1f2a4b5c'",
    );
  });

  it('merges a query into a target that has one, and keeps refusing other origins', () => {
    expect(resolveUrl(BASE, '/x?a=b c', { d: 'e' }, 'GET').toString()).toBe(
      'https://is.example/prefix/x?a=b+c&d=e',
    );
    expect(resolveUrl(BASE, 'https://is.example/y', { q: '1' }, 'GET').toString()).toBe(
      'https://is.example/y?q=1',
    );
    expect(() => resolveUrl(BASE, 'https://evil.example/x', {}, 'GET')).toThrow(
      InvalidRequestError,
    );
    expect(() => resolveUrl(BASE, 'relative', {}, 'GET')).toThrow(InvalidRequestError);
  });
});
