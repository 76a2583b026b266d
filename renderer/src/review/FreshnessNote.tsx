import { useLiveQuery } from 'dexie-react-hooks';
import { useStation } from '../boot/StationContext';
import { useSyncStatus } from '../sync/syncStatusStore';
import { formatTime } from '../ui/format';
import { freshnessOf } from './freshness';

/** How fresh the cached data on a supervisor screen is, in plain words. */
export function FreshnessNote() {
  const { db, server } = useStation();
  const status = useSyncStatus((s) => s.status);
  const lastSync = useLiveQuery(() => db.meta.get('lastSyncAt'), [db]);
  const waiting = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const fresh = freshnessOf({
    syncs: server !== undefined,
    status,
    lastSyncAt: typeof lastSync?.value === 'string' ? lastSync.value : null,
    waiting,
  });
  let text: string;
  switch (fresh.kind) {
    case 'demo':
      text = "This station's own demo plant: nothing to sync";
      break;
    case 'current':
      text = 'Up to date';
      break;
    case 'asOf':
      text = `${fresh.at === null ? 'Not synced yet' : `As of ${formatTime(fresh.at)}`} (${fresh.offline ? 'offline' : 'syncing'}): what this station has cached`;
      break;
    default:
      text = fresh satisfies never;
  }
  return (
    <p className={`freshness ${fresh.kind}`} data-testid="freshness">
      {text}
    </p>
  );
}
