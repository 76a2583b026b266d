import type { Log } from './log';
import type { StationStore } from './stationStore';
import type { SyncHost } from './syncHost';

/**
 * At app start: an enrolled station resumes syncing from its stored identity. A settings file
 * that cannot be used does not stop the app: it is logged, the station starts unenrolled, and
 * the renderer hears the same sentence when it asks for the config, so a person can act.
 */
export async function restoreStation(store: StationStore, syncHost: SyncHost, log: Log): Promise<'enrolled' | 'not_enrolled' | 'unusable'> {
  const loaded = await store.load();
  if (!loaded.ok) {
    log.warn(loaded.error.message);
    return 'unusable';
  }
  if (loaded.value === null) return 'not_enrolled';
  syncHost.configure({ serverUrl: loaded.value.serverUrl, token: loaded.value.token });
  return 'enrolled';
}
