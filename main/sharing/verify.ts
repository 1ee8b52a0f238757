/**
 * Verification by reading: writes answer 202 and finish later with no operation record, so the
 * only way to know an outcome is to poll the share state until it shows what the steps should
 * leave behind, or a deadline passes. Each org ends done, pending (still as before) or diverged
 * (changed, but not as expected); only the parts the steps touch are judged.
 */
import type { Logger } from '../log/logger';
import type { StepAction } from '../../preload/contract/sharing-plan';
import type {
  OrgStatus,
  OrgVerification,
  VerificationResult,
} from '../../preload/contract/sharing-results';
import type { Clock, OrgTreeView, Sleep } from './ports';
import type { RoleResolver } from './roles';
import { simulatePlan, touchedBy } from './simulate';
import { type ShareCore, coreOf, sameOrg, samePolicies } from './snapshot';
import { orgName, overlayTree } from './tree';
import type { RoleRef, ShareSnapshot } from '../../preload/contract/sharing-domain';

export interface PollOptions {
  /** Give up after this long (ms). */
  deadlineMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_POLL: PollOptions = {
  deadlineMs: 60_000,
  initialDelayMs: 250,
  maxDelayMs: 5_000,
};

/** What a set of steps should leave behind, starting from `base`. */
export interface VerifyTarget {
  base: ShareCore;
  actions: readonly StepAction[];
  tree: OrgTreeView;
  roles: RoleResolver;
  roleOf: (key: string) => RoleRef;
}

function statusOf(
  base: ShareCore,
  expected: ShareCore,
  observed: ShareCore,
  orgId: string,
): OrgStatus {
  if (sameOrg(observed, expected, orgId)) return 'done';
  return sameOrg(observed, base, orgId) ? 'pending' : 'diverged';
}

/** Judges one observed state against the target. */
export function judge(
  target: VerifyTarget,
  observed: ShareSnapshot,
  attempts: number,
  now: Date,
): VerificationResult {
  const tree = overlayTree(target.tree, observed.organizations);
  const states = simulatePlan(target.base, target.actions, tree, target.roles);
  const expected = states[states.length - 1] as ShareCore;
  const seen = coreOf(observed);
  const touched = touchedBy(target.actions, tree);
  const candidates = new Set([
    ...target.base.shared.keys(),
    ...expected.shared.keys(),
    ...seen.shared.keys(),
  ]);
  const scope =
    touched.orgs === null ? candidates : [...candidates].filter((id) => touched.orgs?.has(id));

  const orgs: OrgVerification[] = [...scope].sort().map((orgId) => {
    const want = expected.shared.get(orgId);
    const have = seen.shared.get(orgId);
    return {
      orgId,
      orgName: orgName(tree, orgId),
      status: statusOf(target.base, expected, seen, orgId),
      expectedRoles: want === undefined ? null : want.map(target.roleOf),
      observedRoles: have === undefined ? null : have.map(target.roleOf),
    };
  });
  const policies: OrgStatus =
    !touched.policies || samePolicies(seen, expected)
      ? 'done'
      : samePolicies(seen, target.base)
        ? 'pending'
        : 'diverged';

  const counts = { done: 0, pending: 0, diverged: 0 };
  for (const org of orgs) counts[org.status] += 1;
  const all = [...orgs.map((org) => org.status), policies];
  return {
    outcome: all.includes('diverged')
      ? 'diverged'
      : all.includes('pending')
        ? 'pending'
        : 'verified',
    attempts,
    checkedAt: now.toISOString(),
    policies,
    counts,
    orgs,
    observed,
    readError: null,
  };
}

export interface PollDeps {
  read: () => Promise<ShareSnapshot>;
  clock: Clock;
  sleep: Sleep;
  logger: Logger;
  onAttempt?: (result: VerificationResult) => void;
}

/** Polls with exponential backoff until the target is reached or the deadline passes. */
export async function pollUntilVerified(
  target: VerifyTarget,
  deps: PollDeps,
  options: PollOptions = DEFAULT_POLL,
): Promise<VerificationResult> {
  const started = deps.clock.now();
  let delay = options.initialDelayMs;
  let attempts = 0;
  let last: VerificationResult | undefined;
  let readError: string | null = null;

  for (;;) {
    attempts += 1;
    try {
      last = judge(target, await deps.read(), attempts, new Date(deps.clock.now()));
      readError = null;
      deps.onAttempt?.(last);
      if (last.outcome === 'verified') return last;
    } catch (error) {
      readError = error instanceof Error ? error.message : String(error);
      deps.logger.warn('share state read failed while verifying', { attempt: attempts, readError });
    }
    const elapsed = deps.clock.now() - started;
    if (elapsed + delay > options.deadlineMs) break;
    await deps.sleep(delay);
    delay = Math.min(delay * 2, options.maxDelayMs);
  }

  if (last !== undefined) return { ...last, attempts, readError };
  return {
    outcome: 'pending',
    attempts,
    checkedAt: new Date(deps.clock.now()).toISOString(),
    policies: 'pending',
    counts: { done: 0, pending: 0, diverged: 0 },
    orgs: [],
    observed: null,
    readError,
  };
}
