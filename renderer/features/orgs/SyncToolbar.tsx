/** Full sync of the org tree: start it, watch count, rate and time left, cancel it. */
import { useAppStore } from '../../store/StoreProvider';
import { Button } from '../../ui/Button';
import { SyncIcon } from '../../ui/icons';
import { ProgressBar } from '../../ui/ProgressBar';
import { ConnectionBadge } from './ConnectionBadge';
import { syncStats } from './syncStats';

export function SyncToolbar(): React.JSX.Element {
  const syncRun = useAppStore((state) => state.syncRun);
  const startSync = useAppStore((state) => state.startSync);
  const cancelSync = useAppStore((state) => state.cancelSync);
  const running = syncRun.status === 'running';
  const stats = syncStats(syncRun.fetched, syncRun.total, syncRun.startedAt, syncRun.updatedAt);

  return (
    <div className="org-sync-toolbar" role="group" aria-label="Sync">
      <Button
        variant="primary"
        icon={<SyncIcon />}
        disabled={running}
        onClick={() => void startSync()}
      >
        Full sync
      </Button>
      {running ? (
        <ProgressBar
          label="Full sync"
          value={syncRun.fetched}
          max={syncRun.total}
          unit="organizations"
          ratePerSecond={stats.ratePerSecond}
          etaSeconds={stats.etaSeconds}
          onCancel={cancelSync}
        />
      ) : null}
      <ConnectionBadge />
    </div>
  );
}
