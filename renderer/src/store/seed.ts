import { writeChanges, type CacheChange } from './cacheChanges';
import type { StationDb } from './db';

/**
 * Writes rows as the server's truth (no shadows, no outbox): a station's first bootstrap, the
 * demo data, and tests that arrange a cache directly.
 */
export function seedCache(db: StationDb, changes: readonly CacheChange[]): Promise<void> {
  return db.transaction('rw', [...db.cacheTables, db.shadows, db.meta], () => writeChanges(db, changes, { shadow: false }));
}
