import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sharing/plan';
import type { SharePlan } from '../../../preload/contract/sharing-plan';
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
} from '../../../preload/contract/sharing-domain';
import { admin, editor, ghost, planContext, snapshot, tree, viewer } from './support/fixtures';
import type { OrgTreeView } from '../../../main/sharing/ports';

function codes(result: SharePlan): string[] {
  return result.issues.map((found) => `${found.severity}:${found.code}`);
}

function kinds(result: SharePlan): string[] {
  return result.steps.map((step) => step.action.kind);
}

const selected = (
  ...organizations: { orgId: string; policy?: 'only' | 'children'; roles?: (typeof viewer)[] }[]
): DesiredSharing => ({
  mode: 'selected',
  organizations: organizations.map((entry) => ({
    orgId: entry.orgId,
    policy: entry.policy === 'children' ? WITH_CHILDREN : SELECTED_ORG_ONLY,
    roles: entry.roles ?? [],
  })),
});

describe('plan: calls', () => {
  it('needs no call when the server already matches', () => {
    const current = snapshot({ retail: { roles: [viewer] } });
    const result = plan(current, selected({ orgId: 'retail', roles: [viewer] }), planContext);
    expect(result.steps).toEqual([]);
    expect(result.summary[0]).toContain('no change');
  });

  it('unshares everything with one unshare-with-all', () => {
    const current = snapshot({
      business: { roles: [], policyRoles: [] },
      europe: {},
      berlin: {},
      asia: {},
    });
    expect(kinds(plan(current, { mode: 'none' }, planContext))).toEqual(['unshare-with-all']);
  });

  it('shares with all orgs in one call, roles included', () => {
    const result = plan(snapshot({}), { mode: 'all', roles: [viewer] }, planContext);
    expect(kinds(result)).toEqual(['share-with-all']);
    expect(result.steps[0]?.request).toEqual({
      method: 'POST',
      path: '/api/server/v1/agents/share-with-all',
      body: {
        agentCriteria: { agentIds: ['agent-1'] },
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
        roleAssignment: {
          mode: 'SELECTED',
          roles: [{ displayName: 'Viewer', audience: { display: 'Acme', type: 'organization' } }],
        },
      },
    });
    expect(codes(result)).toContain('warning:share-with-all');
  });

  it('changes only roles with a single PATCH whose path names the org unquoted', () => {
    const current = snapshot({ retail: { roles: [viewer] }, logistics: { roles: [] } });
    const result = plan(
      current,
      selected({ orgId: 'retail', roles: [admin] }, { orgId: 'logistics' }),
      planContext,
    );
    expect(kinds(result)).toEqual(['patch-roles']);
    expect(result.steps[0]?.request.body).toEqual({
      agentCriteria: { agentIds: ['agent-1'] },
      Operations: [
        {
          op: 'add',
          path: 'organizations[orgId eq retail].roles',
          value: [{ displayName: 'Admin', audience: { display: 'Acme', type: 'organization' } }],
        },
        {
          op: 'remove',
          path: 'organizations[orgId eq retail].roles',
          value: [{ displayName: 'Viewer', audience: { display: 'Acme', type: 'organization' } }],
        },
      ],
    });
  });

  it('removes before it adds, and only sends orgs that change', () => {
    const current = snapshot({ retail: { roles: [] }, logistics: { roles: [] } });
    const result = plan(
      current,
      selected({ orgId: 'logistics' }, { orgId: 'business', policy: 'children', roles: [viewer] }),
      planContext,
    );
    expect(kinds(result)).toEqual(['unshare', 'share']);
    expect(result.steps[0]?.action).toEqual({ kind: 'unshare', orgIds: ['retail'] });
    expect(result.steps[1]?.action).toEqual({
      kind: 'share',
      organizations: [{ orgId: 'business', policy: WITH_CHILDREN, roles: [viewer] }],
    });
  });

  it('writes a curl form with the token as $TOKEN', () => {
    const result = plan(snapshot({}), selected({ orgId: 'retail' }), planContext);
    const curl = result.steps[0]?.curl ?? '';
    expect(curl).toContain(
      `curl -sS -X POST 'https://is.example.com/t/acme/api/server/v1/agents/share'`,
    );
    expect(curl).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(curl).toContain(`"orgId":"retail"`);
  });

  it('shell-quotes bodies that contain a single quote', () => {
    const odd = { ...viewer, displayName: "O'Brien" };
    const result = plan(snapshot({}), selected({ orgId: 'retail', roles: [odd] }), {
      ...planContext,
      roles: { rootRoles: [odd] },
    });
    expect(result.steps[0]?.curl).toContain(`O'\\''Brien`);
  });
});

describe('plan: validation', () => {
  it('refuses a grandchild the server would skip and suggests the parent with children', () => {
    const result = plan(snapshot({}), selected({ orgId: 'berlin', roles: [viewer] }), planContext);
    const found = result.issues.find((i) => i.code === 'not-immediate-child');
    expect(found).toMatchObject({ severity: 'error', orgId: 'berlin' });
    expect(found?.suggestion).toContain('Business');
    expect(found?.suggestion).toContain('all existing and future children');
    expect(result.blocked).toBe(true);
    expect(result.blastRadius.gained).toEqual([]);
  });

  it('refuses unknown orgs and duplicates', () => {
    const result = plan(
      snapshot({}),
      selected({ orgId: 'retail' }, { orgId: 'retail' }, { orgId: 'nowhere' }),
      planContext,
    );
    expect(codes(result)).toEqual(
      expect.arrayContaining(['error:duplicate-org', 'error:unknown-org']),
    );
  });

  it('refuses a role the root org does not have (the server would drop it)', () => {
    const result = plan(
      snapshot({}),
      selected({ orgId: 'retail', roles: [viewer, ghost] }),
      planContext,
    );
    expect(codes(result)).toEqual(['error:role-not-in-root']);
    expect(result.issues[0]?.message).toContain('Ghost');
    expect(result.blocked).toBe(true);
  });

  it('warns about a role a target org lacks, naming the orgs', () => {
    const result = plan(
      snapshot({}),
      selected({ orgId: 'business', policy: 'children', roles: [editor] }),
      {
        ...planContext,
        roles: {
          rootRoles: [viewer, editor],
          rolesInOrg: (orgId) =>
            orgId === 'asia' || orgId === 'berlin' ? [viewer] : [viewer, editor],
        },
      },
    );
    const found = result.issues.find((i) => i.code === 'role-missing-in-org');
    expect(found?.severity).toBe('warning');
    expect(found?.message).toContain('2 organization(s)');
    expect(found?.message).toMatch(/Berlin|Asia/);
    expect(result.blocked).toBe(false);
  });

  it('re-sends the policies to keep when a share call would replace them', () => {
    const current = snapshot({
      business: { roles: [viewer], policyRoles: [viewer] },
      europe: { roles: [viewer] },
      berlin: { roles: [viewer] },
      asia: { roles: [viewer] },
    });
    const result = plan(
      current,
      selected({ orgId: 'business', policy: 'children', roles: [viewer] }, { orgId: 'retail' }),
      planContext,
    );
    expect(kinds(result)).toEqual(['share']);
    const share = result.steps[0]?.action;
    expect(share?.kind === 'share' && share.organizations.map((o) => o.orgId)).toEqual([
      'business',
      'retail',
    ]);
    expect(codes(result)).toContain('warning:policy-resent');
    expect(result.blastRadius.future.changed).toBe(false);
  });

  it('warns when a stored policy is dropped and the unshare takes a subtree along', () => {
    const current = snapshot({
      business: { roles: [], policyRoles: [] },
      europe: {},
      berlin: {},
      asia: {},
    });
    const result = plan(current, selected({ orgId: 'business' }), planContext);
    expect(kinds(result)).toEqual(['unshare', 'share']);
    expect(result.steps[0]?.action).toEqual({ kind: 'unshare', orgIds: ['asia', 'europe'] });
    const subtree = result.issues.find((i) => i.code === 'subtree-unshare');
    expect(subtree?.orgId).toBe('europe');
    expect(subtree?.message).toContain('Berlin');
    expect(codes(result)).toContain('warning:policy-replaced');
  });

  it('warns that unsharing a child removes its whole subtree', () => {
    const current = snapshot({
      business: { roles: [], policyRoles: [] },
      europe: {},
      berlin: {},
      asia: {},
      retail: {},
    });
    const result = plan(current, selected({ orgId: 'retail' }), planContext);
    expect(result.steps[0]?.action).toEqual({ kind: 'unshare', orgIds: ['business'] });
    expect(result.issues.find((i) => i.code === 'subtree-unshare')?.message).toContain(
      '3 organization(s)',
    );
  });

  it('warns when "all organizations" is replaced by a selection', () => {
    const current = snapshot(
      { business: {}, europe: {}, berlin: {}, asia: {}, retail: {}, stores: {}, logistics: {} },
      { allRoles: [] },
    );
    const result = plan(current, selected({ orgId: 'retail' }), planContext);
    expect(kinds(result)).toEqual(['unshare', 'share']);
    expect(result.issues.find((i) => i.code === 'policy-replaced')?.message).toContain(
      'all organizations',
    );
  });
});

describe('plan: blast radius', () => {
  it('counts orgs gained and lost, role changes and future coverage', () => {
    const current = snapshot({
      retail: { roles: [viewer], policyRoles: [viewer] },
      stores: { roles: [viewer] },
      logistics: { roles: [viewer] },
    });
    const result = plan(
      current,
      selected(
        { orgId: 'business', policy: 'children', roles: [admin] },
        { orgId: 'logistics', roles: [admin] },
      ),
      planContext,
    );
    const radius = result.blastRadius;
    expect(radius.gained.map((o) => o.orgName)).toEqual(['Asia', 'Berlin', 'Business', 'Europe']);
    expect(radius.lost.map((o) => o.orgName)).toEqual(['Retail', 'Stores']);
    expect(radius.roleChanges).toEqual([
      { orgId: 'logistics', orgName: 'Logistics', added: [admin], removed: [viewer] },
    ]);
    expect(radius.future).toEqual({
      before: { allOrgs: false, subtrees: [{ orgId: 'retail', orgName: 'Retail' }] },
      after: { allOrgs: false, subtrees: [{ orgId: 'business', orgName: 'Business' }] },
      changed: true,
    });
    expect(result.summary[0]).toContain('4 organizations gain the agent, 2 organizations lose it');
  });

  it('reports every org lost and future coverage ended for unshare-with-all', () => {
    const current = snapshot({ business: {}, retail: {} }, { allRoles: [] });
    const radius = plan(current, { mode: 'none' }, planContext).blastRadius;
    expect(radius.lost).toHaveLength(2);
    expect(radius.future.before.allOrgs).toBe(true);
    expect(radius.future.after.allOrgs).toBe(false);
  });
});

describe('plan: blast radius over a partly listed tree', () => {
  /** The fixture tree, except that the children of `unlisted` orgs were never fetched. */
  function partlyListed(...unlisted: string[]): typeof planContext {
    const view: OrgTreeView = {
      rootId: tree.rootId,
      get: (orgId) => tree.get(orgId),
      childrenOf: (orgId) => tree.childrenOf(orgId),
      childrenListed: (orgId) => !unlisted.includes(orgId),
    };
    return { ...planContext, tree: view };
  }

  it('says gains are a lower bound when an all-orgs share reaches unlisted children', () => {
    const result = plan(snapshot({}), { mode: 'all', roles: [] }, partlyListed('stores'));
    expect(result.blastRadius.partialTree).toBe(true);
    expect(result.summary[0]).toContain('at least 7 organizations gain the agent');
  });

  it('says so when a subtree share reaches unlisted children', () => {
    const desired = selected({ orgId: 'business', policy: 'children' });
    const result = plan(snapshot({}), desired, partlyListed('europe'));
    expect(result.blastRadius.partialTree).toBe(true);
    expect(result.summary[0]).toContain('at least 4 organizations gain the agent');
  });

  it('stays exact when the unlisted children lie outside what the agent reaches', () => {
    const desired = selected(
      { orgId: 'business', policy: 'children' },
      { orgId: 'retail', policy: 'only' },
    );
    const result = plan(snapshot({}), desired, partlyListed('stores', 'logistics'));
    expect(result.blastRadius.partialTree).toBeUndefined();
    expect(result.summary[0]).toContain('; 5 organizations gain the agent');
  });

  it('stays exact over a fully listed tree', () => {
    const result = plan(snapshot({}), { mode: 'all', roles: [] }, partlyListed());
    expect(result.blastRadius.partialTree).toBeUndefined();
    expect(result.summary[0]).not.toContain('at least');
  });
});
