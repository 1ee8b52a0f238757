/**
 * A previewed batch and its application: totals, each agent's plan, the Apply button (disabled
 * while any plan is blocked), live progress while applying and the verified result after.
 * Focus moves to the heading when a new preview arrives and to the result when applying ends.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { PlanBatch } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import type { ReviewId } from '../../store/sharingReviewSlice';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SafeText } from '../../ui/SafeText';
import { ApplyProgress } from './ApplyProgress';
import { ApplyReport } from './ApplyReport';
import { PlanStatus, PlanView } from './PlanView';
import { useAgentName } from './useAgentName';

export interface PlanReviewProps {
  reviewId: ReviewId;
  heading: string;
  /** The apply button's label; "Apply" unless given. */
  applyLabel?: string;
  onApply: () => void;
  onClose?: () => void;
  /** Shown instead of Apply when the server cannot be reached (the Share editor's Queue). */
  offline?: ReactNode;
}

function totalsText(batch: PlanBatch): string {
  const { agents, calls, gained, lost } = batch.totals;
  // Over a partly loaded tree a plan's gains are a lower bound, and so is their sum.
  const partial = batch.plans.some((plan) => plan.blastRadius.partialTree === true);
  const agentsText = `${agents} ${agents === 1 ? 'agent' : 'agents'}`;
  const callsText = `${calls} API ${calls === 1 ? 'call' : 'calls'}`;
  const gainedText = `${partial ? 'at least ' : ''}${gained}`;
  return `${agentsText}, ${callsText}; ${gainedText} gain the agent, ${lost} lose it.`;
}

function blockedReason(batch: PlanBatch): string | null {
  if (batch.totals.blocked > 0) return 'Apply is not possible while a plan has errors.';
  if (batch.plans.length === 0) return 'There is no plan to apply.';
  if (batch.totals.calls === 0) return 'Nothing to apply: the server already matches.';
  return null;
}

export function PlanReview({
  reviewId,
  heading,
  applyLabel = 'Apply',
  onApply,
  onClose,
  offline,
}: PlanReviewProps): React.JSX.Element | null {
  const review = useAppStore((state) => state.reviews[reviewId]);
  const agentName = useAgentName();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const reasonId = useId();
  const { batch, status } = review;
  const batchId = batch?.id ?? null;

  useEffect(() => {
    if (batchId !== null) headingRef.current?.focus();
  }, [batchId]);

  useEffect(() => {
    if (status === 'applied' || status === 'failed') resultRef.current?.focus();
  }, [status]);

  if (batch === null) return null;
  const reason = blockedReason(batch);
  const many = batch.plans.length > 1;

  return (
    <section className="sharing-review" aria-labelledby={`${reasonId}-heading`}>
      <h2 id={`${reasonId}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      <p>{totalsText(batch)}</p>
      {batch.unreadable.length > 0 ? (
        <ul className="sharing-problem" aria-label="Agents without a plan">
          {batch.unreadable.map((item) => (
            <li key={item.agentId}>
              No plan for {agentName(item.agentId)}: its share state could not be read (
              <SafeText value={item.error} />
              ).
            </li>
          ))}
        </ul>
      ) : null}
      {batch.plans.map((plan, index) => (
        <details key={plan.id} className="sharing-plan-details" open={!many || index === 0}>
          <summary>
            <h3 className="sharing-inline-heading">Plan for {agentName(plan.agentId)}</h3>{' '}
            <PlanStatus plan={plan} />
          </summary>
          <PlanView plan={plan} />
          {status !== 'idle' ? (
            <ApplyProgress
              plan={plan}
              progress={review.progress.get(plan.id)}
              results={review.report?.results.find((result) => result.planId === plan.id)?.steps}
            />
          ) : null}
        </details>
      ))}
      <div className="sharing-actions">
        {offline ?? (
          <Button
            variant="primary"
            onClick={onApply}
            disabled={reason !== null || status !== 'idle'}
            aria-describedby={reason ? reasonId : undefined}
          >
            {status === 'applying' ? 'Applying…' : applyLabel}
          </Button>
        )}
        {onClose && status !== 'applying' ? <Button onClick={onClose}>Close</Button> : null}
      </div>
      {reason && !offline ? (
        <p id={reasonId} className="sharing-dim">
          {reason}
        </p>
      ) : null}
      {review.bulk && status === 'applying' && batch.plans.length > 1 ? (
        <p className="sharing-dim">
          {review.bulk.finished} of {review.bulk.total} agents finished, {review.bulk.failed}{' '}
          failed.
        </p>
      ) : null}
      {status === 'failed' && review.error ? (
        <>
          <h3 ref={resultRef} tabIndex={-1}>
            Not applied
          </h3>
          <ErrorBanner title="The plan was not applied" message={review.error.message} />
        </>
      ) : null}
      {status === 'applied' && review.report ? (
        <>
          <h3 ref={resultRef} tabIndex={-1}>
            Result
          </h3>
          <ApplyReport report={review.report} />
        </>
      ) : null}
    </section>
  );
}
