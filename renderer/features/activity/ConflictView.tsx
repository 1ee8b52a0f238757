/**
 * An outbox entry the server moved away from while it waited: the three sides side by side
 * (what the plan was drafted on, what the server shows now, what the plan does) and the three
 * ways out. Rebase re-plans on the server's state; Force and Discard ask first, because Force
 * overwrites someone else's change and Discard drops the plan.
 */
import { useState } from 'react';
import type { ConflictChoice, OutboxEntry } from '../../../preload/contract';
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { AlertIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import { Table } from '../../ui/Table';
import { ConfirmDialog } from '../profiles/ConfirmDialog';
import { threeWayRows, type ThreeWayRow } from './threeWay';
import { formatTime } from './time';

const CONFIRM: Readonly<
  Record<'force' | 'discard', { title: string; label: string; text: string }>
> = {
  force: {
    title: 'Apply the plan as drafted?',
    label: 'Force',
    text: 'The plan is sent on the next replay although the server changed since it was drafted. The server’s newer sharing may be overwritten.',
  },
  discard: {
    title: 'Discard this plan?',
    label: 'Discard',
    text: 'The plan is dropped from the outbox and never sent. The server keeps its current sharing.',
  },
};

export function ConflictView({
  entry,
  agentName,
  onResolved,
}: {
  entry: OutboxEntry;
  agentName: string;
  /** Called after a choice was carried out; this view is gone then, so focus must move. */
  onResolved: () => void;
}): React.JSX.Element {
  const resolveConflict = useAppStore((state) => state.resolveConflict);
  const resolving = useAppStore((state) => state.resolvingEntry === entry.id);
  const [confirming, setConfirming] = useState<'force' | 'discard' | null>(null);
  const rows = threeWayRows(entry);
  const resolve = async (choice: ConflictChoice): Promise<void> => {
    if (await resolveConflict(entry.id, choice)) onResolved();
  };

  return (
    <div className="activity-conflict">
      <p className="activity-conflict-note">
        <AlertIcon /> The server’s sharing of {agentName} changed after this plan was drafted
        {entry.conflict ? ` (detected ${formatTime(entry.conflict.detectedAt)})` : ''}. Compare the
        three sides, then choose.
      </p>
      <Table<ThreeWayRow>
        caption={`Conflict for ${agentName}: drafted-on state, server now, and the plan`}
        rows={rows}
        rowKey={(row) => row.orgId ?? 'all-orgs'}
        columns={[
          {
            key: 'org',
            header: 'Organization',
            rowHeader: true,
            cell: (row) => (
              <>
                <SafeText value={row.name} />
                {row.changedOnServer ? (
                  <>
                    {' '}
                    <Badge tone="warning" icon={<AlertIcon />}>
                      Changed on the server
                    </Badge>
                  </>
                ) : null}
              </>
            ),
          },
          {
            key: 'base',
            header: 'Drafted on (base)',
            cell: (row) => <SafeText value={row.base} />,
          },
          { key: 'server', header: 'Server now', cell: (row) => <SafeText value={row.server} /> },
          { key: 'plan', header: 'The plan', cell: (row) => <SafeText value={row.plan} /> },
        ]}
      />
      <div className="sharing-actions">
        <Button variant="primary" disabled={resolving} onClick={() => void resolve('rebase')}>
          Rebase
        </Button>
        <Button disabled={resolving} onClick={() => setConfirming('force')}>
          Force…
        </Button>
        <Button variant="danger" disabled={resolving} onClick={() => setConfirming('discard')}>
          Discard…
        </Button>
      </div>
      <p className="sharing-dim">
        Rebase plans the same desired sharing again on what the server shows now and queues it for
        the next replay.
      </p>
      {confirming ? (
        <ConfirmDialog
          open
          title={CONFIRM[confirming].title}
          confirmLabel={CONFIRM[confirming].label}
          tone={confirming === 'discard' ? 'danger' : 'primary'}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            setConfirming(null);
            await resolve(confirming);
          }}
        >
          <p>{CONFIRM[confirming].text}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
