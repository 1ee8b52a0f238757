/**
 * Checks a plan against the server's rules before anything is sent. Everything the server
 * would do silently — skip an org, drop a role, wipe a stored policy, take a subtree along —
 * becomes an error (the plan is blocked) or a warning (the user should know).
 */
import { type DesiredAnalysis } from './expected';
import type { PlanIssue, StepAction } from '../../preload/contract/sharing-plan';
import type { OrgTreeView } from './ports';
import { type RoleResolver, roleKey, roleLabel } from './roles';
import type { ShareCore } from './snapshot';
import { descendants, orgName, topLevelAncestor } from './tree';
import {
  ALL_ORGS,
  type DesiredSharing,
  type RoleRef,
  WITH_CHILDREN,
} from '../../preload/contract/sharing-domain';

export interface ValidationInputs {
  current: ShareCore;
  desired: DesiredSharing;
  analysis: DesiredAnalysis;
  actions: readonly StepAction[];
  /** The state the plan leads to. */
  final: ShareCore;
  tree: OrgTreeView;
  roles: RoleResolver;
}

function issue(
  severity: PlanIssue['severity'],
  code: PlanIssue['code'],
  message: string,
  orgId: string | null = null,
  suggestion: string | null = null,
): PlanIssue {
  return { severity, code, message, orgId, suggestion };
}

function listNames(tree: OrgTreeView, orgIds: readonly string[], max = 5): string {
  const names = orgIds.slice(0, max).map((orgId) => orgName(tree, orgId));
  return orgIds.length > max
    ? `${names.join(', ')} and ${orgIds.length - max} more`
    : names.join(', ');
}

function skippedEntries(inputs: ValidationInputs): PlanIssue[] {
  const { tree } = inputs;
  return inputs.analysis.skipped.map(({ entry, reason }) => {
    const name = orgName(tree, entry.orgId);
    switch (reason) {
      case 'duplicate-org':
        return issue('error', 'duplicate-org', `${name} is selected twice.`, entry.orgId);
      case 'unknown-org':
        return issue(
          'error',
          'unknown-org',
          `Organization ${entry.orgId} is not in the tree.`,
          entry.orgId,
        );
      case 'not-immediate-child': {
        const top = topLevelAncestor(tree, entry.orgId);
        return issue(
          'error',
          'not-immediate-child',
          `${name} is not an immediate child of ${orgName(tree, tree.rootId)}: the server would skip it without an error.`,
          entry.orgId,
          top === undefined
            ? null
            : `Select ${orgName(tree, top)} with "this organization and all existing and future children" instead.`,
        );
      }
    }
  });
}

/** The orgs each named role is meant for. */
function roleTargets(inputs: ValidationInputs): Map<string, { role: RoleRef; orgs: string[] }> {
  const { desired, analysis, tree } = inputs;
  const targets = new Map<string, { role: RoleRef; orgs: string[] }>();
  const add = (role: RoleRef, orgs: readonly string[]) => {
    const entry = targets.get(roleKey(role)) ?? { role, orgs: [] };
    entry.orgs.push(...orgs);
    targets.set(roleKey(role), entry);
  };
  if (desired.mode === 'all') {
    for (const role of desired.roles) add(role, descendants(tree, tree.rootId));
  }
  for (const entry of analysis.valid) {
    const orgs =
      entry.policy === WITH_CHILDREN
        ? [entry.orgId, ...descendants(tree, entry.orgId)]
        : [entry.orgId];
    for (const role of entry.roles) add(role, orgs);
  }
  return targets;
}

function roleIssues(inputs: ValidationInputs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const { role, orgs } of roleTargets(inputs).values()) {
    if (!inputs.roles.existsInRoot(role)) {
      issues.push(
        issue(
          'error',
          'role-not-in-root',
          `Role ${roleLabel(role)} does not exist in the root organization: the server would drop it without an error.`,
        ),
      );
      continue;
    }
    const lacking = orgs.filter((orgId) => inputs.roles.existsInOrg(role, orgId) === false);
    if (lacking.length > 0) {
      issues.push(
        issue(
          'warning',
          'role-missing-in-org',
          `Role ${roleLabel(role)} is not available in ${lacking.length} organization(s) (${listNames(inputs.tree, lacking)}): it will not be assigned there.`,
          lacking.length === 1 ? (lacking[0] ?? null) : null,
        ),
      );
    }
  }
  return issues;
}

function policyIssues(inputs: ValidationInputs): PlanIssue[] {
  const { current, final, tree, actions } = inputs;
  const issues: PlanIssue[] = [];
  if (current.all !== null && final.all === null) {
    issues.push(
      issue(
        'warning',
        'policy-replaced',
        'The "all organizations" policy will be removed: organizations created later will not receive the agent.',
      ),
    );
  }
  for (const holder of current.holders.keys()) {
    if (final.holders.has(holder)) continue;
    issues.push(
      issue(
        'warning',
        'policy-replaced',
        `The "and future children" policy of ${orgName(tree, holder)} will be removed: organizations created under it later will not receive the agent.`,
        holder,
      ),
    );
  }
  const share = actions.find((action) => action.kind === 'share');
  if (share?.kind === 'share') {
    const resent = share.organizations
      .filter((entry) => entry.policy === WITH_CHILDREN && current.holders.has(entry.orgId))
      .map((entry) => entry.orgId);
    if (resent.length > 0) {
      issues.push(
        issue(
          'warning',
          'policy-resent',
          `Every share call replaces all stored "and future children" policies of the agent, so this plan re-sends the policy of ${listNames(tree, resent)} to keep it; roles in those subtrees are reset to the policy's roles.`,
        ),
      );
    }
  }
  return issues;
}

function unshareIssues(inputs: ValidationInputs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const action of inputs.actions) {
    if (action.kind !== 'unshare') continue;
    for (const orgId of action.orgIds) {
      const below = descendants(inputs.tree, orgId).filter((id) => inputs.current.shared.has(id));
      if (below.length === 0) continue;
      issues.push(
        issue(
          'warning',
          'subtree-unshare',
          `Unsharing ${orgName(inputs.tree, orgId)} also removes the agent from ${below.length} organization(s) below it (${listNames(inputs.tree, below)}).`,
          orgId,
        ),
      );
    }
  }
  return issues;
}

function removableRoleIssues(inputs: ValidationInputs): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const action of inputs.actions) {
    if (action.kind !== 'patch-roles') continue;
    for (const operation of action.operations) {
      for (const role of operation.remove.filter((r) => !inputs.roles.existsInRoot(r))) {
        issues.push(
          issue(
            'warning',
            'role-not-removable',
            `Role ${roleLabel(role)} in ${orgName(inputs.tree, operation.orgId)} is not a root role: the sharing API cannot remove it.`,
            operation.orgId,
          ),
        );
      }
    }
  }
  return issues;
}

function modeIssues(inputs: ValidationInputs): PlanIssue[] {
  const { desired, current } = inputs;
  if (desired.mode === 'selected' && desired.organizations.length === 0) {
    return [
      issue(
        'warning',
        'empty-selection',
        'No organization is selected: the agent will be unshared from every organization.',
      ),
    ];
  }
  if (desired.mode === 'all' && current.all?.policy !== ALL_ORGS) {
    return [
      issue(
        'warning',
        'share-with-all',
        'The agent will be shared with every organization, including organizations created later.',
      ),
    ];
  }
  return [];
}

export function validatePlan(inputs: ValidationInputs): PlanIssue[] {
  return [
    ...skippedEntries(inputs),
    ...roleIssues(inputs),
    ...modeIssues(inputs),
    ...policyIssues(inputs),
    ...unshareIssues(inputs),
    ...removableRoleIssues(inputs),
  ];
}
