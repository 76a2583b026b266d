import { schemaVersions } from '../../../renderer/src/store/schema';

/** Plain IndexedDB requests as promises, for the benchmarks' raw floors (no Dexie in the way). */

/** Resolves when the request succeeds or the transaction completes; rejects on error or abort. */
export const done = (request: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => { resolve(); };
      request.onabort = () => { reject(request.error ?? new Error('transaction aborted')); };
    } else {
      request.onsuccess = () => { resolve(); };
      request.onerror = () => { reject(request.error ?? new Error('request failed')); };
    }
  });

/** Opens `name` at `version` (its current one when undefined), creating its stores in `upgrade`. */
export function openRaw(name: string, version?: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
  if (upgrade) request.onupgradeneeded = () => { upgrade(request.result); };
  return new Promise((resolve, reject) => {
    request.onsuccess = () => { resolve(request.result); };
    request.onerror = () => { reject(request.error ?? new Error(`cannot open ${name}`)); };
  });
}

/**
 * Creates `store` in a database being upgraded, with the key path and indexes the station's
 * current schema declares for it ('id, runId, …'; '&' marks a unique index), for a raw floor that
 * must write what the station writes.
 */
export function createStationStore(db: IDBDatabase, store: string): void {
  const latest: Record<string, string> = schemaVersions[schemaVersions.length - 1]?.stores ?? {};
  const [keyPath = 'id', ...indexes] = (latest[store] ?? '').split(',').map((s) => s.trim());
  const created = db.createObjectStore(store, { keyPath });
  for (const spec of indexes) {
    const name = spec.replace(/^&/, '');
    created.createIndex(name, name, { unique: spec.startsWith('&') });
  }
}
