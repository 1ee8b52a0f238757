/**
 * One agent's plan in a preview: what it does in words, the problems validation found, the
 * blast radius, and the exact requests.
 */
import type { SharePlan } from '../../../preload/contract';
import { Badge } from '../../ui/Badge';
import { AlertIcon, CheckIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import { BlastRadius } from './BlastRadius';
import { IssueList } from './IssueList';
import { RequestList } from './RequestList';

export function PlanStatus({ plan }: { plan: SharePlan }): React.JSX.Element {
  if (plan.blocked) {
    return (
      <Badge tone="danger" icon={<AlertIcon />}>
        Blocked: has errors
      </Badge>
    );
  }
  if (plan.steps.length === 0) {
    return (
      <Badge tone="success" icon={<CheckIcon />}>
        Nothing to change
      </Badge>
    );
  }
  return (
    <Badge tone="info">
      {plan.steps.length} {plan.steps.length === 1 ? 'call' : 'calls'}
    </Badge>
  );
}

export function PlanView({ plan }: { plan: SharePlan }): React.JSX.Element {
  return (
    <div className="sharing-plan">
      {plan.summary.length > 0 ? (
        <ul className="sharing-summary" aria-label="What the plan does">
          {plan.summary.map((line, index) => (
            <li key={index}>
              <SafeText value={line} />
            </li>
          ))}
        </ul>
      ) : null}
      <IssueList issues={plan.issues} />
      <BlastRadius radius={plan.blastRadius} />
      <RequestList steps={plan.steps} />
    </div>
  );
}
