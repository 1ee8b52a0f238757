import { beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../main/log/logger';
import type { RoleRef } from '../../../../main/sandbox/sharing/commands';
import { SharingEngine } from '../../../../main/sandbox/sharing/engine';
import {
  encodeCursor,
  listSharedOrganizations,
  pageLinks,
  type ShareListQuery,
} from '../../../../main/sandbox/sharing/view';
import type { SandboxState } from '../../../../main/sandbox/state';
import { AGENT, ORG, buildState } from './fixture';

const viewer: RoleRef = {
  displayName: 'Viewer',
  audienceType: 'organization',
  audienceDisplay: '',
};

let state: SandboxState;
let engine: SharingEngine;

beforeEach(() => {
  state = buildState();
  engine = new SharingEngine({ state, logger: silentLogger, clock: () => 0 });
});

function query(overrides: Partial<ShareListQuery> = {}): ShareListQuery {
  return {
    agentId: AGENT.travel,
    callingOrgId: ORG.root,
    limit: 0,
    after: 0,
    before: 0,
    recursive: true,
    withRoles: false,
    withSharingMode: false,
    ...overrides,
  };
}

function shareWithAll(roles: RoleRef[] = [viewer]): void {
  engine.acceptGeneralShare(
    {
      agentIds: [AGENT.travel],
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: { mode: roles.length > 0 ? 'SELECTED' : 'NONE', roles },
    },
    ORG.root,
  )();
}

function associationIds(): number[] {
  return [...state.shareAssociations.values()].map((a) => a.id).sort((x, y) => x - y);
}

describe('listing shared organizations', () => {
  it('lists every shared org ascending by association id when no limit is given', () => {
    shareWithAll();
    const page = listSharedOrganizations(state, query());
    const byId = new Map([...state.shareAssociations.values()].map((a) => [a.orgId, a.id]));
    const ids = page.organizations.map((o) => byId.get(o.orgId));
    expect(ids).toEqual(associationIds());
    expect(page).toMatchObject({ nextCursor: 0, previousCursor: 0 });
  });

  it('describes each organization with the fields of the API', () => {
    shareWithAll();
    const association = [...state.shareAssociations.values()].find((a) => a.orgId === ORG.a1)!;
    const entry = listSharedOrganizations(state, query()).organizations.find(
      (o) => o.orgId === ORG.a1,
    );
    expect(entry).toEqual({
      orgId: ORG.a1,
      orgName: 'Org A1',
      orgHandle: 'org-a1',
      orgStatus: 'ACTIVE',
      orgRef: `/t/org-a1/api/server/v1/organizations/${ORG.a1}`,
      hasChildren: true,
      depthFromRoot: 2,
      parentOrgId: ORG.a,
      parentAgentId: AGENT.travel,
      sharedAgentId: association.sharedAgentId,
      sharedType: 'SHARED',
    });
  });

  it('pages forward with cursors: no previous on the first page, no next on the last', () => {
    shareWithAll();
    const ids = associationIds();
    const first = listSharedOrganizations(state, query({ limit: 2 }));
    expect(first.organizations).toHaveLength(2);
    expect(first).toMatchObject({ nextCursor: ids[1], previousCursor: 0 });

    const second = listSharedOrganizations(state, query({ limit: 2, after: first.nextCursor }));
    expect(second).toMatchObject({ nextCursor: ids[3], previousCursor: ids[2] });

    const last = listSharedOrganizations(state, query({ limit: 2, after: second.nextCursor }));
    expect(last.organizations).toHaveLength(1);
    expect(last).toMatchObject({ nextCursor: 0, previousCursor: ids[4] });
  });

  it('pages backward with `before` and stops offering `previous` at the start', () => {
    shareWithAll();
    const ids = associationIds();
    const back = listSharedOrganizations(state, query({ limit: 2, before: ids[4]! }));
    expect(back.organizations).toHaveLength(2);
    expect(back).toMatchObject({ nextCursor: ids[3], previousCursor: ids[2] });

    const start = listSharedOrganizations(state, query({ limit: 2, before: back.previousCursor }));
    expect(start.organizations).toHaveLength(2);
    expect(start).toMatchObject({ nextCursor: ids[1], previousCursor: 0 });
  });

  it('lists only immediate children of the caller when not recursive', () => {
    shareWithAll();
    const page = listSharedOrganizations(state, query({ recursive: false }));
    expect(page.organizations.map((o) => o.orgId).sort()).toEqual([ORG.a, ORG.b].sort());
  });

  it('returns an empty list for an agent nobody shared, or one shared from another org', () => {
    shareWithAll();
    const unknown = listSharedOrganizations(state, query({ agentId: AGENT.billing }));
    expect(unknown).toEqual({ organizations: [], nextCursor: 0, previousCursor: 0 });
    const fromA = listSharedOrganizations(state, query({ callingOrgId: ORG.a }));
    expect(fromA.organizations).toEqual([]);
  });
});

describe('attributes', () => {
  it('leaves out roles and sharing modes unless asked for', () => {
    shareWithAll();
    const page = listSharedOrganizations(state, query());
    expect(page.sharingMode).toBeUndefined();
    for (const entry of page.organizations) {
      expect(entry).not.toHaveProperty('roles');
      expect(entry).not.toHaveProperty('sharingMode');
    }
  });

  it('shows the roles actually assigned in each org, with the child org as audience', () => {
    shareWithAll();
    const page = listSharedOrganizations(state, query({ withRoles: true }));
    const b = page.organizations.find((o) => o.orgId === ORG.b)!;
    expect(b.roles).toEqual([
      { displayName: 'Viewer', audience: { display: 'Org B', type: 'organization' } },
    ]);
  });

  it('shows a top-level sharing mode with the root roles after share-with-all', () => {
    shareWithAll();
    const page = listSharedOrganizations(state, query({ withSharingMode: true }));
    expect(page.sharingMode).toEqual({
      policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
      roleAssignment: {
        mode: 'SELECTED',
        roles: [{ displayName: 'Viewer', audience: { display: 'Super', type: 'organization' } }],
      },
    });
    expect(page.organizations.every((o) => o.sharingMode === undefined)).toBe(true);
  });

  it('reports mode NONE when the policy was saved without roles', () => {
    shareWithAll([]);
    const page = listSharedOrganizations(state, query({ withSharingMode: true }));
    expect(page.sharingMode?.roleAssignment).toEqual({ mode: 'NONE', roles: [] });
  });

  it('puts a per-org sharing mode only on the org holding a future-children policy', () => {
    engine.acceptSelectiveShare(
      {
        agentIds: [AGENT.travel],
        organizations: [
          {
            orgId: ORG.a,
            policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
            roleAssignment: { mode: 'SELECTED', roles: [viewer] },
          },
          {
            orgId: ORG.b,
            policy: 'SELECTED_ORG_ONLY',
            roleAssignment: { mode: 'NONE', roles: [] },
          },
        ],
      },
      ORG.root,
    )();
    const page = listSharedOrganizations(state, query({ withSharingMode: true }));
    expect(page.sharingMode).toBeUndefined();
    const withMode = page.organizations.filter((o) => o.sharingMode !== undefined);
    expect(withMode.map((o) => o.orgId)).toEqual([ORG.a]);
    expect(withMode[0]!.sharingMode).toEqual({
      policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
      roleAssignment: {
        mode: 'SELECTED',
        roles: [{ displayName: 'Viewer', audience: { display: 'Super', type: 'organization' } }],
      },
    });
  });
});

describe('pagination links', () => {
  const base = 'https://127.0.0.1:9443/t/carbon.super/api/server/v1';

  it('orders parameters as WSO2 does and encodes values and cursors', () => {
    const links = pageLinks(
      { organizations: [], nextCursor: 10, previousCursor: 7 },
      {
        base,
        agentId: AGENT.travel,
        limit: 2,
        filter: 'orgId eq x',
        recursive: false,
        attributes: 'roles,sharingMode',
      },
    );
    const query = 'limit=2&filter=orgId%20eq%20x&recursive=false&attributes=roles%2CsharingMode';
    expect(links).toEqual([
      { href: `${base}/agents/${AGENT.travel}/share?${query}&after=MTA%3D`, rel: 'next' },
      { href: `${base}/agents/${AGENT.travel}/share?${query}&before=Nw%3D%3D`, rel: 'previous' },
    ]);
  });

  it('echoes only the parameters the request gave and omits absent pages', () => {
    const links = pageLinks(
      { organizations: [], nextCursor: 3, previousCursor: 0 },
      { base, agentId: AGENT.travel },
    );
    expect(links).toEqual([
      {
        href: `${base}/agents/${AGENT.travel}/share?after=${encodeURIComponent(encodeCursor(3))}`,
        rel: 'next',
      },
    ]);
    expect(
      pageLinks({ organizations: [], nextCursor: 0, previousCursor: 0 }, { base, agentId: 'x' }),
    ).toEqual([]);
  });
});
