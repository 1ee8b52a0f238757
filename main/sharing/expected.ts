/**
 * The share state the server should end up in for a desired sharing: which orgs hold the
 * agent with which roles, and which policies are stored. Entries the server would skip
 * (unknown orgs, orgs that are not immediate children, duplicates) are set aside, not guessed.
 */
import type { OrgTreeView } from './ports';
import type { RoleResolver } from './roles';
import { type ShareCore, emptyCore } from './snapshot';
import { allOrgs, descendants, isImmediateChild } from './tree';
import {
  ALL_ORGS,
  type DesiredOrg,
  type DesiredSharing,
  WITH_CHILDREN,
} from '../../preload/contract/sharing-domain';

export type SkipReason = 'unknown-org' | 'not-immediate-child' | 'duplicate-org';

export interface DesiredAnalysis {
  /** Entries the server would act on, in the order given. */
  valid: DesiredOrg[];
  skipped: { entry: DesiredOrg; reason: SkipReason }[];
}

export function analyzeDesired(desired: DesiredSharing, tree: OrgTreeView): DesiredAnalysis {
  const analysis: DesiredAnalysis = { valid: [], skipped: [] };
  if (desired.mode !== 'selected') return analysis;
  const seen = new Set<string>();
  for (const entry of desired.organizations) {
    if (seen.has(entry.orgId)) {
      analysis.skipped.push({ entry, reason: 'duplicate-org' });
    } else if (tree.get(entry.orgId) === undefined) {
      analysis.skipped.push({ entry, reason: 'unknown-org' });
    } else if (!isImmediateChild(tree, entry.orgId)) {
      analysis.skipped.push({ entry, reason: 'not-immediate-child' });
    } else {
      analysis.valid.push(entry);
    }
    seen.add(entry.orgId);
  }
  return analysis;
}

/** The orgs one selective entry reaches: itself, plus its subtree for "and children". */
export function entryTargets(entry: DesiredOrg, tree: OrgTreeView): string[] {
  return entry.policy === WITH_CHILDREN
    ? [entry.orgId, ...descendants(tree, entry.orgId)]
    : [entry.orgId];
}

export function expectedCore(
  desired: DesiredSharing,
  tree: OrgTreeView,
  roles: RoleResolver,
): ShareCore {
  const core = emptyCore();
  switch (desired.mode) {
    case 'none':
      return core;
    case 'all':
      core.all = { policy: ALL_ORGS, roles: roles.inRoot(desired.roles) };
      for (const orgId of allOrgs(tree)) core.shared.set(orgId, roles.inOrg(desired.roles, orgId));
      return core;
    case 'selected':
      for (const entry of analyzeDesired(desired, tree).valid) {
        if (entry.policy === WITH_CHILDREN) {
          core.holders.set(entry.orgId, {
            policy: WITH_CHILDREN,
            roles: roles.inRoot(entry.roles),
          });
        }
        for (const orgId of entryTargets(entry, tree)) {
          core.shared.set(orgId, roles.inOrg(entry.roles, orgId));
        }
      }
      return core;
  }
}
