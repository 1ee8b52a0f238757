/**
 * What validation found in a plan: errors (the plan is never sent) and warnings, each with the
 * organization it concerns and a suggestion when there is a better way, such as sharing the
 * parent with its children instead of a grandchild the server would skip.
 */
import type { PlanIssue } from '../../../preload/contract';
import { AlertIcon, InfoIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';

function IssueItem({ issue }: { issue: PlanIssue }): React.JSX.Element {
  const error = issue.severity === 'error';
  return (
    <li className={error ? 'sharing-issue sharing-issue-error' : 'sharing-issue'}>
      {error ? <AlertIcon /> : <InfoIcon />}
      <div>
        <p className="sharing-issue-message">
          <strong>{error ? 'Error' : 'Warning'}:</strong> <SafeText value={issue.message} />
        </p>
        {issue.suggestion ? (
          <p className="sharing-issue-suggestion">
            Suggestion: <SafeText value={issue.suggestion} />
          </p>
        ) : null}
      </div>
    </li>
  );
}

export function IssueList({
  issues,
  headingLevel = 4,
}: {
  issues: readonly PlanIssue[];
  headingLevel?: 3 | 4;
}): React.JSX.Element | null {
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.filter((issue) => issue.severity === 'warning');
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section className="sharing-issues" aria-label="Problems found">
      <Heading>
        {errors.length > 0 ? `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}` : ''}
        {errors.length > 0 && warnings.length > 0 ? ', ' : ''}
        {warnings.length > 0
          ? `${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`
          : ''}
      </Heading>
      <ul className="sharing-issue-list">
        {[...errors, ...warnings].map((issue, index) => (
          <IssueItem key={`${issue.code}-${issue.orgId ?? ''}-${index}`} issue={issue} />
        ))}
      </ul>
    </section>
  );
}
