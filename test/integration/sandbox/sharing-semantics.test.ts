/**
 * The Agent Sharing API of the sandbox over real HTTPS with the demo data: WSO2's sharing
 * semantics (`reference/wso2-api.md` §5.8) as a client observes them, by reading the share
 * state again after each 202.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { startTestSandbox, type ApiResponse, type TestSandbox } from '../../support/sandbox';

interface RoleJson {
  displayName: string;
  audience: { display: string; type: string };
}
interface SharingModeJson {
  policy: string;
  roleAssignment: { mode: string; roles: RoleJson[] };
}
interface SharedOrgJson {
  orgId: string;
  orgName: string;
  depthFromRoot: number;
  parentOrgId?: string;
  parentAgentId: string;
  sharedAgentId: string;
  sharingMode?: SharingModeJson;
  roles?: RoleJson[];
}
interface ShareListJson {
  links: { href: string; rel: string }[];
  sharingMode?: SharingModeJson;
  organizations: SharedOrgJson[];
}

const API = '/api/server/v1/agents';
const { orgs, agents } = DEMO;
const ALL_AGENTS = Object.values(agents);
const orgRole = (displayName: string) => ({
  displayName,
  audience: { display: 'Super', type: 'organization' },
});

let t: TestSandbox;
let token: string;

beforeAll(async () => {
  t = await startTestSandbox({ shareDelayMs: 20 });
  token = await t.adminToken();
});
afterAll(async () => {
  await t.stop();
});
afterEach(async () => {
  await post('/unshare-with-all', { agentCriteria: { agentIds: ALL_AGENTS } });
  for (const agentId of ALL_AGENTS) await until(agentId, (list) => list.organizations.length === 0);
});

async function post(path: string, body: unknown, bearer = token): Promise<ApiResponse> {
  const response = await t.api('POST', `${API}${path}`, { token: bearer, json: body });
  expect(response.status, JSON.stringify(response.body)).toBe(202);
  return response;
}

function list(agentId: string, query: Record<string, string | number | boolean> = {}) {
  return t.api<ShareListJson>('GET', `${API}/${agentId}/share`, { token, query });
}

/** Reads the share state until `done` holds: the only way a client learns the outcome. */
async function until(
  agentId: string,
  done: (list: ShareListJson) => boolean,
  query: Record<string, string | number | boolean> = {},
): Promise<ShareListJson> {
  let last: ShareListJson | undefined;
  await vi.waitFor(
    async () => {
      const response = await list(agentId, query);
      expect(response.status).toBe(200);
      last = response.body;
      if (!done(last)) throw new Error(`share state not reached: ${JSON.stringify(last)}`);
    },
    { timeout: 10_000, interval: 20 },
  );
  return last!;
}

const ids = (list: ShareListJson): string[] => list.organizations.map((o) => o.orgId);
const subtree = (orgId: string): string[] => [
  orgId,
  ...t.sandbox.state.descendants(orgId).map((o) => o.id),
];

async function createOrg(name: string, parentId: string): Promise<string> {
  const created = await t.api<{ id: string }>('POST', '/api/server/v1/organizations', {
    token,
    json: { name, parentId },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

describe('selective share', () => {
  it('shares with an immediate child and silently skips a grandchild', async () => {
    await post('/share', {
      agentCriteria: { agentIds: [agents.supportAssistant] },
      organizations: [
        { orgId: orgs.business, policy: 'SELECTED_ORG_ONLY' },
        { orgId: orgs.businessEuropeBerlin, policy: 'SELECTED_ORG_ONLY' },
      ],
    });
    const shared = await until(agents.supportAssistant, (l) => l.organizations.length > 0);
    expect(ids(shared)).toEqual([orgs.business]);
    expect(shared.organizations[0]).toMatchObject({
      orgName: 'Business',
      depthFromRoot: 1,
      parentOrgId: t.sandbox.state.rootOrgId,
      parentAgentId: agents.supportAssistant,
    });
  });

  it('drops roles a child lacks and role names nobody knows, without an error', async () => {
    await post('/share', {
      agentCriteria: { agentIds: [agents.supportAssistant] },
      organizations: [
        {
          orgId: orgs.logistics,
          policy: 'SELECTED_ORG_ONLY',
          roleAssignment: {
            mode: 'SELECTED',
            roles: [orgRole('Agent Operator'), orgRole('No Such Role')],
          },
        },
        {
          orgId: orgs.business,
          policy: 'SELECTED_ORG_ONLY',
          roleAssignment: { mode: 'SELECTED', roles: [orgRole('Agent Operator')] },
        },
      ],
    });
    const shared = await until(agents.supportAssistant, (l) => l.organizations.length === 2, {
      attributes: 'roles',
    });
    const byOrg = new Map(shared.organizations.map((o) => [o.orgId, o.roles]));
    expect(byOrg.get(orgs.logistics)).toEqual([]);
    expect(byOrg.get(orgs.business)).toEqual([
      { displayName: 'Agent Operator', audience: { display: 'Business', type: 'organization' } },
    ]);
  });

  it('gives organizations created later under a future-children holder the agent', async () => {
    await post('/share', {
      agentCriteria: { agentIds: [agents.travelPlanner] },
      organizations: [
        {
          orgId: orgs.retail,
          policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
          roleAssignment: { mode: 'SELECTED', roles: [orgRole('Org Viewer')] },
        },
      ],
    });
    const before = await until(agents.travelPlanner, (l) => ids(l).includes(orgs.retail));
    const popUp = await createOrg(`Retail Pop-up ${randomUUID().slice(0, 8)}`, orgs.retail);
    const elsewhere = await createOrg(`Logistics Hub ${randomUUID().slice(0, 8)}`, orgs.logistics);

    const after = await until(agents.travelPlanner, (l) => ids(l).includes(popUp), {
      attributes: 'roles',
    });
    expect(after.organizations).toHaveLength(before.organizations.length + 1);
    expect(ids(after)).not.toContain(elsewhere);
    const entry = after.organizations.find((o) => o.orgId === popUp)!;
    expect(entry.depthFromRoot).toBe(2);
    expect(entry.roles?.map((r) => r.displayName)).toEqual(['Org Viewer']);
  });

  it('replaces the stored policies on a second share but keeps the earlier shares', async () => {
    const futureChildren = {
      agentCriteria: { agentIds: [agents.travelPlanner] },
      organizations: [
        { orgId: orgs.retail, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' },
      ],
    };
    await post('/share', futureChildren);
    await until(agents.travelPlanner, (l) => l.organizations.some((o) => o.sharingMode), {
      attributes: 'sharingMode',
    });
    await post('/share', {
      agentCriteria: { agentIds: [agents.travelPlanner] },
      organizations: [{ orgId: orgs.logistics, policy: 'SELECTED_ORG_ONLY' }],
    });
    const after = await until(agents.travelPlanner, (l) => ids(l).includes(orgs.logistics), {
      attributes: 'sharingMode',
    });
    expect(ids(after)).toContain(orgs.retail);
    expect(after.organizations.every((o) => o.sharingMode === undefined)).toBe(true);

    const late = await createOrg(`Retail Outlet ${randomUUID().slice(0, 8)}`, orgs.retail);
    const final = await list(agents.travelPlanner);
    expect(ids(final.body)).not.toContain(late);
  });
});

describe('unshare', () => {
  it('removes a listed organization together with its whole subtree', async () => {
    await post('/share', {
      agentCriteria: { agentIds: [agents.invoiceBot] },
      organizations: [
        { orgId: orgs.business, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' },
      ],
    });
    const business = subtree(orgs.business);
    await until(agents.invoiceBot, (l) => l.organizations.length === business.length);

    await post('/unshare', {
      agentCriteria: { agentIds: [agents.invoiceBot] },
      orgIds: [orgs.businessEurope],
    });
    const europe = subtree(orgs.businessEurope);
    const after = await until(agents.invoiceBot, (l) => !ids(l).includes(orgs.businessEurope));
    expect(ids(after).sort()).toEqual(business.filter((id) => !europe.includes(id)).sort());
  });

  it('unshare-with-all removes every share and the stored policy', async () => {
    await post('/share-with-all', {
      agentCriteria: { agentIds: [agents.invoiceBot] },
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
    });
    await until(agents.invoiceBot, (l) => l.sharingMode !== undefined, {
      attributes: 'sharingMode',
    });
    await post('/unshare-with-all', { agentCriteria: { agentIds: [agents.invoiceBot] } });
    const after = await until(agents.invoiceBot, (l) => l.organizations.length === 0, {
      attributes: 'sharingMode',
    });
    expect(after).toEqual({ links: [], organizations: [] });
  });
});

describe('role patches', () => {
  it('add and remove roles where the agent is shared and ignore other orgs', async () => {
    await post('/share', {
      agentCriteria: { agentIds: [agents.supportAssistant] },
      organizations: [{ orgId: orgs.business, policy: 'SELECTED_ORG_ONLY' }],
    });
    await until(agents.supportAssistant, (l) => l.organizations.length === 1);
    const patch = (op: string, orgId: string, role: string) =>
      t.api('PATCH', `${API}/share`, {
        token,
        json: {
          agentCriteria: { agentIds: [agents.supportAssistant] },
          Operations: [
            { op, path: `organizations[orgId eq ${orgId}].roles`, value: [orgRole(role)] },
          ],
        },
      });
    expect((await patch('add', orgs.business, 'Org Viewer')).status).toBe(202);
    expect((await patch('add', orgs.retail, 'Org Viewer')).status).toBe(202);
    const added = await until(
      agents.supportAssistant,
      (l) => (l.organizations[0]?.roles ?? []).length > 0,
      {
        attributes: 'roles',
      },
    );
    expect(ids(added)).toEqual([orgs.business]);
    expect(added.organizations[0]!.roles?.map((r) => r.displayName)).toEqual(['Org Viewer']);

    expect((await patch('remove', orgs.business, 'Org Viewer')).status).toBe(202);
    await until(agents.supportAssistant, (l) => l.organizations[0]?.roles?.length === 0, {
      attributes: 'roles',
    });
  });
});

describe('listing', () => {
  async function shareEverywhere(agentId: string, roles: string[] = []): Promise<number> {
    await post('/share-with-all', {
      agentCriteria: { agentIds: [agentId] },
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment:
        roles.length > 0
          ? { mode: 'SELECTED', roles: roles.map(orgRole) }
          : { mode: 'NONE', roles: [] },
    });
    const total = t.sandbox.state.descendants(t.sandbox.state.rootOrgId).length;
    await until(agentId, (l) => l.organizations.length === total);
    return total;
  }

  async function follow(href: string): Promise<ShareListJson> {
    const response = await t.api<ShareListJson>('GET', href, { token });
    expect(response.status).toBe(200);
    return response.body;
  }

  it('pages forward and back with association cursors and WSO2 links', async () => {
    const total = await shareEverywhere(agents.invoiceBot);
    const all = ids((await list(agents.invoiceBot)).body);

    const forward: string[][] = [];
    let page = (await list(agents.invoiceBot, { limit: 7 })).body;
    expect(page.links.map((l) => l.rel)).toEqual(['next']);
    for (;;) {
      forward.push(ids(page));
      const next = page.links.find((l) => l.rel === 'next');
      if (!next) break;
      expect(next.href).toMatch(
        new RegExp(`^${t.url}/api/server/v1/agents/${agents.invoiceBot}/share\\?limit=7&after=`),
      );
      page = await follow(next.href);
      expect(page.links.some((l) => l.rel === 'previous')).toBe(true);
    }
    expect(forward.flat()).toEqual(all);
    expect(forward).toHaveLength(Math.ceil(total / 7));

    const backward: string[][] = [];
    for (;;) {
      const previous = page.links.find((l) => l.rel === 'previous');
      if (!previous) break;
      page = await follow(previous.href);
      backward.unshift(ids(page));
    }
    expect(backward).toEqual(forward.slice(0, -1));
  });

  it('lists only the immediate children of the caller when recursive=false', async () => {
    await shareEverywhere(agents.invoiceBot);
    const children = t.sandbox.state.children(t.sandbox.state.rootOrgId).map((o) => o.id);
    const shallow = await list(agents.invoiceBot, { recursive: false });
    expect(ids(shallow.body).sort()).toEqual([...children].sort());
    expect(shallow.body.organizations.every((o) => o.depthFromRoot === 1)).toBe(true);
  });

  it('returns roles and sharing modes only when the attributes ask for them', async () => {
    await shareEverywhere(agents.invoiceBot, ['Org Viewer']);
    const plain = (await list(agents.invoiceBot, { filter: 'orgId eq nothing' })).body;
    expect(plain.sharingMode).toBeUndefined();
    expect(plain.organizations.every((o) => !('roles' in o) && !('sharingMode' in o))).toBe(true);

    const rich = (await list(agents.invoiceBot, { attributes: 'roles,sharingMode' })).body;
    expect(rich.sharingMode).toEqual({
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: { mode: 'SELECTED', roles: [orgRole('Org Viewer')] },
    });
    const retail = rich.organizations.find((o) => o.orgId === orgs.retail)!;
    expect(retail.roles).toEqual([
      { displayName: 'Org Viewer', audience: { display: 'Retail', type: 'organization' } },
    ]);
    expect(rich.organizations.every((o) => o.sharingMode === undefined)).toBe(true);
  });

  it('answers an unknown agent with an empty list, not a 404', async () => {
    const response = await list(randomUUID(), { attributes: 'roles,sharingMode' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ links: [], organizations: [] });
  });
});

describe('organization-scoped calls', () => {
  it('act in the organization of the switched token', async () => {
    const localAgent = randomUUID();
    const root = t.sandbox.state.agents.get(agents.supportAssistant)!;
    // The agent store API is not part of this area; the fixture agent lives in Business.
    t.sandbox.state.agents.set(localAgent, {
      ...root,
      id: localAgent,
      userName: `AGENT/${localAgent}`,
      orgId: orgs.business,
    });
    const orgToken = await t.orgToken(orgs.business, [
      'internal_org_agent_share',
      'internal_org_agent_shared_access_view',
    ]);
    const orgApi = `/t/carbon.super/o${API}`;
    const response = await t.api('POST', `${orgApi}/share`, {
      token: orgToken,
      json: {
        agentCriteria: { agentIds: [localAgent, agents.supportAssistant] },
        organizations: [
          { orgId: orgs.businessEurope, policy: 'SELECTED_ORG_ONLY' },
          { orgId: orgs.businessAsia, policy: 'SELECTED_ORG_ONLY' },
          { orgId: orgs.businessEuropeBerlin, policy: 'SELECTED_ORG_ONLY' },
        ],
      },
    });
    expect(response.status).toBe(202);

    let page: ShareListJson | undefined;
    await vi.waitFor(
      async () => {
        const read = await t.api<ShareListJson>('GET', `${orgApi}/${localAgent}/share`, {
          token: orgToken,
          query: { limit: 1 },
        });
        page = read.body;
        expect(read.body.organizations).toHaveLength(1);
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(page!.links[0]!.href.startsWith(`${t.url}/t/carbon.super/o/api/server/v1/agents/`)).toBe(
      true,
    );
    const all = await t.api<ShareListJson>('GET', `${orgApi}/${localAgent}/share`, {
      token: orgToken,
    });
    expect(ids(all.body).sort()).toEqual([orgs.businessEurope, orgs.businessAsia].sort());
    // A root agent is not resident in Business: skipped, so nothing was shared from there.
    expect((await list(agents.supportAssistant)).body.organizations).toEqual([]);
    await t.api('POST', `${orgApi}/unshare-with-all`, {
      token: await t.orgToken(orgs.business, ['internal_org_agent_unshare']),
      json: { agentCriteria: { agentIds: [localAgent] } },
    });
  });
});
