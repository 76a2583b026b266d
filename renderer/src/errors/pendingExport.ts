/**
 * Reads the outbox of a station cache with plain IndexedDB, without Dexie and without asking for
 * a version, so it works on a cache Dexie refuses (newer, or damaged): the pending operations are
 * the one thing a station must never lose, so they can always be saved before any reset.
 */
export type PendingRead = { ok: true; entries: unknown[] } | { ok: false; reason: string };

export function readPendingOperations(dbName: string, factory: IDBFactory = indexedDB): Promise<PendingRead> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(dbName);
    } catch (error) {
      resolve({ ok: false, reason: describe(error) });
      return;
    }
    request.onerror = () => {
      resolve({ ok: false, reason: describe(request.error) });
    };
    request.onblocked = () => {
      resolve({ ok: false, reason: 'another window holds the station’s data open: close it and try again' });
    };
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('outbox')) {
        db.close();
        resolve({ ok: true, entries: [] });
        return;
      }
      try {
        const all = db.transaction('outbox', 'readonly').objectStore('outbox').getAll();
        all.onsuccess = () => {
          db.close();
          resolve({ ok: true, entries: all.result });
        };
        all.onerror = () => {
          db.close();
          resolve({ ok: false, reason: describe(all.error) });
        };
      } catch (error) {
        db.close();
        resolve({ ok: false, reason: describe(error) });
      }
    };
  });
}

function describe(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.message : String(error);
}

/** The file a supervisor keeps or hands to support: every pending operation, in order. */
export function pendingExportJson(stationDb: string, entries: readonly unknown[], at: Date): string {
  return JSON.stringify({ kind: 'lockstep-pending-operations', database: stationDb, exportedAt: at.toISOString(), operations: entries }, null, 2);
}
