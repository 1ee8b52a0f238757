/**
 * Applies one plan: checks that the server still matches the state the plan was made on, sends
 * the steps in order (each waits until the previous one shows in the share state, because the
 * server works asynchronously and would otherwise race them), settles lost answers by reading
 * before any resend, then verifies. The result records what was and was not done.
 */
import type { Logger } from '../log/logger';
import type { SharingEmitter, StepStatus } from './events';
import { type FailureKind, classifyFailure, describeError, retryAfterMs } from './failures';
import { planningView } from './plan';
import type { SharePlan } from '../../preload/contract/sharing-plan';
import type { Clock, OrgTreeView, RoleContext, SharingApi, Sleep } from './ports';
import { sendStep } from './requests';
import type {
  ApplyOutcome,
  ApplyResult,
  StepResult,
  VerificationResult,
} from '../../preload/contract/sharing-results';
import { sameWithin, touchedBy } from './simulate';
import { coreOf, toSnapshot } from './snapshot';
import type { ShareSnapshot } from '../../preload/contract/sharing-domain';
import {
  DEFAULT_POLL,
  type PollOptions,
  type VerifyTarget,
  judge,
  pollUntilVerified,
} from './verify';

export interface ApplyDeps {
  api: SharingApi;
  clock: Clock;
  sleep: Sleep;
  logger: Logger;
  emit: SharingEmitter;
  classify?: (error: unknown) => FailureKind;
  /** Waiting for a step to show, and the final verification. */
  poll?: PollOptions;
  /** Reading after a lost answer, before deciding to resend. */
  reconcile?: PollOptions;
  /** Sends per step, including resends after throttling or an unapplied lost answer. */
  maxAttempts?: number;
}

export interface ApplyHooks {
  /**
   * Awaited before each send, so a durable record of the intent exists first. `before` is the
   * share state the run started from.
   */
  beforeSend?(index: number, before: ShareSnapshot): Promise<void>;
  afterAccepted?(index: number): Promise<void>;
}

export interface ApplyRequest {
  plan: SharePlan;
  tree: OrgTreeView;
  roles: RoleContext;
  /** Apply even if the server no longer matches the plan's base state. */
  force?: boolean;
  /** Resume: steps before this index are known to have taken effect. */
  fromStep?: number;
  /** A share state the caller has just read. */
  current?: ShareSnapshot;
  hooks?: ApplyHooks;
}

export const DEFAULT_RECONCILE: PollOptions = {
  deadlineMs: 10_000,
  initialDelayMs: 250,
  maxDelayMs: 2_000,
};

export async function readSnapshot(
  api: SharingApi,
  agentId: string,
  clock: Clock,
): Promise<ShareSnapshot> {
  return toSnapshot(agentId, await api.getShare(agentId), new Date(clock.now()));
}

interface StepRun {
  result: StepResult;
  /** The state read once the step showed, when it did. */
  observed: ShareSnapshot | undefined;
  stalled: boolean;
  /** The server refused the credentials: stop, read nothing more. */
  unauthorized?: boolean;
}

export async function applyPlan(request: ApplyRequest, deps: ApplyDeps): Promise<ApplyResult> {
  const { plan } = request;
  const startedAt = new Date(deps.clock.now()).toISOString();
  const steps: StepResult[] = plan.steps.map((step) => ({
    index: step.index,
    kind: step.action.kind,
    status: 'not-sent',
    attempts: 0,
    error: null,
  }));
  const finish = (
    outcome: ApplyOutcome,
    verification: VerificationResult | null,
    before: ShareSnapshot | null,
    error: string | null,
  ): ApplyResult => ({
    planId: plan.id,
    agentId: plan.agentId,
    startedAt,
    finishedAt: new Date(deps.clock.now()).toISOString(),
    outcome,
    steps,
    verification,
    before,
    error,
  });

  if (plan.blocked) return finish('blocked', null, null, 'The plan has errors; nothing was sent.');
  let before: ShareSnapshot;
  try {
    before = request.current ?? (await readSnapshot(deps.api, plan.agentId, deps.clock));
  } catch (error) {
    return finish(
      'unreachable',
      null,
      null,
      `Could not read the share state: ${describeError(error)}`,
    );
  }

  const view = planningView(before, plan.desired, request);
  const actions = plan.steps.map((step) => step.action);
  const fromStep = request.fromStep ?? 0;
  for (const skipped of steps.slice(0, fromStep)) skipped.status = 'accepted';
  if (request.force !== true && fromStep === 0) {
    const touched = touchedBy(actions, view.tree);
    if (!sameWithin(coreOf(before), coreOf(plan.base), touched)) {
      return finish('conflict', null, before, 'The share state changed since the plan was made.');
    }
  }

  deps.logger.info('applying sharing plan', {
    planId: plan.id,
    agentId: plan.agentId,
    steps: plan.steps.length,
    fromStep,
  });
  const runner = new StepRunner(plan, request, deps, view, before);
  let observed = before;
  let stalled = false;
  for (let index = fromStep; index < plan.steps.length; index++) {
    const run = await runner.run(index, observed, index < plan.steps.length - 1);
    steps[index] = run.result;
    if (run.unauthorized === true) {
      return finish('interrupted', null, before, run.result.error);
    }
    if (run.result.status === 'failed') break;
    if (run.stalled) {
      stalled = true;
      break;
    }
    observed = run.observed ?? observed;
  }

  const target: VerifyTarget = {
    base: coreOf(before),
    actions: actions.slice(fromStep),
    tree: view.tree,
    roles: view.roles,
    roleOf: view.roleOf,
  };
  const failed = steps.find((step) => step.status === 'failed');
  if (failed !== undefined || stalled) {
    const verification = await runner.readOnce(target);
    if (failed !== undefined) return finish('failed', verification, before, failed.error);
    const outcome = verification?.outcome === 'diverged' ? 'diverged' : 'pending';
    return finish(
      outcome,
      verification,
      before,
      'A step did not show as expected; later steps were not sent.',
    );
  }
  const verification = await runner.verify(target);
  deps.logger.info('sharing plan verified', {
    planId: plan.id,
    outcome: verification.outcome,
    attempts: verification.attempts,
  });
  return finish(verification.outcome, verification, before, null);
}

class StepRunner {
  constructor(
    private readonly plan: SharePlan,
    private readonly request: ApplyRequest,
    private readonly deps: ApplyDeps,
    private readonly view: ReturnType<typeof planningView>,
    private readonly before: ShareSnapshot,
  ) {}

  private emit(index: number, status: StepStatus, message: string | null = null): void {
    const step = this.plan.steps[index];
    if (step === undefined) return;
    this.deps.emit({
      type: 'step',
      planId: this.plan.id,
      agentId: this.plan.agentId,
      index,
      count: this.plan.steps.length,
      kind: step.action.kind,
      status,
      message,
    });
  }

  private target(index: number, pre: ShareSnapshot): VerifyTarget {
    const step = this.plan.steps[index];
    return {
      base: coreOf(pre),
      actions: step === undefined ? [] : [step.action],
      tree: this.view.tree,
      roles: this.view.roles,
      roleOf: this.view.roleOf,
    };
  }

  private poll(target: VerifyTarget, options: PollOptions, index?: number) {
    return pollUntilVerified(
      target,
      {
        read: () => readSnapshot(this.deps.api, this.plan.agentId, this.deps.clock),
        clock: this.deps.clock,
        sleep: this.deps.sleep,
        logger: this.deps.logger,
        onAttempt: (result) => {
          if (index !== undefined) return;
          this.deps.emit({
            type: 'verify',
            planId: this.plan.id,
            agentId: this.plan.agentId,
            attempt: result.attempts,
            done: result.counts.done,
            total: result.orgs.length,
          });
        },
      },
      options,
    );
  }

  verify(target: VerifyTarget): Promise<VerificationResult> {
    return this.poll(target, this.deps.poll ?? DEFAULT_POLL);
  }

  async readOnce(target: VerifyTarget): Promise<VerificationResult | null> {
    try {
      const observed = await readSnapshot(this.deps.api, this.plan.agentId, this.deps.clock);
      return judge(target, observed, 1, new Date(this.deps.clock.now()));
    } catch (error) {
      this.deps.logger.warn('share state read failed after a failed step', {
        error: describeError(error),
      });
      return null;
    }
  }

  async run(index: number, pre: ShareSnapshot, waitForEffect: boolean): Promise<StepRun> {
    const step = this.plan.steps[index];
    const maxAttempts = this.deps.maxAttempts ?? 3;
    const classify = this.deps.classify ?? classifyFailure;
    const result: StepResult = {
      index,
      kind: step?.action.kind ?? 'share',
      status: 'failed',
      attempts: 0,
      error: null,
    };
    if (step === undefined)
      return { result: { ...result, error: 'no such step' }, observed: undefined, stalled: false };

    while (result.attempts < maxAttempts) {
      result.attempts += 1;
      await this.request.hooks?.beforeSend?.(index, this.before);
      this.emit(index, 'sending');
      try {
        await sendStep(this.deps.api, this.plan.agentId, step.action);
      } catch (error) {
        const kind = classify(error);
        result.error = describeError(error);
        this.deps.logger.warn('sharing step failed', { index, kind, error: result.error });
        if (kind === 'rejected') break;
        if (kind === 'unauthorized') {
          this.emit(index, 'failed', result.error);
          return {
            result: { ...result, status: 'failed' },
            observed: undefined,
            stalled: false,
            unauthorized: true,
          };
        }
        if (kind === 'throttled') {
          this.emit(index, 'retrying', result.error);
          await this.deps.sleep(retryAfterMs(error) ?? 1000 * 2 ** result.attempts);
          continue;
        }
        this.emit(index, 'reconciling', result.error);
        const check = await this.poll(
          this.target(index, pre),
          this.deps.reconcile ?? DEFAULT_RECONCILE,
          index,
        );
        if (check.outcome === 'verified') {
          await this.request.hooks?.afterAccepted?.(index);
          this.emit(index, 'settled', 'The step took effect although its answer was lost.');
          return {
            result: { ...result, status: 'reconciled' },
            observed: check.observed ?? undefined,
            stalled: false,
          };
        }
        if (check.outcome === 'diverged') {
          result.error = `${result.error}; the share state changed in an unexpected way`;
          break;
        }
        this.emit(index, 'retrying', 'Nothing changed on the server; sending again.');
        continue;
      }
      await this.request.hooks?.afterAccepted?.(index);
      this.emit(index, 'accepted');
      if (!waitForEffect)
        return {
          result: { ...result, status: 'accepted', error: null },
          observed: undefined,
          stalled: false,
        };
      const check = await this.poll(this.target(index, pre), this.deps.poll ?? DEFAULT_POLL, index);
      const settled = check.outcome === 'verified';
      this.emit(
        index,
        settled ? 'settled' : 'failed',
        settled ? null : 'Not visible before the deadline.',
      );
      return {
        result: { ...result, status: 'accepted', error: null },
        observed: check.observed ?? undefined,
        stalled: !settled,
      };
    }
    this.emit(index, 'failed', result.error);
    return { result: { ...result, status: 'failed' }, observed: undefined, stalled: false };
  }
}
