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
  // Dexie 4 opens a newer database and may even add stores to it: look at its version first.
  const installed = await installedVersion(options.indexedDB ?? globalThis.indexedDB, name);
  if (installed !== null && installed / 10 > currentSchemaVersion) throw newer();
  const db = new StationDb(name, options);
  try {
    await db.open();
  } catch (error) {
    db.close();
    if (error instanceof Dexie.VersionError) throw newer();
    const detail = error instanceof Error ? error.message : String(error);
    throw new CorruptCacheError(`The station's data could not be opened (${detail}).`);
  }
  return db;
}

/** The IndexedDB version of an existing database (Dexie's version times ten), or null if there is none. */
async function installedVersion(factory: IDBFactory, name: string): Promise<number | null> {
  const databases = await factory.databases();
  return databases.find((d) => d.name === name)?.version ?? null;
}
