/**
 * Plain-English wording of plans: one line per step and a short summary of the whole plan.
 */
import type { BlastRadius, StepAction } from '../../preload/contract/sharing-plan';
import type { OrgTreeView } from './ports';
import { roleLabel } from './roles';
import { descendants, orgName } from './tree';
import { type RoleRef, WITH_CHILDREN } from '../../preload/contract/sharing-domain';

function rolesText(roles: readonly RoleRef[]): string {
  return roles.length === 0 ? 'no roles' : `roles: ${roles.map(roleLabel).join(', ')}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function describeStep(action: StepAction, tree: OrgTreeView): string {
  switch (action.kind) {
    case 'unshare-with-all':
      return 'Unshare from every organization and remove all stored policies.';
    case 'share-with-all':
      return `Share with all organizations, existing and future (${rolesText(action.roles)}).`;
    case 'unshare':
      return `Unshare from ${action.orgIds
        .map((orgId) => {
          const below = descendants(tree, orgId).length;
          return below === 0
            ? orgName(tree, orgId)
            : `${orgName(tree, orgId)} (with its ${count(below, 'sub-organization')})`;
        })
        .join(', ')}.`;
    case 'share':
      return `Share with ${action.organizations
        .map(
          (entry) =>
            `${orgName(tree, entry.orgId)} (${
              entry.policy === WITH_CHILDREN
                ? 'this organization and all existing and future children'
                : 'this organization only'
            }, ${rolesText(entry.roles)})`,
        )
        .join('; ')}.`;
    case 'patch-roles':
      return `Change roles in ${action.operations
        .map((operation) => {
          const changes = [
            ...operation.add.map((role) => `+${roleLabel(role)}`),
            ...operation.remove.map((role) => `−${roleLabel(role)}`),
          ];
          return `${orgName(tree, operation.orgId)} (${changes.join(', ')})`;
        })
        .join('; ')}.`;
  }
}

export function summarize(
  agentLabel: string,
  steps: number,
  radius: BlastRadius,
  blocked: boolean,
): string[] {
  if (steps === 0) return [`${agentLabel}: no change needed; the server already matches.`];
  // Over a partly loaded tree, gains are a lower bound; losses come from the server's record.
  const atLeast = radius.partialTree === true ? 'at least ' : '';
  const gained = `${atLeast}${count(radius.gained.length, 'organization')}`;
  const lost = count(radius.lost.length, 'organization');
  const changedRoles = count(radius.roleChanges.length, 'organization');
  const lines = [
    `${agentLabel}: ${count(steps, 'API call')}; ${gained} gain the agent, ${lost} lose it, ` +
      `roles change in ${changedRoles}.`,
  ];
  const { before, after, changed } = radius.future;
  if (changed) {
    const describe = (coverage: typeof before) =>
      coverage.allOrgs
        ? 'every new organization'
        : coverage.subtrees.length === 0
          ? 'no new organization'
          : `new organizations under ${coverage.subtrees.map((org) => org.orgName).join(', ')}`;
    lines.push(`Future organizations: before, ${describe(before)}; after, ${describe(after)}.`);
  }
  if (blocked) lines.push('Blocked: fix the errors before this plan can be applied.');
  return lines;
}
