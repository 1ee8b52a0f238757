import { describe, expect, it } from 'vitest';
import { ReplyError } from '../../../main/sandbox/http';
import { compareTest, parseScimFilter } from '../../../main/sandbox/scim/filter';
import {
  listResponse,
  parsePaging,
  parseProjection,
  project,
} from '../../../main/sandbox/scim/list';

function detailOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof ReplyError)) throw error;
    expect(error.reply.status).toBe(400);
    return (error.reply.body as { detail: string }).detail;
  }
}

describe('SCIM filters', () => {
  it('parses comparisons with quoted and bare values, and precedence of and over or', () => {
    expect(parseScimFilter('userName eq "bjensen"')).toEqual({
      kind: 'compare',
      attribute: 'userName',
      operator: 'eq',
      value: 'bjensen',
    });
    const tree = parseScimFilter('a eq 1 or b co two words and not (c sw "x\\"y")');
    expect(tree).toEqual({
      kind: 'or',
      left: { kind: 'compare', attribute: 'a', operator: 'eq', value: '1' },
      right: {
        kind: 'and',
        left: { kind: 'compare', attribute: 'b', operator: 'co', value: 'two words' },
        right: {
          kind: 'not',
          operand: { kind: 'compare', attribute: 'c', operator: 'sw', value: 'x"y' },
        },
      },
    });
  });

  it.each(['', 'userName', 'userName eq', 'userName zz x', '(a eq 1', 'a eq "open', 'a eq 1 and'])(
    'rejects "%s" as an invalid filter',
    (filter) => {
      expect(detailOf(() => parseScimFilter(filter))).toMatch(/Invalid filter/);
    },
  );

  it('compares case-insensitively unless asked for exact case', () => {
    expect(compareTest('co', 'ASSIST', false)('Support Assistant')).toBe(true);
    expect(compareTest('co', 'ASSIST', true)('Support Assistant')).toBe(false);
    expect(compareTest('ne', 'x', true)(undefined)).toBe(true);
    expect(compareTest('eq', 'x', true)(undefined)).toBe(false);
    expect(compareTest('ew', 'tant', true)('Support Assistant')).toBe(true);
  });
});

describe('SCIM lists', () => {
  const items = Array.from({ length: 5 }, (_, i) => ({ id: String(i) }));

  it('pages 1-based and omits Resources when the page is empty', () => {
    expect(listResponse(items, parsePaging('2', '2'))).toEqual({
      totalResults: 5,
      startIndex: 2,
      itemsPerPage: 2,
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      Resources: [{ id: '1' }, { id: '2' }],
    });
    expect(listResponse(items, parsePaging('9', undefined))).not.toHaveProperty('Resources');
    expect(listResponse(items, parsePaging('0', '-3'))).toMatchObject({
      startIndex: 1,
      itemsPerPage: 0,
    });
    expect(detailOf(() => parsePaging('x', null))).toMatch(/startIndex/);
  });

  it('projects attributes, sub-attributes and exclusions, keeping id and schemas', () => {
    const resource = {
      schemas: ['s'],
      id: '1',
      displayName: 'Org Viewer',
      audience: { type: 'organization', value: 'v', display: 'd' },
      'urn:scim:wso2:agent:schema': { DisplayName: 'A', Owner: 'o' },
      permissions: [{ value: 'p' }],
    };
    expect(project(resource, parseProjection('displayName,audience.type', null), [])).toEqual({
      schemas: ['s'],
      id: '1',
      displayName: 'Org Viewer',
      audience: { type: 'organization' },
    });
    expect(
      project(resource, parseProjection('urn:scim:wso2:agent:schema.DisplayName', null), []),
    ).toEqual({
      schemas: ['s'],
      id: '1',
      'urn:scim:wso2:agent:schema': { DisplayName: 'A' },
    });
    const trimmed = project(resource, parseProjection(null, 'audience'), ['permissions']);
    expect(Object.keys(trimmed).sort()).toEqual([
      'displayName',
      'id',
      'schemas',
      'urn:scim:wso2:agent:schema',
    ]);
  });
});
