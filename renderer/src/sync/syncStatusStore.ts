import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/sync/messages';

interface SyncStatusState {
  /** The worker's last word; null on a station that does not sync (demo) or before it spoke. */
  status: SyncStatus | null;
  /** A page of the server's changes that could not be saved here, in words. */
  problem: string | null;
}

export const initialSyncStatus: SyncStatusState = { status: null, problem: null };

/** What the header shows of sync: fed by the station's StationSync, read by the sync badge. */
export const useSyncStatus = create<SyncStatusState>()(() => initialSyncStatus);
