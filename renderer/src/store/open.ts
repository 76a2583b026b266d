import Dexie from 'dexie';
import { StationDb } from './db';
import { currentSchemaVersion } from './schema';

/** The cache was written by a newer Lockstep: opening it could lose what it holds. */
export class NewerCacheError extends Error {
  override readonly name = 'NewerCacheError';
}

/** The cache could not be opened or read: the message says what to do. */
export class CorruptCacheError extends Error {
  override readonly name = 'CorruptCacheError';
}

export interface OpenOptions {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

const newer = () =>
  new NewerCacheError(
    `This station's data was saved by a newer version of Lockstep than this one (which reads cache version ${String(currentSchemaVersion)}). ` +
      'Install the newer Lockstep on this station to open it; nothing has been changed.',
  );

/** Opens the station's cache, refusing one from a newer version with a message a person can act on. */
export async function openStationDb(name = 'lockstep-station', options: OpenOptions = {}): Promise<StationDb> {
  const db = new StationDb(name, options);
  try {
    await db.open();
  } catch (error) {
    db.close();
    if (error instanceof Dexie.VersionError) throw newer();
    const detail = error instanceof Error ? error.message : String(error);
    throw new CorruptCacheError(`The station's data could not be opened (${detail}).`);
  }
  // Dexie 4 opens a newer database without complaint (IndexedDB versions are Dexie's times ten):
  // refuse it here, before anything reads or writes it.
  if (db.backendDB().version / 10 > currentSchemaVersion) {
    db.close();
    throw newer();
  }
  return db;
}
