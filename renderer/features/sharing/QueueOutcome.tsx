/** What queueing a draft did: entries waiting in the outbox, and agents refused with errors. */
import type { QueueState } from '../../store/sharingEditorSlice';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { IssueList } from './IssueList';
import { useAgentName } from './useAgentName';

export function QueueOutcome({ queue }: { queue: QueueState }): React.JSX.Element | null {
  const agentName = useAgentName();
  if (queue.status === 'failed' && queue.error) {
    return <ErrorBanner title="The plan was not queued" message={queue.error.message} />;
  }
  const result = queue.result;
  if (queue.status !== 'queued' || result === null) return null;
  return (
    <section className="sharing-queued" aria-label="Queued">
      <h2>Queued</h2>
      {result.entries.length > 0 ? (
        <p role="status">
          {result.entries.map((entry) => agentName(entry.agentId)).join(', ')}:{' '}
          {result.entries.length === 1 ? 'the plan waits' : 'the plans wait'} in the outbox. Replay
          from the Activity screen when the server is reachable; a change made on the server in the
          meantime is shown as a conflict first.
        </p>
      ) : null}
      {result.refused.map((refused) => (
        <div key={refused.agentId}>
          <p className="sharing-problem">
            Not queued for {agentName(refused.agentId)}: {refused.reason}
          </p>
          <IssueList issues={refused.issues} headingLevel={3} />
        </div>
      ))}
    </section>
  );
}
