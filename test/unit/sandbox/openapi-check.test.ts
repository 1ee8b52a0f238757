/** The spec checker used by the integration tests must catch responses that break the spec. */
import { describe, expect, it } from 'vitest';
import { specProblems, specsAvailable, SPECS_DIR } from '../../support/openapi';

const json = { 'content-type': 'application/json' };
const scimJson = { 'content-type': 'application/scim+json' };
const org = {
  id: 'b4526d91-a8bf-43d2-8b14-c548cf73065b',
  name: 'ABC Builders',
  orgHandle: 'abcbuilders',
  status: 'ACTIVE',
  version: 'v1.0.0',
  ref: '/t/carbon.super/api/server/v1/organizations/b4526d91-a8bf-43d2-8b14-c548cf73065b',
};

if (!specsAvailable())
  console.warn(`[openapi] ${SPECS_DIR} not found: spec checker tests skipped.`);

describe.skipIf(!specsAvailable())('OpenAPI response checker', () => {
  it('accepts conforming organization lists, including server-relative links', () => {
    const body = {
      links: [
        { href: '/t/carbon.super/api/server/v1/organizations?limit=1&after=MjA=', rel: 'next' },
      ],
      organizations: [org],
    };
    expect(
      specProblems('organizations', 'GET', '/organizations', { status: 200, headers: json, body }),
    ).toEqual([]);
  });

  it('reports missing required fields, wrong types and bad enum values', () => {
    const { orgHandle: _dropped, ...missing } = org;
    const body = { organizations: [missing, { ...org, status: 'GONE', hasChildren: 'yes' }] };
    const problems = specProblems('organizations', 'GET', '/organizations', {
      status: 200,
      headers: json,
      body,
    });
    expect(problems.join('\n')).toMatch(/organizations\/0 must have required property 'orgHandle'/);
    expect(problems.join('\n')).toMatch(
      /organizations\/1\/status must be equal to one of the allowed values/,
    );
    expect(problems.join('\n')).toMatch(/organizations\/1\/hasChildren must be boolean/);
  });

  it('follows response references to the Error schema', () => {
    const ok = {
      code: 'ORG-60015',
      message: 'Invalid organization.',
      description: 'd',
      traceId: 't',
    };
    const path = '/organizations/{organization-id}';
    expect(
      specProblems('organizations', 'GET', path, { status: 404, headers: json, body: ok }),
    ).toEqual([]);
    expect(
      specProblems('organizations', 'GET', path, {
        status: 404,
        headers: json,
        body: { message: 'x' },
      }),
    ).toEqual(["body must have required property 'code'"]);
  });

  it('reports undocumented statuses, operations and content types', () => {
    const reply = { status: 418, headers: json, body: {} };
    expect(specProblems('organizations', 'GET', '/organizations', reply)[0]).toMatch(
      /status 418 is not documented/,
    );
    expect(specProblems('organizations', 'PATCH', '/organizations', reply)[0]).toMatch(/not in/);
    const html = { status: 200, headers: { 'content-type': 'text/html' }, body: '' };
    expect(specProblems('organizations', 'GET', '/organizations', html)[0]).toMatch(
      /content type 'text\/html'/,
    );
  });

  it('checks Swagger 2.0 SCIM role lists and their content type', () => {
    const body = {
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      Resources: [
        {
          id: 'r',
          displayName: 'Org Viewer',
          audience: { value: 'v', display: 'd', type: 'organization' },
        },
      ],
    };
    expect(
      specProblems('scim2', 'GET', '/v2/Roles', { status: 200, headers: scimJson, body }),
    ).toEqual([]);
    const badType = {
      ...body,
      Resources: [{ ...body.Resources[0], audience: { type: 'tenant' } }],
    };
    expect(
      specProblems('scim2', 'GET', '/v3/Roles', { status: 200, headers: scimJson, body: badType }),
    ).toHaveLength(1);
    expect(
      specProblems('scim2', 'GET', '/v2/Roles', { status: 200, headers: json, body })[0],
    ).toMatch(/not produced/);
  });
});
