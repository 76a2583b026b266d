import { demoVerifiers } from '../demo/credentials';
import { seedBulkRuns } from '../demo/bulkRuns';
import { seedDemoIfEmpty } from '../demo/seedDemo';
import { pbkdf2PinCheck } from '../session/pbkdf2PinCheck';
import { verifierSourceOf } from '../session/pinVerifier';
import type { StationBridge, StationConfig } from '../../../shared/bridge/contract';
import { servedByLockstepServer, stationBridge } from '../host/stationBridge';
import { serverFirstPinCheck } from '../session/serverPinCheck';
import { StationDb } from '../store/db';
import { CorruptCacheError, NewerCacheError, openStationDb } from '../store/open';
import { StationSync } from '../sync/stationSync';
import { useSyncStatus } from '../sync/syncStatusStore';
import { demoChoiceKey } from './ConnectScreen';
import { ensureStationId } from '../store/stationMeta';
import type { Station } from './StationContext';
import { formatCount } from '../ui/format';

export const stationDbName = 'lockstep-station';

export type BootResult =
  | { kind: 'ready'; station: Station }
  | { kind: 'connect'; bridge: StationBridge; defaultServerUrl: string }
  | { kind: 'newer'; message: string }
  | { kind: 'corrupt'; message: string };

export interface BootProgress {
  (text: string, fraction: number | null): void;
}

/**
 * Opens the cache, names the station, seeds the demo plant into an empty cache and, when asked
 * by `?seedRuns=N`, tops the cache up to N runs. A cache that cannot be opened is reported, never
 * reset: its outbox may hold work not yet on the server.
 */
export async function bootStation(search: string, progress: BootProgress): Promise<BootResult> {
  const bridge = stationBridge();
  let config: StationConfig | null;
  try {
    config = await bridge.station.config();
  } catch (error) {
    return { kind: 'corrupt', message: `This station's settings could not be read (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (config) return bootEnrolled(bridge, config, progress);
  const demoChosen = new URLSearchParams(search).has('demo') || localStorage.getItem(demoChoiceKey) === 'yes';
  if (!demoChosen && (bridge.host === 'electron' || servedByLockstepServer())) {
    return { kind: 'connect', bridge, defaultServerUrl: bridge.host === 'browser' ? location.origin : '' };
  }
  return bootDemo(search, progress);
}

/** Opens a cache, or says why it cannot: a newer version's, or one that will not open. */
async function openCache(name: string): Promise<StationDb | Exclude<BootResult, { kind: 'ready' | 'connect' }>> {
  try {
    return await openStationDb(name);
  } catch (error) {
    if (error instanceof NewerCacheError) return { kind: 'newer', message: error.message };
    if (error instanceof CorruptCacheError) return { kind: 'corrupt', message: error.message };
    throw error;
  }
}

/**
 * A station enrolled with a server: its own cache (named after its station id), filled and kept
 * current by the sync worker through the host's bridge; people sign in through the server while
 * it can be reached and against the verifiers it handed out when it cannot.
 */
async function bootEnrolled(bridge: StationBridge, config: StationConfig, progress: BootProgress): Promise<BootResult> {
  progress('Opening this station’s data…', null);
  const db = await openCache(`lockstep-${config.stationId}`);
  if (!(db instanceof StationDb)) return db;
  const stationId = await ensureStationId(db, () => config.stationId);
  const sync = new StationSync(
    db,
    (message) => {
      bridge.sync.post(message);
    },
    (status) => {
      useSyncStatus.setState({ status });
    },
    (error) => {
      useSyncStatus.setState({ problem: `Changes from the server could not be saved on this station (${error instanceof Error ? error.message : String(error)})` });
    },
  );
  bridge.sync.onMessage((message) => void sync.receive(message));
  sync.watchOutbox();
  await sync.start();
  return { kind: 'ready', station: { db, stationId, pinCheck: serverFirstPinCheck(bridge, db), server: config } };
}

/** A station on its own, on the demo plant: for trying Lockstep, and for the station's own tests. */
async function bootDemo(search: string, progress: BootProgress): Promise<BootResult> {
  progress('Opening this station’s data…', null);
  const db = await openCache(stationDbName);
  if (!(db instanceof StationDb)) return db;
  const stationId = await ensureStationId(db);
  progress('Loading the demo plant…', null);
  await seedDemoIfEmpty(db);
  const target = Number(new URLSearchParams(search).get('seedRuns') ?? '');
  if (Number.isInteger(target) && target > 0) {
    await seedBulkRuns(db, Math.min(target, 250_000), (done, total) => {
      progress(`Adding runs: ${formatCount(done)} of ${formatCount(total)}`, done / total);
    });
  }
  const pinCheck = pbkdf2PinCheck({ verifiers: verifierSourceOf(demoVerifiers), user: (id) => db.users.get(id) });
  return { kind: 'ready', station: { db, stationId, pinCheck } };
}
