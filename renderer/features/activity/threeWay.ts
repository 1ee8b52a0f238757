/**
 * The three sides of an outbox conflict, row by organization: the share state the plan was
 * drafted on, the state the server shows now, and what the plan would do. Rows whose server
 * state moved away from the base come first, since they are the reason for the conflict, and
 * among them the ones the plan touches too.
 */
import type {
  OutboxEntry,
  PolicyView,
  RoleRef,
  ShareSnapshot,
  SnapshotOrg,
} from '../../../preload/contract';
import { WITH_CHILDREN } from '../../../preload/contract';
import { roleLabel } from '../sharing/draft';

export interface ThreeWayRow {
  /** An org id, or null for the "all organizations" policy row. */
  orgId: string | null;
  name: string;
  base: string;
  server: string;
  plan: string;
  changedOnServer: boolean;
}

function rolesText(roles: readonly RoleRef[]): string {
  if (roles.length === 0) return 'no roles';
  return [...roles]
    .map(roleLabel)
    .sort((a, b) => a.localeCompare(b))
    .join(', ');
}

function orgText(org: SnapshotOrg | undefined): string {
  if (org === undefined) return 'not shared';
  const policy =
    org.policy === null
      ? ''
      : org.policy.policy === WITH_CHILDREN
        ? ' · holds “and children” policy'
        : ` · holds ${org.policy.policy}`;
  return `shared; roles: ${rolesText(org.roles)}${policy}`;
}

function allOrgsText(policy: PolicyView | null): string {
  return policy === null ? 'none' : `${policy.policy}; roles: ${rolesText(policy.roles)}`;
}

function planText(entry: OutboxEntry, orgId: string): string {
  const desired = entry.plan.desired;
  if (desired.mode === 'selected') {
    const named = desired.organizations.find((org) => org.orgId === orgId);
    if (named) {
      const scope = named.policy === WITH_CHILDREN ? 'share with its children' : 'share';
      return `${scope}; roles: ${rolesText(named.roles)}`;
    }
  }
  const radius = entry.plan.blastRadius;
  if (radius.lost.some((org) => org.orgId === orgId)) return 'unshare';
  if (radius.gained.some((org) => org.orgId === orgId)) return 'gains the agent';
  const change = radius.roleChanges.find((org) => org.orgId === orgId);
  if (change) {
    const parts = [];
    if (change.added.length > 0) parts.push(`add ${rolesText(change.added)}`);
    if (change.removed.length > 0) parts.push(`remove ${rolesText(change.removed)}`);
    return parts.join('; ');
  }
  return 'no change';
}

function byId(snapshot: ShareSnapshot): Map<string, SnapshotOrg> {
  return new Map(snapshot.organizations.map((org) => [org.orgId, org]));
}

export function threeWayRows(entry: OutboxEntry): ThreeWayRow[] {
  const server = entry.conflict?.server ?? null;
  const base = byId(entry.base);
  const now = server ? byId(server) : new Map<string, SnapshotOrg>();
  const names = new Map<string, string>();
  const remember = (orgId: string, name: string): void => {
    if (!names.has(orgId)) names.set(orgId, name);
  };
  for (const org of [...entry.base.organizations, ...(server?.organizations ?? [])]) {
    remember(org.orgId, org.orgName);
  }
  const radius = entry.plan.blastRadius;
  for (const org of [...radius.gained, ...radius.lost, ...radius.roleChanges]) {
    remember(org.orgId, org.orgName);
  }
  if (entry.plan.desired.mode === 'selected') {
    for (const org of entry.plan.desired.organizations) remember(org.orgId, org.orgId);
  }

  const rows: ThreeWayRow[] = [...names].map(([orgId, name]) => {
    const baseText = orgText(base.get(orgId));
    const serverText = server ? orgText(now.get(orgId)) : 'not read';
    return {
      orgId,
      name,
      base: baseText,
      server: serverText,
      plan: planText(entry, orgId),
      changedOnServer: server !== null && baseText !== serverText,
    };
  });
  const allBase = allOrgsText(entry.base.allOrgs);
  const allServer = server ? allOrgsText(server.allOrgs) : 'not read';
  const desired = entry.plan.desired;
  const allPlan =
    desired.mode === 'all' ? `share with all; roles: ${rolesText(desired.roles)}` : 'none';
  if (allBase !== 'none' || allServer !== 'none' || allPlan !== 'none') {
    rows.unshift({
      orgId: null,
      name: 'All organizations (policy)',
      base: allBase,
      server: allServer,
      plan: allPlan,
      changedOnServer: server !== null && allBase !== allServer,
    });
  }
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** Orgs both the plan and the other change touch first, then other changes, then the rest. */
function rank(row: ThreeWayRow): number {
  const planned = row.plan !== 'no change';
  if (row.changedOnServer) return planned ? 0 : 1;
  return planned ? 2 : 3;
}
