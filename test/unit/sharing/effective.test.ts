import { describe, expect, it } from 'vitest';
import { effectiveSharing } from '../../../main/sharing/effective';
import type { RoleContext } from '../../../main/sharing/ports';
import { admin, editor, rolesEverywhere, snapshot, tree, viewer } from './support/fixtures';

function row(result: ReturnType<typeof effectiveSharing>, orgId: string) {
  return result.orgs.find((org) => org.orgId === orgId);
}

describe('effectiveSharing', () => {
  it('reports nothing for an agent that is not shared', () => {
    const result = effectiveSharing(snapshot({}), tree, rolesEverywhere);
    expect(result.mode).toBe('not-shared');
    expect(result.orgs).toEqual([]);
  });

  it('lists every org as not shared on request', () => {
    const result = effectiveSharing(snapshot({}), tree, rolesEverywhere, {
      includeNotShared: true,
    });
    expect(result.orgs.map((org) => org.via)).toEqual(Array(7).fill('not-shared'));
  });

  const cases: {
    name: string;
    state: ReturnType<typeof snapshot>;
    roles?: RoleContext;
    expect: Record<
      string,
      {
        via: string;
        policyOrgId?: string | null;
        missingShare?: boolean;
        missing?: string[];
        unexpected?: string[];
      }
    >;
  }[] = [
    {
      name: 'a policy holder is direct, its shared descendants inherited',
      state: snapshot({
        business: { roles: [viewer], policyRoles: [viewer] },
        europe: { roles: [viewer] },
        berlin: { roles: [viewer] },
        asia: { roles: [viewer] },
      }),
      expect: {
        business: { via: 'direct', policyOrgId: 'business' },
        europe: { via: 'inherited', policyOrgId: 'business' },
        berlin: { via: 'inherited', policyOrgId: 'business' },
        asia: { via: 'inherited', policyOrgId: 'business' },
      },
    },
    {
      name: 'a future child that never received the agent is flagged',
      state: snapshot({
        business: { roles: [viewer], policyRoles: [viewer] },
        europe: { roles: [viewer] },
        berlin: { roles: [viewer] },
      }),
      expect: { asia: { via: 'not-shared', policyOrgId: 'business', missingShare: true } },
    },
    {
      name: 'a selected org without a policy is direct with no expected roles',
      state: snapshot({ retail: { roles: [admin] } }),
      expect: { retail: { via: 'direct', policyOrgId: null, missing: [], unexpected: [] } },
    },
    {
      name: 'a grandchild shared without a covering policy is outside any policy',
      state: snapshot({ business: { roles: [] }, europe: { roles: [] } }),
      expect: { business: { via: 'direct' }, europe: { via: 'outside-policy', policyOrgId: null } },
    },
    {
      name: '"all orgs" covers everything; roles asked but missing are reported',
      state: snapshot(
        {
          business: { roles: [viewer] },
          europe: { roles: [] },
          retail: { roles: [viewer, admin] },
        },
        { allRoles: [viewer] },
      ),
      expect: {
        business: { via: 'all-orgs', policyOrgId: 'acme', missing: [], unexpected: [] },
        europe: { via: 'all-orgs', missing: ['Viewer'] },
        retail: { via: 'all-orgs', unexpected: ['Admin'] },
        logistics: { via: 'not-shared', missingShare: true },
      },
    },
    {
      name: 'a role the org does not have is not expected there',
      state: snapshot({ europe: { roles: [] } }, { allRoles: [viewer, editor] }),
      roles: {
        rootRoles: [viewer, editor],
        rolesInOrg: (orgId) => (orgId === 'europe' ? [editor] : [viewer, editor]),
      },
      expect: { europe: { via: 'all-orgs', missing: ['Editor'] } },
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const result = effectiveSharing(testCase.state, tree, testCase.roles ?? rolesEverywhere);
      for (const [orgId, wanted] of Object.entries(testCase.expect)) {
        const found = row(result, orgId);
        expect(found, orgId).toBeDefined();
        expect(found?.via, orgId).toBe(wanted.via);
        if (wanted.policyOrgId !== undefined)
          expect(found?.policyOrgId, orgId).toBe(wanted.policyOrgId);
        if (wanted.missingShare !== undefined)
          expect(found?.missingShare, orgId).toBe(wanted.missingShare);
        if (wanted.missing !== undefined) {
          expect(
            found?.missingRoles.map((r) => r.displayName),
            orgId,
          ).toEqual(wanted.missing);
        }
        if (wanted.unexpected !== undefined) {
          expect(
            found?.unexpectedRoles.map((r) => r.displayName),
            orgId,
          ).toEqual(wanted.unexpected);
        }
      }
    });
  }

  it('counts shared orgs, gaps, role mismatches and leftovers', () => {
    const result = effectiveSharing(
      snapshot({
        business: { roles: [viewer], policyRoles: [viewer, admin] },
        europe: { roles: [viewer, admin] },
        retail: { roles: [] },
        stores: { roles: [] },
      }),
      tree,
      rolesEverywhere,
    );
    expect(result.mode).toBe('selected');
    expect(result.counts).toEqual({
      shared: 4,
      missingShare: 2,
      roleMismatch: 1,
      outsidePolicy: 1,
    });
  });

  it('knows orgs from the share response that the cached tree lacks', () => {
    const state = snapshot({ business: { roles: [] }, europe: { roles: [] } });
    state.organizations.push({
      orgId: 'new-office',
      orgName: 'New Office',
      parentOrgId: 'europe',
      depth: 3,
      policy: null,
      roles: [],
    });
    const result = effectiveSharing(state, tree, rolesEverywhere);
    expect(row(result, 'new-office')).toMatchObject({
      orgName: 'New Office',
      via: 'outside-policy',
    });
  });
});
