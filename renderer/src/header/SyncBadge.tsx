import { useLiveQuery } from 'dexie-react-hooks';
import { useStation } from '../boot/StationContext';
import { formatTime } from '../ui/format';
import { useOnline } from './useOnline';

/** Online or offline, how many operations wait to sync, and when the station last synced. */
export function SyncBadge() {
  const { db } = useStation();
  const online = useOnline();
  const waiting = useLiveQuery(() => db.outbox.count(), [db]);
  const lastSync = useLiveQuery(() => db.meta.get('lastSyncAt'), [db]);
  const last = typeof lastSync?.value === 'string' ? formatTime(lastSync.value) : 'never';
  return (
    <div className="sync-badge" role="status" aria-label="Sync status">
      <span className={online ? 'net online' : 'net offline'}>
        <span aria-hidden="true">{online ? '●' : '○'}</span> {online ? 'Online' : 'Offline'}
      </span>
      <span className="waiting">
        {waiting === undefined ? '…' : `${waiting.toLocaleString('en')} waiting to sync`}
      </span>
      <span className="last-sync">Last sync: {last}</span>
    </div>
  );
}
