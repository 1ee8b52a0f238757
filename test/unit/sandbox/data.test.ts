import { describe, expect, it } from 'vitest';
import { buildDemoState } from '../../../main/sandbox/data/demo';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { generateState, levelSizes } from '../../../main/sandbox/data/generate';
import {
  ALL_ADMIN_SCOPES,
  ORG_MANAGEMENT_SCOPES,
  ROOT_MANAGEMENT_SCOPES,
} from '../../../main/sandbox/data/scopes';
import type { SandboxState } from '../../../main/sandbox/state';

const NOW = Date.UTC(2026, 11, 1);

/** Everything that defines a tree, in a comparable form. */
function treeOf(state: SandboxState) {
  return [...state.orgs.values()]
    .map((o) => [o.id, o.name, o.orgHandle, o.parentId, o.createdMicros].join('|'))
    .sort();
}

function checkTreeInvariants(state: SandboxState): void {
  const orgs = [...state.orgs.values()];
  expect(new Set(orgs.map((o) => o.orgHandle)).size).toBe(orgs.length);
  expect(new Set(orgs.map((o) => o.createdMicros)).size).toBe(orgs.length);
  const problems: string[] = [];
  let indexed = 0;
  for (const org of orgs) {
    const children = state.children(org.id);
    indexed += children.length;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.parentId !== org.id) problems.push(`${child.id} indexed under ${org.id}`);
      if (child.createdMicros <= org.createdMicros) problems.push(`${child.id} older than parent`);
      if (i > 0 && children[i - 1]!.createdMicros <= child.createdMicros) {
        problems.push(`children of ${org.id} not newest first`);
      }
    }
  }
  expect(problems.slice(0, 5)).toEqual([]);
  expect(indexed).toBe(orgs.length - 1);
}

describe('demo data', () => {
  const state = buildDemoState(NOW);

  it('keeps the fixed ids and the Business → Europe → Berlin story', () => {
    for (const id of Object.values(DEMO.orgs)) expect(state.orgs.has(id)).toBe(true);
    expect(state.ancestors(DEMO.orgs.businessEuropeBerlin).map((o) => o.id)).toEqual([
      DEMO.orgs.businessEurope,
      DEMO.orgs.business,
      state.rootOrgId,
    ]);
    expect(state.orgs.size).toBeGreaterThanOrEqual(35);
    const depths = [...state.orgs.keys()].map((id) => state.depthFromRoot(id));
    expect(Math.max(...depths)).toBe(4);
    checkTreeInvariants(state);
  });

  it('has the fixed agents with their secrets and a root role each', () => {
    for (const [key, id] of Object.entries(DEMO.agents)) {
      const agent = state.agents.get(id)!;
      expect(agent.password).toBe(DEMO.agentSecrets[key as keyof typeof DEMO.agentSecrets]);
      expect(agent.orgId).toBe(state.rootOrgId);
      expect(
        state.roleAssignments.get(state.assignmentKey(state.rootOrgId, id))?.size,
      ).toBeGreaterThan(0);
    }
  });

  it('lets alice sign in to Business with roles there', () => {
    const alice = state.users.get(DEMO.users.alice.id)!;
    expect(alice).toMatchObject({
      userName: 'alice',
      password: 'alice-password',
      orgId: DEMO.orgs.business,
    });
    const roles = [
      ...state.roleAssignments.get(state.assignmentKey(DEMO.orgs.business, alice.id))!,
    ];
    expect(roles.map((id) => state.roles.get(id)!.orgId)).toEqual(
      roles.map(() => DEMO.orgs.business),
    );
    const permissions = roles.flatMap((id) => state.roles.get(id)!.permissions);
    expect(permissions).toContain('tickets:write');
    expect(permissions).toContain('internal_org_organization_view');
  });

  it('has the demo applications, shared with every organization', () => {
    const admin = state.applicationByClientId(DEMO.apps.admin.clientId)!;
    expect(admin.clientSecret).toBe(DEMO.apps.admin.clientSecret);
    expect(admin.grantTypes).toEqual(['client_credentials', 'organization_switch']);
    expect(new Set(admin.authorizedScopes)).toEqual(new Set(ALL_ADMIN_SCOPES));
    const obo = state.applicationByClientId(DEMO.apps.obo.clientId)!;
    expect(obo.clientSecret).toBeUndefined();
    expect(obo.allowLoopbackRedirects).toBe(true);
    const login = state.applicationByClientId(DEMO.apps.agentLogin.clientId)!;
    expect(login.apiBasedAuthentication).toBe(true);
    expect(login.grantTypes).toContain('organization_switch');
    for (const app of state.applications.values()) expect(app.sharedWithAll).toBe(true);
  });

  it('copies root roles into child organizations with org-level scopes, except one role in Logistics', () => {
    const copies = state.rolesInOrg(DEMO.orgs.retail);
    const operator = copies.find((r) => r.displayName === 'Agent Operator')!;
    expect(operator.audience).toEqual({
      type: 'organization',
      value: DEMO.orgs.retail,
      display: 'Retail',
    });
    expect(operator.permissions).toContain('internal_org_agent_mgt_view');
    expect(operator.permissions.filter((p) => ROOT_MANAGEMENT_SCOPES.includes(p))).toEqual([]);
    expect(
      operator.permissions.filter((p) => ORG_MANAGEMENT_SCOPES.includes(p)).length,
    ).toBeGreaterThan(0);
    for (const orgId of [
      DEMO.orgs.logistics,
      ...state.descendants(DEMO.orgs.logistics).map((o) => o.id),
    ]) {
      const names = state.rolesInOrg(orgId).map((r) => r.displayName);
      expect(names).not.toContain('Agent Operator');
      expect(names).toContain('Org Viewer');
    }
  });

  it('is the same for the same clock', () => {
    expect(treeOf(buildDemoState(NOW))).toEqual(treeOf(state));
  });
});

describe('generated trees', () => {
  it('splits the organizations over the levels', () => {
    for (const [total, depth] of [
      [40, 4],
      [100_000, 4],
      [7, 1],
      [3, 5],
    ] as const) {
      const sizes = levelSizes(total, depth);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
      expect(sizes.length).toBeLessThanOrEqual(depth);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateState({ orgs: 500, depth: 4, seed: 7 }, NOW);
    const b = generateState({ orgs: 500, depth: 4, seed: 7 }, NOW);
    const c = generateState({ orgs: 500, depth: 4, seed: 8 }, NOW);
    expect(treeOf(a)).toEqual(treeOf(b));
    expect(treeOf(a)).not.toEqual(treeOf(c));
    expect(a.orgs.size).toBe(501);
    const depths = [...a.orgs.keys()].map((id) => a.depthFromRoot(id));
    expect(Math.max(...depths)).toBe(4);
    checkTreeInvariants(a);
  });

  it('includes the root catalog and role copies in every organization', () => {
    const state = generateState({ orgs: 50, seed: 3 }, NOW);
    expect(state.agents.get(DEMO.agents.supportAssistant)?.password).toBe(
      'support-assistant-secret',
    );
    expect(state.applicationByClientId('sharedesk-admin')).toBeDefined();
    const someOrg = state.children(state.rootOrgId)[0]!;
    expect(state.rolesInOrg(someOrg.id).map((r) => r.displayName)).toContain('Org Viewer');
  });

  // A generous timeout for a slow shared machine; nothing here asserts speed.
  it('builds 100 000 organizations', { timeout: 120_000 }, () => {
    const state = generateState({ orgs: 100_000, depth: 4, seed: 7 }, NOW);
    expect(state.orgs.size).toBe(100_001);
    checkTreeInvariants(state);
  });
});
