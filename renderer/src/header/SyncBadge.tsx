import { useLiveQuery } from 'dexie-react-hooks';
import { useShallow } from 'zustand/react/shallow';
import { useStation } from '../boot/StationContext';
import { useSyncStatus } from '../sync/syncStatusStore';
import { formatTime } from '../ui/format';
import { useOnline } from './useOnline';

/**
 * Online or offline, how many operations wait to sync, when the station last synced, and, when
 * sync has stopped or keeps failing, why: a technician must never believe work reached the
 * server when it has not.
 */
export function SyncBadge() {
  const { db, server } = useStation();
  const browserOnline = useOnline();
  const { status, problem } = useSyncStatus(useShallow((s) => ({ status: s.status, problem: s.problem })));
  const waiting = useLiveQuery(() => db.outbox.count(), [db]);
  const lastSync = useLiveQuery(() => db.meta.get('lastSyncAt'), [db]);
  const online = status ? status.online : browserOnline;
  const last = typeof lastSync?.value === 'string' ? formatTime(lastSync.value) : 'never';
  const trouble = problem ?? troubleOf(status, server !== undefined);
  return (
    <div className="sync-badge" role="status" aria-label="Sync status">
      <span className={online ? 'net online' : 'net offline'}>
        <span aria-hidden="true">{online ? '●' : '○'}</span> {online ? 'Online' : 'Offline'}
      </span>
      <span className="waiting">
        {waiting === undefined ? '…' : `${waiting.toLocaleString('en')} waiting to sync`}
      </span>
      <span className="last-sync">Last sync: {last}</span>
      {trouble && <span className="sync-trouble">{trouble}</span>}
    </div>
  );
}

function troubleOf(status: ReturnType<typeof useSyncStatus.getState>['status'], enrolled: boolean): string | null {
  if (!enrolled) return 'Demo plant: this station does not sync';
  if (!status?.lastError) return null;
  return status.lastError.permanent ? `Sync stopped: ${status.lastError.message}` : `Retrying: ${status.lastError.message}`;
}
