/**
 * The outbox: plans queued while the server was unreachable, "Replay now" with live status per
 * entry, the replay's report, and the conflicts it found, each shown three-way.
 */
import { useRef } from 'react';
import type { OutboxEntry, OutboxStatus, ReplayItemOutcome } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SyncIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import { Spinner } from '../../ui/Spinner';
import { useAgentName } from '../sharing/useAgentName';
import { ConflictView } from './ConflictView';
import { formatTime } from './time';

const STATUS: Readonly<Record<OutboxStatus, { text: string; tone: BadgeTone }>> = {
  queued: { text: 'Queued', tone: 'info' },
  applying: { text: 'Applying', tone: 'info' },
  conflict: { text: 'Conflict', tone: 'warning' },
  applied: { text: 'Applied', tone: 'success' },
  failed: { text: 'Failed', tone: 'danger' },
  discarded: { text: 'Discarded', tone: 'neutral' },
};

const REPLAY: Readonly<Record<ReplayItemOutcome, string>> = {
  applied: 'applied',
  conflict: 'conflict: the server changed since the plan was drafted',
  failed: 'failed',
  'held-back': 'held back behind an earlier entry of the same agent',
  unreachable: 'the server could not be reached',
};

const FINISHED: ReadonlySet<OutboxStatus> = new Set(['applied', 'discarded']);

function EntryCard({ entry, onResolved }: { entry: OutboxEntry; onResolved: () => void }) {
  const agentName = useAgentName();
  const live = useAppStore((state) => state.outboxLive.get(entry.id));
  const name = agentName(entry.agentId);
  const status = STATUS[entry.status];
  return (
    <li className="activity-entry">
      <h3>
        {name} <Badge tone={status.tone}>{status.text}</Badge>
      </h3>
      <p className="sharing-dim">
        Queued {formatTime(entry.createdAt)} · updated {formatTime(entry.updatedAt)}
        {live ? ` · last replay: ${live}` : ''}
      </p>
      <ul className="sharing-summary" aria-label="What the plan does">
        {entry.plan.summary.map((line, index) => (
          <li key={index}>
            <SafeText value={line} />
          </li>
        ))}
      </ul>
      {entry.result?.error ? (
        <p className="sharing-problem">
          <SafeText value={entry.result.error} />
        </p>
      ) : null}
      {entry.status === 'conflict' ? (
        <ConflictView entry={entry} agentName={name} onResolved={onResolved} />
      ) : null}
    </li>
  );
}

export function OutboxPanel(): React.JSX.Element {
  const outbox = useAppStore((state) => state.outbox);
  const replay = useAppStore((state) => state.replay);
  const replayOutbox = useAppStore((state) => state.replayOutbox);
  const loadOutbox = useAppStore((state) => state.loadOutbox);
  const agentName = useAgentName();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const entries = [...outbox.entries].sort((a, b) => b.seq - a.seq);
  const open = entries.filter((entry) => !FINISHED.has(entry.status));
  const finished = entries.filter((entry) => FINISHED.has(entry.status));
  const focusHeading = (): void => headingRef.current?.focus();

  return (
    <div className="activity-panel">
      <h2 ref={headingRef} tabIndex={-1}>
        Outbox
      </h2>
      <div className="sharing-actions">
        <Button
          variant="primary"
          icon={<SyncIcon />}
          onClick={() => void replayOutbox()}
          disabled={replay.status === 'replaying'}
        >
          {replay.status === 'replaying' ? 'Replaying…' : 'Replay now'}
        </Button>
        {outbox.status === 'loading' ? <Spinner label="Reading the outbox…" /> : null}
      </div>
      {outbox.status === 'failed' && outbox.error ? (
        <ErrorBanner
          title="The outbox could not be read"
          message={outbox.error}
          onRetry={() => void loadOutbox()}
        />
      ) : null}
      {replay.status === 'failed' && replay.error ? (
        <ErrorBanner title="The replay failed" message={replay.error.message} />
      ) : null}
      {replay.report ? (
        <section aria-label="Last replay" className="activity-replay">
          <h3>Last replay</h3>
          {replay.report.items.length === 0 ? (
            <p className="sharing-dim">Nothing was waiting.</p>
          ) : (
            <ul>
              {replay.report.items.map((item) => (
                <li key={item.entryId}>
                  {agentName(item.agentId)}: {REPLAY[item.outcome]}
                  {item.error ? (
                    <>
                      {' — '}
                      <SafeText value={item.error} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {open.length === 0 ? (
        <p className="sharing-dim">No plan is waiting in the outbox.</p>
      ) : (
        <ul className="activity-entries" aria-label="Waiting plans">
          {open.map((entry) => (
            <EntryCard key={entry.id} entry={entry} onResolved={focusHeading} />
          ))}
        </ul>
      )}
      {finished.length > 0 ? (
        <details>
          <summary>Finished entries ({finished.length})</summary>
          <ul className="activity-entries" aria-label="Finished plans">
            {finished.map((entry) => (
              <EntryCard key={entry.id} entry={entry} onResolved={focusHeading} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
