import { demoVerifiers } from '../demo/credentials';
import { seedBulkRuns } from '../demo/bulkRuns';
import { seedDemoIfEmpty } from '../demo/seedDemo';
import { pbkdf2PinCheck } from '../session/pbkdf2PinCheck';
import { verifierSourceOf } from '../session/pinVerifier';
import { CorruptCacheError, NewerCacheError, openStationDb } from '../store/open';
import { ensureStationId } from '../store/stationMeta';
import type { Station } from './StationContext';

export const stationDbName = 'lockstep-station';

export type BootResult =
  | { kind: 'ready'; station: Station }
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
  progress('Opening this station’s data…', null);
  let db;
  try {
    db = await openStationDb(stationDbName);
  } catch (error) {
    if (error instanceof NewerCacheError) return { kind: 'newer', message: error.message };
    if (error instanceof CorruptCacheError) return { kind: 'corrupt', message: error.message };
    throw error;
  }
  const stationId = await ensureStationId(db);
  progress('Loading the demo plant…', null);
  await seedDemoIfEmpty(db);
  const target = Number(new URLSearchParams(search).get('seedRuns') ?? '');
  if (Number.isInteger(target) && target > 0) {
    await seedBulkRuns(db, Math.min(target, 250_000), (done, total) => {
      progress(`Adding runs: ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`, done / total);
    });
  }
  const pinCheck = pbkdf2PinCheck({ verifiers: verifierSourceOf(demoVerifiers), user: (id) => db.users.get(id) });
  return { kind: 'ready', station: { db, stationId, pinCheck } };
}
