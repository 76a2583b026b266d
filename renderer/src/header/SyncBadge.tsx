import { useLiveQuery } from 'dexie-react-hooks';
import { useShallow } from 'zustand/react/shallow';
import { useStation } from '../boot/StationContext';
import { useSyncStatus } from '../sync/syncStatusStore';
import { formatTime, formatCount } from '../ui/format';
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
  const trouble = problem === null ? troubleOf(status, server !== undefined) : { label: 'Not saved', reason: problem };
  return (
    <div className="sync-badge" role="status" aria-label="Sync status">
      <span className={online ? 'net online' : 'net offline'}>
        <span aria-hidden="true">{online ? '●' : '○'}</span> {online ? 'Online' : 'Offline'}
      </span>
      <span className="waiting">
        {waiting === undefined ? '…' : `${formatCount(waiting)} waiting to sync`}
      </span>
      <span className="last-sync">Last sync: {last}</span>
      {trouble && (
        // A short word fits the header; the whole reason is in the tooltip and read out with it.
        <span className="sync-trouble" title={trouble.reason}>
          {trouble.label}
          <span className="visually-hidden">: {trouble.reason}</span>
        </span>
      )}
    </div>
  );
}

function troubleOf(status: ReturnType<typeof useSyncStatus.getState>['status'], enrolled: boolean): { label: string; reason: string } | null {
  if (!enrolled) return { label: 'Demo plant', reason: 'This station works on its own demo plant and does not sync' };
  if (!status?.lastError) return null;
  return { label: status.lastError.permanent ? 'Sync stopped' : 'Retrying', reason: status.lastError.message };
}
