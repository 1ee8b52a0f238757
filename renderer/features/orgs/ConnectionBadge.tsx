/** Online or offline, and how old the offline cache of the org tree is ("cached 3 h ago"). */
import { useAppStore } from '../../store/StoreProvider';
import { Badge } from '../../ui/Badge';
import { formatAge } from '../../ui/format';
import { OfflineIcon, OnlineIcon } from '../../ui/icons';
import { useNow } from '../../ui/useNow';

/** Ages are shown in minutes at best, so a tick every 30 s is enough. */
const TICK_MS = 30_000;

export function ConnectionBadge(): React.JSX.Element | null {
  const cacheStatus = useAppStore((state) => state.cacheStatus);
  const clock = useAppStore((state) => state.clock);
  const now = useNow(clock, TICK_MS);
  if (!cacheStatus) return null;

  const age =
    cacheStatus.syncedAt === null ? 'never synced' : formatAge(now - cacheStatus.syncedAt);
  if (cacheStatus.online) {
    return (
      <Badge tone="success" icon={<OnlineIcon />}>
        Online · {cacheStatus.syncedAt === null ? 'not synced yet' : `synced ${age}`}
      </Badge>
    );
  }
  return (
    <Badge tone="warning" icon={<OfflineIcon />}>
      Offline · {cacheStatus.syncedAt === null ? 'no cache yet' : `cached ${age}`}
    </Badge>
  );
}
