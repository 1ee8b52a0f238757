import { beforeEach, describe, expect, it } from 'vitest';
import type { RoleAssignmentInput, RoleRef } from '../../../../main/sandbox/sharing/commands';
import { SharingEngine } from '../../../../main/sandbox/sharing/engine';
import type { PolicyName } from '../../../../main/sandbox/sharing/policy';
import type { SandboxState } from '../../../../main/sandbox/state';
import {
  AGENT,
  ORG,
  ROOT_ROLE,
  buildState,
  copyOf,
  copyRoles,
  org,
  recordingLogger,
  rolesOfCopy,
  sharedOrgIds,
} from './fixture';

const viewer: RoleRef = {
  displayName: 'Viewer',
  audienceType: 'organization',
  audienceDisplay: 'x',
};
const admin: RoleRef = { displayName: 'Admin', audienceType: 'organization', audienceDisplay: 'x' };
const editor: RoleRef = {
  displayName: 'Editor',
  audienceType: 'application',
  audienceDisplay: 'Travel App',
};
const selected = (...roles: RoleRef[]): RoleAssignmentInput => ({ mode: 'SELECTED', roles });
const none: RoleAssignmentInput = { mode: 'NONE', roles: [] };

let state: SandboxState;
let engine: SharingEngine;
let records: ReturnType<typeof recordingLogger>['records'];

beforeEach(() => {
  state = buildState();
  const recorder = recordingLogger();
  records = recorder.records;
  engine = new SharingEngine({ state, logger: recorder.logger, clock: () => 0 });
});

function shareSelected(
  orgs: { orgId: string; policy: PolicyName; roleAssignment?: RoleAssignmentInput }[],
  agentIds: string[] = [AGENT.travel],
  callingOrgId: string = ORG.root,
): void {
  const organizations = orgs.map((o) => ({
    orgId: o.orgId,
    policy: o.policy,
    roleAssignment: o.roleAssignment ?? none,
  }));
  engine.acceptSelectiveShare({ agentIds, organizations }, callingOrgId)();
}

/** What the organization code does: add the org, copy the roles, then announce it. */
function createOrgLater(id: string, name: string, parentId: string, roleIds: string[]): void {
  const created = org(id, name, parentId);
  state.addOrg(created);
  copyRoles(state, created, roleIds);
  engine.organizationCreated(created);
}

describe('selective share', () => {
  it('shares with immediate children and silently skips a grandchild', () => {
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY' },
      { orgId: ORG.a1, policy: 'SELECTED_ORG_ONLY' },
    ]);
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([ORG.a]);
  });

  it('checks the children when the request is accepted, not when the work runs', () => {
    const lateChild = 'e0000000-0000-4000-8000-00000000000e';
    const work = engine.acceptSelectiveShare(
      {
        agentIds: [AGENT.travel],
        organizations: [{ orgId: lateChild, policy: 'SELECTED_ORG_ONLY', roleAssignment: none }],
      },
      ORG.root,
    );
    state.addOrg(org(lateChild, 'Late', ORG.root));
    work();
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([]);
  });

  it('provisions a read-only copy in the child that names its resident organization', () => {
    shareSelected([{ orgId: ORG.a, policy: 'SELECTED_ORG_ONLY' }]);
    const association = [...state.shareAssociations.values()][0]!;
    const copy = state.agents.get(association.sharedAgentId)!;
    expect(association).toMatchObject({
      agentId: AGENT.travel,
      orgId: ORG.a,
      residentOrgId: ORG.root,
      sharedType: 'SHARED',
    });
    expect(copy.id).not.toBe(AGENT.travel);
    expect(copy).toMatchObject({
      orgId: ORG.a,
      managedOrg: ORG.root,
      userName: `AGENT/${AGENT.travel}`,
      displayName: 'Travel Agent',
    });
  });

  it('assigns the copies of the named roles in the child', () => {
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer, editor) },
    ]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual(
      [copyOf(ROOT_ROLE.viewer, ORG.a), copyOf(ROOT_ROLE.editor, ORG.a)].sort(),
    );
  });

  it('silently drops a role the child has no copy of', () => {
    shareSelected([
      { orgId: ORG.b, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer, admin) },
    ]);
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([ORG.b]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.b)).toEqual([copyOf(ROOT_ROLE.viewer, ORG.b)]);
  });

  it('silently drops unknown role names, unknown applications and unknown audience types', () => {
    const unknown: RoleRef[] = [
      { displayName: 'Nope', audienceType: 'organization', audienceDisplay: 'Super' },
      { displayName: 'Editor', audienceType: 'application', audienceDisplay: 'Other App' },
      { displayName: 'Viewer', audienceType: 'tenant', audienceDisplay: 'Super' },
    ];
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(...unknown) },
    ]);
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([ORG.a]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual([]);
  });

  it('ignores the display of organization audiences and matches their type in any case', () => {
    const shouted: RoleRef = {
      displayName: 'Viewer',
      audienceType: 'ORGANIZATION',
      audienceDisplay: 'Wrong',
    };
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(shouted) },
    ]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual([copyOf(ROOT_ROLE.viewer, ORG.a)]);
  });

  it('reaches the whole subtree with SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN', () => {
    shareSelected([
      {
        orgId: ORG.a,
        policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
        roleAssignment: selected(admin),
      },
    ]);
    expect(new Set(sharedOrgIds(state, AGENT.travel))).toEqual(
      new Set([ORG.a, ORG.a1, ORG.a1a, ORG.a2]),
    );
    expect(rolesOfCopy(state, AGENT.travel, ORG.a1a)).toEqual([copyOf(ROOT_ROLE.admin, ORG.a1a)]);
    expect(state.sharePolicies).toEqual([
      {
        agentId: AGENT.travel,
        initiatingOrgId: ORG.root,
        policyHoldingOrgId: ORG.a,
        policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
        roleIds: [ROOT_ROLE.admin],
      },
    ]);
  });

  it('stores no policy for SELECTED_ORG_ONLY', () => {
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer) },
    ]);
    expect(state.sharePolicies).toEqual([]);
  });

  it('replaces the stored policies on a second share and keeps the earlier shares', () => {
    shareSelected([{ orgId: ORG.a, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' }]);
    shareSelected([{ orgId: ORG.b, policy: 'SELECTED_ORG_ONLY' }]);
    expect(state.sharePolicies).toEqual([]);
    expect(sharedOrgIds(state, AGENT.travel)).toContain(ORG.a);
    createOrgLater('a0000000-0000-4000-8000-000000000013', 'Org A3', ORG.a, [ROOT_ROLE.viewer]);
    expect(sharedOrgIds(state, AGENT.travel)).not.toContain('a0000000-0000-4000-8000-000000000013');
  });

  it('reconciles the roles of an existing share: SELECTED sets them, NONE removes them', () => {
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer, admin) },
    ]);
    const before = [...state.shareAssociations.values()][0]!;

    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(admin, editor) },
    ]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual(
      [copyOf(ROOT_ROLE.admin, ORG.a), copyOf(ROOT_ROLE.editor, ORG.a)].sort(),
    );
    shareSelected([{ orgId: ORG.a, policy: 'SELECTED_ORG_ONLY' }]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual([]);
    // Still the same share: no second copy, no new association row.
    expect([...state.shareAssociations.values()]).toEqual([before]);
  });

  it('keeps roles the child gave the copy itself when reconciling', () => {
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer) },
    ]);
    const copyId = [...state.shareAssociations.values()][0]!.sharedAgentId;
    state.roles.set('local-role', {
      id: 'local-role',
      displayName: 'Local',
      orgId: ORG.a,
      audience: { type: 'organization', value: ORG.a, display: 'Org A' },
      permissions: [],
    });
    state.roleAssignments.get(`${ORG.a}|${copyId}`)!.add('local-role');
    shareSelected([{ orgId: ORG.a, policy: 'SELECTED_ORG_ONLY' }]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual(['local-role']);
  });

  it('skips unknown agents, shared copies and agents of other organizations', () => {
    shareSelected([{ orgId: ORG.a, policy: 'SELECTED_ORG_ONLY' }]);
    const copyId = [...state.shareAssociations.values()][0]!.sharedAgentId;
    const unknown = 'dddddddd-0000-4000-8000-000000000000';
    shareSelected([{ orgId: ORG.b, policy: 'SELECTED_ORG_ONLY' }], [unknown, copyId, AGENT.local]);
    expect([...state.shareAssociations.values()].map((a) => a.orgId)).toEqual([ORG.a]);
  });

  it('acts in the calling organization for organization-scoped calls', () => {
    shareSelected(
      [
        { orgId: ORG.a1, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer) },
        { orgId: ORG.a1a, policy: 'SELECTED_ORG_ONLY' },
      ],
      [AGENT.local, AGENT.travel],
      ORG.a,
    );
    expect(sharedOrgIds(state, AGENT.local)).toEqual([ORG.a1]);
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([]);
    // A's own Viewer is a copy of the root role; it maps to A1's copy of the same root role.
    expect(rolesOfCopy(state, AGENT.local, ORG.a1)).toEqual([copyOf(ROOT_ROLE.viewer, ORG.a1)]);
    expect(state.shareAssociations.values().next().value).toMatchObject({ residentOrgId: ORG.a });
  });

  it('gives up on a parseable policy unsupported for agents, after deleting policies', () => {
    shareSelected([{ orgId: ORG.a, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' }]);
    const before = sharedOrgIds(state, AGENT.travel);
    shareSelected([{ orgId: ORG.b, policy: 'SELECTED_ORG_WITH_EXISTING_IMMEDIATE_CHILDREN_ONLY' }]);
    expect(sharedOrgIds(state, AGENT.travel)).toEqual(before);
    expect(state.sharePolicies).toEqual([]);
    expect(records.some((r) => r.level === 'error' && r.message.includes('Invalid policy'))).toBe(
      true,
    );
  });
});

describe('share with all', () => {
  const shareAll = (
    roles: RoleAssignmentInput = none,
    policy: PolicyName = 'ALL_EXISTING_AND_FUTURE_ORGS',
  ) =>
    engine.acceptGeneralShare(
      { agentIds: [AGENT.travel], policy, roleAssignment: roles },
      ORG.root,
    );

  it('shares with every descendant and stores a policy held by the calling org', () => {
    shareAll(selected(admin))();
    expect(new Set(sharedOrgIds(state, AGENT.travel))).toEqual(
      new Set([ORG.a, ORG.a1, ORG.a1a, ORG.a2, ORG.b]),
    );
    expect(rolesOfCopy(state, AGENT.travel, ORG.a2)).toEqual([copyOf(ROOT_ROLE.admin, ORG.a2)]);
    expect(rolesOfCopy(state, AGENT.travel, ORG.b)).toEqual([]);
    expect(state.sharePolicies).toEqual([
      {
        agentId: AGENT.travel,
        initiatingOrgId: ORG.root,
        policyHoldingOrgId: ORG.root,
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
        roleIds: [ROOT_ROLE.admin],
      },
    ]);
  });

  it('resolves the roles when the request is accepted, before the work runs', () => {
    const work = shareAll(selected(viewer));
    state.roles.get(ROOT_ROLE.viewer)!.displayName = 'Renamed';
    work();
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual([copyOf(ROOT_ROLE.viewer, ORG.a)]);
  });

  it('resolves selective-share roles only when the work runs', () => {
    const work = engine.acceptSelectiveShare(
      {
        agentIds: [AGENT.travel],
        organizations: [
          { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer) },
        ],
      },
      ORG.root,
    );
    state.roles.get(ROOT_ROLE.viewer)!.displayName = 'Renamed';
    work();
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual([]);
  });

  it('gives up on ALL_EXISTING_ORGS_ONLY without sharing anything', () => {
    shareAll(none, 'ALL_EXISTING_ORGS_ONLY')();
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([]);
    expect(records.some((r) => r.level === 'error')).toBe(true);
  });
});

describe('future organizations', () => {
  const newChildOfA1 = 'a0000000-0000-4000-8000-000000001111';
  const newChildOfB = 'b0000000-0000-4000-8000-000000000022';

  it('receive the agent with the policy roles under a future-children policy holder', () => {
    shareSelected([
      {
        orgId: ORG.a,
        policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
        roleAssignment: selected(viewer, admin),
      },
    ]);
    createOrgLater(newChildOfA1, 'Org A1b', ORG.a1, [ROOT_ROLE.viewer]);
    createOrgLater(newChildOfB, 'Org B1', ORG.b, [ROOT_ROLE.viewer]);
    expect(sharedOrgIds(state, AGENT.travel)).toContain(newChildOfA1);
    expect(sharedOrgIds(state, AGENT.travel)).not.toContain(newChildOfB);
    // Admin was not copied into the new org: dropped silently.
    expect(rolesOfCopy(state, AGENT.travel, newChildOfA1)).toEqual([
      copyOf(ROOT_ROLE.viewer, newChildOfA1),
    ]);
  });

  it('receive the agent anywhere below the caller of share-with-all', () => {
    engine.acceptGeneralShare(
      {
        agentIds: [AGENT.travel],
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
        roleAssignment: selected(viewer),
      },
      ORG.root,
    )();
    createOrgLater(newChildOfB, 'Org B1', ORG.b, [ROOT_ROLE.viewer]);
    expect(rolesOfCopy(state, AGENT.travel, newChildOfB)).toEqual([
      copyOf(ROOT_ROLE.viewer, newChildOfB),
    ]);
  });

  it('do not receive agents shared with SELECTED_ORG_ONLY', () => {
    shareSelected([
      { orgId: ORG.a, policy: 'SELECTED_ORG_ONLY', roleAssignment: selected(viewer) },
    ]);
    createOrgLater(newChildOfA1, 'Org A1b', ORG.a1, [ROOT_ROLE.viewer]);
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([ORG.a]);
  });
});

describe('unshare', () => {
  it('removes the listed org and its whole subtree, with the copies and their roles', () => {
    shareSelected([
      {
        orgId: ORG.a,
        policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
        roleAssignment: selected(viewer),
      },
      { orgId: ORG.b, policy: 'SELECTED_ORG_ONLY' },
    ]);
    const copies = [...state.shareAssociations.values()].filter((a) => a.orgId !== ORG.b);
    engine.acceptSelectiveUnshare({ agentIds: [AGENT.travel], orgIds: [ORG.a] }, ORG.root)();

    expect(sharedOrgIds(state, AGENT.travel)).toEqual([ORG.b]);
    for (const copy of copies) {
      expect(state.agents.has(copy.sharedAgentId)).toBe(false);
      expect(state.roleAssignments.has(`${copy.orgId}|${copy.sharedAgentId}`)).toBe(false);
    }
    expect(state.sharePolicies).toEqual([]);
  });

  it('removes a deeper org named directly, leaving its parent shared', () => {
    shareSelected([{ orgId: ORG.a, policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN' }]);
    engine.acceptSelectiveUnshare({ agentIds: [AGENT.travel], orgIds: [ORG.a1] }, ORG.root)();
    expect(new Set(sharedOrgIds(state, AGENT.travel))).toEqual(new Set([ORG.a, ORG.a2]));
    // The policy is held by A, not A1, so it stays.
    expect(state.sharePolicies).toHaveLength(1);
  });

  it('unshare-with-all removes every share made from the calling org and its policies', () => {
    engine.acceptGeneralShare(
      {
        agentIds: [AGENT.travel, AGENT.billing],
        policy: 'ALL_EXISTING_AND_FUTURE_ORGS',
        roleAssignment: none,
      },
      ORG.root,
    )();
    engine.acceptGeneralUnshare({ agentIds: [AGENT.travel] }, ORG.root)();
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([]);
    expect(sharedOrgIds(state, AGENT.billing)).toHaveLength(5);
    expect(state.sharePolicies.map((p) => p.agentId)).toEqual([AGENT.billing]);
  });
});

describe('patch', () => {
  it('adds and removes roles where the agent is shared, and leaves policies alone', () => {
    shareSelected([
      {
        orgId: ORG.a,
        policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN',
        roleAssignment: selected(viewer),
      },
    ]);
    const policies = structuredClone(state.sharePolicies);
    engine.acceptPatch(
      {
        agentIds: [AGENT.travel],
        operations: [
          { op: 'add', orgId: ORG.a1, roles: [admin, editor] },
          { op: 'remove', orgId: ORG.a1, roles: [viewer] },
        ],
      },
      ORG.root,
    )();
    expect(rolesOfCopy(state, AGENT.travel, ORG.a1)).toEqual(
      [copyOf(ROOT_ROLE.admin, ORG.a1), copyOf(ROOT_ROLE.editor, ORG.a1)].sort(),
    );
    expect(rolesOfCopy(state, AGENT.travel, ORG.a)).toEqual([copyOf(ROOT_ROLE.viewer, ORG.a)]);
    expect(state.sharePolicies).toEqual(policies);
  });

  it('does nothing in an org the agent is not shared with', () => {
    engine.acceptPatch(
      { agentIds: [AGENT.travel], operations: [{ op: 'add', orgId: ORG.b, roles: [viewer] }] },
      ORG.root,
    )();
    expect(sharedOrgIds(state, AGENT.travel)).toEqual([]);
    expect(state.roleAssignments.size).toBe(0);
  });
});
