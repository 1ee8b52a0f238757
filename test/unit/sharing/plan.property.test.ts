/**
 * Property tests of `plan` against an independent model of the server (support/server-model):
 * applying the plan's wire requests to the current state yields the same state as a naive plan
 * (unshare everything, then share everything wanted), the plan is never longer than that naive
 * plan, and planning again on the result needs no call.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plan } from '../../../main/sharing/plan';
import type { OrgNode, RoleContext } from '../../../main/sharing/ports';
import { toSnapshot } from '../../../main/sharing/snapshot';
import { createTree } from '../../../main/sharing/tree';
import {
  SELECTED_ORG_ONLY,
  WITH_CHILDREN,
  type DesiredSharing,
  type RoleRef,
} from '../../../preload/contract/sharing-domain';
import { ServerModel } from './support/server-model';

const AGENT = 'agent-1';
const ROOT = 'root';
const ROOT_NAME = 'Root';

/** The role universe: three org roles and one application role; some may not exist in root. */
const UNIVERSE: { key: string; ref: RoleRef }[] = [
  {
    key: 'org:Viewer',
    ref: { displayName: 'Viewer', audienceType: 'organization', audienceDisplay: ROOT_NAME },
  },
  {
    key: 'org:Admin',
    ref: { displayName: 'Admin', audienceType: 'organization', audienceDisplay: ROOT_NAME },
  },
  {
    key: 'org:Auditor',
    ref: { displayName: 'Auditor', audienceType: 'organization', audienceDisplay: ROOT_NAME },
  },
  {
    key: 'app:Portal:Editor',
    ref: { displayName: 'Editor', audienceType: 'application', audienceDisplay: 'Portal' },
  },
];

interface World {
  parents: number[];
  rootRoleMask: boolean[];
  orgRoleMasks: boolean[][];
}

type Op =
  | { kind: 'share'; entries: { org: number; children: boolean; roles: number[] }[] }
  | { kind: 'shareAll'; roles: number[] }
  | { kind: 'unshare'; orgs: number[] }
  | { kind: 'unshareAll' }
  | { kind: 'patch'; org: number; add: number[]; remove: number[] }
  | { kind: 'dropShare'; org: number }
  | { kind: 'setRoles'; org: number; roles: number[] }
  | { kind: 'createMissed'; parent: number };

const roleIndexes = fc.uniqueArray(fc.integer({ min: 0, max: UNIVERSE.length - 1 }), {
  maxLength: 3,
});

const worldArb: fc.Arbitrary<World> = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc.record({
    // org i's parent: -1 (root) or an earlier org
    parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -1, max: i - 1 }))),
    rootRoleMask: fc.tuple(fc.constant(true), fc.boolean(), fc.boolean(), fc.boolean()),
    orgRoleMasks: fc.tuple(
      ...Array.from({ length: n + 2 }, () =>
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      ),
    ),
  }),
);

const opArb = (orgCount: number): fc.Arbitrary<Op> => {
  const org = fc.integer({ min: 0, max: orgCount - 1 });
  return fc.oneof(
    fc.record({
      kind: fc.constant('share' as const),
      entries: fc.array(fc.record({ org, children: fc.boolean(), roles: roleIndexes }), {
        maxLength: 3,
      }),
    }),
    fc.record({ kind: fc.constant('shareAll' as const), roles: roleIndexes }),
    fc.record({
      kind: fc.constant('unshare' as const),
      orgs: fc.array(org, { minLength: 1, maxLength: 2 }),
    }),
    fc.record({ kind: fc.constant('unshareAll' as const) }),
    fc.record({ kind: fc.constant('patch' as const), org, add: roleIndexes, remove: roleIndexes }),
    fc.record({ kind: fc.constant('dropShare' as const), org }),
    fc.record({ kind: fc.constant('setRoles' as const), org, roles: roleIndexes }),
    fc.record({
      kind: fc.constant('createMissed' as const),
      parent: fc.integer({ min: -1, max: orgCount - 1 }),
    }),
  );
};

const desiredArb = (orgCount: number): fc.Arbitrary<DesiredSharing> =>
  fc.oneof(
    fc.constant<DesiredSharing>({ mode: 'none' }),
    roleIndexes.map<DesiredSharing>((roles) => ({
      mode: 'all',
      roles: roles.map((i) => UNIVERSE[i]!.ref),
    })),
    fc
      .uniqueArray(
        fc.record({
          org: fc.integer({ min: 0, max: orgCount - 1 }),
          children: fc.boolean(),
          roles: roleIndexes,
        }),
        { selector: (entry) => entry.org, maxLength: orgCount },
      )
      .map<DesiredSharing>((entries) => ({
        mode: 'selected',
        organizations: entries.map((entry) => ({
          orgId: `o${entry.org}`,
          policy: entry.children ? WITH_CHILDREN : SELECTED_ORG_ONLY,
          roles: entry.roles.map((i) => UNIVERSE[i]!.ref),
        })),
      })),
  );

function wire(roles: number[]) {
  const list = roles.map((i) => {
    const ref = UNIVERSE[i]!.ref;
    return {
      displayName: ref.displayName,
      audience: { display: ref.audienceDisplay, type: ref.audienceType },
    };
  });
  return { mode: list.length === 0 ? 'NONE' : 'SELECTED', roles: list };
}

function buildModel(world: World): ServerModel {
  const orgs = world.parents.map((parent, i) => ({
    id: `o${i}`,
    name: `Org ${i}`,
    parentId: parent < 0 ? ROOT : `o${parent}`,
  }));
  const rootRoles = new Set(
    UNIVERSE.filter((_, i) => world.rootRoleMask[i]).map((role) => role.key),
  );
  const orgRoles = new Map<string, Set<string>>();
  for (const [i, mask] of world.orgRoleMasks.entries()) {
    orgRoles.set(
      `o${i}`,
      new Set(UNIVERSE.filter((role, j) => mask[j] && rootRoles.has(role.key)).map((r) => r.key)),
    );
  }
  const model = new ServerModel(
    ROOT,
    [{ id: ROOT, name: ROOT_NAME, parentId: null }, ...orgs],
    rootRoles,
    orgRoles,
  );
  model.addAgent(AGENT);
  return model;
}

function applyOp(model: ServerModel, op: Op, created: { n: number }): void {
  switch (op.kind) {
    case 'share':
      return model.share(
        [AGENT],
        op.entries.map((entry) => ({
          orgId: `o${entry.org}`,
          policy: entry.children ? WITH_CHILDREN : SELECTED_ORG_ONLY,
          roleAssignment: wire(entry.roles),
        })),
      );
    case 'shareAll':
      return model.shareWithAll([AGENT], wire(op.roles));
    case 'unshare':
      return model.unshare(
        [AGENT],
        op.orgs.map((i) => `o${i}`),
      );
    case 'unshareAll':
      return model.unshareWithAll([AGENT]);
    case 'patch':
      return model.patch(
        [AGENT],
        [
          { op: 'add', orgId: `o${op.org}`, roles: wire(op.add).roles },
          { op: 'remove', orgId: `o${op.org}`, roles: wire(op.remove).roles },
        ],
      );
    case 'dropShare': {
      // A future child that never received the agent. A policy holder losing its own share is
      // left out: its policy would then be invisible to any read, so no client can plan for it.
      const holder = model.view(AGENT).organizations.find((org) => org.orgId === `o${op.org}`);
      if (holder?.sharingMode === undefined) model.dropShare(AGENT, `o${op.org}`);
      return;
    }
    case 'setRoles':
      if (model.view(AGENT).organizations.some((org) => org.orgId === `o${op.org}`)) {
        model.setRoles(
          AGENT,
          `o${op.org}`,
          op.roles.map((i) => UNIVERSE[i]!.key).filter((k) => model.rootRoles.has(k)),
        );
      }
      return;
    case 'createMissed': {
      const id = `n${created.n++}`;
      return model.createOrg(
        { id, name: `New ${id}`, parentId: op.parent < 0 ? ROOT : `o${op.parent}` },
        { missed: true },
      );
    }
  }
}

function contextOf(model: ServerModel) {
  const nodes: OrgNode[] = [];
  const depth = (id: string): number => {
    const parent = model.orgs.get(id)?.parentId ?? null;
    return parent === null ? 0 : depth(parent) + 1;
  };
  for (const org of model.orgs.values()) nodes.push({ ...org, depth: depth(org.id) });
  const refOf = (key: string, orgId: string): RoleRef => {
    const ref = UNIVERSE.find((role) => role.key === key)!.ref;
    return ref.audienceType === 'organization'
      ? { ...ref, audienceDisplay: model.orgs.get(orgId)?.name ?? '' }
      : ref;
  };
  const roles: RoleContext = {
    rootRoles: [...model.rootRoles].map((key) => refOf(key, ROOT)),
    rolesInOrg: (orgId) => [...(model.orgRoles.get(orgId) ?? [])].map((key) => refOf(key, orgId)),
  };
  let n = 0;
  return {
    tree: createTree(ROOT, nodes),
    roles,
    baseUrl: 'https://localhost:9443',
    now: () => new Date(0),
    newId: () => `p${++n}`,
  };
}

function naive(model: ServerModel, desired: DesiredSharing): number {
  model.unshareWithAll([AGENT]);
  if (desired.mode === 'all') {
    model.shareWithAll(
      [AGENT],
      wire(desired.roles.map((ref) => UNIVERSE.findIndex((r) => r.ref === ref))),
    );
    return 2;
  }
  if (desired.mode === 'selected' && desired.organizations.length > 0) {
    model.share(
      [AGENT],
      desired.organizations.map((entry) => ({
        orgId: entry.orgId,
        policy: entry.policy,
        roleAssignment: wire(entry.roles.map((ref) => UNIVERSE.findIndex((r) => r.ref === ref))),
      })),
    );
    return 2;
  }
  return 1;
}

describe('plan (property, against an independent server model)', () => {
  it('reaches the desired state, is never longer than the naive plan, and is idempotent', () => {
    const scenario = worldArb.chain((world) =>
      fc.record({
        world: fc.constant(world),
        ops: fc.array(opArb(world.parents.length), { maxLength: 6 }),
        desired: desiredArb(world.parents.length),
      }),
    );
    fc.assert(
      fc.property(scenario, ({ world, ops, desired }) => {
        const actual = buildModel(world);
        const reference = buildModel(world);
        const created = { n: 0 };
        const createdRef = { n: 0 };
        for (const op of ops) {
          applyOp(actual, op, created);
          applyOp(reference, op, createdRef);
        }

        const context = contextOf(actual);
        const current = toSnapshot(AGENT, actual.view(AGENT), new Date(0));
        const result = plan(current, desired, context);
        for (const step of result.steps) {
          actual.applyRequest(step.request.method, step.request.path, step.request.body);
        }
        const naiveLength = naive(reference, desired);

        expect(actual.fingerprint(AGENT)).toBe(reference.fingerprint(AGENT));
        expect(result.steps.length).toBeLessThanOrEqual(naiveLength);

        const again = plan(toSnapshot(AGENT, actual.view(AGENT), new Date(0)), desired, context);
        expect(again.steps).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});
