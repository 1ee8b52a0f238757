import { describe, expect, it } from 'vitest';
import { ReplyError } from '../../../../main/sandbox/http';
import {
  bind,
  generalShareSchema,
  generalUnshareSchema,
  patchSchema,
  selectiveShareSchema,
  selectiveUnshareSchema,
} from '../../../../main/sandbox/sharing/bodies';
import { SHARING_ERRORS } from '../../../../main/sandbox/sharing/errors';
import { parseShareQuery } from '../../../../main/sandbox/sharing/query';
import {
  generalShareCommand,
  generalUnshareCommand,
  patchCommand,
  selectiveShareCommand,
  selectiveUnshareCommand,
} from '../../../../main/sandbox/sharing/validate';

const TRACE = 'trace-1';
const AGENT = '7a1b7d63-8cfc-4dc9-9332-3f84641b72d8';
const ORG = 'b028ca17-8f89-449c-ae27-fa955e66465d';
const criteria = { agentIds: [AGENT] };
const role = { displayName: 'Viewer', audience: { display: 'Super', type: 'organization' } };

function failure(run: () => unknown): { status: number; body: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof ReplyError) {
      return { status: error.reply.status, body: error.reply.body as Record<string, unknown> };
    }
    throw error;
  }
  throw new Error('expected a client error');
}

const codeOf = (run: () => unknown): unknown => failure(run).body.code;

const selective = (body: unknown) =>
  selectiveShareCommand(bind(selectiveShareSchema, body, TRACE), TRACE);
const general = (body: unknown) =>
  generalShareCommand(bind(generalShareSchema, body, TRACE), TRACE);
const unshare = (body: unknown) =>
  selectiveUnshareCommand(bind(selectiveUnshareSchema, body, TRACE), TRACE);
const unshareAll = (body: unknown) =>
  generalUnshareCommand(bind(generalUnshareSchema, body, TRACE), TRACE);
const patch = (body: unknown) => patchCommand(bind(patchSchema, body, TRACE), TRACE);
const op = (overrides: Record<string, unknown>) => ({
  agentCriteria: criteria,
  Operations: [
    { op: 'add', path: `organizations[orgId eq ${ORG}].roles`, value: [role], ...overrides },
  ],
});

describe('error bodies', () => {
  it('carry code, message, description and the request trace id', () => {
    expect(failure(() => general({ policy: 'ALL_EXISTING_AND_FUTURE_ORGS' }))).toEqual({
      status: 400,
      body: { ...SHARING_ERRORS.missingCriteria, traceId: TRACE },
    });
  });

  it('uses the documented text for an empty agentIds list', () => {
    expect(failure(() => unshareAll({ agentCriteria: { agentIds: [] } })).body).toMatchObject({
      code: 'ASM-60013',
      message: 'Empty agentIds list in agent criteria.',
      description: 'The agentIds list in the agent criteria must contain at least one entry.',
    });
  });
});

describe('request bodies', () => {
  it('answer a missing body with the endpoint-specific code', () => {
    expect(codeOf(() => selective(null))).toBe('ASM-60000');
    expect(codeOf(() => general(null))).toBe('ASM-60001');
    expect(codeOf(() => unshare(null))).toBe('ASM-60002');
    expect(codeOf(() => unshareAll(null))).toBe('ASM-60003');
    expect(codeOf(() => patch(null))).toBe('ASM-60005');
  });

  it('need agent criteria with agent ids', () => {
    expect(codeOf(() => unshareAll({}))).toBe('ASM-60006');
    expect(codeOf(() => unshareAll({ agentCriteria: {} }))).toBe('ASM-60006');
    expect(codeOf(() => unshareAll({ agentCriteria: { agentIds: [] } }))).toBe('ASM-60013');
    expect(unshareAll({ agentCriteria: criteria })).toEqual({ agentIds: [AGENT] });
  });

  it('reject a policy the parser does not know, in any position', () => {
    expect(codeOf(() => general({ agentCriteria: criteria, policy: 'EVERYWHERE' }))).toBe(
      'ASM-60009',
    );
    expect(codeOf(() => general({ agentCriteria: criteria }))).toBe('ASM-60009');
    const orgs = [
      { orgId: ORG, policy: 'SELECTED_ORG_ONLY' },
      { orgId: ORG, policy: 'nope' },
    ];
    expect(codeOf(() => selective({ agentCriteria: criteria, organizations: orgs }))).toBe(
      'ASM-60009',
    );
  });

  it('accept any PolicyEnum value in any case and keep it canonical', () => {
    const command = general({
      agentCriteria: criteria,
      policy: 'immediate_existing_and_future_orgs',
    });
    expect(command.policy).toBe('IMMEDIATE_EXISTING_AND_FUTURE_ORGS');
  });

  it('check policies of every org before the org ids (REST layer before the service)', () => {
    const orgs = [{ policy: 'SELECTED_ORG_ONLY' }, { orgId: ORG, policy: 'bad' }];
    expect(codeOf(() => selective({ agentCriteria: criteria, organizations: orgs }))).toBe(
      'ASM-60009',
    );
    const missingId = [
      { orgId: ORG, policy: 'SELECTED_ORG_ONLY' },
      { policy: 'SELECTED_ORG_ONLY' },
    ];
    expect(codeOf(() => selective({ agentCriteria: criteria, organizations: missingId }))).toBe(
      'OAS-10007',
    );
  });

  it('treat role assignments the way the generated model does', () => {
    const org = (roleAssignment?: unknown) =>
      selective({
        agentCriteria: criteria,
        organizations: [{ orgId: ORG, policy: 'SELECTED_ORG_ONLY', roleAssignment }],
      }).organizations[0]!.roleAssignment;
    expect(org()).toEqual({ mode: 'NONE', roles: [] });
    expect(org({})).toEqual({ mode: 'SELECTED', roles: [] });
    expect(org({ mode: null, roles: [role] }).mode).toBe('NONE');
    // Null roles and roles without an audience are dropped before validation.
    expect(org({ mode: 'SELECTED', roles: [null, { displayName: 'X' }, role] }).roles).toEqual([
      { displayName: 'Viewer', audienceDisplay: 'Super', audienceType: 'organization' },
    ]);
  });

  it('name the missing part of a role', () => {
    const withRole = (r: unknown) => () =>
      general({
        agentCriteria: criteria,
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
        roleAssignment: { roles: [r] },
      });
    expect(codeOf(withRole({ audience: { display: 'a', type: 'organization' } }))).toBe(
      'OAS-10008',
    );
    expect(codeOf(withRole({ displayName: 'r', audience: { type: 'organization' } }))).toBe(
      'OAS-10009',
    );
    expect(codeOf(withRole({ displayName: 'r', audience: { display: 'a' } }))).toBe('OAS-10010');
  });

  it('reject values of the wrong JSON type as an invalid request naming the field', () => {
    const bad = failure(() => general({ agentCriteria: { agentIds: 'abc' }, policy: 'x' }));
    expect(bad.body).toMatchObject({ code: 'UE-10000', message: 'Invalid Request' });
    expect(bad.body.description).toContain('agentCriteria.agentIds');
    const mode = { agentCriteria: criteria, policy: 'x', roleAssignment: { mode: '' } };
    expect(failure(() => general(mode)).body.description).toContain('roleAssignment.mode');
    expect(codeOf(() => general([]))).toBe('UE-10000');
  });

  it('need orgIds to unshare, without null entries', () => {
    expect(codeOf(() => unshare({ agentCriteria: criteria }))).toBe('OAS-10003');
    expect(codeOf(() => unshare({ agentCriteria: criteria, orgIds: [ORG, null] }))).toBe(
      'OAS-10007',
    );
    expect(unshare({ agentCriteria: criteria, orgIds: [] })).toEqual({
      agentIds: [AGENT],
      orgIds: [],
    });
  });
});

describe('patch operations', () => {
  it('accept add and remove in any case and extract the org id', () => {
    expect(patch(op({ op: ' Remove ' })).operations).toEqual([
      {
        op: 'remove',
        orgId: ORG,
        roles: [{ displayName: 'Viewer', audienceDisplay: 'Super', audienceType: 'organization' }],
      },
    ]);
  });

  it('reject other operations', () => {
    expect(codeOf(() => patch(op({ op: 'replace' })))).toBe('ASM-60012');
    expect(codeOf(() => patch(op({ op: null })))).toBe('ASM-60012');
  });

  it('reject empty and unsupported paths', () => {
    expect(codeOf(() => patch(op({ path: '' })))).toBe('ASM-60008');
    expect(codeOf(() => patch(op({ path: null })))).toBe('ASM-60008');
    expect(codeOf(() => patch(op({ path: `organizations[orgId eq ${ORG}].name` })))).toBe(
      'ASM-60007',
    );
    expect(codeOf(() => patch(op({ path: `orgs[orgId eq ${ORG}].roles` })))).toBe('OAS-10023');
    expect(codeOf(() => patch(op({ path: 'organizations[orgId eq  ].roles' })))).toBe('OAS-10007');
    expect(codeOf(() => patch(op({ path: `organizations[orgId eq "${ORG}"].roles` })))).toBe(
      'OAS-10027',
    );
  });

  it('check the operation name before the path', () => {
    expect(codeOf(() => patch(op({ op: 'move', path: '' })))).toBe('ASM-60012');
  });

  it('accept a missing Operations list as no operations', () => {
    expect(patch({ agentCriteria: criteria })).toEqual({ agentIds: [AGENT], operations: [] });
  });
});

describe('listing query', () => {
  const parse = (agentId: string, query: string) =>
    parseShareQuery(agentId, new URLSearchParams(query), TRACE);

  it('applies WSO2 defaults: all results, recursive, no attributes, nothing echoed', () => {
    expect(parse(AGENT, '')).toEqual({
      list: {
        agentId: AGENT,
        limit: 0,
        after: 0,
        before: 0,
        recursive: true,
        withRoles: false,
        withSharingMode: false,
      },
      echo: {
        agentId: AGENT,
        limit: undefined,
        filter: undefined,
        recursive: undefined,
        attributes: undefined,
      },
    });
  });

  it('reads limit, cursors, recursive, attributes and filter', () => {
    const parsed = parse(
      AGENT,
      'limit=10&after=MTA=&recursive=FALSE&attributes=roles, sharingMode,roles&filter=orgId eq x',
    );
    expect(parsed.list).toMatchObject({
      limit: 10,
      after: 10,
      recursive: false,
      withRoles: true,
      withSharingMode: true,
    });
    expect(parsed.echo).toMatchObject({
      filter: 'orgId eq x',
      attributes: 'roles, sharingMode,roles',
    });
    expect(parse(AGENT, 'before=Nw').list.before).toBe(7);
  });

  it('rejects a non-UUID agent id', () => {
    expect(codeOf(() => parse('not-a-uuid', ''))).toBe('ASM-60004');
  });

  it('rejects negative and non-numeric limits', () => {
    expect(codeOf(() => parse(AGENT, 'limit=-1'))).toBe('ASM-60010');
    expect(codeOf(() => parse(AGENT, 'limit=ten'))).toBe('ASM-60010');
  });

  it('rejects cursors that are not Base64 integers', () => {
    expect(codeOf(() => parse(AGENT, 'after=%%%'))).toBe('ASM-60011');
    expect(codeOf(() => parse(AGENT, `before=${btoa('ten')}`))).toBe('ASM-60011');
    expect(codeOf(() => parse(AGENT, 'after='))).toBe('ASM-60011');
  });

  it('rejects unsupported attributes with the service code and its unformatted message', () => {
    expect(failure(() => parse(AGENT, 'attributes=roles,users')).body).toMatchObject({
      code: 'OAS-10030',
      message: "Attribute '%s' is not supported.",
    });
  });

  it('checks the limit before the attributes', () => {
    expect(codeOf(() => parse(AGENT, 'limit=-5&attributes=users'))).toBe('ASM-60010');
  });
});
