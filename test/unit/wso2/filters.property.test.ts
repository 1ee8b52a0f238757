import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../main/wso2/errors';
import {
  type OrgFilterCondition,
  SCIM_OPERATORS,
  TEXT_OPERATORS,
  orgFilter,
  parentIdFilter,
  scimFilter,
} from '../../../main/wso2/filters';

// eslint-disable-next-line no-control-regex -- the characters the builder must refuse
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A reader of the organization filter grammar as the builder promises to write it: conditions
 * joined by ` and `, each `attribute operator value`, ids in single quotes.
 */
function parseOrgFilter(filter: string): OrgFilterCondition[] {
  return filter.split(' and ').map((part) => {
    const match = /^(\w+) (eq|co|sw|ew) (.+)$/s.exec(part);
    if (match === null) throw new Error(`unparseable condition: ${part}`);
    const quoted = /^'([^']*)'$/.exec(match[3]!);
    return {
      attribute: match[1] as OrgFilterCondition['attribute'],
      operator: match[2] as OrgFilterCondition['operator'],
      value: quoted === null ? match[3]! : quoted[1]!,
    };
  });
}

/** A reader of one SCIM comparison whose value is a JSON string literal to the end. */
function parseScimFilter(filter: string): { attribute: string; operator: string; value: string } {
  const match = /^(\S+) (eq|ne|co|sw|ew) (".*")$/s.exec(filter);
  if (match === null) throw new Error(`unparseable filter: ${filter}`);
  return { attribute: match[1]!, operator: match[2]!, value: JSON.parse(match[3]!) as string };
}

const textValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    "O'Brien",
    'a"b',
    'back\\slash',
    'x and y',
    'Sales or Ops',
    ' lead',
    'two  spaces',
    'not',
  ),
  fc.stringMatching(/^[A-Za-z0-9-]{1,12}( [A-Za-z0-9-]{1,12}){0,3}$/),
);

const condition = fc.record({
  attribute: fc.constantFrom<OrgFilterCondition['attribute']>(
    'name',
    'orgHandle',
    'description',
    'status',
  ),
  operator: fc.constantFrom(...TEXT_OPERATORS),
  value: textValue,
});

function build(fn: () => string): string | InvalidInputError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
}

describe('organization filters', () => {
  it('parse back to exactly the conditions built, or are refused', () => {
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 3 }), (conditions) => {
        const built = build(() => orgFilter(conditions));
        if (built instanceof InvalidInputError) return;
        expect(parseOrgFilter(built)).toEqual(conditions);
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts ordinary names', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9-]{1,12}( [A-Za-z0-9-]{1,12}){0,3}$/), (value) => {
        fc.pre(!/(^| )(and|or|not)( |$)/i.test(value));
        expect(orgFilter([{ attribute: 'name', operator: 'co', value }])).toBe(`name co ${value}`);
      }),
    );
  });

  it('refuses values that would change the expression', () => {
    for (const value of [
      "x' or name co '",
      'a and parentId eq b',
      'a"b',
      'back\\',
      'tab\there',
      '',
    ]) {
      expect(() => orgFilter([{ attribute: 'name', operator: 'eq', value }])).toThrow(
        InvalidInputError,
      );
    }
  });

  it('quotes validated ids for parentId, as the Console does', () => {
    const id = 'b028ca17-8f89-449c-ae27-fa955e66465d';
    expect(parentIdFilter(id)).toBe(`parentId eq '${id}'`);
    expect(
      parseOrgFilter(orgFilter([{ attribute: 'parentId', operator: 'eq', value: id }])),
    ).toEqual([{ attribute: 'parentId', operator: 'eq', value: id }]);
    expect(() => parentIdFilter(`${id}' or '1`)).toThrow(InvalidInputError);
  });
});

describe('SCIM filters', () => {
  it('round-trip any value through the JSON string literal, or refuse it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('displayName', 'audience.type', 'urn:scim:wso2:agent:schema.DisplayName'),
        fc.constantFrom(...SCIM_OPERATORS),
        textValue,
        (attribute, operator, value) => {
          const built = build(() => scimFilter(attribute, operator, value));
          if (built instanceof InvalidInputError) {
            expect(value === '' || CONTROL.test(value)).toBe(true);
            return;
          }
          expect(parseScimFilter(built)).toEqual({ attribute, operator, value });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses attribute paths that are not SCIM attributes', () => {
    for (const attribute of ['a b', 'x) or (y', '', '"q"']) {
      expect(() => scimFilter(attribute, 'eq', 'v')).toThrow(InvalidInputError);
    }
  });
});
