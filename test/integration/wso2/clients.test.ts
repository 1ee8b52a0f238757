import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { InvalidInputError, OAuthError, WSO2ApiError } from '../../../main/wso2';
import { OneTimeSecret } from '../../../main/wso2/agents';
import { type ClientHarness, eventually, startClients } from './support';

let h: ClientHarness;

beforeAll(async () => {
  h = await startClients();
});

afterAll(async () => {
  await h.stop();
});

describe('organizations against the sandbox', () => {
  it('lists the root level and every child of a parent across pages', async () => {
    const { organizations } = h.clients;
    const top = await organizations.listAll({ limit: 2 });
    const expected = h.t.sandbox.state.children(h.t.sandbox.state.rootOrgId).map((o) => o.id);
    expect(top.map((o) => o.id)).toEqual(expected);

    const children = await organizations.listChildren(DEMO.orgs.business, { limit: 1 });
    expect(children.map((o) => o.id)).toEqual(
      h.t.sandbox.state.children(DEMO.orgs.business).map((o) => o.id),
    );
  });

  it('reads one organization with its ancestor path, and the calling organization', async () => {
    const berlin = await h.clients.organizations.get(DEMO.orgs.businessEuropeBerlin);
    expect(berlin.parent?.id).toBe(DEMO.orgs.businessEurope);
    expect(berlin.ancestorPath?.map((a) => a.id)).toContain(DEMO.orgs.business);
    const self = await h.clients.organizations.getSelf();
    expect(self.id).toBe(h.t.sandbox.state.rootOrgId);
  });

  it('lists through /o/ with a token switched into that organization', async () => {
    const page = await h.clients.organizations.listPage({ orgId: DEMO.orgs.business });
    expect(page.organizations.map((o) => o.id).sort()).toEqual(
      h.t.sandbox.state
        .children(DEMO.orgs.business)
        .map((o) => o.id)
        .sort(),
    );
  });

  it('creates an organization and maps a missing one to WSO2ApiError', async () => {
    const created = await h.clients.organizations.create({
      name: 'Integration Test Org',
      parentId: DEMO.orgs.retail,
    });
    expect(h.t.sandbox.state.orgs.get(created.id)?.parentId).toBe(DEMO.orgs.retail);
    const missing = await h.clients.organizations
      .get('00000000-0000-4000-8000-000000000999')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(WSO2ApiError);
    expect(missing).toMatchObject({ status: 404, code: 'ORG-60015' });
  });
});

describe('agents and roles against the sandbox', () => {
  it('lists agents across pages and reads one', async () => {
    const agents = await h.clients.agents.listAll({ count: 1 });
    expect(agents.map((a) => a.id)).toEqual(expect.arrayContaining(Object.values(DEMO.agents)));
    const one = await h.clients.agents.get(DEMO.agents.supportAssistant);
    expect(one.extension.DisplayName).toBe('Support Assistant');
  });

  it('creates an agent whose one-time secret logs an agent in', async () => {
    const { agent, secret } = await h.clients.agents.create({
      extension: { DisplayName: 'Integration Bot' },
    });
    expect(secret).toBeInstanceOf(OneTimeSecret);
    expect(secret.length).toBeGreaterThan(8);
    expect(JSON.stringify(agent)).not.toContain(secret.reveal());
    expect((await h.clients.agents.get(agent.id)).extension.DisplayName).toBe('Integration Bot');
  });

  it('lists root roles v2 and v3 with audience filters, and org roles through /o/', async () => {
    const orgRoles = await h.clients.roles.listAll({ audienceType: 'organization', count: 2 });
    expect(orgRoles.length).toBeGreaterThan(2);
    expect(orgRoles.every((r) => r.audience?.type === 'organization')).toBe(true);
    const v3 = await h.clients.roles.listAll({ version: 'v3', audienceType: 'application' });
    expect(v3.map((r) => r.displayName)).toContain('Ticket Reader');
    const inBusiness = await h.clients.roles.listAll({ orgId: DEMO.orgs.business });
    expect(inBusiness.map((r) => r.displayName)).toContain('Org Viewer');
  });
});

describe('agent sharing against the sandbox', () => {
  it('shares, reads the state through every page, patches roles and unshares', async () => {
    const sharing = h.clients.agentSharing;
    const agentId = DEMO.agents.travelPlanner;
    const orgViewer = {
      displayName: 'Org Viewer',
      audience: { display: 'root', type: 'organization' as const },
    };
    const accepted = await sharing.share({
      agentIds: [agentId],
      organizations: [
        {
          orgId: DEMO.orgs.business,
          policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
          roleAssignment: { mode: 'SELECTED', roles: [orgViewer] },
        },
      ],
    });
    expect(accepted).toMatchObject({ httpStatus: 202, status: 'Processing' });

    const subtree = 1 + h.t.sandbox.state.descendants(DEMO.orgs.business).length;
    const state = await eventuallyShared(agentId, subtree);
    expect(state.pages).toBeGreaterThan(2);
    expect(state.organizations).toHaveLength(subtree);
    const holder = state.organizations.find((o) => o.orgId === DEMO.orgs.business)!;
    expect(holder.sharingMode?.policy).toBe('SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN');
    expect(holder.roles?.map((r) => r.displayName)).toEqual(['Org Viewer']);

    await sharing.patchRoles({
      agentIds: [agentId],
      operations: [
        {
          op: 'add',
          orgId: DEMO.orgs.business,
          roles: [{ ...orgViewer, displayName: 'Org Admin' }],
        },
      ],
    });
    const patched = await eventually(
      () => sharing.getShare(agentId, { pageSize: 2 }),
      (s) =>
        (s.organizations.find((o) => o.orgId === DEMO.orgs.business)?.roles?.length ?? 0) === 2,
    );
    expect(
      patched.organizations
        .find((o) => o.orgId === DEMO.orgs.business)!
        .roles!.map((r) => r.displayName)
        .sort(),
    ).toEqual(['Org Admin', 'Org Viewer']);

    await sharing.unshareWithAll({ agentIds: [agentId] });
    const cleared = await eventually(
      () => sharing.getShare(agentId),
      (s) => s.organizations.length === 0,
    );
    expect(cleared.organizations).toEqual([]);
  });

  it('reports a top-level sharingMode after share-with-all', async () => {
    const sharing = h.clients.agentSharing;
    await sharing.shareWithAll({
      agentIds: [DEMO.agents.invoiceBot],
      roleAssignment: { mode: 'NONE', roles: [] },
    });
    const state = await eventually(
      () => sharing.getShare(DEMO.agents.invoiceBot),
      (s) => s.sharingMode !== undefined,
    );
    expect(state.sharingMode).toEqual({
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: { mode: 'NONE', roles: [] },
    });
    await sharing.unshareWithAll({ agentIds: [DEMO.agents.invoiceBot] });
  });

  it('maps a server-side validation error to WSO2ApiError and refuses bad ids locally', async () => {
    const error = await h.clients.api
      .call({
        method: 'POST',
        family: 'server-v1',
        path: 'agents/share',
        json: { agentCriteria: { agentIds: [] }, organizations: [] },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WSO2ApiError);
    expect((error as WSO2ApiError).code).toMatch(/^ASM-|^OAS-/);
    await expect(h.clients.agentSharing.getShare('not-a-uuid')).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});

describe('OAuth against the sandbox', () => {
  it('introspects, revokes, reads JWKS and discovery', async () => {
    const client = {
      clientId: DEMO.apps.admin.clientId,
      clientSecret: DEMO.apps.admin.clientSecret,
    };
    const token = await h.clients.oauth.clientCredentials(client, ['internal_organization_view']);
    const active = await h.clients.oauth.introspect(token.access_token, { client });
    expect(active.active).toBe(true);
    await h.clients.oauth.revoke(token.access_token, client);
    expect((await h.clients.oauth.introspect(token.access_token, { client })).active).toBe(false);
    const jwks = await h.clients.oauth.jwks();
    expect(jwks.keys.length).toBeGreaterThan(0);
    const discovery = await h.clients.oauth.discovery({
      expectedIssuer: `${h.t.url}/oauth2/token`,
    });
    expect(discovery.jwks_uri).toBe(`${h.t.url}/oauth2/jwks`);
  });

  it('maps a wrong client secret to OAuthError invalid_client', async () => {
    const error = await h.clients.oauth
      .clientCredentials({ clientId: DEMO.apps.admin.clientId, clientSecret: 'wrong' }, [])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
  });
});

function eventuallyShared(agentId: string, count: number) {
  return eventually(
    () => h.clients.agentSharing.getShare(agentId, { pageSize: 2 }),
    (s) => s.organizations.length >= count,
  );
}
