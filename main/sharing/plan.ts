/**
 * `plan(current, desired, context)`: the API calls that take one agent from its current share
 * state to the desired one, validated against the server's rules, with the exact requests, a
 * summary and the blast radius. Pure: nothing is sent here.
 *
 * Known limit: plans are made for calls from the root organization (the tree's root); sharing
 * from a child organization's `/o/` context, which reaches that org's own children, is not
 * planned here.
 */
import { blastRadius } from './blast-radius';
import { describeStep, summarize } from './describe';
import { analyzeDesired } from './expected';
import { planActions, roleNamer } from './plan-actions';
import type { PlanStep, SharePlan, StepAction } from '../../preload/contract/sharing-plan';
import type { OrgTreeView, RoleContext } from './ports';
import { curlFor, requestFor } from './requests';
import { RoleResolver, roleKey } from './roles';
import { simulatePlan } from './simulate';
import { type ShareCore, coreOf } from './snapshot';
import { orgName, overlayTree } from './tree';
import type { DesiredSharing, RoleRef, ShareSnapshot } from '../../preload/contract/sharing-domain';
import { validatePlan } from './validate';

export interface PlanContext {
  /** The org tree; its root is the calling organization. */
  tree: OrgTreeView;
  roles: RoleContext;
  /** The profile's API base, e.g. `https://host/t/carbon.super`, for the curl form. */
  baseUrl: string;
  now: () => Date;
  newId: () => string;
  /** A name for the agent in summaries; its id when absent. */
  agentLabel?: string;
}

/** What planning needs beyond the plan itself, shared with verification and drift checks. */
export interface PlanningView {
  tree: OrgTreeView;
  roles: RoleResolver;
  current: ShareCore;
  roleOf: (key: string) => RoleRef;
}

function namedRoles(desired: DesiredSharing): RoleRef[] {
  switch (desired.mode) {
    case 'none':
      return [];
    case 'all':
      return desired.roles;
    case 'selected':
      return desired.organizations.flatMap((entry) => entry.roles);
  }
}

export function planningView(
  current: ShareSnapshot,
  desired: DesiredSharing,
  context: Pick<PlanContext, 'tree' | 'roles'>,
): PlanningView {
  const tree = overlayTree(context.tree, current.organizations);
  return {
    tree,
    roles: new RoleResolver(context.roles),
    current: coreOf(current),
    roleOf: roleNamer(
      context.roles.rootRoles,
      namedRoles(desired),
      orgName(tree, tree.rootId),
      roleKey,
    ),
  };
}

export function toSteps(
  agentId: string,
  actions: readonly StepAction[],
  tree: OrgTreeView,
  baseUrl: string,
): PlanStep[] {
  return actions.map((action, index) => {
    const request = requestFor(agentId, action);
    return {
      index,
      action,
      summary: describeStep(action, tree),
      request,
      curl: curlFor(baseUrl, request),
    };
  });
}

export function plan(
  current: ShareSnapshot,
  desired: DesiredSharing,
  context: PlanContext,
): SharePlan {
  const view = planningView(current, desired, context);
  const { tree, roles, roleOf } = view;
  const actions = planActions({ current: view.current, desired, tree, roles, roleOf });
  const states = simulatePlan(view.current, actions, tree, roles);
  const final = states[states.length - 1] as ShareCore;

  const issues = validatePlan({
    current: view.current,
    desired,
    analysis: analyzeDesired(desired, tree),
    actions,
    final,
    tree,
    roles,
  });
  const blocked = issues.some((found) => found.severity === 'error');
  const radius = blastRadius(view.current, final, tree, roleOf);
  const steps = toSteps(current.agentId, actions, tree, context.baseUrl);

  return {
    id: context.newId(),
    agentId: current.agentId,
    createdAt: context.now().toISOString(),
    desired,
    base: current,
    steps,
    issues,
    blastRadius: radius,
    summary: [
      ...summarize(context.agentLabel ?? current.agentId, steps.length, radius, blocked),
      ...steps.map((step) => `${step.index + 1}. ${step.summary}`),
    ],
    blocked,
  };
}
