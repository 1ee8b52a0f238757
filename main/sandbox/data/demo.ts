/**
 * The demo data set behind `npm run sandbox` and the integration tests: the organization tree
 * of `demo-tree.ts`, the root catalog, role copies in every child organization (except
 * "Agent Operator" in the Logistics branch, so sharing can show a silently dropped role) and
 * users resident in child organizations.
 */
import { ROOT_ORG_ID, type Org } from '../model';
import { buildOrg } from '../orgs/factory';
import { copyRolesInto, inheritableRoles } from '../roles/copy';
import { SandboxState } from '../state';
import { addRootCatalog, assignRoles, buildUser } from './catalog';
import { DEMO } from './demo-ids';
import { DEMO_TREE, type DemoOrg } from './demo-tree';
import { stableUuid } from './ids';

const HOUR_MICROS = 3_600_000_000;
const MONTH_MICROS = 30 * 24 * HOUR_MICROS;

/** Root roles deliberately not copied into an organization branch (keyed by branch handle). */
const ROLES_NOT_COPIED: Record<string, string[]> = { logistics: ['Agent Operator'] };

interface DemoUser {
  orgId: string;
  id: string;
  userName: string;
  password: string;
  givenName: string;
  familyName: string;
  roles: string[];
}

const USERS: DemoUser[] = [
  {
    ...DEMO.users.alice,
    orgId: DEMO.orgs.business,
    givenName: 'Alice',
    familyName: 'Andersen',
    roles: ['Org Viewer', 'Ticket Resolver'],
  },
  {
    orgId: DEMO.orgs.retail,
    id: stableUuid('user:bob'),
    userName: 'bob',
    password: 'bob-password',
    givenName: 'Bob',
    familyName: 'Baker',
    roles: ['Ticket Reader'],
  },
  {
    orgId: DEMO.orgs.businessEuropeBerlin,
    id: stableUuid('user:carol'),
    userName: 'carol',
    password: 'carol-password',
    givenName: 'Carol',
    familyName: 'Conrad',
    roles: ['Org Admin'],
  },
  {
    orgId: DEMO.orgs.logistics,
    id: stableUuid('user:dave'),
    userName: 'dave',
    password: 'dave-password',
    givenName: 'Dave',
    familyName: 'Dalton',
    roles: ['Org Viewer'],
  },
];

export function buildDemoState(nowMs: number): SandboxState {
  const state = new SandboxState(ROOT_ORG_ID);
  const start = Math.floor(nowMs * 1000) - MONTH_MICROS;
  addRootCatalog(state, start);

  let sequence = 0;
  const inherited = inheritableRoles(state);
  const visit = (node: DemoOrg, parent: Org, excluded: ReadonlySet<string>): void => {
    sequence++;
    // Distinct sub-second parts, so cursors carry real fractions like WSO2's.
    const createdMicros = start + sequence * HOUR_MICROS + ((sequence * 7919) % 1_000_000);
    const org = buildOrg({
      id: node.fixedId ?? stableUuid(`org:${node.orgHandle}`),
      name: node.name,
      orgHandle: node.orgHandle,
      parentId: parent.id,
      createdMicros,
      description: node.description,
      ...(node.status ? { status: node.status } : {}),
      ...(node.attributes ? { attributes: node.attributes } : {}),
    });
    state.addOrg(org);
    const skip = new Set([...excluded, ...(ROLES_NOT_COPIED[node.orgHandle] ?? [])]);
    const roles = inherited.filter((role) => !skip.has(role.displayName));
    copyRolesInto(state, org, roles, (role) =>
      stableUuid(`role:${org.orgHandle}:${role.displayName}`),
    );
    for (const child of node.children ?? []) visit(child, org, skip);
  };
  const root = state.orgs.get(state.rootOrgId)!;
  for (const node of DEMO_TREE) visit(node, root, new Set());

  for (const spec of USERS) {
    const { roles, ...identity } = spec;
    state.users.set(identity.id, buildUser(identity.orgId, identity));
    const copies = state.rolesInOrg(identity.orgId);
    const ids = roles.map((name) => copies.find((r) => r.displayName === name)?.id);
    assignRoles(
      state,
      identity.orgId,
      identity.id,
      ids.filter((id): id is string => id !== undefined),
    );
  }
  return state;
}
