/**
 * SCIM2 Agents over real HTTPS: the one-time secret, reads without it, filters and paging,
 * secret rotation and locking by PATCH, org-scoped agents, and the rule that a shared copy
 * cannot be deleted from the organization it was shared into.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox';

interface AgentBody {
  id: string;
  userName: string;
  password?: string;
  schemas: string[];
  'urn:scim:wso2:agent:schema': { DisplayName: string; Description: string; Owner: string };
  'urn:scim:wso2:schema': { accountLocked: boolean; managedOrg?: string };
  meta: { location: string; resourceType: string };
  detail?: string;
  status?: string;
}
interface AgentList {
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources?: AgentBody[];
}

const AGENTS = '/t/carbon.super/scim2/Agents';
const ORG_AGENTS = '/t/carbon.super/o/scim2/Agents';
const AGENT_SCHEMA = 'urn:scim:wso2:agent:schema';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let t: TestSandbox;
let admin: string;

beforeAll(async () => {
  t = await startTestSandbox();
  admin = await t.adminToken();
});
afterAll(async () => {
  await t.stop();
});

const create = (body: unknown, token = admin, path = AGENTS) =>
  t.api<AgentBody>('POST', path, { token, json: body, contentType: 'application/scim+json' });

describe('creating and reading agents', () => {
  it('returns a generated secret once, and never again', async () => {
    const created = await create({
      [AGENT_SCHEMA]: {
        DisplayName: 'Travel Agent',
        Description: 'Books travel',
        Owner: 'admin@carbon.super',
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(created.body.password).toMatch(/^[\w-]{24,}$/);
    expect(created.body.userName).toBe(`AGENT/${created.body.id}`);
    expect(created.headers.location).toBe(created.body.meta.location);
    expect(created.body.schemas).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      AGENT_SCHEMA,
    ]);

    const read = await t.api<AgentBody>('GET', `${AGENTS}/${created.body.id}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('password');
    expect(read.body[AGENT_SCHEMA]).toMatchObject({
      DisplayName: 'Travel Agent',
      Description: 'Books travel',
    });
    const listed = await t.api<AgentList>('GET', AGENTS, { token: admin });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.password);
  });

  it('keeps a secret the client chose and a user name without a domain', async () => {
    const created = await create({ userName: 'report-writer', password: 'chosen-secret-123' });
    expect(created.body).toMatchObject({
      id: 'report-writer',
      userName: 'AGENT/report-writer',
      password: 'chosen-secret-123',
    });
    const clash = await create({ userName: 'report-writer' });
    expect(clash.status).toBe(409);
    const withDomain = await create({ userName: 'AGENT/other' });
    expect(withDomain.status).toBe(400);
    expect(withDomain.body.detail).toBe('Agent username cannot contain domain name or be null.');
  });

  it('filters the way the Console searches, and pages from a 1-based index', async () => {
    const search = await t.api<AgentList>('GET', AGENTS, {
      token: admin,
      query: {
        filter: `${AGENT_SCHEMA}.DisplayName co assist`,
        excludedAttributes: 'roles,groups',
      },
    });
    expect(search.body.Resources!.map((a) => a.id)).toEqual([DEMO.agents.supportAssistant]);
    expect(search.body.Resources![0]).not.toHaveProperty('roles');
    const byName = await t.api<AgentList>('GET', AGENTS, {
      token: admin,
      query: { filter: `userName eq AGENT/${DEMO.agents.invoiceBot}` },
    });
    expect(byName.body.Resources!.map((a) => a.id)).toEqual([DEMO.agents.invoiceBot]);
    const all = await t.api<AgentList>('GET', AGENTS, { token: admin });
    const page = await t.api<AgentList>('GET', AGENTS, {
      token: admin,
      query: { startIndex: 2, count: 2 },
    });
    expect(page.body).toMatchObject({
      totalResults: all.body.totalResults,
      startIndex: 2,
      itemsPerPage: 2,
    });
    expect(page.body.Resources!.map((a) => a.id)).toEqual(
      all.body.Resources!.slice(1, 3).map((a) => a.id),
    );
    const searched = await t.api<AgentList>('POST', `${AGENTS}/.search`, {
      token: admin,
      json: {
        filter: `${AGENT_SCHEMA}.DisplayName sw Invoice or ${AGENT_SCHEMA}.DisplayName sw Travel Planner`,
      },
    });
    expect(searched.body.Resources!.map((a) => a.id).sort()).toEqual(
      [DEMO.agents.invoiceBot, DEMO.agents.travelPlanner].sort(),
    );
  });

  it('rejects unsupported filter attributes with a SCIM error', async () => {
    const response = await t.api<AgentBody>('GET', AGENTS, {
      token: admin,
      query: { filter: 'emails eq x' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '400',
    });
  });
});

describe('changing agents', () => {
  it('rotates the secret and locks the agent with PatchOp', async () => {
    const created = await create({ [AGENT_SCHEMA]: { DisplayName: 'Rotating Bot' } });
    const rotate = await t.api<AgentBody>('PATCH', `${AGENTS}/${created.body.id}`, {
      token: admin,
      json: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { password: 'rotated-secret-456' } }],
      },
    });
    expect(rotate.status).toBe(200);
    expect(rotate.body).not.toHaveProperty('password');
    expect(t.sandbox.state.agents.get(created.body.id)!.password).toBe('rotated-secret-456');

    const lock = await t.api<AgentBody>('PATCH', `${AGENTS}/${created.body.id}`, {
      token: admin,
      json: {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { 'urn:scim:wso2:schema': { accountLocked: true } } }],
      },
    });
    expect(lock.body['urn:scim:wso2:schema'].accountLocked).toBe(true);
    const read = await t.api<AgentBody>('GET', `${AGENTS}/${created.body.id}`, { token: admin });
    expect(read.body['urn:scim:wso2:schema'].accountLocked).toBe(true);
  });

  it('deletes a resident agent', async () => {
    const created = await create({});
    expect((await t.api('DELETE', `${AGENTS}/${created.body.id}`, { token: admin })).status).toBe(
      204,
    );
    expect((await t.api('GET', `${AGENTS}/${created.body.id}`, { token: admin })).status).toBe(404);
  });
});

describe('agents in child organizations', () => {
  it('creates agents resident in the organization of a switched token', async () => {
    const token = await t.orgToken(DEMO.orgs.retail, [
      'internal_org_agent_mgt_create',
      'internal_org_agent_mgt_list',
    ]);
    const created = await create(
      { [AGENT_SCHEMA]: { DisplayName: 'Store Helper' } },
      token,
      ORG_AGENTS,
    );
    expect(created.status).toBe(201);
    expect(created.body.meta.location).toContain('/t/carbon.super/o/scim2/Agents/');
    const inRetail = await t.api<AgentList>('GET', ORG_AGENTS, { token });
    expect(inRetail.body.Resources!.map((a) => a.id)).toContain(created.body.id);
    const atRoot = await t.api<AgentList>('GET', AGENTS, { token: admin });
    expect(atRoot.body.Resources!.map((a) => a.id)).not.toContain(created.body.id);
  });

  it('lists a shared copy in the child but refuses to delete it there', async () => {
    const share = await t.api('POST', '/t/carbon.super/api/server/v1/agents/share', {
      token: admin,
      json: {
        agentCriteria: { agentIds: [DEMO.agents.supportAssistant] },
        organizations: [{ orgId: DEMO.orgs.logistics, policy: 'SELECTED_ORG_ONLY' }],
      },
    });
    expect(share.status).toBe(202);
    const state = t.sandbox.state;
    const association = await vi.waitFor(
      () => {
        const row = [...state.shareAssociations.values()].find(
          (a) => a.agentId === DEMO.agents.supportAssistant && a.orgId === DEMO.orgs.logistics,
        );
        if (!row) throw new Error('not shared yet');
        return row;
      },
      { timeout: 10_000, interval: 20 },
    );

    const token = await t.orgToken(DEMO.orgs.logistics, [
      'internal_org_agent_mgt_list',
      'internal_org_agent_mgt_delete',
    ]);
    const listed = await t.api<AgentList>('GET', ORG_AGENTS, { token });
    const copy = listed.body.Resources!.find((a) => a.id === association.sharedAgentId)!;
    expect(copy.userName).toBe(`AGENT/${DEMO.agents.supportAssistant}`);
    expect(copy['urn:scim:wso2:schema'].managedOrg).toBe(state.rootOrgId);

    const refused = await t.api<AgentBody>('DELETE', `${ORG_AGENTS}/${association.sharedAgentId}`, {
      token,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toBe('Unauthorized deletion of shared agent.');
    expect(state.agents.has(association.sharedAgentId)).toBe(true);
  });
});

describe('agent scopes', () => {
  it('needs the list scope to list and the create scope to create', async () => {
    const viewOnly = await t.adminToken(['internal_agent_mgt_view']);
    expect((await t.api('GET', AGENTS, { token: viewOnly })).status).toBe(403);
    expect(
      (await t.api('GET', `${AGENTS}/${DEMO.agents.invoiceBot}`, { token: viewOnly })).status,
    ).toBe(200);
    expect((await create({}, viewOnly)).status).toBe(403);
    expect((await t.api('GET', AGENTS)).status).toBe(401);
  });
});
