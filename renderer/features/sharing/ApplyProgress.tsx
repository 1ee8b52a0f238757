/**
 * Live progress of one plan while it is applied: each step's state as the main process reports
 * it, and the verification polls that read the share state until it matches.
 */
import type { SharePlan, StepResult } from '../../../preload/contract';
import { AlertIcon, CheckIcon } from '../../ui/icons';
import { ProgressBar } from '../../ui/ProgressBar';
import { SafeText } from '../../ui/SafeText';
import { STEP_KIND_TEXT, STEP_RESULT_TEXT, STEP_STATUS_TEXT, type PlanProgress } from './progress';

function StatusIcon({ status }: { status: string | undefined }): React.JSX.Element | null {
  if (status === 'settled' || status === 'accepted' || status === 'reconciled') {
    return <CheckIcon />;
  }
  if (status === 'failed' || status === 'not-sent') return <AlertIcon />;
  if (status === undefined) return null;
  return <span className="spinner-wheel" aria-hidden="true" />;
}

interface StepLine {
  status: string | undefined;
  text: string;
  message: string | null;
}

/** The report's word on a step once applying ended; the live event's before that. */
function lineFor(
  index: number,
  progress: PlanProgress | undefined,
  results: readonly StepResult[] | undefined,
): StepLine {
  const result = results?.find((candidate) => candidate.index === index);
  if (result) {
    return { status: result.status, text: STEP_RESULT_TEXT[result.status], message: result.error };
  }
  const live = progress?.steps.find((candidate) => candidate.index === index);
  if (live)
    return { status: live.status, text: STEP_STATUS_TEXT[live.status], message: live.message };
  return { status: undefined, text: 'Waiting', message: null };
}

export function ApplyProgress({
  plan,
  progress,
  results,
}: {
  plan: SharePlan;
  progress: PlanProgress | undefined;
  /** Each step's outcome from the apply report, once it is in. */
  results?: readonly StepResult[] | undefined;
}): React.JSX.Element {
  const verify = progress?.verify ?? null;
  return (
    <div className="sharing-progress">
      <ol className="sharing-step-progress" aria-label="Steps">
        {plan.steps.map((step) => {
          const line = lineFor(step.index, progress, results);
          return (
            <li key={step.index} className="sharing-step-line">
              <StatusIcon status={line.status} />
              <span>
                Step {step.index + 1}, {STEP_KIND_TEXT[step.action.kind]}: {line.text}
                {line.message ? (
                  <>
                    {' — '}
                    <SafeText value={line.message} />
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
