/**
 * Live progress of one plan while it is applied: each step's state as the main process reports
 * it, and the verification polls that read the share state until it matches.
 */
import type { SharePlan } from '../../../preload/contract';
import { AlertIcon, CheckIcon } from '../../ui/icons';
import { ProgressBar } from '../../ui/ProgressBar';
import { SafeText } from '../../ui/SafeText';
import { STEP_KIND_TEXT, STEP_STATUS_TEXT, type PlanProgress } from './progress';

function StatusIcon({ status }: { status: string | undefined }): React.JSX.Element | null {
  if (status === 'settled' || status === 'accepted') return <CheckIcon />;
  if (status === 'failed') return <AlertIcon />;
  if (status === undefined) return null;
  return <span className="spinner-wheel" aria-hidden="true" />;
}

export function ApplyProgress({
  plan,
  progress,
}: {
  plan: SharePlan;
  progress: PlanProgress | undefined;
}): React.JSX.Element {
  const verify = progress?.verify ?? null;
  return (
    <div className="sharing-progress">
      <ol className="sharing-step-progress" aria-label="Steps">
        {plan.steps.map((step) => {
          const known = progress?.steps.find((candidate) => candidate.index === step.index);
          return (
            <li key={step.index} className="sharing-step-line">
              <StatusIcon status={known?.status} />
              <span>
                Step {step.index + 1}, {STEP_KIND_TEXT[step.action.kind]}:{' '}
                {known ? STEP_STATUS_TEXT[known.status] : 'Waiting'}
                {known?.message ? (
                  <>
                    {' — '}
                    <SafeText value={known.message} />
                  </>
                ) : null}
              </span>
            </li>
          );
        })}
      </ol>
      {verify ? (
        <div>
          <p className="sharing-dim">Verification, attempt {verify.attempt}</p>
          <ProgressBar
            label="Verification"
            value={verify.done}
            max={verify.total}
            unit="organizations as planned"
          />
        </div>
      ) : null}
    </div>
  );
}
