/**
 * Every kind of response the sandbox's Agent Sharing API gives, checked against WSO2's
 * official OpenAPI file (`shared/specs/wso2/organization-agent-share-v1.yaml`): the status
 * must be documented for the operation and the body must match its schema.
 *
 * The check is local to this file because the shared helper `test/support/openapi.ts` is
 * not in the repository yet; it should move to that helper once it lands.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestSandbox, type ApiResponse, type TestSandbox } from '../../support/sandbox';

const SPEC = join(__dirname, '../../../../shared/specs/wso2/organization-agent-share-v1.yaml');
const API = '/api/server/v1/agents';
const { agents, orgs } = DEMO;
const role = (displayName: string) => ({
  displayName,
  audience: { display: 'Super', type: 'organization' },
});

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(parse(readFileSync(SPEC, 'utf8')) as object, 'oas');

type Operation =
  | 'POST /agents/share'
  | 'POST /agents/share-with-all'
  | 'POST /agents/unshare'
  | 'POST /agents/unshare-with-all'
  | 'PATCH /agents/share'
  | 'GET /agents/{agentId}/share';

/** Fails unless the status is documented for the operation and the body fits its schema. */
function expectDocumented(operation: Operation, response: ApiResponse<unknown>): void {
  const [method, path] = operation.split(' ') as [string, string];
  const pointer = ['paths', path, method.toLowerCase(), 'responses', String(response.status)]
    .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
    .join('/');
  const validate = ajv.getSchema(`oas#/${pointer}/content/application~1json/schema`);
  expect(validate, `${operation} does not document status ${response.status}`).toBeDefined();
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const valid = validate!(response.body);
  expect(valid, `${operation} ${response.status}: ${ajv.errorsText(validate!.errors)}`).toBe(true);
}

let t: TestSandbox;
let token: string;

beforeAll(async () => {
  t = await startTestSandbox({ shareDelayMs: 20 });
  token = await t.adminToken();
});
afterAll(async () => {
  await t.stop();
});

const call = (method: string, path: string, json?: unknown, bearer: string | null = token) =>
  t.api<unknown>(method, path, {
    ...(bearer !== null ? { token: bearer } : {}),
    ...(json === undefined ? {} : { json }),
  });

describe('organization-agent-share-v1.yaml', () => {
  it('documents every write reply: 202, 400, 401 and 403', async () => {
    const criteria = { agentIds: [agents.invoiceBot] };
    const viewOnly = await t.adminToken(['internal_agent_shared_access_view']);
    const writes: [Operation, string, string, unknown, unknown][] = [
      [
        'POST /agents/share',
        'POST',
        '/share',
        {
          agentCriteria: criteria,
          organizations: [
            {
              orgId: orgs.retail,
              policy: 'SELECTED_ORG_ONLY',
              roleAssignment: { mode: 'SELECTED', roles: [role('Org Viewer')] },
            },
          ],
        },
        { agentCriteria: criteria, organizations: [{ orgId: orgs.retail, policy: 'NEVER' }] },
      ],
      [
        'POST /agents/share-with-all',
        'POST',
        '/share-with-all',
        { agentCriteria: criteria, policy: 'ALL_EXISTING_AND_FUTURE_ORGS' },
        { agentCriteria: { agentIds: [] }, policy: 'ALL_EXISTING_AND_FUTURE_ORGS' },
      ],
      [
        'PATCH /agents/share',
        'PATCH',
        '/share',
        {
          agentCriteria: criteria,
          Operations: [
            {
              op: 'add',
              path: `organizations[orgId eq ${orgs.retail}].roles`,
              value: [role('Org Admin')],
            },
          ],
        },
        {
          agentCriteria: criteria,
          Operations: [{ op: 'replace', path: 'organizations[orgId eq x].roles' }],
        },
      ],
      [
        'POST /agents/unshare',
        'POST',
        '/unshare',
        { agentCriteria: criteria, orgIds: [orgs.retail] },
        { agentCriteria: criteria },
      ],
      [
        'POST /agents/unshare-with-all',
        'POST',
        '/unshare-with-all',
        { agentCriteria: criteria },
        {},
      ],
    ];
    for (const [operation, method, path, good, bad] of writes) {
      expectDocumented(operation, await call(method, `${API}${path}`, good));
      expectDocumented(operation, await call(method, `${API}${path}`, bad));
      expectDocumented(operation, await call(method, `${API}${path}`, good, null));
      expectDocumented(operation, await call(method, `${API}${path}`, good, viewOnly));
    }
  });

  it('documents every listing reply, with and without attributes, links and scopes', async () => {
    await call('POST', `${API}/share-with-all`, {
      agentCriteria: { agentIds: [agents.travelPlanner] },
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: { mode: 'SELECTED', roles: [role('Org Viewer')] },
    });
    await call('POST', `${API}/share`, {
      agentCriteria: { agentIds: [agents.supportAssistant] },
      organizations: [
        {
          orgId: orgs.business,
          policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
          roleAssignment: { mode: 'SELECTED', roles: [role('Org Admin')] },
        },
      ],
    });
    const get = (agentId: string, query: Record<string, string | number> = {}, bearer = token) =>
      t.api<{ organizations?: unknown[]; links?: { href: string }[] }>(
        'GET',
        `${API}/${agentId}/share`,
        { token: bearer, query },
      );
    await vi.waitFor(async () => {
      expect((await get(agents.travelPlanner)).body.organizations?.length).toBeGreaterThan(10);
      expect((await get(agents.supportAssistant)).body.organizations?.length).toBeGreaterThan(1);
    });

    const op: Operation = 'GET /agents/{agentId}/share';
    const rich = { attributes: 'roles,sharingMode' };
    expectDocumented(op, await get(agents.travelPlanner));
    expectDocumented(op, await get(agents.travelPlanner, rich));
    expectDocumented(op, await get(agents.supportAssistant, rich));
    const first = await get(agents.travelPlanner, { ...rich, limit: 3, recursive: 'false' });
    expectDocumented(op, first);
    expectDocumented(op, await t.api('GET', first.body.links![0]!.href, { token }));
    expectDocumented(op, await get('00000000-0000-4000-8000-000000000000'));
    expectDocumented(op, await get('nope'));
    expectDocumented(op, await get(agents.travelPlanner, { attributes: 'users' }));
    expectDocumented(op, await t.api('GET', `${API}/${agents.travelPlanner}/share`));
    expectDocumented(
      op,
      await get(agents.travelPlanner, {}, await t.adminToken(['internal_agent_share'])),
    );
    const orgToken = await t.orgToken(orgs.business, ['internal_org_agent_shared_access_view']);
    expectDocumented(
      op,
      await t.api('GET', `/t/carbon.super/o${API}/${agents.travelPlanner}/share`, {
        token: orgToken,
      }),
    );
  });
});
