import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrgFilterError, parseOrgFilter } from '../../../main/sandbox/orgs/filter';

function codeOf(filter: string): string | undefined {
  try {
    parseOrgFilter(filter);
    return undefined;
  } catch (error) {
    if (error instanceof OrgFilterError) return error.code;
    throw error;
  }
}

describe('organization filter parser', () => {
  it('reads bare, multi-word and quoted values', () => {
    expect(parseOrgFilter('name eq ABC Builders')).toEqual([
      { attribute: 'name', operator: 'eq', value: 'ABC Builders' },
    ]);
    expect(parseOrgFilter("parentId eq '3b1c6a52-8f0e-4c5e-9d2a-6f1b7c2e4a10'")).toEqual([
      { attribute: 'parentId', operator: 'eq', value: '3b1c6a52-8f0e-4c5e-9d2a-6f1b7c2e4a10' },
    ]);
    expect(parseOrgFilter('description co "and or not"')).toEqual([
      { attribute: 'description', operator: 'co', value: 'and or not' },
    ]);
  });

  it('combines conditions with and, in any letter case, and normalizes attribute names', () => {
    expect(parseOrgFilter('NAME SW Bus AND orghandle EW -asia and Status eq ACTIVE')).toEqual([
      { attribute: 'name', operator: 'sw', value: 'Bus' },
      { attribute: 'orgHandle', operator: 'ew', value: '-asia' },
      { attribute: 'status', operator: 'eq', value: 'ACTIVE' },
    ]);
    expect(parseOrgFilter('(id eq x) and (attributes.Country eq Sri Lanka)')).toEqual([
      { attribute: 'id', operator: 'eq', value: 'x' },
      { attribute: 'attributes.Country', operator: 'eq', value: 'Sri Lanka' },
    ]);
  });

  it('accepts time comparisons on created and lastModified', () => {
    expect(parseOrgFilter("created gt '2026-01-02 03:04:05.5'")).toEqual([
      { attribute: 'created', operator: 'gt', value: '2026-01-02 03:04:05.5' },
    ]);
  });

  it('has no conditions for an empty or blank filter', () => {
    expect(parseOrgFilter('')).toEqual([]);
    expect(parseOrgFilter('   ')).toEqual([]);
    expect(parseOrgFilter(undefined)).toEqual([]);
  });

  it.each([
    ['name eq', 'ORG-60022'],
    ["name eq 'unterminated", 'ORG-60022'],
    ['name eq x and', 'ORG-60022'],
    ['name eq x)', 'ORG-60022'],
    ['(name eq x', 'ORG-60022'],
    [')', 'ORG-60022'],
    ['name xx y', 'ORG-60022'],
    ["name eq 'x' or '1'='1", 'ORG-60022'],
    ["created gt 'yesterday'", 'ORG-60022'],
    ['colour eq red', 'ORG-60023'],
    ['attributes. eq x', 'ORG-60023'],
    ['name eq a or name eq b', 'ORG-60024'],
    ['not name eq a', 'ORG-60024'],
    ['name gt a', 'ORG-60059'],
    ['name ne a', 'ORG-60059'],
    ['name pr', 'ORG-60059'],
    ["created co '2026-01-01 00:00:00'", 'ORG-60059'],
  ])('rejects %s with %s', (filter, code) => {
    expect(codeOf(filter)).toBe(code);
  });

  it('keeps injection attempts as literal values', () => {
    expect(parseOrgFilter("name eq x' or '1'='1")).toEqual([
      { attribute: 'name', operator: 'eq', value: 'x  or  1 = 1' },
    ]);
    expect(parseOrgFilter(`name eq "x' or '1'='1"`)).toEqual([
      { attribute: 'name', operator: 'eq', value: "x' or '1'='1" },
    ]);
  });

  it('handles 10 000-character values and unicode', () => {
    const long = 'x'.repeat(10_000);
    expect(parseOrgFilter(`name co ${long}`)[0]!.value).toHaveLength(10_000);
    expect(parseOrgFilter('name eq São Paulo 東京 🚀')[0]!.value).toBe('São Paulo 東京 🚀');
  });

  it('never fails with anything but an organization filter error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (filter) => {
        const code = codeOf(filter);
        expect(code === undefined || /^ORG-600\d\d$/.test(code)).toBe(true);
      }),
    );
  });
});
